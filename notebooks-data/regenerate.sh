#!/usr/bin/env bash
# Regenerates the canonical datasets of notebooks-data/ with the release dmm:
# for each line of datasets.tsv, NAME.csv (+ NAME.csv.meta.json) from
# `dmm sweep` and NAME.svg from `dmm plot`. Closed form only, so it takes
# seconds. Tests/DMMTests/NotebooksDataTests.swift checks that the committed
# CSVs are what this produces.
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
cd "$here"
while IFS=$'\t' read -r name plot sweep; do
    case "$name" in ''|'#'*) continue ;; esac
    read -r -a plot_args <<< "$plot"
    read -r -a sweep_args <<< "$sweep"
    echo "notebooks-data: $name" >&2
    "$dmm" sweep "${sweep_args[@]}" --output "$name.csv"
    "$dmm" plot "$name.csv" "${plot_args[@]}" --output "$name.svg"
done < datasets.tsv
