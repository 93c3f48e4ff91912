#!/usr/bin/env bash
# Regenerates packaging/linux/startup-order.txt, the order in which lld lays
# out the functions of the release binary (issue 17: idle memory). The
# functions a start runs are placed first and side by side, so the pages a
# start maps in hold start-up code: the binary's resident code went from
# 6.9 MB to 2.1 MB of its 7.8 MB (docs/benchmarks.md).
#
# How: a release build with the linker's map, two starts of it under
# callgrind (a first start on a new data folder, then a second on the same
# folder, each left running 60 s so what runs after the first screen counts
# too), and scripts/startup_order.py, which turns the addresses callgrind saw
# run into the symbols of the map's sections; once for the shipped build and
# once for the bench's. Takes about 10 minutes.
#
# Run it after a change of Rust version or dependencies, or of the start-up
# path: symbols that no longer exist are skipped by the linker, so a stale
# file costs memory, never a build.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
scripts/setup-build.sh
apt_ensure valgrind xvfb xauth dbus-daemon
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd ui && npm run build)
app=$PWD/target/release/vardskap

# One start under callgrind, left running 60 s so what runs after the first
# screen counts too (timeout ends it; callgrind writes its counts as the app
# ends). $1: the counts' file, $2: the data folder.
start() {
  local out=$1 data=$2
  rm -f "$work/ready"
  env VARDSKAP_DATA_DIR="$data" VARDSKAP_BENCH_READY_FILE="$work/ready" NO_AT_BRIDGE=1 \
    xvfb-run --auto-servernum --server-args="-screen 0 1280x900x24" dbus-run-session -- \
    timeout -s TERM 60 valgrind --tool=callgrind --dump-instr=yes --compress-pos=no --compress-strings=no \
    --callgrind-out-file="$out" "$app" >"$work/valgrind.log" 2>&1 || true
  [ -s "$out" ] || { echo "startup-order: callgrind wrote nothing" >&2; tail -20 "$work/valgrind.log" >&2; exit 1; }
  [ -f "$data/vardskap.sqlite3" ] || { echo "startup-order: the app under callgrind never opened its store" >&2; exit 1; }
}

# The shipped build and the bench's (feature `bench`) each, without an order
# and with the linker's map: the names of the functions the app's own crate
# instantiates differ between the two, so the file names both.
orders=()
for features in "" bench; do
  VARDSKAP_LINK_ORDER= VARDSKAP_LINK_MAP="$work/vardskap.map" cargo build --release -p vardskap ${features:+--features "$features"}
  rm -rf "$work/data"
  start "$work/first.out" "$work/data"
  start "$work/second.out" "$work/data"
  if [ "$features" = bench ]; then
    [ -f "$work/ready" ] || { echo "startup-order: the bench build never showed its first screen" >&2; exit 1; }
  fi
  python3 scripts/startup_order.py "$work/vardskap.map" "$app" "$work/first.out" "$work/second.out" >"$work/order-${features:-shipped}.txt"
  orders+=("$work/order-${features:-shipped}.txt")
done
awk '!seen[$0]++' "${orders[@]}" >packaging/linux/startup-order.txt
echo "startup-order: packaging/linux/startup-order.txt, $(wc -l <packaging/linux/startup-order.txt) symbols"
