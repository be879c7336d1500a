# HotGrid: `make demo` runs the main job, `make test` runs the tests. Both install what they need.
DB ?= hotgrid.sqlite
REGION ?= 2+26
HOTGRID = .build/release/hotgrid

.PHONY: deps build demo test bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	swift build -c release --product hotgrid

WORLD ?= demo-world
FIELDS = pm25_satellite u10 v10 blh precip

# Simulate two years of a world with known emissions, cut the region into 3 km cells, ingest
# the world's stations, satellite product and meteorology, estimate daily PM2.5 for every cell,
# cross-validate it against held-out stations and the truth, export 2017's annual means, select
# 2017's hotspot cells and review them for 2018, warn every month of 2018 from the 2017 list with
# its escalations, publish December's list, and run a month of supervision work on the ledger.
demo: build
	$(HOTGRID) simulate --out $(WORLD) --region $(REGION) --force
	$(HOTGRID) init --db $(DB) --region $(REGION) --force
	$(HOTGRID) region --db $(DB)
	$(HOTGRID) ingest stations --db $(DB) --stations $(WORLD)/stations.csv --observations $(WORLD)/observations.csv
	for v in $(FIELDS); do $(HOTGRID) ingest field --db $(DB) --variable $$v --file $(WORLD)/fields/$$v.nc || exit 1; done
	$(HOTGRID) inventory --db $(DB) | head -n 12
	$(HOTGRID) estimate --db $(DB) --from 2017-01-01 --to 2018-12-31 --truth-cells $(WORLD)/truth/cells.csv
	$(HOTGRID) estimate --db $(DB) --from 2017-01-01 --to 2018-12-31 --cv 10 --truth-stations $(WORLD)/truth/stations_daily.csv
	$(HOTGRID) means --db $(DB) --year 2017 --out means-2017.csv
	$(HOTGRID) select --db $(DB) --year 2017 --out hotspots-2017.csv
	$(HOTGRID) review --db $(DB) --year 2018 --out review-2018.csv
	$(HOTGRID) hotspots --db $(DB) --year 2018 --format geojson --out hotspots-2018.geojson
	$(HOTGRID) warn --db $(DB) --from 2018-01 --to 2018-12 --out warnings-2018.csv
	$(HOTGRID) escalations --db $(DB) --out escalations-2018.csv
	$(HOTGRID) publish --db $(DB) --month 2018-12 --format html --out warnings-2018-12.html
	$(HOTGRID) publish --db $(DB) --month 2018-12 --format csv --out warnings-2018-12.csv
	HOTGRID=$(HOTGRID) bash scripts/ledger-scenario.sh $(DB) 2018-12 ledger-2018-12
	@echo "Annual means per cell: means-2017.csv; hotspot lists: hotspots-2017.csv, hotspots-2018.geojson; review: review-2018.csv"
	@echo "Warnings 2018: warnings-2018.csv, escalations-2018.csv; December's public list: warnings-2018-12.html (open it in a browser), warnings-2018-12.csv"
	@echo "Ledger: ledger-2018-12/ (one cell's problem sheet, statistics); try hotgrid history --db $(DB) --cell <a cell id from warnings-2018.csv>"

test: deps
	swift test

# Time and peak memory of the region set-up at every cell size.
bench: build
	bash scripts/bench.sh

clean:
	rm -rf .build $(DB) $(DB)-wal $(DB)-shm $(WORLD) means-2017.csv hotspots-2017.csv hotspots-2018.geojson review-2018.csv \
		warnings-2018.csv escalations-2018.csv warnings-2018-12.html warnings-2018-12.csv \
		ledger-2018-12 $(DB).files
