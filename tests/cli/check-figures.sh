#!/usr/bin/env bash
# Figures in and out on the command line, without a display:
# --export-table to CSV and XLSX, --import-figures with its summary, --dry-run,
# refused rows (nothing changes), --skip-bad-rows, --indicator, and our XLSX
# read back by LibreOffice when it is installed.
set -euo pipefail
gripkaart="$1"
unset DISPLAY WAYLAND_DISPLAY

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
cd "$work"
fail () { echo "FAIL: $*"; exit 1; }

"$gripkaart" --demo=demo.gripkaart --today=2026-11-22
figures=$(sqlite3 demo.gripkaart "SELECT COUNT(*) FROM measurement")

# Export: CSV for Dutch Excel, and every table in one workbook.
"$gripkaart" --export-table=figures --output=figures.csv demo.gripkaart
[ "$(head -c 3 figures.csv | od -An -tx1 | tr -d ' \n')" = "efbbbf" ] || fail "CSV has no UTF-8 byte order mark"
head -1 figures.csv | grep -q $'^\xef\xbb\xbfIndicator;Period;Value;Note' || fail "CSV header: $(head -1 figures.csv)"
grep -q $'\r$' figures.csv || fail "CSV lines do not end in CRLF"
[ "$(($(wc -l < figures.csv) - 1))" -eq "$figures" ] || fail "CSV does not have $figures figures"
"$gripkaart" --export-table=all --output=all.xlsx demo.gripkaart
[ "$(head -c 2 all.xlsx)" = "PK" ] || fail "XLSX is not a zip"
if "$gripkaart" --export-table=people --output=x.csv demo.gripkaart 2>err; then fail "an unknown table was accepted"; fi
grep -q "Unknown table" err || fail "unclear message: $(cat err)"
if "$gripkaart" --export-table=projects,figures --output=x.csv demo.gripkaart 2>err; then fail "two tables in one CSV"; fi
if "$gripkaart" --export-table=figures demo.gripkaart 2>err; then fail "export without --output"; fi

# Importing the export changes nothing, and does not even rewrite the file.
before=$(sha256sum demo.gripkaart)
out=$("$gripkaart" --import-figures=figures.csv demo.gripkaart)
grep -q "figures.csv: 0 new, 0 changed, $figures unchanged, 0 refused" <<<"$out" || fail "re-import: $out"
[ "$before" = "$(sha256sum demo.gripkaart)" ] || fail "an import that changes nothing rewrote the file"

# A changed figure and a new one, tried with --dry-run first.
printf 'Indicator;Periode;Waarde;Toelichting\r\njeugdhulpkosten PER MAAND;2026-10;\xe2\x82\xac 1.234,50;herzien\r\nWachttijd jeugdhulp in weken;2030-01;7;\r\n' > change.csv
old=$(sqlite3 demo.gripkaart "SELECT value FROM measurement m JOIN indicator i ON i.id = m.indicator_id WHERE i.id = 1 AND period_date = '2026-10-01'")
out=$("$gripkaart" --import-figures=change.csv --dry-run demo.gripkaart)
grep -q "1 new, 1 changed, 0 unchanged, 0 refused" <<<"$out" || fail "dry run: $out"
grep -q "→ 1234.5" <<<"$out" || fail "dry run does not show the change: $out"
[ "$before" = "$(sha256sum demo.gripkaart)" ] || fail "--dry-run changed the file"
"$gripkaart" --import-figures=change.csv demo.gripkaart >/dev/null
[ "$(sqlite3 demo.gripkaart "SELECT value || ' ' || note FROM measurement WHERE indicator_id = 1 AND period_date = '2026-10-01'")" = "1234.5 herzien" ] \
  || fail "the changed figure was not published"
[ "$(sqlite3 demo.gripkaart "SELECT COUNT(*) FROM measurement")" -eq $((figures + 1)) ] || fail "the new figure is missing"
"$gripkaart" --check demo.gripkaart >/dev/null || fail "the published file does not open"
[ "$old" != "1234.5" ] || fail "the test figure was already 1234.5"

