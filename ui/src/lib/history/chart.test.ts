import { describe, expect, it } from 'vitest';
import type { ModuleHistory } from '$lib/bindings/ModuleHistory';
import { FRAME, series, timeSpan, yOf } from './chart';

function mod(id: string, attempts: [number, number][]): ModuleHistory {
  return {
    summary: {
      moduleId: id,
      title: id,
      passMark: 0.8,
      hasQuestions: true,
      attempts: attempts.length,
      best: null,
      last: null,
      passed: false,
      criticalChoice: false,
      openAttempt: null,
      scenarios: 0,
      scenariosFinished: 0,
    },
    attempts: attempts.map(([at, share], i) => ({ attemptId: i + 1, submittedAt: at, score: share, max: 1, share, passed: share >= 0.8 })),
  };
}

describe('score chart geometry', () => {
  it('spans from the first to the last attempt over all modules', () => {
    expect(timeSpan([mod('a', [[100, 0.5]]), mod('b', [[300, 1]])]), 'first and last attempt of any module').toEqual([100, 300]);
    expect(timeSpan([mod('a', [])]), 'no attempts, no chart').toBeNull();
  });

  it('puts the oldest attempt at the left edge, the newest at the right and 100 % at the top', () => {
    const [a] = series([
      mod('a', [
        [100, 0],
        [300, 1],
      ]),
    ]);
    expect(a.points[0].x, 'oldest at the left edge of the plot').toBe(FRAME.left);
    expect(a.points[1].x, 'newest at the right edge of the plot').toBe(FRAME.width - FRAME.right);
    expect(a.points[1].y, '100 % at the top of the plot').toBe(FRAME.top);
    expect(a.points[0].y, '0 % at the bottom of the plot').toBe(FRAME.height - FRAME.bottom);
  });

  it('centres a single attempt and leaves out modules without attempts', () => {
    const all = series([mod('a', [[500, 0.5]]), mod('b', [])]);
    expect(
      all.map((s) => s.moduleId),
      'only modules with attempts get a series',
    ).toEqual(['a']);
    const mid = FRAME.left + (FRAME.width - FRAME.left - FRAME.right) / 2;
    expect(all[0].points[0].x, 'a lone attempt sits in the middle').toBeCloseTo(mid);
    expect(all[0].points[0].y, 'half score is half way up').toBeCloseTo(yOf(0.5));
  });
});
