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

# A user's CMIF read and written again (notes, other actions, several editions), valid, and the
# same bytes when the export is read and written once more.
for fixture in notes actions edition; do
  "$bin" export cmif --corpus Tests/Fixtures/cmif/$fixture.xml --published 2026-01-01 -o "$out/$fixture-1.xml" 2>/dev/null \
    && check "cmif round trip $fixture" "$pynew" $here/cmif_check.py "$out/$fixture-1.xml" Tests/Fixtures/schemas/cmif/cmi-customization.rng
  "$bin" export cmif --corpus "$out/$fixture-1.xml" --published 2026-01-01 -o "$out/$fixture-2.xml" 2>/dev/null \
    && check "cmif round trip $fixture stable" cmp "$out/$fixture-1.xml" "$out/$fixture-2.xml"
done

# A user's CSV corpus (csv2cmi's columns) through every consumer, and a pair filter.
user=Tests/Fixtures/csv/cmif-producers.csv
for format in node-link gexf graphml cytoscape; do
  ext=$format; [ "$format" = node-link ] && ext=json; [ "$format" = cytoscape ] && ext=cyjs
  "$bin" export "$format" --corpus $user -o "$out/user.$ext" 2>/dev/null || { echo "FAIL export $format user"; failed=$((failed + 1)); }
done
check "networkx-3.2+igraph user csv" "$py32" $here/graph_check.py --igraph "$out/user.json" "$out/user.gexf" "$out/user.graphml"
check "networkx-current+igraph user csv" "$pynew" $here/graph_check.py --igraph "$out/user.json" "$out/user.gexf" "$out/user.graphml"
check "cytoscape.js-chromium user csv" "$pynew" $here/cytoscape_check.py "$out/user.cyjs" "$chunk" "$cache/screenshots/user.png"
"$bin" export timelinejs --corpus $user -o "$out/user-timeline.json" 2>/dev/null \
  && check "timelinejs user csv" "$pynew" $here/timelinejs_check.py "$out/user-timeline.json"
"$bin" export cmif --corpus $user --cmif-url https://example.org/cmif/user.xml --published 2026-01-01 -o "$out/user.xml" 2>/dev/null \
  && check "cmif schema+schematron user csv" "$pynew" $here/cmif_check.py "$out/user.xml" Tests/Fixtures/schemas/cmif/cmi-customization.rng
for format in node-link gexf graphml; do
  ext=$format; [ "$format" = node-link ] && ext=json
  "$bin" export "$format" --between Stalin,Roosevelt -o "$out/pair.$ext" || { echo "FAIL export $format --between"; failed=$((failed + 1)); }
done
check "networkx-current+igraph --between" "$pynew" $here/graph_check.py --igraph "$out/pair.json" "$out/pair.gexf" "$out/pair.graphml"

# Palladio and Excel: the CSV tables, with a places table giving coordinates.
printf 'name,geonames,latitude,longitude\nMoscow,https://www.geonames.org/524901,55.75222,37.61556\nBerlin,https://www.geonames.org/2950159,52.52437,13.41053\n' > "$out/places.csv"
"$bin" export csv --places "$out/places.csv" -o "$out/palladio" && check "palladio csv" python3 $here/csv_check.py "$out/palladio"
"$bin" export csv --corpus Tests/Fixtures/cmif/notes.xml --places "$out/places.csv" -o "$out/palladio-user" 2>/dev/null \
  && check "palladio csv user cmif" python3 $here/csv_check.py "$out/palladio-user"
"$bin" export csv --excel -o "$out/excel" && check "excel csv" python3 $here/csv_check.py "$out/excel" --excel
"$bin" export csv --corpus $user --excel -o "$out/user-excel" 2>/dev/null && check "excel csv user" python3 $here/csv_check.py "$out/user-excel" --excel

echo "consumers: $passed passed, $failed failed"
[ "$failed" = 0 ]
