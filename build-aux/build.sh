#!/usr/bin/env bash
# Configures (once) and builds Gripkaart in _build, with warnings as errors
# as CI builds it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f _build/build.ninja ]; then
  meson setup _build -Dwerror=true
fi
ninja -C _build
