#!/usr/bin/env bash
# Timelines of one synthetic corpus, Epistolary (Cairo) against the Python peer (matplotlib),
# measured in the same run on the same machine.
#
#   Benchmarks/timeline-vs-matplotlib.sh [N] [CORPUS]
#
# N (default 50000) messages are written by the peer's synth.py to CORPUS (default
# /tmp/synthN.txt) unless that file exists. Epistolary draws the correspondents and topics
# timelines as PNG (paper style, 600 dpi) and SVG with --timings; the peer runs its own parse,
# topic tagging and reply graph, then its two matplotlib timelines (SVG and PNG at 150 dpi),
# through a small driver that skips its Graphviz stages (the dot layout of the 50k corpus alone
# takes ~10 minutes and is not a timeline). Reading and analysing the corpus is reported
# apart: the timeline comparison is layout + paint + write against the peer's timeline stage.
#
# Set PEERS to the folder holding python_pipeline.py and synth.py (default /work/shared/peers).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50000}
CORPUS=${2:-/tmp/synth$N.txt}
PEERS=${PEERS:-/work/shared/peers}
BIN=.build/release/epistolary
OUT=$(mktemp -d /tmp/timeline-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

[ -x "$BIN" ] || swift build -c release --product epistolary >&2
[ -f "$CORPUS" ] || python3 "$PEERS/synth.py" "$N" "$CORPUS"
echo "corpus: $CORPUS ($(du -h "$CORPUS" | cut -f1)), machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# --- Epistolary: sum the wall and CPU seconds of the timeline's own stages.
ours_wall=0; ours_cpu=0; png_wall=0; png_cpu=0
for kind in correspondents topics; do
  for ext in png svg; do
    start=$(date +%s.%N)
    "$BIN" timeline "$kind" --corpus "$CORPUS" --timings -o "$OUT/$kind.$ext" 2> "$OUT/$kind.$ext.log"
    end=$(date +%s.%N)
    read -r wall cpu < <(awk '/\[timing\] timeline\.(layout|paint|write)/ { w += $3; c += $6 } END { printf "%.3f %.3f\n", w, c }' "$OUT/$kind.$ext.log")
    read -r rwall rcpu < <(awk '/\[timing\] timeline\.(read|analyse)/ { w += $3; c += $6 } END { printf "%.3f %.3f\n", w, c }' "$OUT/$kind.$ext.log")
    printf "epistolary %-15s %s: layout+paint+write %6.3f s (cpu %6.3f s); read+analyse %7.3f s; whole process %7.3f s\n" \
      "$kind" "$ext" "$wall" "$cpu" "$rwall" "$(echo "$end - $start" | bc)"
    ours_wall=$(echo "$ours_wall + $wall" | bc); ours_cpu=$(echo "$ours_cpu + $cpu" | bc)
    if [ "$ext" = png ]; then png_wall=$(echo "$png_wall + $wall" | bc); png_cpu=$(echo "$png_cpu + $cpu" | bc); fi
  done
done

# --- The peer: its own functions, timeline stage timed by its own `stage`.
PEERS="$PEERS" CORPUS="$CORPUS" OUT="$OUT" python3 - 2> "$OUT/peer.log" <<'PY'
import os, sys
from pathlib import Path
sys.path.insert(0, os.environ["PEERS"])
import python_pipeline as p
out = Path(os.environ["OUT"]) / "peer"
out.mkdir(exist_ok=True)
with p.stage("read"):
    text = Path(os.environ["CORPUS"]).read_text(encoding="utf-8")
with p.stage("parse"):
    messages, principal = p.parse_corpus(text)
with p.stage("tag_topics"):
    p.tag_topics(messages)
with p.stage("build_reply_graph"):
    R, _ = p.build_reply_graph(messages)
with p.stage("timelines"):
    p.timeline_correspondents(messages, out, 150)
    p.timeline_topics(messages, R, out, 150)
PY
grep '\[timing\]' "$OUT/peer.log" | sed 's/^/matplotlib /'
read -r peer_wall peer_cpu < <(awk '/\[timing\] timelines / { print $3, $6 }' "$OUT/peer.log")
read -r peer_png_wall peer_png_cpu < <(awk '/\[timing\] timeline_(corr|topics)\.(draw|save_png)/ { w += $3; c += $6 } END { printf "%.3f %.3f\n", w, c }' "$OUT/peer.log")

echo
printf "timelines, both figures, PNG + SVG: epistolary %.3f s (cpu %.3f s), matplotlib %.3f s (cpu %.3f s): %.1fx faster (cpu %.1fx)\n" \
  "$ours_wall" "$ours_cpu" "$peer_wall" "$peer_cpu" "$(echo "$peer_wall / $ours_wall" | bc -l)" "$(echo "$peer_cpu / $ours_cpu" | bc -l)"
printf "timelines, both figures, PNG only:  epistolary %.3f s (cpu %.3f s) at 600 dpi, matplotlib draw+png %.3f s (cpu %.3f s) at 150 dpi: %.1fx faster (cpu %.1fx)\n" \
  "$png_wall" "$png_cpu" "$peer_png_wall" "$peer_png_cpu" "$(echo "$peer_png_wall / $png_wall" | bc -l)" "$(echo "$peer_png_cpu / $png_cpu" | bc -l)"
