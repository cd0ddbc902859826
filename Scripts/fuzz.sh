#!/usr/bin/env bash
# Fuzzes CallQA's readers with libFuzzer and AddressSanitizer (README, "Fuzzing").
#
#   Scripts/fuzz.sh [TARGET…] [--time SECONDS | --runs N] [--timeout SECONDS] [--work DIR] [--debug]
#
# TARGET: text xml trs eaf vtt srt json rubric labels results (default: all, one after another).
#   --time SECONDS   fuzz each target this long (default 60)
#   --runs N         or run each target on N inputs
#   --timeout S      an input that takes longer than S seconds is a hang (default 1; 5 for
#                    rubric, whose every input compiles a whole automaton; doubled with --debug)
#   --work DIR       where each target's growing corpus, logs and findings are kept
#                    (default .build/fuzz-corpus; kept between runs, so each run goes on
#                    from the corpus the last one grew)
#   --debug          a debug fuzz build: builds in a quarter of the time, runs at half the speed
#                    (what .ci/run uses for its short runs)
#
# The fuzz build is its own (.build/fuzz), a release build with -sanitize=fuzzer,address and
# CALLQA_FUZZING defined; the ordinary build directories are left as they are. Each target is
# seeded with the repository's fixtures of its kind and its fixed findings, copied into the
# work directory.
#
# A crash, a hang (an input over its time in each of three runs of it alone: a busy machine
# slows inputs down too), a leak or running out of memory is a finding: the input (minimized
# when the crash reproduces) is copied to Tests/Fixtures/fuzz/TARGET/, where `swift test`
# replays it from then on, and the script exits 1. A crash whose top CallQA frame is listed in
# Tests/Fixtures/fuzz/known-open.tsv is a known open one: it is reported, kept in the work
# directory only, and fuzzing goes on for the rest of the time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

all_targets=(text xml trs eaf vtt srt json rubric labels results)
declare -A max_len=(
  [text]=8192 [xml]=16384 [trs]=16384 [eaf]=16384 [vtt]=8192 [srt]=8192 [json]=49152
  [rubric]=24576 [labels]=4096 [results]=16384
)
declare -A dictionary=(
  [text]=text [xml]=xml [trs]=xml [eaf]=xml [vtt]=subtitles [srt]=subtitles [json]=json
  [rubric]=yaml [labels]=csv [results]=json
)
declare -A extension=(
  [text]=txt [xml]=xml [trs]=trs [eaf]=eaf [vtt]=vtt [srt]=srt [json]=json
  [rubric]=yaml [labels]=csv [results]=jsonl
)

usage() {
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

targets=()
seconds=60
runs=""
timeout=""
work="$root/.build/fuzz-corpus"
configuration=release
while [ $# -gt 0 ]; do
  case "$1" in
    --time) seconds=${2:?--time needs seconds}; runs=""; shift 2 ;;
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --timeout) timeout=${2:?--timeout needs seconds}; shift 2 ;;
    --work) work=${2:?--work needs a directory}; shift 2 ;;
    --debug) configuration=debug; shift ;;
    -h | --help) usage ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; usage ;;
    *)
      if [ -z "${extension[$1]:-}" ]; then
        echo "fuzz.sh: unknown target '$1' (targets: ${all_targets[*]})" >&2
        exit 2
      fi
      targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for number in "$seconds" "${runs:-1}" "${timeout:-1}"; do
  case "$number" in '' | *[!0-9]* | 0) echo "fuzz.sh: $number is not a positive whole number" >&2; exit 2 ;; esac
done
mkdir -p "$work"
work="$(cd "$work" && pwd)"

# The fuzz build: coverage and AddressSanitizer in every Swift and C module. SwiftPM's
# --sanitize fuzzer links libFuzzer's main (and leaves the entry point alone); the
# -sanitize=fuzzer,address that follows it is the one swiftc keeps (the last -sanitize wins).
scratch="$root/.build/fuzz"
build=(swift build --product callqa-fuzz -c "$configuration" --scratch-path "$scratch" --sanitize fuzzer
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -DCALLQA_FUZZING)
echo "building callqa-fuzz for libFuzzer ($configuration, AddressSanitizer; the first build takes minutes)..." >&2
"${build[@]}" 2>&1 | grep -v "Cannot export local symbol" >&2
binary="$("${build[@]}" --show-bin-path)/callqa-fuzz"

# Symbolized stack traces, and the Swift runtime's own backtracer out of libFuzzer's way.
toolchain="$(dirname "$(command -v swift)")"
if [ -x "$toolchain/llvm-symbolizer" ]; then export ASAN_SYMBOLIZER_PATH="$toolchain/llvm-symbolizer"; fi
export SWIFT_BACKTRACE=enable=no
export CALLQA_RUBRICS="$root/rubrics"

