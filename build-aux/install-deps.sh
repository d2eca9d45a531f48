#!/usr/bin/env bash
# Installs everything Gripkaart needs to build, run and test on Debian 12.
# Safe to run again; uses sudo when not run as root.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

PACKAGES=(
  # build (CI builds with gcc and clang)
  meson ninja-build pkg-config gcc clang gettext itstool
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libcairo2-dev libpango1.0-dev libxxhash-dev
  # PNG export writes the PNG itself, compressed with libdeflate (whole
  # buffers, twice as fast as zlib's fastest level); the start-up
  # benchmark waits for the window's X event (tests/bench)
  libdeflate-dev libx11-dev
  # figures in and out: CSV, XLSX and ODS
  libcsv-dev libgsf-1-dev libxml2-dev libxlsxwriter-dev
  # running: icons, fonts, schemas, MIME
  hicolor-icon-theme adwaita-icon-theme fonts-cantarell fonts-dejavu-core
  gsettings-desktop-schemas shared-mime-info libglib2.0-bin
  # tests: data validation, display, PDF and image checks, sanitizers, a
  # moved clock
  desktop-file-utils appstream libxml2-utils librsvg2-bin sqlite3
  xvfb xauth x11-apps x11-utils xdotool imagemagick poppler-utils python3 locales
  libasan8 libubsan1 faketime
)

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${PACKAGES[@]}"

# Dutch dates and numbers need the nl_NL locale; Debian ships it ungenerated.
if ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
  $SUDO sed -i 's/^# *\(nl_NL.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  $SUDO locale-gen
fi
