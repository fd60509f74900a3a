#!/usr/bin/env bash
# The study of the issue "Teachers that start from ImageNet" (docs/models.md, "Pretrained
# teachers"): does a MobileNetV2 teacher started from ../shared/pretrained beat the student
# trained alone, and does its distilled student beat that student too? Over three seeds:
#   - teachers: mobilenetv2 @ 224 px from the ImageNet weights (--init), fixed normalisation,
#     batch 32, AdamW lr 1e-3, 100 warm-up batches, box weight 1, split seed 42, 20 min each;
#   - students: the reduced pretrained mobilenetv2-s5 (the first 5 of the 7 stages, from the same
#     ImageNet weights) @ 160 px, distilled from that seed's 224 px teacher, with the labels-only
#     baseline alongside (distill --baseline: same split, seed, init, budget, box guidance), 9 min each;
#   - every model: boxes calibrated on the training images, validation figures into its card,
#     per-image validation scores; then compare-scores over the three seeds (teacher vs the
#     student alone, distilled student vs the student alone, distilled vs teacher) on all images
#     and same-source films; bench of student against teacher.
# Stage 2 (STAGES=2; STAGES="1 2" runs both): the weakly supervised setting (box weight 0 for
# teacher and distilled student, seed 42). Stage 3 (STAGES=3 runs it alone): a 320 px teacher
# (T320_BUDGET, 30 min) for the 160 px student, distilled with its own labels-only baseline
# alongside, for each seed of S3_SEEDS (default "42"; e.g. S3_SEEDS="42 43 44"). Stage 4 (after stage 3
# with the three seeds): the three 320 px teachers as one ensemble, and the 160 px student distilled
# from it for each seed, against stage 3's baselines, and the bundled 224 px ensemble teacher and
# the 320 px one as one six-member teacher, and the 320 px ensemble with test-time mirroring (about 50 min).
# Stage 5 (after stage 4): a student without ImageNet weights, student-s @ 224 px from scratch,
# distilled from the 320 px ensemble with its labels-only baseline alongside, seeds 42 43 44 (about 1 h).
# Stage 6 (after stage 4): the 160 px student distilled from the 320 px ensemble with mixup views of the
# training films as unlabelled images (scripts/MixupViews.java), seeds 42 43 44 (about 40 min).
# Stage 7 (after stage 4): patient students, the 160 px student distilled from the 320 px ensemble and its
# labels-only baseline for 20 fixed epochs each (about twice what the 9 min budget gives), seeds 42 43 44
# (about 40 min a seed).
# Every step is skipped when done and resumes when interrupted (rerun the same command). About
# 2 h for stage 1 on an idle 2-core machine (teachers 3 x 20 min, students 3 x ~19 min, scoring
# ~10 min); stage 2 about 45 min more; stage 3 about 55 min a seed. Runs are large: keep RUNS_DIR out of git.
#
#   mvn -B -q -ntp package -DskipTests && [STAGES="1 2 3"] scripts/pretrained-study.sh [RUNS_DIR]
#   (default stage 1, runs/pretrained)
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
  local out=$1 size=$2 seed=$3 bw=$4 budget=${5:-${TEACHER_BUDGET:-20m}}
  [ -f "$out/study.done" ] && return   # written when the budget or the epochs ran out
  local resume=; [ -f "$out/checkpoints/last.ckpt" ] && resume=--resume
  $J train $DATA --arch mobilenetv2 --size "$size" --init "$INIT" --normalization fixed --batch 32 --lr 1e-3 \
      --warmup 100 --epochs 8 --time-budget "$budget" --seed "$seed" --split-seed 42 \
      --box-weight "$bw" --out "$out" $resume
  touch "$out/study.done"
}

