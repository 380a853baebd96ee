#!/usr/bin/env bash
# Chart-peer benchmark: renders the same bar / grouped-bar / pie charts with each installed
# peer, then measures whole-process time and peak memory (one chart, and 200 charts in one
# process), output sizes and byte-for-byte determinism. Installs nothing (see README.md).
#
#   ./run.sh                      all peers found
#   ./run.sh gnuplot vl-convert   only these peers
#   RUNS=10 BATCH_RUNS=3 BATCH_N=200 ./run.sh
#
# Timing uses only Python's standard library: each run is a fresh process started with
# posix_spawn and reaped with os.wait4, which gives the kernel's user+sys time and peak RSS
# (ru_maxrss) of the child; wall time is time.perf_counter around spawn..reap. Every figure
# is reported as the median over RUNS runs taken after one unmeasured warm-up run (batch
# measurements: BATCH_RUNS runs, no warm-up; the gallery step has already warmed the caches).
# Results: a table on stdout, plus out/results.md and out/results.csv.
#
# Copied from the shared peers folder for issue #5, with three additions: the `sharechart` and
# `sharechart-static` entries in PEERS (this repository's release binary, dynamic and static),
# the "true peak" columns (GNU time's %M on one extra run; the wait4 peak cannot go below this
# Python process's RSS, see README.md), and deleting every timed run's output before it runs,
# for all peers, so that each run writes new files (see measure()). Issue 14 added PDF for the
# peers that write it (sharechart, gnuplot's pdfcairo): a peer's "fmts" lists its formats.
set -euo pipefail
cd "$(dirname "$0")"
exec python3 - "$@" <<'PY'
import hashlib, os, resource, shutil, statistics, sys, time, csv, glob

RUNS = int(os.environ.get("RUNS", "10"))          # runs per single-chart measurement
BATCH_RUNS = int(os.environ.get("BATCH_RUNS", "3"))  # runs per batch measurement
BATCH_N = int(os.environ.get("BATCH_N", "200"))   # charts per batch invocation
WARMUP = 1          # unmeasured runs before the one-chart measurements (batch: none)
CHARTS = ["agri", "agri_ar", "energy", "russia"]   # agri = the chart timed
FMTS = ["svg", "png"]
VC = "vegacli/node_modules/.bin"
GP = {"agri": ("agri_bar", ""), "agri_ar": ("agri_bar", "; lab=2"),
      "energy": ("energy_bar", ""), "russia": ("russia_pie", "")}
VG = {"agri": "agri_bar", "agri_ar": "agri_bar_ar", "energy": "energy_bar", "russia": "russia_pie"}

# sharechart: the distribution build of this repository (build it first: cargo build --profile
# release-lto), and
# "sharechart-static", the same code linked statically (cargo build-static), when it is built.
# Same titles as the peers; sharechart draws no axis titles, so the unit (and what the x axis
# holds) goes in the subtitle; value labels (76%) are always drawn.
SC = os.environ.get("SHARECHART", "../../target/release-lto/sharechart")
SC_STATIC = os.environ.get("SHARECHART_STATIC",
                           "../../target/x86_64-unknown-linux-gnu/release-lto/sharechart")
# "sharechart-release": the plain `release` profile (no LTO; what `cargo run --release` builds).
SC_RELEASE = os.environ.get("SHARECHART_RELEASE", "../../target/release/sharechart")
SC_AGRI = ["bar", "agriculture.csv", "--title", "OIC member states' share of world production (%)",
           "--subtitle", "Share of world total (%), by commodity"]
SC_ARGS = {
    "agri": SC_AGRI,
    "agri_ar": SC_AGRI + ["--lang", "ar"],
    "energy": ["bar", "energy.csv", "--title", "OIC member states' share of world energy and tin (%)",
               "--subtitle", "Share of world total (%), by resource",
               "--value", "production", "--value", "reserves",
               "--legend", "Production", "--legend", "Reserves"],
    "russia": ["pie", "russia.csv", "--title", "Russia's population by religion (%)"],
}


def sc_batch(sc):
    """n copies of the agri chart in one manifest, rendered by one `sharechart build`."""
    def batch(f, d, n):
        os.makedirs(d, exist_ok=True)
        here = os.path.abspath(".")
        with open(f"{d}/charts.toml", "w") as m:
            m.write("[defaults]\ntitle = \"OIC member states' share of world production (%)\"\n"
                    "subtitle = \"Share of world total (%), by commodity\"\n")
            for i in range(1, n + 1):
                m.write(f'\n[[chart]]\nname = "c{i:03d}"\ninput = "{here}/agriculture.csv"\n'
                        f'kind = "bar"\noutput = ["{i:03d}.{f}"]\n')
        # `build` skips charts whose inputs are unchanged; every timed run must render all n.
        force = ["--force"] if "--force" in os.popen(f"'{sc}' build --help 2>&1").read() else []
        return [sc, "build", *force, "-m", f"{d}/charts.toml"]
    return batch


