// The editor state against a fake shell (Tauri's own IPC mock): validation
// waits for a pause in typing, late replies are dropped, saving clears the
// unsaved mark, and the selection follows the item it is on.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Course } from '$lib/bindings/Course';
import type { EditorDiagnostic } from '$lib/bindings/EditorDiagnostic';
import { newQuestion } from './model';
import { ApiError } from '$lib/api';
import { i18n } from '$lib/i18n/index.svelte';
import { CHECK_DELAY_MS, editor, editorError } from './state.svelte';

type Call = { cmd: string; args: Record<string, unknown>; reply: (value: unknown) => void };
let calls: Call[] = [];

function course(): Course {
  return {
    id: 'c',
    version: '1.0.0',
    languages: ['sv'],
    title: { sv: 'K' },
    description: null,
    passMark: 0.8,
    competencies: [{ id: 'welcome', title: { sv: 'V' }, description: null }],
    finalTest: null,
    modules: [
      {
        id: 'm',
        dir: '01-m',
        title: { sv: 'M' },
        summary: null,
        feedback: 'immediate',
        passMark: null,
        outcomes: [],
        lessons: [],
        questions: [],
        scenarios: [],
      },
    ],
  };
}

const problem = (message: string): EditorDiagnostic => ({
  path: 'course.toml',
  line: 1,
  column: 1,
  message,
  id: 'test-problem',
  params: {},
  severity: 'error',
  field: 'course.title',
});
/** The shell's reply to a save: the folders are the ones the course was sent with unless `moduleDirs` says otherwise. */
const savedReply = (call: Call, diagnostics: EditorDiagnostic[] = [], moduleDirs?: string[]) =>
  call.reply({
    summary: { written: [], removed: [], mediaCopied: [] },
    diagnostics,
    moduleDirs: moduleDirs ?? (call.args.course as Course).modules.map((m) => m.dir),
  });
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
    expect(
      calls.map((c) => c.cmd),
      'one check after the pause',
    ).toEqual(['editor_check']);
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
    expect(
      editor.diagnostics.map((d) => d.message),
      'the older reply must not overwrite the newer',
    ).toEqual(['newer']);
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
    savedReply(calls.at(-1)!, [problem('left')]);
    expect(await saving, 'the save succeeded').toBe(true);
    expect(editor.dirty, 'nothing unsaved after saving').toBe(false);
    expect(
      editor.diagnostics.map((d) => d.message),
      'the saved files’ problems show',
    ).toEqual(['left']);
  });
});

describe('saving safely', () => {
  const saves = () => calls.filter((c) => c.cmd === 'editor_save');
  const reply = (call: Call) => savedReply(call);
  const edit = (version: string) => {
    editor.course!.version = version;
    editor.edited(JSON.stringify(editor.course));
  };

  it('runs one save at a time and saves again only what changed meanwhile', async () => {
    edit('1.1.0');
    const first = editor.save();
    const second = editor.save();
    await settle();
    expect(saves(), 'the second save waits for the first').toHaveLength(1);
    reply(saves()[0]);
    expect(await first, 'the first save wrote').toBe(true);
    expect(await second, 'nothing changed since, so the second is done too').toBe(true);
    expect(saves(), 'no second write of the same course').toHaveLength(1);

    edit('1.2.0');
    const third = editor.save();
    await settle();
    edit('1.3.0');
    const fourth = editor.save();
    await settle();
    expect(saves(), 'an edit during a save waits for it').toHaveLength(2);
    reply(saves()[1]);
    await third;
    await settle();
    expect(saves(), 'then the newer course is written').toHaveLength(3);
    expect((saves()[2].args.course as Course).version, 'with the edit made during the first').toBe('1.3.0');
    reply(saves()[2]);
    expect(await fourth, 'the waiting save wrote').toBe(true);
    expect(editor.dirty, 'all saved').toBe(false);
  });

  it('ignores a save reply that arrives after another course was opened', async () => {
    edit('1.1.0');
    const saving = editor.save();
    await settle();
    const other = { ...course(), id: 'other' };
    editor.load({ folder: '/courses/other', course: other, diagnostics: [problem('other’s')] });
    reply(saves()[0]);
    expect(await saving, 'the save is not reported for the course open now').toBe(false);
    expect(editor.dirty, 'the course open now is not marked unsaved by the old reply').toBe(false);
    expect(
      editor.diagnostics.map((d) => d.message),
      'its problems stay',
    ).toEqual(['other’s']);
  });

  it('ignores a save reply that arrives after the course was closed, and a check reply too', async () => {
    edit('1.1.0');
    const saving = editor.save();
    await settle();
    editor.close();
    reply(saves()[0]);
    await saving;
    expect(editor.dirty, 'a closed editor has nothing unsaved').toBe(false);
    editor.load({ folder: '/courses/c', course: course(), diagnostics: [] });
    const checking = editor.check();
    editor.load({ folder: '/courses/c', course: course(), diagnostics: [] });
    calls.at(-1)!.reply([problem('old')]);
    await checking;
    expect(editor.diagnostics, 'a check of the course as it was before reopening is dropped').toEqual([]);
  });

  it('applies typed languages when saving and counts them as unsaved until then', async () => {
    editor.languagesDraft = 'sv, en';
    expect(editor.dirty, 'typed languages that differ are unsaved').toBe(true);
    const saving = editor.save();
    await settle();
    expect((saves()[0].args.course as Course).languages, 'the save writes the typed languages').toEqual(['sv', 'en']);
    reply(saves()[0]);
    await saving;
    expect(editor.languagesDraft, 'the draft is applied').toBeNull();
    expect(editor.dirty, 'nothing unsaved after').toBe(false);
    editor.languagesDraft = ' sv ,en';
    expect(editor.dirty, 'the same languages typed differently are not a change').toBe(false);
  });
});

