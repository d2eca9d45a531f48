#!/usr/bin/env bash
# Fresh Debian 12 machine: install the dependencies, build, and run every test.
# Every build has warnings as errors (-Dwerror=true; not a project default, so
# that a packager's newer compiler does not fail a release build).
#   1. gcc, debugoptimized: the full suite;
#   2. the core, charts and cli suites again with the machine's clock moved
#      (faketime) to 2026-01-31 and to 2027-06-15: no test may depend on the
#      real date;
#   3. gcc release and clang release: built (compiled and linked), not run;
#   4. AddressSanitizer and UndefinedBehaviorSanitizer: the core, charts and
#      app suites, and LeakSanitizer with whole stacks (see below);
#   5. a short fuzz run of each libFuzzer target (clang): the figures readers,
#      opening project files, and hostile values in a sound one.
# Each build and each test run counts; the last line says "N passed, N failed"
# and the exit status is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh || exit 1

status=0
steps_dir=$(mktemp -d)
steps="$steps_dir/ci-steps.json"
: >"$steps"
trap 'rm -rf "$steps_dir"' EXIT

# Records a step that is no test of its own (a build, a check of the set-up)
# in the form of meson's test log, so that count-tests.py counts it.
record() {
  local name=$1 result=$2
  printf '{"name": "%s", "result": "%s"}\n' "$name" "$result" >>"$steps"
  [ "$result" = OK ] || status=1
}

# Configures @dir once (with the given options and CC), then builds it.
build() {
  local name=$1 dir=$2
  shift 2
  echo "=== build: $name ($dir)"
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" -Dwerror=true "$@" || { record "build $name" FAIL; return 1; }
  else
    meson configure "$dir" -Dwerror=true "$@" || { record "build $name" FAIL; return 1; }
  fi
  if ninja -C "$dir"; then
    record "build $name" OK
  else
    record "build $name" FAIL
    return 1
  fi
}

# Runs `meson test -C @dir` with the remaining arguments, its log named
# @logbase (meson adds a wrapper's name). The logs of this run are counted at
# the end; a run that failed without writing one counts as a failure.
run_tests() {
  local dir=$1 logbase=$2
  shift 2
  echo "=== tests: $logbase"
  local before
  before=$(ls "$dir"/meson-logs/*.json 2>/dev/null | wc -l)
  if ! meson test -C "$dir" --print-errorlogs --logbase "$logbase" "$@"; then
    status=1
    [ "$(ls "$dir"/meson-logs/*.json 2>/dev/null | wc -l)" -gt "$before" ] || record "tests $logbase" FAIL
  fi
}

# --- 1. the full suite -----------------------------------------------------------
rm -f _build/meson-logs/*.json
if build gcc _build; then
  run_tests _build testlog

  # --- 2. the same tests on other days ---------------------------------------------
  # The clock starts at 09:30 on the day and runs on; the monotonic clock (test
  # timeouts, GLib's timers) stays the real one.
  for day in 2026-01-31 2027-06-15; do
    faketime=(faketime -m --exclude-monotonic "$day 09:30:00")
    if [ "$("${faketime[@]}" date +%F)" = "$day" ]; then
      record "faketime moves the clock to $day" OK
      run_tests _build "faketime-$day" --suite core --suite race --suite charts --suite cli \
        --wrapper "${faketime[*]@Q}"
    else
      record "faketime moves the clock to $day" FAIL
    fi
  done
fi

# --- 3. other compilers and build types: built, not run ---------------------------
build gcc-release _build-release -Dbuildtype=release
CC=clang build clang-release _build-clang-release -Dbuildtype=release

# --- 4. sanitizers ------------------------------------------------------------------
# fast_unwind_on_malloc=0: GLib has no frame pointers; the slow unwinder gives
# whole stacks, so that the suppressions in lsan.supp can match by function.
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0"
asan="abort_on_error=1:strict_string_checks=1"
rm -f _build-sanitize/meson-logs/*.json
if build sanitize _build-sanitize -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug; then
  ASAN_OPTIONS="$asan:detect_leaks=1:fast_unwind_on_malloc=0" \
    run_tests _build-sanitize sanitize --suite core --suite charts --timeout-multiplier 3
  # The app suite, without LeakSanitizer: the whole stacks it needs make GTK
  # code ~15 times slower (test-journey: 8 s -> 2 min), and the fast unwinder's
  # stacks end in libglib's g_malloc, where no suppression can tell a library's
  # one-time allocation from a leak of ours.
  ASAN_OPTIONS="$asan:detect_leaks=0" \
    run_tests _build-sanitize sanitize-app --suite app --timeout-multiplier 3
  # Leaks in the app code: the user's whole story (test-journey) once, with
  # whole stacks.
  ASAN_OPTIONS="$asan:detect_leaks=1:fast_unwind_on_malloc=0" \
    run_tests _build-sanitize sanitize-app-leaks test-journey --timeout-multiplier 5
fi

# --- 5. a short fuzz run of each fuzz target --------------------------------------
# libFuzzer with ASan and UBSan over the committed corpora, 30 seconds each;
# longer runs are done by hand (tests/fuzz).
rm -f _build-fuzz/meson-logs/*.json
# Only the fuzz targets are built: the rest of that build would repeat step 4.
[ -f _build-fuzz/build.ninja ] ||
  CC=clang meson setup _build-fuzz -Dwerror=true -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
if ninja -C _build-fuzz tests/fuzz/fuzz-figures tests/fuzz/fuzz-project tests/fuzz/fuzz-cells; then
  record "build fuzz" OK
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" run_tests _build-fuzz fuzz --no-rebuild --suite fuzz
else
  record "build fuzz" FAIL
fi

# Every log was removed before its build's runs: what is there now is this run's.
shopt -s nullglob
logs=(_build/meson-logs/*.json _build-sanitize/meson-logs/*.json _build-fuzz/meson-logs/*.json)
python3 build-aux/count-tests.py "${logs[@]}" "$steps" || status=1
exit $status
