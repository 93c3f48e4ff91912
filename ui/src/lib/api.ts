// Typed wrappers of the shell's commands. Components call these, never `invoke`.
import { invoke } from '@tauri-apps/api/core';
import type { CommandError } from './bindings/CommandError';
import type { CourseOverview } from './bindings/CourseOverview';

export type { CommandError, CourseOverview };

/** A command failed: `kind` says what, `message` is a sentence for the user. */
export class ApiError extends Error {
  constructor(readonly kind: CommandError['kind'], message: string) {
    super(message);
  }
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    if (err && typeof err === 'object' && 'kind' in err && 'message' in err) {
      const e = err as CommandError;
      throw new ApiError(e.kind, e.message);
    }
    throw new ApiError('Invalid', String(err));
  }
}

export const api = {
  courseOverview: (lang: string) => call<CourseOverview>('course_overview', { lang }),
};
