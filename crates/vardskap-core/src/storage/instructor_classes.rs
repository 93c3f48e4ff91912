//! SQL for the instructor's classes: where each class's LRS is, with which
//! credentials it is read and written, and how the last pull went.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Timestamp;
use crate::Result;

/// A class as stored, credentials included (they never leave the core but
/// for the pull and the invitation file).
#[derive(Clone, PartialEq)]
pub(crate) struct ClassRow {
    pub id: i64,
    pub class_id: String,
    pub name: String,
    pub course_id: String,
    pub course_version: String,
    pub endpoint: String,
    pub read_username: String,
    pub read_password: String,
    pub write_username: String,
    pub write_password: String,
    pub home_page: Option<String>,
    pub created_at: Timestamp,
    pub last_pulled_at: Option<Timestamp>,
    pub last_pull_error: Option<String>,
    pub pull_since: Option<String>,
}

impl std::fmt::Debug for ClassRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The passwords never reach a log.
        f.debug_struct("ClassRow")
            .field("id", &self.id)
            .field("class_id", &self.class_id)
            .field("course_id", &self.course_id)
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

const COLUMNS: &str = "id, class_id, name, course_id, course_version, endpoint, read_username, \
     read_password, write_username, write_password, home_page, created_at, last_pulled_at, \
     last_pull_error, pull_since";

fn row_to_class(row: &Row<'_>) -> rusqlite::Result<ClassRow> {
    Ok(ClassRow {
        id: row.get(0)?,
        class_id: row.get(1)?,
        name: row.get(2)?,
        course_id: row.get(3)?,
        course_version: row.get(4)?,
        endpoint: row.get(5)?,
        read_username: row.get(6)?,
        read_password: row.get(7)?,
        write_username: row.get(8)?,
        write_password: row.get(9)?,
        home_page: row.get(10)?,
        created_at: row.get(11)?,
        last_pulled_at: row.get(12)?,
        last_pull_error: row.get(13)?,
        pull_since: row.get(14)?,
    })
}

/// What making a class writes; the pull's columns start empty.
pub(crate) struct NewClassRow<'a> {
    pub class_id: &'a str,
    pub name: &'a str,
    pub course_id: &'a str,
    pub course_version: &'a str,
    pub endpoint: &'a str,
    pub read_username: &'a str,
    pub read_password: &'a str,
    pub write_username: &'a str,
    pub write_password: &'a str,
    pub home_page: Option<&'a str>,
}

pub(crate) fn insert(conn: &Connection, new: &NewClassRow<'_>, now: Timestamp) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO instructor_classes (class_id, name, course_id, course_version, endpoint,
             read_username, read_password, write_username, write_password, home_page, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        new.class_id,
        new.name,
        new.course_id,
        new.course_version,
        new.endpoint,
        new.read_username,
        new.read_password,
        new.write_username,
        new.write_password,
        new.home_page,
        now
    ])?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Option<ClassRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM instructor_classes WHERE id = ?1"
        ))?
        .query_row([id], row_to_class)
        .optional()?)
}

/// Every class, oldest first.
pub(crate) fn list(conn: &Connection) -> Result<Vec<ClassRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM instructor_classes ORDER BY id"
    ))?;
    let rows = stmt
        .query_map([], row_to_class)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(crate) fn class_id_taken(conn: &Connection, class_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM instructor_classes WHERE class_id = ?1)")?
        .query_row([class_id], |r| r.get(0))?)
}

/// Deletes a class and, with it, everything cached for it.
pub(crate) fn delete(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("DELETE FROM instructor_classes WHERE id = ?1")?
        .execute([id])?
        > 0)
}

/// A whole pull was stored: the class is fine again, and `since` is what the
/// next pull sends, as given: None after a Some means the next pull must be
/// a full one (the LRS could not be shown to filter `since` on `stored`, see
/// vardskap-sync's pull), so an old `since` is never kept.
pub(crate) fn mark_pulled(
    conn: &Connection,
    id: i64,
    now: Timestamp,
    since: Option<&str>,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE instructor_classes SET last_pulled_at = ?2, last_pull_error = NULL,
             pull_since = ?3 WHERE id = ?1",
    )?
    .execute(params![id, now, since])?;
    Ok(())
}

/// A pull failed; what was cached stays.
pub(crate) fn mark_pull_failed(conn: &Connection, id: i64, message: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("UPDATE instructor_classes SET last_pull_error = ?2 WHERE id = ?1")?
        .execute(params![id, message])?
        > 0)
}

/// How many learners the class view knows of: those with a statement it
/// reads, and those of imported results files.
pub(crate) fn learner_count(conn: &Connection, id: i64) -> Result<u64> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM (
                 SELECT learner FROM class_statements WHERE class_id = ?1 AND fact IS NOT NULL
                 UNION SELECT learner FROM class_file_attempts WHERE class_id = ?1
                 UNION SELECT learner FROM class_file_runs WHERE class_id = ?1)",
        )?
        .query_row([id], |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}
