#!/usr/bin/env bash
# Consumer tests of the exports: each file of the bundled corpus opened by the tools its users
# open it with. Slow (venvs, a browser), so it runs from .ci/run, not from `swift test`.
#
#   Tests/Consumers/run.sh [BINARY]     (default .build/release/epistolary)
#
# Installs what it needs when missing: Chromium (apt, as root), two Python venvs under
# .build/consumers (NetworkX 3.2 with igraph, and the current NetworkX), and Cytoscape.js from
# the streamlit-cytoscapejs wheel on PyPI, which bundles it. Prints one JSON report per check
# and ends with "N passed, N failed". The Cytoscape.js screenshots stay in .build/consumers/screenshots.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bin=${1:-.build/release/epistolary}
[ -x "$bin" ] || { echo "no binary at $bin: build it first (swift build -c release --product epistolary)" >&2; exit 2; }
cache=${CONSUMERS_CACHE:-$root/.build/consumers}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$cache"
here=Tests/Consumers

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing chromium (apt)..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || { echo "could not install chromium" >&2; exit 3; }
  else
    echo "chromium is missing: sudo apt-get install -y chromium" >&2; exit 3
  fi
fi
venv() {  # venv NAME PACKAGES...
  local dir="$cache/$1"; shift
  if [ ! -x "$dir/bin/python" ] || ! "$dir/bin/python" -c "import networkx" 2>/dev/null; then
    echo "Creating venv $dir: $*" >&2
    python3 -m venv "$dir" && "$dir/bin/pip" install -q --disable-pip-version-check "$@" >&2 || { echo "venv $dir failed" >&2; exit 3; }
  fi
  echo "$dir/bin/python"
}
py32=$(venv nx32 "networkx==3.2" "igraph") || exit 3
pynew=$(venv nx-current "networkx" "igraph" "lxml") || exit 3
chunk=$(ls "$cache"/cytoscape/streamlit_cytoscapejs/frontend/build/static/js/2.*.chunk.js 2>/dev/null | head -1)
if [ -z "$chunk" ]; then
  echo "Fetching Cytoscape.js (streamlit-cytoscapejs wheel)..." >&2
  "$pynew" -m pip download -q --disable-pip-version-check --no-deps "streamlit-cytoscapejs==0.0.2" -d "$cache/wheels" >&2 \
    && (cd "$cache" && mkdir -p cytoscape && "$pynew" -m zipfile -e wheels/streamlit_cytoscapejs-0.0.2-py3-none-any.whl cytoscape) \
    || { echo "could not fetch streamlit-cytoscapejs" >&2; exit 3; }
  chunk=$(ls "$cache"/cytoscape/streamlit_cytoscapejs/frontend/build/static/js/2.*.chunk.js | head -1)
fi

passed=0; failed=0
check() {  # check NAME COMMAND...
  local name=$1; shift
  if output=$("$@" 2>&1); then passed=$((passed + 1)); echo "ok   $name $output"
  else failed=$((failed + 1)); echo "FAIL $name $output"; fi
}

for kind in correspondents mentions replies; do
  for format in node-link gexf graphml cytoscape; do
    ext=$format; [ "$format" = node-link ] && ext=json; [ "$format" = cytoscape ] && ext=cyjs
    "$bin" export "$format" --graph "$kind" -o "$out/$kind.$ext" || { echo "FAIL export $format $kind"; failed=$((failed + 1)); }
  done
  check "networkx-3.2+igraph $kind" "$py32" $here/graph_check.py --igraph "$out/$kind.json" "$out/$kind.gexf" "$out/$kind.graphml"
  check "networkx-current+igraph $kind" "$pynew" $here/graph_check.py --igraph "$out/$kind.json" "$out/$kind.gexf" "$out/$kind.graphml"
  mkdir -p "$cache/screenshots"
  check "cytoscape.js-chromium $kind" "$pynew" $here/cytoscape_check.py "$out/$kind.cyjs" "$chunk" "$cache/screenshots/$kind.png"
done

"$bin" export timelinejs -o "$out/timeline.json" && check "timelinejs whole corpus" "$pynew" $here/timelinejs_check.py "$out/timeline.json"
"$bin" export timelinejs --from 1943 --to 1943 --correspondent Churchill -o "$out/timeline-1943.json" \
  && check "timelinejs filtered" "$pynew" $here/timelinejs_check.py "$out/timeline-1943.json"

"$bin" export cmif --cmif-url https://example.org/cmif/letters.xml --published 2026-01-01 \
  --cmif-editor "Example Editor" --cmif-editor-email editor@example.org -o "$out/letters.xml" 2>/dev/null \
  && check "cmif schema+schematron" "$pynew" $here/cmif_check.py "$out/letters.xml" Tests/Fixtures/schemas/cmif/cmi-customization.rng

echo "consumers: $passed passed, $failed failed"
[ "$failed" = 0 ]
