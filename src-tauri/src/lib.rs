//! The desktop shell: window, thin commands, plugins. All domain logic lives
//! in `vardskap-core`.

#[cfg(test)]
mod command_tests;
mod commands;
mod dialogs;
mod error;
mod media;
mod navigation;
mod state;

pub use error::CommandError;

pub fn run() {
    tauri::Builder::default()
        // First, so a second launch hands over before opening anything: the
        // running window comes to the front and the new process exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| navigation::focus_main(app)))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(navigation::guard())
        .register_asynchronous_uri_scheme_protocol(media::SCHEME, media::handle)
        .setup(|app| {
            let state = state::AppState::open(app)?;
            tauri::Manager::manage(app, state);
            state::AppState::open_store_in_background(app);
            Ok(())
        })
        .invoke_handler(handler())
        .run(tauri::generate_context!())
        .unwrap_or_else(|err| {
            eprintln!("Värdskap could not start: {err}");
            std::process::exit(1);
        });
}

/// Every command the page may call (permissions/app.toml lists the same).
pub(crate) fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        commands::course_overview,
        commands::startup_error,
        commands::restore_backup,
        commands::backup_warning,
        commands::list_profiles,
        commands::create_profile,
        commands::sign_in,
        commands::sign_out,
        commands::set_preferences,
        commands::course_outline,
        commands::course_results,
        commands::lesson,
        commands::start_attempt,
        commands::start_final_test,
        commands::save_answer,
        commands::submit_attempt,
        commands::module_result,
        commands::start_scenario,
        commands::choose_in_scenario,
        commands::reviews_due,
        commands::answer_review,
        commands::results_history,
        commands::attempt_detail,
        commands::scenario_run_detail,
        commands::save_results,
        commands::save_certificate,
        commands::instructor_status,
        commands::set_instructor_passphrase,
        commands::unlock_instructor,
        commands::lock_instructor,
        commands::import_course_package,
        commands::export_course_package,
        commands::bench_ready,
        commands::choose_file,
        commands::editor_open,
        commands::editor_close,
        commands::editor_create,
        commands::editor_check,
        commands::editor_save,
        commands::editor_render_lesson,
        commands::editor_preview_question,
        commands::editor_check_answer,
        commands::editor_preview_scenario,
        commands::editor_import_gift,
        commands::editor_pack,
        commands::installed_courses,
        commands::choose_course
    ]
}
