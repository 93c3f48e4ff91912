// App-wide state: who is signed in, which screen shows, the theme. Screens
// change by `go(...)`; each screen offers its own way back (to the course
// home), and a screen with unsaved work can hold a change back (`leave`).
import type { Profile } from './bindings/Profile';
import type { Theme } from './bindings/Theme';
import { i18n, type Locale } from './i18n/index.svelte';
import { isLoaded, loadScreen } from './screens.svelte';

export type Screen =
  | { name: 'profiles' }
  | { name: 'home' }
  | { name: 'lesson'; module: string; lesson: string }
  | { name: 'quiz'; module: string }
  | { name: 'final' }
  | { name: 'scenario'; module: string; scenario: string }
  | { name: 'result'; attempt: number }
  | { name: 'results' }
  | { name: 'attempt'; attempt: number }
  | { name: 'run'; run: number }
  | { name: 'practice' }
  | { name: 'class' }
  | { name: 'classes' }
  | { name: 'classView'; id: number }
  | { name: 'classLearner'; id: number; learner: string }
  | { name: 'instructor' }
  | { name: 'editor' }
  | { name: 'about' };

class AppState {
  screen = $state<Screen>({ name: 'profiles' });
  profile = $state<Profile | null>(null);
  courseId = $state<string | null>(null);
  theme = $state<Theme>('system');
  /** Whether instructor mode was unlocked in this session (the shell checks it too). */
  instructor = $state(false);

  /**
   * Asked before the current screen is left, with what leaving would do. It
   * returns false to keep the screen (the course editor does, with unsaved
   * changes, and runs `proceed` itself once the user has decided).
   */
  leaveGuard: ((proceed: () => void) => boolean) | null = null;

  /** The profiles the start-up read, for the profile picker's first showing (then null). */
  startupProfiles: Profile[] | null = null;

  /** Runs `proceed` (which leaves the screen) unless the screen's guard holds it back. */
  leave(proceed: () => void) {
    if (this.leaveGuard && !this.leaveGuard(proceed)) return;
    proceed();
  }

  go(screen: Screen) {
    this.leave(() => this.show(screen));
  }

  /** Counts screen changes, so a slow load never shows a screen the user has left already. */
  private shown = 0;

  private show(screen: Screen) {
    const ticket = ++this.shown;
    // A screen's code loads on demand (screens.svelte.ts); once loaded, at once.
    if (isLoaded(screen)) this.display(screen);
    else void loadScreen(screen).then(() => ticket === this.shown && this.display(screen));
  }

  private display(screen: Screen) {
    this.screen = screen;
    // Move focus to the new screen's heading so keyboard and screen-reader
    // users start at the top of what changed.
    queueMicrotask(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      heading?.focus();
    });
  }

  signedIn(profile: Profile) {
    this.profile = profile;
    // The shell locks instructor mode whenever someone signs in or out.
    this.instructor = false;
    // The shell brings each learner back to their own course; the home screen reads it.
    this.courseId = null;
    if (profile.language === 'sv' || profile.language === 'en') i18n.locale = profile.language as Locale;
    this.setTheme(profile.theme);
    this.go({ name: 'home' });
  }

  signedOut() {
    this.profile = null;
    this.instructor = false;
    this.courseId = null;
    this.setTheme('system');
    this.go({ name: 'profiles' });
  }

  setTheme(theme: Theme) {
    this.theme = theme;
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }
}

export const app = new AppState();
