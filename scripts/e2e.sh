#!/usr/bin/env bash
# Runs the end-to-end tests against the real app binary under a virtual display
# when there is none, and stops everything it started, on failure too.
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${VARDSKAP_E2E_APP:-$PWD/target/debug/vardskap}
export VARDSKAP_E2E_APP=$APP
# The accessibility bridge is on and tests/e2e/lib/atspi.mjs reads the app's
# AT-SPI tree on every checked screen as Orca would (the AT-SPI bus is started
# by D-Bus activation on the run's session bus when the app first asks for
# it). VARDSKAP_E2E_ATSPI=0 turns the bridge and those checks off.
if [ "${VARDSKAP_E2E_ATSPI:-1}" = 0 ]; then export NO_AT_BRIDGE=1; else unset NO_AT_BRIDGE; fi
# Xvfb has no GPU: WebKitGTK 2.50 then composites and paints through Mesa's
# software GL (llvmpipe), and its web process has crashed there during runs
# (segfaults in ThreadedCompositor/swrast_dri.so and SkiaGPUWorker/libLLVM in
# the kernel log, the WebDriver session gone mid-spec). The tests paint on the
# CPU instead: no accelerated compositing, Skia's CPU renderer.
export WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_SKIA_ENABLE_CPU_RENDERING=1
mkdir -p test-output/e2e

# Everything the run starts (Xvfb, the session bus, node, tauri-driver,
# WebKitWebDriver, the app) lives in one process group, stopped as a whole.
group=""
cleanup() {
  [ -n "$group" ] && kill -TERM -- "-$group" 2>/dev/null
  sleep 0.5
  [ -n "$group" ] && kill -KILL -- "-$group" 2>/dev/null
  # The app by its executable too, in case it left the group.
  for exe in /proc/[0-9]*/exe; do
    [ "$(readlink "$exe" 2>/dev/null)" = "$APP" ] && kill -KILL "$(basename "$(dirname "$exe")")" 2>/dev/null
  done
  true
}
trap cleanup EXIT INT TERM

# Spec files to run (relative to tests/e2e), e.g. `scripts/e2e.sh specs/07-editor.test.mjs`; all by default.
if [ "$#" -gt 0 ]; then specs=("$@"); else specs=(specs/); fi
tests=(node --test --test-concurrency=1 --test-reporter=spec "${specs[@]}")
cd tests/e2e
if [ -z "${DISPLAY:-}" ]; then
  # A private X server and session bus for the run.
  setsid xvfb-run --auto-servernum --server-args="-screen 0 1280x900x24" dbus-run-session -- "${tests[@]}" &
else
  setsid "${tests[@]}" &
fi
group=$!
wait "$group"
