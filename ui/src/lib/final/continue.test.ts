// "Continue where you left off" once the modules are done: the final test.
import { describe, expect, it } from 'vitest';
import type { CourseOutline } from '$lib/bindings/CourseOutline';
import type { CourseResults } from '$lib/bindings/CourseResults';
import type { FinalTestSummary } from '$lib/bindings/FinalTestSummary';
import { continueTarget } from '$lib/course/continue';

const outline = {
  modules: [{ id: 'a', lessons: [], questions: 1, scenarios: [] }],
} as unknown as CourseOutline;

function results(passed: boolean, finalTest: Partial<FinalTestSummary> | null): CourseResults {
  const summary = finalTest && {
    draw: 4,
    passMark: 0.7,
    distinction: 0.9,
    available: passed,
    attempts: 0,
    best: null,
    last: null,
    grade: null,
    passed: false,
    openAttempt: null,
    ...finalTest,
  };
  return {
    modules: [{ moduleId: 'a', passed, attempts: 1, openAttempt: null }],
    finalTest: summary,
  } as unknown as CourseResults;
}

describe('continueTarget and the final test', () => {
  it('leads to the final test once every module is passed', () => {
    expect(continueTarget(outline, results(true, {})), 'the test is what is left').toEqual({ name: 'final' });
  });
  it('leads to a module not passed yet before the final test', () => {
    expect(continueTarget(outline, results(false, {})), 'the module comes first').toEqual({ name: 'quiz', module: 'a' });
  });
  it('resumes an unfinished final test first', () => {
    expect(continueTarget(outline, results(true, { openAttempt: 7 })), 'an open attempt is resumed').toEqual({ name: 'final' });
  });
  it('has nothing left once the final test is passed, or when there is none', () => {
    expect(continueTarget(outline, results(true, { passed: true, grade: 'pass' })), 'the course is done').toBeNull();
    expect(continueTarget(outline, results(true, null)), 'a course without a final test is done').toBeNull();
  });
});
