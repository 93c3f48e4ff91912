//! SQL for learner profiles. The PIN is stored only as an argon2id hash.

use crate::progress::ProfileId;
use rusqlite::{Connection, ErrorCode, OptionalExtension, Row, params};

use super::Timestamp;
use super::instructor::Lock;
use crate::progress::{Profile, Theme};
use crate::{Error, Result};

const COLUMNS: &str = "id, name, pin_hash IS NOT NULL, language, theme, created_at";

fn row_to_profile(row: &Row<'_>) -> rusqlite::Result<Profile> {
    let theme: String = row.get(4)?;
    Ok(Profile {
        id: row.get(0)?,
        name: row.get(1)?,
        has_pin: row.get(2)?,
        language: row.get(3)?,
        theme: Theme::from_db(&theme),
        created_at: row.get(5)?,
    })
}

pub(crate) fn insert(
    conn: &Connection,
    name: &str,
    pin_hash: Option<&str>,
    language: Option<&str>,
    theme: Theme,
    now: Timestamp,
) -> Result<ProfileId> {
    let inserted = conn
        .prepare_cached(
            "INSERT INTO profiles (name, pin_hash, language, theme, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![name, pin_hash, language, theme.as_db(), now]);
    match inserted {
        Ok(_) => Ok(ProfileId(conn.last_insert_rowid())),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
            Err(Error::ProfileExists {
                name: name.to_string(),
            })
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) fn get(conn: &Connection, id: ProfileId) -> Result<Option<Profile>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM profiles WHERE id = ?1"))?
        .query_row([id], row_to_profile)
        .optional()?)
}

pub(crate) fn list(conn: &Connection) -> Result<Vec<Profile>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM profiles ORDER BY name, id"))?;
    let rows = stmt
        .query_map([], row_to_profile)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(crate) fn set_pin_hash(conn: &Connection, id: ProfileId, hash: Option<&str>) -> Result<bool> {
    let n = conn
        .prepare_cached("UPDATE profiles SET pin_hash = ?2 WHERE id = ?1")?
        .execute(params![id, hash])?;
    Ok(n == 1)
}

pub(crate) fn set_preferences(
    conn: &Connection,
    id: ProfileId,
    language: Option<&str>,
    theme: Theme,
) -> Result<bool> {
    let n = conn
        .prepare_cached("UPDATE profiles SET language = ?2, theme = ?3 WHERE id = ?1")?
        .execute(params![id, language, theme.as_db()])?;
    Ok(n == 1)
}

pub(crate) fn rename(conn: &Connection, id: ProfileId, name: &str) -> Result<bool> {
    match conn
        .prepare_cached("UPDATE profiles SET name = ?2 WHERE id = ?1")?
        .execute(params![id, name])
    {
        Ok(n) => Ok(n == 1),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
            Err(Error::ProfileExists {
                name: name.to_string(),
            })
        }
        Err(e) => Err(e.into()),
    }
}

/// The course the learner last chose; `Ok(None)` for no profile, `Some(None)` for none chosen.
pub(crate) fn course(conn: &Connection, id: ProfileId) -> Result<Option<Option<String>>> {
    Ok(conn
        .prepare_cached("SELECT course_id FROM profiles WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

pub(crate) fn set_course(
    conn: &Connection,
    id: ProfileId,
    course_id: Option<&str>,
) -> Result<bool> {
    let n = conn
        .prepare_cached("UPDATE profiles SET course_id = ?2 WHERE id = ?1")?
        .execute(params![id, course_id])?;
    Ok(n == 1)
}

/// Deletes the profile; its attempts, answers, runs and cards go with it (cascade).
pub(crate) fn delete(conn: &Connection, id: ProfileId) -> Result<bool> {
    Ok(conn
        .prepare_cached("DELETE FROM profiles WHERE id = ?1")?
        .execute([id])?
        == 1)
}

/// A profile's PIN hash with its wrong tries in a row and the stored wait;
/// `None` when there is no such profile.
pub(crate) fn pin_state(
    conn: &Connection,
    id: ProfileId,
) -> Result<Option<(Option<String>, i64, Lock)>> {
    Ok(conn
        .prepare_cached(
            "SELECT pin_hash, pin_failures, pin_locked_until, pin_lock_boot_id, pin_locked_until_uptime
             FROM profiles WHERE id = ?1",
        )?
        .query_row([id], |r| {
            let lock = Lock {
                until: r.get(2)?,
                boot_id: r.get(3)?,
                until_uptime: r.get(4)?,
            };
            Ok((r.get(0)?, r.get(1)?, lock))
        })
        .optional()?)
}

/// Records the outcome of a checked PIN: `failures` in a row and the wait.
pub(crate) fn set_pin_failures(
    conn: &Connection,
    id: ProfileId,
    failures: i64,
    lock: &Lock,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE profiles SET pin_failures = ?2, pin_locked_until = ?3, pin_lock_boot_id = ?4,
             pin_locked_until_uptime = ?5 WHERE id = ?1",
    )?
    .execute(params![
        id,
        failures,
        lock.until,
        lock.boot_id,
        lock.until_uptime
    ])?;
    Ok(())
}