# Refused rows: a clear reason per line, a non-zero exit, nothing changed.
printf 'Indicator;Periode;Waarde\nWachttijd jeugdhulp in weken;2030-02;12,5 procent\nWachttijd jeugdhulp in weken;2030-K1;3\nWachttijd jeugdhulp in weken;2030-03;4\n' > bad.csv
before=$(sha256sum demo.gripkaart)
if "$gripkaart" --import-figures=bad.csv demo.gripkaart >out 2>err; then fail "refused rows were imported"; fi
grep -q "0 new\|1 new, 0 changed, 0 unchanged, 2 refused" out || fail "summary: $(cat out)"
grep -q "line 2: “12,5 procent” is not a number" out || fail "reason for line 2: $(cat out)"
grep -q "line 3: “2030-K1” is a quarter" out || fail "reason for line 3: $(cat out)"
grep -q "Nothing was imported" err || fail "no clear message: $(cat err)"
[ "$before" = "$(sha256sum demo.gripkaart)" ] || fail "a refused import changed the file"
"$gripkaart" --import-figures=bad.csv --skip-bad-rows demo.gripkaart >/dev/null || fail "--skip-bad-rows failed"
[ "$(sqlite3 demo.gripkaart "SELECT value FROM measurement WHERE indicator_id = 4 AND period_date = '2030-03-01'")" = "4.0" ] \
  || fail "--skip-bad-rows did not import the good row"

# One indicator's figures without an indicator column, mapped by hand.
printf 'Maand;Wachttijd;Opmerking\n2030-04;5;a\n2030-05;6;b\n' > one.csv
if "$gripkaart" --import-figures=one.csv --dry-run --indicator="Wachttijd bestaat niet" demo.gripkaart 2>err; then
  fail "an unknown indicator was accepted"; fi
grep -q "no indicator “Wachttijd bestaat niet”" err || fail "unclear message: $(cat err)"
grep -q "Residentiële plaatsingen jeugd" err || fail "the message does not list the indicators"
out=$("$gripkaart" --import-figures=one.csv --indicator="wachttijd JEUGDHULP in weken" --value-column=2 \
      --period-column=Maand --note-column=3 demo.gripkaart)
grep -q "2 new" <<<"$out" || fail "mapped import: $out"
[ "$(sqlite3 demo.gripkaart "SELECT note FROM measurement WHERE indicator_id = 4 AND period_date = '2030-05-01'")" = "b" ] \
  || fail "the note column was not used"
if "$gripkaart" --import-figures=one.csv --indicator=Wachttijd --value-column=Bedrag demo.gripkaart 2>err; then
  fail "an unknown column was accepted"; fi
grep -q "no column “Bedrag”" err || fail "unclear message: $(cat err)"

# Bad files: a clear message each, the programme untouched.
before=$(sha256sum demo.gripkaart)
: > empty.csv
printf 'Periode;Waarde\n' > header-only.xlsx
head -c 2048 /dev/urandom > junk.csv
for bad in empty.csv header-only.xlsx junk.csv missing.csv; do
  if "$gripkaart" --import-figures="$bad" demo.gripkaart >/dev/null 2>err; then fail "$bad was imported"; fi
  grep -q "^gripkaart: $bad: \|^[^:]*: $bad: " err || fail "$bad: the message does not name the file: $(cat err)"
done
[ "$before" = "$(sha256sum demo.gripkaart)" ] || fail "a bad file changed the programme"

# Our XLSX read back by LibreOffice: the same values, dates as dates,
# percentages as percentages (skipped without LibreOffice).
if command -v soffice >/dev/null 2>&1; then
  "$gripkaart" --export-table=figures --output=lo.xlsx demo.gripkaart
  "$gripkaart" --export-table=figures --output=ours.csv demo.gripkaart
  HOME="$work" soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,false,true,false,false,false' \
    --outdir lo lo.xlsx >/dev/null 2>&1
  python3 - lo/lo.csv ours.csv <<'PY' || fail "LibreOffice read our XLSX differently"
import csv, sys, re
lo = list(csv.reader(open(sys.argv[1], encoding="utf-8"), delimiter=";"))
ours = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig"), delimiter=";"))
assert lo[0][:4] == ours[0][:4], (lo[0], ours[0])
assert len(lo) == len(ours), (len(lo), len(ours))
for a, b in zip(lo[1:], ours[1:]):
    assert a[0] == b[0], (a, b)
    # a date cell (m/d/yyyy), not the text "2026-10"
    m = re.fullmatch(r"(\d+)/(\d+)/(\d{4})", a[1]); assert m, a
    assert b[1].startswith("%s-%02d" % (m.group(3), int(m.group(1)))) or "-K" in b[1], (a, b)
    value = a[2].replace(",", "")
    percent = value.endswith("%")
    assert percent == (b[4] == "Percent"), (a, b)
    assert abs(float(value.rstrip("%")) - float(b[2].replace(",", "."))) < 1e-6, (a, b)
print("LibreOffice agrees on %d figures" % (len(lo) - 1))
PY
else
  echo "LibreOffice not installed: XLSX read-back skipped"
fi
echo "figures command line: ok"
