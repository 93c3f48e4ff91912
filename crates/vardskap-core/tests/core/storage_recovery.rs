//! A damaged, foreign or too new database file gives a typed error with a way
//! out, never a panic, and restoring the latest backup brings the data back.

use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use vardskap_core::Error;
use vardskap_core::progress::NewProfile;
use vardskap_core::quiz::Answer;
use vardskap_core::storage::{DB_FILE, Store, StoreOptions};

use super::common::numeric_course;

fn options() -> StoreOptions {
    StoreOptions {
        keep_backups: 3,
        backup_every: None,
        ..Default::default()
    }
}

fn store_with_answer(dir: &Path, name: &str, value: f64) -> vardskap_core::progress::AttemptId {
    let mut store = Store::open_with(dir, options()).unwrap();
    if store.installed_courses("en").unwrap().is_empty() {
        store.install_course(&numeric_course("c", 3), "en").unwrap();
    }
    let p = store
        .create_profile(&NewProfile {
            name: name.into(),
            ..Default::default()
        })
        .unwrap();
    let a = store.start_attempt(p.id, "c", "m", "en").unwrap();
    store
        .save_answer(a.id, "q0", &Answer::Numeric { value }, "en")
        .unwrap();
    a.id
}

/// Overwrites every page after the first with garbage, keeping the header so
/// SQLite still takes it for a database.
fn damage(path: &Path) {
    let len = std::fs::metadata(path).unwrap().len();
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start(4096)).unwrap();
    let garbage: Vec<u8> = (0..len.saturating_sub(4096))
        .map(|i| (i * 7 % 251) as u8)
        .collect();
    f.write_all(&garbage).unwrap();
    f.sync_all().unwrap();
}

#[test]
fn a_damaged_database_is_a_typed_error_and_the_latest_backup_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let attempt = store_with_answer(dir.path(), "Ada", 7.0);
    let backup = Store::open_with(dir.path(), options())
        .unwrap()
        .backup_now()
        .unwrap();
    assert!(
        Path::new(&backup.path).exists(),
        "backup_now must write a file"
    );
    store_with_answer(dir.path(), "Bo", 8.0); // after the backup: lost by a restore, kept in the damaged file
    damage(&dir.path().join(DB_FILE));

    let err = Store::open_with(dir.path(), options())
        .err()
        .expect("a damaged database must not open");
    assert!(
        matches!(err, Error::CorruptDatabase { .. }),
        "damage must be CorruptDatabase, got {err:?}"
    );
    assert_eq!(
        err.kind(),
        vardskap_core::ErrorKind::CorruptDatabase,
        "the UI branches on this kind"
    );
    assert!(
        err.to_string()
            .starts_with("The progress database is damaged"),
        "a plain sentence first: {err}"
    );

    let restored = Store::restore_latest_backup(dir.path()).unwrap();
    assert_eq!(
        restored.path, backup.path,
        "the newest sound backup is restored"
    );
    let store = Store::open_with(dir.path(), options()).unwrap();
    let names: Vec<String> = store
        .profiles()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(
        names,
        ["Ada"],
        "the restored store holds what the backup held"
    );
    let view = store.attempt(attempt, "en").unwrap();
    assert_eq!(
        view.answers[0].answer,
        Answer::Numeric { value: 7.0 },
        "the backed-up answer is back"
    );
    let kept = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(&format!("{DB_FILE}.damaged-"))
        })
        .count();
    assert!(kept >= 1, "the damaged file is kept aside, never deleted");
}

