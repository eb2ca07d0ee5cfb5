#!/usr/bin/env bash
# The shipped model's training recipe in one command (CPU or CUDA, whichever is present):
#   scripts/train_model.sh [RUN_FOLDER]
# Stage 1 trains on ISIC only and reports Derm7pt val as an unseen source (the ablation figure the
# card quotes for "a clinic it was never trained on"); stage 2 continues on every source with
# Derm7pt oversampled x2 and the same-picture (consistency) loss; then export (ONNX + card:
# calibration, per-source thresholds and figures), the out-of-distribution statistics and the
# per-source evaluation. Checkpoints make every stage
# resumable: run the same command again after an interruption.
# Longer schedules on a GPU: STAGE1_EPOCHS=12 STAGE2_EPOCHS=20 scripts/train_model.sh runs/v2-gpu
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=${1:-runs/v2}
DATA=${DATA:-../shared/data}
PY=${PYTHON:-.venv/bin/python}
VERSION=${VERSION:-2.2.0}
S1=${STAGE1_EPOCHS:-3}
S2=${STAGE2_EPOCHS:-12}
RECIPE=${RECIPE:-v2}
SEED=${SEED:-0}
MEMBERS=${MEMBERS:-1}  # >1: that many stage-2 runs (seeds SEED, SEED+1, ...) averaged in one ONNX graph
CONSISTENCY=${CONSISTENCY:-10}  # stage 2's same-picture loss weight (each picture arrives twice; 0 = off)
mkdir -p "$RUN"
$PY -m dermassist train --arch mobilenet_v2 --epochs "$S1" --head-epochs 1 --low-res-epochs $((S1 - 1)) \
  --low-res 160 --data "$DATA/isic" --eval-data "$DATA/derm7pt" --recipe "$RECIPE" --seed "$SEED" --no-export --out "$RUN/stage1" \
  | tee -a "$RUN/stage1.log"
BEST=()
for ((i = 0; i < MEMBERS; i++)); do
  STAGE2="$RUN/stage2"; if ((i > 0)); then STAGE2="$RUN/stage2-$i"; fi
  $PY -m dermassist train --arch mobilenet_v2 --epochs "$S2" --head-epochs 0 --lr 2e-4 --head-lr 5e-4 \
    --data "$DATA/isic" --data "$DATA/derm7pt" --repeat derm7pt=2 --recipe "$RECIPE" --seed $((SEED + i)) --consistency "$CONSISTENCY" --no-export \
    --init-from "$RUN/stage1/best.pt" --out "$STAGE2" | tee -a "$STAGE2.log"
  BEST+=("$STAGE2/best.pt")
done
# The ISIC-only stage-1 model, measured on Derm7pt test: how the recipe does on a clinic it never saw.
$PY -m dermassist export-model "$RUN/stage1/best.pt" --out "$RUN/unseen" --name dermassist-mobilenet-v2-isic-only \
  --version "$VERSION" --data "$DATA/isic"
$PY -m dermassist evaluate "$RUN/unseen/dermassist-mobilenet-v2-isic-only-$VERSION.onnx" --data "$DATA/isic" \
  --data "$DATA/derm7pt" --split test --out "$RUN/unseen/eval"
$PY -m dermassist export-model "${BEST[@]}" --out "$RUN/export" --name dermassist-mobilenet-v2 \
  --version "$VERSION" --data "$DATA/isic" --data "$DATA/derm7pt"
MODEL="$RUN/export/dermassist-mobilenet-v2-$VERSION.onnx"
$PY scripts/record_unseen_source.py "$MODEL" "$RUN/unseen/eval/evaluation.json" derm7pt
$PY -m dermassist fit-ood "$MODEL" --data "$DATA/isic" --add-data "$DATA/derm7pt" --percentile "${OOD_PERCENTILE:-97}" \
  --feature-transform "${OOD_TRANSFORM:-pow:0.75}"
$PY -m dermassist evaluate "$MODEL" --data "$DATA/isic" --data "$DATA/derm7pt" --out "$RUN/export/eval"
echo "model: $MODEL (copy it, its .json card and .ood.npz into models/)"
