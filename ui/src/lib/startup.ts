// The first screen's moment: once it is painted with its data, the start-up
// benchmark hears of it (bench.ts) and the work that can wait runs, such as
// subscribing to the shell's events. Nothing of that sits between the window
// and the first usable screen (issue 17: start time).
import { benchReady } from './bench';

let shown = false;
const waiting: (() => void)[] = [];

/** Runs `work` once the first screen is shown (at once if it is already). */
export function afterFirstScreen(work: () => void): void {
  if (shown) work();
  else waiting.push(work);
}

/** The first screen (the profile picker, or the recovery screen) is shown with its data. */
export function firstScreenShown(): void {
  if (shown) return;
  shown = true;
  void benchReady();
  // After the next frame, so the work never delays the paint it follows.
  const later = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 0);
  later(() =>
    setTimeout(() => {
      for (const work of waiting.splice(0)) work();
    }, 0),
  );
}
