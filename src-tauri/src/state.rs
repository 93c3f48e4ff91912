//! What the shell keeps between commands: where the built-in course and the
//! learner's data live.

use std::path::PathBuf;

use tauri::Manager;

pub struct AppState {
    /// Folder of the built-in course (bundled resource).
    pub content_dir: PathBuf,
    /// Folder for the database and backups (`VARDSKAP_DATA_DIR` overrides).
    pub data_dir: PathBuf,
}

impl AppState {
    pub fn open(app: &tauri::App) -> Result<Self, Box<dyn std::error::Error>> {
        let content_dir = builtin_content_dir(app);
        let data_dir = match data_dir_override() {
            Some(dir) => dir,
            None => app.path().app_data_dir()?,
        };
        std::fs::create_dir_all(&data_dir)?;
        Ok(AppState { content_dir, data_dir })
    }
}

/// The bundled `content/` folder: next to the executable (tauri-build copies
/// resources there), in the installed bundle's resource dir, or, for a
/// development build run from the source tree, the repository's own folder.
fn builtin_content_dir(app: &tauri::App) -> PathBuf {
    if let Some(dir) = std::env::var_os("VARDSKAP_CONTENT_DIR") {
        return PathBuf::from(dir);
    }
    if let Ok(dir) = app.path().resource_dir() {
        let candidate = dir.join("content");
        if candidate.join("course.toml").is_file() {
            return candidate;
        }
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content")
}

/// `--data-dir <path>` on the command line (used by the end-to-end tests),
/// else `VARDSKAP_DATA_DIR`.
fn data_dir_override() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
    }
    std::env::var_os("VARDSKAP_DATA_DIR").map(PathBuf::from)
}
