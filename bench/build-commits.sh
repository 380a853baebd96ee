#!/usr/bin/env bash
# Builds sharechart as it was at each given commit, and prints NAME=BINARY for bench/compare.py:
#
#   python3 bench/compare.py $(bench/build-commits.sh release 68a14a4 71707b6)
#   PROFILES="release release-lto" bench/build-commits.sh - 68a14a4 0ea1375 fac95de 71707b6
#
# The first argument is the profile (`release`, what the README's `cargo run --release` builds,
# or `release-lto`, the distribution build); `-` takes them from $PROFILES. Each commit's tree is
# exported with `git archive` into bench/out/src (no worktree is registered) and built with its
# own Cargo.lock in one target directory, bench/out/target (dependencies compile once; the
# checkout's own target/ is left alone), and the binary is copied to
# bench/out/bin/COMMIT-PROFILE, which is reused if it is there. Build output goes to stderr.
#
# One source folder for every commit, its files dated now (`tar -m`): Cargo decides whether
# sharechart is fresh from the files and dates its last build listed, so a folder per commit, or
# the commit's own dates, could hand back the binary of the commit built before.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
profiles=$1
shift
[ "$profiles" = "-" ] && profiles=${PROFILES:?set PROFILES or give a profile}
target=$root/bench/out/target
src=$root/bench/out/src
mkdir -p bench/out/bin
for c in "$@"; do
  sha=$(git rev-parse --short "$c^{commit}")
  for profile in $profiles; do
    bin=bench/out/bin/$sha-$profile
    if [ ! -x "$bin" ]; then
      rm -rf "$src"
      mkdir -p "$src"
      git archive "$sha" | tar -x -m -C "$src"
      cargo build --locked --profile "$profile" --manifest-path "$src/Cargo.toml" \
        --target-dir "$target" >&2
      cp "$target/$profile/sharechart" "$bin"
    fi
    echo "$sha-$profile=$root/$bin"
  done
done
