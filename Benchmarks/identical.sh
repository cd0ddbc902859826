#!/usr/bin/env bash
# Whether two builds of callqa write the same bytes: every output format of
# score, explain, inspect and convert, on the sample calls, every test
# fixture, a 10,000-call generated batch (--jobs 1 and --jobs 2), and any
# folders given (e.g. a labelled set of your own), standard output, standard
# error and exit status alike. For changes meant to leave every verdict and
# every output as it was (speed work, refactoring).
#
#   Benchmarks/identical.sh BEFORE AFTER [FOLDER…]
#   CALLS=2000 Benchmarks/identical.sh /old/callqa .build/release/callqa
#
# Prints one line per difference (command, then the first differing lines)
# and a count; exits 1 when anything differs. Needs callqa-bench beside AFTER
# (swift build -c release builds both).
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 BEFORE AFTER [FOLDER…]" >&2
    exit 2
fi
BEFORE=$(realpath "$1")
AFTER=$(realpath "$2")
shift 2
CALLS=${CALLS:-10000}
cd "$(dirname "$0")/.."
BENCH="$(dirname "$AFTER")/callqa-bench"
[ -x "$BENCH" ] || { echo "identical.sh: no callqa-bench beside $AFTER" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$BENCH" generate --calls "$CALLS" --format xml --per-file 1000 --seed 7 --from 2024-04-01 --days 28 \
    --output "$WORK/generated" > /dev/null

checked=0
differ=0
# same ARGUMENTS…: runs both builds and compares what they wrote.
same() {
    checked=$((checked + 1))
    local status_before=0 status_after=0
    "$BEFORE" "$@" > "$WORK/before.out" 2> "$WORK/before.err" || status_before=$?
    "$AFTER" "$@" > "$WORK/after.out" 2> "$WORK/after.err" || status_after=$?
    if [ "$status_before" != "$status_after" ] || ! cmp -s "$WORK/before.out" "$WORK/after.out" \
        || ! cmp -s "$WORK/before.err" "$WORK/after.err"; then
        differ=$((differ + 1))
        echo "DIFFERS: callqa $* (exit $status_before → $status_after)"
        diff "$WORK/before.out" "$WORK/after.out" | head -6 || true
        diff "$WORK/before.err" "$WORK/after.err" | head -4 || true
    fi
}

folders=(corpora Tests/Fixtures "$@")
for folder in "${folders[@]}" "$WORK/generated"; do
    for jobs in 1 2; do
        for format in table json jsonl csv html; do
            same score "$folder" --jobs "$jobs" --format "$format"
        done
        same score "$folder" --jobs "$jobs" --format json --by agent
    done
    same inspect "$folder" --format json
done
# Each file of the small folders, one by one: explanations, inspection, conversion.
while IFS= read -r -d '' file; do
    for format in plain json markdown html; do
        same explain "$file" --format "$format"
    done
    same inspect "$file" --format table
    same convert "$file" --to xml
    same convert "$file" --to jsonl
done < <(find "${folders[@]}" -type f ! -name '*.yaml' ! -name '*.csv' ! -name '*.jsonl' -print0 | sort -z)

echo "$checked outputs compared, $differ differ"
[ "$differ" -eq 0 ]
