#!/usr/bin/env bash
# The region on the command line, without a display:
#   check-region.sh GRIPKAART REGION-MEMBERS LOCALEDIR
# REGION-MEMBERS writes generated member files (tests/core/region-members.c);
# LOCALEDIR is the build's po directory (for the Dutch run).
set -euo pipefail
gripkaart="$1"
members="$2"
localedir="${3:-}"
unset DISPLAY WAYLAND_DISPLAY

for tool in pdfinfo pdftotext; do
  command -v "$tool" >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit 77; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
fail() { echo "FAIL: $*"; exit 1; }
today=--today=2026-12-03

"$members" "$work/regio" 6 --bad --today=2026-12-03
sums() { (cd "$work/regio" && ls -A && sha256sum -- *.gripkaart); }
before=$(sums)

# --- --check: the matrix, the bad member on stderr, exit 0 ----------------------
"$gripkaart" --region --check "$work/regio" $today >"$work/out" 2>"$work/err" || fail "--region --check failed"
out=$(cat "$work/out")
for expected in "6 municipalities" "Municipality" "Headline" "Visie en sturing" \
                "Utrecht" "Amersfoort" "Zeist" "Nieuwegein" "Houten" "IJsselstein"; do
  grep -qF "$expected" <<<"$out" || fail "the matrix lacks: $expected"
done
# Utrecht (member 0) has every level; Zeist (2) lacks the last topic.
grep -E "^Utrecht +Serious" <<<"$out" >/dev/null || fail "Utrecht's headline is not Serious"
grep -E "^Zeist +In control .*–$" <<<"$out" >/dev/null || fail "Zeist's missing topic is not shown"
grep -qF "000-Kapot.gripkaart" <<<"$out" && fail "the bad member is in the matrix"
grep -qF "“000-Kapot.gripkaart” is damaged" "$work/err" || fail "stderr lacks the bad member's reason"
grep -qF "Left out 1 file: 000-Kapot.gripkaart" "$work/err" || fail "stderr lacks the line of those left out"

# Files named one by one: the same members.
"$gripkaart" --region --check "$work"/regio/00[12]-*.gripkaart $today >"$work/two" 2>"$work/err2" ||
  fail "--region --check of two files failed"
grep -qF "2 municipalities" "$work/two" || fail "two files are not two municipalities"
[ -s "$work/err2" ] && fail "two good files printed errors: $(cat "$work/err2")"

# --- a region file, relative to where it is -----------------------------------------
cat >"$work/regio/Jeugdregio.gripkaart-region" <<'REGION'
[Region]
Name=Jeugdregio Midden
Members=001-Utrecht.gripkaart;003-Zeist.gripkaart;ontbreekt.gripkaart;
REGION
"$gripkaart" --region --check "$work/regio/Jeugdregio.gripkaart-region" $today >"$work/file" 2>"$work/err3" ||
  fail "--region --check of a region file failed"
grep -qF "Jeugdregio Midden" "$work/file" || fail "the region file's name is not shown"
grep -qF "2 municipalities" "$work/file" || fail "the region file's members are not read"
grep -qF "ontbreekt.gripkaart" "$work/err3" || fail "the missing member is not named"

# --- nothing readable: exit 1 with a reason -------------------------------------------
mkdir "$work/leeg"
printf 'geen gripkaart' >"$work/leeg/a.gripkaart"
if "$gripkaart" --region --check "$work/leeg" $today >/dev/null 2>"$work/err4"; then
  fail "a region without one readable member succeeded"
fi
grep -qF "None of the region’s files could be read." "$work/err4" || fail "no reason when nothing was read"

# --- the regional report --------------------------------------------------------------------
"$gripkaart" --region --export-report="$work/regio.pdf" "$work/regio" $today 2>/dev/null || fail "the report failed"
pdfinfo "$work/regio.pdf" | grep -q "Page size: *595.27.* x 841.89 pts (A4)" || fail "not A4 portrait"
text=$(pdftotext -layout "$work/regio.pdf" - | tr -s ' \n' '  ')
for expected in "Regional report of 6 municipalities, as of 3 Dec 2026" "Headline grip levels side by side" \
                "Topics by municipality" "Shared indicators" "Measured by 6 municipalities" \
                "Municipalities" "Files left out" "000-Kapot.gripkaart" "Grip op jeugd Zeist" \
                "Printed on 3 Dec 2026" "Utrecht" "IJsselstein"; do
  grep -qF "$expected" <<<"$text" || fail "the report lacks: $expected"
done
"$gripkaart" --region --export-report="$work/a3.pdf" --paper=a3 --orientation=landscape "$work/regio" $today 2>/dev/null ||
  fail "the A3 report failed"
pdfinfo "$work/a3.pdf" | grep -q "Page size: *1190.55 x 841.89 pts (A3)" || fail "not A3 landscape"
# Nine topics: on A4 portrait the matrix says its levels in letters, with a
# legend; on A3 landscape there is room for their names.
grep -qF "S = Serious, V = Vigilant, C = In control." <<<"$text" || fail "the A4 matrix has no legend"
a3=$(pdftotext -layout "$work/a3.pdf" - | tr -s ' \n' '  ')
grep -qF "S = Serious" <<<"$a3" && fail "the A3 matrix has letters"
grep -qF "Topics by municipality" <<<"$a3" || fail "the A3 report lacks the matrix"

# Refusals: a name without .pdf, and never over a member.
"$gripkaart" --region --export-report="$work/regio/001-Utrecht.gripkaart" "$work/regio" $today 2>"$work/err5" &&
  fail "the report was written over a member"
grep -qF "ends in .pdf" "$work/err5" || fail "no reason for refusing a name without .pdf"

# The members were read, never changed, and nothing was left beside them.
rm "$work/regio/Jeugdregio.gripkaart-region"
[ "$(sums)" = "$before" ] || fail "a member changed, or a file was left beside them"
[ -z "$(ls -A "$work/data/gripkaart/working" 2>/dev/null)" ] || fail "a working copy was made"

# --- Dutch -----------------------------------------------------------------------------------
if [ -n "$localedir" ] && [ -f "$localedir/nl/LC_MESSAGES/gripkaart.mo" ] && locale -a | grep -qi '^nl_NL.utf8'; then
  nl=$(LANGUAGE=nl LC_ALL=nl_NL.UTF-8 GRIPKAART_LOCALEDIR="$localedir" \
       "$gripkaart" --region --check "$work/regio" $today 2>&1 >/dev/null)
  grep -qF "1 bestand weggelaten: 000-Kapot.gripkaart" <<<"$nl" || fail "the Dutch line of those left out: $nl"
  nl=$(LANGUAGE=nl LC_ALL=nl_NL.UTF-8 GRIPKAART_LOCALEDIR="$localedir" \
       "$gripkaart" --region --check "$work/regio" $today 2>/dev/null)
  grep -qF "6 gemeenten" <<<"$nl" || fail "the Dutch matrix: $nl"
  grep -qF "Gemeente" <<<"$nl" || fail "the Dutch matrix has no column Gemeente"
fi
echo "ok"
