#!/usr/bin/env bash
# The progress report from the command line, without a display:
#   check-report.sh GRIPKAART LOCALEDIR
# LOCALEDIR is the build's po directory (for the Dutch run).
set -euo pipefail
gripkaart="$1"
localedir="${2:-}"
unset DISPLAY WAYLAND_DISPLAY

for tool in pdfinfo pdftotext pdffonts pdftoppm python3 faketime; do
  command -v "$tool" >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit 77; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
fail() { echo "FAIL: $*"; exit 1; }

"$gripkaart" --demo="$work/demo.gripkaart" --today=2026-11-22
db="$work/demo.gripkaart"

pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
# Captured first: grep -q on a pipe would stop pdftotext early (pipefail).
text() { pdftotext -layout "$1" - | tr -s ' \n' '  '; }
text_of_page() { pdftotext -layout -f "$2" -l "$2" "$1" - | tr -s ' \n' '  '; }

# --- the default report: October 2026 (the programme reviews monthly) -----------
"$gripkaart" --export-report="$work/report.pdf" --today=2026-11-22 "$db" || fail "export failed"
n=$(pages "$work/report.pdf")
[ "$n" -ge 15 ] && [ "$n" -le 40 ] || fail "unexpected page count $n"
pdfinfo "$work/report.pdf" | grep -q "Page size: *595.27.* x 841.89 pts (A4)" || fail "not A4 portrait"
all=$(text "$work/report.pdf")
for expected in "Veranderopgave jeugdhulp" "Voorbeeldstad" "Progress report October 2026" \
                "Page 1 of $n" "Page $n of $n" "Roadmap" "Focus projects" "Indicators" "Timeline" \
                "Decisions and risks in October 2026" "Since the previous period" "Attention signals" \
                "Headline grip level"; do
  grep -qF "$expected" <<<"$all" || fail "the report lacks: $expected"
done
# Every focus project and its owner.
while IFS='|' read -r project owner; do
  grep -qF "$project" <<<"$all" || fail "the report lacks focus project $project"
  grep -qF "$owner" <<<"$all" || fail "the report lacks owner $owner"
done < <(sqlite3 "$db" "SELECT f.name, p.name FROM focus_project f JOIN person p ON p.id = f.owner_id")
# The headline level, on the first page.
headline=$("$gripkaart" --check "$db" --today=2026-10-31 | sed -n 's/^Headline grip level: \([^(]*\) (.*/\1/p')
[ -n "$headline" ] || fail "--check printed no headline level"
grep -qF "$headline" <<<"$(text_of_page "$work/report.pdf" 1)" || fail "page 1 lacks the headline level $headline"
# A risk of October is listed, one of September is not.
grep -qF "De werving van pleegouders blijft achter" <<<"$all" || fail "the October risk is missing"
grep -qF "Het MT besluit tot de werving" <<<"$all" && fail "a decision of August is listed"

# Every font is embedded.
if pdffonts "$work/report.pdf" | tail -n +3 | awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit !bad }'; then
  pdffonts "$work/report.pdf"; fail "a font is not embedded"
fi

# No page is blank: each has ink beyond the header and footer.
pdftoppm -r 30 -gray "$work/report.pdf" "$work/page"
python3 - "$work" <<'EOF' || fail "a page is blank"
import glob, sys
for path in sorted(glob.glob(sys.argv[1] + "/page-*.pgm")):
    data = open(path, "rb").read()
    # P5 header: magic, width height, maxval, each on its own line
    parts = data.split(b"\n", 3)
    width, height = map(int, parts[1].split())
    pixels = parts[3]
    top, bottom = int(height * 0.12), int(height * 0.88)   # leave out header and footer
    body = pixels[top * width:bottom * width]
    dark = sum(1 for p in body if p < 200)
    if dark < 150:
        print(f"{path}: only {dark} non-white pixels")
        sys.exit(1)
EOF

