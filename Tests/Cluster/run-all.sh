#!/usr/bin/env bash
# Builds the distribution tarball once (scripts/dist.sh) and runs every cluster
# test against it: dist-check.sh, slurm-e2e.sh, parallel-e2e.sh. Prints the
# time of each step on stderr. Tests/DMMTests/ClusterRecipeTests.swift runs it
# when CI=true (bash .ci/run sets it); run it yourself as root after
# bash .ci/install-deps.
#
#   bash Tests/Cluster/run-all.sh
#   DMM_DIST_TARBALL=dist/dmm-....tar.gz bash Tests/Cluster/run-all.sh   # skip the build
source "$(dirname "$0")/lib.sh"
here="$(dirname "$0")"
t0=$SECONDS
DMM_DIST_TARBALL="$(dist_tarball)"
export DMM_DIST_TARBALL
note "tarball $(basename "$DMM_DIST_TARBALL") ready in $((SECONDS - t0)) s"
for test in dist-check slurm-e2e parallel-e2e; do
  t=$SECONDS
  bash "$here/$test.sh"
  note "$test passed in $((SECONDS - t)) s"
done
note "all cluster tests passed in $((SECONDS - t0)) s"
