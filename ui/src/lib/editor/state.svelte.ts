// The course editor's state: the course being edited, its folder, whether it
// has unsaved changes, what is selected, and the core's diagnostics of the
// unsaved model (asked for shortly after each edit; late replies are dropped).
// Saves run one at a time, and a reply about a course no longer open is ignored.
import { tick } from 'svelte';
import { api, ApiError, errorDetail, errorMessage } from '$lib/api';
import { t } from '$lib/i18n/index.svelte';
import type { Course } from '$lib/bindings/Course';
import {
  diagnosticsAt,
  fieldFallbacks,
  fieldId,
  moduleDir,
  moveInPlace,
  problemsId,
  newLesson,
  newModule,
  newQuestion,
  newScenario,
  parseLanguages,
  selectionFor,
  selectionKey,
  shiftIndex,
  type Selection,
} from './model';
import type { EditorCourse, EditorDiagnostic } from './types';

/** How long typing must pause before the core validates the model again. */
export const CHECK_DELAY_MS = 300;

type ListName = 'lessons' | 'questions' | 'scenarios';
const SELECTION_OF: Record<ListName, 'lesson' | 'question' | 'scenario'> = {
  lessons: 'lesson',
  questions: 'question',
  scenarios: 'scenario',
};

/**
 * An editor call's failure for the author: the app's sentence for its kind
 * and, when it says more, the exact reason ("the folder … already exists and
 * is not empty"), in the author's language.
 */
export function editorError(err: unknown): string {
  const generic = errorMessage(err);
  const detail = err instanceof ApiError ? errorDetail(err) : '';
  return detail && detail !== generic ? `${generic} ${t('instructor.detail', { detail })}` : generic;
}

/**
 * Where a module's folder is on disk: null until it is saved. Moves with its
 * module; the core names the folders, and each save's reply says where it put them.
 */
type ModuleOrigin = { dir: string | null };

/** Focus on the heading of the form shown now, so keyboard users go on from there. */
export function focusFormTitle() {
  void tick().then(() => document.querySelector<HTMLElement>('[data-form-title]')?.focus());
}

class EditorState {
  folder = $state<string | null>(null);
  course = $state<Course | null>(null);
  diagnostics = $state<EditorDiagnostic[]>([]);
  /** Set when the folder's files could not be read into a model: what is wrong with them. */
  unreadable = $state<EditorDiagnostic[] | null>(null);
  selection = $state<Selection>({ kind: 'course' });
  /** Show the selected item as a learner sees it instead of its form. */
  preview = $state(false);
  /** A failed check or save, in words for the user. */
  error = $state<string | null>(null);
  /** Said by the screen's live region: what a button just did. */
  announcement = $state('');
  /** The JSON of the course as last saved (or opened), and as it is now. */
  private saved = $state('');
  private current = $state('');
  private seq = 0;
  /** Counts load and close: a save's reply of an older generation is about another course. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The save under way, if any: the next waits for it. */
  private saving: Promise<boolean> | null = null;
  /** Each module's folder on disk, in the modules' order. */
  private origins: ModuleOrigin[] = [];
  /** Saved modules removed since the last save: their folders go at the next. */
  private removed: ModuleOrigin[] = [];
  /** The course's languages as typed, until the field is left (null when not being typed). */
  languagesDraft = $state<string | null>(null);

  /** Typed languages that would change the course's. */
  private languagesPending = $derived.by(() => {
    if (this.languagesDraft === null || !this.course) return false;
    const codes = parseLanguages(this.languagesDraft);
    return codes.length > 0 && codes.join(',') !== this.course.languages.join(',');
  });

  dirty = $derived(this.current !== this.saved || this.languagesPending);

  /** Shows a course the shell opened or created. */
  load(opened: EditorCourse) {
    this.cancelCheck();
    this.generation++;
    this.folder = opened.folder;
    this.course = opened.course;
    this.diagnostics = opened.diagnostics;
    this.unreadable = opened.course ? null : opened.diagnostics;
    this.selection = { kind: 'course' };
    this.preview = false;
    this.error = null;
    this.languagesDraft = null;
    this.origins = (opened.course?.modules ?? []).map((m) => ({ dir: m.dir }));
    this.removed = [];
    const json = opened.course ? JSON.stringify(opened.course) : '';
    this.saved = json;
    this.current = json;
  }

  close() {
    this.cancelCheck();
    this.generation++;
    this.languagesDraft = null;
    this.origins = [];
    this.removed = [];
    this.folder = null;
    this.course = null;
    this.diagnostics = [];
    this.unreadable = null;
    this.saved = '';
    this.current = '';
  }

