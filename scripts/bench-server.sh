#!/usr/bin/env bash
# Load test of the server with wrk (Debian's wrk): a city's warning list, a page of the warned
# cells' GeoJSON, the portal's map, a city page and a warned cell's page, 64 connections for 10 s
# each, on a database that has warnings (make demo builds demo/hotgrid.sqlite).
#   bash scripts/bench-server.sh [DB]        (HOTGRID= the binary, default .build/release/hotgrid)
set -euo pipefail
HOTGRID=${HOTGRID:-.build/release/hotgrid}
DB=${1:-demo/hotgrid.sqlite}
PORT=${PORT:-18080}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
"$HOTGRID" serve --db "$DB" --port "$PORT" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/api/v1/openapi.yaml" >/dev/null && break; sleep 0.2; done
read -r city cell < <(curl -sf "http://127.0.0.1:$PORT/api/v1/warnings?limit=1" \
  | python3 -c 'import json,sys; w = json.load(sys.stdin)["results"][0]; print(w["city_code"], w["cell_id"])')
for path in "/api/v1/warnings?city=$city" "/api/v1/collections/warnings/items?limit=100" "/" "/cities/$city" "/cells/$cell"; do
  echo "== GET $path"
  wrk -t2 -c64 -d10s --latency "http://127.0.0.1:$PORT$path" | grep -E "Requests/sec|Latency|99%|Non-2xx"
done
