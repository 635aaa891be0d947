#!/usr/bin/env bash
# Installs everything the test suite needs: the package with its test extra,
# the Nu HTML Checker, axe-core and Ace by DAISY (npm), and Debian's chromium
# (browser tests, Ace), CJK fonts (screenshots show Chinese, book covers carry
# their title) and pandoc (an EPUB made by another tool). Safe to run again;
# each step is skipped when already done.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

python -m pip install --quiet --disable-pip-version-check -e "$here/..[test]"

if [ ! -d "$here/node_modules/vnu-jar" ] || [ ! -d "$here/node_modules/axe-core" ] \
  || [ ! -d "$here/node_modules/@daisy/ace" ]; then
  # Ace runs on Debian's chromium (PUPPETEER_EXECUTABLE_PATH in the tests):
  # neither Puppeteer's nor Electron's own browser is downloaded.
  PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
    npm install --prefix "$here" --no-audit --no-fund --silent
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc ] || missing+=(fonts-noto-cjk)
command -v pandoc >/dev/null 2>&1 || missing+=(pandoc)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq \
      && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "tests/setup.sh: ${missing[*]} not installed; the tests that need them will be skipped" >&2
  fi
fi