# student OUT TEACHER SIZE SEED BOXWEIGHT [no-baseline [DISTILL_ARGS...]]: the reduced pretrained
# mobilenetv2-s5, distill --baseline (unless told no-baseline: a baseline of the same seed and budget
# exists), resumed when interrupted
student() {
  local out=$1 t=$2 size=$3 seed=$4 bw=$5 baseline=--baseline extra=("${@:7}")
  [ "${6:-}" = no-baseline ] && baseline=
  [ -f "$out/study.done" ] && return
  local resume=; [ -f "$out/checkpoints/last.ckpt" ] && resume=--resume
  $J distill --teacher "$t" $DATA --arch mobilenetv2-s5 --size "$size" --init "$INIT" --normalization fixed \
      --batch 32 --lr 1e-3 --warmup 100 --epochs "${STUDENT_EPOCHS:-16}" --time-budget "${STUDENT_BUDGET:-9m}" --seed "$seed" \
      --split-seed 42 --box-weight "$bw" $baseline "${extra[@]}" --out "$out" $resume
  touch "$out/study.done"
}

# score NAME MODEL: calibrated boxes, validation figures into the card, per-image scores
score() {
  local csv=$S/$1.csv m=$2 split
  [ -f "$csv" ] && return
  for split in "$RUNS"/t224-seed42/split.csv "$RUNS"/t224w-seed42/split.csv "$RUNS"/t320-seed42/split.csv; do
    [ -f "$split" ] && break   # every teacher is trained with split seed 42: the same split
  done
  $J calibrate-boxes --model "$m" $DATA --split "$split" --split-part train --write-card
  $J eval --model "$m" $DATA --split "$split" --group-by source --shortcut-check --into-card split \
      --json "${m%.onnx}.eval.json" --scores "$csv.tmp"
  mv "$csv.tmp" "$csv"
}
cmp() { $J compare-scores $SS --json "$S/$1.json" "${@:2}" | tee "$S/$1.txt"; }

