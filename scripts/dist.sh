#!/usr/bin/env bash
# Builds the self-contained distribution of dmm: a fully static executable
# (no Swift runtime, GSL or libc needed on the target) with Models/ beside it,
# packed as dist/dmm-<version>-<commit12>-linux-<arch>.tar.gz. Runs on any
# Linux of that architecture; unpack it and run <dir>/dmm (it finds Models/ next
# to itself). Prints the tarball's path on stdout; build output goes to stderr.
#
#   bash scripts/dist.sh                 # build (about 70 s on 2 cores) and pack
#   DMM_DIST_SCRATCH=DIR bash scripts/dist.sh   # another build directory
#
# Inside the tarball, dmm.build-info.json next to the executable records what
# was built: {"commit": "<40 hex>", "dirty": true|false, "kind": "static-release"}
# (dirty: the work tree differed from the commit; `dmm --version` reads it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scratch="${DMM_DIST_SCRATCH:-$root/.build-dist}"

commit="$(git rev-parse HEAD)"
dirty=false
[ -z "$(git status --porcelain --untracked-files=normal)" ] || dirty=true
version="$(sed -n 's/^ *public static let version = "\([^"]*\)".*/\1/p' Sources/Reports/BuildInfo.swift | head -1)"
if [ -z "$version" ]; then
  echo "dist.sh: cannot find 'public static let version = \"...\"' in Sources/Reports/BuildInfo.swift" >&2
  exit 1
fi
arch="$(uname -m)"
name="dmm-$version-${commit:0:12}-linux-$arch"

# A separate scratch path: the static build does not disturb .build/ (debug
# and ordinary release builds) and is cached between runs.
swift build -c release -Xswiftc -static-executable --scratch-path "$scratch" --product dmm >&2
binary="$(swift build -c release -Xswiftc -static-executable --scratch-path "$scratch" --show-bin-path)/dmm"
if ldd "$binary" >/dev/null 2>&1; then
  echo "dist.sh: $binary is a dynamic executable; the static build did not take" >&2
  ldd "$binary" >&2 || true
  exit 1
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp "$binary" "$stage/$name/dmm"
strip "$stage/$name/dmm" 2>/dev/null || true
cp -R Models "$stage/$name/Models"
printf '{"commit": "%s", "dirty": %s, "kind": "static-release"}\n' "$commit" "$dirty" > "$stage/$name/dmm.build-info.json"

mkdir -p dist
tarball="dist/$name.tar.gz"
# Fixed owner, order and times, so the same commit packs the same bytes.
mtime="@$(git log -1 --format=%ct)"
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" \
    -cf - "$name" | gzip -n -9 > "$tarball.tmp"
mv "$tarball.tmp" "$tarball"
echo "dist.sh: $(du -h "$tarball" | cut -f1) $tarball (dirty: $dirty)" >&2
echo "$root/$tarball"
