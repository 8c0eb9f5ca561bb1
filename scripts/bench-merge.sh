#!/usr/bin/env bash
# Benchmark of `dmm merge` (DESIGN.md 4: merge memory does not grow with the
# output): writes SHARDS shards of a closed-form COUNT x COUNT sweep (about
# 1 GB merged at the default COUNT=224), merges them under /usr/bin/time -v
# and prints the merged size, wall seconds, MB/s and the merge's max RSS.
# Usage: swift build -c release && scripts/bench-merge.sh [COUNT] [SHARDS]
set -euo pipefail
DMM=${DMM:-.build/release/dmm}
COUNT=${1:-224}
SHARDS=${2:-4}
dir=$(mktemp -d "${TMPDIR:-/tmp}/dmm-bench-merge.XXXXXX")
trap 'rm -rf "$dir"' EXIT
for k in $(seq 1 "$SHARDS"); do
    "$DMM" sweep --vary "mobility.residence.mean=10:600:$COUNT:log" --vary "traffic.session_rate=0.001:0.1:$COUNT:log" \
        --method closed-form --jobs 2 --shard "$k/$SHARDS" --output "$dir/part-$k.csv"
done
/usr/bin/time -v "$DMM" merge "$dir"/part-*.csv --output "$dir/all.csv" 2> "$dir/time.txt"
bytes=$(stat -c %s "$dir/all.csv")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$dir/time.txt")
rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time.txt")
cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$dir/time.txt")
shard_bytes=$(cat "$dir"/part-*.csv | wc -c)
# mb_per_cpu_s: the speed of merge itself when the machine is shared (load on
# other cores stretches wall time, not CPU time).
echo "shards,merged_bytes,shard_bytes,wall_s,mb_per_s,cpu_s,mb_per_cpu_s,max_rss_kb,load_1min"
awk -v s="$SHARDS" -v b="$bytes" -v sb="$shard_bytes" -v w="$wall" -v c="$cpu" -v r="$rss" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "%d,%d,%d,%.2f,%.1f,%.2f,%.1f,%d,%s\n", s, b, sb, w, (w > 0 ? b / 1e6 / w : 0), c, (c > 0 ? b / 1e6 / c : 0), r, l }'
