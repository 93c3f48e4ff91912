//! What the shell keeps between commands: the user's session with the
//! progress store (the core's `Session`, which owns every authorisation
//! rule), the folders, and the paths the user chose in dialogs.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, OnceLock};

use tauri::Manager;
use vardskap_core::ErrorKind;
use vardskap_core::session::Session;
use vardskap_core::storage::Store;

use crate::CommandError;

pub struct ShellState {
    /// Folder of the built-in course (bundled resource).
    pub content_dir: PathBuf,
    /// Folder for the database, backups and installed courses.
    pub data_dir: PathBuf,
    /// The session, or why the store could not be opened (shown by the UI,
    /// which offers a backup for a damaged database).
    session: Mutex<Result<Session, CommandError>>,
    /// Set once the store is open (or failed to open); commands wait for it.
    opened: OnceLock<()>,
    /// The course folder the instructor opened or created in the editor
    /// through the system dialog: the only folder editor commands and the
    /// editor's media read from or write to.
    editor_folder: Mutex<Option<PathBuf>>,
    /// Paths the user chose in a dialog, by what they were chosen for; each
    /// is taken (and so used) once by the command that does that work.
    grants: Mutex<std::collections::HashMap<crate::dialogs::Purpose, PathBuf>>,
    /// Files chosen together in a dialog for several (results files), taken
    /// once as `grants` are.
    many_grants: Mutex<std::collections::HashMap<crate::dialogs::Purpose, Vec<PathBuf>>>,
    /// The background sync of the outbox to each class's LRS, started when
    /// it has work: at open when statements wait, else when a command first
    /// writes one or the learner asks to send (joining a class does). A
    /// learner in no class never pays for it (its HTTP client reads the
    /// system's root certificates). Woken whenever a command wrote statements.
    sync: OnceLock<vardskap_sync::Syncer>,
    /// Starts `sync` (set once the store is open; it holds the app handle).
    sync_starter: OnceLock<Box<dyn Fn() + Send + Sync>>,
    /// Where the page hears of files handed to the running app (`watch_handovers`).
    handovers: Mutex<Option<tauri::ipc::Channel<crate::dialogs::Purpose>>>,
}

impl ShellState {
    pub fn open(app: &tauri::App) -> Result<Self, Box<dyn std::error::Error>> {
        let content_dir = builtin_content_dir(app);
        let data_dir = match data_dir_override() {
            Some(dir) => dir,
            None => app.path().app_data_dir()?,
        };
        std::fs::create_dir_all(&data_dir)?;
        Ok(ShellState::new(content_dir, data_dir))
    }

    fn new(content_dir: PathBuf, data_dir: PathBuf) -> Self {
        ShellState {
            content_dir,
            data_dir,
            session: Mutex::new(Err(not_open())),
            opened: OnceLock::new(),
            editor_folder: Mutex::new(None),
            grants: Mutex::new(std::collections::HashMap::new()),
            many_grants: Mutex::new(std::collections::HashMap::new()),
            sync: OnceLock::new(),
            sync_starter: OnceLock::new(),
            handovers: Mutex::new(None),
        }
    }

    /// A state whose store is opened (and the built-in course installed)
    /// before it returns, for the shell's command tests.
    #[cfg(test)]
    pub fn opened_now(content_dir: PathBuf, data_dir: PathBuf) -> Self {
        let state = ShellState::new(content_dir, data_dir);
        state.reopen();
        let _ = state.opened.set(());
        state
    }

