#!/usr/bin/env bash
# Times the CMIF reader on a generated CMIF file of SIZE MB (default 200) in /tmp (never
# committed): wall time and maximum resident memory of reading it, with /usr/bin/time.
# Must reach (issue 12): under 20 s and under 3x the file's size in memory.
# Usage: Benchmarks/cmif-large.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-200}"
file="/tmp/cmif-large-${size}mb.xml"
[ -f "$file" ] || python3 Benchmarks/cmif-synth.py "$file" "$size"
swift build -c release --product EpistolaryBench >/dev/null
bytes=$(stat -c %s "$file")
log=$(mktemp)
/usr/bin/time -v .build/release/EpistolaryBench "$file" --runs 1 --stages reading >/dev/null 2>"$log"
wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}')
cpu=$(awk '/User time|System time/ {s += $NF} END {printf "%.2f", s}' "$log")
rss_kb=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
letters=$(grep -o '"messages"[^,}]*' "$log" | head -1 || true)
echo "file: $file ($((bytes / 1000000)) MB)"
echo "wall: $wall (CPU, user + system: $cpu s; on a shared machine wall time is the CPU time plus waiting)"
echo "max RSS: $((rss_kb / 1024)) MB = $(python3 -c "print(round($rss_kb * 1024 / $bytes, 2))") x the file"
grep -E "reading|messages" "$log" | head -3 || true
rm -f "$log"
