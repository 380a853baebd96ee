#!/usr/bin/env python3
"""Tail of a one-chart PNG process: p50/p90/p99/max of 400 interleaved runs of each binary given.

    cd bench/peers && python3 ../png_tail.py BINARY [BINARY ...]

Each run is a fresh process (posix_spawn, waitpid), wall time around it, as run.sh measures. Used
to weigh the huge-page canvas (src/render/canvas.rs): a better median against an occasional
stall when the kernel compacts memory for a huge page (BENCHMARKS.md)."""
import os
import statistics
import sys
import time

bins = sys.argv[1:]
args = ["bar", "agriculture.csv", "--title", "OIC member states' share of world production (%)",
        "--subtitle", "Share of world total (%), by commodity", "-o", "/tmp/png_tail.png"]
times = {b: [] for b in bins}
for _ in range(400):
    for b in bins:
        t = time.perf_counter()
        pid = os.posix_spawn(b, [b] + args, os.environ)
        os.waitpid(pid, 0)
        times[b].append((time.perf_counter() - t) * 1000)
for b, xs in times.items():
    xs.sort()
    q = lambda p: xs[int(p * (len(xs) - 1))]
    print(f"{b}: p50 {q(.5):.2f} p90 {q(.9):.2f} p99 {q(.99):.2f} max {xs[-1]:.2f} "
          f"mean {statistics.mean(xs):.2f} ms")
