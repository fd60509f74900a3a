#!/usr/bin/env bash
# Real-window screenshots of the viewer under Xvfb (needs xvfb, xdotool, imagemagick, libgtk-3-0).
# Usage: scripts/viewer-screenshots.sh IMAGE [OUT_DIR]   (run after `mvn package -DskipTests`;
# models are found as the app does: models/student.onnx and models/teacher.onnx in the working
# directory or beside the jar; CXR_RUN_DIR sets the working directory, CXR_JAR the jar)
set -euo pipefail
img=${1:?usage: viewer-screenshots.sh IMAGE [OUT_DIR]}
out=${2:-docs/screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd)
img=$(cd "$(dirname "$img")" && pwd)/$(basename "$img")
jar=${CXR_JAR:-$PWD/target/cxr-studio.jar}
cd "${CXR_RUN_DIR:-$PWD}"
xvfb-run -a -s "-screen 0 1600x1000x24" bash -s "$img" "$out" "$jar" <<'INNER'
set -euo pipefail
img=$1; out=$2; jar=$3
java -Dprism.order=sw -jar "$jar" "$img" > /tmp/cxr-viewer-shot.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for i in $(seq 1 60); do
  grep -q "open→overlay" /tmp/cxr-viewer-shot.log && break
  sleep 0.5
done
sleep 1
wid=$(xdotool search --name "CXR Studio" | head -1)
xdotool windowmove "$wid" 0 0 windowsize "$wid" 1600 1000 windowactivate "$wid" || true
sleep 1.5
import -window root "$out/viewer.png"
xdotool mousemove 700 500 click 1 key c
for i in $(seq 1 60); do
  grep -q "agreement" /tmp/cxr-viewer-shot.log && break
  sleep 0.5
done
sleep 2
import -window root "$out/compare.png"
INNER
grep -E "open→overlay|agreement|ERROR|WARN" /tmp/cxr-viewer-shot.log || true
echo "wrote $out/viewer.png $out/compare.png"
