// The learner's classes and how sending to them goes, for the header and the
// class screen. Read from the shell every few seconds while someone is signed
// in: the sync runs in the background, so its state changes on its own.
import { api } from '$lib/api';
import { app } from '$lib/app.svelte';
import type { ClassStatus } from '$lib/bindings/ClassStatus';
import { t } from '$lib/i18n/index.svelte';
import { when } from '$lib/history/format';

/** How often the status is read while a learner is signed in (ms). */
export const REFRESH_MS = 3000;

export type SyncState = 'sent' | 'waiting' | 'offline' | 'refused';

/** What a class's status line says, and how it looks. */
export function summary(c: ClassStatus): { state: SyncState; text: string } {
  if (c.problem === 'refused') return { state: 'refused', text: t('class.statusRefused') };
  if (c.waiting > 0 && c.failingSince !== null) {
    return { state: 'offline', text: t('class.statusOffline', { count: c.waiting, time: when(c.failingSince) }) };
  }
  if (c.waiting > 0) return { state: 'waiting', text: t('class.statusWaiting', { count: c.waiting }) };
  return { state: 'sent', text: t('class.statusSent') };
}

class ClassSync {
  classes = $state<ClassStatus[]>([]);
  /** Counts invitations opened with the app (a double-click on a .vdsk-class); the class screen reads each. */
  invitationsOpened = $state(0);
  private timer: ReturnType<typeof setInterval> | null = null;

  /** Reads the status now and then every REFRESH_MS until `stop`. */
  start() {
    this.stop();
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  stop() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.classes = [];
  }

  async refresh() {
    try {
      this.classes = await api.classStatus();
    } catch {
      // Signed out meanwhile, or the store is busy: the next read tells.
    }
  }

  /**
   * Shows the class screen when the app was opened with a class invitation
   * that is not read yet (the screen reads it for its consent step).
   */
  async showOpenedInvitation() {
    try {
      if (!(await api.classInvitationWaiting())) return;
    } catch {
      return;
    }
    this.invitationsOpened += 1;
    if (app.screen.name !== 'class') app.go({ name: 'class' });
  }

  /** The class of `courseId`, if the learner is in one. */
  of(courseId: string | null): ClassStatus | null {
    return this.classes.find((c) => c.courseId === courseId) ?? null;
  }
}

export const classSync = new ClassSync();
