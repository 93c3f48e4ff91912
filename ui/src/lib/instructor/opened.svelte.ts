// A course package the app was opened with (a double-click on a .vdsk, or
// one handed to the running app): the shell keeps it, the instructor's screen
// offers to import it once instructor mode is unlocked.
import { api } from '$lib/api';
import { app } from '$lib/app.svelte';
import { listen } from '@tauri-apps/api/event';

class OpenedPackage {
  /** The file name of the package waiting to be imported, or null. */
  name = $state<string | null>(null);

  /** Asks the shell once after the first paint, and again whenever a package is handed over. */
  start() {
    const later = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 0);
    later(() => setTimeout(() => void this.check(), 0));
    listen('course-package-opened', () => void this.check()).catch(() => {
      // Without the event API (unit tests) nothing is handed over.
    });
  }

  /** Reads whether a package waits; if one does, shows the instructor's screen. */
  async check() {
    try {
      this.name = await api.coursePackageWaiting();
    } catch {
      return;
    }
    if (this.name !== null && app.screen.name !== 'instructor') app.go({ name: 'instructor' });
  }

  /** The package was imported (or refused): it no longer waits. */
  async taken() {
    try {
      this.name = await api.coursePackageWaiting();
    } catch {
      this.name = null;
    }
  }
}

export const openedPackage = new OpenedPackage();
