//! Thin Tauri commands: take arguments, reach the state, make one core call,
//! convert the error. The UI reaches them only through `ui/src/lib/api.ts`.

use std::path::PathBuf;

use tauri::State;
use vardskap_core::certificate;
use vardskap_core::content::{self, CourseOutline, CourseOverview, LessonView};
use vardskap_core::progress::{
    AnswerSaved, AttemptId, AttemptView, CourseResults, ModuleResult, NewProfile, Profile,
    ProfileId, ReviewAnswered, ReviewItem, ScenarioPlay, ScenarioRunId, Theme,
};
use vardskap_core::export::{self, ResultsFormat};
use vardskap_core::progress::{InstalledCourse, InstructorStatus};
use vardskap_core::package::{self, PackSummary};
use vardskap_core::progress::{AttemptDetail, ResultsHistory, ScenarioRunDetail};
use vardskap_core::quiz::Answer;
use vardskap_core::scenario::Step;
use vardskap_core::storage::Store;
use vardskap_core::Error;
use vardskap_core::content::{Course, Question, Scenario, Text};
use vardskap_core::editor::{self, EditorCourse, EditorDiagnostic, EditorSaved, LessonPreview, ScenarioPreview};
use vardskap_core::gift::GiftImport;
use vardskap_core::quiz::{AnswerReview, QuestionView};

use crate::{CommandError, state::AppState};

type Reply<T> = Result<T, CommandError>;

#[tauri::command]
pub async fn course_overview(state: State<'_, AppState>, lang: String) -> Reply<CourseOverview> {
    Ok(content::course_overview(&state.content_dir, &lang)?)
}

/// The error that kept the store from opening (e.g. a damaged database), if any.
#[tauri::command]
pub async fn startup_error(state: State<'_, AppState>) -> Reply<Option<CommandError>> {
    Ok(state.session().startup_error())
}

