// Where "continue where you left off" leads: an unfinished quiz first, else
// the first module not yet passed. Pure, so it is unit-tested.
import type { Screen } from '$lib/app.svelte';
import type { CourseOutline } from '$lib/bindings/CourseOutline';
import type { CourseResults } from '$lib/bindings/CourseResults';

export function continueTarget(outline: CourseOutline, results: CourseResults): Screen | null {
  const open = results.modules.find((m) => m.openAttempt !== null);
  if (open) return { name: 'quiz', module: open.moduleId };
  if (results.finalTest?.openAttempt != null) return { name: 'final' };
  for (const module of outline.modules) {
    const summary = results.modules.find((m) => m.moduleId === module.id);
    if (summary?.passed) continue;
    if (summary && summary.attempts > 0) return { name: 'quiz', module: module.id };
    if (module.lessons.length > 0) return { name: 'lesson', module: module.id, lesson: module.lessons[0].id };
    if (module.questions > 0) return { name: 'quiz', module: module.id };
    if (module.scenarios.length > 0) return { name: 'scenario', module: module.id, scenario: module.scenarios[0].id };
  }
  // Every module passed: the final test is next, until it is passed.
  const final = results.finalTest;
  if (final && !final.passed && (final.available || final.openAttempt !== null)) return { name: 'final' };
  return null;
}

/** A share 0..1 as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
