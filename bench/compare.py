#!/usr/bin/env python3
"""sharechart builds side by side, interleaved, with gnuplot as the yardstick.

    python3 bench/compare.py NAME=BINARY [NAME=BINARY ...]      (from the repository root)
    RUNS=200 BATCH_RUNS=5 BATCH_N=200 FORMATS=svg,png,pdf MAP=NAME python3 bench/compare.py ...

Made to weigh a change: give it the binary of each commit (for example `before=/tmp/a
after=target/release/sharechart`). For each format, every binary and gnuplot (when installed:
`gnuplot/agri_bar.gp` of bench/peers, as run.sh runs it) draw the agri chart of bench/peers
(1200x800, the same arguments as run.sh) RUNS times as fresh processes, taking turns run by run
in an order shuffled every round (what ran just before moves a 1 ms process by 0.2 ms on a small
VM), so that a change in machine load touches them all alike; each run writes a new file (the one
before is deleted outside the timing). Then BATCH_RUNS builds of BATCH_N copies of that chart
(`sharechart build --force`, on every core; gnuplot: `batch.gp`, one process), taking turns
likewise. Wall time of the whole process, spawn to reap; CPU time (user + sys) and minor page
faults from the kernel's accounting of the child (`wait4`), which other processes on the machine
disturb much less than the wall time.

With MAP=NAME[,NAME...] those binaries also draw the world map of the 57 member states (`map
data/oic-members.csv --extent world`, issue #23) as a contestant of its own, "NAME map", taking
turns with the rest, so a map's time is weighed against the bar chart's in the same run.

Prints a markdown table (and writes it to bench/out/compare.md): one chart p50, p90 and mean
wall ms, its ratio to gnuplot's p50, median CPU ms and page faults; a build's wall and CPU ms per
chart (medians of the runs); and the bytes of the chart (agri, or the map). Standard library
only.
"""
import os
import random
import shutil
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.path.join(ROOT, "bench/peers")
OUT = os.path.join(ROOT, "bench/out/compare")
RUNS = int(os.environ.get("RUNS", "200"))
BATCH_RUNS = int(os.environ.get("BATCH_RUNS", "5"))
BATCH_N = int(os.environ.get("BATCH_N", "200"))
FORMATS = os.environ.get("FORMATS", "svg,png,pdf").split(",")
TITLE = "OIC member states' share of world production (%)"
SUBTITLE = "Share of world total (%), by commodity"
AGRI = ["bar", "agriculture.csv", "--title", TITLE, "--subtitle", SUBTITLE]
WITH_MAP = [n for n in os.environ.get("MAP", "").split(",") if n]
MEMBERS = os.path.join(ROOT, "data/oic-members.csv")
MAP_TITLE = "57 member states on four continents"
MAP = ["map", MEMBERS, "--extent", "world", "--title", MAP_TITLE]


def spawn(cmd):
    """(wall ms, CPU ms, minor page faults) of one fresh process, run in bench/peers with its
    output discarded."""
    devnull = os.open(os.devnull, os.O_RDWR)
    fa = [(os.POSIX_SPAWN_DUP2, devnull, i) for i in (0, 1, 2)]
    t0 = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=fa)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}")
    return wall * 1e3, (ru.ru_utime + ru.ru_stime) * 1e3, ru.ru_minflt


def manifest(d, fmt, world_map=False):
    """BATCH_N copies of the agri chart, as run.sh writes them (or of the members' map)."""
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "charts.toml")
    with open(path, "w") as m:
        if world_map:
            m.write(f'[defaults]\ntitle = "{MAP_TITLE}"\n')
            chart = f'input = "{MEMBERS}"\nkind = "map"\nextent = "world"\n'
        else:
            m.write(f'[defaults]\ntitle = "{TITLE}"\nsubtitle = "{SUBTITLE}"\n')
            chart = f'input = "{PEERS}/agriculture.csv"\nkind = "bar"\n'
        for i in range(1, BATCH_N + 1):
            m.write(f'\n[[chart]]\nname = "c{i:03d}"\n{chart}output = ["{i:03d}.{fmt}"]\n')
    return path


def clear(d):
    """Everything a batch wrote in `d` but its manifest."""
    def run():
        for f in os.listdir(d):
            if f != "charts.toml" and os.path.isfile(os.path.join(d, f)):
                os.remove(os.path.join(d, f))
    return run


