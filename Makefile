# HotGrid: `make demo` runs the main job, `make test` runs the tests. Both install what they need.
REGION ?= 2+26
HOTGRID = .build/release/hotgrid

.PHONY: deps build demo test bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	swift build -c release --product hotgrid

DEMO ?= demo

# The whole system on a simulated world: two years of the region with known emissions (stations,
# satellite PM2.5, meteorology), its 3 km cells, every cell's daily PM2.5, 2017's hotspot cells
# reviewed for 2018, the warnings and escalations of every month of 2018, December's publication
# and a month of supervision work on the ledger with staff logins, all in $(DEMO)/; then it serves
# them at http://127.0.0.1:8080/ (Ctrl-C stops). Run again to serve without rebuilding.
demo: build
	$(HOTGRID) demo --dir $(DEMO) --region $(REGION)

test: deps
	swift test
	# Throughput under attack, measured with the machine to itself.
	HOTGRID_LOAD_TESTS=1 swift test --skip-build --filter 'guessingDoesNotStallReaders'

# Time and peak memory of the region set-up at every cell size.
bench: build
	bash scripts/bench.sh

clean:
	rm -rf .build $(DEMO) .$(DEMO).partial-*
