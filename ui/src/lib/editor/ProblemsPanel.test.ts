// The problems panel and a field's problems: the item lint's warnings are
// listed after the errors and marked in words (not colour alone), a course
// with warnings only says it has no errors, a warning does not make a field
// invalid, and the core's problems are told in the instructor's language.
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course } from '$lib/bindings/Course';
import type { EditorDiagnostic } from '$lib/bindings/EditorDiagnostic';
import { i18n } from '$lib/i18n/index.svelte';
import FieldProblems from './FieldProblems.svelte';
import ProblemsPanel from './ProblemsPanel.svelte';
import { editor } from './state.svelte';

const course = (): Course => ({
  id: 'c',
  version: '1.0.0',
  languages: ['sv'],
  title: { sv: 'K' },
  description: null,
  passMark: 0.8,
  competencies: [],
  finalTest: null,
  modules: [],
});

/** A problem whose message is not in the catalogue, so its English words show. */
const diag = (message: string, severity: 'error' | 'warning', field: string | null): EditorDiagnostic => ({
  path: 'modules/01-m/quiz.toml',
  line: 3,
  column: 1,
  message,
  id: 'test-problem',
  params: {},
  severity,
  field,
});

/** A problem as the core sends it: the catalogue's message, its placeholders and its English words. */
const missingPrompt = (): EditorDiagnostic => ({
  path: 'modules/01-m/quiz.toml',
  line: 1,
  column: 1,
  message: 'question has no `prompt`',
  id: 'check-missingKey',
  params: { table: 'question', key: 'prompt' },
  severity: 'error',
  field: 'module[0].question[0].prompt',
});

beforeEach(() => {
  i18n.locale = 'sv';
});
afterEach(() => cleanup());

describe('the problems panel', () => {
  it('lists errors first, then warnings, each marked in words', () => {
    editor.load({
      folder: '/c',
      course: course(),
      diagnostics: [
        diag('the key is the longest', 'warning', 'module[0].question[0].option[0].text'),
        diag('`prompt` is empty', 'error', null),
      ],
    });
    render(ProblemsPanel);
    const items = screen.getAllByTestId('problem').map((p) => p.textContent?.replace(/\s+/g, ' ').trim());
    expect(items, 'the error before the warning, each with its word').toEqual([
      '✖ Fel: `prompt` is empty',
      '⚠ Varning: the key is the longest',
    ]);
    expect(screen.getByRole('heading').textContent, 'the heading counts errors only').toBe('Problem (1)');
    expect(screen.getByTestId('warning-count').textContent, 'the warnings are counted apart').toContain('Varningar: 1');
  });

  it('says there are no errors when only warnings are left', () => {
    i18n.locale = 'en';
    editor.load({ folder: '/c', course: course(), diagnostics: [diag('a year', 'warning', null)] });
    render(ProblemsPanel);
    expect(screen.getByTestId('no-problems').textContent, 'no errors, and the warnings do not stop saving').toContain(
      'No errors found. Warnings: 1.',
    );
    expect(screen.getByTestId('problem').textContent, 'the warning is marked in English').toContain('Warning:');
  });

  it("tells the core's problems in the instructor's language, at their place", () => {
    editor.load({ folder: '/c', course: course(), diagnostics: [missingPrompt()] });
    render(ProblemsPanel);
    expect(screen.getByTestId('problem').textContent?.replace(/\s+/g, ' ').trim(), 'in Swedish').toBe('✖ Fel: frågan saknar `prompt`');
    expect(screen.getByText('modules/01-m/quiz.toml:1:1'), 'at path:line:col').toBeTruthy();
    cleanup();
    i18n.locale = 'en';
    render(ProblemsPanel);
    expect(screen.getByTestId('problem').textContent?.replace(/\s+/g, ' ').trim(), 'and in English').toBe(
      '✖ Error: question has no `prompt`',
    );
  });

  it('says no problems when there are none at all', () => {
    editor.load({ folder: '/c', course: course(), diagnostics: [] });
    render(ProblemsPanel);
    expect(screen.getByTestId('no-problems').textContent?.trim(), 'nothing to fix').toBe('Inga problem hittades.');
    expect(screen.queryAllByTestId('problem'), 'no list').toHaveLength(0);
  });
});

describe('a field with a warning', () => {
  it('shows the word and is not marked invalid', () => {
    const field = 'module[0].question[0].answer';
    editor.load({ folder: '/c', course: course(), diagnostics: [diag('a year', 'warning', field)] });
    render(FieldProblems, { field });
    const item = screen.getByTestId('field-problems').querySelector('li');
    expect(item?.dataset.severity, 'the item says it is a warning').toBe('warning');
    expect(item?.textContent, 'in words').toContain('Varning:');
    expect(editor.invalid(field), 'a warning does not make the field invalid').toBe(false);
    editor.load({ folder: '/c', course: course(), diagnostics: [diag('empty', 'error', field)] });
    expect(editor.invalid(field), 'an error does').toBe(true);
  });
});
