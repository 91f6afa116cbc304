# Epistolary: `make` installs what is missing, builds in release and renders the bundled
# corpus into Renders/; `make test` runs the whole test suite.
SHELL := /bin/bash
APT_PACKAGES := libgraphviz-dev libcairo2-dev libpng-dev libssl-dev libjemalloc-dev graphviz fonts-dejavu-core pkg-config libxml2-utils libxml2-dev fontconfig librsvg2-bin
BIN := .build/release/epistolary

.PHONY: all deps build renders test bench fuzz clean

all: renders

# Installs the Debian packages the build and the tests need, when any is missing.
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing system packages. Run:"; echo "  sudo apt-get install -y $$missing"; exit 1; \
	  fi; \
	fi
	@python3 -c 'import networkx' 2>/dev/null || python3 -m pip install -q networkx

build: deps
	swift build -c release --product epistolary

# Renders the gallery into a fresh folder, then swaps it in: files no longer rendered do not linger.
renders: build
	rm -rf Renders.new
	$(BIN) figures --out Renders.new
	rm -rf Renders && mv Renders.new Renders
	.ci/readme-gallery

test: deps
	swift test

bench: build
	Benchmarks/run

# Runs every libFuzzer target of Fuzz/ for FUZZ_SECONDS each, from its seeds (Fuzz/README.md).
# A crash, a hang (one input over 20 s) or a memory blow-up (over 2 GB) fails the target.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := FuzzTOML FuzzCSV FuzzTelegram FuzzCMIF FuzzDOT
# Leak detection is on (libFuzzer's default). LeakSanitizer ignores only what third-party
# libraries keep for the life of the process (Fuzz/lsan.supp: Graphviz's context, font caches).
# Swift's own crash backtracer is off so that a crash is reported by the sanitizer alone.
FUZZ_FLAGS ?=
FUZZ_ENV = LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp SWIFT_BACKTRACE=enable=no

fuzz:
	cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
	@set -e -o pipefail; for t in $(FUZZ_TARGETS); do \
	  seeds=$$(echo $$t | sed 's/^Fuzz//' | tr A-Z a-z); work=$$(mktemp -d); \
	  echo "== $$t for $(FUZZ_SECONDS) s"; \
	  (cd $$work && $(FUZZ_ENV) $(CURDIR)/Fuzz/.build/release/$$t $$work $(CURDIR)/Fuzz/Seeds/$$seeds \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 $(FUZZ_FLAGS) 2>&1 | tail -12) \
	    || { echo "$$t found a failure; the input is in $$work"; exit 1; }; \
	  rm -rf $$work; \
	done

clean:
	rm -rf .build
