// Every kind of statement the app sends (docs/xapi-examples.json, written by
// the core's xapi_examples test from the real statement builder) passes a
// third-party xAPI validator: Learning Locker's, which was conformance tested.
import validate from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import examples from '../../../../docs/xapi-examples.json';

type Example = { name: string; statement: Record<string, unknown> };
const list = examples as Example[];

describe('xAPI statements', () => {
  it('cover every verb of the profile', () => {
    const verbs = new Set(list.map((e) => (e.statement.verb as { id: string }).id.split('/').pop()));
    expect([...verbs].sort()).toEqual(['answered', 'completed', 'earned', 'experienced', 'failed', 'passed', 'responded']);
    const kinds = new Set(
      list
        .map((e) => (e.statement.object as { definition: { interactionType?: string } }).definition.interactionType)
        .filter((k) => k !== undefined),
    );
    expect([...kinds].sort()).toEqual(['choice', 'fill-in', 'matching', 'numeric', 'sequencing', 'true-false']);
  });

  it.each(list.map((e) => [e.name, e.statement] as const))('%s is valid xAPI', (_name, statement) => {
    const warnings = validate(statement);
    expect(warnings.map((w) => `${w.path.join('.')}: ${w.constructor.name} ${JSON.stringify(w)}`)).toEqual([]);
  });

  it('the validator does find a broken statement', () => {
    const broken = structuredClone(list[0].statement);
    delete (broken as Record<string, unknown>).verb;
    (broken.actor as Record<string, unknown>).mbox = 'not-an-address';
    expect(validate(broken).length).toBeGreaterThan(0);
  });
});
