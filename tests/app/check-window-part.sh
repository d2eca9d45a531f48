#!/usr/bin/env bash
# The executable is the command line without GTK; a window comes from the
# module beside it (installed: in the package's library folder). Run under
# xvfb-run: the last part opens a real window.
set -euo pipefail
gripkaart="$1"
pkglibdir="$2"   # where an installed module would be
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"

# The executable does not link the toolkit ...
if ldd "$gripkaart" | grep -q 'libgtk-4'; then
  echo "the executable links GTK"; exit 1
fi

# ... and a command does not load the window part.
"$gripkaart" --demo="$work/demo.gripkaart" --today=2026-11-22
LD_DEBUG=files "$gripkaart" --today=2026-11-22 --export-chart=roadmap --output="$work/r.png" \
  "$work/demo.gripkaart" 2>"$work/loaded" >/dev/null
[ -s "$work/r.png" ] || { echo "no chart written"; exit 1; }
if grep -qE 'gripkaart-app\.so|libgtk-4' "$work/loaded"; then
  echo "--export-chart loaded the window part"; exit 1
fi

# Without its module the executable says so (and what to do), it does
# not crash. Not when a module is installed where it would look next.
cp "$gripkaart" "$work/alone"
if [ ! -e "$pkglibdir/gripkaart-app.so" ]; then
  if "$work/alone" --today=2026-11-22 "$work/demo.gripkaart" 2>"$work/err"; then
    echo "ran without its window part"; exit 1
  fi
  grep -q "window part of Gripkaart could not be loaded" "$work/err" \
    || { echo "unclear error without the module: $(cat "$work/err")"; exit 1; }
  # A command still works without it.
  "$work/alone" --today=2026-11-22 --check "$work/demo.gripkaart" | grep -q "Voorbeeldstad" \
    || { echo "--check needs the window part"; exit 1; }
fi

# With its module: a window opens on the demo and paints its first frame.
out=$(GRIPKAART_BENCH_FIRST_FRAME=1 timeout 120 "$gripkaart" --today=2026-11-22 "$work/demo.gripkaart")
grep -q '^first-frame vmhwm-kb=[0-9]' <<<"$out" || { echo "no window from the module: $out"; exit 1; }
echo "window part: ok"
