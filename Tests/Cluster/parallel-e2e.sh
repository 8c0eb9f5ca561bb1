#!/usr/bin/env bash
# Runs the README's GNU parallel recipe for real, verbatim but for a small grid
# (16 shards, 4 at a time), with the distribution tarball's dmm on PATH, and
# checks that the merged CSV is byte for byte the unsharded `dmm sweep`; then
# that a merge with one shard missing refuses and writes nothing.
#
#   bash Tests/Cluster/parallel-e2e.sh                 # builds the tarball
#   DMM_DIST_TARBALL=dist/dmm-....tar.gz bash Tests/Cluster/parallel-e2e.sh
# Needs GNU parallel (.ci/install-deps).
source "$(dirname "$0")/lib.sh"
command -v parallel >/dev/null || fail "GNU parallel not found; install it (bash .ci/install-deps)"
tarball="$(dist_tarball)"
start_time=$SECONDS
work="$(mktemp -d /tmp/dmm-parallel-e2e.XXXXXX)"
trap 'rm -rf "$work"' EXIT
unpack_dist "$tarball" "$work/dmm"
export PATH="$work/dmm:$PATH"
# parallel's citation notice is for interactive use; acknowledge it in a
# private HOME so that it never waits for input.
export HOME="$work/home"
mkdir -p "$HOME/.parallel" "$work/job"
touch "$HOME/.parallel/will-cite"

cd "$work/job"
readme_block gnu-parallel | join_lines | replace "$readme_grid" "$test_grid" > recipe.sh
dmm sweep --scenario default $test_grid --method closed-form --output unsharded.csv
bash -euo pipefail recipe.sh < /dev/null || fail "the GNU parallel recipe failed: $(cat recipe.sh)"
[ "$(ls parts/part-*.csv | wc -l)" -eq 16 ] || fail "expected 16 shards in parts/: $(ls parts)"
cmp sweep.csv unsharded.csv || fail "the merged sweep.csv differs from the unsharded dmm sweep"

# The same merge with shard 7 missing refuses (exit 2) and leaves no output.
rm sweep.csv sweep.csv.meta.json
mv parts/part-7.csv parts/part-7.csv.meta.json "$work"
set +e
dmm merge parts/part-*.csv --output sweep.csv 2> merge.err
status=$?
set -e
[ $status -eq 2 ] || fail "merge without shard 7 exited $status, expected 2: $(cat merge.err)"
grep -qF "1 of 16 shards missing (7/16)" merge.err || fail "merge did not name the missing shard: $(cat merge.err)"
[ ! -e sweep.csv ] || fail "the refused merge left sweep.csv behind"
note "ok: 16 shards with GNU parallel merged byte-identical ($(wc -l < unsharded.csv) lines) in $((SECONDS - start_time)) s"
