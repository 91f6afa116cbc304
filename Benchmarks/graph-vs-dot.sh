#!/bin/sh
# Graph rendering in process (GraphRender, libgvc) against the `dot` command on the same DOT.
#
# For each case the figure's DOT is exported first (`-o FILE.dot`, the exact DOT that is
# rendered), then, for SVG, PNG (at the style's dpi) and PDF:
#   in process  the "render" stage of `epistolary graph --timings` (parse,
#               layout, render, write the file and its caption), median of RUNS;
#   dot command wall time of `dot -T<format> FILE.dot -o OUT` (process start included; the
#               DOT names its own layout, so dot uses the same one), median of RUNS.
# Cases: every graph figure of the bundled corpus (replies: its default slice, topic poland;
# it names layout nop2, so both sides only draw the links it computed) and the
# correspondents graph of a synthetic 5,000-message corpus (peers/synth.py).
# The "figure" stage (building the DOT, for replies including its link routing) is
# printed too; it is the same for either side and not part of either column.
#
# Usage: Benchmarks/graph-vs-dot.sh        (RUNS=5, SYNTH5K=/tmp/synth5k.txt by default)
set -eu
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
synth=${SYNTH5K:-/tmp/synth5k.txt}
peers=${PEERS:-../shared/peers}

swift build -c release --product epistolary >/dev/null
bin=.build/release/epistolary
[ -f "$synth" ] || python3 "$peers/synth.py" 5000 "$synth"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { python3 -c 'import time; print(f"{time.perf_counter_ns() / 1e6:.1f}")'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

measure() { # name kind [corpus arguments...]
    name=$1; kind=$2; shift 2
    "$bin" graph "$kind" "$@" -o "$work/$name.dot"
    nodes=$(grep -c '^  *"[^"]*" \[' "$work/$name.dot" || true)
    edges=$(grep -c -e ' -> ' -e ' -- ' "$work/$name.dot" || true)
    : > "$work/fig"
    i=0
    while [ $i -lt "$runs" ]; do
        "$bin" graph "$kind" "$@" --timings -o "$work/$name.dot" 2>&1 | awk '/graph\.figure / { print $3 * 1000 }' >> "$work/fig"
        i=$((i + 1))
    done
    printf "%-32s %-4s %6s %6s %12s ms (figure-dot)\n" "$name" "dot" "$nodes" "$edges" "$(median < "$work/fig")"
    for format in svg png pdf; do
        dpi=""
        [ "$format" = png ] && dpi="-Gdpi=600"
        : > "$work/in"; : > "$work/cmd"
        i=0
        while [ $i -lt "$runs" ]; do
            "$bin" graph "$kind" "$@" --timings -o "$work/$name.$format" 2>&1 \
                | awk '/graph\.render / { print $3 * 1000 }' >> "$work/in"
            start=$(now_ms)
            dot -T"$format" $dpi "$work/$name.dot" -o "$work/$name-dot.$format"
            end=$(now_ms)
            echo "$start $end" | awk '{ printf "%.1f\n", $2 - $1 }' >> "$work/cmd"
            i=$((i + 1))
        done
        printf "%-32s %-4s %6s %6s %12s ms %12s ms\n" "$name" "$format" "$nodes" "$edges" \
            "$(median < "$work/in")" "$(median < "$work/cmd")"
    done
}

echo "graphviz: $(dot -V 2>&1)"
printf "%-32s %-4s %6s %6s %15s %15s\n" "case" "fmt" "nodes" "edges" "in process" "dot command"
measure "replies (bundled, poland)" replies
measure "correspondents (bundled)" correspondents
measure "topics (bundled)" topics
measure "mentions (bundled)" mentions
measure "correspondents (synthetic 5k)" correspondents --corpus "$synth"
