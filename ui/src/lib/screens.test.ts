import { describe, expect, it, vi } from 'vitest';
import { app } from './app.svelte';
import { isLoaded, screens } from './screens.svelte';

describe('screens load on demand', () => {
  it('ships the first screen alone: nothing else is loaded before it is asked for', () => {
    expect(isLoaded({ name: 'profiles' })).toBe(true);
    expect(screens.editor).toBeUndefined();
    expect(screens.quiz).toBeUndefined();
  });

  it('shows a screen once its code has loaded, not before', async () => {
    app.go({ name: 'practice' });
    expect(app.screen.name).toBe('profiles');
    await vi.waitFor(() => expect(app.screen.name).toBe('practice'), { timeout: 10_000 });
    expect(screens.practice).toBeDefined();
    // Loaded now: the next visit is immediate.
    app.go({ name: 'profiles' });
    app.go({ name: 'practice' });
    expect(app.screen.name).toBe('practice');
  });

  it('never shows a screen the user has left while it loaded', async () => {
    app.go({ name: 'profiles' });
    app.go({ name: 'results' });
    app.go({ name: 'profiles' });
    await vi.waitFor(() => expect(screens.results).toBeDefined(), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.screen.name).toBe('profiles');
  });

  it('loads the unlock screen with an instructor screen', async () => {
    app.go({ name: 'classes' });
    await vi.waitFor(() => expect(app.screen.name).toBe('classes'), { timeout: 10_000 });
    expect(screens.instructor).toBeDefined();
    expect(screens.classes).toBeDefined();
  });
});