def sc_peer(sc):
    return {
        "check": [sc, "--version"],
        "one": lambda c, f, out: [sc, *SC_ARGS[c], "-o", out],
        "batch": sc_batch(sc),
        "fmts": FMTS + ["pdf"],
    }

# A peer: how to check it is installed, how to draw one chart, how to draw n charts in one
# process (None if it cannot). To add our own tool later, add one entry here.
PEERS = {
    "sharechart": sc_peer(SC),
    "sharechart-static": sc_peer(SC_STATIC),
    "sharechart-release": sc_peer(SC_RELEASE),
    "gnuplot": {
        "check": ["gnuplot", "--version"],
        "one": lambda c, f, out: ["gnuplot", "-e", f"fmt='{f}'; out='{out}'{GP[c][1]}",
                                  f"gnuplot/{GP[c][0]}.gp"],
        "batch": lambda f, d, n: ["gnuplot", "-e", f"fmt='{f}'; chart='agri_bar'; dir='{d}'; n={n}",
                                  "gnuplot/batch.gp"],
        "fmts": FMTS + ["pdf"],   # pdfcairo
    },
    "matplotlib": {
        "check": ["python3", "-c", "import matplotlib"],
        "one": lambda c, f, out: ["python3", "matplotlib/charts.py", c, f, out],
        "batch": lambda f, d, n: ["python3", "matplotlib/charts.py", "agri", f, d, str(n)],
    },
    "vl-convert": {
        "check": ["python3", "-c", "import vl_convert"],
        "one": lambda c, f, out: ["python3", "vlconvert/charts.py", c, f, out],
        "batch": lambda f, d, n: ["python3", "vlconvert/charts.py", "agri", f, d, str(n)],
    },
    "vega-cli": {
        "check": ["test", "-x", f"{VC}/vl2svg"],
        "one": lambda c, f, out: [f"{VC}/vl2{f}", f"vega/{VG[c]}.vl.json", out, "-b", "."],
        "batch": lambda f, d, n: ["node", "vegacli/batch.mjs", "agri_bar", f, d, str(n)],
    },
}


def run_once(cmd):
    """One fresh process: (wall s, user+sys s, peak RSS MiB, exit status)."""
    devnull = os.open(os.devnull, os.O_RDWR)
    fa = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1),
          (os.POSIX_SPAWN_DUP2, devnull, 2)]
    t0 = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=fa)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    os.close(devnull)
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


TIME = "/usr/bin/time"   # GNU time (Debian package `time`), for the true peak RSS


def true_peak(cmd):
    """Peak RSS in MiB of one more run under GNU time, or None without it.

    ru_maxrss from os.wait4 above cannot go below this Python process's own RSS: posix_spawn
    starts the child with vfork, so the child's first exec records the parent's resident size
    as its starting peak. GNU time is a small process that forks, so its figure is the child's.
    """
    if not os.access(TIME, os.X_OK):
        return None
    out = "out/.peak"
    if run_once([TIME, "-f", "%M", "-o", out, *cmd])[3] != 0:
        return None
    with open(out) as f:
        return int(f.read().split()[-1]) / 1024.0


def measure(cmd, runs, warmup=WARMUP, clean=lambda: None):
    """Medians over `runs` fresh processes. `clean` runs before each one, outside the timing:
    it deletes the outputs of the run before, so every run writes new files, for every peer
    alike (sharechart keeps a file that already holds the same bytes, which would otherwise
    time a cheaper run than the peers')."""
    def one():
        clean()
        return run_once(cmd)
    for _ in range(warmup):
        one()
    rs = [one() for _ in range(runs)]
    bad = [r[3] for r in rs if r[3] != 0]
    if bad:
        raise RuntimeError(f"{' '.join(cmd)} exited {bad[0]}")
    med = lambda i: statistics.median(r[i] for r in rs)
    return {"wall": med(0), "cpu": med(1), "rss": med(2),
            "wall_min": min(r[0] for r in rs), "wall_max": max(r[0] for r in rs)}


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def installed(p):
    try:
        return run_once(PEERS[p]["check"])[3] == 0
    except OSError:
        return False


want = sys.argv[1:] or list(PEERS)
peers = [p for p in want if p in PEERS and installed(p)]
for p in want:
    if p not in peers:
        print(f"# skipped {p}: not installed or unknown", file=sys.stderr)

for d in ("out/charts", "out/det", "out/single", "out/batch"):
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)

