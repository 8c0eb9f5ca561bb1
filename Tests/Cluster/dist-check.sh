#!/usr/bin/env bash
# Checks the self-contained distribution (scripts/dist.sh): the tarball's
# layout and dmm.build-info.json, that dmm is a static executable, and that it
# runs with the toolchain, the system's shared libraries and this checkout
# hidden (a mount namespace; without one, a minimal environment outside the
# checkout), finding Models/ next to itself and printing the corpus's bytes.
#
#   bash Tests/Cluster/dist-check.sh                      # builds the tarball
#   DMM_DIST_TARBALL=dist/dmm-....tar.gz bash Tests/Cluster/dist-check.sh
source "$(dirname "$0")/lib.sh"
tarball="$(dist_tarball)"
work="$(mktemp -d /tmp/dmm-dist-check.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Layout: one top directory holding dmm, dmm.build-info.json and Models/.
top="$(basename "$tarball" .tar.gz)"
[[ "$top" =~ ^dmm-[0-9A-Za-z.+-]+-[0-9a-f]{12}-linux-x86_64$ ]] || fail "tarball name $top is not dmm-<version>-<commit12>-linux-x86_64"
listing="$(tar tzf "$tarball")"
for entry in dmm dmm.build-info.json Models/schemes/ Models/scenarios/default.yaml; do
  grep -qx "$top/$entry" <<< "$listing" || fail "$tarball lacks $top/$entry"
done
[ "$(grep -vc "^$top/" <<< "$listing")" -eq 0 ] || fail "$tarball has entries outside $top/"
unpack_dist "$tarball" "$work/dmm"
cmp -s <(cd "$work/dmm/Models" && find . -type f | sort | xargs sha256sum) \
       <(cd "$cluster_root/Models" && find . -type f | sort | xargs sha256sum) \
  || note "Models/ in the tarball differs from this checkout's (tarball built from another commit?)"

# The build-info contract with BuildInfo (Sources/Reports/BuildInfo.swift).
info="$(cat "$work/dmm/dmm.build-info.json")"
[[ "$info" =~ ^\{\"commit\":\ \"([0-9a-f]{40})\",\ \"dirty\":\ (true|false),\ \"kind\":\ \"static-release\"\}$ ]] \
  || fail "dmm.build-info.json is not {\"commit\": \"<40 hex>\", \"dirty\": true|false, \"kind\": \"static-release\"}: $info"
commit="${BASH_REMATCH[1]}"
[ "${commit:0:12}" = "$(sed -E 's/.*-([0-9a-f]{12})-linux-.*/\1/' <<< "$top")" ] || fail "build-info commit $commit does not match the tarball name $top"
git -C "$cluster_root" cat-file -e "$commit^{commit}" 2>/dev/null || fail "build-info commit $commit is not a commit of this repository"

# Static: no interpreter, no shared library.
ldd_out="$(ldd "$work/dmm/dmm" 2>&1 || true)"
grep -q "not a dynamic executable" <<< "$ldd_out" || fail "ldd $work/dmm/dmm: $ldd_out"

# Runs dmm ARGS... from a directory outside the checkout with an empty
# environment and, when a mount namespace is allowed, with /opt/swift, the
# shared libraries (/usr/lib/x86_64-linux-gnu, where /lib points) and the
# checkout (whose Models/ dmm would otherwise fall back to) hidden under empty
# directories. The shell that sets up the mounts is loaded before they hide
# its libraries; it then execs the static dmm, which needs none.
mkdir -p "$work/empty" "$work/run"
hidden=()
# The libraries last: mount itself needs them.
for dir in /opt/swift "$cluster_root" /usr/lib/x86_64-linux-gnu; do [ -d "$dir" ] && hidden+=("$dir"); done
if unshare -m true 2>/dev/null; then
  isolate="namespace"
else
  isolate="env"
  note "no mount namespace here (unshare -m failed): checking with env -i and a copy outside the checkout only"
fi
run_isolated() {
  if [ "$isolate" = namespace ]; then
    env -i PATH=/usr/bin:/bin HOME="$work/run" LD_LIBRARY_PATH= unshare -m /bin/bash -c '
      set -e; empty="$1"; n="$2"; shift 2
      mount --make-rprivate / 2>/dev/null || true
      for ((i = 0; i < n; i++)); do mount --bind "$empty" "$1"; shift; done
      cd "${empty%/*}/run"
      exec "$@"' isolate "$work/empty" "${#hidden[@]}" "${hidden[@]}" "$work/dmm/dmm" "$@"
  else
    (cd "$work/run" && env -i PATH=/usr/bin:/bin HOME="$work/run" LD_LIBRARY_PATH= "$work/dmm/dmm" "$@")
  fi
}
# The namespace really hides: a dynamic program cannot start inside it.
if [ "$isolate" = namespace ]; then
  env -i PATH=/usr/bin:/bin unshare -m /bin/bash -c 'mount --bind "$1" /usr/lib/x86_64-linux-gnu; exec /bin/true' x "$work/empty" 2>/dev/null \
    && fail "hiding /usr/lib/x86_64-linux-gnu did not stop a dynamic /bin/true: the check would prove nothing"
fi

run_isolated table > "$work/table.md" || fail "dmm table failed in the isolated environment"
grep -q "HMIPv6" "$work/table.md" || fail "dmm table printed no HMIPv6 row: $(head -3 "$work/table.md")"
# Against the output corpus (the debug build's bytes): closed form, Monte
# Carlo through the statically linked GSL, and a sweep with its writer.
corpus="$cluster_root/Tests/Corpus"
for name in table-extended-default.csv evaluate-mc-default.csv sweep-default.csv; do
  args="$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$corpus/commands.tsv")"
  [ -n "$args" ] || fail "Tests/Corpus/commands.tsv has no line $name"
  read -r -a argv <<< "${args//\{out\}/out.csv}"
  rm -f "$work/run/out.csv" "$work/run/out.csv.meta.json"
  run_isolated "${argv[@]}" > "$work/run/stdout" || fail "dmm ${argv[*]} failed in the isolated environment"
  result="$work/run/stdout"; [[ "$args" == *"{out}"* ]] && result="$work/run/out.csv"
  cmp "$result" "$corpus/expected/$name" || fail "the static dmm's $name differs from Tests/Corpus/expected/$name"
done
# `dmm --version` in the same isolation (no git to ask): the version, and when
# it names a commit (BuildInfo reading dmm.build-info.json), the tarball's.
version="$(sed -E 's/^dmm-(.*)-[0-9a-f]{12}-linux-.*/\1/' <<< "$top")"
run_isolated --version > "$work/version" || fail "dmm --version failed in the isolated environment"
grep -qF "$version" "$work/version" || fail "dmm --version does not print $version: $(cat "$work/version")"
if grep -qE '[0-9a-f]{12}' "$work/version"; then
  grep -qF "${commit:0:12}" "$work/version" || fail "dmm --version names another commit than dmm.build-info.json ($commit): $(cat "$work/version")"
  grep -qF "static-release" "$work/version" || fail "dmm --version does not name the build kind static-release: $(cat "$work/version")"
else
  note "dmm --version prints no commit yet ($(head -1 "$work/version")); the build info is checked in the JSON above"
fi
note "ok: $top is static, carries its build info, and runs isolated ($isolate: ${hidden[*]} hidden) matching the corpus"
