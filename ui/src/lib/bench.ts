// Start-up benchmark hook (scripts/bench-app.sh): tells the shell, once, that
// the first screen is painted with data. The shell ignores it unless a
// VARDSKAP_BENCH_* variable is set, so a normal start pays one tiny IPC call.
import { invoke } from '@tauri-apps/api/core';
import { tick } from 'svelte';

let sent = false;

export async function benchReady(): Promise<void> {
  if (sent) return;
  sent = true;
  await tick();
  // After the next frame is painted, not merely when the DOM is updated.
  requestAnimationFrame(() =>
    setTimeout(() => {
      invoke('bench_ready').catch(() => {
        // Not in a benchmark, or the shell is older: nothing to report.
      });
    }, 0),
  );
}
