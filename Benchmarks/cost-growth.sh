#!/usr/bin/env bash
# How callqa's cost grows: with the rubric's size, with the corpus's size, and
# in memory; and how long it takes to start.
#
#   Benchmarks/cost-growth.sh
#   CALLS=1000 RUNS=3 Benchmarks/cost-growth.sh
#
# - Phrases: the shipped Chinese and English rubrics against copies with 3,000
#   more phrases (`callqa-bench grow-rubric`), each on a corpus of its language.
# - Corpus: CALLS and 4 × CALLS calls, one core: time should grow 4 ×.
# - Memory: peak resident size for `--format jsonl` on both corpora, and for
#   one XML file holding CALLS and 4 × CALLS calls.
# - Start-up: load and compile the shipped rubrics and score one call.
# Times are the median of RUNS runs, hot in the page cache.
set -euo pipefail

CALLS=${CALLS:-2000}
RUNS=${RUNS:-5}
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
BIN=$(swift build -c release --show-bin-path)
WORK=${WORK:-$(mktemp -d)}
trap '[ -z "${KEEP:-}" ] && rm -rf "$WORK"' EXIT
TIME=$(command -v gtime || echo /usr/bin/time)

source Benchmarks/timing.sh

peak_megabytes() {
    "$TIME" -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'
}

gen() {   # gen FOLDER ARGS...
    local folder=$1; shift
    "$BIN/callqa-bench" generate --output "$WORK/$folder" "$@" > /dev/null
    cat "$WORK/$folder"/* > /dev/null
}

echo "== phrases (one core, --format jsonl, median of $RUNS)"
for pair in "zh-Hans zh-standard" "en en-standard"; do
    set -- $pair
    gen "phr-$1" --calls "$CALLS" --format text --language "$1" --seed 3
    "$BIN/callqa-bench" grow-rubric "rubrics/$2.yaml" --phrases 3000 --output "$WORK/$2-3000.yaml" > /dev/null
    base=$(median_seconds "$BIN/callqa" score "$WORK/phr-$1" --jobs 1 --format jsonl --rubric "rubrics/$2.yaml")
    grown=$(median_seconds "$BIN/callqa" score "$WORK/phr-$1" --jobs 1 --format jsonl --rubric "$WORK/$2-3000.yaml")
    small=$("$BIN/callqa" rubric phrases "rubrics/$2.yaml" | wc -l)
    large=$("$BIN/callqa" rubric phrases "$WORK/$2-3000.yaml" | wc -l)
    awk -v l="$1" -v s="$small" -v g="$large" -v a="$base" -v b="$grown" \
        'BEGIN { printf "%-8s %5d phrases %7.3f s   %5d phrases %7.3f s   ratio %.2f\n", l, s, a, g, b, b / a }'
done

echo "== corpus size (one core, --format jsonl, median of $RUNS)"
gen size-1 --calls "$CALLS" --format text --seed 5
gen size-4 --calls "$((4 * CALLS))" --format text --seed 5
one=$(median_seconds "$BIN/callqa" score "$WORK/size-1" --jobs 1 --format jsonl)
four=$(median_seconds "$BIN/callqa" score "$WORK/size-4" --jobs 1 --format jsonl)
awk -v n="$CALLS" -v a="$one" -v b="$four" \
    'BEGIN { printf "%6d calls %7.3f s   %6d calls %7.3f s   ratio %.2f (4.00 is linear)\n", n, a, 4 * n, b, b / a }'

echo "== peak memory (--format jsonl, all cores)"
gen xml-1 --calls "$CALLS" --format xml --per-file "$CALLS" --seed 5
gen xml-4 --calls "$((4 * CALLS))" --format xml --per-file "$((4 * CALLS))" --seed 5
echo "text, $CALLS calls: $(peak_megabytes "$BIN/callqa" score "$WORK/size-1" --format jsonl) MB;" \
     "$((4 * CALLS)) calls: $(peak_megabytes "$BIN/callqa" score "$WORK/size-4" --format jsonl) MB"
echo "one XML file of $CALLS calls: $(peak_megabytes "$BIN/callqa" score "$WORK/xml-1" --format jsonl) MB;" \
     "of $((4 * CALLS)) calls: $(peak_megabytes "$BIN/callqa" score "$WORK/xml-4" --format jsonl) MB"

echo "== start-up (load and compile the shipped rubrics, score one call; median of $((RUNS * 4)))"
RUNS=$((RUNS * 4)) median_seconds "$BIN/callqa" score corpora/zh-Hans/model-call.txt --format jsonl | awk '{ printf "%.1f ms\n", $1 * 1000 }'
