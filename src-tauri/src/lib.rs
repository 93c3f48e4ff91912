//! The desktop shell: window, thin commands, plugins. All domain logic lives
//! in `vardskap-core`.

mod commands;
mod error;
mod state;

pub use error::CommandError;

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let state = state::AppState::open(app)?;
            tauri::Manager::manage(app, state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![commands::course_overview])
        .run(tauri::generate_context!())
        .unwrap_or_else(|err| {
            eprintln!("Värdskap could not start: {err}");
            std::process::exit(1);
        });
}
