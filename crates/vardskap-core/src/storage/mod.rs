//! The durable progress store: one SQLite file in the app's data directory.
//! All SQL of the core lives under this module, one file per table or concern,
//! each with `row_to_<thing>` mappers; the domain logic on top is in `progress`.

pub(crate) mod answers;
pub(crate) mod attempts;
mod backup;
pub mod boot_clock;
pub(crate) mod class_cache;
pub(crate) mod classes;
pub(crate) mod courses;
#[cfg(test)]
mod fixtures;
pub(crate) mod instructor;
pub(crate) mod instructor_classes;
mod migrations;
pub(crate) mod outbox;
pub(crate) mod profiles;
pub(crate) mod review_cards;
pub(crate) mod scenario_runs;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

use crate::content::Course;
use crate::{Error, Result};

pub use backup::BackupInfo;
pub use boot_clock::{BootClock, BootInstant, no_boot_clock, system_boot_clock};
pub use migrations::SCHEMA_VERSION;

/// File name of the database inside the data directory.
pub const DB_FILE: &str = "vardskap.sqlite3";
/// Folder for backups inside the data directory.
pub const BACKUP_DIR: &str = "backups";

/// Seconds since the Unix epoch; every timestamp in the store is one (as in `review`).
pub type Timestamp = i64;

/// Where the store reads the time from; tests inject a fixed or stepping clock.
pub type Clock = Box<dyn Fn() -> Timestamp + Send>;

/// The system clock in Unix seconds.
pub fn system_clock() -> Clock {
    Box::new(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    })
}

/// How a [`Store`] is opened.
pub struct StoreOptions {
    /// How many backups to keep in `<data_dir>/backups`; older ones are deleted.
    pub keep_backups: usize,
    /// Take a backup at open when the newest one is older than this (None: never at open).
    pub backup_every: Option<Duration>,
    pub clock: Clock,
    /// The clock a wait after wrong tries is also kept on, so that setting
    /// the wall clock ahead does not end it (see [`boot_clock`]).
    pub boot_clock: BootClock,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            keep_backups: 10,
            backup_every: Some(Duration::from_secs(24 * 60 * 60)),
            clock: system_clock(),
            boot_clock: system_boot_clock(),
        }
    }
}

/// The open progress database. Not `Sync`: the shell keeps it behind a mutex.
pub struct Store {
    pub(crate) conn: Connection,
    data_dir: PathBuf,
    path: PathBuf,
    keep_backups: usize,
    clock: Clock,
    boot_clock: BootClock,
    /// Parsed course models by course id; cleared for a course when it is (re)installed.
    courses: RefCell<HashMap<String, Arc<Course>>>,
    /// Set when an event wrote statements to the outbox (see `xapi`).
    pub(crate) outbox_added: std::cell::Cell<bool>,
    /// The app's built-in course, once installed: no package may replace it.
    pub(crate) builtin_course: Option<String>,
    /// Why the regular backup at open could not be taken (a full disk, say):
    /// the store opened all the same, and the app tells the learner.
    backup_warning: Option<String>,
    /// The exclusive lock on `<data_dir>/vardskap.lock`, held as long as the
    /// store is open: one app (or CLI write) per data folder, so two never
    /// race the migrations, the course install or the backups.
    _folder_lock: std::fs::File,
}

/// The file whose exclusive lock marks a data folder as in use.
pub const LOCK_FILE: &str = "vardskap.lock";

