// Turning what the learner has entered into an `Answer` for the core, and
// back. Pure functions, unit-tested; grading stays in Rust.
import type { Answer } from '$lib/bindings/Answer';
import type { QuestionView } from '$lib/bindings/QuestionView';

/** Whatever the inputs of one question hold right now. */
export type Draft = {
  option: string | null;
  options: string[];
  truth: boolean | null;
  text: string;
  order: string[];
  pairs: Record<string, string>;
};

export function emptyDraft(question: QuestionView): Draft {
  return {
    option: null,
    options: [],
    truth: null,
    text: '',
    order: question.kind === 'ordering' ? question.items.map((i) => i.id) : [],
    pairs: {},
  };
}

export function draftFromAnswer(question: QuestionView, answer: Answer): Draft {
  const draft = emptyDraft(question);
  switch (answer.kind) {
    case 'single':
      draft.option = answer.option;
      break;
    case 'multiple':
      draft.options = [...answer.options];
      break;
    case 'true_false':
      draft.truth = answer.value;
      break;
    case 'short_text':
      draft.text = answer.text;
      break;
    case 'numeric':
      draft.text = String(answer.value);
      break;
    case 'ordering':
      draft.order = [...answer.items];
      break;
    case 'matching':
      draft.pairs = { ...answer.pairs };
      break;
  }
  return draft;
}

/** Reads a number as a Swede or an English speaker writes it: "2,5", "2.5", "1 621". */
export function parseNumber(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

export type DraftProblem = 'empty' | 'number' | 'incomplete' | 'duplicate';

/** The answer to send, or why it cannot be sent yet. */
export function toAnswer(question: QuestionView, draft: Draft): Answer | DraftProblem {
  switch (question.kind) {
    case 'single':
      return draft.option ? { kind: 'single', option: draft.option } : 'empty';
    case 'multiple':
      return draft.options.length > 0 ? { kind: 'multiple', options: [...draft.options] } : 'empty';
    case 'true_false':
      return draft.truth === null ? 'empty' : { kind: 'true_false', value: draft.truth };
    case 'short_text':
      return draft.text.trim() ? { kind: 'short_text', text: draft.text } : 'empty';
    case 'numeric': {
      if (!draft.text.trim()) return 'empty';
      const value = parseNumber(draft.text);
      return value === null ? 'number' : { kind: 'numeric', value };
    }
    case 'ordering':
      return { kind: 'ordering', items: [...draft.order] };
    case 'matching': {
      const chosen = question.left.map((l) => draft.pairs[l.id]).filter((r): r is string => !!r);
      if (chosen.length < question.left.length) return 'incomplete';
      if (new Set(chosen).size !== chosen.length) return 'duplicate';
      return { kind: 'matching', pairs: { ...draft.pairs } };
    }
  }
}

/** Moves the item at `index` by `delta` places, keeping the list's other items in order. */
export function move(order: string[], index: number, delta: number): string[] {
  const target = index + delta;
  if (target < 0 || target >= order.length) return order;
  const next = [...order];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
