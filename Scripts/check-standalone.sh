#!/usr/bin/env bash
# Checks that an installed callqa runs where Swift is not installed: it loads no library
# of the Swift toolchain, and scores the sample calls with the toolchain's libraries out
# of reach (hidden behind an empty folder in a private mount namespace, when the system
# allows one) and with its rubrics found beside it.
#
#   Scripts/check-standalone.sh PREFIX     as given to Scripts/install.sh
set -euo pipefail
prefix=$(cd "$1" && pwd)
binary="$prefix/bin/callqa"
root="$(cd "$(dirname "$0")/.." && pwd)"
toolchain="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")"

libraries=$(ldd "$binary")
if grep -q "not found" <<<"$libraries"; then
  echo "check-standalone: $binary needs libraries that are missing:" >&2
  grep "not found" <<<"$libraries" >&2
  exit 1
fi
if grep -q -e "$toolchain" -e "libswift" -e "libFoundation" -e "libdispatch" <<<"$libraries"; then
  echo "check-standalone: $binary loads libraries of the Swift toolchain ($toolchain):" >&2
  grep -e "$toolchain" -e "libswift" -e "libFoundation" -e "libdispatch" <<<"$libraries" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$root/corpora" "$work/corpora"
mkdir "$work/empty"
# Run from a folder without rubrics/, with a bare environment, so that the rubrics come
# from PREFIX/share/callqa/rubrics.
run=(env -i PATH=/usr/bin:/bin HOME="$work" "$binary" score corpora/ --format csv)
if unshare -rm true 2>/dev/null; then
  hidden="$toolchain/lib"
  (cd "$work" && unshare -rm sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' sh "$work/empty" "$hidden" \
    "${run[@]}") >"$work/scores.csv"
  how="with $hidden hidden"
else
  (cd "$work" && "${run[@]}") >"$work/scores.csv"
  how="(no private mount namespace here: the toolchain's libraries were checked with ldd only)"
fi
calls=$(($(wc -l <"$work/scores.csv") - 1))
if [ "$calls" -lt 1 ]; then
  echo "check-standalone: no call scored" >&2
  exit 1
fi
echo "check-standalone: $binary scored $calls calls $how" >&2
