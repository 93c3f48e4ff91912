// English UI strings. Keys must match sv.ts exactly (checked by i18n.test.ts).
export const en = {
  'app.name': 'Värdskap',
  'app.tagline': 'Training in good hosting and service',
  'lang.label': 'Language',
  'lang.sv': 'Svenska',
  'lang.en': 'English',
  'course.loading': 'Loading the course…',
  'course.version': 'Version {version}',
  'error.title': 'Something went wrong',
  'error.retry': 'Try again',
} as const;
