// A module starts with its first lesson: that lesson opens with what the
// learner will be able to do; later lessons go straight to the text.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { LessonView } from '$lib/bindings/LessonView';
import { i18n } from '$lib/i18n/index.svelte';
import LessonReader from './LessonReader.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

function view(position: number, lang: string): LessonView {
  return {
    moduleId: 'm',
    moduleTitle: 'Modul',
    id: `l${position}`,
    title: `Lektion ${position}`,
    html: '<p>Text</p>',
    position,
    count: 2,
    previous: null,
    next: null,
    outcomes: lang === 'sv' ? ['hälsa en gäst välkommen', 'visa vägen'] : ['welcome a guest', 'show the way'],
  };
}

function serve() {
  mockIPC((cmd, args) => {
    if (cmd !== 'lesson') throw new Error(`unexpected command ${cmd}`);
    const { lesson, lang } = args as { lesson: string; lang: string };
    return view(Number(lesson.slice(1)), lang);
  });
}

describe('the module’s outcomes', () => {
  it('open the first lesson, as a list under a heading, in the learner’s language', async () => {
    serve();
    i18n.locale = 'sv';
    render(LessonReader, { module: 'm', lesson: 'l1' });
    const box = await screen.findByTestId('module-outcomes');
    expect(box.querySelector('h2')?.textContent, 'the Swedish lead-in heads the list').toBe('Det här kan du när du är klar med modulen');
    expect(
      [...box.querySelectorAll('li')].map((li) => li.textContent),
      'every outcome is an item',
    ).toEqual(['hälsa en gäst välkommen', 'visa vägen']);
  });

  it('are said in English too', async () => {
    serve();
    i18n.locale = 'en';
    render(LessonReader, { module: 'm', lesson: 'l1' });
    const box = await screen.findByTestId('module-outcomes');
    expect(box.textContent, 'the English lead-in and outcomes').toContain('What you can do after this module');
    expect(box.textContent, 'the outcomes come in English').toContain('welcome a guest');
    i18n.locale = 'sv';
  });

  it('are not repeated on later lessons', async () => {
    serve();
    render(LessonReader, { module: 'm', lesson: 'l2' });
    await screen.findByTestId('lesson-title');
    expect(screen.queryByTestId('module-outcomes'), 'the second lesson goes straight to its text').toBeNull();
  });
});
