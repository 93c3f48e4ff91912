// What the editor's commands return, until the shell's bindings name them.
// Shapes follow the editor contract; the generated bindings replace these.
import type { Course } from '$lib/bindings/Course';
import type { Debrief } from '$lib/bindings/Debrief';
import type { GiftMessage } from '$lib/bindings/GiftMessage';
import type { NodeView } from '$lib/bindings/NodeView';
import type { Question } from '$lib/bindings/Question';
import type { SaveSummary } from '$lib/bindings/SaveSummary';
import type { Skipped } from '$lib/bindings/Skipped';
import type { Step } from '$lib/bindings/Step';

export type EditorDiagnostic = {
  path: string;
  line: number;
  column: number;
  message: string;
  /** The model field the problem is about, e.g. `module[0].question[2].prompt`. */
  field: string | null;
};

export type EditorCourse = { folder: string; course: Course | null; diagnostics: EditorDiagnostic[] };

export type EditorSaved = { summary: SaveSummary; diagnostics: EditorDiagnostic[] };

export type LessonPreview = { title: string | null; html: string };

export type ScenarioPreview = { node: NodeView; last: Step | null; debrief: Debrief | null };

export type GiftPreview = {
  questions: Question[];
  lines: number[];
  skipped: Skipped[];
  problems: GiftMessage[];
  notes: GiftMessage[];
  categories: string[];
};
