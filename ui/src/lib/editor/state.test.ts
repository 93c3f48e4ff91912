// The editor state against a fake shell (Tauri's own IPC mock): validation
// waits for a pause in typing, late replies are dropped, saving clears the
// unsaved mark, and the selection follows the item it is on.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Course } from '$lib/bindings/Course';
import type { EditorDiagnostic } from '$lib/bindings/EditorDiagnostic';
import { newQuestion } from './model';
import { CHECK_DELAY_MS, editor } from './state.svelte';

type Call = { cmd: string; args: Record<string, unknown>; reply: (value: unknown) => void };
let calls: Call[] = [];

function course(): Course {
  return {
    id: 'c',
    version: '1.0.0',
    languages: ['sv'],
    title: { sv: 'K' },
    description: null,
    pass_mark: 0.8,
    competencies: [{ id: 'welcome', title: { sv: 'V' }, description: null }],
    modules: [
      { id: 'm', dir: '01-m', title: { sv: 'M' }, summary: null, feedback: 'immediate', pass_mark: null, lessons: [], questions: [], scenarios: [] },
    ],
  };
}

const problem = (message: string): EditorDiagnostic => ({ path: 'course.toml', line: 1, column: 1, message, field: 'course.title' });
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  calls = [];
  mockIPC((cmd, args) => new Promise((reply) => calls.push({ cmd, args: args as Record<string, unknown>, reply })));
  editor.load({ folder: '/courses/c', course: course(), diagnostics: [] });
});

afterEach(() => {
  vi.useRealTimers();
  clearMocks();
});

describe('validation while typing', () => {
  it('asks the core once typing pauses, with the unsaved model', async () => {
    vi.useFakeTimers();
    editor.course!.title = { sv: 'Ny' };
    editor.edited(JSON.stringify(editor.course));
    vi.advanceTimersByTime(CHECK_DELAY_MS - 1);
    expect(calls, 'no check while the author is still typing').toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(calls.map((c) => c.cmd), 'one check after the pause').toEqual(['editor_check']);
    expect((calls[0].args.course as Course).title, 'the check gets the edited model').toEqual({ sv: 'Ny' });
    expect(editor.dirty, 'an edit is unsaved').toBe(true);
  });

  it('drops a reply that arrives after a newer check was sent', async () => {
    const first = editor.check();
    const second = editor.check();
    calls[1].reply([problem('newer')]);
    await second;
    calls[0].reply([problem('older')]);
    await first;
    expect(editor.diagnostics.map((d) => d.message), 'the older reply must not overwrite the newer').toEqual(['newer']);
  });

  it('drops a reply to a check of a model edited since', async () => {
    const pending = editor.check();
    editor.edited(JSON.stringify({ ...editor.course, id: 'changed' }));
    calls[0].reply([problem('stale')]);
    await pending;
    expect(editor.diagnostics, 'problems of an older model are not shown').toEqual([]);
  });
});

describe('saving', () => {
  it('clears the unsaved mark and shows the saved files’ problems', async () => {
    editor.course!.version = '1.1.0';
    editor.edited(JSON.stringify(editor.course));
    expect(editor.dirty, 'edited before saving').toBe(true);
    const saving = editor.save();
    await settle();
    expect(calls.at(-1)?.cmd, 'the save goes to the shell').toBe('editor_save');
    calls.at(-1)!.reply({ summary: { written: [], removed: [], mediaCopied: [] }, diagnostics: [problem('left')] });
    expect(await saving, 'the save succeeded').toBe(true);
    expect(editor.dirty, 'nothing unsaved after saving').toBe(false);
    expect(editor.diagnostics.map((d) => d.message), 'the saved files’ problems show').toEqual(['left']);
  });
});

describe('selection', () => {
  it('follows a moved question and leaves a removed one', () => {
    const module = editor.course!.modules[0];
    for (let i = 0; i < 3; i++) module.questions.push({ ...newQuestion(module, editor.course!), id: `q${i}` });
    editor.selectIn(0, 'questions', 2);
    editor.move(0, 'questions', 2, -1);
    expect(editor.selection, 'the selection moves with the question').toEqual({ kind: 'question', m: 0, q: 1 });
    editor.remove(0, 'questions', 0);
    expect(editor.selection, 'a removal above shifts the selection up').toEqual({ kind: 'question', m: 0, q: 0 });
    expect(editor.course!.modules[0].questions[0].id, 'still the same question').toBe('q2');
    editor.remove(0, 'questions', 0);
    expect(editor.selection, 'removing the selected question selects its module').toEqual({ kind: 'module', m: 0 });
  });

  it('keeps a new module’s folder in step with its id until it is saved', () => {
    editor.addModule();
    editor.setModuleId(1, 'bemotande');
    expect(editor.course!.modules[1].dir, 'an unsaved module’s folder follows its id').toBe('02-bemotande');
    editor.setModuleId(0, 'other');
    expect(editor.course!.modules[0].dir, 'a saved module keeps its folder').toBe('01-m');
  });
});
