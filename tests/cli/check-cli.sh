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

work_err=$(mktemp)
trap 'rm -f "$work_err"' EXIT

# An unknown option is an error with a non-zero exit, not a crash.
if "$gripkaart" --no-such-option >/dev/null 2>&1; then
  echo "an unknown option was accepted"; exit 1
fi

# --today is read before a window opens: a bad date is refused at once,
# without a display.
if "$gripkaart" --today=2026-02-30 2>"$work_err"; then
  echo "--today accepted 30 February"; exit 1
fi
grep -q "does not exist" "$work_err" || { echo "unclear --today error: $(cat "$work_err")"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work" "$work_err"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"

# --demo=PATH writes a programme that --check reads, without a display.
"$gripkaart" --demo="$work/x.gripkaart" --today=2026-11-22
report=$("$gripkaart" --check "$work/x.gripkaart" --today=2026-11-22)
for expected in "Veranderopgave jeugdhulp" "Voorbeeldstad" "Headline grip level" \
                "Focus projects" "Attention signals" "Toegang" "Inkoop"; do
  grep -qF "$expected" <<<"$report" || { echo "--check does not show: $expected"; echo "$report"; exit 1; }
done
grep -qE '^  Focus projects +7$' <<<"$report" || { echo "expected 7 focus projects"; echo "$report"; exit 1; }

# The same reference date gives the same demo.
"$gripkaart" --demo="$work/y.gripkaart" --today=2026-11-22
cmp -s <(sqlite3 "$work/x.gripkaart" .dump) <(sqlite3 "$work/y.gripkaart" .dump) \
  || { echo "two demos of the same date differ"; exit 1; }

# --demo never overwrites an existing file.
before=$(sha256sum "$work/x.gripkaart")
if "$gripkaart" --demo="$work/x.gripkaart" 2>"$work/err"; then
  echo "--demo overwrote an existing file"; exit 1
fi
grep -q "already exists" "$work/err" || { echo "no clear message: $(cat "$work/err")"; exit 1; }
[ "$before" = "$(sha256sum "$work/x.gripkaart")" ] || { echo "the existing file changed"; exit 1; }

# A bad file gives the clear error and a non-zero exit; it is left as it was.
head -c 4096 /dev/urandom > "$work/random.gripkaart"
before=$(sha256sum "$work/random.gripkaart")
if "$gripkaart" --check "$work/random.gripkaart" 2>"$work/err"; then
  echo "--check accepted random bytes"; exit 1
fi
grep -q "not a Gripkaart project file" "$work/err" || { echo "unclear error: $(cat "$work/err")"; exit 1; }
[ "$before" = "$(sha256sum "$work/random.gripkaart")" ] || { echo "the bad file changed"; exit 1; }

if "$gripkaart" --check "$work/missing.gripkaart" 2>"$work/err"; then
  echo "--check accepted a missing file"; exit 1
fi
[ -s "$work/err" ] || { echo "no message for a missing file"; exit 1; }

# Every chart can be exported without a display, in each format.
for chart in roadmap banner timeline progress coverage "indicator:Wachttijd jeugdhulp in weken"; do
  name=${chart//[: ]/_}
  for ext in png svg pdf; do
    "$gripkaart" --export-chart="$chart" --output="$work/$name.$ext" --today=2026-11-22 "$work/x.gripkaart" \
      || { echo "export of $chart as $ext failed"; exit 1; }
  done
  [ "$(head -c 8 "$work/$name.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
    || { echo "$chart.png is not a PNG"; exit 1; }
  xmllint --noout "$work/$name.svg" || { echo "$chart.svg does not parse"; exit 1; }
done
# The roadmap names its topics; the timeline names the project owners.
pdftotext "$work/roadmap.pdf" - | grep -q "Informatievoorziening en data" || { echo "roadmap PDF lacks a topic"; exit 1; }
owner=$(sqlite3 "$work/x.gripkaart" "SELECT p.name FROM focus_project f JOIN person p ON p.id = f.owner_id LIMIT 1")
pdftotext "$work/timeline.pdf" - | tr '\n' ' ' | grep -qF "$owner" || { echo "timeline PDF lacks owner $owner"; exit 1; }
# An indicator chart on its own is titled with the indicator's name.
pdftotext "$work/indicator_Wachttijd_jeugdhulp_in_weken.pdf" - | head -3 | grep -qF "Wachttijd jeugdhulp in weken" \
  || { echo "the indicator chart has no title"; exit 1; }
# A given size is used.
"$gripkaart" --export-chart=roadmap --size=800x400 --output="$work/small.png" "$work/x.gripkaart"
python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); w,h=struct.unpack('>II',d[16:24]); sys.exit(0 if (w,h)==(800,400) else 1)" "$work/small.png" \
  || { echo "--size was not used"; exit 1; }
# Bad requests: an unknown chart or indicator, an unknown format; nothing is written.
for bad in "--export-chart=bogus --output=$work/bad.png" "--export-chart=indicator:Nope --output=$work/bad.png" \
           "--export-chart=roadmap --output=$work/bad.bmp"; do
  # shellcheck disable=SC2086
  if "$gripkaart" $bad "$work/x.gripkaart" 2>"$work/err"; then
    echo "accepted: $bad"; exit 1
  fi
  [ -s "$work/err" ] || { echo "no message for: $bad"; exit 1; }
done
[ ! -e "$work/bad.png" ] && [ ! -e "$work/bad.bmp" ] || { echo "a failed export left a file"; exit 1; }

# An impossible date is refused with a message.
if "$gripkaart" --check "$work/x.gripkaart" --today=2026-02-30 2>"$work/err"; then
  echo "--today accepted 30 February"; exit 1
fi
grep -q "does not exist" "$work/err" || { echo "unclear date error: $(cat "$work/err")"; exit 1; }

# --export-report never replaces the programme, nor any file that is not a
# PDF (issue 13 #7); the file and the other file stay byte for byte.
before=$(sha256sum "$work/x.gripkaart")
cp "$work/x.gripkaart" "$work/x-copy.pdf"
copy_before=$(sha256sum "$work/x-copy.pdf")
echo "notes" >"$work/notes.pdf"
for bad in "--export-report=$work/x.gripkaart|.pdf" \
           "--export-report=$work/notes.pdf|not a PDF" \
           "--export-report=$work/report.txt|.pdf"; do
  option=${bad%%|*}; expected=${bad#*|}
  if "$gripkaart" "$option" --today=2026-11-22 "$work/x.gripkaart" 2>"$work/err"; then
    echo "accepted: $option"; exit 1
  fi
  grep -qF -- "$expected" "$work/err" || { echo "unclear message for $option: $(cat "$work/err")"; exit 1; }
done
if "$gripkaart" --export-report="$work/x-copy.pdf" --today=2026-11-22 "$work/x-copy.pdf" 2>"$work/err"; then
  echo "the report replaced its own programme"; exit 1
fi
grep -qF "the programme itself" "$work/err" || { echo "unclear message: $(cat "$work/err")"; exit 1; }
[ "$(sha256sum "$work/x.gripkaart")" = "$before" ] || { echo "the programme was changed"; exit 1; }
[ "$(sha256sum "$work/x-copy.pdf")" = "$copy_before" ] || { echo "the programme named .pdf was changed"; exit 1; }
[ "$(cat "$work/notes.pdf")" = "notes" ] || { echo "a file that is not a PDF was replaced"; exit 1; }
[ ! -e "$work/report.txt" ] || { echo "a report was written to .txt"; exit 1; }

# Dates outside the supported range get a message, not a crash (issue 13 #6:
# --today=0001-01-01 segfaulted); the ends of the range work, and the second
# run replaces the PDF the first one wrote.
for today in 0001-01-01 1899-12-31; do
  set +e
  "$gripkaart" --export-report="$work/early.pdf" --today="$today" "$work/x.gripkaart" 2>"$work/err"
  status=$?
  set -e
  [ "$status" -eq 1 ] || { echo "--today=$today ended with status $status"; exit 1; }
  grep -qF "1900-01-01 to 9999-12-31" "$work/err" || { echo "unclear message for $today: $(cat "$work/err")"; exit 1; }
done
for today in 1900-01-01 9999-12-31; do
  "$gripkaart" --export-report="$work/edge.pdf" --today="$today" "$work/x.gripkaart" \
    || { echo "--today=$today failed"; exit 1; }
  head -c 5 "$work/edge.pdf" | grep -qF "%PDF-" || { echo "no PDF for --today=$today"; exit 1; }
done

# Text that is not UTF-8 (issue 13 #4: --export-report failed with "input
# string not valid UTF-8") is repaired as it is read; the file is untouched.
if command -v sqlite3 >/dev/null; then
  cp "$work/x.gripkaart" "$work/latin1.gripkaart"
  sqlite3 "$work/latin1.gripkaart" \
    "UPDATE programme SET title = CAST(x'4772697020e9e9' AS TEXT), municipality = CAST(x'47656d65656e746520e2' AS TEXT);
     UPDATE topic SET name = CAST(x'46696e616e6369eb6e' AS TEXT);
     UPDATE focus_project SET name = CAST(x'546f6567616e67e282' AS TEXT);
     UPDATE indicator SET name = CAST(x'5761636874ff74696a64' AS TEXT);"
  latin1_before=$(sha256sum "$work/latin1.gripkaart")
  "$gripkaart" --export-report="$work/latin1.pdf" --today=2026-11-22 "$work/latin1.gripkaart" 2>"$work/err" \
    || { echo "--export-report failed on text that is not UTF-8: $(cat "$work/err")"; exit 1; }
  head -c 5 "$work/latin1.pdf" | grep -qF "%PDF-" || { echo "no PDF for text that is not UTF-8"; exit 1; }
  "$gripkaart" --export-chart=roadmap --output="$work/latin1.png" --today=2026-11-22 "$work/latin1.gripkaart" \
    || { echo "--export-chart failed on text that is not UTF-8"; exit 1; }
  [ "$(sha256sum "$work/latin1.gripkaart")" = "$latin1_before" ] || { echo "reading repaired the file"; exit 1; }
fi
# The commands that read leave nothing behind: no lock note beside the
# (shared) file, no working copy, the file untouched, also when a
# colleague has the folder open for writing only to read it.
mkdir -p "$work/shared"
cp "$work/x.gripkaart" "$work/shared/team.gripkaart"
team_before=$(sha256sum "$work/shared/team.gripkaart")
rm -rf "$work/data/gripkaart/working"
"$gripkaart" --check --today=2026-11-22 "$work/shared/team.gripkaart" >/dev/null
"$gripkaart" --export-chart=timeline --output="$work/team.png" --today=2026-11-22 "$work/shared/team.gripkaart"
"$gripkaart" --export-report="$work/team.pdf" --today=2026-11-22 "$work/shared/team.gripkaart"
left=$(ls -A "$work/shared")
[ "$left" = "team.gripkaart" ] || { echo "reading left beside the file: $left"; exit 1; }
if [ -d "$work/data/gripkaart/working" ] && [ -n "$(ls -A "$work/data/gripkaart/working")" ]; then
  echo "reading made a working copy: $(ls -A "$work/data/gripkaart/working")"; exit 1
fi
[ "$(sha256sum "$work/shared/team.gripkaart")" = "$team_before" ] || { echo "reading changed the file"; exit 1; }
# Reading needs no working copy: it works where none can be made (the
# data folder is a file here), and a window says why it cannot edit.
touch "$work/not-a-folder"
XDG_DATA_HOME="$work/not-a-folder" "$gripkaart" --check --today=2026-11-22 "$work/shared/team.gripkaart" \
  | grep -qF "Voorbeeldstad" || { echo "--check needed a working copy"; exit 1; }
XDG_DATA_HOME="$work/not-a-folder" "$gripkaart" --export-chart=roadmap --output="$work/nf.png" \
  --today=2026-11-22 "$work/shared/team.gripkaart" || { echo "--export-chart needed a working copy"; exit 1; }
printf 'period,value\n2026-10,12\n' > "$work/one.csv"
if XDG_DATA_HOME="$work/not-a-folder" "$gripkaart" --import-figures="$work/one.csv" --indicator=x \
     "$work/shared/team.gripkaart" 2>"$work/err"; then
  echo "an import ran without a working copy"; exit 1
fi
grep -qF "folder for working copies" "$work/err" || { echo "unclear error without a working copy: $(cat "$work/err")"; exit 1; }
echo "ok"
