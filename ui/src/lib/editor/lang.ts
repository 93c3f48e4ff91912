// Names of the course's languages in the UI's language ("Svenska", "English").
import { i18n } from '$lib/i18n/index.svelte';

export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([i18n.locale], { type: 'language' }).of(code);
    if (name && name !== code) return name.charAt(0).toLocaleUpperCase(i18n.locale) + name.slice(1);
  } catch {
    // An unknown code: show it as it is.
  }
  return code;
}
