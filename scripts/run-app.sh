#!/usr/bin/env bash
# Install DermAssist from this source tree into .venv and start it with the bundled model.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_apt.sh
if command -v apt-get >/dev/null; then apt_install installer/debian-runtime-packages.txt; fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/dermassist "$@"
