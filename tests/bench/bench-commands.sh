#!/usr/bin/env bash
# The command line as a user waits for it: whole processes, from exec to
# exit, for --version, --check, a PNG chart and the report of the demo.
# With a second gripkaart (another build) the two run in turn, so that
# both see the same load; medians.
#
# Usage: tests/bench/bench-commands.sh BUILDDIR [RUNS] [OTHER-GRIPKAART]
set -euo pipefail
build=$(cd "$1" && pwd)
runs=${2:-15}
other=${3:-}
ours="$build/src/gripkaart"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
unset DISPLAY WAYLAND_DISPLAY

"$ours" --demo="$work/demo.gripkaart" --today=2026-12-03

# Microseconds of one run of "$@" (bash's own clock: no process to read it).
time_us () {
  local start=${EPOCHREALTIME/[.,]/} end
  "$@" >/dev/null 2>&1
  end=${EPOCHREALTIME/[.,]/}
  echo $(( end - start ))
}

median_ms () {
  sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'
}

commands=(
  "version|--version|--version"
  "check|--check, the demo|--today=2026-12-03 --check $work/demo.gripkaart"
  "png|--export-chart=roadmap, PNG|--today=2026-12-03 --export-chart=roadmap --output=$work/chart.png $work/demo.gripkaart"
  "report|--export-report, the demo|--today=2026-12-03 --export-report=$work/report.pdf $work/demo.gripkaart"
)
declare -A target=( [png]=40 )

printf '%-8s %-34s %10s %10s\n' "" "whole process, median of $runs" "ours ms" "${other:+other ms}"
for entry in "${commands[@]}"; do
  IFS='|' read -r name label arguments <<<"$entry"
  read -r -a args <<<"$arguments"
  : > "$work/ours" ; : > "$work/other"
  for ((i = 0; i < runs; i++)); do
    time_us "$ours" "${args[@]}" >> "$work/ours"
    if [ -n "$other" ]; then time_us "$other" "${args[@]}" >> "$work/other"; fi
  done
  ours_ms=$(median_ms < "$work/ours")
  other_ms=$([ -n "$other" ] && median_ms < "$work/other" || true)
  verdict=""
  if [ -n "${target[$name]:-}" ]; then
    if awk -v m="$ours_ms" -v t="${target[$name]}" 'BEGIN { exit !(m < t) }'; then
      verdict="target < ${target[$name]} ms: met"
    else
      verdict="target < ${target[$name]} ms: MISSED"
    fi
  fi
  printf '%-8s %-34s %10s %10s   %s\n' "$name" "$label" "$ours_ms" "$other_ms" "$verdict"
done
