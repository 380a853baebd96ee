#!/usr/bin/env bash
# Browser check of output/index.html: installs Debian's chromium and playwright-core if missing,
# then runs check.mjs. Usage: bash tests/browser/run.sh [OUTPUT_DIR]
# Works unattended (CI=true, no stdin) as root; as another user it uses sudo for apt-get.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# An OUTPUT_DIR argument is taken relative to the caller's directory.
args=()
for a in "$@"; do args+=("$(realpath -m -- "$a")"); done

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DEBIAN_FRONTEND=noninteractive

if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "browser: installing Debian's chromium"
  $sudo apt-get update -q </dev/null
  # fonts-dejavu-core: an Arabic-capable font for the page's captions on a bare machine.
  $sudo apt-get install -y -q chromium fonts-dejavu-core </dev/null
fi

cd "$here"
if [ ! -d node_modules/playwright-core ]; then
  echo "browser: npm ci"
  npm ci --no-audit --no-fund </dev/null
fi

exec node check.mjs ${args[@]+"${args[@]}"}
