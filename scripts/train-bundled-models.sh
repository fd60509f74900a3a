#!/usr/bin/env bash
# Reproduces models/teacher.onnx and models/student.onnx (with their cards) from ../shared/data.
# Every step resumes: rerun the script after an interruption and it continues where it stopped
# (a finished step is skipped). CPU only; about 1 h 40 min on a 2-core machine.
#
#   mvn -B -q -ntp package -DskipTests && scripts/train-bundled-models.sh [RUNS_DIR]
#
# Steps: two teacher members (student-m @ 384 px, student-s @ 320 px; same seed, hence the same
# train/validation split, different architectures and resolutions), merged into one ONNX ensemble teacher; a student-s @ 256 px distilled from it
# with the labels-only baseline trained alongside (same split, seed, budget); validation
# figures (per source, shortcut check) stored in every card; the two bundled files copied to
# models/. Budgets are wall-clock (--time-budget), so a slower machine trains fewer epochs.
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

[ -f "$RUNS/teacher.onnx" ] || $J ensemble --models "$RUNS/teacher-m384/model.onnx" \
    "$RUNS/teacher-s320/model.onnx" --out "$RUNS/teacher.onnx"

if [ ! -f "$RUNS/student/model.onnx" ]; then
  resume=; [ -f "$RUNS/student/checkpoints/last.ckpt" ] && resume=--resume
  $J distill --teacher "$RUNS/teacher.onnx" $DATA --arch student-s --size 256 --epochs 40 \
      --time-budget 12m --seed 42 --baseline --out "$RUNS/student" $resume
fi

# validation figures of all four models on the same held-out split, into their cards
for m in "$RUNS/teacher.onnx" "$RUNS/student/model.onnx" "$RUNS/student/baseline/model.onnx"; do
  $J eval --model "$m" $DATA --split "$RUNS/student/split.csv" --group-by source \
      --shortcut-check --into-card split --json "${m%.onnx}.eval.json"
done

mkdir -p models
cp "$RUNS/teacher.onnx" models/teacher.onnx
cp "$RUNS/teacher.card.json" models/teacher.card.json
cp "$RUNS/student/model.onnx" models/student.onnx
cp "$RUNS/student/model.card.json" models/student.card.json
$J bench --model models/student.onnx --model models/teacher.onnx --json "$RUNS/bench.json"
