// Geometry of the scores-over-time chart: pure functions from the history to
// points in the SVG's coordinate space, unit-tested apart from the markup.
import type { AttemptPoint } from '$lib/bindings/AttemptPoint';
import type { ModuleSummary } from '$lib/bindings/ModuleSummary';

/**
 * What the chart draws of a module: its id and title and its graded
 * attempts. A learner's own history (ModuleHistory) is one; the instructor's
 * page of a learner builds the same from the class report.
 */
export type ChartModule = {
  summary: Pick<ModuleSummary, 'moduleId' | 'title'>;
  attempts: Pick<AttemptPoint, 'attemptId' | 'submittedAt' | 'share' | 'passed'>[];
};

export type Frame = { width: number; height: number; left: number; right: number; top: number; bottom: number };

export const FRAME: Frame = { width: 640, height: 300, left: 56, right: 24, top: 16, bottom: 56 };

export type Series = {
  moduleId: string;
  title: string;
  points: { x: number; y: number; share: number; at: number; attemptId: number }[];
};

/** The time span of every attempt in the history, widened when there is only one moment. */
export function timeSpan(modules: ChartModule[]): [number, number] | null {
  const times = modules.flatMap((m) => m.attempts.map((a) => a.submittedAt));
  if (times.length === 0) return null;
  const min = Math.min(...times);
  const max = Math.max(...times);
  // One moment (or one attempt) still needs a span to place it in the middle.
  return min === max ? [min - 43_200, max + 43_200] : [min, max];
}

/** One series per module with at least one graded attempt, points in SVG units. */
export function series(modules: ChartModule[], frame: Frame = FRAME): Series[] {
  const span = timeSpan(modules);
  if (!span) return [];
  const [t0, t1] = span;
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  return modules
    .filter((m) => m.attempts.length > 0)
    .map((m) => ({
      moduleId: m.summary.moduleId,
      title: m.summary.title,
      points: m.attempts.map((a) => ({
        x: frame.left + ((a.submittedAt - t0) / (t1 - t0)) * plotW,
        y: frame.top + (1 - Math.min(1, Math.max(0, a.share))) * plotH,
        share: a.share,
        at: a.submittedAt,
        attemptId: a.attemptId,
      })),
    }));
}

/** The y coordinate of a share 0..1. */
export function yOf(share: number, frame: Frame = FRAME): number {
  return frame.top + (1 - share) * (frame.height - frame.top - frame.bottom);
}