    /// Opens the store and installs the built-in course on a thread of its
    /// own, so the window and the web view start meanwhile; the first
    /// command waits until it is done.
    pub fn open_store_in_background(app: &tauri::App) {
        let handle = app.handle().clone();
        std::thread::spawn(move || {
            let state = handle.state::<ShellState>();
            // Commands must never wait forever, even if opening panicked.
            struct Opened<'a>(&'a OnceLock<()>);
            impl Drop for Opened<'_> {
                fn drop(&mut self) {
                    let _ = self.0.set(());
                }
            }
            let _opened = Opened(&state.opened);
            crate::startup_timing::mark("store_open");
            state.reopen();
            crate::startup_timing::mark("store_opened");
            drop(_opened);
            state.arm_sync(&handle);
        });
    }

    /// Readies the background sync once the store is open: started now when
    /// statements wait, else on the first command that writes one or asks to
    /// send (joining a class does).
    pub fn arm_sync<R: tauri::Runtime>(&self, app: &tauri::AppHandle<R>) {
        let starter = app.clone();
        let _ = self.sync_starter.set(Box::new(move || {
            starter.state::<ShellState>().start_sync(&starter);
        }));
        if self
            .with(|s| s.store().outbox_waiting_total())
            .is_ok_and(|waiting| waiting > 0)
        {
            self.start_sync(app);
        }
    }

    /// Starts the background sync on Tauri's runtime (once). It reaches the
    /// store through the session's lock, one quick call at a time.
    pub fn start_sync<R: tauri::Runtime>(&self, app: &tauri::AppHandle<R>) {
        let Ok(client) = vardskap_sync::client(&vardskap_sync::ClientOptions::default()) else {
            return;
        };
        let outbox = std::sync::Arc::new(Mutex::new(vardskap_sync::StoreOutbox::new(
            SessionStore(app.clone()),
        )));
        let _ = self.sync.get_or_init(|| {
            vardskap_sync::Syncer::spawn_on(
                tauri::async_runtime::handle().inner(),
                client,
                outbox,
                vardskap_sync::SyncConfig::default(),
            )
        });
    }

    /// "Send now": the sync tries at once, even while it waits after a failure.
    pub fn send_now(&self) {
        if let Some(sync) = self.started_sync() {
            sync.send_now();
        }
    }

    /// The background sync, started now if it was not yet (and the store is open).
    fn started_sync(&self) -> Option<&vardskap_sync::Syncer> {
        if self.sync.get().is_none()
            && let Some(start) = self.sync_starter.get()
        {
            start();
        }
        self.sync.get()
    }

    /// (Re)opens the store and installs the built-in course, as a new session
    /// with nobody signed in; a failure is kept and shown by the UI.
    pub fn reopen(&self) {
        let mut slot = self.lock();
        // The old store (and its lock on the data folder) goes first.
        *slot = Err(not_open());
        *slot = open_session(&self.data_dir, &self.content_dir);
    }

    /// Puts the newest backup in place of a damaged database and opens it
    /// again. Only damage is repaired so: a healthy database that could not
    /// be opened (in use by another copy of the app, a full disk, a read-only
    /// folder, a newer app's file) is never rolled back to a backup.
    pub fn restore_backup(&self) -> Result<(), CommandError> {
        let mut slot = self.session();
        if !slot
            .as_ref()
            .is_err_and(|e| e.kind == ErrorKind::CorruptDatabase)
        {
            return Err(CommandError::new(
                ErrorKind::Invalid,
                "The progress database is not damaged, so no backup was restored.",
            ));
        }
        Store::restore_latest_backup(&self.data_dir)?;
        *slot = open_session(&self.data_dir, &self.content_dir);
        slot.as_ref().map(|_| ()).map_err(|err| err.clone())
    }

    /// Runs `f` on the session, once the store is open; the core's error
    /// becomes the command's.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Session) -> vardskap_core::Result<T>,
    ) -> Result<T, CommandError> {
        let mut slot = self.session();
        let session = slot.as_mut().map_err(|err| err.clone())?;
        let out = f(session);
        // An event in a class wrote statements: the sync sends them soon.
        if session.store().take_outbox_added()
            && let Some(sync) = self.started_sync()
        {
            sync.notify();
        }
        Ok(out?)
    }

    /// Why the store could not be opened, if it could not.
    pub fn startup_error(&self) -> Option<CommandError> {
        self.session().as_ref().err().cloned()
    }

    /// Returns once the store's open has ended, whether it opened or not.
    pub fn wait_opened(&self) {
        self.opened.wait();
    }

    fn session(&self) -> MutexGuard<'_, Result<Session, CommandError>> {
        self.wait_opened();
        self.lock()
    }

    /// The course folder granted to the editor by the last open or create
    /// dialog, if any.
    pub fn editor_folder(&self) -> Option<PathBuf> {
        self.editor_folder
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    pub fn set_editor_folder(&self, folder: Option<PathBuf>) {
        *self
            .editor_folder
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = folder;
    }

    /// Keeps `path`, chosen in the dialog for `purpose`, for the one command
    /// that does that work (replacing an earlier, unused choice).
    pub fn grant(&self, purpose: crate::dialogs::Purpose, path: PathBuf) {
        self.grants
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(purpose, path);
    }

    /// From now on, tells `channel` the purpose of each file handed to the
    /// running app; a reloaded page's channel replaces the old one.
    pub fn watch_handovers(&self, channel: tauri::ipc::Channel<crate::dialogs::Purpose>) {
        *self
            .handovers
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(channel);
    }

    /// A file handed to the running app (by a second launch): kept for
    /// `purpose` like a chosen one, and the page is told, if it listens.
    pub fn hand_over(&self, purpose: crate::dialogs::Purpose, path: PathBuf) {
        self.grant(purpose, path);
        let handovers = self
            .handovers
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(channel) = handovers.as_ref() {
            // A page gone since it asked hears nothing; the file stays granted.
            let _ = channel.send(purpose);
        }
    }

    /// Keeps the files chosen together for `purpose` for the one command that uses them.
    pub fn grant_many(&self, purpose: crate::dialogs::Purpose, paths: Vec<PathBuf>) {
        self.many_grants
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(purpose, paths);
    }

    /// The files chosen together for `purpose`, taken.
    pub fn take_many_grants(
        &self,
        purpose: crate::dialogs::Purpose,
    ) -> Result<Vec<PathBuf>, CommandError> {
        self.many_grants
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(&purpose)
            .ok_or_else(|| {
                CommandError::new(ErrorKind::Invalid, "Choose a file in the dialog first.")
            })
    }

    /// Whether a path for `purpose` waits to be used.
    pub fn has_grant(&self, purpose: crate::dialogs::Purpose) -> bool {
        self.grants
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .contains_key(&purpose)
    }

    /// The file name of the path that waits for `purpose`, if one does.
    pub fn grant_name(&self, purpose: crate::dialogs::Purpose) -> Option<String> {
        self.grants
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&purpose)
            .map(|path| {
                path.file_name()
                    .unwrap_or(path.as_os_str())
                    .to_string_lossy()
                    .into_owned()
            })
    }

    /// The path chosen for `purpose`, taken: a second call gets nothing until
    /// the user chooses again.
    pub fn take_grant(&self, purpose: crate::dialogs::Purpose) -> Result<PathBuf, CommandError> {
        self.grants
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(&purpose)
            .ok_or_else(|| {
                CommandError::new(ErrorKind::Invalid, "Choose a file in the dialog first.")
            })
    }

    fn lock(&self) -> MutexGuard<'_, Result<Session, CommandError>> {
        // A panic while holding the lock leaves plain data behind; keep going.
        self.session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The store as the sync reaches it: through the session's lock, for one
/// quick call (never across a request).
struct SessionStore<R: tauri::Runtime>(tauri::AppHandle<R>);

impl<R: tauri::Runtime> vardskap_sync::WithStore for SessionStore<R> {
    fn with_store<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> vardskap_core::Result<T>,
    ) -> Result<T, String> {
        self.0
            .state::<ShellState>()
            .with(|s| f(s.store_mut()))
            .map_err(|e| e.message)
    }
}

/// Opens the store in `data_dir` and installs the built-in course.
fn open_session(
    data_dir: &std::path::Path,
    content_dir: &std::path::Path,
) -> Result<Session, CommandError> {
    let mut store = Store::open(data_dir)?;
    store.install_builtin_course(content_dir, "sv")?;
    Ok(Session::new(store))
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
        if candidate
            .join(vardskap_core::content::layout::COURSE_FILE)
            .is_file()
        {
            return candidate;
        }
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content")
}

/// `--data-dir <path>` on the command line (used by the end-to-end tests),
/// else `VARDSKAP_DATA_DIR`.
pub(crate) fn data_dir_override() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
    }
    std::env::var_os("VARDSKAP_DATA_DIR").map(PathBuf::from)
}
