#!/usr/bin/env bash
# The command line works without a display.
set -euo pipefail
gripkaart="$1"
unset DISPLAY WAYLAND_DISPLAY

out=$("$gripkaart" --version)
case "$out" in
  "gripkaart "[0-9]*) ;;
  *) echo "--version printed: $out"; exit 1 ;;
esac

help=$("$gripkaart" --help)
for option in --version --help; do
  grep -q -- "$option" <<<"$help" || { echo "--help does not mention $option"; exit 1; }
done

# An unknown option is an error with a non-zero exit, not a crash.
if "$gripkaart" --no-such-option >/dev/null 2>&1; then
  echo "an unknown option was accepted"; exit 1
fi
echo "ok"
