// Saving results and the certificate: the system save dialog picks the path,
// the core writes the file. `null` means the learner cancelled.
import { save } from '@tauri-apps/plugin-dialog';
import { api } from '$lib/api';
import type { ResultsFormat } from '$lib/bindings/ResultsFormat';

export async function saveResults(course: string, format: ResultsFormat, defaultName: string): Promise<string | null> {
  const path = await save({
    defaultPath: `${defaultName}.${format}`,
    filters: [{ name: format.toUpperCase(), extensions: [format] }],
  });
  if (!path) return null;
  await api.saveResults(course, format, path);
  return path;
}

export async function saveCertificate(course: string, lang: string, defaultName: string): Promise<string | null> {
  const path = await save({ defaultPath: `${defaultName}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  if (!path) return null;
  await api.saveCertificate(course, lang, path);
  return path;
}
