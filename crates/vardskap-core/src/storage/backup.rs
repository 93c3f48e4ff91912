//! Backups of the progress database through the SQLite backup API (never a
//! file copy, which could catch a half-written WAL), and restoring the newest
//! good one when the database is damaged.
//!
//! A backup is `backups/vardskap-<unix seconds>-<label>.sqlite3`; it is written under
//! a `.<pid>-<n>.partial` name first and renamed, so a crash never leaves a half backup
//! that looks whole.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, MAIN_DB, OpenFlags};
use serde::Serialize;

use super::Timestamp;
use crate::{Error, Result};

const PREFIX: &str = "vardskap-";
const SUFFIX: &str = ".sqlite3";

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    /// When it was taken, Unix seconds.
    pub taken_at: Timestamp,
    /// Why: "manual", "before-v2", …
    pub label: String,
}

pub(crate) fn write(
    conn: &Connection,
    dir: &Path,
    now: Timestamp,
    label: &str,
) -> Result<BackupInfo> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    // Two backups in the same second get distinct names (one second apart on paper).
    let mut taken_at = now;
    let mut path = dir.join(file_name(taken_at, label));
    while path.exists() {
        taken_at += 1;
        path = dir.join(file_name(taken_at, label));
    }
    // A name of its own (process and a counter), so two writers never share
    // one half-written file.
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let partial = path.with_extension(format!("{}-{n}.partial", std::process::id()));
    // A failed copy (a full disk) leaves no half-written file behind.
    let copied = conn
        .backup(MAIN_DB, &partial, None)
        .map_err(Error::from)
        .and_then(|()| std::fs::rename(&partial, &path).map_err(|e| Error::io(&path, e)));
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    Ok(BackupInfo {
        path: path.display().to_string(),
        taken_at,
        label: label.to_string(),
    })
}

fn file_name(taken_at: Timestamp, label: &str) -> String {
    format!("{PREFIX}{taken_at:011}-{label}{SUFFIX}")
}

/// Backups in `dir`, newest first; a missing folder has none.
pub(crate) fn list(dir: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(stem) = name
            .strip_prefix(PREFIX)
            .and_then(|n| n.strip_suffix(SUFFIX))
        else {
            continue;
        };
        let Some((ms, label)) = stem.split_once('-') else {
            continue;
        };
        let Ok(taken_at) = ms.parse::<Timestamp>() else {
            continue;
        };
        out.push(BackupInfo {
            path: entry.path().display().to_string(),
            taken_at,
            label: label.to_string(),
        });
    }
    out.sort_by(|a, b| {
        b.taken_at
            .cmp(&a.taken_at)
            .then_with(|| b.path.cmp(&a.path))
    });
    Ok(out)
}

/// Deletes all but the newest `keep` backups.
pub(crate) fn prune(dir: &Path, keep: usize) -> Result<()> {
    for old in list(dir)?.into_iter().skip(keep.max(1)) {
        std::fs::remove_file(&old.path).map_err(|e| Error::io(&old.path, e))?;
    }
    Ok(())
}

/// Whether the file at `path` is a database that passes `quick_check`.
fn is_sound(path: &Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return false;
    };
    conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))
        .is_ok_and(|s| s == "ok")
}

pub(crate) fn restore_latest(data_dir: &Path, dir: &Path, db: &Path) -> Result<BackupInfo> {
    let chosen = list(dir)?
        .into_iter()
        .find(|b| is_sound(Path::new(&b.path)))
        .ok_or_else(|| Error::NoBackup {
            dir: dir.display().to_string(),
        })?;

    // Keep the damaged file and its WAL: nothing a learner saved is ever deleted.
    let stamp = chrono_free_stamp();
    for suffix in ["", "-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", db.display()));
        if from.exists() {
            let to = data_dir.join(format!("{}{suffix}.damaged-{stamp}", super::DB_FILE));
            std::fs::rename(&from, &to).map_err(|e| Error::io(&from, e))?;
        }
    }
    let mut target = Connection::open(db).map_err(|e| super::db_error_at(db, e))?;
    target.restore(
        MAIN_DB,
        &chosen.path,
        None::<fn(rusqlite::backup::Progress)>,
    )?;
    Ok(chosen)
}

/// A file-name-safe stamp for the damaged copy; the wall clock is fine here.
fn chrono_free_stamp() -> Timestamp {
    (super::system_clock())()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn prune_keeps_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        for t in [5, 1, 3, 4, 2] {
            write(&conn, dir.path(), t, "manual").unwrap();
        }
        prune(dir.path(), 2).unwrap();
        let left: Vec<Timestamp> = list(dir.path())
            .unwrap()
            .iter()
            .map(|b| b.taken_at)
            .collect();
        assert_eq!(
            left,
            vec![5, 4],
            "pruning must keep the newest backups, newest first"
        );
    }

    #[test]
    fn same_second_backups_do_not_overwrite_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open_in_memory().unwrap();
        let a = write(&conn, dir.path(), 7, "manual").unwrap();
        let b = write(&conn, dir.path(), 7, "manual").unwrap();
        assert_ne!(
            a.path, b.path,
            "a second backup in the same second must get its own file"
        );
        assert_eq!(
            list(dir.path()).unwrap().len(),
            2,
            "both backups must be listed"
        );
    }

    #[test]
    fn restore_skips_a_damaged_backup_and_refuses_when_none_is_sound() {
        let data = tempfile::tempdir().unwrap();
        let dir = data.path().join("backups");
        let db = data.path().join("vardskap.sqlite3");
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (42);")
            .unwrap();
        write(&conn, &dir, 10, "manual").unwrap();
        // A newer "backup" that is garbage must be passed over.
        std::fs::write(dir.join(file_name(20, "manual")), b"garbage".repeat(100)).unwrap();
        std::fs::write(&db, b"damaged").unwrap();
        let restored = restore_latest(data.path(), &dir, &db).unwrap();
        assert_eq!(
            restored.taken_at, 10,
            "the newest sound backup must be chosen"
        );
        let back = Connection::open(&db).unwrap();
        let x: i64 = back.query_row("SELECT x FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(x, 42, "the restored database must hold the backed-up data");
        let kept = std::fs::read_dir(data.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains(".damaged-")
            })
            .count();
        assert_eq!(kept, 1, "the damaged file must be kept aside, not deleted");

        let empty = tempfile::tempdir().unwrap();
        let err = restore_latest(
            empty.path(),
            &empty.path().join("backups"),
            &empty.path().join("x"),
        )
        .unwrap_err();
        assert!(
            matches!(err, Error::NoBackup { .. }),
            "no backup must be a typed NoBackup, got {err:?}"
        );
    }
}