def entries(fmt):
    """(name, one-chart command, output file, batch command, batch folder) of each contestant."""
    out = []
    for arg in sys.argv[1:]:
        name, _, path = arg.partition("=")
        path = os.path.abspath(path)
        single = os.path.join(OUT, f"{name}.{fmt}")
        d = os.path.join(OUT, f"batch-{name}-{fmt}")
        out.append((name, [path, *AGRI, "-o", single], single,
                    [path, "build", "--force", "-m", manifest(d, fmt)], d))
        if name in WITH_MAP:
            single = os.path.join(OUT, f"{name}-map.{fmt}")
            d = os.path.join(OUT, f"batch-{name}-map-{fmt}")
            out.append((f"{name} map", [path, *MAP, "-o", single], single,
                        [path, "build", "--force", "-m", manifest(d, fmt, True)], d))
    if shutil.which("gnuplot"):
        single = os.path.join(OUT, f"gnuplot.{fmt}")
        d = os.path.join(OUT, f"batch-gnuplot-{fmt}")
        os.makedirs(d, exist_ok=True)
        out.append(("gnuplot", ["gnuplot", "-e", f"fmt='{fmt}'; out='{single}'", "gnuplot/agri_bar.gp"],
                    single,
                    ["gnuplot", "-e", f"fmt='{fmt}'; chart='agri_bar'; dir='{d}'; n={BATCH_N}",
                     "gnuplot/batch.gp"], d))
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    os.chdir(PEERS)
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    load = [os.getloadavg()[0]]
    rows = []
    order = random.Random(0)
    med = statistics.median
    for fmt in FORMATS:
        es = entries(fmt)
        one = {e[0]: [] for e in es}
        for i in range(RUNS + 3):  # 3 warm-up rounds
            order.shuffle(es)
            for name, cmd, single, _, _ in es:
                if os.path.exists(single):
                    os.remove(single)
                r = spawn(cmd)
                if i >= 3:
                    one[name].append(r)
        es.sort(key=lambda e: list(one).index(e[0]))
        sizes = {e[0]: os.path.getsize(e[2]) for e in es}
        batch = {e[0]: [] for e in es}
        for _ in range(BATCH_RUNS):
            order.shuffle(es)
            for name, _, _, cmd, d in es:
                clear(d)()
                batch[name].append(spawn(cmd))
        es.sort(key=lambda e: list(one).index(e[0]))
        for name, _, _, _, d in es:
            n = len([f for f in os.listdir(d) if f.endswith("." + fmt)])
            if n != BATCH_N:
                sys.exit(f"{name} {fmt} batch: {n} files, expected {BATCH_N}")
        gp = med(r[0] for r in one["gnuplot"]) if "gnuplot" in one else None
        for name, *_ in es:
            walls = sorted(r[0] for r in one[name])
            p50 = med(walls)
            rows.append([name, fmt, f"{p50:.2f}", f"{walls[int(0.9 * (len(walls) - 1))]:.2f}",
                         f"{statistics.mean(walls):.2f}",
                         "" if gp is None or name == "gnuplot" else f"1/{gp / p50:.1f}",
                         f"{med(r[1] for r in one[name]):.2f}",
                         f"{med(r[2] for r in one[name]):.0f}",
                         f"{med(r[0] for r in batch[name]) / BATCH_N:.3f}",
                         f"{med(r[1] for r in batch[name]) / BATCH_N:.3f}",
                         f"{sizes[name]:,}"])
        print(f"# {fmt} done", file=sys.stderr)
    load.append(os.getloadavg()[0])
    head = ["binary", "fmt", "1 chart p50 ms", "p90 ms", "mean ms", "vs gnuplot (p50)", "CPU ms",
            "page faults", f"{BATCH_N} charts: ms/chart", "CPU ms/chart", "bytes"]
    md = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    md += ["| " + " | ".join(r) + " |" for r in rows]
    md.append(f"\n{RUNS} interleaved runs a chart (after 3 warm-up rounds), {BATCH_RUNS} builds of "
              f"{BATCH_N} charts; {os.cpu_count()} CPUs, load average {load[0]:.2f} at the start, "
              f"{load[1]:.2f} at the end.")
    text = "\n".join(md) + "\n"
    print(text)
    with open(os.path.join(ROOT, "bench/out/compare.md"), "w") as f:
        f.write(text)


main()
