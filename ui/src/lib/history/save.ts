// Saving results and the certificate: the shell opens the system save dialog
// and keeps the path; the core writes the file there. `null` means the
// learner cancelled.
import { api } from '$lib/api';
import { t } from '$lib/i18n/index.svelte';
import { withProgress } from '$lib/ui/progress.svelte';
import type { ResultsFormat } from '$lib/bindings/ResultsFormat';

export async function saveResults(format: ResultsFormat, defaultName: string): Promise<string | null> {
  const path = await api.chooseFile(format === 'csv' ? 'resultsCsv' : 'resultsJson', {
    defaultName: `${defaultName}.${format}`,
    filter: format.toUpperCase(),
  });
  if (!path) return null;
  await withProgress(t('progress.saving'), () => api.saveResults(format));
  return path;
}

export async function saveCertificate(lang: string, defaultName: string): Promise<string | null> {
  const path = await api.chooseFile('certificate', { defaultName: `${defaultName}.pdf`, filter: 'PDF' });
  if (!path) return null;
  await withProgress(t('progress.saving'), () => api.saveCertificate(lang));
  return path;
}
