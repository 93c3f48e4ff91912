// Work that may take a while (importing a package, opening or packing a
// course, writing a file) says so: after about a second without a reply the
// app shows what it is doing, in a live region, until the reply comes.

/** What is under way, once it has taken longer than `DELAY_MS`; else null. */
export const progress = $state<{ label: string | null }>({ label: null });

/** How long work runs before the app says it is working on it. */
export const DELAY_MS = 1000;

let running = 0;

/**
 * Runs `work`; if it is not done within `DELAY_MS`, `label` is shown until it
 * is. Several at once show the latest label, and the notice stays until all
 * of them are done.
 */
export async function withProgress<T>(label: string, work: () => Promise<T>): Promise<T> {
  running++;
  const timer = setTimeout(() => (progress.label = label), DELAY_MS);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    running--;
    if (running === 0) progress.label = null;
  }
}