/// Puts the newest backup in place of a damaged database and opens it again.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>) -> Reply<()> {
    let mut session = state.session();
    // Only a damaged database is replaced. A healthy one that could not be
    // opened (locked by another copy of the app, a full disk, a read-only
    // folder, a newer app's file) must never be rolled back to a backup.
    if !session
        .startup_error()
        .is_some_and(|e| e.kind == vardskap_core::ErrorKind::CorruptDatabase)
    {
        return Err(CommandError::new(
            vardskap_core::ErrorKind::Invalid,
            "The progress database is not damaged, so no backup was restored.",
        ));
    }
    Store::restore_latest_backup(&state.data_dir)?;
    session.open_store(&state.data_dir, &state.content_dir);
    match session.startup_error() {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

#[tauri::command]
pub async fn list_profiles(state: State<'_, AppState>) -> Reply<Vec<Profile>> {
    Ok(state.session().store()?.profiles()?)
}

/// Creates a profile and signs it in.
#[tauri::command]
pub async fn create_profile(state: State<'_, AppState>, profile: NewProfile) -> Reply<Profile> {
    let mut session = state.session();
    let created = session.store()?.create_profile(&profile)?;
    session.sign_in(created.id)?;
    Ok(created)
}

/// Signs a profile in, checking its PIN when it has one.
#[tauri::command]
pub async fn sign_in(state: State<'_, AppState>, id: ProfileId, pin: Option<String>) -> Reply<Profile> {
    let mut session = state.session();
    let profile = session.store()?.unlock_profile(id, pin.as_deref())?;
    session.sign_in(profile.id)?;
    Ok(profile)
}

#[tauri::command]
pub async fn sign_out(state: State<'_, AppState>) -> Reply<()> {
    state.session().sign_out();
    Ok(())
}

/// Remembers the signed-in learner's language and theme.
#[tauri::command]
pub async fn set_preferences(
    state: State<'_, AppState>,
    language: Option<String>,
    theme: Theme,
) -> Reply<Profile> {
    let mut session = state.session();
    let (store, profile) = session.learner()?;
    Ok(store.set_profile_preferences(profile, language.as_deref(), theme)?)
}

/// The current course's modules, lessons and scenarios (see `choose_course`).
#[tauri::command]
pub async fn course_outline(state: State<'_, AppState>, lang: String) -> Reply<CourseOutline> {
    let mut session = state.session();
    let course_id = session.course_id.clone().ok_or_else(no_course)?;
    let course = session.store()?.course(&course_id)?;
    Ok(content::course_outline(&course, &lang))
}

#[tauri::command]
pub async fn course_results(
    state: State<'_, AppState>,
    course: String,
    lang: String,
) -> Reply<CourseResults> {
    let mut session = state.session();
    let (store, profile) = session.learner()?;
    Ok(store.course_results(profile, &course, &lang)?)
}

#[tauri::command]
pub async fn lesson(
    state: State<'_, AppState>,
    course: String,
    module: String,
    lesson: String,
    lang: String,
) -> Reply<LessonView> {
    let mut session = state.session();
    let store = session.store()?;
    let model = store.course(&course)?;
    let folder = store.course_folder(&course);
    Ok(content::lesson_view(&model, Some(&folder), &module, &lesson, &lang)?)
}

/// Starts a quiz attempt, or resumes the unfinished one with its answers.
#[tauri::command]
pub async fn start_attempt(
    state: State<'_, AppState>,
    course: String,
    module: String,
    lang: String,
) -> Reply<AttemptView> {
    let mut session = state.session();
    let (store, profile) = session.learner()?;
    Ok(store.start_attempt(profile, &course, &module, &lang)?)
}

/// Starts the course's final test (once every module is passed), or resumes
/// the unfinished attempt with its drawn questions and answers. Answers and
/// the submission go through `save_answer` and `submit_attempt`.
#[tauri::command]
pub async fn start_final_test(
    state: State<'_, AppState>,
    course: String,
    lang: String,
) -> Reply<AttemptView> {
    let mut session = state.session();
    let (store, profile) = session.learner()?;
    Ok(store.start_final_test(profile, &course, &lang)?)
}

/// Saves one answer durably; the reply comes only once it is on disk.
#[tauri::command]
pub async fn save_answer(
    state: State<'_, AppState>,
    attempt: AttemptId,
    question: String,
    answer: Answer,
    lang: String,
) -> Reply<AnswerSaved> {
    let mut session = state.session();
    let store = session.learners_attempt(attempt)?;
    Ok(store.save_answer(attempt, &question, &answer, &lang)?)
}

#[tauri::command]
pub async fn submit_attempt(
    state: State<'_, AppState>,
    attempt: AttemptId,
    lang: String,
) -> Reply<ModuleResult> {
    let mut session = state.session();
    let store = session.learners_attempt(attempt)?;
    Ok(store.submit_attempt(attempt, &lang)?)
}

#[tauri::command]
pub async fn module_result(
    state: State<'_, AppState>,
    attempt: AttemptId,
    lang: String,
) -> Reply<ModuleResult> {
    let mut session = state.session();
    let store = session.learners_attempt(attempt)?;
    Ok(store.module_result(attempt, &lang)?)
}

#[tauri::command]
pub async fn start_scenario(
    state: State<'_, AppState>,
    course: String,
    module: String,
    scenario: String,
    lang: String,
) -> Reply<ScenarioPlay> {
    let mut session = state.session();
    let (store, profile) = session.learner()?;
    Ok(store.start_scenario(profile, &course, &module, &scenario, &lang)?)
}

#[tauri::command]
pub async fn choose_in_scenario(
    state: State<'_, AppState>,
    run: ScenarioRunId,
    choice: String,
    lang: String,
) -> Reply<Step> {
    let mut session = state.session();
    let store = session.learners_run(run)?;
    Ok(store.choose_in_scenario(run, &choice, &lang)?)
}

#[tauri::command]
pub async fn reviews_due(state: State<'_, AppState>, lang: String) -> Reply<Vec<ReviewItem>> {
    let mut session = state.session();
    let (store, profile) = session.learner()?;
    Ok(store.reviews_due(profile, &lang)?)
}

#[tauri::command]
pub async fn answer_review(
    state: State<'_, AppState>,
    course: String,
    module: String,
    question: String,
    answer: Answer,
    lang: String,
) -> Reply<ReviewAnswered> {
    let mut session = state.session();
    let (store, profile) = session.learner()?;
    Ok(store.answer_review(profile, &course, &module, &question, &answer, &lang)?)
}

#[tauri::command]
pub async fn results_history(
    state: State<'_, AppState>,
    course: String,
    lang: String,
) -> Reply<ResultsHistory> {
    let mut session = state.session();
    let (store, profile) = session.learner()?;
    Ok(store.results_history(profile, &course, &lang)?)
}

#[tauri::command]
pub async fn attempt_detail(
    state: State<'_, AppState>,
    attempt: AttemptId,
    lang: String,
) -> Reply<AttemptDetail> {
    let mut session = state.session();
    let store = session.learners_attempt(attempt)?;
    Ok(store.attempt_detail(attempt, &lang)?)
}

#[tauri::command]
pub async fn scenario_run_detail(
    state: State<'_, AppState>,
    run: ScenarioRunId,
    lang: String,
) -> Reply<ScenarioRunDetail> {
    let mut session = state.session();
    let store = session.learners_run(run)?;
    Ok(store.scenario_run_detail(run, &lang)?)
}

/// Saves the learner's results at a path the UI got from the save dialog.
#[tauri::command]
pub async fn save_results(
    state: State<'_, AppState>,
    course: String,
    format: ResultsFormat,
    path: PathBuf,
) -> Reply<()> {
    let mut session = state.session();
    let (store, profile) = session.learner()?;
    Ok(export::write_results_file(store, profile, &course, format, &path)?)
}

/// Saves the certificate PDF at a path the UI got from the save dialog.
#[tauri::command]
pub async fn save_certificate(
    state: State<'_, AppState>,
    course: String,
    lang: String,
    path: PathBuf,
) -> Reply<()> {
    let mut session = state.session();
    let (store, profile) = session.learner()?;
    Ok(certificate::write_pdf(store, profile, &course, &lang, &path)?)
}

#[tauri::command]
pub async fn instructor_status(state: State<'_, AppState>) -> Reply<InstructorStatus> {
    Ok(state.session().store()?.instructor_status()?)
}

/// Sets (first use) or changes the instructor passphrase; whoever set it is
/// the instructor, so instructor mode is unlocked after.
#[tauri::command]
pub async fn set_instructor_passphrase(
    state: State<'_, AppState>,
    passphrase: String,
    current: Option<String>,
) -> Reply<()> {
    let mut session = state.session();
    session.store()?.set_instructor_passphrase(&passphrase, current.as_deref())?;
    session.instructor_unlocked = true;
    Ok(())
}

#[tauri::command]
pub async fn unlock_instructor(state: State<'_, AppState>, passphrase: String) -> Reply<()> {
    let mut session = state.session();
    session.store()?.unlock_instructor(&passphrase)?;
    session.instructor_unlocked = true;
    Ok(())
}

#[tauri::command]
pub async fn lock_instructor(state: State<'_, AppState>) -> Reply<()> {
    state.session().instructor_unlocked = false;
    Ok(())
}

/// Installs the course in a `.vdsk` package the UI got from the open dialog.
#[tauri::command]
pub async fn import_course_package(
    state: State<'_, AppState>,
    path: PathBuf,
    lang: String,
) -> Reply<InstalledCourse> {
    let mut session = state.session();
    let store = session.instructor()?;
    Ok(store.install_course_package(&path, &lang)?)
}

/// Packs an installed course into a `.vdsk` file at a path from the save dialog.
#[tauri::command]
pub async fn export_course_package(
    state: State<'_, AppState>,
    course: String,
    path: PathBuf,
) -> Reply<PackSummary> {
    let mut session = state.session();
    let store = session.instructor()?;
    Ok(package::pack(&store.course_folder(&course), &path)?)
}

fn no_course() -> CommandError {
    CommandError::from(Error::NotFound { what: "course", id: "built-in".into() })
}

/// Benchmark hook for `scripts/bench-app.sh`: the UI calls it once, when its
/// first screen shows data. It does nothing unless `VARDSKAP_BENCH_EXIT_WHEN_READY=1`
/// (exit at once, to time start-up) or `VARDSKAP_BENCH_READY_FILE=<path>`
/// (create that file, to measure idle memory from that moment).
#[tauri::command]
pub async fn bench_ready() -> Reply<()> {
    if let Some(path) = std::env::var_os("VARDSKAP_BENCH_READY_FILE") {
        std::fs::write(&path, b"ready\n").map_err(|err| Error::io(&path, err))?;
    }
    if std::env::var_os("VARDSKAP_BENCH_EXIT_WHEN_READY").is_some_and(|v| v == "1") {
        std::process::exit(0);
    }
    Ok(())
}

// The course editor. Every command is for instructors only; none touches
// the progress store, so the session is only locked for that check.

fn instructor_only(state: &AppState) -> Reply<()> {
    state.session().instructor().map(|_| ())
}

/// Opens a course folder the UI got from the folder dialog.
#[tauri::command]
pub async fn editor_open(state: State<'_, AppState>, folder: PathBuf) -> Reply<EditorCourse> {
    instructor_only(&state)?;
    Ok(editor::open(&folder))
}

/// Creates `parent/id` with a small valid course and opens it.
#[tauri::command]
pub async fn editor_create(
    state: State<'_, AppState>,
    parent: PathBuf,
    id: String,
    languages: Vec<String>,
    title: Text,
) -> Reply<EditorCourse> {
    instructor_only(&state)?;
    Ok(editor::create(&parent, &id, &languages, &title)?)
}

/// Checks the unsaved model by the loader's rules; nothing is written.
#[tauri::command]
pub async fn editor_check(state: State<'_, AppState>, folder: PathBuf, course: Course) -> Reply<Vec<EditorDiagnostic>> {
    instructor_only(&state)?;
    Ok(editor::check(&course, &folder))
}

#[tauri::command]
/// Saves the model; `origins` are the module folders as loaded or last saved
/// (renamed when modules moved), `removed` the saved modules' folders to delete.
pub async fn editor_save(
    state: State<'_, AppState>,
    folder: PathBuf,
    course: Course,
    origins: Vec<Option<String>>,
    removed: Vec<String>,
) -> Reply<EditorSaved> {
    instructor_only(&state)?;
    Ok(editor::save(&course, &folder, &origins, &removed)?)
}

#[tauri::command]
pub async fn editor_render_lesson(
    state: State<'_, AppState>,
    folder: PathBuf,
    module_dir: String,
    markdown: String,
) -> Reply<LessonPreview> {
    instructor_only(&state)?;
    Ok(editor::preview_lesson(&markdown, &module_dir, &folder))
}

#[tauri::command]
pub async fn editor_preview_question(
    state: State<'_, AppState>,
    question: Question,
    lang: String,
    seed: u32,
) -> Reply<QuestionView> {
    instructor_only(&state)?;
    Ok(editor::preview_question(&question, &lang, seed))
}

#[tauri::command]
pub async fn editor_check_answer(
    state: State<'_, AppState>,
    question: Question,
    answer: Answer,
    lang: String,
    seed: u32,
) -> Reply<AnswerReview> {
    instructor_only(&state)?;
    Ok(editor::check_answer(&question, &answer, &lang, seed)?)
}

#[tauri::command]
pub async fn editor_preview_scenario(
    state: State<'_, AppState>,
    scenario: Scenario,
    choices: Vec<String>,
    lang: String,
    seed: u32,
) -> Reply<ScenarioPreview> {
    instructor_only(&state)?;
    Ok(editor::preview_scenario(&scenario, &choices, &lang, seed)?)
}

/// Reads a GIFT file (from the open dialog) into questions for a module
/// whose questions use the ids `taken`; the UI appends them to the model.
#[tauri::command]
pub async fn editor_import_gift(
    state: State<'_, AppState>,
    file: PathBuf,
    languages: Vec<String>,
    competency: String,
    taken: Vec<String>,
) -> Reply<GiftImport> {
    instructor_only(&state)?;
    Ok(editor::import_gift(&file, &languages, &competency, &taken)?)
}

/// Packs the saved course folder into a `.vdsk` file from the save dialog.
#[tauri::command]
pub async fn editor_pack(state: State<'_, AppState>, folder: PathBuf, file: PathBuf) -> Reply<PackSummary> {
    instructor_only(&state)?;
    Ok(package::pack(&folder, &file)?)
}

/// Every installed course, titled in `lang`, for the learners' course chooser.
#[tauri::command]
pub async fn installed_courses(state: State<'_, AppState>, lang: String) -> Reply<Vec<InstalledCourse>> {
    Ok(state.session().store()?.installed_courses(&lang)?)
}

/// Makes the installed course `id` the one the learner works in (remembered
/// for the signed-in profile); NotFound when it is not installed.
#[tauri::command]
pub async fn choose_course(state: State<'_, AppState>, id: String) -> Reply<()> {
    state.session().choose_course(&id)
}
