// The shell's commands, typed: `api` is the client generated from the Rust
// command functions (bindings/commands.ts, by `make bindings`). Components
// call these, never `invoke`.
import { commands } from './bindings/commands';
import { ApiError } from './ipc';
import { hasMessage, t, tAttribute } from './i18n/index.svelte';

export { ApiError } from './ipc';

export const api = commands;

/**
 * A sentence for the user, in their language, from anything a command threw.
 * Course problems keep the core's `path:line:col: message` lines for authors.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError && err.kind !== 'InvalidContent' && err.kind !== 'Unexpected') {
    const key = `errors.${err.kind}`;
    if (hasMessage(key)) return t(key, err.params);
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * A command error's full sentence (its kind's `detail` in the catalogue) in
 * the user's language, with its parameters: the exact reason, for authors and
 * instructors. The core's English sentence when the catalogue has none.
 */
export function errorDetail(err: ApiError): string {
  const key = `errors.${err.kind}`;
  return (hasMessage(key) && tAttribute(key, 'detail', err.params)) || err.message;
}
