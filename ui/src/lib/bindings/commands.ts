// Generated from the #[tauri::command] functions in src-tauri/src/commands/
// by `make bindings` (src-tauri/commands_decl.rs): do not edit.
import { call } from '../ipc';
import type { Channel } from '@tauri-apps/api/core';
import type { AboutApp } from './AboutApp';
import type { ActorName } from './ActorName';
import type { Answer } from './Answer';
import type { AnswerReview } from './AnswerReview';
import type { AnswerSaved } from './AnswerSaved';
import type { AttemptDetail } from './AttemptDetail';
import type { AttemptId } from './AttemptId';
import type { AttemptView } from './AttemptView';
import type { ClassInvitationView } from './ClassInvitationView';
import type { ClassPull } from './ClassPull';
import type { ClassReport } from './ClassReport';
import type { ClassStatus } from './ClassStatus';
import type { Course } from './Course';
import type { CourseOutline } from './CourseOutline';
import type { CourseOverview } from './CourseOverview';
import type { CourseResults } from './CourseResults';
import type { EditorCourse } from './EditorCourse';
import type { EditorDiagnostic } from './EditorDiagnostic';
import type { EditorSaved } from './EditorSaved';
import type { FileImport } from './FileImport';
import type { GiftImport } from './GiftImport';
import type { InstalledCourse } from './InstalledCourse';
import type { InstructorClass } from './InstructorClass';
import type { InstructorStatus } from './InstructorStatus';
import type { Labels } from './Labels';
import type { LearnerReport } from './LearnerReport';
import type { LessonPreview } from './LessonPreview';
import type { LessonView } from './LessonView';
import type { ModuleResult } from './ModuleResult';
import type { NewClass } from './NewClass';
import type { NewProfile } from './NewProfile';
import type { PackSummary } from './PackSummary';
import type { Profile } from './Profile';
import type { ProfileId } from './ProfileId';
import type { Purpose } from './Purpose';
import type { Question } from './Question';
import type { QuestionView } from './QuestionView';
import type { ResultsFormat } from './ResultsFormat';
import type { ResultsHistory } from './ResultsHistory';
import type { ReviewAnswered } from './ReviewAnswered';
import type { ReviewItem } from './ReviewItem';
import type { Scenario } from './Scenario';
import type { ScenarioPlay } from './ScenarioPlay';
import type { ScenarioPreview } from './ScenarioPreview';
import type { ScenarioRunDetail } from './ScenarioRunDetail';
import type { ScenarioRunId } from './ScenarioRunId';
import type { Startup } from './Startup';
import type { Step } from './Step';
import type { Text } from './Text';
import type { Theme } from './Theme';
import type { UnsentStatement } from './UnsentStatement';

