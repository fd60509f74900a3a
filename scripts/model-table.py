#!/usr/bin/env python3
"""Markdown tables of validation figures from `eval --json` reports (the README's model table).

usage: scripts/model-table.py NAME=ALL.json[,SAME.json] ...
  ALL.json  : eval on the whole validation split with --group-by source --shortcut-check
  SAME.json : (optional) eval on the same-source images only (tbx11k-extra), for pooled
              same-source AUC and specificity at 90 % sensitivity
"""
import json
import sys


def f(v):
    return "–" if v is None else f"{v:.3f}"


def sep(report, cls, a, b):
    for s in report.get("shortcut_check") or []:
        if s["class"] == cls and {s["source_a"], s["source_b"]} == {a, b}:
            return s["separability"]
    return None


rows = []
for arg in sys.argv[1:]:
    name, files = arg.split("=", 1)
    parts = files.split(",")
    r = json.load(open(parts[0]))
    same = json.load(open(parts[1])) if len(parts) > 1 else None
    g = r.get("groups", {})
    auc = lambda k: g.get(k, {}).get("auc")
    rows.append([name, f(auc("shenzhen")), f(auc("montgomery")), f(auc("da_db")),
                 f(same["auc"]) if same else "–", f(same["specificity_at_sens90"]) if same else "–",
                 f(r["auc"]), f(r["specificity_at_sens90"]), f(r["miou"]), f(r["box_recall_iou30"]),
                 f(sep(r, "tb", "tbx11k-tb", "shenzhen")), f(sep(r, "non_tb", "nih-cxr14", "shenzhen"))])

head = ["model", "Shenzhen AUC", "Montgomery AUC", "DA/DB AUC", "same-source AUC", "same-source spec@sens90",
        "pooled AUC", "pooled spec@sens90", "mIoU", "box recall@0.3",
        "shortcut TB: TBX11K vs Shenzhen", "shortcut normal: NIH vs Shenzhen"]
print("| " + " | ".join(head) + " |")
print("|" + "---|" * len(head))
for row in rows:
    print("| " + " | ".join(row) + " |")
