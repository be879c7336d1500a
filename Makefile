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
# the world's stations, satellite product and meteorology, and show what was loaded.
demo: build
	$(HOTGRID) simulate --out $(WORLD) --region $(REGION) --force
	$(HOTGRID) init --db $(DB) --region $(REGION) --force
	$(HOTGRID) region --db $(DB)
	$(HOTGRID) ingest stations --db $(DB) --stations $(WORLD)/stations.csv --observations $(WORLD)/observations.csv
	for v in $(FIELDS); do $(HOTGRID) ingest field --db $(DB) --variable $$v --file $(WORLD)/fields/$$v.nc || exit 1; done
	$(HOTGRID) inventory --db $(DB) | head -n 24

test: deps
	swift test

# Time and peak memory of the region set-up at every cell size.
bench: build
	bash scripts/bench.sh

clean:
	rm -rf .build $(DB) $(DB)-wal $(DB)-shm $(WORLD)