# Files of the repository that seed a target: its fixtures, and its fixed findings, so that a
# finding come back is met at once (a known open one would stop every run at its start).
seeds() {
  if [ -d "Tests/Fixtures/fuzz/$1" ]; then
    find "Tests/Fixtures/fuzz/$1" -type f | while IFS= read -r finding; do
      grep -q -F -- "${finding#Tests/Fixtures/fuzz/}"$'\t' Tests/Fixtures/fuzz/known-open.tsv 2>/dev/null ||
        echo "$finding"
    done
  fi
  case "$1" in
    text | xml | trs | eaf | vtt | srt | json)
      find corpora Tests/Fixtures -type f -name "*.${extension[$1]}" \
        -not -path 'Tests/Fixtures/fuzz/*' -not -path 'Tests/Fixtures/snapshots/*' ;;
    rubric) find rubrics Tests/Fixtures/rubrics -type f -name '*.yaml' -not -path '*.cases/*' ;;
    labels) find Tests/Fixtures/labels -type f -name '*.csv' ;;
    results) find Fuzz/seeds/results -type f -name '*.jsonl' ;;
  esac
}

# The first stack frame of CallQA's own code (or of the fuzz harness) in a fuzzer log, demangled.
top_frame() {
  { swift demangle <"$1" | grep -E '^ *#[0-9]+ ' | grep -E 'CallQA\.|callqa_fuzz\.' | head -n 1 |
    sed -E 's/^ *#[0-9]+ 0x[0-9a-f]+ in //'; } || true
}

# What went wrong, in one line: the Swift runtime's message (printed, or in a release build the
# name of the trap's frame), else the sanitizer's or libFuzzer's.
first_message() {
  local message
  message=$(grep -m 1 -o 'Fatal error: .*' "$1" || true)
  [ -n "$message" ] || message=$(grep -m 1 -o 'Swift runtime failure: [^/]*' "$1" || true)
  [ -n "$message" ] || message=$(grep -m 1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)' "$1" || true)
  echo "$message"
}

# The known open finding (its fixture) of this kind whose signature is in the log, if any.
known_open() {
  local kind=$1 log=$2 fixture signature rest
  [ -f Tests/Fixtures/fuzz/known-open.tsv ] || return 0
  swift demangle <"$log" >"$log.demangled" || true
  while IFS=$'\t' read -r fixture signature rest; do
    case "$fixture" in '' | '#'*) continue ;; esac
    case "$(basename "$fixture")" in "$kind"-*) ;; *) continue ;; esac
    if [ -n "$signature" ] && grep -F -- "$signature" "$log.demangled" >/dev/null; then
      echo "$fixture"
      return 0
    fi
  done <Tests/Fixtures/fuzz/known-open.tsv
}

# The finding a fuzzer log reports: timeout, leak, oom or crash.
finding() {
  if grep -q 'ERROR: libFuzzer: timeout' "$1"; then echo timeout
  elif grep -q -e 'ERROR: LeakSanitizer' -e 'libFuzzer: detected memory leaks' "$1"; then echo leak
  elif grep -q -e 'ERROR: libFuzzer: out-of-memory' -e 'ERROR: libFuzzer: malloc' "$1"; then echo oom
  else echo crash
  fi
}

# Seconds an input of a target may take before it counts as a hang: --timeout, else 1 s (5 s for
# a rubric: each input is a whole rubric, linted, compiled into an automaton and scored with,
# which takes a shipped rubric 0.3-1.5 s in this instrumented build, about 30 ms in a release
# build); twice that in a debug build.
timeout_for() {
  local seconds=${timeout:-1}
  if [ -z "$timeout" ] && [ "$1" = rubric ]; then seconds=5; fi
  if [ -z "$timeout" ] && [ "$configuration" = debug ]; then seconds=$((seconds * 2)); fi
  echo "$seconds"
}

# Runs the fuzz binary for one target with the options every run shares.
fuzz() {
  local target=$1
  shift
  CALLQA_FUZZ_TARGET=$target ASAN_OPTIONS=${asan_options:-} "$binary" -max_len="${max_len[$target]}" -timeout="$(timeout_for "$target")" -rss_limit_mb=2048 \
    -dict="$root/Fuzz/dictionaries/${dictionary[$target]}.dict" "$@"
}

# Whether an input that timed out times out again in each of three runs of it alone.
reproduces_timeout() {
  local target=$1 input=$2 dir=$3 attempt
  for attempt in 1 2 3; do
    if fuzz "$target" -runs=1 "$input" >"$dir/timeout-check.log" 2>&1; then return 1; fi
    grep -q 'ERROR: libFuzzer: timeout' "$dir/timeout-check.log" || return 0
  done
  return 0
}

# A smaller input with the same finding (a crash: with the same top frame), when libFuzzer finds
# one within 30 s; else the input.
minimized() {
  local target=$1 input=$2 kind=$3 frame=$4 dir=$5
  local small="$dir/minimized" log="$dir/minimize.log"
  rm -f "$small"
  fuzz "$target" -minimize_crash=1 -max_total_time=30 -exact_artifact_path="$small" "$input" >"$log" 2>&1 || true
  if [ -s "$small" ] && ! fuzz "$target" -runs=1 "$small" >"$log" 2>&1 && [ "$(finding "$log")" = "$kind" ] &&
    { [ "$kind" != crash ] || [ "$(top_frame "$log")" = "$frame" ]; }; then
    echo "$small"
  else
    echo "$input"
  fi
}

