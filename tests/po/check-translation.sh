#!/usr/bin/env bash
# Fails when any message of the program is untranslated or fuzzy in po/nl.po.
# The template is made afresh from the sources named in po/POTFILES.in, so a
# new string that nobody translated yet is caught too, not only the ones the
# catalog already knows.
set -euo pipefail

srcdir="$1"
lang="${2:-nl}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$srcdir"

# Every source with a translatable string must be listed in POTFILES.in.
missing=0
while IFS= read -r file; do
  if ! grep -qxF "$file" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $file"
    missing=1
  fi
done < <( { grep -rlE '\b(N?C?_|ngettext)\(' --include='*.c' src; grep -rl 'translatable="yes"' --include='*.ui' src; } | sort)
[ "$missing" -eq 0 ] || exit 1

# --from-code: sources are UTF-8; keywords as meson's glib preset.
xgettext --files-from=po/POTFILES.in --directory="$srcdir" --from-code=UTF-8 \
  --add-comments=Translators --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 --keyword=ngettext:1,2 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --output="$work/gripkaart.pot" --package-name=gripkaart 2>"$work/xgettext.log" || {
    cat "$work/xgettext.log"; exit 1; }

# Each message's context and whole msgid, its continuation lines joined:
# a multi-line message is named in full, not by its empty first line.
show_msgids () {
  awk '
    /^msgctxt / { ctx = $0; next }
    /^msgid /   { id = substr($0, 7); inid = 1; next }
    /^"/        { if (inid) id = id " " $0; next }
    /^msgid_plural|^msgstr/ {
      if (inid && id != "\"\"") print (ctx != "" ? ctx "  " : "") "msgid " id
      inid = 0; ctx = ""
    }'
}

msgmerge --quiet --no-fuzzy-matching --output-file="$work/merged.po" "po/$lang.po" "$work/gripkaart.pot"
msgfmt --check --output-file=/dev/null "po/$lang.po"
stats=$(msgfmt --statistics --output-file=/dev/null "$work/merged.po" 2>&1)
echo "po/$lang.po against the sources: $stats"

case "$stats" in
  *untranslated*|*fuzzy*)
    echo "Messages still to translate:"
    msgattrib --untranslated --no-obsolete --no-location "$work/merged.po" | show_msgids | head -80
    echo "Fuzzy messages:"
    msgattrib --only-fuzzy --no-obsolete --no-location "$work/merged.po" | show_msgids | head -40
    exit 1
    ;;
esac

# Every message must really be there, not just the header.
n=$(grep -c '^msgid ' "$work/gripkaart.pot" || true)
if [ "$n" -lt 2 ]; then
  echo "The template has no messages: POTFILES.in names no translatable source?"
  exit 1
fi
