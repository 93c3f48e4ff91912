// Files handed to the running app: a second launch with a class invitation or
// a course package hands the file to this window and exits. The shell says
// which kind it was on one channel (`watch_handovers`), and the handler for
// that kind reads it as it would read a file the app was opened with.
//
// A channel, not Tauri's events: listening to an event makes the shell run
// the listener's script in a JavaScript engine of its own, 4-5 MB for as long
// as the app runs (issue 17: idle memory); a channel costs nothing until a
// file comes.
import { Channel } from '@tauri-apps/api/core';
import { api } from './api';
import type { Purpose } from './bindings/Purpose';

/** The kinds of file a second launch hands over. */
export type Handover = Extract<Purpose, 'classInvitation' | 'importPackage'>;

const handlers = new Map<Purpose, () => void>();
let watching = false;

/** Runs `handler` whenever a file of `kind` is handed over; returns what stops it. */
export function onHandover(kind: Handover, handler: () => void): () => void {
  handlers.set(kind, handler);
  if (!watching) {
    watching = true;
    try {
      const channel = new Channel<Purpose>((purpose) => handlers.get(purpose)?.());
      api.watchHandovers(channel).catch(() => {
        watching = false;
      });
    } catch {
      // Without the shell (unit tests) nothing is handed over.
      watching = false;
    }
  }
  return () => {
    if (handlers.get(kind) === handler) handlers.delete(kind);
  };
}
