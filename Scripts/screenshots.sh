#!/usr/bin/env bash
# Regenerates the README's screenshots of the HTML pages, with headless Chromium:
#   docs/images/html-report.png         callqa score corpora/ --format html (the lead's report)
#   docs/images/html-report-narrow.png  the same page at a phone's width
#   docs/images/html-explain.png        callqa explain corpora/en/billing-poor.txt --format html
#   docs/images/html-weekly.png         callqa report --store qa.sqlite --by week --format html, six
#                                       weeks of generated calls (callqa-bench generate) stored first
#
#   Scripts/screenshots.sh                       builds callqa and callqa-bench (debug) first
#   CALLQA_BINARY=FILE CALLQA_BENCH=FILE Scripts/screenshots.sh    uses binaries built before
#
# Needs Debian's chromium and a font with Chinese characters (fonts-wqy-microhei); .ci/run
# installs both. Chromium runs with every host name failing to resolve, as in the tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if ! command -v chromium >/dev/null 2>&1; then
  echo "screenshots.sh: chromium is not installed (apt-get install chromium fonts-wqy-microhei)" >&2
  exit 1
fi
binary=${CALLQA_BINARY:-}
if [ -z "$binary" ]; then
  swift build --product callqa >&2
  binary="$(swift build --show-bin-path)/callqa"
fi
bench=${CALLQA_BENCH:-}
if [ -z "$bench" ]; then
  swift build --product callqa-bench >&2
  bench="$(swift build --show-bin-path)/callqa-bench"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$binary" score corpora/ --format html --output "$work/report.html"
"$binary" explain corpora/en/billing-poor.txt --format html --output "$work/explain.html"
# A lead's weekly report: six weeks of calls of eight agents, scored into a store, read back by week.
"$bench" generate --calls 1200 --format xml --per-file 200 --language en --agents 8 --from 2024-04-01 --days 42 \
  --seed 5 --output "$work/weeks" >/dev/null
"$binary" score "$work/weeks" --format jsonl --store "$work/qa.sqlite" --quiet >/dev/null
"$binary" report --store "$work/qa.sqlite" --by week --format html --output "$work/weekly.html"

# shoot PAGE PNG WIDTH HEIGHT: the top WIDTH × HEIGHT pixels of the page.
shoot() {
  rm -rf "$work/profile"
  chromium --headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check \
    --user-data-dir="$work/profile" --disable-background-networking --disable-component-update \
    --disable-sync --disable-extensions --no-pings --host-resolver-rules='MAP * ~NOTFOUND' \
    --hide-scrollbars --force-device-scale-factor=1 --virtual-time-budget=2000 \
    --window-size="$3,$4" --screenshot="$2" "file://$1" >/dev/null 2>&1
  [ -s "$2" ] || { echo "screenshots.sh: no screenshot of $1" >&2; exit 1; }
  echo "$2"
}
mkdir -p docs/images
shoot "$work/report.html" docs/images/html-report.png 1100 2500
shoot "$work/report.html" docs/images/html-report-narrow.png 390 1200
shoot "$work/explain.html" docs/images/html-explain.png 1000 1500
shoot "$work/weekly.html" docs/images/html-weekly.png 1100 1500
