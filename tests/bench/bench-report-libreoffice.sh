#!/usr/bin/env bash
# The progress report against LibreOffice: for the demo and the large
# programme, the time of `gripkaart --export-report` (the whole process)
# and the time LibreOffice takes to make a PDF of the same tables (the
# programme's tables the report prints, exported to CSV by gripkaart:
# projects, measures, indicators, assessments and journal), run in turn,
# medians. Target: the report at least 10 times as fast.
#
# Without LibreOffice (soffice) it times the report alone and says that
# the comparison was skipped.
#
# Usage: [SOFFICE=PATH|none] tests/bench/bench-report-libreoffice.sh BUILDDIR [RUNS]
set -euo pipefail
build=$(realpath "$1")
runs=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

gripkaart=$build/src/gripkaart
today=2026-12-03
tables=(projects measures indicators assessments journal)
target=10
# SOFFICE=PATH for another LibreOffice, SOFFICE=none to time the report alone.
soffice=${SOFFICE:-$(command -v soffice || command -v libreoffice || true)}
[ "$soffice" != none ] || soffice=

export XDG_DATA_HOME="$work/data" GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
       SOURCE_DATE_EPOCH=1700000000
"$gripkaart" --demo="$work/demo.gripkaart" >/dev/null
"$build/tests/bench/bench-core" --write-large="$work/large.gripkaart" >/dev/null

now_ms () {
  echo $(( $(date +%s%N) / 1000000 ))
}

median () {
  printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"
}

# The tables as CSV files, as a user would export them for LibreOffice.
export_csv () {
  local file=$1 dir=$2
  mkdir -p "$dir"
  for table in "${tables[@]}"; do
    "$gripkaart" --export-table="$table" --output="$dir/$table.csv" "$file"
  done
}

# LibreOffice reads the CSV as Gripkaart writes it: ';', '"', UTF-8.
libreoffice_pdf () {
  local dir=$1
  "$soffice" -env:UserInstallation="file://$work/lo-profile" --headless --norestore \
    --infilter="CSV:59,34,76,1" --convert-to pdf --outdir "$dir/pdf" "$dir"/*.csv >/dev/null 2>&1
}

compare () {
  local label=$1 file=$2
  local ours=() theirs=() start
  local csv=$work/csv-$label

  export_csv "$file" "$csv"
  if [ -n "$soffice" ]; then
    libreoffice_pdf "$csv"    # the first start makes the profile: not timed
  fi
  for _ in $(seq "$runs"); do
    start=$(now_ms)
    "$gripkaart" --export-report="$work/$label.pdf" --today="$today" "$file"
    ours+=($(( $(now_ms) - start )))
    if [ -n "$soffice" ]; then
      rm -rf "$csv/pdf"
      start=$(now_ms)
      libreoffice_pdf "$csv"
      theirs+=($(( $(now_ms) - start )))
      [ "$(ls "$csv/pdf" | wc -l)" -eq "${#tables[@]}" ] || { echo "LibreOffice made no PDF" >&2; exit 1; }
    fi
  done

  local our_median pages
  our_median=$(median "${ours[@]}")
  pages=$(grep -c '/Type */Page[^s]' "$work/$label.pdf" || true)
  if [ -z "$soffice" ]; then
    printf '%-8s report %d pages: median %5d ms (runs: %s); LibreOffice not installed: comparison skipped\n' \
      "$label" "$pages" "$our_median" "${ours[*]}"
    return
  fi
  local their_median ratio verdict
  their_median=$(median "${theirs[@]}")
  ratio=$(awk -v a="$their_median" -v b="$our_median" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
  verdict=$(awk -v r="$ratio" -v t="$target" 'BEGIN { print (r >= t ? "met" : "MISSED") }')
  printf '%-8s report %d pages: median %5d ms (runs: %s)\n' "$label" "$pages" "$our_median" "${ours[*]}"
  printf '%-8s LibreOffice, same tables: median %5d ms (runs: %s)\n' "$label" "$their_median" "${theirs[*]}"
  printf '%-8s %sx faster than LibreOffice   target >= %dx: %s\n' "$label" "$ratio" "$target" "$verdict"
}

compare demo "$work/demo.gripkaart"
compare large "$work/large.gripkaart"
