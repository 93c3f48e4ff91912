#!/usr/bin/env bash
# The app benchmark of the performance budget (README, "Performance"): release binary size,
# start to interactive and idle memory (PSS), each against a bare Tauri window
# (bench/bare-window) on the same machine. A report: exits 0 whatever the
# figures, non-zero only when a build or a measurement fails.
#
# "Interactive" is the moment the UI calls `bench_ready` (the app: the profile
# picker painted after `startup` answered; the bare window: its page
# painted after one IPC call). Both programs then exit when
# VARDSKAP_BENCH_EXIT_WHEN_READY=1, or create VARDSKAP_BENCH_READY_FILE.
#
# BENCH_RUNS=<n> (default 10) launches per start-time figure, BENCH_MEM_RUNS=<n>
# (default 6) per idle-memory figure; BENCH_NO_BUILD=1
# skips the builds (measure what is already in the target dirs).
#
# Idle memory is also compared like for like when the app asked WebKit for
# Skia's CPU rasterizer (a machine without a GPU: src-tauri/src/raster.rs)
# and the bare window, left at WebKit's default, did not.
#
# It also prints where the app's start-up time goes (scripts/bench_split.py:
# the shell's moments and the page's navigation timing and marks, from the
# `bench` build's VARDSKAP_BENCH_TIMINGS), and the load average before and
# after: a figure taken while the machine was busy is marked as such, because
# a busy machine slows the bare window more than the app and flatters the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
APP=$ROOT/target/release/vardskap
BARE=$ROOT/bench/bare-window/target/release/bare-window
RUNS=${BENCH_RUNS:-10}
MEM_RUNS=${BENCH_MEM_RUNS:-6}

if [ "${1:-}" != --measure ]; then
  . scripts/lib.sh
  scripts/setup-build.sh
  if [ "$(uname -s)" = Linux ]; then
    apt_ensure hyperfine jq xvfb xauth dbus-daemon binutils
  fi
  if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
    echo "bench-app: building the app and the bare window in release (the first time takes minutes)"
    (cd ui && npm run build)
    startup_order # as the packages are linked (scripts/lib.sh)
    nice cargo build --release -p vardskap --features bench
    (cd bench/bare-window && nice cargo build --release)
  fi
  for bin in "$APP" "$BARE"; do
    [ -x "$bin" ] || { echo "bench-app: $bin is missing" >&2; exit 1; }
  done
  export NO_AT_BRIDGE=1
  if [ -z "${DISPLAY:-}" ]; then
    # A private X server for the measurements, like the end-to-end tests.
    exec xvfb-run --auto-servernum --server-args="-screen 0 1280x900x24" \
      dbus-run-session -- "$0" --measure
  fi
  exec dbus-run-session -- "$0" --measure
fi

