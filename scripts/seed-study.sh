#!/usr/bin/env bash
# The sessions-8/9 study "is the teacher better than the student alone?" (docs/models.md, "Three
# seeds" and "Session 9"). Session 8: the session-7 teacher (three student-s @ 448 px, trained
# here into OUT/t448-seed*) and its student recipe run with seeds 42, 43 and 44 (distill
# --baseline: the student alone and the distilled student, same split, teacher, box guidance and
# 46 epochs), the same with --alpha 0.2 and --alpha 0, three more 224 px students alone, a
# student-m alone (and the seed-42 student distilled from it) and two more ensembles. Session 9:
# the bundled recipe (teacher = three student-m @ 224, the members and seed-42 student of
# scripts/train-bundled-models.sh in RUNS) distilled with seeds 43 and 44 too, and with --alpha 0.
# Every model's boxes calibrated on the training images and its per-image validation scores written; then
# compare-scores over the three seeds. Needs the runs of scripts/train-bundled-models.sh in RUNS.
# Every step is skipped when done and resumes when interrupted. About 5 h on a 2-core
# machine.
#
#   scripts/seed-study.sh [RUNS_DIR]      (default runs/bundled; writes RUNS_DIR/seeds)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-runs/bundled}
OUT=$RUNS/seeds
D=${CXR_SHARED_DATA:-../shared/data}
[ -d "$D/tbx11k-extra" ] || { echo "no shared data at $D (set CXR_SHARED_DATA)"; exit 2; }
[ -f "$RUNS/teacher.onnx" ] || { echo "no $RUNS/teacher.onnx: run scripts/train-bundled-models.sh first"; exit 2; }
J="java -Dai.djl.offline=true -jar ${CXR_JAR:-target/cxr-studio.jar}"
DATA="--images $D/tbx11k-tb/images --labels $D/tbx11k-tb/labels.csv
      --images $D/nih-cxr14/images --labels $D/nih-cxr14/labels.csv
      --images $D/tbx11k-extra/images --labels $D/tbx11k-extra/labels.csv"
SPLIT="$RUNS/m224-seed61/split.csv"
SS="--subset same-source=shenzhen,montgomery,da_db"
mkdir -p "$OUT/scores"

# the session-7 teacher: three student-s @ 448 px (24 epochs, seeds 42, 7, 8), merged
for seed in 42 7 8; do
  [ -f "$OUT/t448-seed$seed/model.onnx" ] || $J train $DATA --arch student-s --size 448 --epochs 24 --split-seed 42 \
      --box-weight 1 --seed "$seed" --out "$OUT/t448-seed$seed" --resume
done
M448=("$OUT/t448-seed42/model.onnx" "$OUT/t448-seed7/model.onnx" "$OUT/t448-seed8/model.onnx")
T448=$OUT/teacher448.onnx
[ -f "$T448" ] || $J ensemble --models "${M448[@]}" --out "$T448"

