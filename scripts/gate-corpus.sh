#!/usr/bin/env bash
# A corpus of wrong inputs of kinds the shared data has none of, for ExternalCorpusGateTest
# (docs/gate.md, "Measured"): the test images that three Debian packages ship, unpacked without
# installing anything (apt-get download + dpkg -x):
#   python3-pydicom          DICOM test files: CT, MR, NM, US, secondary captures, RT, SR, ECG,
#                            and broken ones (truncated, no meta, 1- and 32-bit pixels);
#   insighttoolkit5-examples MR brain slices, a visible-human cryosection, segmentation masks, patterns;
#   python3-skimage          photographs, a page of text, micrographs, a retina, a phantom, textures.
# None of it was used to set the gate. Takes a few seconds; needs Debian apt (no root).
#
#   scripts/gate-corpus.sh [DIR]      (default target/gate-corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/gate-corpus}
PKGS=(python3-pydicom insighttoolkit5-examples python3-skimage)
PINNED=(python3-pydicom=2.3.1-1 insighttoolkit5-examples=5.2.1-5+deb12u1 python3-skimage=0.19.3-8)  # as measured in docs/gate.md
command -v apt-get >/dev/null && command -v dpkg >/dev/null || { echo "gate-corpus: needs apt-get and dpkg"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
download() { (cd "$work" && apt-get download "$@" >/dev/null 2>&1); }
# the measured versions when the archive has them, else the current ones (SOURCES.txt says which);
# a fresh machine may have no package lists yet: update them once (as root) and try again
fetch() { download "${PINNED[@]}" || download "${PKGS[@]}"; }
fetch || { [ "$(id -u)" = 0 ] && apt-get update -qq >/dev/null 2>&1 && fetch; } \
  || { echo "gate-corpus: apt-get download ${PKGS[*]} failed"; exit 2; }
for deb in "$work"/*.deb; do dpkg -x "$deb" "$work/x"; done
new="$work/corpus"
mkdir -p "$new"/{pydicom,itk,skimage}
cp "$work"/x/usr/lib/python3/dist-packages/pydicom/data/test_files/*.dcm "$new/pydicom/"
cp "$work"/x/usr/share/doc/insighttoolkit5-examples/examples/Data/*.png "$new/itk/"
cp "$work"/x/usr/lib/python3/dist-packages/skimage/data/*.png "$work"/x/usr/lib/python3/dist-packages/skimage/data/*.jpg "$new/skimage/"
for deb in "$work"/*.deb; do echo "$(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)"; done > "$new/SOURCES.txt"
# only a complete corpus replaces the old one
rm -rf "$OUT" && mkdir -p "$(dirname "$OUT")" && mv "$new" "$OUT"
echo "gate-corpus: $(find "$OUT" -type f ! -name SOURCES.txt | wc -l) files in $OUT ($(paste -sd',' "$OUT/SOURCES.txt"))"
