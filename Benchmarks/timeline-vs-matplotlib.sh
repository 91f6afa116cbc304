#!/usr/bin/env bash
# Timelines of one synthetic corpus, Epistolary (Cairo) against the Python peer (matplotlib),
# measured in the same run on the same machine.
#
#   Benchmarks/timeline-vs-matplotlib.sh [N] [CORPUS]
#
# N (default 50000) messages are written by the peer's synth.py to CORPUS (default
# /tmp/synthN.txt) unless that file exists. For each of the peer's two timelines
# (correspondents, topics) Epistolary draws, from one layout, the paper style's PNG (600 dpi)
# and SVG, and in a second run a PNG at the peer's 150 dpi (a one-line sheet over paper) for a
# like-for-like comparison. The peer runs its own parse, topic tagging and reply graph, then
# its two matplotlib timelines (SVG, and PNG at 150 dpi), through a small driver that skips its
# Graphviz stages (the dot layout of the 50k corpus alone takes ~10 minutes and is no
# timeline). Reading and analysing the corpus are reported apart: the comparison is the
# timeline's own work (prepare + layout + paint + write) against the peer's timeline stages.
# Both sides print wall and CPU seconds; on a shared machine CPU is the steadier figure.
#
# Set PEERS to the folder holding python_pipeline.py and synth.py (default ../shared/peers, beside the repository).
# Set RUNS=N to repeat the whole comparison N times and end with the lowest ratio of each line.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50000}
CORPUS=${2:-/tmp/synth$N.txt}

RUNS=${RUNS:-1}
if [ "$RUNS" -gt 1 ]; then
  all=$(mktemp /tmp/timeline-bench-runs.XXXXXX)
  trap 'rm -f "$all"' EXIT
  for i in $(seq "$RUNS"); do
    echo "== run $i of $RUNS"
    RUNS=1 "$0" "$@" | tee -a "$all"
  done
  echo
  echo "lowest of $RUNS runs (wall, then cpu):"
  # Ratio lines end "NN.Nx (cpu NN.Nx)"; key them by figure and format.
  awk '/(PNG at 150 dpi|SVG): +epistolary/ {
         key = $1 " " ($2 == "PNG" ? "PNG 150 dpi" : "SVG")
         w = $(NF - 2); c = $NF; sub(/x$/, "", w); sub(/x\)$/, "", c)
         if (!(key in lw) || w + 0 < lw[key]) lw[key] = w + 0
         if (!(key in lc) || c + 0 < lc[key]) lc[key] = c + 0
       }
       END { for (k in lw) printf "%-30s %5.1fx (cpu %5.1fx)\n", k, lw[k], lc[k] }' "$all" | sort
  exit 0
fi
PEERS=${PEERS:-../shared/peers}
BIN=.build/release/epistolary
OUT=$(mktemp -d /tmp/timeline-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

[ -x "$BIN" ] || swift build -c release --product epistolary >&2
[ -f "$CORPUS" ] || python3 "$PEERS/synth.py" "$N" "$CORPUS"
printf '[page]\ndpi = 150\n' > "$OUT/dpi150.toml"
echo "corpus: $CORPUS ($(du -h "$CORPUS" | cut -f1)), machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# Sums the wall ($3) and CPU ($6) seconds of the [timing] lines matching a pattern.
sum() { awk -v re="$1" '$0 ~ re { w += $3; c += $6 } END { printf "%.3f %.3f\n", w, c }' "$2"; }

declare -A wall cpu
for kind in correspondents topics; do
  "$BIN" timeline "$kind" --corpus "$CORPUS" --timings -o "$OUT/$kind.png" -o "$OUT/$kind.svg" 2> "$OUT/$kind.log"
  "$BIN" timeline "$kind" --corpus "$CORPUS" --timings --style "paper,$OUT/dpi150.toml" -o "$OUT/$kind-150.png" 2> "$OUT/$kind-150.log"
  read -r rw rc < <(sum 'timeline\.(read|analyse) ' "$OUT/$kind.log")
  read -r lw lc < <(sum 'timeline\.(prepare|layout) ' "$OUT/$kind.log")
  read -r pw pc < <(sum 'timeline\.paint\.png' "$OUT/$kind.log")
  read -r sw sc < <(sum 'timeline\.paint\.svg' "$OUT/$kind.log")
  read -r ww wc < <(sum 'timeline\.write' "$OUT/$kind.log")
  read -r l2w l2c < <(sum 'timeline\.(prepare|layout|paint|write)' "$OUT/$kind-150.log")
  printf "epistolary %-15s read+analyse %7.3f s (cpu %7.3f); layout %6.3f s (cpu %6.3f); paint PNG 600 dpi %6.3f s (cpu %6.3f); paint SVG %6.3f s (cpu %6.3f); write both %6.3f s\n" \
    "$kind" "$rw" "$rc" "$lw" "$lc" "$pw" "$pc" "$sw" "$sc" "$ww"
  printf "epistolary %-15s PNG 600 dpi, layout+paint+write: %6.3f s (cpu %6.3f)   PNG 150 dpi, layout+paint+write: %6.3f s (cpu %6.3f)\n" \
    "$kind" "$(echo "$lw + $pw + $ww" | bc)" "$(echo "$lc + $pc + $wc" | bc)" "$l2w" "$l2c"
  wall[$kind.png150]=$l2w; cpu[$kind.png150]=$l2c
  wall[$kind.svg]=$(echo "$lw + $sw" | bc); cpu[$kind.svg]=$(echo "$lc + $sc" | bc)
done

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

echo
for kind in correspondents topics; do
  stem=$([ "$kind" = correspondents ] && echo corr || echo topics)
  read -r mpw mpc < <(sum "timeline_$stem\\.(draw|save_png)" "$OUT/peer.log")
  read -r msw msc < <(sum "timeline_$stem\\.(draw|save_svg)" "$OUT/peer.log")
  printf "%-15s PNG at 150 dpi: epistolary %6.3f s (cpu %6.3f), matplotlib %6.3f s (cpu %6.3f): %5.1fx (cpu %5.1fx)\n" "$kind" \
    "${wall[$kind.png150]}" "${cpu[$kind.png150]}" "$mpw" "$mpc" "$(echo "$mpw / ${wall[$kind.png150]}" | bc -l)" "$(echo "$mpc / ${cpu[$kind.png150]}" | bc -l)"
  printf "%-15s SVG:            epistolary %6.3f s (cpu %6.3f), matplotlib %6.3f s (cpu %6.3f): %5.1fx (cpu %5.1fx)\n" "$kind" \
    "${wall[$kind.svg]}" "${cpu[$kind.svg]}" "$msw" "$msc" "$(echo "$msw / ${wall[$kind.svg]}" | bc -l)" "$(echo "$msc / ${cpu[$kind.svg]}" | bc -l)"
done
