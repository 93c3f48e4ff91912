// Swedish UI strings: the app's first language.
import type { MessageKey } from './index.svelte';

export const sv: Record<MessageKey, string> = {
  'app.name': 'Värdskap',
  'app.tagline': 'Utbildning i gott värdskap och servicekänsla',
  'lang.label': 'Språk',
  'lang.sv': 'Svenska',
  'lang.en': 'English',
  'course.loading': 'Kursen laddas…',
  'course.version': 'Version {version}',
  'error.title': 'Något gick fel',
  'error.retry': 'Försök igen',
};
