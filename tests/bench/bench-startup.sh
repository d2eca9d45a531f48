#!/usr/bin/env bash
# Time from starting gripkaart to its first frame on screen, under Xvfb:
# once on the empty window, once with the demo programme, once with the
# large programme of bench-core. The application reports its first frame
# (GRIPKAART_BENCH_FIRST_FRAME) and quits; we time the whole process.
#
# Usage: tests/bench/bench-startup.sh BUILDDIR [RUNS]
set -euo pipefail
build=$(realpath "$1")
runs=${2:-11}
work=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT

display=:$((200 + RANDOM % 500))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1

export DISPLAY=$display XDG_DATA_HOME="$work/data" GSETTINGS_BACKEND=memory \
       GSETTINGS_SCHEMA_DIR="$build/data" GRIPKAART_BENCH_FIRST_FRAME=1 \
       NO_AT_BRIDGE=1

"$build/src/gripkaart" --demo="$work/demo.gripkaart"
"$build/tests/bench/bench-core" --write-large="$work/large.gripkaart"

measure () {
  local label=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$build/src/gripkaart" "$@" | grep -q first-frame
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%-34s median %5d ms   (runs: %s)\n' "$label" \
    "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" "${times[*]}"
}

measure "empty window" 
measure "demo programme" "$work/demo.gripkaart"
measure "large programme" "$work/large.gripkaart"
