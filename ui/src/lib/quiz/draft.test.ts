import { describe, expect, it } from 'vitest';
import type { QuestionView } from '$lib/bindings/QuestionView';
import { draftFromAnswer, emptyDraft, move, parseNumber, toAnswer } from './draft';

const base = { id: 'q', competency: 'c', points: 1, prompt: 'P' };
const matching: QuestionView = {
  ...base,
  kind: 'matching',
  left: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
  ],
  right: [
    { id: 'r1', text: '1' },
    { id: 'r2', text: '2' },
  ],
};

describe('answer drafts', () => {
  it('reads Swedish and English numbers', () => {
    expect(parseNumber('2,5'), 'a decimal comma').toBe(2.5);
    expect(parseNumber('1 621'), 'a thousands space').toBe(1621);
    expect(parseNumber(' -3.25 '), 'a sign and a point').toBe(-3.25);
    expect(parseNumber('två'), 'words are not numbers').toBeNull();
    expect(parseNumber('1e400'), 'no exponent notation').toBeNull();
  });

  it('refuses to send an empty or unfinished answer', () => {
    const single: QuestionView = { ...base, kind: 'single', options: [{ id: 'x', text: 'X' }] };
    expect(toAnswer(single, emptyDraft(single)), 'nothing picked').toBe('empty');
    const draft = emptyDraft(matching);
    draft.pairs = { a: 'r1' };
    expect(toAnswer(matching, draft), 'one side unmatched').toBe('incomplete');
    draft.pairs = { a: 'r1', b: 'r1' };
    expect(toAnswer(matching, draft), 'one right side used twice').toBe('duplicate');
    draft.pairs = { a: 'r2', b: 'r1' };
    expect(toAnswer(matching, draft)).toEqual({ kind: 'matching', pairs: { a: 'r2', b: 'r1' } });
  });

  it('starts an ordering in the order shown and moves items one place', () => {
    const ordering: QuestionView = {
      ...base,
      kind: 'ordering',
      items: [
        { id: 'x', text: 'X' },
        { id: 'y', text: 'Y' },
        { id: 'z', text: 'Z' },
      ],
    };
    const draft = emptyDraft(ordering);
    expect(draft.order).toEqual(['x', 'y', 'z']);
    expect(move(draft.order, 2, -1), 'up one').toEqual(['x', 'z', 'y']);
    expect(move(draft.order, 0, -1), 'the first cannot go up').toEqual(['x', 'y', 'z']);
  });

  it('restores a saved answer into the inputs', () => {
    const draft = draftFromAnswer(matching, { kind: 'matching', pairs: { a: 'r2', b: 'r1' } });
    expect(draft.pairs).toEqual({ a: 'r2', b: 'r1' });
    const numeric: QuestionView = { ...base, kind: 'numeric', unit: null };
    expect(draftFromAnswer(numeric, { kind: 'numeric', value: 2010 }).text).toBe('2010');
  });
});
