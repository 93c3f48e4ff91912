// Start-up benchmark hook (scripts/bench-app.sh): tells the shell, once, that
// the first screen is painted with data, with where the time went (navigation
// and resource timing, and the page's own `performance.mark`s). The shell
// ignores it unless a VARDSKAP_BENCH_* variable is set, and only a `bench`
// build has the command, so a normal start pays one tiny refused IPC call.
import { api } from './api';
import { tick } from 'svelte';

let sent = false;

/** Marks a moment of the start-up, for the benchmark's time split. */
export function startupMark(name: string): void {
  performance.mark(name);
}

/** The page's start-up timings as JSON, times in ms since the Unix epoch. */
function timings(): string {
  const origin = performance.timeOrigin;
  const at = (ms: number) => Math.round((origin + ms) * 100) / 100;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const marks: Record<string, number> = { timeOrigin: at(0) };
  if (nav) {
    marks.responseEnd = at(nav.responseEnd);
    marks.domInteractive = at(nav.domInteractive);
    marks.domContentLoaded = at(nav.domContentLoadedEventEnd);
  }
  for (const m of performance.getEntriesByType('mark')) marks[m.name] = at(m.startTime);
  marks.ready = at(performance.now());
  const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
    name: r.name.replace(/^.*\/(_app\/)?/, ''),
    start: at(r.startTime),
    end: at(r.responseEnd),
    bytes: r.decodedBodySize,
  }));
  return JSON.stringify({ marks, resources });
}

export async function benchReady(): Promise<void> {
  if (sent) return;
  sent = true;
  await tick();
  startupMark('dom-updated');
  // After the next frame is painted, not merely when the DOM is updated.
  requestAnimationFrame(() => {
    startupMark('frame');
    setTimeout(() => {
      api.benchReady(timings()).catch(() => {
        // Not a benchmark build (the command exists only with the `bench` feature): nothing to report.
      });
    }, 0);
  });
}
