#!/usr/bin/env python3
"""Counting rows by group, side by side: python3 bench/agg.py   (from the repository root)

On a generated CSV of records (four columns: id,region,product,amount; 1,000,000 rows, about
30 MB), one run measures, each as a fresh process:
  sharechart  sharechart bar big.csv --label region --agg count --top 10 -o c.svg
  awk         awk -F, 'NR>1{c[$2]++} END{for(k in c) print k, c[k]}' big.csv
  pandas      read_csv + groupby("region").size() + matplotlib bar + savefig (SVG), if installed
wall time (median of RUNS runs after one warm-up) and peak RSS (GNU time, /usr/bin/time -f %M,
the "Maximum resident set size" of `time -v`). Then the growth of sharechart's time and peak
memory from 10^4 to 10^7 rows (awk beside it), drawn by sharechart itself, and the check that
memory does not grow with the file: the peak at 10^7 rows must be within MARGIN_MIB of the
peak at 10^5 rows (exit status 1 otherwise), and the targets of issue 13 (sharechart no slower
than awk at 10^6 rows, at most 32 MiB) are checked the same way.

Writes bench/results/agg.csv, agg-growth.csv, agg-growth-time.svg/png,
agg-growth-memory.svg/png and agg-conditions.txt; the generated files go to bench/out/agg/
(git-ignored; 10^7 rows is about 300 MB). Environment: SHARECHART (binary, default
target/release/sharechart), RUNS (default 5), MAX_ROWS (default 10000000), MARGIN_MIB (2).
"""
import csv
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SC = os.path.abspath(os.environ.get("SHARECHART", os.path.join(ROOT, "target/release/sharechart")))
RUNS = int(os.environ.get("RUNS", "5"))
MAX_ROWS = int(os.environ.get("MAX_ROWS", "10000000"))
MARGIN_MIB = float(os.environ.get("MARGIN_MIB", "2"))
OUT = os.path.join(ROOT, "bench/out/agg")
RES = os.path.join(ROOT, "bench/results")
TIME = "/usr/bin/time"
AWK = ["awk", "-F,", "NR>1{c[$2]++} END{for(k in c) print k, c[k]}"]
REGIONS = ["North", "South", "East", "West", "Centre", "Northeast", "Northwest", "Southeast",
           "Southwest", "Coast", "Highlands", "Islands", "Delta", "Valley", "Plains", "Capital"]
PANDAS = """
import sys, pandas as pd, matplotlib
matplotlib.use("svg")
import matplotlib.pyplot as plt
counts = pd.read_csv(sys.argv[1]).groupby("region").size().nlargest(10)
ax = counts.plot.bar(title="Big")
ax.set_ylabel("Count of rows")
plt.tight_layout()
plt.savefig(sys.argv[2])
"""


def generate(rows):
    """id,region,product,amount with `rows` rows (about 30 bytes a row), made once."""
    path = os.path.join(OUT, f"rows-{rows}.csv")
    if os.path.exists(path):
        return path
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("id,region,product,amount\n")
        chunk = []
        for i in range(1, rows + 1):
            # Deterministic, groups of uneven size: the square of a pseudo-random 0..1.
            r = REGIONS[int(16 * ((i * 2654435761 % 2**32) / 2**32) ** 2)]
            chunk.append(f"{i},{r},Prod{i * 13 % 97:03d},{(i * 7907) % 1000000 / 100:.2f}\n")
            if len(chunk) == 100000:
                f.write("".join(chunk))
                chunk = []
        f.write("".join(chunk))
    os.rename(tmp, path)
    return path


def run_once(cmd):
    """Wall seconds of one fresh process, output discarded."""
    devnull = os.open(os.devnull, os.O_RDWR)
    fa = [(os.POSIX_SPAWN_DUP2, devnull, i) for i in (0, 1, 2)]
    t0 = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=fa)
    _, status, _ = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed")
    return wall


