import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { ApiError, errorDetail, errorMessage } from './api';
import { i18n } from './i18n/index.svelte';
import { call } from './ipc';

afterEach(() => clearMocks());

describe('error messages', () => {
  it('shows a core error as a sentence in the learner’s language', () => {
    i18n.locale = 'sv';
    expect(errorMessage(new ApiError('WrongPin', 'That PIN is not right.'))).toBe('Pinkoden stämmer inte. Försök igen.');
    i18n.locale = 'en';
    expect(errorMessage(new ApiError('WrongPin', 'x'))).toBe('That PIN is not right. Try again.');
  });

  it('receives the error’s parameters, for the catalogue’s placeholders', async () => {
    mockIPC(() => {
      throw { kind: 'ProfileExists', message: 'There is already a profile called "Ann".', params: { name: 'Ann' } };
    });
    const err = await call('create_profile').catch((e: unknown) => e);
    expect(err, 'a command error becomes an ApiError').toBeInstanceOf(ApiError);
    expect((err as ApiError).params, 'with the parameters the core sent').toEqual({ name: 'Ann' });
    i18n.locale = 'sv';
    expect(errorMessage(err), 'and is said from the catalogue').toBe('Det finns redan en profil med det namnet. Välj ett annat namn.');
  });

  it('gives the exact reason in the user’s language, from the error’s parameters', () => {
    const taken = new ApiError('FolderTaken', 'the folder /c/hej already exists and is not empty: choose another id or folder', null, {
      path: '/c/hej',
      purpose: 'newCourse',
    });
    i18n.locale = 'sv';
    expect(errorMessage(taken), 'the app’s sentence').toBe('Mappen är redan upptagen, så ingenting ändrades.');
    expect(errorDetail(taken), 'and the reason').toBe('mappen /c/hej finns redan och är inte tom: välj ett annat id eller en annan mapp');
    i18n.locale = 'en';
    expect(errorDetail(taken)).toBe(taken.message);
    expect(errorDetail(new ApiError('Unexpected', 'boom')), 'a kind without words keeps its message').toBe('boom');
  });

  it('keeps the parameters of an error the shell reports without a call (the startup check)', () => {
    const startup = { kind: 'DataFolderInUse' as const, message: 'x', params: { dir: '/d' } };
    i18n.locale = 'sv';
    expect(errorDetail(ApiError.from(startup))).toMatch(/redan öppet med den här datamappen.*Mapp: \/d$/);
    i18n.locale = 'en';
  });

  it('keeps course problems as the author’s path:line:col lines', () => {
    const lines = 'quiz.toml:3:1: unknown key `promt`';
    expect(errorMessage(new ApiError('InvalidContent', lines))).toBe(lines);
  });
});

describe('course package refusals', () => {
  it('says plainly, in both languages, why a package was not installed', () => {
    i18n.locale = 'sv';
    expect(errorMessage(new ApiError('PackageRefused', 'x.vdsk was not opened: "../evil.txt" points outside the course'))).toMatch(
      /går inte att öppna på ett säkert sätt.*ingenting installerades/,
    );
    expect(errorMessage(new ApiError('ReservedCourseId', 'reserved'))).toMatch(/samma id som den inbyggda kursen/);
    i18n.locale = 'en';
    expect(errorMessage(new ApiError('PackageRefused', 'x'))).toMatch(/cannot be opened safely.*nothing was installed/);
    expect(errorMessage(new ApiError('ReservedCourseId', 'x'))).toMatch(/same id as the built-in course.*reserved/);
  });
});
