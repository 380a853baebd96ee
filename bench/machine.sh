#!/usr/bin/env sh
# The machine and its load, for BENCHMARKS.md: sh bench/machine.sh > bench/results/machine.txt
echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "nproc: $(nproc)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "kernel: $(uname -sr)"
echo "hypervisor: $(lscpu 2>/dev/null | awk -F: '/Hypervisor vendor/ {gsub(/^ +/, "", $2); print $2}')"
echo "rustc: $(rustc --version 2>/dev/null)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "busiest processes:"
top -bn1 -o %CPU | sed -n '8,12p'
