//! What the storage benchmarks share: where their generated databases are
//! cached, the store options they open with, and percentiles.

#![allow(dead_code)] // Each bench uses its own part.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, Transaction};
use vardskap_core::storage::{DB_FILE, Store, StoreOptions};

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

/// No daily backup: a benchmark measures the store, not the backup.
pub fn options() -> StoreOptions {
    StoreOptions {
        backup_every: None,
        ..Default::default()
    }
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// `target/bench-data/<name>`, generated when missing: `setup` prepares the
/// store through its API (schema, course, profiles), `fill` writes the bulk
/// rows with raw SQL in one transaction, submitted attempts are then graded
/// through the schema's own trigger (which keeps question_totals), and
/// `finish` SQL runs after the commit. The folder appears by a rename, so an
/// interrupted run never leaves a half-made cache behind.
pub fn cached_store(
    name: &str,
    setup: impl FnOnce(&mut Store),
    fill: impl FnOnce(&Transaction),
    finish: &str,
) -> PathBuf {
    let dir = target_dir().join("bench-data").join(name);
    if dir.join(DB_FILE).exists() {
        return dir;
    }
    let partial = dir.with_extension("partial");
    let _ = std::fs::remove_dir_all(&partial);
    let started = Instant::now();
    {
        let mut store = Store::open_with(&partial, options()).expect("open bench store");
        setup(&mut store);
    }
    let mut conn = Connection::open(partial.join(DB_FILE)).expect("open bench db");
    conn.pragma_update(None, "synchronous", "OFF")
        .expect("pragma");
    let tx = conn.transaction().expect("begin");
    fill(&tx);
    tx.execute(
        "UPDATE attempts SET state = 'graded' WHERE state = 'submitted'",
        [],
    )
    .expect("grade");
    tx.commit().expect("commit");
    conn.execute_batch(finish).expect("finish");
    drop(conn);
    std::fs::rename(&partial, &dir).expect("publish bench db");
    eprintln!("generated {} in {:.1?}", dir.display(), started.elapsed());
    dir
}