/** Every command of the shell, typed. Errors are thrown as `ApiError` (see ../ipc). */
export const commands = {
  /**
   * The app's version, the session's course and the data folder.
   */
  aboutApp: (lang: string) => call<AboutApp>('about_app', { lang }),
  /**
   * Opens the data folder in the system's file manager. The page names no
   * path: it is always the app's own data folder.
   */
  openDataFolder: () => call<void>('open_data_folder'),
  /**
   * The licences of every Rust crate and npm package in the app, as the JSON
   * text of the UI build's `licences.json` (made by `ui/licences.ts` when the
   * UI is built). Read from the embedded assets when the About screen asks,
   * so the app's start never carries it.
   */
  licences: () => call<string>('licences'),
  instructorClasses: () => call<InstructorClass[]>('instructor_classes'),
  createInstructorClass: (newClass: NewClass) => call<InstructorClass>('create_instructor_class', { newClass }),
  deleteInstructorClass: (id: number) => call<void>('delete_instructor_class', { id }),
  /**
   * Saves the class's invitation where the instructor chose
   * (`choose_file` with `classInvitationExport`).
   */
  exportClassInvitation: (id: number) => call<void>('export_class_invitation', { id }),
  /**
   * Fetches the class's statements from its LRS: new ones since the last
   * fetch, de-duplicated by id. The session is only held to read the target
   * and to store what came.
   */
  pullClass: (id: number) => call<ClassPull>('pull_class', { id }),
  /**
   * Imports the results files chosen together (`choose_file` with `resultsFiles`).
   */
  importClassResults: (id: number) => call<FileImport[]>('import_class_results', { id }),
  classReport: (id: number, lang: string) => call<ClassReport>('class_report', { id, lang }),
  learnerReport: (id: number, learner: string, lang: string) => call<LearnerReport>('learner_report', { id, learner, lang }),
  removeClassLearner: (id: number, learner: string) => call<void>('remove_class_learner', { id, learner }),
  /**
   * Saves the class table or the item analysis as CSV or JSON where the
   * instructor chose (`choose_file` with the same purpose): exactly what the
   * screen shows.
   */
  saveClassExport: (id: number, purpose: Purpose, lang: string) => call<void>('save_class_export', { id, purpose, lang }),
  /**
   * Saves the printable class report as a PDF where the instructor chose
   * (`choose_file` with `classReportPdf`): the report the screen shows, in
   * `lang`, dated today.
   */
  saveClassReportPdf: (id: number, lang: string) => call<void>('save_class_report_pdf', { id, lang }),
  /**
   * Reads the invitation chosen in the dialog (`choose_file` with
   * `classInvitation`) for the consent screen; nothing is joined yet.
   */
  readClassInvitation: () => call<ClassInvitationView>('read_class_invitation'),
  /**
   * Whether the app was opened with a class invitation (or one was opened
   * with the running app) that `read_class_invitation` has not read yet.
   */
  classInvitationWaiting: () => call<boolean>('class_invitation_waiting'),
  /**
   * Joins the class of the invitation just read, under the name chosen on the
   * consent screen; from now on the learner's work in its course is sent.
   */
  joinClass: (name: ActorName) => call<ClassStatus>('join_class', { name }),
  /**
   * Leaves the learner's class in `course`: nothing more is sent.
   */
  leaveClass: (course: string) => call<void>('leave_class', { course }),
  /**
   * The learner's classes and how sending to each goes.
   */
  classStatus: () => call<ClassStatus[]>('class_status'),
  /**
   * The learner's own statements that are not sent yet.
   */
  unsentStatements: () => call<UnsentStatement[]>('unsent_statements'),
  /**
   * "Send now": tries at once, also a credential that was refused before.
   */
  sendNow: () => call<void>('send_now'),
  /**
   * Opens the course folder chosen in the folder dialog (again, after a reload).
   */
  editorOpen: () => call<EditorCourse>('editor_open'),
  /**
   * Forgets the editor's folder: editor commands need a new choice.
   */
  editorClose: () => call<void>('editor_close'),
  /**
   * Creates `<parent>/<id>` with a small valid course, in the parent folder
   * chosen in the dialog (`editorParent`), and opens it.
   */
  editorCreate: (id: string, languages: string[], title: Text) => call<EditorCourse>('editor_create', { id, languages, title }),
  /**
   * Checks the unsaved model by the loader's rules; nothing is written.
   */
  editorCheck: (course: Course) => call<EditorDiagnostic[]>('editor_check', { course }),
  /**
   * Saves the model; `origins` are the module folders as loaded or last saved
   * (renamed when modules moved), `removed` the saved modules' folders to
   * delete. The core names the folders; the reply's `moduleDirs` says how.
   */
  editorSave: (course: Course, origins: (string | null)[], removed: string[]) => call<EditorSaved>('editor_save', { course, origins, removed }),
  editorRenderLesson: (moduleDir: string, markdown: string) => call<LessonPreview>('editor_render_lesson', { moduleDir, markdown }),
  editorPreviewQuestion: (question: Question, lang: string, seed: number) => call<QuestionView>('editor_preview_question', { question, lang, seed }),
  editorCheckAnswer: (question: Question, answer: Answer, lang: string, seed: number) => call<AnswerReview>('editor_check_answer', { question, answer, lang, seed }),
  editorPreviewScenario: (scenario: Scenario, choices: string[], lang: string, seed: number) => call<ScenarioPreview>('editor_preview_scenario', { scenario, choices, lang, seed }),
  /**
   * Reads the GIFT file chosen in the dialog (`giftFile`) into questions for a
   * module whose questions use the ids `taken`; the UI appends them to the model.
   */
  editorImportGift: (languages: string[], competency: string, taken: string[]) => call<GiftImport>('editor_import_gift', { languages, competency, taken }),
  /**
   * Packs the saved course folder into the `.vdsk` file chosen in the save
   * dialog (`editorPackage`).
   */
  editorPack: () => call<PackSummary>('editor_pack'),
  /**
   * Opens the system dialog for `purpose` and keeps the chosen path for the
   * one command that does that work (the course editor keeps its folder until
   * another is chosen). Returns the path, to show to the user, or `None` when
   * they cancelled (for `resultsFiles`, every chosen file, one per line). The
   * webview never passes a path to any command.
   */
  chooseFile: (purpose: Purpose, labels: Labels) => call<string | null>('choose_file', { purpose, labels }),
  /**
   * Saves the learner's results in the session's course where they chose in
   * the save dialog (`choose_file` with `resultsCsv` or `resultsJson`).
   */
  saveResults: (format: ResultsFormat) => call<void>('save_results', { format }),
  /**
   * Saves the certificate PDF where the learner chose (`choose_file` with `certificate`).
   */
  saveCertificate: (lang: string) => call<void>('save_certificate', { lang }),
  /**
   * From now on, sends on `channel` the purpose of each file handed to the
   * running app (a second launch with a class invitation or a course package
   * hands it over and exits): the page then reads it as it reads a file the
   * app was opened with (`read_class_invitation`, `course_package_waiting`).
   */
  watchHandovers: (channel: Channel<Purpose>) => call<void>('watch_handovers', { channel }),
  instructorStatus: () => call<InstructorStatus>('instructor_status'),
  /**
   * Sets (first use) or changes the instructor passphrase; whoever set it is
   * the instructor, so instructor mode is unlocked after.
   */
  setInstructorPassphrase: (passphrase: string, current: string | null) => call<void>('set_instructor_passphrase', { passphrase, current }),
  unlockInstructor: (passphrase: string) => call<void>('unlock_instructor', { passphrase }),
  lockInstructor: () => call<void>('lock_instructor'),
  /**
   * Installs the course in the `.vdsk` package chosen in the open dialog
   * (`choose_file` with `importPackage`). The slow part (unpacking, checking,
   * copying) runs without the session, so other commands go on meanwhile;
   * only the final install takes it, briefly.
   */
  importCoursePackage: (lang: string) => call<InstalledCourse>('import_course_package', { lang }),
  /**
   * The file name of the course package the app was opened with (a
   * double-click on a `.vdsk`, or one handed to the running app) that
   * `import_course_package` has not installed yet: the instructor's screen
   * offers to import it once unlocked.
   */
  coursePackageWaiting: () => call<string | null>('course_package_waiting'),
  /**
   * Packs the installed course `course` into the `.vdsk` file chosen in the
   * save dialog (`choose_file` with `exportPackage`). Only an installed
   * course's own folder is packed: the id is looked up, never joined as given.
   */
  exportCoursePackage: (course: string) => call<PackSummary>('export_course_package', { course }),
  courseResults: (lang: string) => call<CourseResults>('course_results', { lang }),
  /**
   * A lesson of the session's course; its images are served by the media scheme.
   */
  lesson: (module: string, lesson: string, lang: string) => call<LessonView>('lesson', { module, lesson, lang }),
  /**
   * Starts a quiz attempt, or resumes the unfinished one with its answers.
   */
  startAttempt: (module: string, lang: string) => call<AttemptView>('start_attempt', { module, lang }),
  /**
   * Starts the course's final test (once every module is passed), or resumes
   * the unfinished attempt with its drawn questions and answers. Answers and
   * the submission go through `save_answer` and `submit_attempt`.
   */
  startFinalTest: (lang: string) => call<AttemptView>('start_final_test', { lang }),
  /**
   * Saves one answer durably; the reply comes only once it is on disk.
   */
  saveAnswer: (attempt: AttemptId, question: string, answer: Answer, lang: string) => call<AnswerSaved>('save_answer', { attempt, question, answer, lang }),
  submitAttempt: (attempt: AttemptId, lang: string) => call<ModuleResult>('submit_attempt', { attempt, lang }),
  moduleResult: (attempt: AttemptId, lang: string) => call<ModuleResult>('module_result', { attempt, lang }),
  startScenario: (module: string, scenario: string, lang: string) => call<ScenarioPlay>('start_scenario', { module, scenario, lang }),
  chooseInScenario: (run: ScenarioRunId, choice: string, lang: string) => call<Step>('choose_in_scenario', { run, choice, lang }),
  reviewsDue: (lang: string) => call<ReviewItem[]>('reviews_due', { lang }),
  /**
   * Answers a practice question; `course` is the due item's own course.
   */
  answerReview: (course: string, module: string, question: string, answer: Answer, lang: string) => call<ReviewAnswered>('answer_review', { course, module, question, answer, lang }),
  resultsHistory: (lang: string) => call<ResultsHistory>('results_history', { lang }),
  attemptDetail: (attempt: AttemptId, lang: string) => call<AttemptDetail>('attempt_detail', { attempt, lang }),
  scenarioRunDetail: (run: ScenarioRunId, lang: string) => call<ScenarioRunDetail>('scenario_run_detail', { run, lang }),
  /**
   * The built-in course's overview for the first screen (read from its folder).
   */
  courseOverview: (lang: string) => call<CourseOverview>('course_overview', { lang }),
  /**
   * The first screen's data: whether the store opened, the backup warning and
   * the profiles (it waits for the store, which opens while the window starts),
   * and the course package the app was opened with.
   */
  startup: () => call<Startup>('startup'),
  /**
   * Puts the newest backup in place of a damaged database and opens it again.
   */
  restoreBackup: () => call<void>('restore_backup'),
  listProfiles: () => call<Profile[]>('list_profiles'),
  /**
   * Creates a profile and signs it in.
   */
  createProfile: (profile: NewProfile) => call<Profile>('create_profile', { profile }),
  /**
   * Signs a profile in, checking its PIN when it has one.
   */
  signIn: (id: ProfileId, pin: string | null) => call<Profile>('sign_in', { id, pin }),
  signOut: () => call<void>('sign_out'),
  /**
   * Remembers the signed-in learner's language and theme.
   */
  setPreferences: (language: string | null, theme: Theme) => call<Profile>('set_preferences', { language, theme }),
  /**
   * Every installed course, titled in `lang`, for the learners' course chooser.
   */
  installedCourses: (lang: string) => call<InstalledCourse[]>('installed_courses', { lang }),
  /**
   * Makes the installed course `id` the one the learner works in (remembered
   * for the signed-in profile); NotFound when it is not installed.
   */
  chooseCourse: (id: string) => call<void>('choose_course', { id }),
  /**
   * The current course's modules, lessons and scenarios (see `choose_course`).
   */
  courseOutline: (lang: string) => call<CourseOutline>('course_outline', { lang }),
  /**
   * Benchmark hook for `scripts/bench-app.sh`: the UI calls it once, when its
   * first screen shows data. It does nothing unless `VARDSKAP_BENCH_EXIT_WHEN_READY=1`
   * (exit at once, to time start-up) or `VARDSKAP_BENCH_READY_FILE=<path>`
   * (create that file, to measure idle memory from that moment). With
   * `VARDSKAP_BENCH_TIMINGS=<path>` it first appends where the start-up time
   * went: the shell's moments and the page's `timings` (JSON).
   */
  benchReady: (timings: string | null) => call<void>('bench_ready', { timings }),
};
