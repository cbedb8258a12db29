# Thin wrapper over CMake. `make demo` and `make test` each install what is
# missing (scripts/install-deps), configure, build and run.
.PHONY: all deps build demo test asan tsan fuzz bench bench-quick bench-query clean format

BUILD_DIR ?= build/release
ASAN_DIR  ?= build/asan
TSAN_DIR  ?= build/tsan
FUZZ_DIR  ?= build/fuzz
# Seconds each libFuzzer harness runs in `make fuzz`, and how many at a time.
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 1
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
# Warnings are errors in CI (CI=true); a developer may opt in with WERROR=ON.
WERROR    ?= $(if $(CI),ON,OFF)
GEOKG      = $(BUILD_DIR)/cli/geokg
DEMO_DB    = out/geokg.db

all: build

deps:
	@scripts/install-deps

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release -DGEOKG_WERROR=$(WERROR)
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	@mkdir -p out
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(GEOKG) ingest samples/ --db $(DEMO_DB)
	$(GEOKG) stats --db $(DEMO_DB)
	$(GEOKG) extract samples/articles > out/articles.extract.jsonl
	$(GEOKG) export --db $(DEMO_DB) --format graphml --out out/graph.graphml
	$(GEOKG) export --db $(DEMO_DB) --format gexf --out out/graph.gexf
	$(GEOKG) export --db $(DEMO_DB) --format json --out out/graph.json
	$(GEOKG) export --db $(DEMO_DB) --format csv --out out/graph
	$(GEOKG) export --db $(DEMO_DB) --format dot --out out/graph.dot
	dot -Tsvg out/graph.dot -o out/graph.svg
	@echo "demo: wrote $(DEMO_DB), out/articles.extract.jsonl, out/graph.graphml, .gexf, .json, .nodes.csv, .edges.csv, .dot and .svg"

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: deps
	cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEOKG_SANITIZE=ON \
	  -DGEOKG_WERROR=$(WERROR) -DGEOKG_BUILD_BENCH=OFF
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

# The whole suite under ThreadSanitizer: ingest reads on a second thread.
tsan: deps
	cmake -S . -B $(TSAN_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEOKG_TSAN=ON \
	  -DGEOKG_WERROR=$(WERROR) -DGEOKG_BUILD_BENCH=OFF
	cmake --build $(TSAN_DIR) -j $(JOBS)
	cd $(TSAN_DIR) && TSAN_OPTIONS=halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# Every libFuzzer harness in fuzz/ (clang, ASan + UBSan) for FUZZ_SECONDS each;
# fails when one finds something. See docs/fuzzing.md.
fuzz:
	@scripts/install-deps --fuzz
	cmake -S . -B $(FUZZ_DIR) --no-warn-unused-cli -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang \
	  -DGEOKG_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
	  -DGEOKG_WERROR=$(WERROR) -DGEOKG_BUILD_TESTS=OFF -DGEOKG_BUILD_BENCH=OFF
	cmake --build $(FUZZ_DIR) --target geokg_fuzzers -j $(JOBS)
	FUZZ_BUILD=$(abspath $(FUZZ_DIR)) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) fuzz/run

# Every benchmark, then docs/benchmark-results.md (docs/benchmarks.md); about
# 30-40 minutes once the query store exists. bench-quick: small sizes, results
# in bench/results/ only, to check that the scripts work.
bench: build
	bench/all

bench-quick: build
	BENCH_QUICK=1 bench/all

# geokg query on a store of 10,000,000 events, made once in bench/results/.
bench-query: build
	bench/query-run

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf build out