describe('module folders', () => {
  const module = (id: string, dir: string) => ({ ...course().modules[0], id, dir });
  const saves = () => calls.filter((c) => c.cmd === 'editor_save');

  it('tells the save where each folder was and what went, and takes the folders from its reply', async () => {
    const c = course();
    c.modules = [module('a', '01-a'), module('b', '02-b'), module('c', '03-c')];
    editor.load({ folder: '/courses/c', course: c, diagnostics: [] });
    editor.moveModule(1, -1);
    expect(
      editor.course!.modules.map((m) => m.dir),
      'a move renames no folder before the save',
    ).toEqual(['02-b', '01-a', '03-c']);
    editor.removeModule(2);
    editor.addModule();
    const saving = editor.save();
    await settle();
    const args = saves()[0].args;
    expect(args.origins, 'each module’s folder on disk, null for the new one').toEqual(['02-b', '01-a', null]);
    expect(args.removed, 'the removed module’s folder goes').toEqual(['03-c']);
    savedReply(saves()[0], [], ['01-b', '02-a', '03-module']);
    expect(await saving, 'saved').toBe(true);
    expect(
      editor.course!.modules.map((m) => m.dir),
      'the folders are the ones the core named',
    ).toEqual(['01-b', '02-a', '03-module']);
    expect(editor.dirty, 'new folder names are not an unsaved change').toBe(false);

    editor.moveModule(2, -1);
    const again = editor.save();
    await settle();
    expect(saves()[1].args.origins, 'after a save the folders are where it put them').toEqual(['01-b', '03-module', '02-a']);
    expect(saves()[1].args.removed, 'nothing removed since').toEqual([]);
    savedReply(saves()[1], [], ['01-b', '02-module', '03-a']);
    await again;
    expect(
      editor.course!.modules.map((m) => m.dir),
      'renamed again by the core',
    ).toEqual(['01-b', '02-module', '03-a']);
  });

  it('gives the folders a save named to the modules moved while it ran', async () => {
    const c = course();
    c.modules = [module('a', '01-a'), module('b', '02-b')];
    editor.load({ folder: '/courses/c', course: c, diagnostics: [] });
    editor.moveModule(1, -1);
    const saving = editor.save();
    await settle();
    editor.moveModule(1, -1);
    editor.edited(JSON.stringify(editor.course));
    savedReply(saves()[0], [], ['01-b', '02-a']);
    await saving;
    expect(
      editor.course!.modules.map((m) => [m.id, m.dir]),
      'each module has the folder the save gave it',
    ).toEqual([
      ['a', '02-a'],
      ['b', '01-b'],
    ]);
    expect(editor.dirty, 'the move back is not saved yet').toBe(true);
  });

  it('removing a module not saved yet removes no folder', async () => {
    editor.addModule();
    editor.removeModule(1);
    const saving = editor.save();
    await settle();
    expect(saves()[0].args.removed, 'an unsaved module has no folder to remove').toEqual([]);
    expect(saves()[0].args.origins, 'the saved module is where it was').toEqual(['01-m']);
    savedReply(saves()[0]);
    await saving;
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

describe('errors for the author', () => {
  it('adds the exact reason in the author’s language when it says more', () => {
    i18n.locale = 'sv';
    const taken = new ApiError('FolderTaken', 'the folder /c/m already exists: rename or remove it first', null, {
      path: '/c/m',
      purpose: 'rename',
    });
    expect(editorError(taken)).toBe(
      'Mappen är redan upptagen, så ingenting ändrades. Detaljer: mappen /c/m finns redan: byt namn på den eller ta bort den först',
    );
    expect(editorError(new ApiError('NoCourseLanguage', 'Choose at least one language for the course.')), 'and nothing twice').toBe(
      'Välj minst ett språk för kursen.',
    );
    i18n.locale = 'en';
  });
});
