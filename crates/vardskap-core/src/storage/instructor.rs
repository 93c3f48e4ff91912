//! SQL for instructor mode: one row holding the passphrase's argon2id hash and
//! the count of wrong tries in a row, with the time before which no try is
//! checked, so a restart does not reset the wait.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Timestamp;
use crate::Result;

/// The stored instructor row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct InstructorRow {
    pub passphrase_hash: Option<String>,
    /// Wrong passphrases in a row since the last right one.
    pub failures: i64,
    pub locked_until: Option<Timestamp>,
}

fn row_to_instructor(row: &Row<'_>) -> rusqlite::Result<InstructorRow> {
    Ok(InstructorRow {
        passphrase_hash: row.get(0)?,
        failures: row.get(1)?,
        locked_until: row.get(2)?,
    })
}

/// The row, or the default (no passphrase, no failures) before the first write.
pub(crate) fn get(conn: &Connection) -> Result<InstructorRow> {
    Ok(conn
        .prepare_cached(
            "SELECT passphrase_hash, failures, locked_until FROM instructor WHERE id = 1",
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
             failures = 0, locked_until = NULL, updated_at = excluded.updated_at",
    )?
    .execute(params![hash, now])?;
    Ok(())
}

/// Records the outcome of a checked try: `failures` in a row and the wait.
pub(crate) fn set_failures(
    conn: &Connection,
    failures: i64,
    locked_until: Option<Timestamp>,
    now: Timestamp,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE instructor SET failures = ?1, locked_until = ?2, updated_at = ?3 WHERE id = 1",
    )?
    .execute(params![failures, locked_until, now])?;
    Ok(())
}
