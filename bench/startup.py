#!/usr/bin/env python3
"""Where a one-chart process spends its time: python3 bench/startup.py   (from the repository root)

A one-chart run of sharechart is mostly the cost of being a process. This times, as whole
processes, a ladder of commands for each sharechart binary that is built (the release build,
`cargo build --profile release-lto`, and the static one, `cargo build-static`; both in
$CARGO_TARGET_DIR, default target/), plus /bin/true as the floor:

  true             /bin/true: fork, exec and exit of the smallest program
  version          sharechart --version: the binary loaded and started, no chart
  svg-stdout       the agri bar chart as SVG to /dev/null: start-up plus the chart's own work
  svg-new          ... written to a file that does not exist yet (deleted before each run)
  svg-replace      ... written over a file holding other bytes (two subtitles take turns)
  svg-same         ... written over a file that already holds these bytes (kept, time stamp renewed)
  png-new          the same chart as PNG to a new file

Each figure is the median of RUNS runs (default 200) after 5 warm-up runs; the commands are
interleaved run by run, so a change in machine load touches all of them alike. Writes
bench/results/startup.md. Standard library only.
"""
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(os.environ.get("RUNS", "200"))
OUT = os.path.join(ROOT, "bench/out/startup")
CSV = os.path.join(ROOT, "bench/peers/agriculture.csv")
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
BINARIES = {
    "release-lto (dynamic, PIE)": os.path.join(TARGET, "release-lto/sharechart"),
    "build-static (static PIE)": os.path.join(TARGET, "x86_64-unknown-linux-gnu/release-lto/sharechart"),
}
BASE = ["bar", CSV, "--title", "OIC member states' share of world production (%)"]
CHART = BASE + ["--subtitle", "Share of world total (%), by commodity"]


def spawn(cmd):
    devnull = os.open(os.devnull, os.O_RDWR)
    fa = [(os.POSIX_SPAWN_DUP2, devnull, i) for i in (0, 1, 2)]
    t0 = time.perf_counter()
    pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=fa)
    _, status = os.waitpid(pid, 0)
    wall = time.perf_counter() - t0
    os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed")
    return wall


def remove(path):
    return lambda: os.path.exists(path) and os.remove(path)


def ladder(name, sc):
    """(step, command, prepare) triples; prepare runs before each run, outside the timing."""
    d = os.path.join(OUT, name.split()[0])
    os.makedirs(d, exist_ok=True)
    new, rep, same = (os.path.join(d, f) for f in ("new.svg", "replace.svg", "same.svg"))
    png = os.path.join(d, "new.png")
    return [
        ("version", [sc, "--version"], None),
        ("svg-stdout", [sc, *CHART, "-o", "-"], None),
        ("svg-new", [sc, *CHART, "-o", new], remove(new)),
        # Two charts of the same work but different bytes (one letter of the subtitle) take
        # turns at one file: every run replaces the other's file.
        ("svg-replace", [sc, *BASE, "--subtitle", "Share of world total (%), by commodity A",
                         "-o", rep], None),
        ("svg-replace", [sc, *BASE, "--subtitle", "Share of world total (%), by commodity B",
                         "-o", rep], None),
        ("svg-same", [sc, *CHART, "-o", same], None),
        ("png-new", [sc, *CHART, "-o", png], remove(png)),
    ]


def main():
    built = {n: p for n, p in BINARIES.items() if os.access(p, os.X_OK)}
    if not built:
        sys.exit("no sharechart binary: run cargo build --profile release-lto first")
    jobs = [("-", "true", ["/bin/true"], None)]
    for name, sc in built.items():
        jobs += [(name, step, cmd, prep) for step, cmd, prep in ladder(name, sc)]
    times = [[] for _ in jobs]
    for r in range(5 + RUNS):
        for i, (_, _, cmd, prep) in enumerate(jobs):
            if prep:
                prep()
            t = spawn(cmd)
            if r >= 5:
                times[i].append(t)
    # The two halves of svg-replace are one step.
    merged = {}
    for (name, step, _, _), ts in zip(jobs, times):
        merged.setdefault((name, step), []).extend(ts)
    steps = ["version", "svg-stdout", "svg-new", "svg-replace", "svg-same", "png-new"]
    floor = statistics.median(merged[("-", "true")]) * 1e3
    lines = [f"Medians of {RUNS} runs, ms (p10-p90); /bin/true: {floor:.3f} ms. "
             f"Load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}.", "",
             "| binary | " + " | ".join(steps) + " |", "|---|" + "---|" * len(steps)]
    for name in built:
        cells = []
        for step in steps:
            v = sorted(merged[(name, step)])
            cells.append(f"{statistics.median(v) * 1e3:.3f} ({v[len(v) // 10] * 1e3:.2f}-"
                         f"{v[len(v) * 9 // 10] * 1e3:.2f})")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(ROOT, "bench/results/startup.md"), "w") as f:
        f.write(text)


main()
