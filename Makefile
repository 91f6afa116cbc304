# Epistolary: `make` installs what is missing, builds in release and renders the bundled
# corpus into Renders/; `make test` runs the whole test suite.
SHELL := /bin/bash
APT_PACKAGES := libgraphviz-dev libcairo2-dev graphviz fonts-dejavu-core pkg-config libxml2-utils libxml2-dev
BIN := .build/release/epistolary

.PHONY: all deps build renders test bench clean

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

test: deps
	swift test

bench: build
	Benchmarks/run

clean:
	rm -rf .build
