// Names of the course's languages in the UI's language: "Svenska" as a
// label of its own, "svenska" inside a sentence (Swedish writes language
// names in lower case; English capitalises them anyway).
import { i18n } from '$lib/i18n/index.svelte';

export function languageName(code: string, { inSentence = false } = {}): string {
  try {
    const name = new Intl.DisplayNames([i18n.locale], { type: 'language' }).of(code);
    if (name && name !== code) {
      return inSentence ? name : name.charAt(0).toLocaleUpperCase(i18n.locale) + name.slice(1);
    }
  } catch {
    // An unknown code: show it as it is.
  }
  return code;
}
