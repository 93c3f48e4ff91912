// The editor's command results, as the shell's bindings name them.
export type { EditorCourse } from '$lib/bindings/EditorCourse';
export type { EditorDiagnostic } from '$lib/bindings/EditorDiagnostic';
export type { EditorSaved } from '$lib/bindings/EditorSaved';
export type { GiftImport } from '$lib/bindings/GiftImport';
export type { LessonPreview } from '$lib/bindings/LessonPreview';
export type { ScenarioPreview } from '$lib/bindings/ScenarioPreview';
