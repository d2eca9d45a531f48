#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks an installed tree: the files a desktop needs to show, start and
# associate Gripkaart are where the XDG specifications look for them.
# Run after `meson install --destdir "$DESTDIR"` (CI does this; meson test
# does not install):
#
#   tests/data/check-install.sh "$DESTDIR" [PREFIX]     (PREFIX: /usr/local)
set -euo pipefail

destdir="${1:?usage: check-install.sh DESTDIR [PREFIX]}"
prefix="${2:-/usr/local}"
root="$destdir$prefix"
app_id=io.github.gripkaart.Gripkaart
status=0

expect_file() {
  if [ -f "$root/$1" ]; then
    echo "ok: $1"
  else
    echo "FAIL: missing $prefix/$1"
    status=1
  fi
}

expect_file "bin/gripkaart"
expect_file "share/applications/$app_id.desktop"
expect_file "share/metainfo/$app_id.metainfo.xml"
expect_file "share/glib-2.0/schemas/$app_id.gschema.xml"
expect_file "share/mime/packages/$app_id.xml"
expect_file "share/icons/hicolor/scalable/apps/$app_id.svg"
expect_file "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect_file "share/locale/nl/LC_MESSAGES/gripkaart.mo"

if [ -f "$root/bin/gripkaart" ] && [ ! -x "$root/bin/gripkaart" ]; then
  echo "FAIL: bin/gripkaart is not executable"
  status=1
fi

# The installed copies must still be valid (not just present).
if [ -f "$root/share/applications/$app_id.desktop" ]; then
  desktop-file-validate "$root/share/applications/$app_id.desktop" || status=1
fi
if [ -f "$root/share/metainfo/$app_id.metainfo.xml" ]; then
  appstreamcli validate --no-net "$root/share/metainfo/$app_id.metainfo.xml" || status=1
fi
if [ -f "$root/share/glib-2.0/schemas/$app_id.gschema.xml" ]; then
  glib-compile-schemas --strict --dry-run "$root/share/glib-2.0/schemas" || status=1
fi

exit $status
