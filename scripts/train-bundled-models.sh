#!/usr/bin/env bash
# Reproduces models/teacher.onnx and models/student.onnx (with their cards) from ../shared/data.
# Every step resumes: rerun the script after an interruption and it continues where it stopped
# (a finished step is skipped). CPU only; about 2 h on a 2-core machine.
#
#   mvn -B -q -ntp package -DskipTests && scripts/train-bundled-models.sh [RUNS_DIR]
#
# Steps: two teacher members trained from scratch (student-m @ 384 px in two budgets of 25 + 24
# min, student-s @ 320 px for 25 min; same seed, hence the same train/validation split),
# merged into one ONNX ensemble teacher; a student-s @ 224 px distilled from it for 13 min with
# the labels-only baseline trained alongside (same split, seed, budget); box parameters
# calibrated on the training images' expert boxes; validation figures (per source, shortcut
# check) stored in every card; the two bundled files copied to models/ and benchmarked.
# Budgets are wall-clock (--time-budget), so a slower or busier machine trains fewer epochs and
# the figures will differ somewhat from the README's.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-runs/bundled}
D=${CXR_SHARED_DATA:-../shared/data}
[ -d "$D/tbx11k-extra" ] || { echo "no shared data at $D (set CXR_SHARED_DATA)"; exit 2; }
J="java -Dai.djl.offline=true -jar target/cxr-studio.jar"
DATA="--images $D/tbx11k-tb/images --labels $D/tbx11k-tb/labels.csv
      --images $D/nih-cxr14/images --labels $D/nih-cxr14/labels.csv
      --images $D/tbx11k-extra/images --labels $D/tbx11k-extra/labels.csv"
mkdir -p "$RUNS"

# train OUT ARGS...: a supervised run, resumed if a checkpoint exists, skipped when finished
train() {
  local out=$1; shift
  [ -f "$out/model.onnx" ] && { echo "== $out done"; return; }
  local resume=; [ -f "$out/checkpoints/last.ckpt" ] && resume=--resume
  $J train $DATA "$@" --out "$out" $resume
}

A="--arch student-m --size 384 --epochs 40 --seed 42"
train "$RUNS/teacher-m384" $A --time-budget 25m
train "$RUNS/teacher-s320" --arch student-s --size 320 --epochs 60 --time-budget 25m --seed 42
# the 384 px member is slow (~13 img/s): a second budget, resumed from its checkpoint
if [ ! -f "$RUNS/teacher-m384/.extended" ]; then
  rm -f "$RUNS/teacher-m384/model.onnx"
  $J train $DATA $A --time-budget 24m --out "$RUNS/teacher-m384" --resume
  touch "$RUNS/teacher-m384/.extended"
fi

# the 384 px member's last epoch (its best-by-validation was an early, noisy epoch 2)
[ -f "$RUNS/m384-last.onnx" ] || $J export --checkpoint "$RUNS/teacher-m384" --out "$RUNS/m384-last.onnx" --last

[ -f "$RUNS/teacher.onnx" ] || $J ensemble --models "$RUNS/m384-last.onnx" \
    "$RUNS/teacher-s320/model.onnx" --out "$RUNS/teacher.onnx"

if [ ! -f "$RUNS/student/model.onnx" ]; then
  resume=; [ -f "$RUNS/student/checkpoints/last.ckpt" ] && resume=--resume
  $J distill --teacher "$RUNS/teacher.onnx" $DATA --arch student-s --size 224 --epochs 60 \
      --time-budget 13m --seed 42 --baseline --out "$RUNS/student" $resume
fi

# box parameters tuned on the TRAINING images' expert boxes, then validation figures of every
# model on the same held-out split (all runs share seed 42, hence split.csv), into their cards
SPLIT="$RUNS/teacher-s320/split.csv"
for m in "$RUNS/teacher.onnx" "$RUNS/student/model.onnx" "$RUNS/student/baseline/model.onnx" \
         "$RUNS/m384-last.onnx" "$RUNS/teacher-s320/model.onnx"; do
  $J calibrate-boxes --model "$m" $DATA --split "$SPLIT" --use train --write-card
  $J eval --model "$m" $DATA --split "$SPLIT" --group-by source --shortcut-check \
      --into-card split --json "${m%.onnx}.eval.json"
done

mkdir -p models
cp "$RUNS/teacher.onnx" models/teacher.onnx
cp "$RUNS/teacher.card.json" models/teacher.card.json
cp "$RUNS/student/model.onnx" models/student.onnx
cp "$RUNS/student/model.card.json" models/student.card.json
$J bench --model models/student.onnx --model models/teacher.onnx --json "$RUNS/bench.json"
