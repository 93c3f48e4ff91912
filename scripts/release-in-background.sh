#!/usr/bin/env bash
# Runs a command (in `make test`: the lint, the Rust, UI and end-to-end tests)
# while the release packages build in the background at the lowest CPU
# priority (scripts/dist.sh --ui-built deb,rpm), then waits for them; the
# installed-package test (scripts/test-installed.sh --built) comes after.
#
# Why: the release build (fat LTO, one codegen unit) takes 7-8 min of a
# 2-core machine, and the tests before it leave a core idle much of the
# time (the end-to-end tests mostly wait on the app). At nice 19 the build
# only takes CPU time the tests leave; it never makes them wait.
#
# When the command fails, the build is stopped and its status returned. The
# build's output goes to target/release-build.log, its time to
# target/release-build.time (read by test-installed.sh --built).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
log=target/release-build.log
rm -f target/release-build.time
start=$(date +%s)
# A session of its own, so the whole build (cargo, rustc, the bundler) can be
# stopped at once. A new session is also a new scheduling group when the
# kernel groups by session (sched_autogroup): groups share the CPU equally
# whatever their processes' nice values, so the group itself is set to nice
# 19, or the build would take half the machine from the tests.
setsid sh -c 'echo 19 >/proc/self/autogroup 2>/dev/null; exec nice -n 19 scripts/dist.sh --ui-built deb,rpm' >"$log" 2>&1 &
build=$!
echo "release-in-background: the release packages build meanwhile (nice 19, log: $log)"

stop_build() {
  kill -TERM -- "-$build" 2>/dev/null
  wait "$build" 2>/dev/null
}
trap 'stop_build; exit 130' INT TERM

"$@"
rc=$?
if [ "$rc" -ne 0 ]; then
  stop_build
  exit "$rc"
fi

tests_done=$(date +%s)
echo "release-in-background: waiting for the release packages"
if ! wait "$build"; then
  echo "The release build failed (last lines of $log):" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
end=$(date +%s)
echo "$((end - start))" >target/release-build.time
echo "release-in-background: release build + .deb + .rpm took $((end - start)) s beside the tests; waited $((end - tests_done)) s for it after them"
