#!/usr/bin/env bash
# Regenerates the canonical datasets of notebooks-data/ with the release dmm:
# for each line of datasets.tsv, NAME.csv (+ NAME.csv.meta.json) from
# `dmm sweep` and NAME.svg from `dmm plot`. Closed form only, so it takes
# seconds. Tests/DMMTests/NotebooksDataTests.swift checks that the committed
# CSVs are what this produces.
#
# A dataset whose CSV bytes and sweep definition (everything in the sidecar
# but the provenance of the run: command line, git commit, dirty flag, build
# kind) are unchanged keeps its committed files, so a rerun with nothing
# changed leaves git clean; otherwise its CSV, sidecar and SVG are replaced.
#
#   bash notebooks-data/regenerate.sh            # builds dmm in release mode if needed
#   DMM=/path/to/dmm bash notebooks-data/regenerate.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
dmm="${DMM:-$root/.build/release/dmm}"
if [ -z "${DMM:-}" ]; then
    (cd "$root" && swift build -c release --product dmm >&2)
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# The sidecar without its run provenance, as canonical JSON.
definition() {
    python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for key in ("command_line", "git_commit", "git_dirty", "git_changes_sha256", "build_kind"):
    d.pop(key, None)
print(json.dumps(d, sort_keys=True))' "$1"
}

unchanged() {  # NAME: the fresh files in $scratch match the committed ones
    local name="$1"
    [ -f "$here/$name.csv" ] && [ -f "$here/$name.csv.meta.json" ] && [ -f "$here/$name.svg" ] || return 1
    cmp -s "$scratch/$name.csv" "$here/$name.csv" || return 1
    cmp -s "$scratch/$name.svg" "$here/$name.svg" || return 1
    [ "$(definition "$scratch/$name.csv.meta.json")" = "$(definition "$here/$name.csv.meta.json")" ]
}

cd "$scratch"
while IFS=$'\t' read -r name plot sweep; do
    case "$name" in ''|'#'*) continue ;; esac
    read -r -a plot_args <<< "$plot"
    read -r -a sweep_args <<< "$sweep"
    "$dmm" sweep "${sweep_args[@]}" --output "$name.csv"
    "$dmm" plot "$name.csv" "${plot_args[@]}" --output "$name.svg"
    if unchanged "$name"; then
        echo "notebooks-data: $name unchanged" >&2
    else
        echo "notebooks-data: $name regenerated" >&2
        mv "$name.csv" "$name.csv.meta.json" "$name.svg" "$here/"
    fi
done < "$here/datasets.tsv"
