// Start-up benchmark hook (scripts/bench-app.sh): tells the shell, once, that
// the first screen is painted with data. The shell ignores it unless a
// VARDSKAP_BENCH_* variable is set, and only a `bench` build has the command,
// so a normal start pays one tiny refused IPC call.
import { api } from './api';
import { tick } from 'svelte';

let sent = false;

export async function benchReady(): Promise<void> {
  if (sent) return;
  sent = true;
  await tick();
  // After the next frame is painted, not merely when the DOM is updated.
  requestAnimationFrame(() =>
    setTimeout(() => {
      api.benchReady().catch(() => {
        // Not a benchmark build (the command exists only with the `bench` feature): nothing to report.
      });
    }, 0),
  );
}
