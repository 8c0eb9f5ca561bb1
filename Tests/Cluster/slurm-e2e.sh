#!/usr/bin/env bash
# Runs the README's Slurm recipe for real: a single-node Slurm on localhost
# (its own munged, slurmctld and slurmd, with private key, sockets, ports and
# spool under a temporary directory; proctrack/linuxproc, task/none, no
# cgroups), the distribution tarball's dmm on PATH, and the README's
# sweep.sbatch and merge.sbatch verbatim but for a small grid (4 shards).
# It holds the array, cancels task 3 before it starts, lets the afterany merge
# refuse (missing shard 3/4), requeues the finished task 2 (which must resume
# and append to its log), resubmits task 3 exactly as the README says (after
# leaving a stale sidecar without a CSV, as a task killed at its start does),
# and checks that the merged CSV is byte for byte the unsharded `dmm sweep`.
# Every daemon it started is stopped on exit.
#
#   bash Tests/Cluster/slurm-e2e.sh                    # builds the tarball
#   DMM_DIST_TARBALL=dist/dmm-....tar.gz bash Tests/Cluster/slurm-e2e.sh
# Needs root (SlurmUser=root), slurm-wlm and munge (.ci/install-deps).
source "$(dirname "$0")/lib.sh"
for tool in munged slurmctld slurmd sbatch scontrol scancel squeue sinfo; do
  command -v "$tool" >/dev/null || fail "$tool not found; install slurm-wlm and munge (bash .ci/install-deps)"
