#!/usr/bin/env python3
"""The tree-ensemble comparison of issue 14: XGBoost (the library behind Debian's libxgboost-dev,
here through its Python package) against HotGrid's fusion, on a simulated world already loaded
into a HotGrid database and estimated (`hotgrid estimate`).

XGBoost gets what the space-time models of CHAP and TAP use: the cell-day's satellite value (missing
under cloud), the satellite's ±15-day mean at the cell, u10, v10, blh, precipitation, lon, lat,
day of year, the day's mean over the training stations and their inverse-distance mean (leave one
out for training rows). It is scored like `hotgrid estimate --cv`: held-out stations' daily means,
Pearson r², random station folds and spatially blocked folds (k-means clusters held out whole);
then, trained on every station, its annual field against the true annual mean.

    pip install xgboost numpy
    python3 scripts/compare-xgboost.py WORLD.sqlite WORLD/truth/cells.csv [--year 2017]
"""
import argparse
import csv
import sqlite3

import numpy as np
import xgboost as xgb


def load(db, year):
    con = sqlite3.connect(db)
    cells = [r[0] for r in con.execute("SELECT id FROM cell ORDER BY idx")]
    lonlat = np.array(con.execute("SELECT lon, lat FROM cell ORDER BY idx").fetchall())
    days = [r[0] for r in con.execute(
        "SELECT day FROM field_day WHERE variable = 'pm25_satellite' AND day LIKE ? ORDER BY day", (f"{year}%",))]
    position = {d: i for i, d in enumerate(days)}

    def cube(variable):
        a = np.full((len(days), len(cells)), np.nan, np.float32)
        for day, blob in con.execute("SELECT day, data FROM field_day WHERE variable = ? AND day LIKE ?", (variable, f"{year}%")):
            if day in position:
                a[position[day]] = np.frombuffer(blob, "<f4")
        return a

    fields = {v: cube(v) for v in ("pm25_satellite", "u10", "v10", "blh", "precip", "pm25")}
    index = {c: i for i, c in enumerate(cells)}
    stations = con.execute("SELECT id, cell_id FROM station ORDER BY id").fetchall()
    station_cell = np.array([index[c] for _, c in stations])
    obs = np.full((len(days), len(stations)), np.nan)
    sid = {s: i for i, (s, _) in enumerate(stations)}
    for s, day, pm in con.execute("SELECT station_id, day, pm25 FROM station_day WHERE day LIKE ? AND pm25 IS NOT NULL", (f"{year}%",)):
        if day in position:
            obs[position[day], sid[s]] = pm
    return cells, lonlat, days, fields, station_cell, obs


def window_mean(a, half=15):
    """Mean of the finite values within ±half days, per cell."""
    finite = np.isfinite(a)
    values = np.where(finite, a, 0).astype(np.float64)
    cs = np.cumsum(np.vstack([np.zeros((1, a.shape[1])), values]), axis=0)
    cn = np.cumsum(np.vstack([np.zeros((1, a.shape[1])), finite]), axis=0)
    n = a.shape[0]
    lo = np.clip(np.arange(n) - half, 0, n)
    hi = np.clip(np.arange(n) + half + 1, 0, n)
    s, c = cs[hi] - cs[lo], cn[hi] - cn[lo]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(c > 0, s / c, np.nan).astype(np.float32)


def km(lonlat):
    lat0 = np.radians(lonlat[:, 1].mean())
    return np.column_stack([lonlat[:, 0] * 111.32 * np.cos(lat0), lonlat[:, 1] * 110.57])


