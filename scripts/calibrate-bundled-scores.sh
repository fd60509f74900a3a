#!/usr/bin/env bash
# Fits the Platt score calibration of the two bundled models on the validation part of the
# split they were trained on, and stores it in their cards (models/*.card.json, "calibration").
# The split list is models/split-seed42.csv: the file-name and part columns of the split that
# `train --split-seed 42` writes (scripts/train-bundled-models.sh); give another with SPLIT=... . scripts/train-bundled-models.sh
# already runs this step; rerun it after changing a card by hand. ~1 min per model on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
J="java -jar target/cxr-studio.jar"; D=../shared/data
SPLIT=${SPLIT:-models/split-seed42.csv}
DATA="--images $D/tbx11k-tb/images --labels $D/tbx11k-tb/labels.csv --images $D/nih-cxr14/images
      --labels $D/nih-cxr14/labels.csv --images $D/tbx11k-extra/images --labels $D/tbx11k-extra/labels.csv"
[ -f target/cxr-studio.jar ] || mvn -B -q package -DskipTests
for m in student teacher; do
  # --gate-rules-only: validation films are chest films; the content check is not needed to fit
  $J calibrate-score --model models/$m.onnx $DATA --split "$SPLIT" --split-part val --gate-rules-only
done