  /** Told the course's JSON after each edit; validates the model once typing pauses. */
  edited(json: string) {
    if (json === this.current) return;
    this.current = json;
    this.cancelCheck();
    this.timer = setTimeout(() => void this.check(), CHECK_DELAY_MS);
  }

  private cancelCheck() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A reply to a check sent before now describes an older model.
    this.seq++;
  }

  async check() {
    if (!this.course || !this.folder) return;
    const seq = ++this.seq;
    const generation = this.generation;
    try {
      const diagnostics = await api.editorCheck($state.snapshot(this.course) as Course);
      if (seq === this.seq && generation === this.generation) {
        const before = this.diagnostics.length;
        this.diagnostics = diagnostics;
        this.error = null;
        if (diagnostics.length !== before) this.announce(t('editor.problemsNow', { count: diagnostics.length }));
      }
    } catch (err) {
      if (seq === this.seq && generation === this.generation) this.error = editorError(err);
    }
  }

  /** Takes the typed languages into the course (if they are usable). */
  applyLanguages() {
    if (this.languagesDraft === null || !this.course) return;
    const codes = parseLanguages(this.languagesDraft);
    if (codes.length > 0 && codes.join(',') !== this.course.languages.join(',')) this.course.languages = codes;
    this.languagesDraft = null;
  }

  /**
   * Writes the files; true when they were written and the course is still
   * the one open. A save asked for while one runs waits for it, then writes
   * only if something changed meanwhile.
   */
  async save(): Promise<boolean> {
    if (this.saving) {
      while (this.saving) await this.saving;
      if (!this.dirty) return !!this.course;
    }
    const running = this.write();
    this.saving = running;
    try {
      return await running;
    } finally {
      if (this.saving === running) this.saving = null;
    }
  }

  private async write(): Promise<boolean> {
    this.applyLanguages();
    if (!this.course || !this.folder) return false;
    const course = $state.snapshot(this.course) as Course;
    const json = JSON.stringify(course);
    // The edit that the languages just made is part of this save, not a new one to check.
    this.current = json;
    const origins = [...this.origins];
    const removed = [...this.removed];
    this.cancelCheck();
    const seq = this.seq;
    const generation = this.generation;
    try {
      const saved = await api.editorSave(
        course,
        origins.map((o) => o.dir),
        removed.flatMap((o) => (o.dir === null ? [] : [o.dir])),
      );
      if (generation !== this.generation) return false;
      // The core names the folders: each module saved is where this save put
      // it, whatever was moved or removed since it was sent.
      origins.forEach((o, i) => (o.dir = saved.moduleDirs[i]));
      course.modules.forEach((m, i) => (m.dir = saved.moduleDirs[i]));
      const savedJson = JSON.stringify(course);
      const unchangedSince = this.current === json;
      this.saved = savedJson;
      this.course?.modules.forEach((m, i) => {
        const dir = this.origins[i]?.dir;
        if (dir) m.dir = dir;
      });
      // New folder names are not an edit: the course is as saved, and needs no new check.
      if (unchangedSince) this.current = savedJson;
      this.removed = this.removed.filter((o) => !removed.includes(o));
      if (seq === this.seq) this.diagnostics = saved.diagnostics;
      else void this.check();
      this.error = null;
      return true;
    } catch (err) {
      if (generation === this.generation) this.error = editorError(err);
      return false;
    }
  }

  /** The ids for aria-describedby of a field's input: its hint (if any) and its problems (if any). */
  describedBy(field: string, withLanguages = false, hint?: string): string | undefined {
    const ids = hint ? [hint] : [];
    if (diagnosticsAt(this.diagnostics, field, withLanguages).length > 0) ids.push(problemsId(field));
    return ids.length > 0 ? ids.join(' ') : undefined;
  }

  /** Whether the core has an error with this field (a lint warning does not make it invalid). */
  invalid(field: string, withLanguages = false): boolean {
    return diagnosticsAt(this.diagnostics, field, withLanguages).some((d) => d.severity !== 'warning');
  }

  announce(text: string) {
    // Cleared first so the same sentence twice is read twice.
    this.announcement = '';
    setTimeout(() => (this.announcement = text), 50);
  }

  select(selection: Selection) {
    this.selection = selection;
  }

  /** Selects the item a diagnostic is about and focuses its field (or the nearest one that exists). */
  async goToField(field: string) {
    this.preview = false;
    this.selection = selectionFor(field);
    await tick();
    for (const f of fieldFallbacks(field)) {
      const el = document.getElementById(fieldId(f));
      if (el) {
        el.focus();
        el.scrollIntoView?.({ block: 'center' });
        return;
      }
    }
    document.querySelector<HTMLElement>('[data-form-title]')?.focus();
  }

  /** Whether the selected item still exists (after a removal it may not). */
  exists(sel: Selection): boolean {
    const c = this.course;
    if (!c) return false;
    if (sel.kind === 'course') return true;
    const module = c.modules[sel.m];
    if (!module) return false;
    if (sel.kind === 'lesson') return !!module.lessons[sel.l];
    if (sel.kind === 'question') return !!module.questions[sel.q];
    if (sel.kind === 'scenario') return !!module.scenarios[sel.s];
    return true;
  }

  isSelected(sel: Selection) {
    return selectionKey(sel) === selectionKey(this.selection);
  }

  // Structure: adding, removing and moving keep the selection on the same item.

  addModule() {
    if (!this.course) return;
    const module = newModule(this.course);
    this.course.modules.push(module);
    this.origins.push({ dir: null });
    this.selection = { kind: 'module', m: this.course.modules.length - 1 };
    focusFormTitle();
  }

  removeModule(m: number) {
    if (!this.course) return;
    if (!this.course.modules[m]) return;
    this.course.modules.splice(m, 1);
    const [origin] = this.origins.splice(m, 1);
    if (origin) this.removed.push(origin);
    const sel = this.selection;
    if (sel.kind !== 'course') {
      const at = shiftIndex(sel.m, m, null);
      this.selection = at === null ? { kind: 'course' } : { ...sel, m: at };
    }
  }

  /**
   * Moves a module. Its folder keeps its name until the course is saved: the
   * order on disk is the folders' name order, so the save renames them (the
   * core decides how) and its reply gives the new names.
   */
  moveModule(m: number, delta: number) {
    if (!this.course || !moveInPlace(this.course.modules, m, delta)) return;
    moveInPlace(this.origins, m, delta);
    const sel = this.selection;
    if (sel.kind !== 'course') this.selection = { ...sel, m: shiftIndex(sel.m, m, m + delta) ?? sel.m };
  }

  /**
   * Sets a module's id. A module not saved yet has no folder on disk, so the
   * folder name it shows follows the new id (keeping its position prefix); a
   * saved module keeps its folder.
   */
  setModuleId(m: number, id: string) {
    const c = this.course;
    const module = c?.modules[m];
    if (!c || !module) return;
    module.id = id;
    if (this.origins[m]?.dir === null) {
      const prefix = /^\d+/.exec(module.dir)?.[0] ?? String(m + 1);
      module.dir = moduleDir(
        Number(prefix),
        id,
        c.modules.filter((_, i) => i !== m).map((x) => x.dir),
      );
    }
  }

  add(m: number, list: ListName) {
    const c = this.course;
    const module = c?.modules[m];
    if (!c || !module) return;
    if (list === 'lessons') module.lessons.push(newLesson(module, c.languages));
    if (list === 'questions') module.questions.push(newQuestion(module, c));
    if (list === 'scenarios') module.scenarios.push(newScenario(module, c.languages));
    this.selectIn(m, list, module[list].length - 1);
    focusFormTitle();
  }

  remove(m: number, list: ListName, i: number) {
    const module = this.course?.modules[m];
    if (!module) return;
    module[list].splice(i, 1);
    const sel = this.selection;
    if (sel.kind === SELECTION_OF[list] && sel.m === m) {
      const at = shiftIndex(this.indexOf(sel), i, null);
      this.selection = at === null ? { kind: 'module', m } : this.selectionIn(m, list, at);
    }
  }

  move(m: number, list: ListName, i: number, delta: number) {
    const module = this.course?.modules[m];
    if (!module || !moveInPlace<unknown>(module[list], i, delta)) return;
    const sel = this.selection;
    if (sel.kind === SELECTION_OF[list] && sel.m === m) {
      this.selection = this.selectionIn(m, list, shiftIndex(this.indexOf(sel), i, i + delta) ?? 0);
    }
  }

  private indexOf(sel: Selection): number {
    return sel.kind === 'lesson' ? sel.l : sel.kind === 'question' ? sel.q : sel.kind === 'scenario' ? sel.s : 0;
  }

  private selectionIn(m: number, list: ListName, i: number): Selection {
    if (list === 'lessons') return { kind: 'lesson', m, l: i };
    if (list === 'questions') return { kind: 'question', m, q: i };
    return { kind: 'scenario', m, s: i };
  }

  selectIn(m: number, list: ListName, i: number) {
    this.selection = this.selectionIn(m, list, i);
  }
}

export const editor = new EditorState();