/// Takes the data folder's lock without waiting: [`Error::DataFolderInUse`]
/// when another process (or another open store in this one) holds it. The
/// operating system lets go of it when the holder exits, crashes included.
fn lock_data_folder(data_dir: &Path) -> Result<std::fs::File> {
    let path = data_dir.join(LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    // A few short tries: a process being started elsewhere in this program
    // holds a copy of every open file for a moment (between fork and exec),
    // and with it a lock just let go of.
    for _ in 0..10 {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
    }
    Err(Error::DataFolderInUse {
        dir: data_dir.display().to_string(),
    })
}

impl Store {
    /// Opens (or creates) `<data_dir>/vardskap.sqlite3` with default options.
    pub fn open(data_dir: &Path) -> Result<Store> {
        Store::open_with(data_dir, StoreOptions::default())
    }

    /// Opens the database: sets pragmas, checks integrity, backs up before a
    /// pending migration, migrates to the latest schema.
    pub fn open_with(data_dir: &Path, options: StoreOptions) -> Result<Store> {
        std::fs::create_dir_all(data_dir).map_err(|e| Error::io(data_dir, e))?;
        let folder_lock = lock_data_folder(data_dir)?;
        let path = data_dir.join(DB_FILE);
        let backup_dir = data_dir.join(BACKUP_DIR);
        // SQLite takes an empty file for a new database. Ours is never empty
        // once opened (WAL mode writes the header), so an empty file beside
        // backups is a truncated database: told as damage, so the app offers
        // the backups instead of starting afresh and pruning them away.
        if std::fs::metadata(&path).is_ok_and(|m| m.len() == 0)
            && backup::list(&backup_dir).is_ok_and(|list| !list.is_empty())
        {
            return Err(Error::CorruptDatabase {
                path: path.display().to_string(),
                detail: "the database file is empty".into(),
            });
        }
        let mut conn = Connection::open(&path).map_err(|e| db_error_at(&path, e))?;
        configure(&conn).map_err(|e| db_error_at(&path, e))?;
        quick_check(&conn, &path)?;

        let now = (options.clock)();
        let version = migrations::current_version(&conn).map_err(|e| migration_error(&path, e))?;
        if version > SCHEMA_VERSION {
            return Err(Error::DatabaseTooNew {
                path: path.display().to_string(),
            });
        }
        if version > 0 && version < SCHEMA_VERSION {
            // A migration rewrites tables: keep the learner's data as it was first.
            backup::write(
                &conn,
                &backup_dir,
                now,
                &format!("before-v{SCHEMA_VERSION}"),
            )?;
            backup::prune(&backup_dir, options.keep_backups)?;
        }
        migrations::to_latest(&mut conn).map_err(|e| migration_error(&path, e))?;

        let mut store = Store {
            conn,
            data_dir: data_dir.to_path_buf(),
            path,
            keep_backups: options.keep_backups,
            clock: options.clock,
            boot_clock: options.boot_clock,
            courses: RefCell::new(HashMap::new()),
            outbox_added: std::cell::Cell::new(false),
            builtin_course: None,
            backup_warning: None,
            _folder_lock: folder_lock,
        };
        if let Some(every) = options.backup_every {
            let every = i64::try_from(every.as_secs()).unwrap_or(i64::MAX);
            let newest = backup::list(&backup_dir)
                .ok()
                .and_then(|list| list.first().map(|b| b.taken_at));
            if version > 0 && newest.is_none_or(|t| now.saturating_sub(t) >= every) {
                // A learner must never be locked out of an intact database
                // because a backup could not be written.
                if let Err(e) = store.backup_now() {
                    store.backup_warning = Some(e.to_string());
                }
            }
        }
        Ok(store)
    }

    /// Opens a copy of the store in `data_dir`, made in `copy_dir` through the
    /// SQLite backup API from a read-only connection: the original is never
    /// written, not even migrated (the copy is). For reading a learner's
    /// results from a read-only folder or from an older app's database.
    pub fn open_snapshot(data_dir: &Path, copy_dir: &Path) -> Result<Store> {
        let path = data_dir.join(DB_FILE);
        let source = open_read_only(&path)?;
        quick_check(&source, &path)?;
        std::fs::create_dir_all(copy_dir).map_err(|e| Error::io(copy_dir, e))?;
        source
            .backup(rusqlite::MAIN_DB, copy_dir.join(DB_FILE), None)
            .map_err(|e| db_error_at(&path, e))?;
        drop(source);
        Store::open_with(
            copy_dir,
            StoreOptions {
                backup_every: None,
                ..Default::default()
            },
        )
    }

    /// The schema version of the database in `data_dir`, read without
    /// writing to it (0 for a new or empty file).
    pub fn schema_version_of(data_dir: &Path) -> Result<usize> {
        let path = data_dir.join(DB_FILE);
        let conn = open_read_only(&path)?;
        migrations::current_version(&conn).map_err(|e| migration_error(&path, e))
    }

    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Replaces the clock (tests step time with it).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    pub(crate) fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// Replaces the boot clock (tests hold it still while the wall clock
    /// moves, or give it a new boot id as after a restart).
    pub fn set_boot_clock(&mut self, boot_clock: BootClock) {
        self.boot_clock = boot_clock;
    }

    pub(crate) fn boot_now(&self) -> Option<BootInstant> {
        (self.boot_clock)()
    }

    /// Copies the database into `<data_dir>/backups` with the SQLite backup API
    /// and deletes the oldest backups beyond the configured number.
    pub fn backup_now(&self) -> Result<BackupInfo> {
        let dir = self.data_dir.join(BACKUP_DIR);
        let info = backup::write(&self.conn, &dir, self.now(), "manual")?;
        backup::prune(&dir, self.keep_backups)?;
        Ok(info)
    }

    /// Why the regular backup at open failed, if it did (the store works).
    pub fn backup_warning(&self) -> Option<&str> {
        self.backup_warning.as_deref()
    }

    /// Backups of this store's data directory, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        backup::list(&self.data_dir.join(BACKUP_DIR))
    }

    /// The way out of a damaged database: moves the damaged file aside (it is
    /// kept, renamed `vardskap.sqlite3.damaged-<time>`) and puts the newest backup
    /// that passes an integrity check in its place. Call it while no `Store` is
    /// open on `data_dir`, then open the store again.
    pub fn restore_latest_backup(data_dir: &Path) -> Result<BackupInfo> {
        // Never swap the file under another copy of the app.
        let _lock = lock_data_folder(data_dir)?;
        backup::restore_latest(
            data_dir,
            &data_dir.join(BACKUP_DIR),
            &data_dir.join(DB_FILE),
        )
    }

    /// Runs `f` in one immediate transaction; it commits only if `f` succeeds.
    pub(crate) fn transact<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// The installed course `id`, parsed once and then cached.
    pub(crate) fn cached_course(&self, id: &str) -> Result<Arc<Course>> {
        if let Some(course) = self.courses.borrow().get(id) {
            return Ok(Arc::clone(course));
        }
        let course = Arc::new(courses::load_model(&self.conn, id)?);
        self.courses
            .borrow_mut()
            .insert(id.to_string(), Arc::clone(&course));
        Ok(course)
    }

    pub(crate) fn forget_course(&self, id: &str) {
        self.courses.borrow_mut().remove(id);
    }

    /// Runs `PRAGMA integrity_check` (the full one); true when it reports "ok".
    pub fn integrity_ok(&self) -> Result<bool> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows == ["ok"])
    }
}

