// A module's learning outcomes in the editor: added empty in every course
// language, typed per language, moved and removed, all in the model the
// editor saves.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course } from '$lib/bindings/Course';
import { i18n } from '$lib/i18n/index.svelte';
import ModuleForm from './ModuleForm.svelte';
import { editor } from './state.svelte';

function course(): Course {
  return {
    id: 'c',
    version: '1.0.0',
    languages: ['sv', 'en'],
    title: { sv: 'K', en: 'C' },
    description: null,
    passMark: 0.8,
    competencies: [{ id: 'welcome', title: { sv: 'V', en: 'W' }, description: null }],
    finalTest: null,
    modules: [
      {
        id: 'm',
        dir: '01-m',
        title: { sv: 'M', en: 'M' },
        summary: null,
        feedback: 'immediate',
        passMark: null,
        outcomes: [],
        lessons: [],
        questions: [],
        scenarios: [],
      },
    ],
  };
}

beforeEach(() => {
  // Checks of the edited model are answered with no problems.
  mockIPC(() => []);
  i18n.locale = 'sv';
  editor.load({ folder: '/courses/c', course: course(), diagnostics: [] });
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('learning outcomes', () => {
  it('are added, typed in each language, moved and removed', async () => {
    render(ModuleForm, { course: editor.course!, m: 0 });
    const outcomes = () => editor.course!.modules[0].outcomes;
    await fireEvent.click(screen.getByTestId('editor-add-outcome'));
    expect(outcomes(), 'a new outcome is empty in every course language').toEqual([{ sv: '', en: '' }]);
    await fireEvent.input(screen.getByTestId('outcome-text-sv'), { target: { value: 'hälsa en gäst' } });
    await fireEvent.input(screen.getByTestId('outcome-text-en'), { target: { value: 'welcome a guest' } });
    expect(outcomes(), 'each language is typed into its own field').toEqual([{ sv: 'hälsa en gäst', en: 'welcome a guest' }]);

    await fireEvent.click(screen.getByTestId('editor-add-outcome'));
    await fireEvent.input(screen.getAllByTestId('outcome-text-sv')[1], { target: { value: 'visa vägen' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Flytta upp: Mål 2' }));
    expect(
      outcomes().map((o) => o.sv),
      'the second outcome moved to the top',
    ).toEqual(['visa vägen', 'hälsa en gäst']);

    await fireEvent.click(screen.getByRole('button', { name: 'Ta bort: Mål 1' }));
    expect(outcomes(), 'the removed outcome is gone from the model').toEqual([{ sv: 'hälsa en gäst', en: 'welcome a guest' }]);
    expect(screen.getAllByTestId('outcome'), 'one outcome is left on the form').toHaveLength(1);
  });
});
