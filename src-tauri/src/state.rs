//! What the shell keeps between commands: the progress store, the built-in
//! course's id, and who is signed in.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use tauri::Manager;
use vardskap_core::ErrorKind;
use vardskap_core::progress::{AttemptId, ProfileId, ScenarioRunId};
use vardskap_core::storage::Store;

use crate::CommandError;

pub struct AppState {
    /// Folder of the built-in course (bundled resource).
    pub content_dir: PathBuf,
    /// Folder for the database, backups and installed courses.
    pub data_dir: PathBuf,
    session: Mutex<Session>,
}

/// Everything that changes while the app runs.
pub struct Session {
    store: Result<Store, CommandError>,
    /// The course the learner works in: the one they chose last, else the
    /// built-in course (once installed).
    pub course_id: Option<String>,
    /// The learner who is signed in (unlocked with their PIN, if any).
    pub profile: Option<ProfileId>,
    /// Whether the instructor passphrase was given since the last lock.
    pub instructor_unlocked: bool,
}

impl AppState {
    pub fn open(app: &tauri::App) -> Result<Self, Box<dyn std::error::Error>> {
        let content_dir = builtin_content_dir(app);
        let data_dir = match data_dir_override() {
            Some(dir) => dir,
            None => app.path().app_data_dir()?,
        };
        std::fs::create_dir_all(&data_dir)?;
        let mut session = Session { store: Err(not_open()), course_id: None, profile: None, instructor_unlocked: false };
        session.open_store(&data_dir, &content_dir);
        Ok(AppState { content_dir, data_dir, session: Mutex::new(session) })
    }

    pub fn session(&self) -> MutexGuard<'_, Session> {
        // A panic while holding the lock leaves plain data behind; keep going.
        self.session.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Session {
    /// Opens the store and installs the built-in course; a failure is kept
    /// and shown by the UI, which offers to restore a backup.
    pub fn open_store(&mut self, data_dir: &std::path::Path, content_dir: &std::path::Path) {
        self.profile = None;
        self.store = Store::open(data_dir).map_err(CommandError::from);
        if let Ok(store) = &mut self.store {
            match store.install_builtin_course(content_dir, "sv") {
                Ok(installed) => self.course_id = Some(installed.id),
                Err(err) => self.store = Err(err.into()),
            }
        }
    }

    pub fn store(&mut self) -> Result<&mut Store, CommandError> {
        match &mut self.store {
            Ok(store) => Ok(store),
            Err(err) => Err(err.clone()),
        }
    }

    pub fn startup_error(&self) -> Option<CommandError> {
        self.store.as_ref().err().cloned()
    }

    /// The store and the signed-in learner, or a plain error when nobody is.
    pub fn learner(&mut self) -> Result<(&mut Store, ProfileId), CommandError> {
        let profile = self.profile.ok_or_else(|| {
            CommandError::new(ErrorKind::Invalid, "Choose a profile first.")
        })?;
        Ok((self.store()?, profile))
    }
}

impl Session {
    /// The store, when instructor mode is unlocked; else a plain error.
    pub fn instructor(&mut self) -> Result<&mut Store, CommandError> {
        if !self.instructor_unlocked {
            return Err(vardskap_core::Error::InstructorLocked.into());
        }
        self.store()
    }
}

impl Session {
    /// The store, once `attempt` is checked to be the signed-in learner's:
    /// one profile can neither read nor change another's attempts.
    pub fn learners_attempt(&mut self, attempt: AttemptId) -> Result<&mut Store, CommandError> {
        let (store, profile) = self.learner()?;
        store.check_attempt_owner(profile, attempt)?;
        Ok(store)
    }

    /// The store, once the scenario run is checked to be the signed-in learner's.
    pub fn learners_run(&mut self, run: ScenarioRunId) -> Result<&mut Store, CommandError> {
        let (store, profile) = self.learner()?;
        store.check_run_owner(profile, run)?;
        Ok(store)
    }
}

fn not_open() -> CommandError {
    CommandError::new(ErrorKind::Invalid, "The progress database is not open yet.")
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

impl Session {
    /// Signs `profile` in and brings them back to the course they chose last,
    /// if it is still installed; else to the built-in course.
    pub fn sign_in(&mut self, profile: ProfileId) -> Result<(), CommandError> {
        let store = self.store()?;
        let course = store.chosen_course(profile)?.or_else(|| store.builtin_course().map(String::from));
        self.profile = Some(profile);
        self.course_id = course;
        Ok(())
    }

    /// Signs out; the next learner starts on the built-in course.
    pub fn sign_out(&mut self) {
        self.profile = None;
        self.course_id = self.store().ok().and_then(|s| s.builtin_course().map(String::from));
    }

    /// Makes the installed course `id` the current one and remembers it for
    /// the signed-in learner; NotFound when no such course is installed.
    pub fn choose_course(&mut self, id: &str) -> Result<(), CommandError> {
        let profile = self.profile;
        let store = self.store()?;
        store.course(id)?;
        if let Some(profile) = profile {
            store.choose_course(profile, id)?;
        }
        self.course_id = Some(id.to_string());
        Ok(())
    }
}
