#!/usr/bin/env python3
"""How sharechart's cost grows: python3 bench/growth.py   (from the repository root)

Whole-process wall time, user+sys CPU and peak RSS of the release binary
  1. against the number of categories of one bar chart (4, 40, 400), SVG and PNG (horizontal
     bars; 400 categories are folded to 40 bars with --top 39, see category_flags);
  2. against the number of charts in one `sharechart build` (10, 100, 1000), SVG and PNG;
  3. for a no-op rebuild of 1000 charts (nothing changed since the last build), if `build`
     skips unchanged charts (it does when `build --help` offers `--force`).
Writes bench/results/growth-categories.csv, growth-charts.csv and noop-rebuild.csv, then
plots them with sharechart itself (grouped bars, the only fitting chart it has) into
bench/results/*.svg and *.png. Inputs and outputs of the runs go to bench/out/growth/
(git-ignored). Standard library only; peak RSS needs GNU time (/usr/bin/time).

Environment: SHARECHART (binary, default target/release-lto/sharechart, in $CARGO_TARGET_DIR if set), RUNS (default 10, runs
per one-chart figure, after 5 warm-up runs), BUILD_RUNS (default 3, runs per build figure).
"""
import csv
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SC = os.path.abspath(os.environ.get("SHARECHART", os.path.join(
    os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release-lto/sharechart")))
RUNS = int(os.environ.get("RUNS", "10"))
BUILD_RUNS = int(os.environ.get("BUILD_RUNS", "3"))
OUT = os.path.join(ROOT, "bench/out/growth")
RES = os.path.join(ROOT, "bench/results")
AGRI = os.path.join(ROOT, "bench/peers/agriculture.csv")
TIME = "/usr/bin/time"
CATEGORIES = [4, 40, 400]
CHARTS = [10, 100, 1000]
FMTS = ["svg", "png"]


def run_once(cmd):
    """(wall s, user+sys s, exit status) of one fresh process, output discarded."""
    devnull = os.open(os.devnull, os.O_RDWR)
    fa = [(os.POSIX_SPAWN_DUP2, devnull, i) for i in (0, 1, 2)]
    t0 = time.perf_counter()
    pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=fa)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    os.close(devnull)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}")
    return wall, ru.ru_utime + ru.ru_stime


def measure(cmd, runs, warmup=1, before=None):
    """Median wall and CPU over `runs` runs (after `warmup`), and the peak RSS (MiB) of one
    more run under GNU time. `before` runs (untimed) before every run."""
    for _ in range(warmup):
        if before:
            before()
        run_once(cmd)
    rs = []
    for _ in range(runs):
        if before:
            before()
        rs.append(run_once(cmd))
    peak = None
    if os.access(TIME, os.X_OK):
        if before:
            before()
        path = os.path.join(OUT, ".peak")
        subprocess.run([TIME, "-f", "%M", "-o", path, *cmd], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(path) as f:
            peak = int(f.read().split()[-1]) / 1024.0
    return statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs), peak


def categories_csv(n):
    """A bar chart's data with n categories; values are fixed pseudo-random integers 5..99."""
    path = os.path.join(OUT, f"categories-{n}.csv")
    with open(path, "w") as f:
        f.write("label,value\n")
        for i in range(n):
            f.write(f"Item {i + 1},{5 + (i * 37 + 11) % 95}\n")
    return path


def category_flags(n):
    """Horizontal bars for every size (a vertical bar chart takes at most 24 categories). Past
    40 sharechart refuses to draw every bar, so 400 categories are read, sorted and folded
    with --top 39 into 39 bars and "Other": the drawing stays at 40 bars."""
    return ["--horizontal"] + (["--top", "39"] if n > 40 else [])


def manifest(n, outputs, name):
    """n copies of the peers' agri bar chart; `outputs` lists extensions per chart."""
    d = os.path.join(OUT, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    path = os.path.join(d, "charts.toml")
    with open(path, "w") as m:
        m.write("[defaults]\ntitle = \"OIC member states' share of world production (%)\"\n"
                "subtitle = \"Share of world total (%), by commodity\"\n")
        for i in range(1, n + 1):
            outs = ", ".join(f'"out/{i:04d}.{e}"' for e in outputs)
            m.write(f'\n[[chart]]\nname = "c{i:04d}"\ninput = "{AGRI}"\nkind = "bar"\n'
                    f"output = [{outs}]\n")
    return path


def remove(path):
    if os.path.exists(path):
        os.remove(path)


def write_csv(name, rows):
    with open(os.path.join(RES, name), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def plot(name, rows, label, series, title, subtitle):
    """A grouped bar chart of `rows`: `label` on the x axis, one bar per (column, legend)."""
    data = os.path.join(RES, f"{name}.csv")
    with open(data, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["label"] + [legend for _, legend in series])
        for r in rows:
            w.writerow([r[label]] + [r[col] for col, _ in series])
    cmd = [SC, "bar", data, "--label", "label", "--title", title, "--subtitle", subtitle,
           "--source", "bench/growth.py (BENCHMARKS.md)",
           "-o", os.path.join(RES, f"{name}.svg"), "-o", os.path.join(RES, f"{name}.png")]
    for _, legend in series:
        cmd += ["--value", legend]
    subprocess.run(cmd, check=True)


def main():
    if not os.access(SC, os.X_OK):
        sys.exit(f"{SC}: not found; run `cargo build --profile release-lto` first")
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(RES, exist_ok=True)
    load0 = os.getloadavg()

    # 1. Categories: one chart per process.
    cat_rows = []
    for n in CATEGORIES:
        data = categories_csv(n)
        for fmt in FMTS:
            out = os.path.join(OUT, f"categories-{n}.{fmt}")
            cmd = [SC, "bar", data, "-o", out, "--title", f"{n} categories",
                   "--subtitle", "Generated data, 5 to 99", *category_flags(n)]
            # Every run writes a new file: sharechart keeps a file that already holds the
            # same bytes, which would time a cheaper run than a first render.
            wall, cpu, peak = measure(cmd, RUNS, warmup=5, before=lambda: remove(out))
            cat_rows.append({"categories": n, "format": fmt, "wall_ms": round(wall * 1e3, 2),
                             "cpu_ms": round(cpu * 1e3, 2), "peak_mib": peak and round(peak, 1),
                             "bytes": os.path.getsize(out)})
            print(f"categories {n} {fmt}: {cat_rows[-1]}", file=sys.stderr)
    write_csv("growth-categories.csv", cat_rows)

    # 2. Charts per build, all cores (--force so that every run renders every chart).
    has_force = "--force" in subprocess.run([SC, "build", "--help"], capture_output=True,
                                            text=True).stdout
    force = ["--force"] if has_force else []
    chart_rows = []
    for n in CHARTS:
        for fmt in FMTS:
            m = manifest(n, [fmt], f"charts-{n}-{fmt}")
            outs = os.path.join(os.path.dirname(m), "out")
            wall, cpu, peak = measure([SC, "build", *force, "-m", m], BUILD_RUNS, warmup=0,
                                      before=lambda: shutil.rmtree(outs, ignore_errors=True))
            chart_rows.append({"charts": n, "format": fmt, "wall_s": round(wall, 4),
                               "ms_per_chart": round(wall / n * 1e3, 3),
                               "cpu_s": round(cpu, 4),
                               "cpu_ms_per_chart": round(cpu / n * 1e3, 3),
                               "peak_mib": peak and round(peak, 1)})
            print(f"charts {n} {fmt}: {chart_rows[-1]}", file=sys.stderr)
    write_csv("growth-charts.csv", chart_rows)

    # 3. No-op rebuild: 1000 charts, SVG and PNG each, built once, then built again unchanged.
    noop = []
    if has_force:
        m = manifest(1000, ["svg", "png"], "noop-1000")
        run_once([SC, "build", "-m", m])
        wall, cpu, peak = measure([SC, "build", "-m", m], RUNS)
        noop.append({"charts": 1000, "files": 2000, "wall_ms": round(wall * 1e3, 2),
                     "cpu_ms": round(cpu * 1e3, 2), "peak_mib": peak and round(peak, 1)})
        print(f"no-op rebuild: {noop[-1]}", file=sys.stderr)
        write_csv("noop-rebuild.csv", noop)

    load1 = os.getloadavg()
    with open(os.path.join(RES, "conditions.txt"), "w") as f:
        f.write(f"date: {time.strftime('%Y-%m-%d %H:%M:%S %z')}\n"
                f"binary: {SC}\n"
                f"cpus: {os.cpu_count()}\n"
                f"load average before: {' '.join(f'{x:.2f}' for x in load0)}\n"
                f"load average after: {' '.join(f'{x:.2f}' for x in load1)}\n"
                f"RUNS={RUNS} BUILD_RUNS={BUILD_RUNS}\n")

    # Plots, by sharechart. Wide tables: one row per x value, one column per format.
    def wide(rows, key, col, digits=1):
        out = {}
        for r in rows:
            out.setdefault(r[key], {"x": r[key]})[r["format"].upper()] = round(r[col], digits)
        return list(out.values())

    cats = wide(cat_rows, "categories", "wall_ms")
    for r in cats:
        r["x"] = f"{r['x']} categories"
    plot("growth-categories-time", cats, "x", [("SVG", "SVG"), ("PNG", "PNG")],
         "Time for one chart against the number of categories",
         "Whole process, wall ms, median; 1200x800 horizontal bars (400: --top 39)")
    mem = wide(cat_rows, "categories", "peak_mib")
    for r in mem:
        r["x"] = f"{r['x']} categories"
    plot("growth-categories-memory", mem, "x", [("SVG", "SVG"), ("PNG", "PNG")],
         "Peak memory for one chart against the number of categories",
         "Whole process, peak RSS in MiB (GNU time)")
    per = wide(chart_rows, "charts", "ms_per_chart", 2)
    for r in per:
        r["x"] = f"{r['x']} charts"
    plot("growth-charts-time", per, "x", [("SVG", "SVG"), ("PNG", "PNG")],
         "Time per chart against the number of charts in one build",
         "sharechart build, wall ms per chart, median; all cores")
    mem = wide(chart_rows, "charts", "peak_mib")
    for r in mem:
        r["x"] = f"{r['x']} charts"
    plot("growth-charts-memory", mem, "x", [("SVG", "SVG"), ("PNG", "PNG")],
         "Peak memory of a build against the number of charts",
         "sharechart build, peak RSS in MiB (GNU time); all cores")


if __name__ == "__main__":
    main()
