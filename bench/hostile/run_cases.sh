#!/usr/bin/env bash
# Runs every issue-13 case against one build and records wall time, peak RSS
# and outcome. Usage: run_cases.sh before|after [CASE...]
#   CLI   = /work/rss/target-$side/release/vardskap-cli
#   VIEW  = /work/rss/target-$side/release/examples/lesson_view_rss  (case 1)
# Each case runs once; when that took under 10 s it runs twice more.
# Results: /work/rss/results/$side/<case>.<n>.{time,out,err,load}, and one line
# per run appended to /work/rss/results/runs.tsv.
set -u
side=$1; shift
IN=/work/rss/inputs
CLI=/work/rss/target-$side/release/vardskap-cli
VIEW=/work/rss/target-$side/release/examples/lesson_view_rss
RES=/work/rss/results/$side
SCRATCH=/work/rss/scratch/$side
mkdir -p "$RES" "$SCRATCH"
TSV=/work/rss/results/runs.tsv
[ -f "$TSV" ] || printf 'side\tcase\trun\twall_s\tmaxrss_kib\texit\tstdout_lines\tload1\tstdout_head\n' > "$TSV"

# prepare <case>: anything that must be fresh before each timed run.
prepare() {
  case $1 in
    c2d_gift) rm -rf "$SCRATCH/c2d"; cp -r "$IN/c2d_course" "$SCRATCH/c2d" ;;
    c3*|control) rm -rf "$SCRATCH/unpacked" ;;
  esac
}

# command <case>: the measured command line.
command_for() {
  case $1 in
    c1_view)      echo "$VIEW $IN/c1_img300 01-valkommen" ;;
    c1_view_json) echo "$VIEW $IN/c1_img300 01-valkommen json" ;;
    c2d_gift)     echo "$CLI import-gift $IN/c2d_same_title.gift --into $SCRATCH/c2d/modules/01-valkommen" ;;
    c3_zip64)     echo "$CLI unpack $IN/c3_zip64_4m.vdsk -o $SCRATCH/unpacked" ;;
    c3b_zip64_real) echo "$CLI unpack $IN/c3b_zip64_4m_real.vdsk -o $SCRATCH/unpacked" ;;
    control)      echo "$CLI unpack $IN/control.vdsk -o $SCRATCH/unpacked" ;;
    *)            echo "$CLI validate $IN/$1" ;;
  esac
}

run_one() {
  local c=$1 n=$2 base="$RES/$1.$2"
  prepare "$c"
  cut -d' ' -f1-3 /proc/loadavg > "$base.load"
  # shellcheck disable=SC2046
  /usr/bin/time -v -o "$base.time" timeout 600 $(command_for "$c") > "$base.out" 2> "$base.err"
  local wall rss exit lines head
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$base.time")
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$base.time")
  exit=$(awk -F': ' '/Exit status/{print $2}' "$base.time")
  lines=$(wc -l < "$base.out")
  head=$( (head -c 300 "$base.out"; echo; tail -n 2 "$base.out" | cut -c1-200; head -c 300 "$base.err") | tr '\n\t' '  ' | cut -c1-600)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$side" "$c" "$n" "$wall" "$rss" "$exit" "$lines" "$(cut -d' ' -f1 "$base.load")" "$head" >> "$TSV"
  echo "$side $c #$n: ${wall}s ${rss} KiB exit $exit ($lines lines) load $(cat "$base.load")"
  WALL=$wall
}

CASES=("$@")
[ ${#CASES[@]} -gt 0 ] || CASES=(control c3_zip64 c3b_zip64_real c1_view c1_view_json c2a_div100k c2b_b100k_unclosed \
  c2b_b100k_closed c2b_strong100k_unclosed c2c_md3900k c2c_md4800k c2d_gift c4a_over4mib \
  c4b_links150k c4b_images120k c4b_tags150k)
for c in "${CASES[@]}"; do
  run_one "$c" 1
  if awk -v w="$WALL" 'BEGIN{exit !(w < 10)}'; then
    run_one "$c" 2
    run_one "$c" 3
  fi
done
