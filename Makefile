# HotGrid: `make demo` runs the main job, `make test` runs the tests. Both install what they need.
DB ?= hotgrid.sqlite
REGION ?= 2+26
HOTGRID = .build/release/hotgrid

.PHONY: deps build demo test bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	swift build -c release --product hotgrid

# Cut the region into 3 km cells and print the per-city summary.
demo: build
	$(HOTGRID) init --db $(DB) --region $(REGION) --force
	$(HOTGRID) region --db $(DB)

test: deps
	swift test

# Time and peak memory of the region set-up at every cell size.
bench: build
	bash scripts/bench.sh

clean:
	rm -rf .build $(DB) $(DB)-wal $(DB)-shm
