#!/usr/bin/env bash
# Work per call and per byte of `callqa score --jobs 1 --format jsonl`, start-up
# excluded: instructions (valgrind's callgrind) and heap allocations
# (valgrind's memcheck), counted on CALLS and on twice CALLS generated calls of
# one language, the difference divided by the calls and bytes added.
# Instructions are counts, not times: the figures do not depend on what else
# the machine runs.
#
#   Benchmarks/per-call.sh                 # 150 and 300 calls, Chinese and English
#   CALLS=500 Benchmarks/per-call.sh
#
# Needs valgrind (apt-get install valgrind). The binary is a stripped copy of
# the release build (valgrind cannot read the toolchain's debug information).
set -euo pipefail

CALLS=${CALLS:-150}
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
BIN=$(swift build -c release --show-bin-path)
command -v valgrind > /dev/null || { echo "per-call.sh: valgrind is not installed" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$BIN/callqa" "$WORK/callqa"
strip "$WORK/callqa"

# counts FOLDER: "instructions allocations bytes-allocated" of scoring FOLDER.
counts() {
    local instructions allocations
    instructions=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$WORK/callqa" score "$1" \
        --jobs 1 --format jsonl 2>&1 >/dev/null | awk '/refs:/ { gsub(",", "", $NF); print $NF }')
    allocations=$(valgrind --tool=memcheck --leak-check=no "$WORK/callqa" score "$1" --jobs 1 --format jsonl \
        2>&1 >/dev/null | awk '/total heap usage/ { gsub(",", ""); print $5, $9 }')
    echo "$instructions $allocations"
}

printf '%-9s %14s %14s %16s %14s\n' language "instr./byte" "instr./call" "allocations/call" "KB alloc./call"
for language in zh-Hans en; do
    for size in "$CALLS" "$((CALLS * 2))"; do
        "$BIN/callqa-bench" generate --calls "$size" --format text --language "$language" --seed 3 \
            --output "$WORK/$language-$size" > /dev/null
    done
    small="$WORK/$language-$CALLS"
    large="$WORK/$language-$((CALLS * 2))"
    read -r i1 a1 b1 <<< "$(counts "$small")"
    read -r i2 a2 b2 <<< "$(counts "$large")"
    bytes1=$(find "$small" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
    bytes2=$(find "$large" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
    awk -v l="$language" -v i1="$i1" -v i2="$i2" -v a1="$a1" -v a2="$a2" -v b1="$b1" -v b2="$b2" \
        -v y1="$bytes1" -v y2="$bytes2" -v n="$CALLS" 'BEGIN {
            printf "%-9s %14.1f %14.0f %16.0f %14.1f\n", l, (i2 - i1) / (y2 - y1), (i2 - i1) / n, (a2 - a1) / n,
                (b2 - b1) / n / 1024 }'
done
