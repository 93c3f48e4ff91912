//! SQL for quiz attempts: one row per attempt at a module's questions, with
//! its state, times, seed (for a stable question order on resume) and score.

use crate::progress::{AttemptId, ProfileId};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Timestamp;
use crate::Result;
use crate::progress::AttemptState;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AttemptRow {
    pub id: AttemptId,
    pub profile_id: ProfileId,
    pub course_id: String,
    pub module_id: String,
    pub course_version: String,
    pub state: AttemptState,
    pub started_at: Timestamp,
    pub submitted_at: Option<Timestamp>,
    pub score: Option<f64>,
    pub max_score: Option<f64>,
    pub seed: i64,
}

const COLUMNS: &str = "id, profile_id, course_id, module_id, course_version, state, started_at, \
                       submitted_at, score, max_score, seed";

fn row_to_attempt(row: &Row<'_>) -> rusqlite::Result<AttemptRow> {
    let state: String = row.get(5)?;
    Ok(AttemptRow {
        id: row.get(0)?,
        profile_id: row.get(1)?,
        course_id: row.get(2)?,
        module_id: row.get(3)?,
        course_version: row.get(4)?,
        state: AttemptState::from_db(&state).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, state.into())
        })?,
        started_at: row.get(6)?,
        submitted_at: row.get(7)?,
        score: row.get(8)?,
        max_score: row.get(9)?,
        seed: row.get(10)?,
    })
}

pub(crate) fn insert(
    conn: &Connection,
    profile_id: ProfileId,
    course_id: &str,
    module_id: &str,
    course_version: &str,
    seed: i64,
    now: Timestamp,
) -> Result<AttemptId> {
    conn.prepare_cached(
        "INSERT INTO attempts (profile_id, course_id, module_id, course_version, state, started_at, seed)
         VALUES (?1, ?2, ?3, ?4, 'started', ?5, ?6)",
    )?
    .execute(params![profile_id, course_id, module_id, course_version, now, seed])?;
    Ok(AttemptId(conn.last_insert_rowid()))
}

pub(crate) fn get(conn: &Connection, id: AttemptId) -> Result<Option<AttemptRow>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM attempts WHERE id = ?1"))?
        .query_row([id], row_to_attempt)
        .optional()?)
}

/// The learner's unfinished (started or submitted but not graded) attempt at a module.
pub(crate) fn unfinished(
    conn: &Connection,
    profile_id: ProfileId,
    course_id: &str,
    module_id: &str,
) -> Result<Option<AttemptRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM attempts
             WHERE profile_id = ?1 AND course_id = ?2 AND module_id = ?3 AND state IN ('started', 'submitted')
             ORDER BY id DESC LIMIT 1"
        ))?
        .query_row(params![profile_id, course_id, module_id], row_to_attempt)
        .optional()?)
}

/// Moves a started attempt to submitted; false when it was not in `started`.
pub(crate) fn mark_submitted(conn: &Connection, id: AttemptId, now: Timestamp) -> Result<bool> {
    let n = conn
        .prepare_cached("UPDATE attempts SET state = 'submitted', submitted_at = ?2 WHERE id = ?1 AND state = 'started'")?
        .execute(params![id, now])?;
    Ok(n == 1)
}

pub(crate) fn mark_graded(
    conn: &Connection,
    id: AttemptId,
    score: f64,
    max_score: f64,
) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE attempts SET state = 'graded', score = ?2, max_score = ?3 WHERE id = ?1 AND state = 'submitted'",
        )?
        .execute(params![id, score, max_score])?;
    Ok(n == 1)
}

/// All of a learner's attempts in a course, oldest first.
pub(crate) fn for_learner(
    conn: &Connection,
    profile_id: ProfileId,
    course_id: &str,
) -> Result<Vec<AttemptRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM attempts WHERE profile_id = ?1 AND course_id = ?2 ORDER BY id"
    ))?;
    let rows = stmt
        .query_map(params![profile_id, course_id], row_to_attempt)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The seed of the learner's first attempt at a module: a secret the review
/// queue derives its own seeds from (attempt seeds never reach the UI).
pub(crate) fn first_seed(
    conn: &Connection,
    profile_id: ProfileId,
    course_id: &str,
    module_id: &str,
) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT seed FROM attempts WHERE profile_id = ?1 AND course_id = ?2 AND module_id = ?3
             ORDER BY id LIMIT 1",
        )?
        .query_row(params![profile_id, course_id, module_id], |r| r.get(0))
        .optional()?)
}
