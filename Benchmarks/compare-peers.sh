#!/usr/bin/env bash
# Throughput of `callqa score` next to its peers, on one generated corpus.
#
#   Benchmarks/compare-peers.sh            # about 200 MB of plain text
#   CALLS=2000 RUNS=3 Benchmarks/compare-peers.sh
#   BEFORE=/path/to/an/earlier/callqa Benchmarks/compare-peers.sh   # also times it, same run
#
# Generates a deterministic corpus (plain text, one call per file, and the
# same calls as XML, 1,000 per file), prints the phrases the shipped rubrics
# compile (`callqa rubric phrases`), then times — hot in the page cache, the
# median of RUNS runs each — reading the files (cat), ripgrep counting lines
# that hold any phrase (`rg -F -i -c -f`), xmllint parsing the XML, and
# `callqa score --format jsonl` on one core and on all cores, and the same
# with `--store` (every call also written to a new results store). Prints MB/s
# (10^6 bytes per second), callqa's ratio to ripgrep, and what storing costs
# over scoring alone (target: at most 1.3x). Needs rg and
# xmllint on the PATH for their rows (apt-get install ripgrep libxml2-utils).
set -euo pipefail

CALLS=${CALLS:-13000}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
JOBS=${JOBS:-$(nproc)}
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
BIN=$(swift build -c release --show-bin-path)
WORK=${WORK:-$(mktemp -d)}
trap '[ -z "${KEEP:-}" ] && rm -rf "$WORK"' EXIT

"$BIN/callqa-bench" generate --calls "$CALLS" --format text --seed "$SEED" --output "$WORK/text" >/dev/null
"$BIN/callqa-bench" generate --calls "$CALLS" --format xml --per-file 1000 --seed "$SEED" --output "$WORK/xml" >/dev/null
"$BIN/callqa" rubric phrases zh-standard en-standard > "$WORK/phrases.txt"
TEXT_BYTES=$(find "$WORK/text" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
XML_BYTES=$(find "$WORK/xml" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
cat "$WORK"/text/* "$WORK"/xml/* > /dev/null   # into the page cache

source Benchmarks/timing.sh

row() {   # row LABEL BYTES SECONDS
    awk -v label="$1" -v bytes="$2" -v seconds="$3" -v calls="$CALLS" \
        'BEGIN { printf "%-44s %8.3f s %9.1f MB/s %9.0f calls/s\n", label, seconds, bytes / 1e6 / seconds, calls / seconds }'
}

echo "corpus: $CALLS calls; text $(awk -v b="$TEXT_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB in $CALLS files, XML $(awk -v b="$XML_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB; $(wc -l < "$WORK/phrases.txt") phrases; median of $RUNS runs"
CAT=$(median_seconds cat -- "$WORK"/text/*)
row "cat (read the text files)" "$TEXT_BYTES" "$CAT"
if command -v rg > /dev/null; then
    RG1=$(median_seconds rg -j1 -F -i -c -f "$WORK/phrases.txt" "$WORK/text")
    row "rg -F -i -c -f phrases.txt (one thread)" "$TEXT_BYTES" "$RG1"
    row "rg -F -i -c -f phrases.txt (all threads)" "$TEXT_BYTES" "$(median_seconds rg -F -i -c -f "$WORK/phrases.txt" "$WORK/text")"
fi
if command -v xmllint > /dev/null; then
    row "xmllint --stream --noout (XML)" "$XML_BYTES" "$(median_seconds xmllint --stream --noout "$WORK"/xml/*.xml)"
fi
ONE=$(median_seconds "$BIN/callqa" score "$WORK/text" --jobs 1 --format jsonl)
row "callqa score --jobs 1 --format jsonl (text)" "$TEXT_BYTES" "$ONE"
ALL=$(median_seconds "$BIN/callqa" score "$WORK/text" --jobs "$JOBS" --format jsonl)
row "callqa score --jobs $JOBS --format jsonl (text)" "$TEXT_BYTES" "$ALL"
XONE=$(median_seconds "$BIN/callqa" score "$WORK/xml" --jobs 1 --format jsonl)
row "callqa score --jobs 1 --format jsonl (XML)" "$XML_BYTES" "$XONE"
XALL=$(median_seconds "$BIN/callqa" score "$WORK/xml" --jobs "$JOBS" --format jsonl)
row "callqa score --jobs $JOBS --format jsonl (XML)" "$XML_BYTES" "$XALL"
fresh_store() {   # each run writes a new store, as a day's first run does
    rm -f "$WORK/qa.sqlite" "$WORK/qa.sqlite-wal" "$WORK/qa.sqlite-shm"
    "$@"
}
SONE=$(median_seconds fresh_store "$BIN/callqa" score "$WORK/text" --jobs 1 --format jsonl --store "$WORK/qa.sqlite")
row "callqa score --jobs 1 --format jsonl --store (text)" "$TEXT_BYTES" "$SONE"
SALL=$(median_seconds fresh_store "$BIN/callqa" score "$WORK/text" --jobs "$JOBS" --format jsonl --store "$WORK/qa.sqlite")
row "callqa score --jobs $JOBS --format jsonl --store (text)" "$TEXT_BYTES" "$SALL"
if [ -n "${BEFORE:-}" ]; then
    BONE=$(median_seconds "$BEFORE" score "$WORK/text" --jobs 1 --format jsonl)
    row "before: callqa score --jobs 1 (text)" "$TEXT_BYTES" "$BONE"
    BXONE=$(median_seconds "$BEFORE" score "$WORK/xml" --jobs 1 --format jsonl)
    row "before: callqa score --jobs 1 (XML)" "$XML_BYTES" "$BXONE"
fi
echo
awk -v one="$ONE" -v all="$ALL" -v xone="$XONE" -v xall="$XALL" -v jobs="$JOBS" \
    'BEGIN { printf "scaling on %d cores: text %.2fx, XML %.2fx\n", jobs, one / all, xone / xall }'
awk -v one="$ONE" -v sone="$SONE" -v all="$ALL" -v sall="$SALL" -v jobs="$JOBS" \
    'BEGIN { printf "score --store / score (time; target at most 1.30x): one core %.2fx, %d cores %.2fx\n", sone / one, jobs, sall / all }'
if [ -n "${RG1:-}" ]; then
    awk -v rg="$RG1" -v one="$ONE" 'BEGIN { printf "callqa (one core) / ripgrep (one thread): %.2f of its speed\n", rg / one }'
fi
if [ -n "${BONE:-}" ]; then
    awk -v before="$BONE" -v now="$ONE" -v xbefore="$BXONE" -v xnow="$XONE" \
        'BEGIN { printf "this build / before (one core, time): text %.2fx, XML %.2fx\n", now / before, xnow / xbefore }'
fi
