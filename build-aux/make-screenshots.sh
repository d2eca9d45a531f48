#!/usr/bin/env bash
# Makes the AppStream screenshots (data/screenshots/*.png) from the real
# application: the demo programme, in English, at 1280x800, in a private X
# server. Run it after a change that shows, and commit the pictures:
#   bash build-aux/make-screenshots.sh [BUILD_DIR]
# Needs Xvfb, xdotool and imagemagick (build-aux/install-deps.sh has them).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-_build}
out=data/screenshots
work=$(mktemp -d)
display=:$((90 + RANDOM % 9))
trap 'kill "$app" "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$PWD/$build/data" \
       XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" NO_AT_BRIDGE=1 \
       LANGUAGE=en LANG=C.UTF-8 LC_ALL=C.UTF-8 GSK_RENDERER=cairo
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

demo="$work/Example.gripkaart"
"$build/src/gripkaart" --demo="$demo" --today=2026-12-03
"$build/src/gripkaart" --today=2026-12-03 "$demo" &
app=$!
window=$(xdotool search --sync --onlyvisible --class gripkaart | head -1)
xdotool windowsize "$window" 1280 800
xdotool windowmove "$window" 0 0

# Each shot: the keys that show it, then a moment for GTK to draw it.
shoot() {
  local name=$1 keys=$2
  xdotool windowfocus --sync "$window" key --clearmodifiers $keys
  sleep 1.5
  import -window "$window" "$out/$name.png"
  echo "wrote $out/$name.png"
}
shoot overview alt+1
shoot roadmap alt+2
shoot measures alt+4
shoot indicators alt+5
