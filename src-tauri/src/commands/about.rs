//! The About screen: the app's version, the course, and the data folder. The
//! licences of what the app ships are a static file of the page
//! (`licences.json`, made when the UI is built), not a command.

use serde::Serialize;
use tauri::State;
use tauri_plugin_opener::OpenerExt;

use super::Reply;
use crate::CommandError;
use crate::state::ShellState;

/// What the About screen shows besides the licences.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AboutApp {
    /// The app's version, e.g. "0.1.0" (the same as `vardskap --version`).
    pub app_version: String,
    /// The course the session works in (the built-in course when nobody is
    /// signed in), titled in the language asked for; `None` when the store
    /// could not be opened.
    pub course: Option<AboutCourse>,
    /// The data folder (database, backups, installed courses), to show.
    pub data_dir: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AboutCourse {
    pub id: String,
    pub title: String,
    pub version: String,
}

/// The app's version, the session's course and the data folder.
#[tauri::command]
pub async fn about_app(state: State<'_, ShellState>, lang: String) -> Reply<AboutApp> {
    let course = state
        .with(|s| {
            let course = s.course()?;
            Ok(AboutCourse {
                id: course.id.clone(),
                title: course.title.get(&lang).to_string(),
                version: course.version.clone(),
            })
        })
        .ok();
    Ok(AboutApp {
        app_version: crate::VERSION.to_string(),
        course,
        data_dir: state.data_dir.display().to_string(),
    })
}

/// Opens the data folder in the system's file manager. The page names no
/// path: it is always the app's own data folder.
#[tauri::command]
pub async fn open_data_folder<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, ShellState>,
) -> Reply<()> {
    let dir = state.data_dir.display().to_string();
    app.opener().open_path(&dir, None::<&str>).map_err(|err| {
        CommandError::new(
            vardskap_core::ErrorKind::Io,
            format!("Could not open the data folder {dir}: {err}"),
        )
    })
}

/// The licences of every Rust crate and npm package in the app, as the JSON
/// text of the UI build's `licences.json` (made by `ui/licences.ts` when the
/// UI is built). Read from the embedded assets when the About screen asks,
/// so the app's start never carries it.
#[tauri::command]
pub async fn licences<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> Reply<String> {
    let missing = || {
        CommandError::new(
            vardskap_core::ErrorKind::NotFound,
            "This build has no licences.json (made when the UI is built).",
        )
    };
    let asset = app
        .asset_resolver()
        .get("licences.json".to_string())
        .ok_or_else(missing)?;
    String::from_utf8(asset.bytes().to_vec()).map_err(|_| missing())
}
