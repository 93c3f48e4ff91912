//! SQL for instructor mode: one row holding the passphrase's argon2id hash and
//! the count of wrong tries in a row, with the time before which no try is
//! checked (on the wall clock and on the boot clock), so a restart does not
//! reset the wait and setting the clock ahead does not end it.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Timestamp;
use crate::Result;

/// A stored wait after wrong tries (instructor passphrase or a learner's
/// PIN): where it ends on the wall clock and, when the boot clock could be
/// read, on the boot clock of the boot it was set in.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Lock {
    /// No try is checked before this wall-clock time.
    pub until: Option<Timestamp>,
    /// The boot the wait was set in.
    pub boot_id: Option<String>,
    /// The seconds since that boot when the wait ends.
    pub until_uptime: Option<f64>,
}

impl Lock {
    pub fn is_set(&self) -> bool {
        self.until.is_some() || self.boot_id.is_some() || self.until_uptime.is_some()
    }
}

/// The stored instructor row.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct InstructorRow {
    pub passphrase_hash: Option<String>,
    /// Wrong passphrases in a row since the last right one.
    pub failures: i64,
    pub lock: Lock,
}

fn row_to_instructor(row: &Row<'_>) -> rusqlite::Result<InstructorRow> {
    Ok(InstructorRow {
        passphrase_hash: row.get(0)?,
        failures: row.get(1)?,
        lock: Lock {
            until: row.get(2)?,
            boot_id: row.get(3)?,
            until_uptime: row.get(4)?,
        },
    })
}

/// The row, or the default (no passphrase, no failures) before the first write.
pub(crate) fn get(conn: &Connection) -> Result<InstructorRow> {
    Ok(conn
        .prepare_cached(
            "SELECT passphrase_hash, failures, locked_until, lock_boot_id, locked_until_uptime
             FROM instructor WHERE id = 1",
        )?
        .query_row([], row_to_instructor)
        .optional()?
        .unwrap_or_default())
}

/// Stores a new passphrase hash and clears the failures.
pub(crate) fn set_hash(conn: &Connection, hash: &str, now: Timestamp) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO instructor (id, passphrase_hash, failures, locked_until, updated_at)
             VALUES (1, ?1, 0, NULL, ?2)
         ON CONFLICT (id) DO UPDATE SET passphrase_hash = excluded.passphrase_hash,
             failures = 0, locked_until = NULL, lock_boot_id = NULL,
             locked_until_uptime = NULL, updated_at = excluded.updated_at",
    )?
    .execute(params![hash, now])?;
    Ok(())
}

/// Records the outcome of a checked try: `failures` in a row and the wait.
pub(crate) fn set_failures(
    conn: &Connection,
    failures: i64,
    lock: &Lock,
    now: Timestamp,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE instructor SET failures = ?1, locked_until = ?2, lock_boot_id = ?3,
             locked_until_uptime = ?4, updated_at = ?5 WHERE id = 1",
    )?
    .execute(params![
        failures,
        lock.until,
        lock.boot_id,
        lock.until_uptime,
        now
    ])?;
    Ok(())
}
