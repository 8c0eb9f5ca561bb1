#!/usr/bin/env bash
# Writes the output corpus of Tests/Corpus/commands.tsv into Tests/Corpus/expected/
# (one file per line: what `dmm ARGS` prints, or writes to {out}), so that a
# refactoring can prove it changed no byte and a model fix shows every number it
# moved (`git diff Tests/Corpus/expected`). Tests/DMMTests/CorpusTests.swift
# reruns every line against these files.
#
#   bash scripts/golden-corpus.sh            # regenerate with the debug dmm (builds it)
#   bash scripts/golden-corpus.sh --check    # compare only; exit 1 and list what differs
#   DMM=/path/to/dmm bash scripts/golden-corpus.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/Tests/Corpus"
check=0; [ "${1:-}" = "--check" ] && check=1
dmm="${DMM:-$root/.build/debug/dmm}"
[ -n "${DMM:-}" ] || (cd "$root" && swift build --product dmm >&2)
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
mkdir -p "$corpus/expected"
differ=0
cd "$root"
while IFS=$'\t' read -r name args; do
    case "$name" in ''|'#'*) continue ;; esac
    read -r -a argv <<< "${args//\{out\}/$scratch/out}"
    rm -f "$scratch/out" "$scratch/out.meta.json"
    "$dmm" "${argv[@]}" > "$scratch/stdout"
    result="$scratch/stdout"; [[ "$args" == *"{out}"* ]] && result="$scratch/out"
    if [ $check -eq 1 ]; then
        cmp -s "$result" "$corpus/expected/$name" || { echo "differs: $name" >&2; differ=1; }
    else
        cp "$result" "$corpus/expected/$name"
    fi
done < "$corpus/commands.tsv"
exit $differ
