#!/usr/bin/env bash
# Benchmarks of the region set-up: prints time and peak memory of `hotgrid init` per region and
# cell size, and of the cell export. Run with `make bench` (release build).
set -euo pipefail
cd "$(dirname "$0")/.."
HOTGRID=.build/release/hotgrid
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for region in 2+26 fenwei yrd; do
  "$HOTGRID" init --db "$work/$region.sqlite" --region "$region" 2>/dev/null
done
for size in 1000 500; do
  "$HOTGRID" init --db "$work/2p26-$size.sqlite" --region 2+26 --cell-size "$size" 2>/dev/null
done
start=$(date +%s%N)
"$HOTGRID" cells --db "$work/2+26.sqlite" --format geojson --out "$work/cells.geojson"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "cells --format geojson (2+26): $(stat -c %s "$work/cells.geojson") bytes in ${ms} ms"
# Simulation: the 2+26 region at 3 km for two years, then ingesting its hourly observations.
"$HOTGRID" simulate --out "$work/world" 2>/dev/null
"$HOTGRID" ingest stations --db "$work/2+26.sqlite" --stations "$work/world/stations.csv" --observations "$work/world/observations.csv" 2>/dev/null | tail -n 1
# Estimate: one year of daily PM2.5 for every 2+26 cell from the simulated stations and satellite.
"$HOTGRID" ingest field --db "$work/2+26.sqlite" --variable pm25_satellite --file "$work/world/fields/pm25_satellite.nc" 2>/dev/null | tail -n 1
"$HOTGRID" estimate --db "$work/2+26.sqlite" --from 2017-01-01 --to 2017-12-31 2>/dev/null
# Hotspot selection: one year of 2+26 (needs the meteorology of the simulated world).
for v in u10 v10 blh precip; do "$HOTGRID" ingest field --db "$work/2+26.sqlite" --variable $v --file "$work/world/fields/$v.nc" 2>/dev/null >/dev/null; done
"$HOTGRID" select --db "$work/2+26.sqlite" --year 2017 --out "$work/hotspots.csv" 2>&1 | tail -n 1
# Monthly warnings: every month of 2018 from the 2017 list, with escalations (needs 2018's estimate).
"$HOTGRID" estimate --db "$work/2+26.sqlite" --from 2018-01-01 --to 2018-12-31 2>/dev/null >/dev/null
"$HOTGRID" warn --db "$work/2+26.sqlite" --from 2018-01 --to 2018-12 --out "$work/warnings.csv" 2>&1 | tail -n 2
"$HOTGRID" publish --db "$work/2+26.sqlite" --month 2018-12 --format html --out "$work/warnings.html" >/dev/null
start=$(date +%s%N)
"$HOTGRID" publish --db "$work/2+26.sqlite" --month 2018-12 --format html --out "$work/warnings.html"
echo "publish --format html (2+26, again): $(( ($(date +%s%N) - start) / 1000000 )) ms, $(stat -c %s "$work/warnings.html") bytes"
# Field ingest: a synthetic 0.01° daily NetCDF over 2+26 for 365 days (write time, then ingest
# throughput and peak memory of `hotgrid ingest field` on its own).
"$HOTGRID" bench field --db "$work/2+26.sqlite" --write-only --keep "$work" 2>/dev/null
"$HOTGRID" ingest field --db "$work/2+26.sqlite" --variable pm25_satellite --file "$work/bench-pm25_satellite.nc" 2>/dev/null
# Ledger: 10,000 problems with 50,000 status changes through the service (permission checks, audit
# entries), then the statistics and audit verify; one transaction per move, then 100 problems per transaction.
"$HOTGRID" init --db "$work/ledger.sqlite" --region 2+26 >/dev/null 2>&1
"$HOTGRID" bench ledger --db "$work/ledger.sqlite" --batch 1 2>/dev/null
"$HOTGRID" bench ledger --db "$work/ledger.sqlite" --batch 100 2>/dev/null
# Server: wrk on a city's warning list and the warned cells' GeoJSON (needs Debian's wrk).
if command -v wrk >/dev/null; then
  HOTGRID="$HOTGRID" bash scripts/bench-server.sh "$work/2+26.sqlite"
else
  echo "wrk not installed (apt-get install -y wrk): server benchmark skipped"
fi
