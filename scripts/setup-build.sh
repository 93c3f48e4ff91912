#!/usr/bin/env bash
# What building and running the app needs: WebKitGTK and friends, and the UI's npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
if [ "$(uname -s)" = Linux ]; then
  apt_ensure build-essential pkg-config curl file libwebkit2gtk-4.1-dev libayatana-appindicator3-dev \
    librsvg2-dev libxdo-dev libssl-dev
fi
npm_ensure ui
