#!/usr/bin/env bash
# Builds the .deb and checks it the way a clinic would use it, without installing it
# system-wide: unpacks it with `dpkg -x` into a scratch root, then runs the installed
# launcher with the network cut off (`unshare -n`) and a fresh, empty user home:
#   1. package contents: launcher, runtime, desktop entry, icon, .dcm association, models
#   2. `engines --inference-only`: ONNX Runtime starts, and libtorch is NOT unpacked
#   3. `predict` on a sample image with the bundled student model
#   4. `engines`: PyTorch (training) starts offline; libtorch unpacked once into the user's
#      cache, and a second start reuses it
#   5. the GUI starts from the installed launcher under Xvfb; screenshot saved
# Usage: installer/check-deb.sh              (builds with mvn -Pinstaller package -DskipTests)
#        CXR_DEB=path/to.deb installer/check-deb.sh   (checks an existing .deb)
# Env: CXR_MODEL=model for predict when the package bundles no models/student.onnx;
#      CXR_SAMPLE=image to predict on (default: a bundled sample, else one from
#      ../shared/data/nih-cxr14); CXR_CHECK_OUT=dir for logs + screenshot
#      (default target/installer/check). Exit code 1 if any check FAILs.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUTDIR=${CXR_CHECK_OUT:-$ROOT/target/installer/check}
RESULTS=()
fails=0
pass() { RESULTS+=("PASS  $1"); echo "PASS  $1"; }
fail() { RESULTS+=("FAIL  $1"); echo "FAIL  $1"; fails=$((fails + 1)); }
skip() { RESULTS+=("SKIP  $1"); echo "SKIP  $1"; }

# The shared chest X-ray data (read-only): ../shared/data from the project (as surefire),
# or from the folder above for a git worktree.
SHARED=${CXR_SHARED_DATA:-../shared/data}
[ -d "$SHARED" ] || SHARED=../../shared/data
DEB=${CXR_DEB:-}
for tool in fakeroot zip; do
  if ! command -v $tool >/dev/null && [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $tool) >/dev/null 2>&1
  fi
