// The debrief recaps the learner's own choices under the author's text (an
// ending's text is shared by every path to it), and says the points earned
// against the best path's and the points needed.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Debrief } from '$lib/bindings/Debrief';
import type { NodeView } from '$lib/bindings/NodeView';
import type { ScenarioPlay } from '$lib/bindings/ScenarioPlay';
import type { Step } from '$lib/bindings/Step';
import { i18n } from '$lib/i18n/index.svelte';
import ScenarioPlayer from './ScenarioPlayer.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const ask: NodeView = {
  id: 'ask',
  speaker: 'Gäst',
  text: 'Var ligger museet?',
  choices: [
    { id: 'point', text: 'Peka åt rätt håll' },
    { id: 'walk', text: 'Följ med en bit' },
  ],
  ending: null,
};

const end: NodeView = { id: 'end', speaker: null, text: 'Gästen går.', choices: [], ending: 'good' };

function debrief(passed: boolean, earned: number): Debrief {
  return {
    scenarioId: 's',
    ending: 'good',
    text: 'Gästen hittade fram.',
    points: { welcome: earned },
    maxPoints: { welcome: 5 },
    critical: false,
    earnedTotal: earned,
    bestTotal: 5,
    passTotal: 2.5,
    passed,
    steps: [
      {
        nodeId: 'door',
        nodeText: 'En gäst kommer in.',
        choiceId: 'wait',
        choiceText: 'Skriv klart först',
        feedback: 'Gästen fick vänta.',
        points: {},
        critical: false,
      },
      {
        nodeId: 'ask',
        nodeText: 'Var ligger museet?',
        choiceId: 'point',
        choiceText: 'Peka åt rätt håll',
        feedback: 'Gästen hittar, men ensam.',
        points: { welcome: earned },
        critical: false,
      },
    ],
  };
}

/** A run resumed at `ask` (its first choice was made before the restart). */
function serve(result: Debrief) {
  mockIPC((cmd) => {
    if (cmd === 'start_scenario') {
      const play: ScenarioPlay = {
        runId: 1,
        courseId: 'c',
        moduleId: 'm',
        scenarioId: 's',
        title: 'Entrén',
        intro: null,
        node: ask,
        choicesMade: 1,
        resumed: true,
      };
      return play;
    }
    if (cmd === 'course_outline') return { competencies: [{ id: 'welcome', title: 'Välkomnande' }] };
    if (cmd === 'choose_in_scenario') {
      const step: Step = {
        choiceId: 'point',
        feedback: 'Gästen hittar, men ensam.',
        points: {},
        critical: false,
        node: end,
        debrief: result,
      };
      return step;
    }
    throw new Error(`unexpected command ${cmd}`);
  });
}

describe('the debrief', () => {
  it('recaps every choice of the run, the one before a resume too, with its feedback', async () => {
    i18n.locale = 'sv';
    serve(debrief(false, 1));
    render(ScenarioPlayer, { module: 'm', scenario: 's' });
    await fireEvent.click(await screen.findByText('Peka åt rätt håll'));
    const recap = await screen.findByTestId('debrief-recap');
    const items = [...recap.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items, 'each choice actually made, in order, with what it led to').toEqual([
      'Du: Skriv klart först Gästen fick vänta.',
      'Du: Peka åt rätt håll Gästen hittar, men ensam.',
    ]);
    const box = screen.getByTestId('debrief');
    expect(box.textContent, 'the author’s text comes first').toMatch(/Gästen hittade fram\.[\s\S]*Dina val och vad de ledde till/);
    expect(screen.getByTestId('debrief-total').textContent, 'points earned, the best path’s and the points needed').toContain(
      'Du fick 1 poäng av de 5 som den bästa vägen ger. För godkänt behövs 2,5.',
    );
    expect(box.textContent, 'why a good ending did not pass').toContain('dina val gav för få poäng');
    expect(box.textContent, 'and that it did not').toContain('Rollspelet är inte godkänt än.');
  });

  it('says nothing of too few points when the run passed, in English too', async () => {
    i18n.locale = 'en';
    serve(debrief(true, 4));
    render(ScenarioPlayer, { module: 'm', scenario: 's' });
    await fireEvent.click(await screen.findByText('Peka åt rätt håll'));
    await screen.findByTestId('debrief-recap');
    expect(screen.getByTestId('debrief-total').textContent, 'the totals in English').toContain(
      'You earned 4 of the 5 points the best path gives. Passing needs 2.5.',
    );
    const box = screen.getByTestId('debrief');
    expect(box.textContent, 'no reason to give for a pass').not.toContain('too few points');
    expect(box.textContent, 'the pass is said').toContain('Role-play passed.');
    i18n.locale = 'sv';
  });
});
