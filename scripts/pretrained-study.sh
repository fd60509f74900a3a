#!/usr/bin/env bash
# The study of the issue "Teachers that start from ImageNet" (docs/models.md, "Pretrained
# teachers"): does a MobileNetV2 teacher started from ../shared/pretrained beat the student
# trained alone, and does its distilled student beat that student too? Over three seeds:
#   - teachers: mobilenetv2 @ 224 px from the ImageNet weights (--init), fixed normalisation,
#     batch 32, AdamW lr 1e-3, 100 warm-up batches, box weight 1, split seed 42, 20 min each;
#   - students: student-s @ 224 px distilled from that seed's teacher with the labels-only
#     baseline alongside (distill --baseline: same split, seed, epochs, box guidance);
#   - every model: boxes calibrated on the training images, validation figures into its card,
#     per-image validation scores; then compare-scores over the three seeds (teacher vs the
#     student alone, distilled student vs the student alone) on all images and same-source films.
# Stage 2 (STAGE=2): the weakly supervised setting (box weight 0: teacher and distilled student,
# seed 42) and a low-resolution student (student-s @ 160 px from a 320 px mobilenetv2 teacher).
# Every step is skipped when done and resumes when interrupted (rerun the same command). About
# 2 h 10 min for stage 1 on an idle 2-core machine (teachers 3 x 20 min, students 3 x ~22 min,
# scoring ~10 min); stage 2 about 1 h 30 min more. Runs are large: keep RUNS_DIR out of git.
#
#   mvn -B -q -ntp package -DskipTests && scripts/pretrained-study.sh [RUNS_DIR]   (default runs/pretrained)
# (CXR_JAR=path/to/cxr-studio.jar uses a copy of the jar, so that rebuilding target/ meanwhile is safe)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-runs/pretrained}
D=${CXR_SHARED_DATA:-../shared/data}
INIT=${CXR_INIT:-${D%/data}/pretrained/tf2_mobilenet_v2_1.0_224_ptq.tflite}
[ -d "$D/tbx11k-extra" ] || { echo "no shared data at $D (set CXR_SHARED_DATA)"; exit 2; }
[ -f "$INIT" ] || { echo "no ImageNet weights at $INIT (set CXR_INIT)"; exit 2; }
J="java -Dai.djl.offline=true -jar ${CXR_JAR:-target/cxr-studio.jar}"
DATA="--images $D/tbx11k-tb/images --labels $D/tbx11k-tb/labels.csv
      --images $D/nih-cxr14/images --labels $D/nih-cxr14/labels.csv
      --images $D/tbx11k-extra/images --labels $D/tbx11k-extra/labels.csv"
SS="--subset same-source=shenzhen,montgomery,da_db"
S=$RUNS/scores
mkdir -p "$S"

# teacher OUT SIZE SEED BOXWEIGHT: an ImageNet-started mobilenetv2, resumed when interrupted
teacher() {
  local out=$1 size=$2 seed=$3 bw=$4
  [ -f "$out/study.done" ] && return   # written when the budget or the epochs ran out
  local resume=; [ -f "$out/checkpoints/last.ckpt" ] && resume=--resume
  $J train $DATA --arch mobilenetv2 --size "$size" --init "$INIT" --normalization fixed --batch 32 --lr 1e-3 \
      --warmup 100 --epochs 6 --time-budget "${TEACHER_BUDGET:-20m}" --seed "$seed" --split-seed 42 \
      --box-weight "$bw" --out "$out" $resume
  touch "$out/study.done"
}

# student OUT TEACHER SIZE SEED BOXWEIGHT: distill --baseline, resumed when interrupted
student() {
  local out=$1 t=$2 size=$3 seed=$4 bw=$5
  [ -f "$out/study.done" ] && return
  local resume=; [ -f "$out/checkpoints/last.ckpt" ] && resume=--resume
  $J distill --teacher "$t" $DATA --arch student-s --size "$size" --epochs 46 --seed "$seed" --split-seed 42 \
      --box-weight "$bw" --baseline --out "$out" $resume
  touch "$out/study.done"
}

# score NAME MODEL: calibrated boxes, validation figures into the card, per-image scores
score() {
  local csv=$S/$1.csv m=$2 split
  [ -f "$csv" ] && return
  split=$RUNS/t224-seed42/split.csv
  $J calibrate-boxes --model "$m" $DATA --split "$split" --use train --write-card
  $J eval --model "$m" $DATA --split "$split" --group-by source --shortcut-check --into-card split \
      --json "${m%.onnx}.eval.json" --scores "$csv.tmp"
  mv "$csv.tmp" "$csv"
}
cmp() { $J compare-scores $SS --json "$S/$1.json" "${@:2}" | tee "$S/$1.txt"; }

for seed in 42 43 44; do teacher "$RUNS/t224-seed$seed" 224 "$seed" 1; done
for seed in 42 43 44; do student "$RUNS/s224-seed$seed" "$RUNS/t224-seed$seed/model.onnx" 224 "$seed" 1; done
for seed in 42 43 44; do
  score "t224-$seed" "$RUNS/t224-seed$seed/model.onnx"
  score "d224-$seed" "$RUNS/s224-seed$seed/model.onnx"
  score "alone224-$seed" "$RUNS/s224-seed$seed/baseline/model.onnx"
done
cmp teacher-vs-alone $S/t224-42.csv $S/alone224-42.csv $S/t224-43.csv $S/alone224-43.csv $S/t224-44.csv $S/alone224-44.csv
cmp distilled-vs-alone $S/d224-42.csv $S/alone224-42.csv $S/d224-43.csv $S/alone224-43.csv $S/d224-44.csv $S/alone224-44.csv
cmp distilled-vs-teacher $S/d224-42.csv $S/t224-42.csv $S/d224-43.csv $S/t224-43.csv $S/d224-44.csv $S/t224-44.csv
$J bench --model "$RUNS/s224-seed42/model.onnx" --model "$RUNS/t224-seed42/model.onnx" --json "$RUNS/bench.json"

[ "${STAGE:-1}" = 2 ] || exit 0
# weakly supervised: no box guidance anywhere (mIoU against the published 0.2428 on TBX11K)
teacher "$RUNS/t224w-seed42" 224 42 0
student "$RUNS/s224w-seed42" "$RUNS/t224w-seed42/model.onnx" 224 42 0
score t224w-42 "$RUNS/t224w-seed42/model.onnx"
score d224w-42 "$RUNS/s224w-seed42/model.onnx"
score alone224w-42 "$RUNS/s224w-seed42/baseline/model.onnx"
cmp weak-distilled-vs-teacher $S/d224w-42.csv $S/t224w-42.csv
# low resolution: a 160 px student from a 320 px teacher
teacher "$RUNS/t320-seed42" 320 42 1
student "$RUNS/s160-seed42" "$RUNS/t320-seed42/model.onnx" 160 42 1
score t320-42 "$RUNS/t320-seed42/model.onnx"
score d160-42 "$RUNS/s160-seed42/model.onnx"
score alone160-42 "$RUNS/s160-seed42/baseline/model.onnx"
cmp lowres-distilled-vs-alone $S/d160-42.csv $S/alone160-42.csv