#[test]
fn foreign_and_truncated_files_are_typed_errors_not_panics() {
    for (what, bytes) in [
        (
            "text",
            b"hello, this is a text file and not a database at all\n".repeat(100),
        ),
        (
            "png",
            [
                &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a][..],
                &[0u8; 5000][..],
            ]
            .concat(),
        ),
        ("half header", b"SQLite format 3\0".to_vec()),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(DB_FILE), &bytes).unwrap();
        let err = Store::open_with(dir.path(), options()).err();
        assert!(
            matches!(err, Some(Error::CorruptDatabase { .. })),
            "a {what} file must be CorruptDatabase, got {err:?}"
        );
        let restore = Store::restore_latest_backup(dir.path()).unwrap_err();
        assert!(
            matches!(restore, Error::NoBackup { .. }),
            "with no backup the restore says so, got {restore:?}"
        );
        assert_eq!(
            std::fs::read(dir.path().join(DB_FILE)).unwrap(),
            bytes,
            "a failed restore leaves the file alone"
        );
    }
}

#[test]
fn a_database_from_a_newer_app_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open_with(dir.path(), options()).unwrap());
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Store::open_with(dir.path(), options()).err();
    assert!(
        matches!(err, Some(Error::DatabaseTooNew { .. })),
        "a newer schema must be DatabaseTooNew, got {err:?}"
    );
}

#[test]
fn backup_now_keeps_only_the_newest_backups() {
    let dir = tempfile::tempdir().unwrap();
    store_with_answer(dir.path(), "Ada", 1.0);
    let store = Store::open_with(dir.path(), options()).unwrap();
    for _ in 0..5 {
        store.backup_now().unwrap();
    }
    let backups = store.backups().unwrap();
    assert_eq!(backups.len(), 3, "keep_backups = 3 keeps three");
    assert!(
        backups.windows(2).all(|w| w[0].taken_at > w[1].taken_at),
        "backups are listed newest first"
    );
}

#[test]
fn an_empty_database_file_beside_backups_is_damage_and_the_backups_stay() {
    let dir = tempfile::tempdir().unwrap();
    store_with_answer(dir.path(), "Ada", 7.0);
    Store::open_with(dir.path(), options())
        .unwrap()
        .backup_now()
        .unwrap();
    let db = dir.path().join(DB_FILE);
    let _ = std::fs::remove_file(dir.path().join(format!("{DB_FILE}-wal")));
    std::fs::write(&db, b"").unwrap();
    let err = Store::open_with(dir.path(), options()).err();
    assert!(
        matches!(err, Some(Error::CorruptDatabase { .. })),
        "an emptied database must be offered its backups, not replaced by a new store: {err:?}"
    );
    assert_eq!(
        std::fs::metadata(&db).unwrap().len(),
        0,
        "the empty file is left for the recovery step"
    );
    Store::restore_latest_backup(dir.path()).unwrap();
    let store = Store::open_with(dir.path(), options()).unwrap();
    assert_eq!(
        store.profiles().unwrap().len(),
        1,
        "the backup brings the learner back"
    );

    let fresh = tempfile::tempdir().unwrap();
    std::fs::write(fresh.path().join(DB_FILE), b"").unwrap();
    assert!(
        Store::open_with(fresh.path(), options()).is_ok(),
        "an empty file with no backups holds nothing to lose: a new store"
    );
}

#[test]
fn a_backup_that_cannot_be_written_does_not_lock_the_learner_out() {
    let dir = tempfile::tempdir().unwrap();
    store_with_answer(dir.path(), "Ada", 7.0);
    // Where the backups go, a file stands in the way: every write there
    // fails, as on a full disk.
    let backups = dir.path().join("backups");
    let _ = std::fs::remove_dir_all(&backups);
    std::fs::write(&backups, b"in the way").unwrap();
    let store = Store::open_with(
        dir.path(),
        StoreOptions {
            backup_every: Some(std::time::Duration::ZERO),
            ..options()
        },
    )
    .expect("an intact database opens even when its backup fails");
    assert!(
        store.backup_warning().is_some(),
        "the failed backup is told as a warning"
    );
    assert_eq!(
        store.profiles().unwrap().len(),
        1,
        "the learner's data is there"
    );
    let partials: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(partials.is_empty(), "no half-written backup is left behind");
}
