#!/usr/bin/env python3
"""Convert the UCI "Beijing Multi-Site Air-Quality Data" (Zhang et al. 2017, CC BY 4.0) into
HotGrid's public station formats.

    prsa_to_csv.py STATIONS_CSV OUT_DIR PRSA_FILE.csv.gz [...] [--from 2016-01-01 --to 2016-02-29]

STATIONS_CSV maps the PRSA station names to national codes and positions
(station,cnemc_code,name_zh,lon,lat). Writes OUT_DIR/stations.csv (station_id,name,lon,lat)
and OUT_DIR/observations.csv (station_id,time,pm25; Beijing time; NA becomes empty).
"""
import argparse, csv, gzip, os

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("stations"); p.add_argument("out"); p.add_argument("files", nargs="+")
    p.add_argument("--from", dest="start", default="0000-00-00"); p.add_argument("--to", dest="end", default="9999-99-99")
    a = p.parse_args()
    with open(a.stations, encoding="utf-8") as f:
        meta = {r["station"]: r for r in csv.DictReader(f)}
    os.makedirs(a.out, exist_ok=True)
    used = []
    with open(os.path.join(a.out, "observations.csv"), "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["station_id", "time", "pm25"])
        for path in a.files:
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    day = f"{int(r['year']):04d}-{int(r['month']):02d}-{int(r['day']):02d}"
                    if not (a.start <= day <= a.end):
                        continue
                    m = meta[r["station"]]
                    if m["cnemc_code"] not in used:
                        used.append(m["cnemc_code"])
                    value = "" if r["PM2.5"] in ("NA", "") else r["PM2.5"]
                    w.writerow([m["cnemc_code"], f"{day}T{int(r['hour']):02d}:00", value])
    with open(os.path.join(a.out, "stations.csv"), "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["station_id", "name", "lon", "lat"])
        for m in meta.values():
            if m["cnemc_code"] in used:
                w.writerow([m["cnemc_code"], m["name_zh"], m["lon"], m["lat"]])

if __name__ == "__main__":
    main()
