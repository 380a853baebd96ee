#!/usr/bin/env python3
"""A million distinct labels, side by side: python3 bench/big.py   (from the repository root)

On a generated CSV of 1,000,000 rows with distinct labels (label,value; id0000001,43576.1;
about 17 MiB), one run measures each command as a fresh process, wall time (median of RUNS runs
after one warm-up) and peak RSS (GNU time, /usr/bin/time -f %M):

  top 10     sharechart bar big.csv --top 10 -o c.svg
             pandas     read_csv + nlargest(10, "value")        (no drawing)
  refused    sharechart bar big.csv -o c.svg                    (too many categories: exit 1)
  agg sum    sharechart bar big.csv --agg sum --top 10 -o c.svg (a million groups)
             awk        awk -F, 'NR>1{s[$1]+=$2} END{for(k in s) print k, s[k]}'
             pandas     read_csv + groupby("label").sum() + nlargest(10)

With SHARECHART_BEFORE (a binary of an earlier commit, e.g. built by bench/build-commits.sh)
its figures are measured in the same run, interleaved. The goals of issue 19: top 10 at most
pandas' time and 64 MiB; the refusal as soon as the limit is passed; agg sum at most awk's time
and memory (exit status 1 when one is missed).

Writes bench/results/big.csv and big-conditions.txt; the CSV goes to bench/out/big/ (git-ignored).
Environment: SHARECHART (default target/release/sharechart), SHARECHART_BEFORE, RUNS (default 5).
"""
import csv
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SC = os.path.abspath(os.environ.get("SHARECHART", os.path.join(ROOT, "target/release/sharechart")))
BEFORE = os.environ.get("SHARECHART_BEFORE")
RUNS = int(os.environ.get("RUNS", "5"))
OUT = os.path.join(ROOT, "bench/out/big")
RES = os.path.join(ROOT, "bench/results")
TIME = "/usr/bin/time"
ROWS = 1_000_000
PANDAS_TOP = "import sys, pandas as pd; print(pd.read_csv(sys.argv[1]).nlargest(10, 'value'))"
PANDAS_AGG = ("import sys, pandas as pd; "
              "print(pd.read_csv(sys.argv[1]).groupby('label')['value'].sum().nlargest(10))")
AWK = ["awk", "-F,", "NR>1{s[$1]+=$2} END{for(k in s) print k, s[k]}"]


def generate():
    """label,value with ROWS distinct labels, made once (the shape of tests/integration/top.rs)."""
    path = os.path.join(OUT, "big.csv")
    if os.path.exists(path):
        return path
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("label,value\n")
        chunk = []
        for i in range(1, ROWS + 1):
            # Deterministic, spread out: Knuth's multiplicative hash of the row number.
            chunk.append(f"id{i:07d},{(i * 2654435761 % 2**32) % 1000000 / 10:.1f}\n")
            if len(chunk) == 100000:
                f.write("".join(chunk))
                chunk = []
        f.write("".join(chunk))
    os.rename(tmp, path)
    return path


def run_once(cmd, ok=(0,)):
    """Wall seconds of one fresh process, output discarded."""
    devnull = os.open(os.devnull, os.O_RDWR)
    fa = [(os.POSIX_SPAWN_DUP2, devnull, i) for i in (0, 1, 2)]
    t0 = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=fa)
    _, status, _ = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    os.close(devnull)
    if os.waitstatus_to_exitcode(status) not in ok:
        raise RuntimeError(f"{' '.join(cmd)} exited {os.waitstatus_to_exitcode(status)}")
    return wall


def peak_mib(cmd, ok):
    path = os.path.join(OUT, ".peak")
    r = subprocess.run([TIME, "-f", "%M", "-o", path, *cmd],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if r.returncode not in ok:
        raise RuntimeError(f"{' '.join(cmd)} exited {r.returncode}")
    with open(path) as f:
        return int(f.read().split()[-1]) / 1024.0


def contestants(data):
    svg = os.path.join(OUT, "c.svg")
    bins = [("sharechart", SC)] + ([("sharechart before", os.path.abspath(BEFORE))] if BEFORE else [])
    work = {
        "top 10": [(n, [b, "bar", data, "--top", "10", "-o", svg], (0,)) for n, b in bins]
        + [("pandas", [sys.executable, "-c", PANDAS_TOP, data], (0,))],
        "refused": [(n, [b, "bar", data, "-o", svg], (1,)) for n, b in bins],
        "agg sum": [(n, [b, "bar", data, "--agg", "sum", "--top", "10", "-o", svg], (0,))
                    for n, b in bins]
        + [("awk", AWK + [data], (0,)), ("pandas", [sys.executable, "-c", PANDAS_AGG, data], (0,))],
    }
    return work


def main():
    if not os.access(SC, os.X_OK):
        sys.exit(f"{SC}: not found; run `cargo build --release` first")
    os.makedirs(OUT, exist_ok=True)
    data = generate()
    load0 = os.getloadavg()
    rows = []
    for work, tools in contestants(data).items():
        for _, cmd, ok in tools:
            run_once(cmd, ok)
        # Interleaved: run r of every tool, then run r + 1, so load hits them alike.
        walls = {name: [] for name, _, _ in tools}
        for _ in range(RUNS):
            for name, cmd, ok in tools:
                walls[name].append(run_once(cmd, ok))
        for name, cmd, ok in tools:
            rows.append({"work": work, "tool": name,
                         "wall_ms": round(statistics.median(walls[name]) * 1e3, 1),
                         "peak_mib": round(peak_mib(cmd, ok), 1)})
            print(rows[-1], file=sys.stderr)
    with open(os.path.join(RES, "big.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    get = lambda work, tool: next(r for r in rows if r["work"] == work and r["tool"] == tool)
    missed = []
    top, pd_top = get("top 10", "sharechart"), get("top 10", "pandas")
    if top["wall_ms"] > pd_top["wall_ms"] or top["peak_mib"] > 64:
        missed.append(f"top 10: {top} vs pandas {pd_top} (at most pandas' time, 64 MiB)")
    agg, awk = get("agg sum", "sharechart"), get("agg sum", "awk")
    if agg["wall_ms"] > awk["wall_ms"] or agg["peak_mib"] > awk["peak_mib"]:
        missed.append(f"agg sum: {agg} vs awk {awk} (at most awk's time and memory)")
    for m in missed:
        print("GOAL MISSED:", m, file=sys.stderr)
    load1 = os.getloadavg()
    awk_path = subprocess.run(["sh", "-c", "readlink -f \"$(command -v awk)\""],
                              capture_output=True, text=True).stdout.strip()
    pandas_v = subprocess.run([sys.executable, "-c", "import pandas; print(pandas.__version__)"],
                              capture_output=True, text=True).stdout.strip()
    with open(os.path.join(RES, "big-conditions.txt"), "w") as f:
        f.write(f"date: {time.strftime('%Y-%m-%d %H:%M:%S %z')}\n"
                f"binary: {SC}\nbefore: {BEFORE}\n"
                f"file: {os.path.getsize(data)} bytes, {ROWS} rows\n"
                f"awk: {awk_path}\npandas: {pandas_v}\ncpus: {os.cpu_count()}\n"
                f"load average before: {' '.join(f'{x:.2f}' for x in load0)}\n"
                f"load average after: {' '.join(f'{x:.2f}' for x in load1)}\n"
                f"RUNS={RUNS}\n")
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
