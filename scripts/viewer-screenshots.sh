#!/usr/bin/env bash
# Real-window screenshots of the viewer under Xvfb (needs xvfb, xdotool, imagemagick, libgtk-3-0).
# Usage: scripts/viewer-screenshots.sh IMAGE [OUT_DIR]          -> viewer.png, compare.png
#        scripts/viewer-screenshots.sh --folder DIR [OUT_DIR]   -> folder.png
#        scripts/viewer-screenshots.sh --locale fr IMAGE [OUT_DIR] -> viewer-fr.png, compare-fr.png
# (--locale LANG starts the app with that system language, as a user whose desktop is in LANG;
# it goes first, before --folder.)
# (run after `mvn package -DskipTests`; models are found as the app does: models/student.onnx and
# models/teacher.onnx in the working directory or beside the jar; CXR_RUN_DIR sets the working
# directory, CXR_JAR the jar).
# --folder starts the app without a file from a temporary working directory whose sample-images/
# is DIR, so the folder list offers DIR's images (sorted by name); it opens the first file with →,
# steps to the second and back three times (the log lists the open→overlay time of every visit:
# visits 2-4 of the first file are warm), then presses → twice and captures the third file.
set -euo pipefail
lang=""
if [ "${1:-}" = --locale ]; then lang=${2:?--locale needs a language such as fr}; shift 2; fi
suffix=${lang:+-$lang}
javaopts="-Dprism.order=sw${lang:+ -Duser.language=$lang}"
mode=image
if [ "${1:-}" = --folder ]; then mode=folder; shift; fi
src=${1:?usage: viewer-screenshots.sh IMAGE|--folder DIR [OUT_DIR]}
out=${2:-docs/screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd)
jar=${CXR_JAR:-$PWD/target/cxr-studio.jar}
log=$(mktemp /tmp/cxr-viewer-shot.XXXXXX)  # one per run: runs in parallel do not mix logs
run=${CXR_RUN_DIR:-$PWD}
if [ $mode = folder ]; then
  src=$(cd "$src" && pwd)
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  ln -s "$src" "$tmp/sample-images"
  [ -d "$run/models" ] && ln -s "$(cd "$run/models" && pwd)" "$tmp/models"
  run=$tmp
else
  src=$(cd "$(dirname "$src")" && pwd)/$(basename "$src")
fi
cd "$run"
xvfb-run -a -s "-screen 0 1600x1000x24" bash -s "$mode" "$src" "$out" "$jar" "$log" "$suffix" "$javaopts" <<'INNER'
set -euo pipefail
mode=$1; src=$2; out=$3; jar=$4; log=$5; suffix=$6; javaopts=$7
# waits until the log holds at least N lines matching PATTERN (30 s at most)
wait_for() { for i in $(seq 1 60); do [ "$(grep -c "$2" "$log" || true)" -ge "$1" ] && return 0; sleep 0.5; done; echo "timed out waiting for $2" >&2; }
if [ $mode = folder ]; then
  java $javaopts -jar "$jar" > "$log" 2>&1 &
else
  java $javaopts -jar "$jar" "$src" > "$log" 2>&1 &
fi
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
if [ $mode = folder ]; then
  wait_for 1 "loaded .*student"
  sleep 2
else
  wait_for 1 "open→overlay"
  sleep 1
fi
wid=$(xdotool search --name "CXR Studio" | head -1)
xdotool windowmove "$wid" 0 0 windowsize "$wid" 1600 1000 windowactivate "$wid" 2>/dev/null || true
sleep 1.5
if [ $mode = folder ]; then
  xdotool mousemove 800 500 click 1
  n=0
  for key in Right Right Left Right Left Right Left Right Right; do
    xdotool key $key
    n=$((n + 1))
    wait_for $n "open→overlay"
    sleep 0.5
  done
  sleep 3   # thumbnails
  import -window root "$out/folder$suffix.png"
  exit 0
fi
import -window root "$out/viewer$suffix.png"
xdotool mousemove 700 500 click 1 key c
wait_for 1 "agreement"
sleep 2
import -window root "$out/compare$suffix.png"
INNER
grep -E "open→overlay|agreement|loaded|ERROR|WARN" "$log" | grep -v "Unsupported JavaFX" || true
if [ $mode = folder ]; then echo "wrote $out/folder$suffix.png"; else echo "wrote $out/viewer$suffix.png $out/compare$suffix.png"; fi