# --- reproducible under SOURCE_DATE_EPOCH ---------------------------------------
# The second export runs with the clock moved years on (faketime), not a moment
# later: nothing in the file may come from the clock.
SOURCE_DATE_EPOCH=1795000000 "$gripkaart" --export-report="$work/a.pdf" --today=2026-11-22 "$db"
SOURCE_DATE_EPOCH=1795000000 faketime -m --exclude-monotonic "2031-02-03 04:05:06" \
  "$gripkaart" --export-report="$work/b.pdf" --today=2026-11-22 "$db"
cmp "$work/a.pdf" "$work/b.pdf" || fail "two exports under SOURCE_DATE_EPOCH, at other times of the clock, differ"
pdfinfo "$work/a.pdf" | grep -q "CreationDate: .*Nov 18 ..:06:40 2026" || fail "the creation date is not SOURCE_DATE_EPOCH's"
grep -qF "Printed on 18 Nov 2026" <<<"$(text "$work/a.pdf")" || fail "the footer date is not SOURCE_DATE_EPOCH's"

# --- periods, papers, orientations ------------------------------------------------
"$gripkaart" --export-report="$work/q3.pdf" --period=2026-Q3 --today=2026-11-22 "$db"
q3=$(text "$work/q3.pdf")
grep -qF "Progress report Q3 2026" <<<"$q3" || fail "--period=2026-Q3 not used"
grep -qF "1 at risk · 1 off track" <<<"$(text "$work/report.pdf")" || fail "the project health counts are missing"
# A finished period's charts mark its end, a running period's charts today.
grep -qF "End of period" <<<"$all" || fail "the October report does not mark the end of the period"
grep -qF "Today" <<<"$all" && fail "the October report (printed in November) marks a line as Today"
"$gripkaart" --export-report="$work/running.pdf" --period=2026-11 --today=2026-11-22 "$db"
grep -qF "Today" <<<"$(text "$work/running.pdf")" || fail "the report on the running month does not mark today"
grep -qF "Het MT besluit tot de werving" <<<"$q3" || fail "a decision of August 2026 is missing in Q3"
"$gripkaart" --export-report="$work/a3.pdf" --paper=a3 --orientation=landscape --today=2026-11-22 "$db"
pdfinfo "$work/a3.pdf" | grep -q "Page size: *1190.55 x 841.89 pts (A3)" || fail "not A3 landscape: $(pdfinfo "$work/a3.pdf" | grep 'Page size')"
[ "$(pages "$work/a3.pdf")" -lt "$n" ] || fail "A3 landscape needs no fewer pages than A4 portrait"
"$gripkaart" --export-report="$work/a4l.pdf" --orientation=LANDSCAPE --period=2026-09 --today=2026-11-22 "$db"
pdfinfo "$work/a4l.pdf" | grep -q "Page size: *841.89 x 595.27.* pts (A4)" || fail "not A4 landscape"

# --- true to its period ------------------------------------------------------------
# In the demo's story "Resultaatgericht contracteren" was at risk from February
# to May 2026 and is on track today: February's report must say at risk, and
# name the turn since January; today's report must not.
"$gripkaart" --export-report="$work/feb.pdf" --period=2026-02 --today=2026-11-22 "$db"
feb=$(text "$work/feb.pdf")
grep -qF "Resultaatgericht contracteren At risk" <<<"$feb" || fail "February's report shows today's health"
grep -qF "Focus projects whose health changed Focus project January 2026 February 2026 Resultaatgericht contracteren On track At risk" <<<"$feb" \
  || fail "February's report does not name the turn in health since January"
grep -qF "Resultaatgericht contracteren At risk" <<<"$all" && fail "October's report shows February's health"
grep -qF "history does not reach back" <<<"$feb" && fail "the demo's history was not used"
# A file whose history holds no values (an older file) says so.
cp "$db" "$work/old.gripkaart"
sqlite3 "$work/old.gripkaart" "UPDATE change_log SET changes = ''"
"$gripkaart" --export-report="$work/old.pdf" --period=2026-02 --today=2026-11-22 "$work/old.gripkaart"
grep -qF "history does not reach back to this period" <<<"$(text "$work/old.pdf")" \
  || fail "a file without history does not say so"

