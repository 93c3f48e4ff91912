#!/usr/bin/env bash
# `make dist`: the release installers of this system, built with Tauri's
# bundler (the Tauri CLI of packaging/package.json, a prebuilt binary from the
# npm registry; nothing is downloaded from elsewhere).
#
#   scripts/dist.sh            Linux: .deb and .rpm in target/release/bundle/{deb,rpm}/
#   scripts/dist.sh deb        only the .deb
#   scripts/dist.sh --ui-built deb,rpm
#                              without building ui/build again (`make test`
#                              builds the packages while other tests run,
#                              and a UI build then would empty ui/build
#                              under a debug build that embeds it)
#
# AppImage is left out: its bundler downloads linuxdeploy and its plugins from
# GitHub, outside the package registries. Windows (msi, nsis) and macOS
# (app, dmg) are built on those systems: see the README, "Packaging".
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ui_built=no
if [ "${1:-}" = --ui-built ]; then ui_built=yes; shift; fi
bundles=${1:-deb,rpm}
scripts/setup-build.sh
npm_ensure packaging

# The shell embeds ui/build, so the UI comes first.
if [ "$ui_built" = yes ]; then
  [ -f ui/build/index.html ] || { echo "dist: --ui-built, but ui/build has no index.html" >&2; exit 1; }
else
  (cd ui && npm run build)
fi
# The plain release build (default features), the same target/release cache
# as `make run PROFILE=release` and the start-up bench, which rebuilds only
# the app's own crate when its features differ.
# On x86_64 Linux (Rust links with lld there) the start-up code is laid out
# first (packaging/linux/startup-order.txt; scripts/startup-order.sh).
startup_order
nice cargo build --release -p vardskap
app=target/release/vardskap
if grep -qa VARDSKAP_E2E_DIALOGS "$app"; then
  echo "$app answers file dialogs from a test queue: only the e2e build may" >&2
  exit 1
fi
# (The hook's environment variable, not its command name: the name is in
# every build's permission list, the variable only in the hook's body.)
if grep -qa VARDSKAP_BENCH_EXIT_WHEN_READY "$app"; then
  echo "$app has the start-up bench's hook: rebuild without --features bench" >&2
  exit 1
fi

rm -rf target/release/bundle/deb target/release/bundle/rpm
# tauri.linux.conf.json names the product `vardskap` on Linux: Debian and
# RPM package names are ASCII, and the app looks for its resources in
# /usr/lib/<product name>, where the packages put them. The window, the menu
# entry and the metainfo still say Värdskap.
(cd src-tauri && ../packaging/node_modules/.bin/tauri bundle --bundles "$bundles")
ls -l target/release/bundle/*/vardskap[_-]*.{deb,rpm} 2>/dev/null || true