# ---- measurements (under a display and a session bus) ----
WORK=$(mktemp -d)
STARTED=()
cleanup() {
  for pid in "${STARTED[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

fail() { echo "bench-app: $*" >&2; exit 1; }

# Bytes of the binary once stripped (a no-op when the profile strips already).
stripped_bytes() {
  strip -o "$WORK/stripped" "$1" && stat -c %s "$WORK/stripped"
}

# One launch of a command line, its wall time in ms on stdout (hyperfine
# starts it with no shell in between). `timeout` turns a UI that never
# reports ready into a failed launch, not a hang.
launch_ms() {
  local json=$WORK/launch.json
  hyperfine --shell=none --runs 1 --style none --export-json "$json" "timeout 60 $*" >/dev/null 2>&1 ||
    fail "a timed launch failed: $*"
  jq -r '.results[0].times[0] * 1000' "$json"
}

# "mean sd" of the numbers on stdin (sample standard deviation).
mean_sd() {
  awk '{ s += $1; q += $1 * $1; n++ } END { m = s / n; v = n > 1 ? (q - n * m * m) / (n - 1) : 0; printf "%.1f %.1f\n", m, sqrt(v > 0 ? v : 0) }'
}

# PIDs of a process and all its descendants (the WebKit web and network processes).
process_tree() {
  local pids=("$1") i=0 pid
  while [ $i -lt ${#pids[@]} ]; do
    for pid in $(ps -o pid= --ppid "${pids[$i]}" 2>/dev/null); do pids+=("$pid"); done
    i=$((i + 1))
  done
  echo "${pids[@]}"
}

# Idle PSS of every process of one launch, into PSS_KB: start, wait for
# ready, idle 2 s, sum Pss over the tree from smaps_rollup, then stop it.
# Also RASTER: "cpu" when a WebKit process of the launch was started with
# WEBKIT_SKIA_ENABLE_CPU_RENDERING=1, Skia's CPU rasterizer (the app asks for it on a machine with no GPU: src-tauri/src/raster.rs),
# "gpu" otherwise. $1 data dir ('' for none), $2 binary, then variables to set.
idle_pss_kb() {
  local data_dir=$1 bin=$2 ready=$WORK/ready pid pss waited=0 tree p
  shift 2
  rm -f "$ready"
  if [ -n "$data_dir" ]; then
    env "$@" VARDSKAP_DATA_DIR="$data_dir" VARDSKAP_BENCH_READY_FILE="$ready" "$bin" >/dev/null 2>&1 &
  else
    env "$@" VARDSKAP_BENCH_READY_FILE="$ready" "$bin" >/dev/null 2>&1 &
  fi
  pid=$!
  STARTED=("$pid")
  while [ ! -e "$ready" ]; do
    kill -0 "$pid" 2>/dev/null || fail "$bin exited before it was ready"
    [ $waited -lt 600 ] || fail "$bin was not ready within 60 s"
    sleep 0.1
    waited=$((waited + 1))
  done
  sleep 2
  tree=$(process_tree "$pid")
  PSS_KB=0
  RASTER=gpu
  for p in $tree; do
    pss=$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || true)
    PSS_KB=$((PSS_KB + ${pss:-0}))
    if [ "$p" != "$pid" ] && grep -qxz 'WEBKIT_SKIA_ENABLE_CPU_RENDERING=1' "/proc/$p/environ" 2>/dev/null; then
      RASTER=cpu
    fi
  done
  echo "  $(basename "$bin"): $(echo "$tree" | wc -w) processes ($(ps -o comm= -p "${tree// /,}" | sort | uniq -c | xargs)), $RASTER raster, PSS $PSS_KB kB" >&2
  for p in $tree; do kill -TERM "$p" 2>/dev/null || true; done
  wait "$pid" 2>/dev/null || true
  STARTED=()
  [ "$PSS_KB" -gt 0 ] || fail "no PSS read for $bin"
}

# Mean of MEM_RUNS idle-memory launches, in MiB, into PSS_MB, and the raster
# of the last (RASTER). $1 data-dir mode: none|fresh|kept, $2 binary, then
# variables to set. (A web process's memory differs from launch to launch by
# up to 10 MB, the bare page's as much as the app's: three launches were too few.)
idle_pss_mb() {
  local mode=$1 bin=$2 sum=0 dir='' run
  shift 2
  for run in $(seq "$MEM_RUNS"); do
    case $mode in
      fresh) dir=$WORK/pss-data-$run ;;
      kept) dir=$WORK/kept-data ;;
    esac
    idle_pss_kb "$dir" "$bin" "$@"
    sum=$((sum + PSS_KB))
  done
  PSS_MB=$(awk -v s="$sum" -v n="$MEM_RUNS" 'BEGIN { printf "%.1f", s / n / 1024 }')
}

# The load average over the last minute, before the measurements and after.
load_1min() { cut -d' ' -f1 /proc/loadavg; }
load_before=$(load_1min)

echo "bench-app: binary sizes" >&2
bare_bytes=$(stripped_bytes "$BARE") || fail "cannot strip $BARE"
app_bytes=$(stripped_bytes "$APP") || fail "cannot strip $APP"

echo "bench-app: start to interactive, $RUNS launches each, interleaved" >&2
# The three kinds of launch take turns (bare window, app on a new data
# folder, app on a kept one), so a machine that speeds up or slows down
# during the run moves all three alike instead of skewing the ratios.
# First start: a new data dir every launch, so the database is created and
# the built-in course installed every time. Second start: the data dir of a
# finished first start (made by the warm-up round, which is not counted).
bare_cmd=(env VARDSKAP_BENCH_EXIT_WHEN_READY=1 "$BARE")
first_cmd=(env VARDSKAP_DATA_DIR="$WORK/first-data" VARDSKAP_BENCH_EXIT_WHEN_READY=1 "$APP")
second_cmd=(env VARDSKAP_DATA_DIR="$WORK/kept-data" VARDSKAP_BENCH_EXIT_WHEN_READY=1 "$APP")
: >"$WORK/bare.ms"
: >"$WORK/first.ms"
: >"$WORK/second.ms"
for round in $(seq 0 "$RUNS"); do
  bare=$(launch_ms "${bare_cmd[@]}")
  rm -rf "$WORK/first-data"
  first=$(launch_ms "${first_cmd[@]}")
  second=$(launch_ms "${second_cmd[@]}")
  [ "$round" -gt 0 ] || continue
  echo "$bare" >>"$WORK/bare.ms"
  echo "$first" >>"$WORK/first.ms"
  echo "$second" >>"$WORK/second.ms"
done
read -r bare_ms bare_sd < <(mean_sd <"$WORK/bare.ms")
read -r first_ms first_sd < <(mean_sd <"$WORK/first.ms")
read -r second_ms second_sd < <(mean_sd <"$WORK/second.ms")
[ -n "$bare_ms" ] && [ -n "$first_ms" ] && [ -n "$second_ms" ] || fail "a start time is missing"

echo "bench-app: where the start-up time goes, $RUNS launches each" >&2
split_runs() {
  local mode=$1 out=$2 run
  rm -f "$out"
  for run in $(seq 1 "$RUNS"); do
    [ "$mode" = first ] && rm -rf "$WORK/split-data"
    VARDSKAP_DATA_DIR="$WORK/split-data" VARDSKAP_BENCH_EXIT_WHEN_READY=1 \
      VARDSKAP_BENCH_TIMINGS="$out" timeout 60 "$APP" >/dev/null 2>&1 ||
      fail "a timed start of the app failed"
  done
}
split_runs first "$WORK/split-first.jsonl"
split_runs second "$WORK/split-second.jsonl"

echo "bench-app: idle memory, $MEM_RUNS launches each" >&2
idle_pss_mb none "$BARE"; bare_mb=$PSS_MB; bare_raster=$RASTER
idle_pss_mb fresh "$APP"; app_first_mb=$PSS_MB
idle_pss_mb kept "$APP"; app_second_mb=$PSS_MB; app_raster=$RASTER
# Where the app chose Skia's CPU rasterizer and the bare window kept WebKit's
# default, the bare window again with the same choice: like for like.
bare_cpu_mb=
if [ "$app_raster" = cpu ] && [ "$bare_raster" = gpu ]; then
  echo "bench-app: idle memory of the bare window with CPU raster too (like for like), $MEM_RUNS launches" >&2
  idle_pss_mb none "$BARE" WEBKIT_SKIA_ENABLE_CPU_RENDERING=1; bare_cpu_mb=$PSS_MB
fi

awk -v bb="$bare_bytes" -v ab="$app_bytes" \
  -v bms="$bare_ms" -v bsd="$bare_sd" -v fms="$first_ms" -v fsd="$first_sd" \
  -v sms="$second_ms" -v ssd="$second_sd" \
  -v bmb="$bare_mb" -v fmb="$app_first_mb" -v smb="$app_second_mb" -v runs="$RUNS" \
  -v braster="$bare_raster" -v araster="$app_raster" -v bcmb="$bare_cpu_mb" '
  function verdict(ok) { return ok ? "pass" : "FAIL" }
  function ratio_line(what, bare_text, app_text, bare, app, limit,   r) {
    r = app / bare
    printf "%-30s %14s %14s %7.2fx %9s  %s\n", what, bare_text, app_text, r, "<= " limit "x", verdict(r <= limit)
  }
  BEGIN {
    printf "\nApp benchmark (Värdskap vs a bare Tauri window; start times: mean ± sd of %d launches)\n\n", runs
    printf "%-30s %14s %14s %8s %9s  %s\n", "what", "bare window", "Värdskap", "ratio", "budget", "result"
    bmb_s = sprintf("%.1f", bb / 1e6); amb_s = sprintf("%.1f", ab / 1e6)
    printf "%-30s %14s %14s %8s %9s  %s\n", "release binary, stripped (MB)", bmb_s, amb_s, "", "<= 15", verdict(ab <= 15e6)
    b = sprintf("%.0f ± %.0f", bms, bsd)
    ratio_line("start, first start (ms)", b, sprintf("%.0f ± %.0f", fms, fsd), bms, fms, 1.15)
    ratio_line("start, second start (ms)", b, sprintf("%.0f ± %.0f", sms, ssd), bms, sms, 1.15)
    ratio_line("idle PSS, first start (MB)", bmb, fmb, bmb, fmb, 1.10)
    ratio_line("idle PSS, second start (MB)", bmb, smb, bmb, smb, 1.10)
    if (bcmb != "") {
      ratio_line("  same, bare with CPU raster", bcmb, fmb, bcmb, fmb, 1.10)
      ratio_line("  (second start)", bcmb, smb, bcmb, smb, 1.10)
    }
    printf "\n raster: bare window %s, Värdskap %s (src-tauri/src/raster.rs)\n", braster, araster
  }' | sed 's/^/ /' || fail "cannot print the table"

load_after=$(load_1min)
python3 scripts/bench_split.py "$WORK/split-first.jsonl" "first start" || fail "cannot read the first start's timings"
python3 scripts/bench_split.py "$WORK/split-second.jsonl" "second start" || fail "cannot read the second start's timings"
echo
echo " load average (1 min): $load_before before, $load_after after, on $(nproc) cores"
if awk -v a="$load_before" -v b="$load_after" 'BEGIN { exit !(a > 0.3 || b > 1.8) }'; then
  echo " TOO BUSY to trust: other work ran beside the measurements (want under 0.3 before)." \
    "A busy machine slows the bare window more than the app, so the ratios above flatter the app."
fi