# student RECIPE SEED [ARGS...]: distill --baseline from $TEACHER (default the session-7 teacher)
# into OUT/RECIPE/dSEED (seed 42 of recipe em is the bundled student itself); a baseline finished
# by another recipe of the same seed (for 42: the bundled student's) is reused
student() {
  local recipe=$1 seed=$2; shift 2
  local out=$OUT/$recipe/d$seed
  [ "$recipe/$seed" = em/42 ] && return
  [ -f "$out/model.onnx" ] && return
  mkdir -p "$out"
  local base bases=("$OUT"/*/d$seed/baseline)
  [ "$seed" = 42 ] && bases=("$RUNS/student/baseline")
  for base in "${bases[@]}"; do
    [ ! -d "$out/baseline" ] && [ -f "$base/model.onnx" ] && cp -r "$base" "$out/baseline"
  done
  $J distill --teacher "${TEACHER:-$T448}" $DATA --arch student-s --size 224 --epochs 46 --seed "$seed" \
      --split-seed 42 --box-weight 1 --baseline --out "$out" --resume "$@"
}
for seed in 42 43 44; do student a05 "$seed"; done
for seed in 42 43 44; do student a02 "$seed" --alpha 0.2; done
for seed in 42 43 44; do student a00 "$seed" --alpha 0; done

# more students alone at 224 px, and ensembles with them
for seed in 51 52 53; do
  out=$OUT/t224-seed$seed
  [ -f "$out/model.onnx" ] && continue
  $J train $DATA --arch student-s --size 224 --epochs 46 --split-seed 42 --box-weight 1 --seed "$seed" --out "$out" --resume
done
# a wider network alone: student-m (1.07M parameters) at 224 px, 30 epochs (~12 min), seed 61 =
# the bundled teacher's first member
# the bundled student recipe (seed 42) distilled from that student-m network instead
if [ ! -f "$OUT/tm/d42/model.onnx" ]; then
  mkdir -p "$OUT/tm/d42"
  [ -d "$OUT/tm/d42/baseline" ] || cp -r "$RUNS/student/baseline" "$OUT/tm/d42/baseline"
  $J distill --teacher "$RUNS/m224-seed61/model.onnx" $DATA --arch student-s --size 224 --epochs 46 --seed 42 \
      --split-seed 42 --box-weight 1 --baseline --out "$OUT/tm/d42" --resume
fi
M224=("$OUT/t224-seed51/model.onnx" "$OUT/t224-seed52/model.onnx" "$OUT/t224-seed53/model.onnx")
[ -f "$OUT/ens224.onnx" ] || $J ensemble --models "${M224[@]}" --out "$OUT/ens224.onnx"
[ -f "$OUT/ens6.onnx" ] || $J ensemble --models "${M448[@]}" "${M224[@]}" --out "$OUT/ens6.onnx"

# session 9: the bundled recipe (teacher = the three student-m @ 224 members merged, RUNS/teacher.onnx)
# with seeds 43 and 44 (seed 42 is the bundled student)
for seed in 43 44; do TEACHER=$RUNS/teacher.onnx student em "$seed"; done
# and with --alpha 0 (the teacher's CAM only; no soft targets)
for seed in 42 43 44; do TEACHER=$RUNS/teacher.onnx student ea0 "$seed" --alpha 0; done

# score NAME MODEL [scores-only]: calibrated boxes, validation figures into the card, per-image
# scores (scores-only: for the bundled runs, calibrated and evaluated by train-bundled-models.sh)
score() {
  local csv=$OUT/scores/$1.csv m=$2
  [ -f "$csv" ] && return
  if [ "${3:-}" = scores-only ]; then
    $J eval --model "$m" $DATA --split "$SPLIT" --group-by source --scores "$csv.tmp" > /dev/null
  else
    $J calibrate-boxes --model "$m" $DATA --split "$SPLIT" --split-part train --write-card
    $J eval --model "$m" $DATA --split "$SPLIT" --group-by source --shortcut-check --into-card split \
        --json "${m%.onnx}.eval.json" --scores "$csv.tmp"
    $J eval --model "$m" --images $D/tbx11k-extra/images --labels $D/tbx11k-extra/labels.csv --split "$SPLIT" \
        --into-card same_source_split --json "${m%.onnx}.same.json"
  fi
  mv "$csv.tmp" "$csv"
}
score teacher "$RUNS/teacher.onnx" scores-only
score em-d42 "$RUNS/student/model.onnx" scores-only
score base-42 "$RUNS/student/baseline/model.onnx" scores-only
for seed in 61 62 63; do score "m224-$seed" "$RUNS/m224-seed$seed/model.onnx" scores-only; done
score t448 "$T448"
for seed in 43 44; do score "em-d$seed" "$OUT/em/d$seed/model.onnx"; score "base-$seed" "$OUT/em/d$seed/baseline/model.onnx"; done
for r in a05 a02 a00 ea0; do for seed in 42 43 44; do score "$r-d$seed" "$OUT/$r/d$seed/model.onnx"; done; done
for seed in 51 52 53; do score "t224-$seed" "$OUT/t224-seed$seed/model.onnx"; done
score tm-d42 "$OUT/tm/d42/model.onnx"
score ens224 "$OUT/ens224.onnx"
score ens6 "$OUT/ens6.onnx"

S=$OUT/scores
cmp() { $J compare-scores $SS --json "$S/$1.json" "${@:2}" | tee "$S/$1.txt"; }
three() { local name=$1 x=$2 y=$3; cmp "$name" $S/$x-d42.csv $S/$y-42.csv $S/$x-d43.csv $S/$y-43.csv $S/$x-d44.csv $S/$y-44.csv; }
cmp t448-vs-alone $S/t448.csv $S/base-42.csv $S/t448.csv $S/base-43.csv $S/t448.csv $S/base-44.csv
cmp teacher-vs-alone $S/teacher.csv $S/base-42.csv $S/teacher.csv $S/base-43.csv $S/teacher.csv $S/base-44.csv
cmp m224-vs-alone $S/m224-61.csv $S/base-42.csv $S/m224-62.csv $S/base-43.csv $S/m224-63.csv $S/base-44.csv
cmp tm-vs-alone $S/tm-d42.csv $S/base-42.csv
for r in a05 a02 a00 em ea0; do three "$r-vs-alone" "$r" base; done
cmp em-vs-a05 $S/em-d42.csv $S/a05-d42.csv $S/em-d43.csv $S/a05-d43.csv $S/em-d44.csv $S/a05-d44.csv