/// Connection settings that are not part of the schema, set at every open.
/// A read-only connection. A WAL database in a folder nobody may write to
/// cannot make its shared-memory file, so it is then read as immutable.
fn open_read_only(path: &Path) -> Result<Connection> {
    use rusqlite::OpenFlags;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    // A URI path escapes `?`, `#` and `%` (and anything not plain).
    const PATH: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'.')
        .remove(b'_');
    let escaped = percent_encoding::utf8_percent_encode(&path.to_string_lossy(), PATH).to_string();
    let uri = |extra: &str| format!("file:{escaped}?mode=ro{extra}");
    let conn = Connection::open_with_flags(uri(""), flags).map_err(|e| db_error_at(path, e))?;
    match conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(conn),
        Err(_) => Connection::open_with_flags(uri("&immutable=1"), flags)
            .map_err(|e| db_error_at(path, e)),
    }
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // journal_mode answers with the mode now in force; WAL may be refused on
    // some file systems, where the default rollback journal is still durable.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // FULL syncs the WAL on every commit: an answer is on disk before the UI hears "saved".
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let rows: rusqlite::Result<Vec<String>> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect());
    match rows {
        Ok(rows) if rows == ["ok"] => Ok(()),
        Ok(rows) => Err(Error::CorruptDatabase {
            path: path.display().to_string(),
            detail: rows.join("; "),
        }),
        Err(e) => Err(db_error_at(path, e)),
    }
}

/// Turns "not a database" and "corrupt" into [`Error::CorruptDatabase`].
pub(crate) fn db_error_at(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Error::CorruptDatabase {
            path: path.display().to_string(),
            detail: e.to_string(),
        },
        _ => Error::Db(e),
    }
}

