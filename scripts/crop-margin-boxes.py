#!/usr/bin/env python3
"""How much ground-truth box area a border crop removes.

Usage: scripts/crop-margin-boxes.py LABELS.csv IMAGES_DIR [FRACTION]   (default 0.08)
Counts the boxes (x1,y1,x2,y2 in image pixels) that reach into the margin of
round(FRACTION*side) pixels per side (as core.imaging.CropRegion.of) and the mean
share of box area lying in it. PNG only (image size from the IHDR header).
"""
import csv
import struct
import sys


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n':
        sys.exit(f"{path}: not a PNG")
    return struct.unpack('>II', head[16:24])


def main():
    labels, images = sys.argv[1], sys.argv[2]
    frac = float(sys.argv[3]) if len(sys.argv) > 3 else 0.08
    n = touching = 0
    lost = 0.0
    for r in csv.DictReader(open(labels, newline='')):
        if not r.get('x1'):
            continue
        w, h = png_size(f"{images}/{r['filename']}")
        x1, y1, x2, y2 = (float(r[k]) for k in ('x1', 'y1', 'x2', 'y2'))
        mx = min((w - 1) // 2, int(frac * w + 0.5))  # Math.round, as CropRegion.of
        my = min((h - 1) // 2, int(frac * h + 0.5))
        area = (x2 - x1) * (y2 - y1)
        inside = max(0.0, min(x2, w - mx) - max(x1, mx)) * max(0.0, min(y2, h - my) - max(y1, my))
        n += 1
        if inside < area:
            touching += 1
            lost += (area - inside) / area
    print(f"{n} boxes, {touching} reach into the {frac:.0%} margin, "
          f"{lost / max(n, 1):.2%} of box area (mean over boxes) lies in it")


if __name__ == '__main__':
    main()
