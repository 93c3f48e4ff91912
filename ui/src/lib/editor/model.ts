// Pure helpers of the course editor: field addresses, what a diagnostic is
// about, new ids and new parts of a course. Unit-tested; no Svelte, no calls.
import type { Choice } from '$lib/bindings/Choice';
import type { Course } from '$lib/bindings/Course';
import type { Lesson } from '$lib/bindings/Lesson';
import type { Module } from '$lib/bindings/Module';
import type { Node } from '$lib/bindings/Node';
import type { Question } from '$lib/bindings/Question';
import type { QuestionBody } from '$lib/bindings/QuestionBody';
import type { QuestionKind } from '$lib/bindings/QuestionKind';
import type { Scenario } from '$lib/bindings/Scenario';
import type { Text } from '$lib/bindings/Text';
import type { EditorDiagnostic } from './types';

export const KINDS: QuestionKind[] = ['single', 'multiple', 'true_false', 'short_text', 'numeric', 'ordering', 'matching'];

/** What the editor shows on the right of its navigation. */
export type Selection =
  | { kind: 'course' }
  | { kind: 'module'; m: number }
  | { kind: 'lesson'; m: number; l: number }
  | { kind: 'question'; m: number; q: number }
  | { kind: 'scenario'; m: number; s: number };

/** A stable string for a selection, to compare and to count problems by. */
export function selectionKey(sel: Selection): string {
  switch (sel.kind) {
    case 'course':
      return 'course';
    case 'module':
      return `module[${sel.m}]`;
    case 'lesson':
      return `module[${sel.m}].lesson[${sel.l}]`;
    case 'question':
      return `module[${sel.m}].question[${sel.q}]`;
    case 'scenario':
      return `module[${sel.m}].scenario[${sel.s}]`;
  }
}

/** The item of the navigation a field belongs to; the course for anything else. */
export function selectionFor(field: string | null): Selection {
  if (!field) return { kind: 'course' };
  const found = /^module\[(\d+)\](?:\.(lesson|question|scenario)\[(\d+)\])?/.exec(field);
  if (!found) return { kind: 'course' };
  const m = Number(found[1]);
  const i = Number(found[3]);
  switch (found[2]) {
    case 'lesson':
      return { kind: 'lesson', m, l: i };
    case 'question':
      return { kind: 'question', m, q: i };
    case 'scenario':
      return { kind: 'scenario', m, s: i };
    default:
      return { kind: 'module', m };
  }
}

/** The field without its last `.name` or `[i]` segment, or null at the top. */
export function parentField(field: string): string | null {
  const shorter = field.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
  return shorter === field || shorter === '' ? null : shorter;
}

/** The field and its ancestors, most specific first: where to look for an input to focus. */
export function fieldFallbacks(field: string): string[] {
  const out: string[] = [];
  for (let f: string | null = field; f; f = parentField(f)) out.push(f);
  return out;
}

/** The DOM id of the input (or container) of a field. */
export const fieldId = (field: string) => `f:${field}`;
/** The DOM id of the inline problems of a field, for aria-describedby. */
export const problemsId = (field: string) => `d:${field}`;

/** The problems about exactly `field`, or (with `withLanguages`) about one of its languages too. */
export function diagnosticsAt(diagnostics: EditorDiagnostic[], field: string, withLanguages = false): EditorDiagnostic[] {
  return diagnostics.filter(
    (d) =>
      d.field === field ||
      (withLanguages &&
        d.field !== null &&
        /^\.[a-z]{2,3}(-[A-Za-z0-9]+)?$/.test(d.field.slice(field.length)) &&
        d.field.startsWith(field)),
  );
}

/** The problems about `field` or anything inside it. */
export function diagnosticsWithin(diagnostics: EditorDiagnostic[], field: string): EditorDiagnostic[] {
  return diagnostics.filter(
    (d) => d.field !== null && (d.field === field || d.field.startsWith(`${field}.`) || d.field.startsWith(`${field}[`)),
  );
}

