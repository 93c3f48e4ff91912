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
use vardskap_core::progress::{InstalledCourse, InstructorStatus, PreparedPackage};
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

use crate::dialogs::{self, Labels, Purpose};
use crate::{CommandError, state::AppState};

type Reply<T> = Result<T, CommandError>;

/// Runs slow work (reading, unpacking, writing files) on a thread meant for
/// blocking, so the async runtime's few threads stay free for other commands.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> Reply<T> + Send + 'static) -> Reply<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|err| CommandError::new(vardskap_core::ErrorKind::Io, format!("The work stopped unexpectedly: {err}")))?
}

/// Opens the system dialog for `purpose` and keeps the chosen path for the
/// one command that does that work (the course editor keeps its folder until
/// another is chosen). Returns the path, to show to the user, or `None` when
/// they cancelled. The webview never passes a path to any command.
#[tauri::command]
pub async fn choose_file<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    purpose: Purpose,
    labels: Labels,
) -> Reply<Option<String>> {
    let Some(path) = dialogs::pick(&app, purpose.request(labels)).await? else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    match purpose {
        Purpose::EditorFolder => state.set_editor_folder(Some(path)),
        _ => state.grant(purpose, path),
    }
    Ok(Some(shown))
}

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

/// Why the regular backup at start could not be made (a full disk, say), if
/// it failed: the store works all the same, and the UI tells the learner.
#[tauri::command]
pub async fn backup_warning(state: State<'_, AppState>) -> Reply<Option<String>> {
    Ok(state.session().store()?.backup_warning().map(String::from))
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
    let base = crate::media::media_base(&format!("course/{}/", model.id));
    Ok(content::lesson_view(&model, Some(&base), &module, &lesson, &lang)?)
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

/// Saves the learner's results where they chose in the save dialog
/// (`choose_file` with `resultsCsv` or `resultsJson`).
#[tauri::command]
pub async fn save_results(state: State<'_, AppState>, course: String, format: ResultsFormat) -> Reply<()> {
    let path = state.take_grant(match format {
        ResultsFormat::Csv => Purpose::ResultsCsv,
        ResultsFormat::Json => Purpose::ResultsJson,
    })?;
    let mut session = state.session();
    let (store, profile) = session.learner()?;
    Ok(export::write_results_file(store, profile, &course, format, &path)?)
}

/// Saves the certificate PDF where the learner chose (`choose_file` with `certificate`).
#[tauri::command]
pub async fn save_certificate(state: State<'_, AppState>, course: String, lang: String) -> Reply<()> {
    let path = state.take_grant(Purpose::Certificate)?;
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

/// Installs the course in the `.vdsk` package chosen in the open dialog
/// (`choose_file` with `importPackage`). The slow part (unpacking, checking,
/// copying) runs without the session, so other commands go on meanwhile;
/// only the final install takes it, briefly.
#[tauri::command]
pub async fn import_course_package(state: State<'_, AppState>, lang: String) -> Reply<InstalledCourse> {
    let data_dir = state.session().instructor()?.data_dir().to_path_buf();
    let file = state.take_grant(Purpose::ImportPackage)?;
    let prepared = blocking(move || Ok(PreparedPackage::prepare(&data_dir, &file)?)).await?;
    let mut session = state.session();
    Ok(session.instructor()?.install_prepared(prepared, &lang)?)
}

/// Packs the installed course `course` into the `.vdsk` file chosen in the
/// save dialog (`choose_file` with `exportPackage`). Only an installed
/// course's own folder is packed: the id is looked up, never joined as given.
#[tauri::command]
pub async fn export_course_package(state: State<'_, AppState>, course: String) -> Reply<PackSummary> {
    let folder = {
        let mut session = state.session();
        let store = session.instructor()?;
        let installed = store.course(&course)?;
        store.course_folder(&installed.id)
    };
    let file = state.take_grant(Purpose::ExportPackage)?;
    blocking(move || Ok(package::pack(&folder, &file)?)).await
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
// the progress store, so the session is only locked for that check. They
// work in the folder chosen in the dialog (`choose_file` with `editorFolder`),
// and their file work runs off the async runtime's threads.

fn instructor_only(state: &AppState) -> Reply<()> {
    state.session().instructor().map(|_| ())
}

/// The editor's course folder, for an instructor.
fn editor_folder(state: &AppState) -> Reply<PathBuf> {
    instructor_only(state)?;
    state
        .editor_folder()
        .ok_or_else(|| CommandError::new(vardskap_core::ErrorKind::Invalid, "Open a course folder first."))
}

/// Opens the course folder chosen in the folder dialog (again, after a reload).
#[tauri::command]
pub async fn editor_open(state: State<'_, AppState>) -> Reply<EditorCourse> {
    let folder = editor_folder(&state)?;
    blocking(move || Ok(editor::open(&folder))).await
}

/// Forgets the editor's folder: editor commands need a new choice.
#[tauri::command]
pub async fn editor_close(state: State<'_, AppState>) -> Reply<()> {
    state.set_editor_folder(None);
    Ok(())
}

/// Creates `<parent>/<id>` with a small valid course, in the parent folder
/// chosen in the dialog (`editorParent`), and opens it.
#[tauri::command]
pub async fn editor_create(
    state: State<'_, AppState>,
    id: String,
    languages: Vec<String>,
    title: Text,
) -> Reply<EditorCourse> {
    instructor_only(&state)?;
    let parent = state.take_grant(Purpose::EditorParent)?;
    let created = blocking(move || Ok(editor::create(&parent, &id, &languages, &title)?)).await?;
    state.set_editor_folder(Some(PathBuf::from(&created.folder)));
    Ok(created)
}

/// Checks the unsaved model by the loader's rules; nothing is written.
#[tauri::command]
pub async fn editor_check(state: State<'_, AppState>, course: Course) -> Reply<Vec<EditorDiagnostic>> {
    let folder = editor_folder(&state)?;
    blocking(move || Ok(editor::check(&course, &folder))).await
}

#[tauri::command]
/// Saves the model; `origins` are the module folders as loaded or last saved
/// (renamed when modules moved), `removed` the saved modules' folders to delete.
pub async fn editor_save(
    state: State<'_, AppState>,
    course: Course,
    origins: Vec<Option<String>>,
    removed: Vec<String>,
) -> Reply<EditorSaved> {
    let folder = editor_folder(&state)?;
    blocking(move || Ok(editor::save(&course, &folder, &origins, &removed)?)).await
}

#[tauri::command]
pub async fn editor_render_lesson(
    state: State<'_, AppState>,
    module_dir: String,
    markdown: String,
) -> Reply<LessonPreview> {
    let folder = editor_folder(&state)?;
    blocking(move || Ok(editor::preview_lesson(&markdown, &module_dir, &folder, &crate::media::media_base("editor/")))).await
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

/// Reads the GIFT file chosen in the dialog (`giftFile`) into questions for a
/// module whose questions use the ids `taken`; the UI appends them to the model.
#[tauri::command]
pub async fn editor_import_gift(
    state: State<'_, AppState>,
    languages: Vec<String>,
    competency: String,
    taken: Vec<String>,
) -> Reply<GiftImport> {
    instructor_only(&state)?;
    let file = state.take_grant(Purpose::GiftFile)?;
    blocking(move || Ok(editor::import_gift(&file, &languages, &competency, &taken)?)).await
}

/// Packs the saved course folder into the `.vdsk` file chosen in the save
/// dialog (`editorPackage`).
#[tauri::command]
pub async fn editor_pack(state: State<'_, AppState>) -> Reply<PackSummary> {
    let folder = editor_folder(&state)?;
    let file = state.take_grant(Purpose::EditorPackage)?;
    blocking(move || Ok(package::pack(&folder, &file)?)).await
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
