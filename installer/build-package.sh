#!/usr/bin/env bash
# Builds the native installer from target/cxr-studio.jar + target/lib (made by `mvn package`).
# Normally run by Maven:  mvn -Pinstaller package [-DskipTests] [-Pcuda]
# Usage: installer/build-package.sh [deb|rpm|app-image|msi|dmg] [version]
# Output: target/installer/<package file>; the staged app in target/installer/input.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TYPE=${1:-deb}
VERSION=${2:-0.1.0}
VERSION=${VERSION%%-*}            # jpackage wants numeric versions: 0.1.0-SNAPSHOT -> 0.1.0
OUT=$ROOT/target/installer
JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}
# Modules the app and its libraries need (jdeps over the jars + JavaFX's module requires);
# everything else of the JDK stays out of the bundled runtime.
MODULES=java.base,java.compiler,java.datatransfer,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.jsobject,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs,jdk.crypto.ec

# The runtime jars of THIS build: -Pinstaller copies them into a folder that this script
# removes afterwards, so a -Pcuda build never mixes with jars of an earlier CPU build.
LIB=target/installer-lib
[ -d "$LIB" ] || LIB=target/lib
[ -f target/cxr-studio.jar ] && [ -d "$LIB" ] \
  || { echo "error: target/cxr-studio.jar or $LIB missing: run 'mvn -Pinstaller package'" >&2; exit 1; }

case "$(uname -s)" in
  Linux) PLATFORM=linux ;; Darwin) PLATFORM=macos ;; MINGW*|MSYS*|CYGWIN*) PLATFORM=windows ;;
  *) echo "error: unsupported build OS $(uname -s)" >&2; exit 1 ;;
esac

FLAVOUR=cpu
ls "$LIB"/onnxruntime_gpu-*.jar >/dev/null 2>&1 && FLAVOUR=gpu
PKG_NAME=cxr-studio; [ $FLAVOUR = gpu ] && PKG_NAME=cxr-studio-gpu

echo "== staging ($FLAVOUR flavour) in $OUT/input"
rm -rf "$OUT"; mkdir -p "$OUT/input/lib"
cp target/cxr-studio.jar "$OUT/input/"
cp "$LIB"/*.jar "$OUT/input/lib/"
[ "$LIB" = target/installer-lib ] && rm -rf "$LIB"
# ONNX Runtime ships natives for every OS in one jar (137 MB); keep only this platform's.
if [ $PLATFORM = linux ]; then
  for j in "$OUT"/input/lib/onnxruntime*.jar; do
    zip -q -d "$j" 'ai/onnxruntime/native/osx-*' 'ai/onnxruntime/native/win-*' \
      'ai/onnxruntime/native/linux-aarch64/*' >/dev/null || true
  done
fi
# Bundled models: whatever models/ holds right now (may be empty before training).
mkdir -p "$OUT/input/models"
if [ -d models ] && [ -n "$(ls -A models 2>/dev/null)" ]; then
  cp -r models/. "$OUT/input/models/"
  echo "   models: $(ls models | tr '\n' ' ')"
else
  echo "   WARNING: models/ is empty or missing: the package will have no bundled model" >&2
fi
# Sample images: CXR_SAMPLES_DIR (a folder of images) and the project's committed synthetic
# samples (sample-images/ from `make-samples`, or samples/).
mkdir -p "$OUT/input/samples"
for SAMPLES in ${CXR_SAMPLES_DIR:-} sample-images samples; do
  [ -d "$SAMPLES" ] || continue
  find "$SAMPLES" -maxdepth 1 -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.dcm' -o -iname '*.txt' -o -iname '*.md' \) \
    -exec cp {} "$OUT/input/samples/" \;
  echo "   samples: $(ls "$SAMPLES" | wc -l) entries in $SAMPLES"
done

# Desktop entry with this flavour's install path (/opt/<package>).
mkdir -p "$OUT/resources"
sed "s#/opt/cxr-studio/#/opt/$PKG_NAME/#g" installer/jpackage/linux-resources/cxr-studio.desktop \
  > "$OUT/resources/cxr-studio.desktop"

echo "== jlink runtime"
"${JAVA_BIN}jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$OUT/runtime"

# The system's OpenJPEG, for the fast JPEG 2000 decode (JNA binds libopenjp2.so.7; without it
# the app falls back to the pure-Java decoder). jpackage appends this to the Depends it computes.
DEPS=()
case "$TYPE" in
  deb) DEPS=(--linux-package-deps libopenjp2-7) ;;
  rpm) DEPS=(--linux-package-deps openjpeg2) ;;
esac

echo "== jpackage --type $TYPE"
"${JAVA_BIN}jpackage" --type "$TYPE" @installer/jpackage/common.args @installer/jpackage/$PLATFORM.args \
  $( [ $PLATFORM = linux ] && echo "--linux-package-name $PKG_NAME --resource-dir $OUT/resources" ) "${DEPS[@]}" \
  --input "$OUT/input" --runtime-image "$OUT/runtime" --dest "$OUT" --app-version "$VERSION"
ls -l "$OUT" | grep -v -E ' (input|runtime)$'
