// The first screen: shown with the `startup` answer main.ts waited for, or,
// when the shell is slow to answer, a loading message until the answer comes.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, t } from '$lib/i18n/index.svelte';
import type { StartupOutcome } from '$lib/startupOutcome';
import App from './App.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const answer: StartupOutcome = {
  answer: {
    error: null,
    backupWarning: null,
    coursePackage: null,
    profiles: [{ id: 1, name: 'Åsa', hasPin: false, language: 'sv', theme: 'system', createdAt: 0 }],
  },
};

describe('App at start', () => {
  it('shows the profile picker with the answer it was mounted with, asking nothing', async () => {
    const asked: string[] = [];
    mockIPC((cmd) => {
      asked.push(cmd);
      return null;
    });
    i18n.locale = 'sv';
    render(App, { first: Promise.resolve(answer), answered: answer });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(t('profiles.title'));
    expect(screen.getByRole('button', { name: /Åsa/ })).toBeTruthy();
    await Promise.resolve();
    expect(asked.filter((c) => c === 'startup' || c === 'list_profiles')).toEqual([]);
  });

  it('says it is loading while the shell has not answered, then shows the picker', async () => {
    mockIPC(() => null);
    i18n.locale = 'en';
    let settle: (outcome: StartupOutcome) => void = () => {};
    const first = new Promise<StartupOutcome>((resolve) => (settle = resolve));
    render(App, { first, answered: null });
    expect(screen.getByText(t('course.loading'))).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    settle(answer);
    expect(await screen.findByRole('heading', { level: 1, name: t('profiles.title') })).toBeTruthy();
    expect(screen.queryByText(t('course.loading'))).toBeNull();
  });

  it('shows the recovery screen when the store could not be opened', async () => {
    mockIPC(() => null);
    i18n.locale = 'en';
    const damaged: StartupOutcome = {
      answer: {
        error: { kind: 'CorruptDatabase', message: 'database disk image is malformed' },
        backupWarning: null,
        coursePackage: null,
        profiles: [],
      },
    };
    render(App, { first: Promise.resolve(damaged), answered: damaged });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(t('recovery.title'));
    expect(screen.getByTestId('recovery-restore')).toBeTruthy();
  });
});
