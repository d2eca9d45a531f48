#!/usr/bin/env bash
# --check lists the conflict copies that sync clients left beside the file:
#   check-conflict-copies.sh GRIPKAART LOCALEDIR
# They are information, not a fault: the exit status stays 0.
set -euo pipefail
gripkaart="$1"
localedir="${2:-}"
unset DISPLAY WAYLAND_DISPLAY

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
fail () { echo "$*"; exit 1; }

shared="$work/Team map"
mkdir -p "$shared"
plan="$shared/plan.gripkaart"
"$gripkaart" --demo="$plan" --today=2026-11-22

out=$("$gripkaart" --check "$plan" --today=2026-11-22) || fail "--check failed on a sound file"
grep -q "Conflict copies" <<<"$out" && fail "conflict copies listed where there are none: $out"

# One of each client, made out of order; the OneDrive copy is the same
# programme, dated by its modification time.
cp "$plan" "$shared/plan (conflicted copy 2026-12-03 101500).gripkaart"
cp "$plan" "$shared/plan.sync-conflict-20261203-111542-ABCDEFG.gripkaart"
cp "$plan" "$shared/plan (Bram's conflicted copy 2026-12-01).gripkaart"
cp "$plan" "$shared/plan-LAPTOP-BRAM.gripkaart"
touch -d "2026-12-05 08:00" "$shared/plan-LAPTOP-BRAM.gripkaart"
# Not copies: another programme under a OneDrive-like name, a folder with
# a copy's name, and a date that does not exist.
cp "$plan" "$shared/plan-old.gripkaart"
sqlite3 "$shared/plan-old.gripkaart" "UPDATE programme SET title = 'Een ander programma'"
mkdir "$shared/plan (conflicted copy 2026-12-04 101500).gripkaart"
cp "$plan" "$shared/plan (Bram's conflicted copy 2026-02-30).gripkaart"

out=$("$gripkaart" --check "$plan" --today=2026-11-22) || fail "--check failed when conflict copies are there"
listed=$(sed -n '/^Conflict copies (4)$/,/^$/p' <<<"$out" | sed -n 2,5p)
expected="  plan (Bram's conflicted copy 2026-12-01).gripkaart: conflict copy by Dropbox, made by Bram on 1 Dec 2026
  plan (conflicted copy 2026-12-03 101500).gripkaart: conflict copy by Nextcloud, made on 3 Dec 2026 10:15
  plan.sync-conflict-20261203-111542-ABCDEFG.gripkaart: conflict copy by Syncthing, made by ABCDEFG on 3 Dec 2026 11:15
  plan-LAPTOP-BRAM.gripkaart: conflict copy by OneDrive, made by LAPTOP-BRAM on 5 Dec 2026 08:00"
[ "$listed" = "$expected" ] || { echo "--check listed:"; echo "$out"; fail "not the four copies, oldest first"; }
grep -qF "plan-old" <<<"$out" && fail "another programme was listed as a conflict copy"
grep -qF "2026-12-04" <<<"$out" && fail "a folder was listed as a conflict copy"
grep -qF "2026-02-30" <<<"$out" && fail "a copy of 30 February was listed"
# --check only reads: every copy is still there.
[ "$(find "$shared" -maxdepth 1 -name '*.gripkaart' -type f | wc -l)" -eq 7 ] || fail "--check moved or removed a file"

if [ -n "$localedir" ] && [ -e "$localedir/nl/LC_MESSAGES/gripkaart.mo" ] && locale -a | grep -qi '^nl_NL\.utf-\?8$'; then
  nl=$(LANGUAGE=nl LANG=nl_NL.UTF-8 LC_ALL=nl_NL.UTF-8 GRIPKAART_LOCALEDIR="$localedir" \
         "$gripkaart" --check "$plan" --today=2026-11-22) || fail "the Dutch --check failed"
  grep -qxF "Conflictkopieën (4)" <<<"$nl" || fail "no Dutch heading: $nl"
  grep -qxF "  plan (Bram's conflicted copy 2026-12-01).gripkaart: conflictkopie van Dropbox, gemaakt door Bram op 1 dec 2026" <<<"$nl" \
    || fail "the Dutch Dropbox line is wrong: $nl"
  grep -qxF "  plan (conflicted copy 2026-12-03 101500).gripkaart: conflictkopie van Nextcloud, gemaakt op 3 dec 2026 10:15" <<<"$nl" \
    || fail "the Dutch Nextcloud line is wrong: $nl"
else
  echo "# skipped the Dutch --check: no nl catalog or no nl_NL.UTF-8 locale"
fi
echo "conflict copies listed"