# --- refused: bad periods, papers, orientations, files; nothing is written -----------
refuse() {
  local expected="$1"; shift
  rm -f "$work/bad.pdf"
  if "$gripkaart" "$@" 2>"$work/err"; then fail "accepted: $*"; fi
  grep -qF "$expected" "$work/err" || fail "unclear error for $*: $(cat "$work/err")"
  [ ! -e "$work/bad.pdf" ] || fail "a failed export left a file: $*"
  if ls -A "$work" | grep -q '^\.bad\.pdf'; then fail "a failed export left a temporary file: $*"; fi
}
refuse "is not a reporting period" --export-report="$work/bad.pdf" --period=2026-13 "$db"
refuse "is not a reporting period" --export-report="$work/bad.pdf" --period=2026-Q5 "$db"
refuse "is not a reporting period" --export-report="$work/bad.pdf" --period=oktober "$db"
refuse "has not started yet" --export-report="$work/bad.pdf" --period=2027-01 --today=2026-11-22 "$db"
refuse "Unknown paper size" --export-report="$work/bad.pdf" --paper=letter "$db"
refuse "Unknown orientation" --export-report="$work/bad.pdf" --orientation=sideways "$db"
head -c 4096 /dev/urandom > "$work/random.gripkaart"
refuse "not a Gripkaart project file" --export-report="$work/bad.pdf" "$work/random.gripkaart"
refuse "" --export-report="$work/bad.pdf" "$work/missing.gripkaart"
refuse "Name one programme file" --export-report="$work/bad.pdf"
# An existing report survives a failed export.
cp "$work/report.pdf" "$work/keep.pdf"
if "$gripkaart" --export-report="$work/keep.pdf" --period=2026-13 "$db" 2>/dev/null; then fail "accepted 2026-13"; fi
cmp -s "$work/report.pdf" "$work/keep.pdf" || fail "a failed export changed an existing file"

# --- Dutch ------------------------------------------------------------------------
if [ -n "$localedir" ] && [ -e "$localedir/nl/LC_MESSAGES/gripkaart.mo" ] && locale -a | grep -qi '^nl_NL\.utf-\?8$'; then
  LANGUAGE=nl LANG=nl_NL.UTF-8 LC_ALL=nl_NL.UTF-8 GRIPKAART_LOCALEDIR="$localedir" \
    "$gripkaart" --export-report="$work/nl.pdf" --today=2026-11-22 "$db"
  nl=$(text "$work/nl.pdf")
  grep -qiF "oktober 2026" <<<"$nl" || fail "the Dutch report has no Dutch month"
  grep -qF "20 okt 2026" <<<"$nl" || grep -qF "31 okt 2026" <<<"$nl" || fail "the Dutch report has no Dutch dates"
  # Health counts are whole Dutch phrases, not "1 Risico".
  # (A card may wrap the phrase: read in reading order, lines joined.)
  pdftotext "$work/nl.pdf" - | tr -s ' \n' '  ' | grep -qF "1 onder druk · 1 niet op koers" || fail "the Dutch report words the project health counts wrongly"
  # The quarter as the Dutch report names it (K3) is accepted back.
  LANGUAGE=nl LANG=nl_NL.UTF-8 LC_ALL=nl_NL.UTF-8 GRIPKAART_LOCALEDIR="$localedir" \
    "$gripkaart" --export-report="$work/nl-k3.pdf" --period=2026-K3 --today=2026-11-22 "$db"
  grep -qF "Voortgangsrapportage K3 2026" <<<"$(text "$work/nl-k3.pdf")" || fail "--period=2026-K3 not used"
  # Glossary words, where the catalog translates them already.
  for pair in "Progress report|voortgangsrapportage" "Focus projects|Focusprojecten" "Roadmap|Routekaart" \
              "Serious|Ernstig" "Vigilant|Waakzaam"; do
    english=${pair%%|*}; dutch=${pair##*|}
    if ! grep -qF "$english" <<<"$nl"; then
      grep -qiF "$dutch" <<<"$nl" || fail "the Dutch report has neither '$english' nor '$dutch'"
    fi
  done
else
  echo "# skipped the Dutch report: no nl catalog or no nl_NL.UTF-8 locale"
fi
echo "ok"
