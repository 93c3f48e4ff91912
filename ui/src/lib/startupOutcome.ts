// What the `startup` command said, settled: the early request (src/early.ts)
// and a retry after a restore (App.svelte) are shown the same way.
import type { Startup } from './bindings/Startup';

/** The `startup` command's answer, or what it threw. */
export type StartupOutcome = { answer: Startup } | { failure: unknown };

/** `answer` settled: never rejects. */
export function settle(answer: Promise<Startup>): Promise<StartupOutcome> {
  return answer.then(
    (value) => ({ answer: value }),
    (failure: unknown) => ({ failure }),
  );
}
