// The one place that calls the shell: `invoke`, with its errors turned into
// `ApiError`. The generated client (bindings/commands.ts) goes through it.
import { invoke } from '@tauri-apps/api/core';
import type { CommandError } from './bindings/CommandError';
import type { ErrorKind } from './bindings/ErrorKind';
import type { MessageArg } from './bindings/MessageArg';

/**
 * A command failed: `kind` says what; `params` fill the catalogue's
 * `errors.<kind>` sentence; `message` is the core's full sentence in English.
 */
export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind | 'Unexpected',
    message: string,
    /** For a refused passphrase: seconds until the next try is checked. */
    readonly retryAfterSecs: number | null = null,
    readonly params: Readonly<Partial<Record<string, MessageArg>>> = {},
  ) {
    super(message);
  }

  /** The error a command sent, with everything it carries. */
  static from(e: CommandError): ApiError {
    return new ApiError(e.kind, e.message, e.retryAfterSecs ?? null, e.params ?? {});
  }
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    if (err && typeof err === 'object' && 'kind' in err && 'message' in err) {
      throw ApiError.from(err as CommandError);
    }
    throw new ApiError('Unexpected', String(err));
  }
}