# three_way NAME TEACHER_VS_ALONE D A T SEEDS...: over the seeds, compare-scores of the distilled students
# (scores D-<seed>) against the students alone (A-<seed>) and against the teacher (T, where %s stands for
# the seed when each seed has its own teacher), and of the teacher against the students alone; written to
# NAME-distilled-vs-alone, NAME-distilled-vs-teacher and TEACHER_VS_ALONE ("-": that one is made elsewhere)
three_way() {
  local name=$1 tva=$2 d=$3 a=$4 t=$5 seed tf da=() dt=() ta=(); shift 5
  for seed; do
    tf=$S/${t//%s/$seed}.csv
    da+=("$S/$d-$seed.csv" "$S/$a-$seed.csv"); dt+=("$S/$d-$seed.csv" "$tf"); ta+=("$tf" "$S/$a-$seed.csv")
  done
  cmp "$name-distilled-vs-alone" "${da[@]}"
  cmp "$name-distilled-vs-teacher" "${dt[@]}"
  [ "$tva" = - ] || cmp "$tva" "${ta[@]}"
}

stage1() {
  for seed in 42 43 44; do teacher "$RUNS/t224-seed$seed" 224 "$seed" 1; done
  for seed in 42 43 44; do student "$RUNS/s160-seed$seed" "$RUNS/t224-seed$seed/model.onnx" 160 "$seed" 1; done
  for seed in 42 43 44; do
    score "t224-$seed" "$RUNS/t224-seed$seed/model.onnx"
    score "d160-$seed" "$RUNS/s160-seed$seed/model.onnx"
    score "alone160-$seed" "$RUNS/s160-seed$seed/baseline/model.onnx"
  done
  cmp teacher-vs-alone $S/t224-42.csv $S/alone160-42.csv $S/t224-43.csv $S/alone160-43.csv $S/t224-44.csv $S/alone160-44.csv
  cmp distilled-vs-alone $S/d160-42.csv $S/alone160-42.csv $S/d160-43.csv $S/alone160-43.csv $S/d160-44.csv $S/alone160-44.csv
  cmp distilled-vs-teacher $S/d160-42.csv $S/t224-42.csv $S/d160-43.csv $S/t224-43.csv $S/d160-44.csv $S/t224-44.csv
  [ -f "$RUNS/bench.json" ] || $J bench --model "$RUNS/s160-seed42/model.onnx" --model "$RUNS/t224-seed42/model.onnx" --json "$RUNS/bench.json"
}

# trio TEACHER_NAME STUDENT_NAME TEACHER_SIZE BOXWEIGHT SEED [TEACHER_BUDGET]: a teacher, the 160 px student
# distilled from it with its baseline, and the scores of all three (t<name>-<seed>, d<name>-<seed>, alone<name>-<seed>)
trio() {
  local tn=$1 sn=$2 size=$3 bw=$4 seed=$5
  teacher "$RUNS/t$tn-seed$seed" "$size" "$seed" "$bw" "${6:-${TEACHER_BUDGET:-20m}}"
  student "$RUNS/s$sn-seed$seed" "$RUNS/t$tn-seed$seed/model.onnx" 160 "$seed" "$bw"
  score "t$tn-$seed" "$RUNS/t$tn-seed$seed/model.onnx"
  score "d$sn-$seed" "$RUNS/s$sn-seed$seed/model.onnx"
  score "alone$sn-$seed" "$RUNS/s$sn-seed$seed/baseline/model.onnx"
}

stage2() {
  # weakly supervised: no box guidance anywhere (mIoU against the published 0.2428 on TBX11K)
  trio 224w 160w 224 0 42
  cmp weak-distilled-vs-teacher $S/d160w-42.csv $S/t224w-42.csv
  cmp weak-distilled-vs-alone $S/d160w-42.csv $S/alone160w-42.csv
}

stage3() {
  # the 160 px student from a 320 px teacher, for each seed of S3_SEEDS (default 42); compare-scores
  # takes the per-seed pairs in turn
  local seed
  for seed in ${S3_SEEDS:-42}; do trio 320 160from320 320 1 "$seed" "${T320_BUDGET:-30m}"; done
  three_way lowres t320-vs-alone d160from320 alone160from320 t320-%s ${S3_SEEDS:-42}
}

stage4() {
  # the three 320 px teachers of stage 3 (seeds 42 43 44) as one ensemble teacher, and the 160 px
  # student distilled from it for each seed, against stage 3's baselines (same seed, split, init, budget)
  local seed
  [ -f "$RUNS/e320/model.onnx" ] || $J ensemble --models "$RUNS/t320-seed42/model.onnx" \
      --models "$RUNS/t320-seed43/model.onnx" --models "$RUNS/t320-seed44/model.onnx" --out "$RUNS/e320/model.onnx"
  score e320 "$RUNS/e320/model.onnx"
  for seed in 42 43 44; do
    student "$RUNS/s160frome320-seed$seed" "$RUNS/e320/model.onnx" 160 "$seed" 1 no-baseline
    score "d160frome320-$seed" "$RUNS/s160frome320-seed$seed/model.onnx"
  done
  three_way e320 e320-vs-alone d160frome320 alone160from320 e320 42 43 44
  # six teachers: the ensemble of stage 1's three 224 px teachers (the bundled teacher until 2026-12-07) and
  # the 320 px ensemble, equal weight
  [ -f "$RUNS/e224/model.onnx" ] || $J ensemble --models "$RUNS/t224-seed42/model.onnx" \
      --models "$RUNS/t224-seed43/model.onnx" --models "$RUNS/t224-seed44/model.onnx" --out "$RUNS/e224/model.onnx"
  [ -f "$RUNS/e6/model.onnx" ] || $J ensemble --models "$RUNS/e224/model.onnx" --models "$RUNS/e320/model.onnx" \
      --out "$RUNS/e6/model.onnx"
  score e6 "$RUNS/e6/model.onnx"
  cmp e6-vs-alone "$S/e6.csv" "$S/alone160from320-42.csv" "$S/e6.csv" "$S/alone160from320-43.csv" \
      "$S/e6.csv" "$S/alone160from320-44.csv"
  # the 320 px ensemble with test-time mirroring (each member also on the mirrored film)
  [ -f "$RUNS/e320m/model.onnx" ] || $J ensemble --mirror --models "$RUNS/t320-seed42/model.onnx" \
      --models "$RUNS/t320-seed43/model.onnx" --models "$RUNS/t320-seed44/model.onnx" --out "$RUNS/e320m/model.onnx"
  score e320m "$RUNS/e320m/model.onnx"
  cmp e320m-vs-alone "$S/e320m.csv" "$S/alone160from320-42.csv" "$S/e320m.csv" "$S/alone160from320-43.csv" \
      "$S/e320m.csv" "$S/alone160from320-44.csv"
  cmp e320m-vs-e320 "$S/e320m.csv" "$S/e320.csv"
}

# scratch_student OUT TEACHER SEED: the from-scratch student-s @ 224 px of the earlier bundled recipe
# (docs/history.md), distilled with its labels-only baseline alongside; fixed epochs, so the two arms
# see the same number of images whatever the machine's load
scratch_student() {
  local out=$1 t=$2 seed=$3
  [ -f "$out/study.done" ] && return
  local resume=; [ -f "$out/checkpoints/last.ckpt" ] && resume=--resume
  $J distill --teacher "$t" $DATA --arch student-s --size 224 --epochs 46 --seed "$seed" --split-seed 42 \
      --box-weight 1 --baseline --out "$out" $resume
  touch "$out/study.done"
}

stage5() {
  # a small student without ImageNet weights (student-s @ 224 px, 248k parameters, from scratch),
  # distilled from the 320 px ensemble of stage 4, against the same network trained alone, three seeds
  local seed
  for seed in 42 43 44; do
    scratch_student "$RUNS/ss224frome320-seed$seed" "$RUNS/e320/model.onnx" "$seed"
    score "dss224frome320-$seed" "$RUNS/ss224frome320-seed$seed/model.onnx"
    score "aloness224-$seed" "$RUNS/ss224frome320-seed$seed/baseline/model.onnx"
  done
  three_way scratch e320-vs-scratch-alone dss224frome320 aloness224 e320 42 43 44
}

stage6() {
  # function matching: the 160 px student distilled from the 320 px ensemble of stage 4 with mixup views
  # of the training films as unlabelled images (the teacher labels each view), against stage 3's
  # baselines (same seed, split, init, budget), three seeds
  local seed
  if [ ! -d "$RUNS/mix" ]; then   # written aside and moved, so an interrupted run is not taken for done
    rm -rf "$RUNS/mix.tmp"
    java scripts/MixupViews.java "$RUNS/t320-seed42/split.csv" "$D" "$RUNS/mix.tmp" 7 && mv "$RUNS/mix.tmp" "$RUNS/mix"
  fi
  for seed in 42 43 44; do
    student "$RUNS/s160mix-seed$seed" "$RUNS/e320/model.onnx" 160 "$seed" 1 no-baseline --unlabeled "$RUNS/mix"
    score "d160mix-$seed" "$RUNS/s160mix-seed$seed/model.onnx"
  done
  three_way mix - d160mix alone160from320 e320 42 43 44   # the teacher against the students alone: stage 4
}

stage7() {
  # patience: the stage-4 student and its baseline trained twice as long, fixed epochs (the same number of
  # images for both arms whatever the load; the time budget is only a guard), three seeds
  local seed
  for seed in 42 43 44; do
    STUDENT_EPOCHS=20 STUDENT_BUDGET=60m student "$RUNS/s160long-seed$seed" "$RUNS/e320/model.onnx" 160 "$seed" 1
    score "d160long-$seed" "$RUNS/s160long-seed$seed/model.onnx"
    score "alone160long-$seed" "$RUNS/s160long-seed$seed/baseline/model.onnx"
  done
  three_way long e320-vs-long-alone d160long alone160long e320 42 43 44
}

for st in ${STAGES:-1}; do "stage$st"; done