done
if [ -z "$DEB" ]; then
  echo "== building the .deb (mvn -Pinstaller package -DskipTests)"
  if [ -n "${CXR_SAMPLES_DIR:-}" ]; then :; else
    # Bundle two NIH ChestX-ray14 films (released without usage restrictions) as samples.
    if [ -d $SHARED/nih-cxr14/images ]; then
      export CXR_SAMPLES_DIR=$ROOT/target/installer-samples
      rm -rf "$CXR_SAMPLES_DIR"; mkdir -p "$CXR_SAMPLES_DIR"
      for f in $(tr -d '\r' <"$SHARED/nih-cxr14/labels.csv" | awk -F, '$2=="no_finding" && $9=="PA" {print $1}' | head -2); do
        cp "$SHARED/nih-cxr14/images/$f" "$CXR_SAMPLES_DIR/"
      done
      echo "Sample films from NIH ChestX-ray14 (Wang et al., CVPR 2017), NIH Clinical Center." \
        > "$CXR_SAMPLES_DIR/SOURCE.txt"
    fi
  fi
  mvn -B -q -ntp -Pinstaller package -DskipTests || { echo "FAIL  build"; exit 1; }
  DEB=$(ls -t target/installer/*.deb | head -1)
fi
[ -f "$DEB" ] || { echo "FAIL  no .deb at '$DEB'"; exit 1; }

SCRATCH=$(mktemp -d /tmp/cxr-deb-check.XXXXXX)
trap 'rm -rf "$SCRATCH"' EXIT
mkdir -p "$OUTDIR" "$SCRATCH/home"
dpkg -x "$DEB" "$SCRATCH/root"
PKG=$(dpkg-deb -f "$DEB" Package)     # cxr-studio, or cxr-studio-gpu
APP=$SCRATCH/root/opt/$PKG
LAUNCHER=$APP/bin/cxr-studio
echo "== $DEB: $(du -m "$DEB" | cut -f1) MB file, Installed-Size $(( $(dpkg-deb -f "$DEB" Installed-Size) / 1024 )) MB, unpacked into $SCRATCH/root"

# Every run of the installed app: no network, a fresh user home (so ~/.djl.ai starts empty).
NET=()
if unshare -n true 2>/dev/null; then NET=(unshare -n); else echo "WARNING: unshare -n unavailable: network NOT cut"; fi
export JAVA_TOOL_OPTIONS="-Duser.home=$SCRATCH/home"
run() { timeout 300 "${NET[@]}" "$LAUNCHER" "$@"; }
CACHE=$SCRATCH/home/.djl.ai

# 1. contents
[ -x "$LAUNCHER" ] && pass "launcher $LAUNCHER" || fail "launcher missing"
[ -f "$APP/lib/runtime/release" ] && pass "bundled runtime: $(grep JAVA_VERSION= "$APP/lib/runtime/release")" \
  || fail "bundled runtime missing"
desk=$(ls "$APP"/lib/*.desktop 2>/dev/null | head -1)
if [ -n "$desk" ] && grep -q "^Exec=/opt/$PKG/bin/cxr-studio" "$desk" && grep -q "MimeType=application/dicom" "$desk"; then
  pass "desktop entry $(basename "$desk") (Exec + .dcm MimeType)"
else fail "desktop entry missing or wrong"; fi
[ -f "$APP/lib/cxr-studio.png" ] && pass "icon" || fail "icon missing"
dpkg-deb -f "$DEB" Depends | grep -q 'libopenjp2-7' && pass "Depends names libopenjp2-7 (fast JPEG 2000)" \
  || fail "Depends lacks libopenjp2-7: $(dpkg-deb -f "$DEB" Depends)"
if [ -d models ] && [ -n "$(ls -A models 2>/dev/null)" ]; then
  diff -rq models "$APP/lib/app/models" >/dev/null && pass "models/ bundled: $(ls models | tr '\n' ' ')" \
    || fail "bundled models differ from models/"
else skip "no models/ in the project to bundle"; fi

# 2. inference engine alone, offline; must not unpack libtorch
if run engines --inference-only >"$OUTDIR/engines-inference.log" 2>&1; then
  pass "offline: ONNX Runtime starts ($(grep "^OnnxRuntime" "$OUTDIR/engines-inference.log" | tr -s ' '))"
else fail "offline: ONNX Runtime did not start (see $OUTDIR/engines-inference.log)"; fi
[ ! -d "$CACHE/pytorch" ] && pass "no libtorch unpacked by a plain start" || fail "libtorch unpacked without training use"

# 3. predict on a sample image with the bundled student
SAMPLE=${CXR_SAMPLE:-$(ls "$APP"/lib/app/samples/*.png 2>/dev/null | head -1)}
[ -z "$SAMPLE" ] && SAMPLE=$(ls $SHARED/nih-cxr14/images/*.png 2>/dev/null | head -1)
MODEL=$APP/lib/app/models/student.onnx
MODEL_NOTE="bundled student"
if [ ! -f "$MODEL" ] && [ -n "${CXR_MODEL:-}" ]; then MODEL=$CXR_MODEL; MODEL_NOTE="NOT bundled: CXR_MODEL=$CXR_MODEL"; fi
if ! run --help 2>/dev/null | grep -qE '^ +predict'; then
  skip "predict: no 'predict' command in this build"
elif [ ! -f "$MODEL" ]; then
  skip "predict: no bundled models/student.onnx (set CXR_MODEL to try another model)"
elif [ -z "$SAMPLE" ]; then
  skip "predict: no sample image"
elif run predict --model "$MODEL" "$SAMPLE" >"$OUTDIR/predict.log" 2>&1; then
  pass "offline predict ($MODEL_NOTE) on $(basename "$SAMPLE"): $(grep -v -E 'WARN|INFO|Picked up' "$OUTDIR/predict.log" | head -3 | tr '\n' ' ')"
else fail "offline predict failed (see $OUTDIR/predict.log): $(tail -2 "$OUTDIR/predict.log" | tr '\n' ' ')"; fi

# 4. training engine offline: first use unpacks libtorch once, second start reuses it
if run engines >"$OUTDIR/engines-1.log" 2>&1 && grep -q "PyTorch .*OK" "$OUTDIR/engines-1.log"; then
  pass "offline: PyTorch starts on first use ($(grep PyTorch "$OUTDIR/engines-1.log" | grep OK | tr -s ' '))"
else fail "offline: PyTorch did not start (see $OUTDIR/engines-1.log)"; fi
[ -d "$CACHE/pytorch" ] && pass "libtorch unpacked to the user cache: $(du -sm "$CACHE" | cut -f1) MB" \
  || fail "no libtorch in $CACHE"
run engines >"$OUTDIR/engines-2.log" 2>&1
grep -q "Extracting" "$OUTDIR/engines-2.log" && fail "second start unpacked libtorch again" \
  || pass "second start reuses the unpacked libtorch"

# 5. GUI under Xvfb, opened on the sample image: must still be running after 15 s;
#    screenshot of the whole screen
if command -v xvfb-run >/dev/null; then
  rm -f "$OUTDIR/gui.png"
  timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    "$0" $2 >"$1/gui.log" 2>&1 & pid=$!
    sleep 15
    if kill -0 $pid 2>/dev/null; then import -window root "$1/gui.png"; kill $pid; wait $pid; exit 0; fi
    exit 1' "$LAUNCHER" "$OUTDIR" "$SAMPLE"
  rc=$?
  if [ $rc = 0 ] && [ -s "$OUTDIR/gui.png" ]; then pass "GUI starts from the installed launcher (screenshot $OUTDIR/gui.png)"
  else fail "GUI did not stay up under Xvfb (rc $rc; see $OUTDIR/gui.log: $(grep -v -E 'WARN|Picked up' "$OUTDIR/gui.log" | head -2 | tr '\n' ' '))"; fi
else skip "GUI: xvfb-run not installed"; fi

echo; echo "== summary ($DEB)"; printf '%s\n' "${RESULTS[@]}"
[ $fails = 0 ]
