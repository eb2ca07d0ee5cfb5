#!/usr/bin/env bash
# CI: build the Linux one-folder bundle and run its self-test offscreen (a few minutes).
#
# The bundle must hold the trained model (models/*.onnx). DERMASSIST_ALLOW_TEST_MODEL=1 lets a tree
# without one be checked with the tiny random-weight test model instead (said loudly in the log).
# Needs the project in .venv with the dev and test extras, and the apt package binutils.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
PYTHON=${PYTHON:-.venv/bin/python}
if ! compgen -G "models/*.onnx" >/dev/null && [ "${DERMASSIST_ALLOW_TEST_MODEL:-0}" != 1 ]; then
  echo "FAIL: models/ holds no trained model, so the bundle would have none" >&2
  exit 1
fi
installer/build_linux.sh --bundle-only
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Never the CI user's own folders; no display, so the window check runs offscreen.
export DERMASSIST_DATA_DIR="$tmp/data" DERMASSIST_CONFIG_DIR="$tmp/config" QT_QPA_PLATFORM=offscreen
unset DERMASSIST_MODELS_DIR DISPLAY WAYLAND_DISPLAY
if ! compgen -G "models/*.onnx" >/dev/null; then
  echo "WARNING: no trained model in models/: checking the bundle with the tiny TEST model" >&2
  "$PYTHON" -c "import sys; sys.path.insert(0, 'tests'); from pathlib import Path; \
from model_factory import make_tiny_model; make_tiny_model(Path(sys.argv[1]))" "$tmp/models"
  export DERMASSIST_MODELS_DIR="$tmp/models"
fi
(cd "$tmp" && "$OLDPWD/build/dist/dermassist/dermassist" --self-test)
echo "bundle: $(du -sm build/dist/dermassist | cut -f1) MB; bundle check finished in $(($(date +%s) - start)) s"
