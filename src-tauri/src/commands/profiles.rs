//! Starting up, profiles, and the course a learner works in.

use tauri::State;
use vardskap_core::content::{self, CourseOutline, CourseOverview};
use vardskap_core::progress::{InstalledCourse, NewProfile, Profile, ProfileId, Theme};

use super::Reply;
use crate::{CommandError, state::ShellState};

/// The built-in course's overview for the first screen (read from its folder).
#[tauri::command]
pub async fn course_overview(state: State<'_, ShellState>, lang: String) -> Reply<CourseOverview> {
    Ok(content::course_overview(&state.content_dir, &lang)?)
}

/// What the first screen needs, in one round trip (issue 17: no IPC on the
/// first paint's critical path beyond the one that lists profiles).
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Startup {
    /// The error that kept the store from opening (e.g. a damaged database);
    /// then there is nothing else.
    pub error: Option<CommandError>,
    /// Why the regular backup at start could not be made (a full disk, say),
    /// if it failed: the store works all the same, and the UI tells the learner.
    pub backup_warning: Option<String>,
    /// The profiles on this computer, for the profile picker.
    pub profiles: Vec<Profile>,
    /// The file name of the course package the app was opened with, waiting
    /// to be imported (as `course_package_waiting` says later).
    pub course_package: Option<String>,
}

/// The first screen's data: whether the store opened, the backup warning and
/// the profiles (it waits for the store, which opens while the window starts),
/// and the course package the app was opened with.
#[tauri::command]
pub async fn startup(state: State<'_, ShellState>) -> Reply<Startup> {
    if let Some(error) = state.startup_error() {
        return Ok(Startup {
            error: Some(error),
            backup_warning: None,
            profiles: Vec::new(),
            course_package: None,
        });
    }
    let course_package = state.grant_name(crate::dialogs::Purpose::ImportPackage);
    state.with(|s| {
        Ok(Startup {
            error: None,
            backup_warning: s.store().backup_warning().map(String::from),
            profiles: s.profiles()?,
            course_package,
        })
    })
}

/// Puts the newest backup in place of a damaged database and opens it again.
#[tauri::command]
pub async fn restore_backup(state: State<'_, ShellState>) -> Reply<()> {
    state.restore_backup()
}

#[tauri::command]
pub async fn list_profiles(state: State<'_, ShellState>) -> Reply<Vec<Profile>> {
    state.with(|s| s.profiles())
}

/// Creates a profile and signs it in.
#[tauri::command]
pub async fn create_profile(state: State<'_, ShellState>, profile: NewProfile) -> Reply<Profile> {
    state.with(|s| s.create_profile(&profile))
}

/// Signs a profile in, checking its PIN when it has one.
#[tauri::command]
pub async fn sign_in(
    state: State<'_, ShellState>,
    id: ProfileId,
    pin: Option<String>,
) -> Reply<Profile> {
    state.with(|s| s.sign_in(id, pin.as_deref()))
}

#[tauri::command]
pub async fn sign_out(state: State<'_, ShellState>) -> Reply<()> {
    state.with(|s| {
        s.sign_out();
        Ok(())
    })
}

/// Remembers the signed-in learner's language and theme.
#[tauri::command]
pub async fn set_preferences(
    state: State<'_, ShellState>,
    language: Option<String>,
    theme: Theme,
) -> Reply<Profile> {
    state.with(|s| s.set_preferences(language.as_deref(), theme))
}

/// Every installed course, titled in `lang`, for the learners' course chooser.
#[tauri::command]
pub async fn installed_courses(
    state: State<'_, ShellState>,
    lang: String,
) -> Reply<Vec<InstalledCourse>> {
    state.with(|s| s.installed_courses(&lang))
}

/// Makes the installed course `id` the one the learner works in (remembered
/// for the signed-in profile); NotFound when it is not installed.
#[tauri::command]
pub async fn choose_course(state: State<'_, ShellState>, id: String) -> Reply<()> {
    state.with(|s| s.choose_course(&id))
}

/// The current course's modules, lessons and scenarios (see `choose_course`).
#[tauri::command]
pub async fn course_outline(state: State<'_, ShellState>, lang: String) -> Reply<CourseOutline> {
    state.with(|s| s.course_outline(&lang))
}

/// Benchmark hook for `scripts/bench-app.sh`: the UI calls it once, when its
/// first screen shows data. It does nothing unless `VARDSKAP_BENCH_EXIT_WHEN_READY=1`
/// (exit at once, to time start-up) or `VARDSKAP_BENCH_READY_FILE=<path>`
/// (create that file, to measure idle memory from that moment). With
/// `VARDSKAP_BENCH_TIMINGS=<path>` it first appends where the start-up time
/// went: the shell's moments and the page's `timings` (JSON).
#[cfg(feature = "bench")]
#[tauri::command]
pub async fn bench_ready(timings: Option<String>) -> Reply<()> {
    if let Err(err) = crate::startup_timing::write(timings.as_deref()) {
        eprintln!("bench: cannot write the start-up timings: {err}");
    }
    if let Some(path) = std::env::var_os("VARDSKAP_BENCH_READY_FILE") {
        std::fs::write(&path, b"ready\n").map_err(|err| vardskap_core::Error::io(&path, err))?;
    }
    if std::env::var_os("VARDSKAP_BENCH_EXIT_WHEN_READY").is_some_and(|v| v == "1") {
        std::process::exit(0);
    }
    Ok(())
}
