#!/usr/bin/env bash
# Installs everything the test suite needs: the package with its test extra,
# the Nu HTML Checker and axe-core (npm), and Debian's chromium (browser
# tests) and pandoc (an EPUB made by another tool). Safe to run again; each
# step is skipped when already done.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

python -m pip install --quiet --disable-pip-version-check -e "$here/..[test]"

if [ ! -d "$here/node_modules/vnu-jar" ] || [ ! -d "$here/node_modules/axe-core" ]; then
  npm install --prefix "$here" --no-audit --no-fund --silent
fi

apt_install() {
  if command -v "$1" >/dev/null 2>&1; then
    return
  fi
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    echo "tests/setup.sh: $1 is not installed; $2 will be skipped" >&2
  fi
}
apt_install chromium "browser tests"
apt_install pandoc "the pandoc-made EPUB test"
