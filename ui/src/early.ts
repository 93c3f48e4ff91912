// The first screen's one round trip (the `startup` command), asked for before
// the rest of the UI is evaluated: main.ts imports this module first, so the
// shell answers while the page is still evaluating its code (issue 17: start
// time). main.ts mounts the UI once the answer is in, so the first frame
// already shows the first screen with its data.
import type { Startup } from './lib/bindings/Startup';
import { call } from './lib/ipc';
import { settle, type StartupOutcome } from './lib/startupOutcome';

performance.mark('startup-asked');
/** Asked for when this module is evaluated, before the UI's own code runs. */
export const earlyStartup: Promise<StartupOutcome> = settle(call<Startup>('startup'));
