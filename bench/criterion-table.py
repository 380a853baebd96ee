#!/usr/bin/env python3
"""Markdown tables of criterion medians: python3 bench/criterion-table.py [TARGET_DIR]

Reads TARGET_DIR/criterion/GROUP/FUNCTION/CHART/new/estimates.json (written by
`cargo bench --bench stages`) and prints one table per group: a row per function, a column
per chart (the median, in µs or ms). Standard library only.
"""
import glob, json, os, sys

root = os.path.join(sys.argv[1] if len(sys.argv) > 1 else "target", "criterion")
groups = {}
for path in sorted(glob.glob(f"{root}/**/new/estimates.json", recursive=True)):
    bench = json.load(open(os.path.join(os.path.dirname(path), "benchmark.json")))
    median_ns = json.load(open(path))["median"]["point_estimate"]
    g = bench["group_id"]
    fn = bench.get("function_id") or bench.get("value_str") or ""
    col = bench.get("value_str") or "-"
    if bench.get("function_id") is None:  # plain bench_function in a group
        fn, col = bench["value_str"] or bench["full_id"].split("/")[-1], "-"
    groups.setdefault(g, {}).setdefault(fn, {})[col] = median_ns


def show(ns):
    return f"{ns / 1e6:.2f} ms" if ns >= 1e6 else f"{ns / 1e3:.1f} µs"


for g, rows in groups.items():
    cols = []
    for r in rows.values():
        cols += [c for c in r if c not in cols]
    print(f"\n`{g}` (median)\n")
    print("| " + " | ".join(["step"] + cols) + " |")
    print("|" + "---|" * (len(cols) + 1))
    for fn in sorted(rows):
        print("| " + " | ".join([fn] + [show(rows[fn][c]) if c in rows[fn] else "-" for c in cols]) + " |")
