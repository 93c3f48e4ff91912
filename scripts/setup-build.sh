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
# The About screen's list of the Rust crates' licences is made by cargo-about
# when the UI is built (ui/licences.ts). Compiling it takes a few minutes, once.
if ! cargo about --version >/dev/null 2>&1; then
  echo "Installing cargo-about"
  cargo install --locked cargo-about --version '^0.9' --features cli
fi
# cargo-about reads the crates offline (--frozen): on a new machine they are
# not downloaded yet, so fetch what Cargo.lock names first (quick when they are).
cargo fetch --locked
