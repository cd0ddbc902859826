#!/usr/bin/env bash
# Installs callqa with its rubrics under PREFIX:
#   PREFIX/bin/callqa                      a release build with the Swift runtime linked in
#   PREFIX/share/callqa/rubrics/           the shipped rubrics and their example cases
#
#   Scripts/install.sh PREFIX              e.g. /usr/local or ~/.local
#   CALLQA_BINARY=FILE Scripts/install.sh PREFIX   install a binary built before
#
# The binary needs only the system's libxml2, Snowball stemmer and SQLite libraries at run
# time (Debian: libxml2, libstemmer0d, libsqlite3-0), not the Swift toolchain. It finds the rubrics in
# PREFIX/share/callqa/rubrics from its own location.
set -euo pipefail
if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: Scripts/install.sh PREFIX   (e.g. /usr/local or ~/.local)" >&2
  exit 2
fi
prefix=$1
root="$(cd "$(dirname "$0")/.." && pwd)"

binary=${CALLQA_BINARY:-}
if [ -z "$binary" ]; then
  # A build directory of its own, so that the usual .build/release is left as it is.
  scratch="$root/.build/static"
  echo "building callqa (release, Swift runtime linked in; the first build takes several minutes)..." >&2
  swift build --package-path "$root" --scratch-path "$scratch" -c release --static-swift-stdlib --product callqa >&2
  binary="$(swift build --package-path "$root" --scratch-path "$scratch" -c release --show-bin-path)/callqa"
fi
if [ ! -x "$binary" ]; then
  echo "install.sh: $binary is not an executable" >&2
  exit 1
fi

mkdir -p "$prefix/bin" "$prefix/share/callqa/rubrics"
install -m 0755 "$binary" "$prefix/bin/callqa"
rubrics="$prefix/share/callqa/rubrics"
for file in "$root"/rubrics/*.yaml; do
  install -m 0644 "$file" "$rubrics/"
  cases="${file%.yaml}.cases"
  if [ -d "$cases" ]; then
    mkdir -p "$rubrics/$(basename "$cases")"
    install -m 0644 "$cases"/*.yaml "$rubrics/$(basename "$cases")/"
  fi
done

echo "installed $prefix/bin/callqa and $(ls "$rubrics"/*.yaml | wc -l) rubrics in $rubrics" >&2
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "add $prefix/bin to PATH to run callqa by name" >&2 ;;
esac