status=0
summary=()
for target in "${targets[@]}"; do
  dir="$work/$target"
  rm -rf "$dir/seeds" "$dir/artifacts"
  mkdir -p "$dir/corpus" "$dir/seeds" "$dir/artifacts" "$dir/known"
  while IFS= read -r file; do
    cp "$file" "$dir/seeds/$(echo "$file" | tr '/' '_')"
  done < <(seeds "$target")

  started=$(date +%s)
  executions=0
  result=ok
  asan_options=""
  known_leak=()
  slow=0
  while :; do
    if [ -n "$runs" ]; then
      budget=(-runs="$runs")
    else
      left=$((seconds - ($(date +%s) - started)))
      [ "$left" -gt 0 ] || break
      budget=(-max_total_time="$left")
    fi
    log="$dir/last.log"
    if [ -n "$runs" ]; then what="$runs inputs"; else what="$left s"; fi
    echo "fuzzing $target: $what (log: $log)" >&2
    if fuzz "$target" "${budget[@]}" "${known_leak[@]}" -print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
      "$dir/corpus" "$dir/seeds" >"$log" 2>&1; then
      done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
      executions=$((executions + ${done_runs:-0}))
      break
    fi
    last=$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#' || true)
    executions=$((executions + ${last:-0}))
    artifact=$(sed -n 's/.*Test unit written to //p' "$log" | tail -n 1)
    kind=$(finding "$log")
    if [ -z "$artifact" ] || [ ! -f "$artifact" ]; then
      echo "fuzz.sh: $target: the fuzzer stopped without saving an input; see $log" >&2
      result="failed (see $log)"
      status=1
      break
    fi
    if [ "$kind" = leak ]; then
      # The leak's allocation stacks in full: the fast unwinder stops in C libraries built
      # without frame pointers (libxml2), before reaching CallQA's frames.
      asan_options=fast_unwind_on_malloc=0 fuzz "$target" -runs=1 "$artifact" >"$dir/leak.log" 2>&1 || true
      if grep -q 'ERROR: LeakSanitizer' "$dir/leak.log"; then log="$dir/leak.log"; fi
    fi
    frame=$(top_frame "$log")
    message=$(first_message "$log")
    known=$(known_open "$kind" "$log")
    if [ -n "$known" ]; then
      cp "$artifact" "$dir/known/"
      echo "fuzz.sh: $target: known open $kind ($known): ${frame:-$message}" >&2
      result="ok, known open: $known"
      # A known leak would be met again at once: the rest of the run looks for other findings.
      if [ "$kind" = leak ]; then
        known_leak=(-detect_leaks=0)
        asan_options=detect_leaks=0
      fi
      [ -z "$runs" ] || break
      continue
    fi
    # On a busy machine a timeout may be the machine's: the input runs again alone, up to three
    # times, and one run within the limit clears it (kept in slow/, counted, fuzzing goes on).
    if [ "$kind" = timeout ] && ! reproduces_timeout "$target" "$artifact" "$dir"; then
      mkdir -p "$dir/slow"
      cp "$artifact" "$dir/slow/"
      slow=$((slow + 1))
      echo "fuzz.sh: $target: an input went over $(timeout_for "$target") s, but not when run again alone; kept in $dir/slow" >&2
      [ -z "$runs" ] || break
      continue
    fi
    status=1
    if [ "$kind" = leak ] || { [ "$kind" = crash ] && [ -n "$frame" ]; }; then
      artifact=$(minimized "$target" "$artifact" "$kind" "$frame" "$dir")
    fi
    mkdir -p "Tests/Fixtures/fuzz/$target"
    saved="Tests/Fixtures/fuzz/$target/$kind-$(sha1sum "$artifact" | cut -c 1-12).${extension[$target]}"
    cp "$artifact" "$saved"
    result="$kind: $saved"
    {
      echo "fuzz.sh: $target: $kind — input saved as $saved"
      echo "  ${message:-(no message)}"
      echo "  top frame: ${frame:-(none in CallQA)}"
      echo "  log: $log"
      echo "  replay it: swift run callqa-fuzz replay $target $saved"
    } >&2
    break
  done
  elapsed=$(($(date +%s) - started))
  if [ "$slow" -gt 0 ]; then result="$result ($slow slow under load, not when run alone)"; fi
  summary+=("$(printf '%-8s %12s %7ss %9s  %s' "$target" "$executions" "$elapsed" \
    "$((executions / (elapsed > 0 ? elapsed : 1)))" "$result")")
done

printf '\n%-8s %12s %8s %9s  %s\n' target executions time "exec/s" result
printf '%s\n' "${summary[@]}"
exit "$status"
