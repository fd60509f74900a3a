#!/usr/bin/env bash
# Reproduces models/teacher.onnx and models/student.onnx (with their cards) from ../shared/data
# and the ImageNet weights in ../shared/pretrained. Every step resumes: rerun the script after an
# interruption and it continues where it stopped (a finished step is skipped). CPU only; about
# 2 h 45 min on an idle 2-core machine (teacher members 3 x 30 min, student and its baseline
# 2 x ~22 min, calibration and evaluation ~20 min).
#
#   mvn -B -q -ntp package -DskipTests && scripts/train-bundled-models.sh [RUNS_DIR]
# (CXR_JAR=path/to/cxr-studio.jar uses a copy of the jar, so that rebuilding target/ meanwhile is safe)
#
# Steps (docs/models.md, "The bundled models"), all on one train/validation split (split seed 42):
#  1. three teacher members: mobilenetv2 @ 320 px started from the ImageNet weights (--init), fixed
#     normalisation, batch 32, AdamW lr 1e-3 with 100 warm-up batches, box weight 1 (the CAM is
#     pulled towards the expert boxes of the training TB images), init seeds 42, 43, 44, each
#     stopped by a 30 min budget (or 8 epochs);
#  2. merged into one ONNX ensemble teacher (mean probability, mean CAM);
#  3. the student: the reduced pretrained mobilenetv2-s5 (the first 5 of MobileNetV2's 7 stages,
#     from the same ImageNet weights) @ 160 px distilled from that teacher, box-guided too, 20 fixed
#     epochs, with the labels-only baseline trained alongside (same split, seed, init, epochs);
#  4. box parameters calibrated on the training images' expert boxes, validation figures (per
#     source, shortcut check) stored in every card, score calibration (Platt) on the validation
#     images; the two bundled files copied to models/ and benchmarked.
# The members' budgets are wall-clock: on a loaded machine they see fewer images (the cards record
# the epochs reached); the student's 60 min budget is only a guard. Earlier recipes: docs/history.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-runs/bundled}
D=${CXR_SHARED_DATA:-../shared/data}
INIT=${CXR_INIT:-${D%/data}/pretrained/tf2_mobilenet_v2_1.0_224_ptq.tflite}
[ -d "$D/tbx11k-extra" ] || { echo "no shared data at $D (set CXR_SHARED_DATA)"; exit 2; }
[ -f "$INIT" ] || { echo "no ImageNet weights at $INIT (set CXR_INIT)"; exit 2; }
J="java -Dai.djl.offline=true -jar ${CXR_JAR:-target/cxr-studio.jar}"
DATA="--images $D/tbx11k-tb/images --labels $D/tbx11k-tb/labels.csv
      --images $D/nih-cxr14/images --labels $D/nih-cxr14/labels.csv
      --images $D/tbx11k-extra/images --labels $D/tbx11k-extra/labels.csv"
PRETRAINED="--init $INIT --normalization fixed --batch 32 --lr 1e-3 --warmup 100 --split-seed 42 --box-weight 1"
mkdir -p "$RUNS"

# run OUT COMMAND ARGS...: a training run, resumed if a checkpoint exists, skipped when finished
run() {
  local out=$1; shift
  [ -f "$out/model.onnx" ] && { echo "== $out done"; return; }
  local resume=; [ -f "$out/checkpoints/last.ckpt" ] && resume=--resume
  $J "$@" --out "$out" $resume
}

MEMBERS=()
for seed in 42 43 44; do
  run "$RUNS/t320-seed$seed" train $DATA --arch mobilenetv2 --size 320 $PRETRAINED \
      --epochs 8 --time-budget 30m --seed "$seed"
  MEMBERS+=("$RUNS/t320-seed$seed/model.onnx")
done

[ -f "$RUNS/teacher.onnx" ] || $J ensemble --models "${MEMBERS[@]}" --out "$RUNS/teacher.onnx"

run "$RUNS/student" distill --teacher "$RUNS/teacher.onnx" $DATA --arch mobilenetv2-s5 --size 160 $PRETRAINED \
    --epochs 20 --time-budget 60m --seed 42 --baseline

# box parameters tuned on the TRAINING images' expert boxes, then validation figures of every
# model on the same held-out split (all runs share split seed 42, hence one split.csv), into their cards
SPLIT="$RUNS/t320-seed42/split.csv"
for m in "$RUNS/teacher.onnx" "$RUNS/student/model.onnx" "$RUNS/student/baseline/model.onnx" "${MEMBERS[@]}"; do
  $J calibrate-boxes --model "$m" $DATA --split "$SPLIT" --split-part train --write-card
  $J eval --model "$m" $DATA --split "$SPLIT" --group-by source --shortcut-check \
      --into-card split --json "${m%.onnx}.eval.json" --scores "${m%.onnx}.scores.csv"
  $J eval --model "$m" --images $D/tbx11k-extra/images --labels $D/tbx11k-extra/labels.csv --split "$SPLIT" \
      --into-card same_source_split --json "${m%.onnx}.same.json"
done
for m in "$RUNS/teacher.onnx" "$RUNS/student/model.onnx"; do
  # --gate-rules-only: validation films are chest films; the content check is not needed to fit
  $J calibrate-score --model "$m" $DATA --split "$SPLIT" --split-part val --gate-rules-only
done

mkdir -p models
cp "$RUNS/teacher.onnx" models/teacher.onnx
cp "$RUNS/teacher.card.json" models/teacher.card.json
cp "$RUNS/student/model.onnx" models/student.onnx
cp "$RUNS/student/model.card.json" models/student.card.json
# the split's file names and parts, for the README's eval commands and scripts/calibrate-bundled-scores.sh
awk -F, 'NR == 1 { print "filename,split"; next } { print $1 "," $2 }' "$SPLIT" > models/split-seed42.csv
$J bench --model models/student.onnx --model models/teacher.onnx --image $D/tbx11k-tb/images/tb0005.png \
    --runs 200 --json "$RUNS/bench.json"