/** How many problems each navigation item has, by `selectionKey`; a module counts its own only. */
export function problemCounts(diagnostics: EditorDiagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    const key = selectionKey(selectionFor(d.field));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Lower-case ASCII slug of a title: "Välkommen, gäst!" → "valkommen-gast". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `base` if nobody has it, else `base-2`, `base-3`, … */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const slug = slugify(base) || 'id';
  if (!used.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const id = `${slug}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** The next free one-letter id for options, items and pairs: a, b, c, … then a-2. */
export function nextLetter(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') if (!used.has(letter)) return letter;
  return uniqueId('a', used);
}

/**
 * The folder name shown for a module not saved yet: its two-digit position
 * (1-based) and its id, e.g. `02-bemotande`. Only a proposal: the core names
 * the folders when it saves (`EditorSaved.moduleDirs`).
 */
export function moduleDir(position: number, id: string, taken: Iterable<string> = []): string {
  const used = new Set(taken);
  for (let p = position; ; p++) {
    const dir = `${String(p).padStart(2, '0')}-${id}`;
    if (!used.has(dir)) return dir;
  }
}

/** The language codes typed in the course's languages field, each once; none when nothing usable is typed. */
export function parseLanguages(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    ),
  ];
}

/**
 * Follows the renames of ids that other parts refer to (competencies, nodes)
 * while one is typed, so references move with it. An id another item also
 * has is ambiguous: references are not moved from or to it, and each item
 * remembers its last unique id, from which its references move once its id
 * is unique again.
 */
export class IdRenamer<T extends { id: string }> {
  private lastUnique = new WeakMap<T, string>();

  constructor(private readonly rename: (from: string, to: string) => void) {}

  /** Sets `item`'s id to `id` (`items` are it and its siblings) and moves the references if that is unambiguous. */
  set(item: T, items: T[], id: string) {
    const others = new Set(items.filter((x) => x !== item).map((x) => x.id));
    const from = this.lastUnique.get(item) ?? (others.has(item.id) ? null : item.id);
    item.id = id;
    if (others.has(id)) {
      if (from !== null) this.lastUnique.set(item, from);
      return;
    }
    if (from !== null && !others.has(from)) this.rename(from, id);
    this.lastUnique.set(item, id);
  }
}

/** The text in the first of `languages` that has one, else "". */
export function textIn(text: Text | null | undefined, languages: string[]): string {
  if (!text) return '';
  for (const l of languages) if (text[l]?.trim()) return text[l].trim();
  return '';
}

/** A lesson's title as its Markdown's first `# ` heading says, in the first language that has one. */
export function lessonTitle(markdown: Text, languages: string[]): string {
  for (const l of languages) {
    const heading = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(markdown[l] ?? '');
    if (heading) return heading[1];
  }
  return '';
}

/** A text with an empty string in every language. */
export function emptyText(languages: string[]): Text {
  return Object.fromEntries(languages.map((l) => [l, '']));
}

const NEW_LESSON: Record<string, string> = { sv: 'Ny lektion', en: 'New lesson' };

export function newModule(course: Course): Module {
  const id = uniqueId(
    'module',
    course.modules.map((m) => m.id),
  );
  return {
    id,
    dir: moduleDir(
      course.modules.length + 1,
      id,
      course.modules.map((m) => m.dir),
    ),
    title: emptyText(course.languages),
    summary: null,
    feedback: 'immediate',
    passMark: null,
    outcomes: [],
    lessons: [],
    questions: [],
    scenarios: [],
  };
}

export function newLesson(module: Module, languages: string[]): Lesson {
  const id = uniqueId(
    'lesson',
    module.lessons.map((l) => l.id),
  );
  return {
    id,
    title: {},
    html: {},
    markdown: Object.fromEntries(languages.map((l) => [l, `# ${NEW_LESSON[l] ?? NEW_LESSON.en}\n\n`])),
    minutes: null,
  };
}

/** The kind-specific part of a new question of `kind`, with empty parts to fill in. */
export function newBody(kind: QuestionKind, languages: string[]): QuestionBody {
  const text = () => emptyText(languages);
  switch (kind) {
    case 'single':
    case 'multiple':
      return {
        kind,
        options: [
          { id: 'a', text: text(), correct: true, feedback: null },
          { id: 'b', text: text(), correct: false, feedback: null },
        ],
      };
    case 'true_false':
      return { kind, answer: true, feedbackTrue: null, feedbackFalse: null };
    case 'short_text':
      return { kind, accept: Object.fromEntries(languages.map((l) => [l, []])), caseSensitive: false, ignoreDiacritics: false };
    case 'numeric':
      return { kind, answer: 0, tolerance: 0, unit: null };
    case 'ordering':
      return {
        kind,
        items: [
          { id: 'a', text: text() },
          { id: 'b', text: text() },
        ],
      };
    case 'matching':
      return {
        kind,
        pairs: [
          { id: 'a', left: text(), right: text() },
          { id: 'b', left: text(), right: text() },
        ],
      };
  }
}

/**
 * A new body of `kind` for a question, keeping what carries over: options
 * become items or pairs (and back) with their texts, so a change of mind
 * loses as little as possible.
 */
export function changeKind(body: QuestionBody, kind: QuestionKind, languages: string[]): QuestionBody {
  if (body.kind === kind) return body;
  const texts: { id: string; text: Text }[] =
    body.kind === 'single' || body.kind === 'multiple'
      ? body.options.map((o) => ({ id: o.id, text: o.text }))
      : body.kind === 'ordering'
        ? body.items
        : body.kind === 'matching'
          ? body.pairs.map((p) => ({ id: p.id, text: p.left }))
          : [];
  const fresh = newBody(kind, languages);
  if (texts.length === 0) return fresh;
  switch (fresh.kind) {
    case 'single':
    case 'multiple': {
      const keepCorrect = body.kind === 'single' || body.kind === 'multiple';
      return {
        kind: fresh.kind,
        options: texts.map((t, i) => {
          const old = keepCorrect ? body.options[i] : undefined;
          const correct = old ? old.correct : i === 0;
          return { id: t.id, text: t.text, correct, feedback: old?.feedback ?? null };
        }),
      };
    }
    case 'ordering':
      return { kind: 'ordering', items: texts.map((t) => ({ id: t.id, text: t.text })) };
    case 'matching':
      return {
        kind: 'matching',
        pairs: texts.map((t, i) => ({
          id: t.id,
          left: t.text,
          right: body.kind === 'matching' ? body.pairs[i].right : emptyText(languages),
        })),
      };
    default:
      return fresh;
  }
}

export function newQuestion(module: Module, course: Course, kind: QuestionKind = 'single'): Question {
  return {
    id: uniqueId(
      'question',
      module.questions.map((q) => q.id),
    ),
    competency: course.competencies[0]?.id ?? '',
    points: 1,
    prompt: emptyText(course.languages),
    explanation: emptyText(course.languages),
    shuffle: true,
    body: newBody(kind, course.languages),
  };
}

export function newChoice(node: Node, next: string, languages: string[]): Choice {
  return {
    id: uniqueId(
      'choice',
      node.choices.map((c) => c.id),
    ),
    text: emptyText(languages),
    next,
    points: {},
    feedback: emptyText(languages),
    critical: false,
  };
}

export function newNode(scenario: Scenario, languages: string[]): Node {
  return {
    id: uniqueId(
      'node',
      scenario.nodes.map((n) => n.id),
    ),
    speaker: null,
    text: emptyText(languages),
    choices: [],
    shuffle: true,
    ending: { kind: 'good', debrief: emptyText(languages) },
  };
}

/** A new scenario: a start node with one choice that leads to an ending. */
export function newScenario(module: Module, languages: string[]): Scenario {
  const end: Node = {
    id: 'end',
    speaker: null,
    text: emptyText(languages),
    choices: [],
    shuffle: true,
    ending: { kind: 'good', debrief: emptyText(languages) },
  };
  const start: Node = { id: 'start', speaker: null, text: emptyText(languages), choices: [], shuffle: true, ending: null };
  start.choices.push(newChoice(start, end.id, languages));
  return {
    id: uniqueId(
      'scenario',
      module.scenarios.map((s) => s.id),
    ),
    title: emptyText(languages),
    intro: null,
    start: start.id,
    nodes: [start, end],
  };
}

/** Moves the element at `index` by `delta` places in place; false when it cannot move. */
export function moveInPlace<T>(list: T[], index: number, delta: number): boolean {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return false;
  const [item] = list.splice(index, 1);
  list.splice(target, 0, item);
  return true;
}

/** Where index `i` ends up after the element at `from` moved to `to`, or null when it was removed (to = null). */
export function shiftIndex(i: number, from: number, to: number | null): number | null {
  if (to === null) return i === from ? null : i > from ? i - 1 : i;
  if (i === from) return to;
  if (from < i && to >= i) return i - 1;
  if (from > i && to <= i) return i + 1;
  return i;
}

/**
 * Renames a node and every reference to it (the start and choices' `next`),
 * so renaming does not break the graph.
 */
export function renameNode(scenario: Scenario, from: string, to: string) {
  if (from === to) return;
  if (scenario.start === from) scenario.start = to;
  for (const node of scenario.nodes) for (const choice of node.choices) if (choice.next === from) choice.next = to;
}

/** Renames a competency in every question and choice that names it. */
export function renameCompetency(course: Course, from: string, to: string) {
  if (from === to) return;
  for (const module of course.modules) {
    for (const q of module.questions) if (q.competency === from) q.competency = to;
    for (const s of module.scenarios)
      for (const n of s.nodes)
        for (const c of n.choices)
          if (from in c.points) {
            const points = { ...c.points };
            points[to] = points[from];
            delete points[from];
            c.points = points;
          }
  }
}

/** Reads a number as a Swede or an English speaker writes it: "2,5", "2.5", "-1", "1 000". */
export function parseDecimal(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.')
    .replace(/^\u2212/, '-');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** A number as the UI's language writes it: a decimal comma in Swedish. */
export function formatDecimal(value: number, locale: string): string {
  const text = String(value);
  return locale === 'sv' ? text.replace('.', ',') : text;
}

/** The question ids of a module: what GIFT import must not reuse. */
export function takenIds(module: Module): string[] {
  return module.questions.map((q) => q.id);
}
