// Dates and shares as the learner reads them, in the UI's language.
import { i18n } from '$lib/i18n/index.svelte';

/** Unix seconds as a date and time in the current language. */
export function when(secs: number): string {
  return new Intl.DateTimeFormat(i18n.locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(secs * 1000),
  );
}

/** Unix seconds as a short date in the current language. */
export function day(secs: number): string {
  return new Intl.DateTimeFormat(i18n.locale === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'short' }).format(
    new Date(secs * 1000),
  );
}
