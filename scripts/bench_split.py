#!/usr/bin/env python3
"""Where the app's start-up time goes: reads the JSON lines that a `bench`
build appends to VARDSKAP_BENCH_TIMINGS (one per start; see
src-tauri/src/startup_timing.rs and ui/src/lib/bench.ts) and prints, for
every moment, its median time after the shell's `run` (the top of main), the
median step from the moment before, and what the page loaded.

Usage: bench_split.py TIMINGS.jsonl [TITLE]
"""
import json
import statistics
import sys


def moments(start):
    """Every moment of one start, in ms after the shell's `run`."""
    shell, page = start.get("shell") or {}, start.get("page") or {}
    t0 = shell.get("run")
    if t0 is None:
        return None, []
    out = {f"shell {k}": v - t0 for k, v in shell.items()}
    for k, v in (page.get("marks") or {}).items():
        out[f"page {k}"] = v - t0
    return out, page.get("resources") or []


def main():
    path = sys.argv[1]
    title = sys.argv[2] if len(sys.argv) > 2 else "start"
    runs, resources = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            m, res = moments(json.loads(line))
            if m:
                runs.append(m)
                resources = res
    if not runs:
        sys.exit(f"bench_split: no timings in {path}")
    names = sorted({k for r in runs for k in r})
    medians = {k: statistics.median(r[k] for r in runs if k in r) for k in names}
    print(f"\nWhere the time goes, {title} (median of {len(runs)} starts, ms after the top of main)\n")
    print(f"  {'moment':34} {'at':>8} {'step':>8}")
    before = 0.0
    for k in sorted(names, key=lambda k: medians[k]):
        print(f"  {k:34} {medians[k]:8.1f} {medians[k] - before:8.1f}")
        before = medians[k]
    if resources:
        total = sum(r.get("bytes") or 0 for r in resources)
        print(f"\n  page resources of the last start: {len(resources)} files, {total / 1024:.0f} KiB decoded")
        for r in resources:
            print(f"    {r['name'][:40]:40} {(r.get('bytes') or 0) / 1024:7.1f} KiB")


if __name__ == "__main__":
    main()
