import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/index.svelte';
import { loadInLanguage } from './language.svelte';

describe('loadInLanguage', () => {
  it('loads at once, and again only when the language changes', () => {
    i18n.locale = 'sv';
    const calls: [string, boolean][] = [];
    let other = $state(0);
    const stop = $effect.root(() => {
      loadInLanguage((lang, again) => {
        void other; // read inside load: must not make it run again
        calls.push([lang, again]);
      });
    });
    flushSync();
    expect(calls).toEqual([['sv', false]]);
    other++;
    flushSync();
    expect(calls, 'state read by load does not reload').toEqual([['sv', false]]);
    i18n.locale = 'en';
    flushSync();
    expect(calls).toEqual([
      ['sv', false],
      ['en', true],
    ]);
    i18n.locale = 'en';
    flushSync();
    expect(calls.length, 'the same language again loads nothing').toBe(2);
    stop();
    i18n.locale = 'sv';
  });
});