rows = []
for p in peers:
    P = PEERS[p]
    # 1. gallery + determinism: every chart, every format, drawn twice in fresh processes
    same, differ = 0, []
    for c in CHARTS:
        for f in P.get("fmts", FMTS):
            a, b = f"out/charts/{p}_{c}.{f}", f"out/det/{p}_{c}.{f}"
            for out in (a, b):
                r = run_once(P["one"](c, f, out))
                if r[3] != 0:
                    raise RuntimeError(f"{p} {c} {f} exited {r[3]}")
            if sha(a) == sha(b):
                same += 1
            else:
                differ.append(f"{c}.{f}")
    print(f"# {p}: gallery done, {same}/{same + len(differ)} identical on rerun", file=sys.stderr)
    for f in P.get("fmts", FMTS):
        # 2. one chart (agri bar) per process
        single = f"out/single/{p}.{f}"
        rm_single = lambda: os.path.exists(single) and os.remove(single)
        one = measure(P["one"]("agri", f, single), RUNS, clean=rm_single)
        # 3. BATCH_N charts in one process
        bat = None
        if P.get("batch"):
            d = f"out/batch/{p}_{f}"
            os.makedirs(d, exist_ok=True)
            # Everything the batch wrote: the charts, and sharechart's build state and report
            # page (index.html, README.md); only its manifest stays.
            rm_batch = lambda: [os.remove(x) for x in glob.glob(f"{d}/*") + glob.glob(f"{d}/.*")
                                if os.path.basename(x) != "charts.toml" and os.path.isfile(x)]
            bat = measure(P["batch"](f, d, BATCH_N), BATCH_RUNS, warmup=0, clean=rm_batch)
            nfiles = len(glob.glob(f"{d}/*.{f}"))
            if nfiles != BATCH_N:
                raise RuntimeError(f"{p} batch {f}: {nfiles} files, expected {BATCH_N}")
        rm_single()
        one_true = true_peak(P["one"]("agri", f, single))
        bat_true = None
        if bat and bat["wall"] < 5:
            rm_batch()
            bat_true = true_peak(P["batch"](f, d, BATCH_N))
        sizes = {c: os.path.getsize(f"out/charts/{p}_{c}.{f}") for c in CHARTS}
        fd = [x for x in differ if x.endswith("." + f)]
        rows.append({
            "peer": p, "fmt": f,
            "one_wall_ms": one["wall"] * 1e3, "one_wall_min_ms": one["wall_min"] * 1e3,
            "one_wall_max_ms": one["wall_max"] * 1e3,
            "one_cpu_ms": one["cpu"] * 1e3, "one_peak_mib": one["rss"],
            "one_true_peak_mib": one_true, "batch_true_peak_mib": bat_true,
            "batch_wall_s": bat["wall"] if bat else None,
            "batch_peak_mib": bat["rss"] if bat else None,
            "per_chart_ms": bat["wall"] / BATCH_N * 1e3 if bat else None,
            "marginal_ms": (bat["wall"] - one["wall"]) / (BATCH_N - 1) * 1e3 if bat else None,
            **{f"size_{c}": sizes[c] for c in CHARTS},
            "identical": f"{len(CHARTS) - len(fd)}/{len(CHARTS)}",
            "differs": " ".join(fd),
        })
        print(f"# {p} {f}: measured", file=sys.stderr)

fmt = lambda v, d=0: "-" if v is None else f"{v:.{d}f}"
head = ["peer", "fmt", "1 chart wall ms (min-max)", "cpu ms", "peak MiB", "true peak MiB",
        f"{BATCH_N} charts s", "ms/chart", "marginal ms", "batch peak MiB", "true batch peak MiB",
        "agri B", "agri_ar B", "energy B", "pie B", "same bytes on rerun"]
table = []
for r in rows:
    table.append([r["peer"], r["fmt"],
                  f"{fmt(r['one_wall_ms'], 1)} ({fmt(r['one_wall_min_ms'], 1)}-{fmt(r['one_wall_max_ms'], 1)})",
                  fmt(r["one_cpu_ms"], 1), fmt(r["one_peak_mib"], 1),
                  fmt(r["one_true_peak_mib"], 1), fmt(r["batch_wall_s"], 2),
                  fmt(r["per_chart_ms"], 2), fmt(r["marginal_ms"], 2), fmt(r["batch_peak_mib"], 1),
                  fmt(r["batch_true_peak_mib"], 1),
                  str(r["size_agri"]), str(r["size_agri_ar"]), str(r["size_energy"]),
                  str(r["size_russia"]),
                  r["identical"] + (f" (differs: {r['differs']})" if r["differs"] else "")])
md = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
md += ["| " + " | ".join(t) + " |" for t in table]
note = (f"\nMedians over {RUNS} runs (one chart) and {BATCH_RUNS} runs ({BATCH_N} charts in one "
        f"process), 1 warm-up for one chart, none for batch; whole-process wall, user+sys cpu, peak RSS of the process. "
        f"ms/chart = batch wall / {BATCH_N}; marginal = (batch - one) / {BATCH_N - 1}. "
        f"Sizes: bytes of each chart's file; 'same bytes' = charts whose two fresh renders have "
        f"equal sha256. 'peak MiB' is ru_maxrss from os.wait4, as before; it cannot go below "
        f"the RSS of this Python process ({resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB "
        f"here), because posix_spawn vforks. 'true peak' is GNU time's %M on one more run "
        f"(batch: only when the batch takes under 5 s). Load average at the end: "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs).\n")
print("\n".join(md) + note)
with open("out/results.md", "w") as f:
    f.write("\n".join(md) + note)
with open("out/results.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
PY
