//! Instructor mode: the passphrase, and course packages in and out.

use tauri::State;
use vardskap_core::package::{self, PackSummary};
use vardskap_core::progress::{InstalledCourse, InstructorStatus, PreparedPackage};

use super::{Reply, blocking};
use crate::dialogs::Purpose;
use crate::state::ShellState;

#[tauri::command]
pub async fn instructor_status(state: State<'_, ShellState>) -> Reply<InstructorStatus> {
    state.with(|s| s.instructor_status())
}

/// Sets (first use) or changes the instructor passphrase; whoever set it is
/// the instructor, so instructor mode is unlocked after.
#[tauri::command]
pub async fn set_instructor_passphrase(
    state: State<'_, ShellState>,
    passphrase: String,
    current: Option<String>,
) -> Reply<()> {
    state.with(|s| s.set_instructor_passphrase(&passphrase, current.as_deref()))
}

#[tauri::command]
pub async fn unlock_instructor(state: State<'_, ShellState>, passphrase: String) -> Reply<()> {
    state.with(|s| s.unlock_instructor(&passphrase))
}

#[tauri::command]
pub async fn lock_instructor(state: State<'_, ShellState>) -> Reply<()> {
    state.with(|s| {
        s.lock_instructor();
        Ok(())
    })
}

/// Installs the course in the `.vdsk` package chosen in the open dialog
/// (`choose_file` with `importPackage`). The slow part (unpacking, checking,
/// copying) runs without the session, so other commands go on meanwhile;
/// only the final install takes it, briefly.
#[tauri::command]
pub async fn import_course_package(
    state: State<'_, ShellState>,
    lang: String,
) -> Reply<InstalledCourse> {
    let data_dir = state.with(|s| s.package_staging_dir())?;
    let file = state.take_grant(Purpose::ImportPackage)?;
    let prepared = blocking(move || Ok(PreparedPackage::prepare(&data_dir, &file)?)).await?;
    state.with(|s| s.install_prepared(prepared, &lang))
}

/// The file name of the course package the app was opened with (a
/// double-click on a `.vdsk`, or one handed to the running app) that
/// `import_course_package` has not installed yet: the instructor's screen
/// offers to import it once unlocked.
#[tauri::command]
pub async fn course_package_waiting(state: State<'_, ShellState>) -> Reply<Option<String>> {
    Ok(state.grant_name(Purpose::ImportPackage))
}

/// Packs the installed course `course` into the `.vdsk` file chosen in the
/// save dialog (`choose_file` with `exportPackage`). Only an installed
/// course's own folder is packed: the id is looked up, never joined as given.
#[tauri::command]
pub async fn export_course_package(
    state: State<'_, ShellState>,
    course: String,
) -> Reply<PackSummary> {
    let folder = state.with(|s| s.installed_course_folder(&course))?;
    let file = state.take_grant(Purpose::ExportPackage)?;
    blocking(move || Ok(package::pack(&folder, &file)?)).await
}
