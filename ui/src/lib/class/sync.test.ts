// The header's words on sending results to the class, in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassStatus } from '$lib/bindings/ClassStatus';
import { i18n } from '$lib/i18n/index.svelte';
import { summary } from './sync.svelte';

const base: ClassStatus = {
  courseId: 'c',
  classId: 'ht26-a',
  className: 'HT26 A',
  endpoint: 'https://lrs.example.org/xAPI/',
  actorName: 'Gäst 7',
  joinedAt: 1_700_000_000,
  waiting: 0,
  sent: 12,
  setAside: 0,
  oldestWaitingAt: null,
  lastSentAt: 1_700_000_100,
  failingSince: null,
  problem: null,
};

describe('summary', () => {
  afterEach(() => (i18n.locale = 'sv'));

  it('says all is sent when nothing waits', () => {
    i18n.locale = 'en';
    expect(summary(base)).toEqual({ state: 'sent', text: 'All sent' });
    i18n.locale = 'sv';
    expect(summary(base).text).toBe('Allt är skickat');
  });

  it('counts what waits, with the right plural', () => {
    i18n.locale = 'en';
    expect(summary({ ...base, waiting: 1 }).text).toBe('1 result waiting to be sent');
    expect(summary({ ...base, waiting: 3 }).text).toBe('3 results waiting to be sent');
    i18n.locale = 'sv';
    expect(summary({ ...base, waiting: 3 }).text).toBe('3 resultat väntar på att skickas');
  });

  it('says since when there has been no contact', () => {
    i18n.locale = 'en';
    const s = summary({ ...base, waiting: 2, failingSince: 1_700_000_200, problem: 'unreachable' });
    expect(s.state).toBe('offline');
    expect(s.text).toMatch(/^2 results waiting to be sent \(offline since .*2023.*\)$/);
  });

  it('puts a refused password before anything else', () => {
    i18n.locale = 'en';
    const s = summary({ ...base, waiting: 5, failingSince: 1_700_000_200, problem: 'refused' });
    expect(s.state).toBe('refused');
    expect(s.text).toMatch(/did not accept the class's password/);
  });
});
