//! The course editor. Every command is for instructors only; none touches
//! the progress store, so the session is only asked for that check. They
//! work in the folder chosen in the dialog (`choose_file` with `editorFolder`),
//! and their file work runs off the async runtime's threads.

use std::path::PathBuf;

use tauri::State;
use vardskap_core::content::{Course, Question, Scenario, Text};
use vardskap_core::editor::{
    self, EditorCourse, EditorDiagnostic, EditorSaved, LessonPreview, ScenarioPreview,
};
use vardskap_core::gift::GiftImport;
use vardskap_core::package::{self, PackSummary};
use vardskap_core::quiz::{Answer, AnswerReview, QuestionView};

use super::{Reply, blocking};
use crate::dialogs::Purpose;
use crate::{CommandError, state::ShellState};

fn instructor_only(state: &ShellState) -> Reply<()> {
    state.with(|s| s.require_instructor())
}

/// The editor's course folder, for an instructor.
fn editor_folder(state: &ShellState) -> Reply<PathBuf> {
    instructor_only(state)?;
    state.editor_folder().ok_or_else(|| {
        CommandError::new(
            vardskap_core::ErrorKind::Invalid,
            "Open a course folder first.",
        )
    })
}

/// Opens the course folder chosen in the folder dialog (again, after a reload).
#[tauri::command]
pub async fn editor_open(state: State<'_, ShellState>) -> Reply<EditorCourse> {
    let folder = editor_folder(&state)?;
    blocking(move || Ok(editor::open(&folder))).await
}

/// Forgets the editor's folder: editor commands need a new choice.
#[tauri::command]
pub async fn editor_close(state: State<'_, ShellState>) -> Reply<()> {
    state.set_editor_folder(None);
    Ok(())
}

/// Creates `<parent>/<id>` with a small valid course, in the parent folder
/// chosen in the dialog (`editorParent`), and opens it.
#[tauri::command]
pub async fn editor_create(
    state: State<'_, ShellState>,
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
pub async fn editor_check(
    state: State<'_, ShellState>,
    course: Course,
) -> Reply<Vec<EditorDiagnostic>> {
    let folder = editor_folder(&state)?;
    blocking(move || Ok(editor::check(&course, &folder))).await
}

#[tauri::command]
/// Saves the model; `origins` are the module folders as loaded or last saved
/// (renamed when modules moved), `removed` the saved modules' folders to
/// delete. The core names the folders; the reply's `moduleDirs` says how.
pub async fn editor_save(
    state: State<'_, ShellState>,
    course: Course,
    origins: Vec<Option<String>>,
    removed: Vec<String>,
) -> Reply<EditorSaved> {
    let folder = editor_folder(&state)?;
    blocking(move || Ok(editor::save(&course, &folder, &origins, &removed)?)).await
}

#[tauri::command]
pub async fn editor_render_lesson(
    state: State<'_, ShellState>,
    module_dir: String,
    markdown: String,
) -> Reply<LessonPreview> {
    let folder = editor_folder(&state)?;
    blocking(move || {
        Ok(editor::preview_lesson(
            &markdown,
            &module_dir,
            &folder,
            &crate::media::media_base("editor/"),
        ))
    })
    .await
}

#[tauri::command]
pub async fn editor_preview_question(
    state: State<'_, ShellState>,
    question: Question,
    lang: String,
    seed: u32,
) -> Reply<QuestionView> {
    instructor_only(&state)?;
    Ok(editor::preview_question(&question, &lang, seed))
}

#[tauri::command]
pub async fn editor_check_answer(
    state: State<'_, ShellState>,
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
    state: State<'_, ShellState>,
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
    state: State<'_, ShellState>,
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
pub async fn editor_pack(state: State<'_, ShellState>) -> Reply<PackSummary> {
    let folder = editor_folder(&state)?;
    let file = state.take_grant(Purpose::EditorPackage)?;
    blocking(move || Ok(package::pack(&folder, &file)?)).await
}