done
[ "$(id -u)" -eq 0 ] || fail "run as root (the test cluster runs its daemons and jobs as root)"
tarball="$(dist_tarball)"
start_time=$SECONDS
work="$(mktemp -d /tmp/dmm-slurm-e2e.XXXXXX)"
chmod 700 "$work"
pids=()
cleanup() {
  local status=$?
  if [ $status -ne 0 ]; then
    for log in "$work"/slurm/*.log "$work"/job/*.log; do
      [ -f "$log" ] && { echo "--- $log (last 20 lines)" >&2; tail -20 "$log" >&2; }
    done
  fi
  [ -n "${SLURM_CONF:-}" ] && scancel --quiet "--user=$(id -un)" 2>/dev/null || true
  # Daemons in reverse order of start: slurmd, slurmctld, munged.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT

unpack_dist "$tarball" "$work/dmm"
export PATH="$work/dmm:$PATH"

# munge: a private key and socket, so no system munged is needed or touched.
mkdir -p "$work/munge" "$work/slurm/state" "$work/slurm/spool" "$work/job"
chmod 700 "$work/munge"
head -c 1024 /dev/urandom > "$work/munge/munge.key"
chmod 600 "$work/munge/munge.key"
munged --foreground --force --socket="$work/munge/munge.socket" --key-file="$work/munge/munge.key" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/slurm/munged.log" --seed-file="$work/munge/seed" \
  > "$work/slurm/munged.out.log" 2>&1 &
pids+=($!)

node="$(hostname -s)"
cat > "$work/slurm/slurm.conf" <<CONF
ClusterName=dmmci
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$work/slurm/state
SlurmdSpoolDir=$work/slurm/spool
SlurmctldPidFile=$work/slurm/slurmctld.pid
SlurmdPidFile=$work/slurm/slurmd.pid
SlurmctldLogFile=$work/slurm/slurmctld.log
SlurmdLogFile=$work/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
MpiDefault=none
ReturnToService=2
MinJobAge=600
# The README asks 4 CPUs a task; declare 8 so two tasks run at once whatever
# the CI machine has (config_overrides: slurmd does not check the hardware).
SlurmdParameters=config_overrides
NodeName=$node NodeAddr=127.0.0.1 CPUs=8 State=UNKNOWN
PartitionName=ci Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm/slurm.conf"
for _ in $(seq 50); do [ -S "$work/munge/munge.socket" ] && break; sleep 0.1; done
[ -S "$work/munge/munge.socket" ] || fail "munged did not start"
slurmctld -D -f "$SLURM_CONF" > "$work/slurm/slurmctld.out.log" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$node" > "$work/slurm/slurmd.out.log" 2>&1 &
pids+=($!)
for _ in $(seq 150); do
  state="$(sinfo -h -n "$node" -o %T 2>/dev/null || true)"
  [ "$state" = idle ] && break
  sleep 0.2
done
[ "$state" = idle ] || fail "the node did not become idle (state '$state')"
note "single-node Slurm up after $((SECONDS - start_time)) s"

# The README's scripts, verbatim but for the grid and its shard count.
cd "$work/job"
readme_block slurm-array | replace "$readme_grid" "$test_grid" \
  | replace "#SBATCH --array=1-32" "#SBATCH --array=1-4" | replace "N=32" "N=4" > sweep.sbatch
readme_block slurm-merge > merge.sbatch
dmm sweep --scenario default $test_grid --method closed-form --output unsharded.csv

job_field() { { scontrol show job "$1" 2>/dev/null || true; } | tr ' ' '\n' | sed -n "s/^$2=//p" | head -1; }
wait_done() {  # JOBID: until it has left the queue (pending, running, completing)
  for _ in $(seq 600); do
    case "$(job_field "$1" JobState)" in PENDING|RUNNING|COMPLETING|CONFIGURING|REQUEUED|"") sleep 0.2 ;; *) return 0 ;; esac
  done
  fail "job $1 did not finish within 120 s (state $(job_field "$1" JobState))"
}
expect_state() {  # JOBID STATE
  local state; state="$(job_field "$1" JobState)"
  [ "$state" = "$2" ] || fail "job $1 is $state, expected $2 ($(job_field "$1" Reason))"
}

# Submitted held, so that task 3 can be cancelled before it starts.
array="$(sbatch --parsable --hold sweep.sbatch)"
merge="$(sbatch --parsable --dependency=afterany:$array merge.sbatch)"
scancel "${array}_3"
scontrol release "$array"
wait_done "$merge"
for task in 1 2 4; do expect_state "${array}_$task" COMPLETED; done
# Task 3 never started (Slurm may forget a task cancelled while pending).
[ ! -e dmm-sweep-3.log ] && [ ! -e parts/part-3.csv ] || fail "the cancelled task 3 ran"
# afterany: the merge ran although task 3 never did, and refused loudly.
expect_state "$merge" FAILED
[ "$(job_field "$merge" ExitCode)" = "2:0" ] || fail "merge exit code $(job_field "$merge" ExitCode), expected 2:0"
grep -qF "1 of 4 shards missing (3/4)" dmm-merge.log || fail "dmm-merge.log does not name the missing shard: $(cat dmm-merge.log)"
[ ! -e sweep.csv ] || fail "the refused merge left sweep.csv behind"

# A requeue of a finished task reruns it: it resumes its complete shard and
# appends to its log (--open-mode=append).
scontrol requeue "${array}_2"
# Slurm defers a requeued job's start (BeginTime); a cluster waits, a test need not.
scontrol update JobId="${array}_2" StartTime=now
wait_done "${array}_2"
expect_state "${array}_2" COMPLETED
[ "$(grep -c "shard 2/4" dmm-sweep-2.log)" -eq 2 ] || fail "dmm-sweep-2.log does not hold both runs: $(cat dmm-sweep-2.log)"
grep "shard 2/4" dmm-sweep-2.log | tail -1 | grep -q -- "--resume" || fail "the requeued task 2 did not resume: $(cat dmm-sweep-2.log)"

# A sidecar without its CSV (a task killed right after writing it) must not
# make the resubmitted task --resume a file that does not exist.
cp parts/part-1.csv.meta.json parts/part-3.csv.meta.json
# The README's resubmission line, for task 3.
merge2="$(sbatch --parsable --dependency=afterany:$(sbatch --parsable --array=3 sweep.sbatch) merge.sbatch)"
wait_done "$merge2"
expect_state "$merge2" COMPLETED
grep -q "shard 3/4 *$" dmm-sweep-3.log || fail "task 3 did not run shard 3/4 afresh: $(cat dmm-sweep-3.log)"
cmp sweep.csv unsharded.csv || fail "the merged sweep.csv differs from the unsharded dmm sweep"
note "ok: array with a cancelled task, afterany merge refusal, requeue, resubmission and merge byte-identical ($(wc -l < sweep.csv) lines) in $((SECONDS - start_time)) s"