def peak_mib(cmd):
    """Peak resident memory (MiB) of one run under GNU time."""
    path = os.path.join(OUT, ".peak")
    subprocess.run([TIME, "-f", "%M", "-o", path, *cmd], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(path) as f:
        return int(f.read().split()[-1]) / 1024.0


def measure(cmd, runs):
    run_once(cmd)
    wall = statistics.median(run_once(cmd) for _ in range(runs))
    return round(wall * 1e3, 1), round(peak_mib(cmd), 1)


def tools(data):
    out = os.path.join(OUT, "c.svg")
    t = {"sharechart": [SC, "bar", data, "--label", "region", "--agg", "count", "--top", "10",
                        "-o", out],
         "awk": AWK + [data]}
    try:
        subprocess.run([sys.executable, "-c", "import pandas, matplotlib"], check=True,
                       capture_output=True)
        t["pandas"] = [sys.executable, "-c", PANDAS, data, os.path.join(OUT, "pandas.svg")]
    except subprocess.CalledProcessError:
        print("pandas or matplotlib missing: pip install pandas matplotlib", file=sys.stderr)
    return t


def write_csv(name, rows):
    with open(os.path.join(RES, name), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def plot(name, rows, col, title, subtitle):
    """A grouped bar chart of the growth, one bar per tool, drawn by sharechart."""
    data = os.path.join(OUT, f"{name}.csv")
    with open(data, "w", newline="") as f:
        w = csv.writer(f)
        # Not "sharechart" as a header: a header with "share" in it marks percentages.
        w.writerow(["rows", "sc", "awk"])
        by = {}
        for r in rows:
            by.setdefault(r["rows"], {})[r["tool"]] = r[col]
        for n, v in by.items():
            w.writerow([f"{n:,}", v.get("sharechart", ""), v.get("awk", "")])
    subprocess.run([SC, "bar", data, "--label", "rows", "--title", title, "--subtitle", subtitle,
                    "--source", "bench/agg.py (BENCHMARKS.md)",
                    "--legend", "sharechart", "--legend", "awk",
                    "-o", os.path.join(RES, f"{name}.svg"),
                    "-o", os.path.join(RES, f"{name}.png")], check=True)


def main():
    if not os.access(SC, os.X_OK):
        sys.exit(f"{SC}: not found; run `cargo build --release` first")
    os.makedirs(OUT, exist_ok=True)
    load0 = os.getloadavg()
    ok = True

    # 1. Side by side at 10^6 rows.
    big = generate(1_000_000)
    side = []
    for name, cmd in tools(big).items():
        wall, peak = measure(cmd, RUNS)
        side.append({"tool": name, "rows": 1_000_000, "mb": round(os.path.getsize(big) / 1e6, 1),
                     "wall_ms": wall, "peak_mib": peak})
        print(side[-1], file=sys.stderr)
    write_csv("agg.csv", side)
    sc = next(r for r in side if r["tool"] == "sharechart")
    awk = next(r for r in side if r["tool"] == "awk")
    if sc["wall_ms"] > awk["wall_ms"] or sc["peak_mib"] > 32:
        print(f"TARGET MISSED: sharechart {sc} vs awk {awk} (at most awk's time, 32 MiB)",
              file=sys.stderr)
        ok = False

    # 2. Growth, 10^4 .. MAX_ROWS.
    growth = []
    n = 10_000
    while n <= MAX_ROWS:
        data = generate(n)
        for name, cmd in tools(data).items():
            if name == "pandas":
                continue
            wall, peak = measure(cmd, RUNS if n < 10_000_000 else max(1, RUNS // 2))
            growth.append({"tool": name, "rows": n, "wall_ms": wall, "peak_mib": peak})
            print(growth[-1], file=sys.stderr)
        n *= 10
    write_csv("agg-growth.csv", growth)
    plot("agg-growth-time", growth, "wall_ms", "Counting rows by region: time",
         "Wall time (ms, median), by rows in the file")
    plot("agg-growth-memory", growth, "peak_mib", "Counting rows by region: peak memory",
         "Peak resident memory (MiB), by rows in the file")

    # 3. Memory does not grow with the file.
    peaks = {r["rows"]: r["peak_mib"] for r in growth if r["tool"] == "sharechart"}
    small, large = peaks.get(100_000), peaks[max(peaks)]
    if small is not None and large - small > MARGIN_MIB:
        print(f"MEMORY GROWS: {small} MiB at 10^5 rows, {large} MiB at {max(peaks)} rows",
              file=sys.stderr)
        ok = False

    load1 = os.getloadavg()
    with open(os.path.join(RES, "agg-conditions.txt"), "w") as f:
        f.write(f"date: {time.strftime('%Y-%m-%d %H:%M:%S %z')}\n"
                f"binary: {SC}\n"
                f"awk: {os.path.realpath(subprocess.run(['sh', '-c', 'command -v awk'], capture_output=True, text=True).stdout.strip())}\n"
                f"cpus: {os.cpu_count()}\n"
                f"load average before: {' '.join(f'{x:.2f}' for x in load0)}\n"
                f"load average after: {' '.join(f'{x:.2f}' for x in load1)}\n"
                f"RUNS={RUNS} MAX_ROWS={MAX_ROWS}\n")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