fn migration_error(path: &Path, e: rusqlite_migration::Error) -> Error {
    use rusqlite_migration::{Error as M, MigrationDefinitionError};
    match e {
        M::RusqliteError { err, .. } => db_error_at(path, err),
        M::MigrationDefinition(MigrationDefinitionError::DatabaseTooFarAhead) => {
            Error::DatabaseTooNew {
                path: path.display().to_string(),
            }
        }
        M::InvalidUserVersion => Error::CorruptDatabase {
            path: path.display().to_string(),
            detail: "its schema version is not one Värdskap wrote".into(),
        },
        other => Error::Invalid(format!(
            "The progress database could not be upgraded: {other}"
        )),
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Small builders for tests on real temp-file databases.
    #![allow(clippy::unwrap_used)]
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI64, Ordering};

    use super::*;

    /// A clock the test moves by hand.
    #[derive(Clone, Default)]
    pub struct TestClock(pub Arc<AtomicI64>);

    impl TestClock {
        pub fn at(secs: Timestamp) -> Self {
            TestClock(Arc::new(AtomicI64::new(secs)))
        }
        pub fn now(&self) -> Timestamp {
            self.0.load(Ordering::SeqCst)
        }
        pub fn advance(&self, secs: Timestamp) {
            self.0.fetch_add(secs, Ordering::SeqCst);
        }
        pub fn clock(&self) -> Clock {
            let t = Arc::clone(&self.0);
            Box::new(move || t.load(Ordering::SeqCst))
        }
    }

    /// A boot clock the test moves by hand, apart from the wall clock, and
    /// restarts (a new boot id, a few seconds into it).
    #[derive(Clone)]
    pub struct TestBootClock(pub Arc<std::sync::Mutex<BootInstant>>);

    impl TestBootClock {
        pub fn at(boot_id: &str, secs: f64) -> Self {
            TestBootClock(Arc::new(std::sync::Mutex::new(BootInstant {
                boot_id: boot_id.into(),
                secs,
            })))
        }
        pub fn advance(&self, secs: f64) {
            self.0.lock().unwrap().secs += secs;
        }
        /// A restart of the machine: another boot id, a few seconds in.
        pub fn reboot(&self, boot_id: &str) {
            *self.0.lock().unwrap() = BootInstant {
                boot_id: boot_id.into(),
                secs: 5.0,
            };
        }
        pub fn clock(&self) -> BootClock {
            let t = Arc::clone(&self.0);
            Box::new(move || Some(t.lock().unwrap().clone()))
        }
    }

    /// A store in a temp dir on a [`TestClock`] at 1,700,000,000 and with no
    /// boot clock (waits follow the wall clock, as on a system without one);
    /// tests of the boot clock set one with [`Store::set_boot_clock`].
    pub fn open_temp() -> (tempfile::TempDir, Store, TestClock) {
        let dir = tempfile::tempdir().unwrap();
        let clock = TestClock::at(1_700_000_000);
        let store = Store::open_with(
            dir.path(),
            StoreOptions {
                keep_backups: 3,
                backup_every: None,
                clock: clock.clock(),
                boot_clock: no_boot_clock(),
            },
        )
        .unwrap();
        (dir, store, clock)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::testing::*;
    use super::*;

    #[test]
    fn the_store_can_move_between_threads() {
        // The shell keeps it in a Mutex in Tauri state, which needs Send.
        fn assert_send<T: Send>() {}
        assert_send::<Store>();
    }

    #[test]
    fn open_sets_wal_foreign_keys_and_full_sync() {
        let (_dir, store, _) = open_temp();
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal", "the store must run in WAL mode");
        let fk: i64 = store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1, "foreign keys must be enforced");
        let sync: i64 = store
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            sync, 2,
            "synchronous must be FULL so an answer is on disk before returning"
        );
    }

    #[test]
    fn garbage_file_is_a_typed_corrupt_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(DB_FILE),
            b"this is not a database, just some text".repeat(200),
        )
        .unwrap();
        let err = Store::open(dir.path())
            .err()
            .expect("a garbage file must not open");
        assert!(
            matches!(err, Error::CorruptDatabase { .. }),
            "garbage must be CorruptDatabase, got {err:?}"
        );
        assert!(
            err.to_string().contains("restoring the latest backup"),
            "the message must point to the way out: {err}"
        );
    }

    #[test]
    fn reopening_an_existing_store_keeps_schema_and_takes_no_migration_backup() {
        let (dir, store, clock) = open_temp();
        drop(store);
        let store = Store::open_with(
            dir.path(),
            StoreOptions {
                keep_backups: 3,
                backup_every: None,
                clock: clock.clock(),
                boot_clock: no_boot_clock(),
            },
        )
        .unwrap();
        assert!(
            store.backups().unwrap().is_empty(),
            "an up-to-date database needs no migration backup"
        );
        assert!(
            store.integrity_ok().unwrap(),
            "a fresh store must pass integrity_check"
        );
    }

    #[test]
    fn regular_backup_is_taken_at_open_when_the_newest_is_old() {
        let (dir, store, clock) = open_temp();
        drop(store);
        let options = |c: &TestClock| StoreOptions {
            keep_backups: 3,
            backup_every: Some(Duration::from_secs(3600)),
            clock: c.clock(),
            boot_clock: no_boot_clock(),
        };
        let store = Store::open_with(dir.path(), options(&clock)).unwrap();
        assert_eq!(
            store.backups().unwrap().len(),
            1,
            "the first open of an existing store with no backup takes one"
        );
        drop(store);
        clock.advance(60);
        let store = Store::open_with(dir.path(), options(&clock)).unwrap();
        assert_eq!(
            store.backups().unwrap().len(),
            1,
            "a backup younger than the interval is enough"
        );
        drop(store);
        clock.advance(3_600);
        let store = Store::open_with(dir.path(), options(&clock)).unwrap();
        assert_eq!(
            store.backups().unwrap().len(),
            2,
            "after the interval a new backup is taken"
        );
    }
}
