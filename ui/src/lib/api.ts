// Typed wrappers of the shell's commands. Components call these, never `invoke`.
import { invoke } from '@tauri-apps/api/core';
import type { Answer } from './bindings/Answer';
import type { AnswerSaved } from './bindings/AnswerSaved';
import type { AttemptView } from './bindings/AttemptView';
import type { CommandError } from './bindings/CommandError';
import type { CourseOutline } from './bindings/CourseOutline';
import type { CourseOverview } from './bindings/CourseOverview';
import type { CourseResults } from './bindings/CourseResults';
import type { ErrorKind } from './bindings/ErrorKind';
import type { LessonView } from './bindings/LessonView';
import type { ModuleResult } from './bindings/ModuleResult';
import type { NewProfile } from './bindings/NewProfile';
import type { Profile } from './bindings/Profile';
import type { ReviewAnswered } from './bindings/ReviewAnswered';
import type { ReviewItem } from './bindings/ReviewItem';
import type { ScenarioPlay } from './bindings/ScenarioPlay';
import type { Step } from './bindings/Step';
import type { Theme } from './bindings/Theme';
import type { AttemptDetail } from './bindings/AttemptDetail';
import type { ResultsFormat } from './bindings/ResultsFormat';
import type { ResultsHistory } from './bindings/ResultsHistory';
import type { ScenarioRunDetail } from './bindings/ScenarioRunDetail';
import type { InstalledCourse } from './bindings/InstalledCourse';
import type { InstructorStatus } from './bindings/InstructorStatus';
import type { PackSummary } from './bindings/PackSummary';
import type { Course } from './bindings/Course';
import type { Question } from './bindings/Question';
import type { QuestionView } from './bindings/QuestionView';
import type { AnswerReview } from './bindings/AnswerReview';
import type { Scenario } from './bindings/Scenario';
import type { Text } from './bindings/Text';
import type { EditorCourse } from './bindings/EditorCourse';
import type { EditorDiagnostic } from './bindings/EditorDiagnostic';
import type { EditorSaved } from './bindings/EditorSaved';
import type { GiftImport } from './bindings/GiftImport';
import type { LessonPreview } from './bindings/LessonPreview';
import type { ScenarioPreview } from './bindings/ScenarioPreview';
import type { Purpose } from './bindings/Purpose';
import type { Labels } from './bindings/Labels';
import { catalogues, t, type MessageKey } from './i18n/index.svelte';

/** A command failed: `kind` says what, `message` is a sentence for the user. */
export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind | 'Unexpected',
    message: string,
    /** For a refused passphrase: seconds until the next try is checked. */
    readonly retryAfterSecs: number | null = null,
  ) {
    super(message);
  }
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    if (err && typeof err === 'object' && 'kind' in err && 'message' in err) {
      const e = err as CommandError;
      throw new ApiError(e.kind, e.message, e.retryAfterSecs ?? null);
    }
    throw new ApiError('Unexpected', String(err));
  }
}

