// One IPC call, show its reply, then report ready after the next paint:
// the same sequence the app goes through with its profile list. Its timings
// go with the report, as the app's do (ui/src/lib/bench.ts).
performance.mark('page-script');
const { invoke } = window.__TAURI_INTERNALS__;
const reply = await invoke('greet', { name: 'bench' });
performance.mark('ipc-done');
document.getElementById('reply').textContent = reply;

function timings() {
  const origin = performance.timeOrigin;
  const at = (ms) => Math.round((origin + ms) * 100) / 100;
  const nav = performance.getEntriesByType('navigation')[0];
  const marks = { timeOrigin: at(0) };
  if (nav) {
    marks.responseEnd = at(nav.responseEnd);
    marks.domInteractive = at(nav.domInteractive);
    marks.domContentLoaded = at(nav.domContentLoadedEventEnd);
  }
  for (const m of performance.getEntriesByType('mark')) marks[m.name] = at(m.startTime);
  marks.ready = at(performance.now());
  return JSON.stringify({ marks, resources: [] });
}

requestAnimationFrame(() => setTimeout(() => invoke('bench_ready', { timings: timings() }).catch(() => {}), 0));
