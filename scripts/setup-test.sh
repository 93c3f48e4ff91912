#!/usr/bin/env bash
# What the tests need beyond the build: a virtual display, WebKitWebDriver,
# tauri-driver, cargo-deny, PDF text tools, python3-xlib (to close the window as a window
# manager would), pyatspi and the AT-SPI bus (to read the app as a screen reader
# does, tests/e2e/lib/atspi.py) and the end-to-end tests' npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
scripts/setup-build.sh
if [ "$(uname -s)" = Linux ]; then
  apt_ensure xvfb xauth webkit2gtk-driver dbus-x11 imagemagick poppler-utils fonts-dejavu-core python3-xlib python3-pyatspi at-spi2-core
  # The installed-package test (scripts/test-installed.sh): lintian for the .deb, appstreamcli
  # and desktop-file-validate for its metadata, shared-mime-info to register its file types,
  # rpm to read the .rpm.
  apt_ensure lintian appstream desktop-file-utils shared-mime-info rpm
fi
if ! command -v tauri-driver >/dev/null; then
  echo "Installing tauri-driver"
  cargo install tauri-driver --locked
fi
# `make deny`: the crates' licences, bans and sources (deny.toml).
if ! cargo deny --version >/dev/null 2>&1; then
  echo "Installing cargo-deny"
  cargo install --locked cargo-deny --version '^0.20'
fi
npm_ensure tests/e2e
scripts/setup-lrs.sh
