#!/usr/bin/env bash
# Peak memory of reading one large Amazon Transcribe job: the JSON reader
# must stay within 4 × the file's size.
#
#   Benchmarks/json-memory.sh
#   MEGABYTES=82 BEFORE=/path/to/older/callqa Benchmarks/json-memory.sh
#
# `callqa-bench transcribe-job` writes a job of MEGABYTES megabytes (English
# and Chinese, seed 1); `callqa inspect FILE --format json` reads it into one
# call and writes it out, and /usr/bin/time reports the peak resident size.
# BEFORE names another build of callqa to measure on the same files.
set -euo pipefail

MEGABYTES=${MEGABYTES:-82}
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
BIN=$(swift build -c release --show-bin-path)
WORK=${WORK:-$(mktemp -d)}
trap '[ -z "${KEEP:-}" ] && rm -rf "$WORK"' EXIT
TIME=$(command -v gtime || echo /usr/bin/time)

peak_kilobytes() {
    "$TIME" -f '%M' "$@" 2>&1 >/dev/null | tail -1
}

for language in en zh-Hans; do
    file="$WORK/job-$language.json"
    "$BIN/callqa-bench" transcribe-job --megabytes "$MEGABYTES" --language "$language" --output "$file" > /dev/null
    size=$(stat -c %s "$file")
    items=$(grep -c '"alternatives"' "$file")
    for binary in "$BIN/callqa" ${BEFORE:+"$BEFORE"}; do
        peak=$(peak_kilobytes "$binary" inspect "$file" --format json --max-input-size 1G)
        awk -v l="$language" -v s="$size" -v n="$items" -v p="$peak" -v b="$binary" \
            'BEGIN { printf "%-8s %6.1f MB, %7d items: peak %7.1f MB = %5.2f x the file  (%s)\n",
                     l, s / 1e6, n, p * 1024 / 1e6, p * 1024 / s, b }'
    done
done
