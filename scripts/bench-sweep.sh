#!/usr/bin/env bash
# Closed-form sweep throughput including writing the tidy CSV (DESIGN.md 4: at
# least 10^5 scenario-scheme points per second on one core): the 2-D sweep of
# issue 16 (residence mean 10...600 s x session rate 0.001...0.1 /s, 100 x 100
# log-spaced points, every scheme) with --jobs 1 and 2, REPEATS times each.
# Each run is timed in CPU seconds (user + sys: stays meaningful on a shared
# machine) and wall seconds; the best (lowest CPU) run per --jobs is printed
# with scenario-scheme points per CPU-second and per wall-second, the output
# size, and the 1-minute load average. cpu_ratio_jobs2 = CPU(jobs 2) / CPU(jobs 1)
# (1.00: no parallel overhead); speedup_jobs2_wall is only meaningful on a
# quiet machine.
# METRICS=id,id,... keeps only those metrics (dmm sweep --metrics; default: all),
# e.g. METRICS=signaling_cost,handoff_latency, the selection issue 16 measures.
# Usage: swift build -c release && bash scripts/bench-sweep.sh [POINTS_PER_AXIS] [REPEATS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
DMM=${DMM:-$root/.build/release/dmm}
N=${1:-100}
REPEATS=${2:-3}
selection=()
if [ -n "${METRICS:-}" ]; then selection=(--metrics "$METRICS"); fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/dmm-bench-sweep.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cd "$root"
schemes=$("$DMM" schemes | grep -c .)
pairs=$((N * N * schemes))
best() { sort -t, -k2 -g | head -1; }  # the least disturbed run: lowest CPU time
echo "jobs,points,schemes,scenario_scheme_points,cpu_s,wall_s,points_per_cpu_s,points_per_wall_s,bytes,load_1min"
for jobs in 1 2; do
    for _ in $(seq 1 "$REPEATS"); do
        rm -f "$scratch/out.csv" "$scratch/out.csv.meta.json"
        /usr/bin/time -f "%U %S %e" -o "$scratch/time" "$DMM" sweep \
            --vary "mobility.residence.mean=10:600:$N:log" --vary "traffic.session_rate=0.001:0.1:$N:log" \
            --method closed-form --jobs "$jobs" "${selection[@]}" --output "$scratch/out.csv"
        read -r user sys wall < "$scratch/time"
        awk -v u="$user" -v s="$sys" -v w="$wall" -v b="$(stat -c %s "$scratch/out.csv")" \
            'BEGIN { printf "x,%.3f,%.3f,%d\n", u + s, w, b }'
    done | best > "$scratch/best$jobs"
    IFS=, read -r _ cpu wall bytes < "$scratch/best$jobs"
    awk -v j="$jobs" -v n="$((N * N))" -v k="$schemes" -v p="$pairs" -v c="$cpu" -v w="$wall" -v b="$bytes" \
        -v l="$(cut -d' ' -f1 /proc/loadavg)" \
        'BEGIN { printf "%d,%d,%d,%d,%.3f,%.3f,%.0f,%.0f,%d,%s\n", j, n, k, p, c, w, p / c, p / w, b, l }'
done
IFS=, read -r _ c1 w1 _ < "$scratch/best1"
IFS=, read -r _ c2 w2 _ < "$scratch/best2"
awk -v c1="$c1" -v c2="$c2" -v w1="$w1" -v w2="$w2" \
    'BEGIN { printf "cpu_ratio_jobs2,%.2f\nspeedup_jobs2_wall,%.2f\n", c2 / c1, w1 / w2 }'