def station_features(obs, train, xy_targets, xy_stations, exclude=None):
    """Per day and target: the mean of the training stations and their 1/d² mean; `exclude[t]` is
    the station a target is (left out of its own features)."""
    d2 = ((xy_targets[:, None, :] - xy_stations[None, train, :]) ** 2).sum(-1) + 1.0
    w = 1.0 / d2
    if exclude is not None:
        for t, s in enumerate(exclude):
            hit = np.where(train == s)[0]
            w[t, hit] = 0
    o = obs[:, train]
    finite = np.isfinite(o)
    ov = np.where(finite, o, 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        regional = ov.sum(1) / finite.sum(1)
        idw = (ov @ w.T) / (finite.astype(float) @ w.T)
    return np.repeat(regional[:, None], xy_targets.shape[0], 1), idw


def design(fields, satwin, lonlat, cell_idx, days, regional, idw):
    n_days = len(days)
    doy = np.repeat(np.arange(n_days)[:, None], len(cell_idx), 1)
    cols = [fields["pm25_satellite"][:, cell_idx], satwin[:, cell_idx], fields["u10"][:, cell_idx], fields["v10"][:, cell_idx],
            fields["blh"][:, cell_idx], fields["precip"][:, cell_idx],
            np.repeat(lonlat[cell_idx, 0][None, :], n_days, 0), np.repeat(lonlat[cell_idx, 1][None, :], n_days, 0),
            doy, regional, idw]
    return np.stack([c.astype(np.float32).ravel() for c in cols], 1)


def r2(a, b):
    ok = np.isfinite(a) & np.isfinite(b)
    return np.corrcoef(a[ok], b[ok])[0, 1] ** 2


def kmeans(xy, k, seed=1):
    rng = np.random.default_rng(seed)
    centres = xy[rng.choice(len(xy), k, replace=False)]
    for _ in range(50):
        label = ((xy[:, None] - centres[None]) ** 2).sum(-1).argmin(1)
        centres = np.array([xy[label == j].mean(0) if (label == j).any() else centres[j] for j in range(k)])
    return label


PARAMS = dict(max_depth=6, eta=0.05, subsample=0.8, colsample_bytree=0.8, tree_method="hist", nthread=2, seed=1)
ROUNDS = 400


def fit(X, y):
    return xgb.train(PARAMS, xgb.DMatrix(X, label=y, missing=np.nan), num_boost_round=ROUNDS)


def predict(model, X):
    return model.predict(xgb.DMatrix(X, missing=np.nan))


def cross_validate(folds, fields, satwin, lonlat, xy, station_cell, obs, days):
    est, ref, hotgrid = [], [], []
    n = obs.shape[1]
    for fold in np.unique(folds):
        test = np.where(folds == fold)[0]
        train = np.where(folds != fold)[0]
        reg, idw = station_features(obs, train, xy[station_cell[train]], xy[station_cell], exclude=train)
        X = design(fields, satwin, lonlat, station_cell[train], days, reg, idw)
        y = obs[:, train].ravel()
        ok = np.isfinite(y)
        model = fit(X[ok], y[ok])
        reg_t, idw_t = station_features(obs, train, xy[station_cell[test]], xy[station_cell])
        Xt = design(fields, satwin, lonlat, station_cell[test], days, reg_t, idw_t)
        est.append(predict(model, Xt))
        ref.append(obs[:, test].ravel())
    return r2(np.concatenate(est), np.concatenate(ref))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db")
    parser.add_argument("truth")
    parser.add_argument("--year", default="2017")
    args = parser.parse_args()
    cells, lonlat, days, fields, station_cell, obs = load(args.db, args.year)
    satwin = window_mean(fields["pm25_satellite"])
    xy = km(lonlat)
    n = len(station_cell)
    random_folds = np.random.default_rng(1).permutation(n) % 5
    blocked = kmeans(xy[station_cell], 5)
    print(f"{args.db}: {len(cells)} cells, {n} stations, {len(days)} days")
    print(f"  XGBoost daily CV r² vs held-out stations: random {cross_validate(random_folds, fields, satwin, lonlat, xy, station_cell, obs, days):.3f}, "
          f"blocked {cross_validate(blocked, fields, satwin, lonlat, xy, station_cell, obs, days):.3f}")
    # The field: trained on every station, predicted for every cell-day.
    everyone = np.arange(n)
    reg, idw = station_features(obs, everyone, xy[station_cell], xy[station_cell], exclude=everyone)
    X = design(fields, satwin, lonlat, station_cell, days, reg, idw)
    y = obs.ravel()
    ok = np.isfinite(y)
    model = fit(X[ok], y[ok])
    reg_c, idw_c = station_features(obs, everyone, xy, xy[station_cell])
    field = predict(model, design(fields, satwin, lonlat, np.arange(len(cells)), days, reg_c, idw_c)).reshape(len(days), len(cells))
    truth = {r["cell_id"]: float(r["pm25_mean"]) for r in csv.DictReader(open(args.truth))}
    true_mean = np.array([truth.get(c, np.nan) for c in cells])
    with np.errstate(invalid="ignore"):
        hotgrid_mean = np.nanmean(fields["pm25"], 0)
        satellite_mean = np.nanmean(fields["pm25_satellite"], 0)
    print(f"  annual mean r² vs truth: XGBoost {r2(field.mean(0), true_mean):.3f}, HotGrid {r2(hotgrid_mean, true_mean):.3f}, "
          f"satellite average {r2(satellite_mean, true_mean):.3f}")


if __name__ == "__main__":
    main()
