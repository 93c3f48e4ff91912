#!/usr/bin/env bash
# `make fuzz`: a bounded libFuzzer run of each cargo-fuzz target in fuzz/,
# FUZZ_SECONDS (default 300) per target. Not part of `make test`.
#
#   FUZZ_SECONDS=60 scripts/fuzz.sh            # one minute per target
#   FUZZ_TARGETS="gift package" scripts/fuzz.sh
#
# Installs cargo-fuzz when it is missing, fills fuzz/corpus/<target>/ with
# seeds from the test fixtures, the built-in course and ../shared/fixtures
# (when present), then runs every target, even after one fails. A crash,
# timeout or out-of-memory input is kept in fuzz/artifacts/<target>/ and the
# script exits 1; each target's libFuzzer output is in
# fuzz/artifacts/<target>.log. Reproduce one input with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run <target> <file>
# and minimise it with `cargo fuzz tmin <target> <file>`.
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS=${FUZZ_SECONDS:-300}
FUZZ_TARGETS=${FUZZ_TARGETS:-course_folder gift package package_entries}
# cargo-fuzz passes nightly-only flags (-Z sanitizer=address and others);
# this lets a stable toolchain accept them.
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "Installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

corpus=fuzz/corpus
mkdir -p "$corpus"/{course_folder,gift,package,package_entries} fuzz/artifacts

# --- course_folder: course.toml, module.toml, a lesson, quiz.toml, a scenario
# and final.toml, NUL-separated (see fuzz/fuzz_targets/course_folder.rs).
# seed NAME FILE... writes the files' text (an empty name: no text) with a
# NUL between each two; the files after the last one named are left out.
seed() {
  local out=$1 i=0 last=0 f; shift
  for f in "$@"; do i=$((i + 1)); [ -z "$f" ] || last=$i; done
  i=0
  for f in "$@"; do
    i=$((i + 1))
    [ "$i" -le "$last" ] || break
    [ "$i" -eq 1 ] || printf '\0'
    [ -z "$f" ] || cat "$f"
  done > "$out"
}
maybe() { if [ -f "$1" ]; then echo "$1"; fi; }
course_seeds() {
  local course=$1 tag=$2 module lesson scenario n=0
  [ -f "$course/course.toml" ] || return 0
  for module in "$course"/modules/*/; do
    [ -d "$module" ] || continue
    scenario=""
    for scenario in "$module"scenarios/*.toml; do break; done
    scenario=$(maybe "$scenario")
    # The module's first lesson with its quiz and a scenario; each other
    # lesson on its own (the seeds stay small for the fuzzer).
    local first=1
    for lesson in "$module"lessons/*.md ""; do
      [ -z "$lesson" ] || [ -f "$lesson" ] || continue
      [ -n "$lesson" ] || [ "$first" -eq 1 ] || break
      n=$((n + 1))
      if [ "$first" -eq 1 ]; then
        seed "$corpus/course_folder/seed-$tag-$n" "$course/course.toml" "$(maybe "${module}module.toml")" \
          "$lesson" "$(maybe "${module}quiz.toml")" "$scenario"
        first=0
      else
        seed "$corpus/course_folder/seed-$tag-$n" "$course/course.toml" "$(maybe "${module}module.toml")" "$lesson"
      fi
      [ -n "$lesson" ] || break
    done
  done
  # final.toml once, with the first module.
  if [ -f "$course/final.toml" ]; then
    module=$(ls -d "$course"/modules/*/ 2>/dev/null | head -1)
    seed "$corpus/course_folder/seed-$tag-final" "$course/course.toml" "$(maybe "${module}module.toml")" \
      "" "$(maybe "${module}quiz.toml")" "" "$course/final.toml"
  fi
}
course_seeds content builtin
course_seeds crates/vardskap-core/tests/fixtures/valid valid
for broken in crates/vardskap-core/tests/fixtures/broken/*/; do
  course_seeds "${broken%/}" "broken-$(basename "$broken")"
done

# --- gift: the GIFT banks of the tests and of ../shared/fixtures.
for gift in crates/vardskap-core/tests/fixtures/gift/*.gift.txt ../shared/fixtures/gift/*.gift.txt; do
  [ -f "$gift" ] || continue
  cp "$gift" "$corpus/gift/seed-$(basename "$(dirname "$(dirname "$(dirname "$gift")")")")-$(basename "$gift")"
done

# --- package: packages made by the CLI from the built-in and the test course.
pack() {
  local course=$1 out=$2
  cargo run -q -p vardskap-cli -- pack "$course" -o "$out" >/dev/null ||
    echo "warning: could not pack $course; the package target starts without that seed" >&2
}
pack content "$corpus/package/seed-builtin.vdsk"
pack crates/vardskap-core/tests/fixtures/valid "$corpus/package/seed-valid.vdsk"

# --- package_entries: its input is read by `arbitrary`; one byte 0x01 is
# "the valid test course, nothing else", a start the fuzzer mutates from.
printf '\001' > "$corpus/package_entries/seed-valid"

failed=()
summary=()
for target in $FUZZ_TARGETS; do
  log=fuzz/artifacts/$target.log
  echo "== fuzzing $target for ${FUZZ_SECONDS}s (log: $log)"
  extra=()
  # Its input is a structure read by `arbitrary`: let it be long from the
  # start, or libFuzzer grows it a few bytes a minute.
  [ "$target" != package_entries ] || extra=(-len_control=0 -max_len=4096)
  if cargo fuzz run "$target" "$corpus/$target" -- \
      -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -timeout=10 \
      -print_final_stats=1 "${extra[@]}" >"$log" 2>&1; then
    status=ok
  else
    status=FOUND
    failed+=("$target")
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  corp=$(grep -o 'corp: [0-9]*/[0-9a-zA-Z]*' "$log" | tail -1 || true)
  summary+=("$target: $status, ${runs:-?} runs, ${speed:-?} exec/s, ${cov:-cov: ?}, ${corp:-corp: ?}")
  if [ "$status" = FOUND ]; then
    grep -E '^(==[0-9]+==|thread .* panicked|SUMMARY|artifact_prefix|Test unit written)' "$log" | head -20 || true
  fi
done

echo "== fuzz summary (${FUZZ_SECONDS}s per target)"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "Inputs that fail are in fuzz/artifacts/: ${failed[*]}" >&2
  exit 1
fi
