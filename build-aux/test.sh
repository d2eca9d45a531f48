#!/usr/bin/env bash
# Fresh Debian 12 machine: install the dependencies, build, and run every
# test: the full suite, then the core and charts suites once more with
# AddressSanitizer and UndefinedBehaviorSanitizer, and a short fuzz run of the
# figures readers. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh || exit 1

status=0
logs=()

meson setup _build --wipe >/dev/null 2>&1 || meson setup _build || exit 1
ninja -C _build || exit 1
meson test -C _build --print-errorlogs || status=1
logs+=(_build/meson-logs/testlog.json)

# Sanitizers: leaks are reported too (LeakSanitizer is part of ASan).
# fast_unwind_on_malloc=0: GLib has no frame pointers; the slow unwinder gives
# whole stacks, so that the suppressions in lsan.supp can match by function.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:fast_unwind_on_malloc=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0"
if [ ! -f _build-sanitize/build.ninja ]; then
  meson setup _build-sanitize -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug || exit 1
fi
ninja -C _build-sanitize || exit 1
meson test -C _build-sanitize --print-errorlogs --suite core --suite charts || status=1
logs+=(_build-sanitize/meson-logs/testlog.json)

# A short fuzz run of the figures readers (libFuzzer, with ASan and UBSan)
# over the committed corpus; longer runs are done by hand (tests/fuzz).
if [ ! -f _build-fuzz/build.ninja ]; then
  CC=clang meson setup _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false || exit 1
fi
ninja -C _build-fuzz tests/fuzz/fuzz-figures || exit 1
ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" meson test -C _build-fuzz --no-rebuild --print-errorlogs --suite fuzz || status=1
logs+=(_build-fuzz/meson-logs/testlog.json)

python3 build-aux/count-tests.py "${logs[@]}" || status=1
exit $status
