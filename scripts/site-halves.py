#!/usr/bin/env python3
"""Splits a labels.csv into two halves for a site-calibration check: within each (source, label)
group, files in name order alternate between 'train' (calibrate here) and 'val' (evaluate here).
Usage: scripts/site-halves.py LABELS.csv OUT.csv  -> OUT.csv with columns filename,split."""
import csv, sys
from collections import defaultdict
groups = defaultdict(list)
with open(sys.argv[1], newline='') as f:
    for row in csv.DictReader(f):
        src = row.get('source', '').replace('da_db_png', 'da_db').replace('da_db_jpg', 'da_db')
        groups[(src, row['label'])].append(row['filename'])
with open(sys.argv[2], 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['filename', 'split'])
    for key in sorted(groups):
        for i, name in enumerate(sorted(set(groups[key]))):
            w.writerow([name, 'train' if i % 2 == 0 else 'val'])
