//! What the shell keeps between commands: the progress store, the built-in
//! course's id, and who is signed in.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, OnceLock};

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
    /// Set once the store is open (or failed to open); commands wait for it.
    opened: OnceLock<()>,
    /// The course folder the instructor opened or created in the editor
    /// through the system dialog: the only folder editor commands and the
    /// editor's media read from or write to.
    editor_folder: Mutex<Option<PathBuf>>,
    /// Paths the user chose in a dialog, by what they were chosen for; each
    /// is taken (and so used) once by the command that does that work.
    grants: Mutex<std::collections::HashMap<crate::dialogs::Purpose, PathBuf>>,
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
        Ok(AppState::new(content_dir, data_dir))
    }

    fn new(content_dir: PathBuf, data_dir: PathBuf) -> Self {
        let session = Session { store: Err(not_open()), course_id: None, profile: None, instructor_unlocked: false };
        AppState {
            content_dir,
            data_dir,
            session: Mutex::new(session),
            opened: OnceLock::new(),
            editor_folder: Mutex::new(None),
            grants: Mutex::new(std::collections::HashMap::new()),
        }
    }

    /// A state whose store is opened (and the built-in course installed)
    /// before it returns, for the shell's command tests.
    #[cfg(test)]
    pub fn opened_now(content_dir: PathBuf, data_dir: PathBuf) -> Self {
        let state = AppState::new(content_dir, data_dir);
        state.lock().open_store(&state.data_dir, &state.content_dir);
        let _ = state.opened.set(());
        state
    }

    /// Opens the store and installs the built-in course on a thread of its
    /// own, so the window and the web view start meanwhile; the first
    /// command waits until it is done.
    pub fn open_store_in_background(app: &tauri::App) {
        let handle = app.handle().clone();
        std::thread::spawn(move || {
            let state = handle.state::<AppState>();
            // Commands must never wait forever, even if opening panicked.
            struct Opened<'a>(&'a OnceLock<()>);
            impl Drop for Opened<'_> {
                fn drop(&mut self) {
                    let _ = self.0.set(());
                }
            }
            let _opened = Opened(&state.opened);
            state.lock().open_store(&state.data_dir, &state.content_dir);
        });
    }

    /// The session, once the store has been opened.
    pub fn session(&self) -> MutexGuard<'_, Session> {
        self.opened.wait();
        self.lock()
    }

    /// The course folder granted to the editor by the last open or create
    /// dialog, if any.
    pub fn editor_folder(&self) -> Option<PathBuf> {
        self.editor_folder.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    pub fn set_editor_folder(&self, folder: Option<PathBuf>) {
        *self.editor_folder.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = folder;
    }

    /// Keeps `path`, chosen in the dialog for `purpose`, for the one command
    /// that does that work (replacing an earlier, unused choice).
    pub fn grant(&self, purpose: crate::dialogs::Purpose, path: PathBuf) {
        self.grants.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).insert(purpose, path);
    }

    /// The path chosen for `purpose`, taken: a second call gets nothing until
    /// the user chooses again.
    pub fn take_grant(&self, purpose: crate::dialogs::Purpose) -> Result<PathBuf, CommandError> {
        self.grants
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(&purpose)
            .ok_or_else(|| CommandError::new(ErrorKind::Invalid, "Choose a file in the dialog first."))
    }

    fn lock(&self) -> MutexGuard<'_, Session> {
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
        // Whoever signs in next is a learner until the passphrase is given again.
        self.instructor_unlocked = false;
        Ok(())
    }

    /// Signs out; the next learner starts on the built-in course.
    pub fn sign_out(&mut self) {
        self.profile = None;
        self.instructor_unlocked = false;
        self.course_id = self.store().ok().and_then(|s| s.builtin_course().map(String::from));
    }

    /// Makes the installed course `id` the signed-in learner's current one and
    /// remembers it; NotFound when no such course is installed.
    pub fn choose_course(&mut self, id: &str) -> Result<(), CommandError> {
        let (store, profile) = self.learner()?;
        store.course(id)?;
        store.choose_course(profile, id)?;
        self.course_id = Some(id.to_string());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn session(dir: &std::path::Path) -> Session {
        Session { store: Store::open(dir).map_err(CommandError::from), course_id: None, profile: None, instructor_unlocked: false }
    }

    #[test]
    fn instructor_commands_need_the_unlock() {
        let tmp = tempfile::tempdir().unwrap();
        let mut session = session(tmp.path());
        let refused = session.instructor().err().expect("a locked session has no instructor store");
        assert_eq!(refused.kind, ErrorKind::InstructorLocked, "learners get the instructor-locked error, not the editor");
        session.instructor_unlocked = true;
        assert!(session.instructor().is_ok(), "after the passphrase the instructor store is there");
    }

    #[test]
    fn signing_in_or_out_locks_instructor_mode() {
        let tmp = tempfile::tempdir().unwrap();
        let mut session = session(tmp.path());
        let profile = session.store().unwrap().create_profile(&vardskap_core::progress::NewProfile { name: "Elin".into(), ..Default::default() }).unwrap();
        session.instructor_unlocked = true;
        session.sign_in(profile.id).unwrap();
        assert!(!session.instructor_unlocked, "a learner who signs in never inherits an unlocked instructor mode");
        session.instructor_unlocked = true;
        session.sign_out();
        assert!(!session.instructor_unlocked, "signing out locks instructor mode too");
        assert!(session.choose_course("anything").is_err(), "with nobody signed in no course is chosen");
    }

    #[test]
    fn learner_commands_need_a_profile() {
        let tmp = tempfile::tempdir().unwrap();
        let mut session = session(tmp.path());
        assert!(session.learner().is_err(), "nobody signed in: no learner");
    }
}

#[cfg(test)]
mod command_list_tests {
    /// Every command the handler registers is in the permission set the
    /// window is granted, and the other way round: a command missing from
    /// `permissions/app.toml` would be refused at run time.
    #[test]
    fn handler_and_permissions_name_the_same_commands() {
        let lib = include_str!("lib.rs");
        let toml = include_str!("../permissions/app.toml");
        let handler = lib.split("generate_handler![").nth(1).unwrap().split(']').next().unwrap();
        let mut registered: Vec<String> = handler
            .split(',')
            .filter_map(|s| s.trim().strip_prefix("commands::"))
            .map(|s| s.replace('_', "-"))
            .collect();
        let mut allowed: Vec<String> = toml
            .lines()
            .filter_map(|l| l.trim().strip_prefix("\"allow-"))
            .map(|s| s.trim_end_matches(['"', ',']).to_string())
            .collect();
        registered.sort();
        allowed.sort();
        assert!(!registered.is_empty(), "the handler list was found");
        assert_eq!(registered, allowed, "generate_handler! and permissions/app.toml must list the same commands");
    }
}
