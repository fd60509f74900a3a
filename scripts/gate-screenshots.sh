#!/usr/bin/env bash
# Real-window screenshots of the input gate and the site threshold under Xvfb
# (needs xvfb, xdotool, imagemagick, libgtk-3-0; run after `mvn package -DskipTests`).
# Usage: scripts/gate-screenshots.sh PHOTO FILM SITE.json [OUT_DIR]
#   -> gate-refused.png (the viewer refusing PHOTO), gate-refused-fr.png (the same in French) and
#      site-threshold.png (FILM scored against the site profile SITE.json, e.g. one made by
#      calibrate-threshold; docs/site-calibration.md)
set -euo pipefail
photo=$(realpath "${1:?usage: gate-screenshots.sh PHOTO FILM SITE.json [OUT_DIR]}")
film=$(realpath "${2:?FILM}"); site=$(realpath "${3:?SITE.json}")
out=${4:-docs/screenshots}; mkdir -p "$out"; out=$(cd "$out" && pwd)
jar=${CXR_JAR:-$PWD/target/cxr-studio.jar}
shot() {  # shot NAME LANGUAGE ARGS...: starts the app in LANGUAGE with ARGS, waits for the result, captures the screen
  local name=$1 language=$2; shift 2
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    out=$1; name=$2; jar=$3; language=$4; shift 4
    log=$(mktemp)
    java -Dprism.order=sw -Duser.language="$language" -jar "$jar" "$@" > "$log" 2>&1 &
    pid=$!
    for i in $(seq 1 80); do grep -qE "open→overlay|refused by the input gate|not scored" "$log" && break; sleep 0.5; done
    sleep 3
    wid=$(xdotool search --name "CXR Studio" | head -1)
    xdotool windowmove "$wid" 0 0 windowsize "$wid" 1600 1000 windowactivate "$wid" 2>/dev/null || true
    sleep 2
    import -window root "$out/$name.png"
    kill $pid 2>/dev/null || true
    grep -E "refused|open→overlay|ERROR" "$log" | head -3 || true' _ "$out" "$name" "$jar" "$language" "$@"
}
shot gate-refused en "$photo"
shot gate-refused-fr fr "$photo"
shot site-threshold en "--site=$site" "$film"
echo "wrote $out/gate-refused.png $out/gate-refused-fr.png $out/site-threshold.png"
