#!/usr/bin/env bash
# Installs the chart peers of bench/peers/run.sh, exactly as bench/peers/README.md says
# (Debian 12 bookworm, as root): Debian packages, PyPI and npm only.
#
#   bench/install-peers.sh          gnuplot, matplotlib, vl-convert and vega-cli
#   NO_VEGACLI=1 bench/install-peers.sh   skip vega-cli (it compiles node-canvas, ~1 min)
set -euxo pipefail
cd "$(dirname "$0")/peers"

apt-get update
apt-get install -y gnuplot-nox fonts-dejavu-core          # gnuplot 5.4.4; DejaVu Sans
pip install matplotlib==3.11.2 vl-convert-python==1.9.0.post1
apt-get install -y time       # not in the peers' README: GNU time, for run.sh's true-peak columns
if [ -z "${NO_VEGACLI:-}" ]; then
  # node-canvas falls back to compiling when it cannot download a prebuilt binary; that needs
  # these headers (g++, make, pkg-config and nodejs 20 must already be present).
  apt-get install -y libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev
  (cd vegacli && npm ci)                                   # from package-lock.json
fi