export const api = {
  courseOverview: (lang: string) => call<CourseOverview>('course_overview', { lang }),
  startupError: () => call<CommandError | null>('startup_error'),
  restoreBackup: () => call<void>('restore_backup'),
  /** Why the regular backup at start failed (a full disk, say), if it did; the app works all the same. */
  backupWarning: () => call<string | null>('backup_warning'),

  listProfiles: () => call<Profile[]>('list_profiles'),
  createProfile: (profile: NewProfile) => call<Profile>('create_profile', { profile }),
  signIn: (id: number, pin: string | null) => call<Profile>('sign_in', { id, pin }),
  signOut: () => call<void>('sign_out'),
  setPreferences: (language: string | null, theme: Theme) =>
    call<Profile>('set_preferences', { language, theme }),

  courseOutline: (lang: string) => call<CourseOutline>('course_outline', { lang }),
  courseResults: (course: string, lang: string) => call<CourseResults>('course_results', { course, lang }),
  lesson: (course: string, module: string, lesson: string, lang: string) =>
    call<LessonView>('lesson', { course, module, lesson, lang }),

  startAttempt: (course: string, module: string, lang: string) =>
    call<AttemptView>('start_attempt', { course, module, lang }),
  /** The final course test: opens once every module is passed; answers and submission as for a module. */
  startFinalTest: (course: string, lang: string) => call<AttemptView>('start_final_test', { course, lang }),
  saveAnswer: (attempt: number, question: string, answer: Answer, lang: string) =>
    call<AnswerSaved>('save_answer', { attempt, question, answer, lang }),
  submitAttempt: (attempt: number, lang: string) => call<ModuleResult>('submit_attempt', { attempt, lang }),
  moduleResult: (attempt: number, lang: string) => call<ModuleResult>('module_result', { attempt, lang }),

  startScenario: (course: string, module: string, scenario: string, lang: string) =>
    call<ScenarioPlay>('start_scenario', { course, module, scenario, lang }),
  chooseInScenario: (run: number, choice: string, lang: string) =>
    call<Step>('choose_in_scenario', { run, choice, lang }),

  reviewsDue: (lang: string) => call<ReviewItem[]>('reviews_due', { lang }),
  answerReview: (course: string, module: string, question: string, answer: Answer, lang: string) =>
    call<ReviewAnswered>('answer_review', { course, module, question, answer, lang }),

  resultsHistory: (course: string, lang: string) => call<ResultsHistory>('results_history', { course, lang }),
  attemptDetail: (attempt: number, lang: string) => call<AttemptDetail>('attempt_detail', { attempt, lang }),
  scenarioRunDetail: (run: number, lang: string) => call<ScenarioRunDetail>('scenario_run_detail', { run, lang }),
  /**
   * Opens the system dialog for `purpose` (the shell opens it and keeps the
   * path for the command that does that work): the chosen path, to show, or
   * null when the user cancelled. No command takes a path from the page.
   */
  chooseFile: (purpose: Purpose, labels: Labels) => call<string | null>('choose_file', { purpose, labels }),
  /** Writes the results where `chooseFile('resultsCsv' | 'resultsJson')` pointed. */
  saveResults: (course: string, format: ResultsFormat) => call<void>('save_results', { course, format }),
  /** Writes the certificate where `chooseFile('certificate')` pointed. */
  saveCertificate: (course: string, lang: string) => call<void>('save_certificate', { course, lang }),

  instructorStatus: () => call<InstructorStatus>('instructor_status'),
  setInstructorPassphrase: (passphrase: string, current: string | null) =>
    call<void>('set_instructor_passphrase', { passphrase, current }),
  unlockInstructor: (passphrase: string) => call<void>('unlock_instructor', { passphrase }),
  lockInstructor: () => call<void>('lock_instructor'),
  /** Installs the package chosen with `chooseFile('importPackage')`. */
  importCoursePackage: (lang: string) => call<InstalledCourse>('import_course_package', { lang }),
  /** Packs the installed course where `chooseFile('exportPackage')` pointed. */
  exportCoursePackage: (course: string) => call<PackSummary>('export_course_package', { course }),

  /** Opens the folder chosen with `chooseFile('editorFolder')`; editor commands work in it. */
  editorOpen: () => call<EditorCourse>('editor_open'),
  editorClose: () => call<void>('editor_close'),
  /** Makes `<parent>/<id>` in the folder chosen with `chooseFile('editorParent')`, and opens it. */
  editorCreate: (id: string, languages: string[], title: Text) =>
    call<EditorCourse>('editor_create', { id, languages, title }),
  editorCheck: (course: Course) => call<EditorDiagnostic[]>('editor_check', { course }),
  /**
   * Writes the course. `origins[i]` is the folder module i had on disk when
   * loaded or last saved (null if never saved); `removed` are the folders of
   * saved modules removed since. The core renames and deletes them first.
   */
  editorSave: (course: Course, origins: (string | null)[], removed: string[]) =>
    call<EditorSaved>('editor_save', { course, origins, removed }),
  /** `moduleDir` is the lesson's module folder, where its images are. */
  editorRenderLesson: (moduleDir: string, markdown: string) =>
    call<LessonPreview>('editor_render_lesson', { moduleDir, markdown }),
  editorPreviewQuestion: (question: Question, lang: string, seed: number) =>
    call<QuestionView>('editor_preview_question', { question, lang, seed }),
  editorCheckAnswer: (question: Question, answer: Answer, lang: string, seed: number) =>
    call<AnswerReview>('editor_check_answer', { question, answer, lang, seed }),
  editorPreviewScenario: (scenario: Scenario, choices: string[], lang: string, seed: number) =>
    call<ScenarioPreview>('editor_preview_scenario', { scenario, choices, lang, seed }),
  /** Reads the GIFT file chosen with `chooseFile('giftFile')`. */
  editorImportGift: (languages: string[], competency: string, taken: string[]) =>
    call<GiftImport>('editor_import_gift', { languages, competency, taken }),
  /** Packs the editor's folder where `chooseFile('editorPackage')` pointed. */
  editorPack: () => call<PackSummary>('editor_pack'),
  installedCourses: (lang: string) => call<InstalledCourse[]>('installed_courses', { lang }),
  chooseCourse: (id: string) => call<void>('choose_course', { id }),
};

/**
 * A sentence for the user, in their language, from anything a command threw.
 * Course problems keep the core's `path:line:col: message` lines for authors.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError && err.kind !== 'InvalidContent' && err.kind !== 'Unexpected') {
    const key = `errors.${err.kind}` as MessageKey;
    if (key in catalogues.en) return t(key);
  }
  return err instanceof Error ? err.message : String(err);
}
