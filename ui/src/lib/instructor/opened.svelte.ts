// A course package the app was opened with (a double-click on a .vdsk, or
// one handed to the running app): the shell keeps it, the instructor's screen
// offers to import it once instructor mode is unlocked.
import { api } from '$lib/api';
import { app } from '$lib/app.svelte';
import { onHandover } from '$lib/handovers';
import { afterFirstScreen } from '$lib/startup';

class OpenedPackage {
  /** The file name of the package waiting to be imported, or null. */
  name = $state<string | null>(null);

  /**
   * Starts with what the start-up read (the package the app was opened with,
   * if any), and listens, once the first screen is shown, for a package
   * handed to the running app.
   */
  start(waiting: string | null) {
    this.show(waiting);
    afterFirstScreen(() => {
      onHandover('importPackage', () => void this.check());
    });
  }

  /** Reads whether a package waits; if one does, shows the instructor's screen. */
  async check() {
    try {
      this.show(await api.coursePackageWaiting());
    } catch {
      // Nothing to show.
    }
  }

  /** Keeps the waiting package's name; if there is one, shows the instructor's screen. */
  private show(name: string | null) {
    this.name = name;
    if (name !== null && app.screen.name !== 'instructor') app.go({ name: 'instructor' });
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
