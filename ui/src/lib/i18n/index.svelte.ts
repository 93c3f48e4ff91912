// The UI's message catalogue (sv, en) and the current language.
import { en } from './en';
import { sv } from './sv';

export type MessageKey = keyof typeof en;
export type Locale = 'sv' | 'en';

export const catalogues: Record<Locale, Record<MessageKey, string>> = { sv, en };
export const locales: Locale[] = ['sv', 'en'];

let current = $state<Locale>('sv');

export const i18n = {
  get locale(): Locale {
    return current;
  },
  set locale(value: Locale) {
    current = value;
    if (typeof document !== 'undefined') document.documentElement.lang = value;
  },
};

/** The string for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[current][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
