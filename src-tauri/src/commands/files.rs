//! The system file dialogs (opened by the shell; the page never names a
//! path) and the files a learner saves.

use tauri::State;
use vardskap_core::export::ResultsFormat;

use super::Reply;
use crate::dialogs::{self, Labels, Purpose};
use crate::state::ShellState;

/// Opens the system dialog for `purpose` and keeps the chosen path for the
/// one command that does that work (the course editor keeps its folder until
/// another is chosen). Returns the path, to show to the user, or `None` when
/// they cancelled (for `resultsFiles`, every chosen file, one per line). The
/// webview never passes a path to any command.
#[tauri::command]
pub async fn choose_file<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, ShellState>,
    purpose: Purpose,
    labels: Labels,
) -> Reply<Option<String>> {
    let Some(mut paths) = dialogs::pick_many(&app, purpose.request(labels)).await? else {
        return Ok(None);
    };
    let shown = paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    match purpose {
        // Several files serve the one command that takes them all.
        Purpose::ResultsFiles => state.grant_many(purpose, paths),
        _ => {
            let Some(path) = paths.drain(..).next() else {
                return Ok(None);
            };
            match purpose {
                Purpose::EditorFolder => state.set_editor_folder(Some(path)),
                _ => state.grant(purpose, path),
            }
        }
    }
    Ok(Some(shown))
}

/// Saves the learner's results in the session's course where they chose in
/// the save dialog (`choose_file` with `resultsCsv` or `resultsJson`).
#[tauri::command]
pub async fn save_results(state: State<'_, ShellState>, format: ResultsFormat) -> Reply<()> {
    let path = state.take_grant(match format {
        ResultsFormat::Csv => Purpose::ResultsCsv,
        ResultsFormat::Json => Purpose::ResultsJson,
    })?;
    state.with(|s| s.write_results(format, &path))
}

/// Saves the certificate PDF where the learner chose (`choose_file` with `certificate`).
#[tauri::command]
pub async fn save_certificate(state: State<'_, ShellState>, lang: String) -> Reply<()> {
    let path = state.take_grant(Purpose::Certificate)?;
    state.with(|s| s.write_certificate(&lang, &path))
}

/// From now on, sends on `channel` the purpose of each file handed to the
/// running app (a second launch with a class invitation or a course package
/// hands it over and exits): the page then reads it as it reads a file the
/// app was opened with (`read_class_invitation`, `course_package_waiting`).
#[tauri::command]
pub async fn watch_handovers(
    state: State<'_, ShellState>,
    channel: tauri::ipc::Channel<Purpose>,
) -> Reply<()> {
    state.watch_handovers(channel);
    Ok(())
}
