# Shared by the cluster tests (sourced, not run): the distribution tarball, the
# README's recipes and the small grid they run on.
set -euo pipefail
cluster_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# The README's grid and the small one the tests substitute for it (12 x 4 =
# 48 points, so that every one of 4 or 16 shards has points).
readme_grid='--vary mobility.residence.mean=1:1000:400:log --vary links.wireless.loss=0:0.3:31'
test_grid='--vary mobility.residence.mean=1:1000:12:log --vary links.wireless.loss=0:0.3:4'

fail() { echo "FAIL: $*" >&2; exit 1; }
note() { echo "$(basename "$0"): $*" >&2; }

# The tarball to test: $DMM_DIST_TARBALL, else built now by scripts/dist.sh.
dist_tarball() {
  if [ -n "${DMM_DIST_TARBALL:-}" ]; then
    [ -f "$DMM_DIST_TARBALL" ] || fail "DMM_DIST_TARBALL=$DMM_DIST_TARBALL is not a file"
    echo "$DMM_DIST_TARBALL"
  else
    bash "$cluster_root/scripts/dist.sh"
  fi
}

# Unpacks the tarball into DIR the way README says (--strip-components=1).
unpack_dist() {
  local tarball="$1" dir="$2"
  mkdir -p "$dir"
  tar xzf "$tarball" -C "$dir" --strip-components=1
  [ -x "$dir/dmm" ] || fail "$tarball holds no dmm at its top directory"
}

# The code block of README.md between '<!-- cluster-recipe: NAME begin' and
# '<!-- cluster-recipe: NAME end -->', without its fence lines.
readme_block() {
  local name="$1" text
  text="$(awk -v b="<!-- cluster-recipe: $name begin" -v e="<!-- cluster-recipe: $name end -->" '
    index($0, b) == 1 { on = 1; next }
    index($0, e) == 1 { on = 0; next }
    on && /^```/ { next }
    on { print }' "$cluster_root/README.md")"
  [ -n "$text" ] || fail "README.md has no '<!-- cluster-recipe: $name begin' ... end block"
  printf '%s\n' "$text"
}

# Replaces the exact string FROM with TO in stdin; fails if FROM is absent,
# so a README edit cannot silently make the test run something else.
replace() {
  local from="$1" to="$2" text
  text="$(cat)"
  [[ "$text" == *"$from"* ]] || fail "recipe no longer contains '$from'; update Tests/Cluster with the README"
  printf '%s\n' "${text//"$from"/"$to"}"
}

# Joins the README's continuation lines so that the grid, split over two
# lines there, can be replaced as one string.
join_lines() { sed -e ':a' -e '/\\$/N; s/\\\n *//; ta'; }
