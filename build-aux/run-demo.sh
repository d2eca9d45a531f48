#!/usr/bin/env bash
# Fresh Debian 12 machine: install the dependencies, build, and open the
# application on the demo programme (without installing it).
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh
bash build-aux/build.sh
exec meson devenv -C _build ./src/gripkaart --demo "$@"
