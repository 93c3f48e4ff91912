// The one idiom for a screen whose data comes in the learner's language:
// load it now, and again whenever the language changes.
import { untrack } from 'svelte';
import { i18n } from '$lib/i18n/index.svelte';

/**
 * Calls `load(lang, false)` at once and `load(lang, true)` after every change
 * of language. Call it while a component (or an effect root) is set up.
 * `load` is not tracked: only the language makes it run again.
 */
export function loadInLanguage(load: (lang: string, again: boolean) => void): void {
  let shownIn = i18n.locale;
  load(shownIn, false);
  $effect(() => {
    const lang = i18n.locale;
    if (lang === shownIn) return;
    shownIn = lang;
    untrack(() => load(lang, true));
  });
}
