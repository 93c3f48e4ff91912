//! SQL for the spaced review queue: one card per learner and question
//! (course id + module id + question id), its scheduler state as JSON and
//! when it is due.

use crate::progress::ProfileId;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Timestamp;
use crate::Result;
use crate::review::ReviewCard;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReviewCardRow {
    pub profile_id: ProfileId,
    pub course_id: String,
    pub module_id: String,
    pub question_id: String,
    pub card: ReviewCard,
}

fn row_to_card(row: &Row<'_>) -> rusqlite::Result<ReviewCardRow> {
    let state: String = row.get(4)?;
    Ok(ReviewCardRow {
        profile_id: row.get(0)?,
        course_id: row.get(1)?,
        module_id: row.get(2)?,
        question_id: row.get(3)?,
        card: serde_json::from_str(&state).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, Box::new(e))
        })?,
    })
}

const COLUMNS: &str = "profile_id, course_id, module_id, question_id, state";

pub(crate) fn upsert(
    conn: &Connection,
    profile_id: ProfileId,
    course_id: &str,
    module_id: &str,
    question_id: &str,
    card: &ReviewCard,
    now: Timestamp,
) -> Result<()> {
    let state = serde_json::to_string(card)
        .map_err(|e| crate::Error::Invalid(format!("could not store a review card: {e}")))?;
    conn.prepare_cached(
        "INSERT INTO review_cards (profile_id, course_id, module_id, question_id, state, due, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (profile_id, course_id, module_id, question_id) DO UPDATE SET
             state = excluded.state, due = excluded.due, updated_at = excluded.updated_at",
    )?
    .execute(params![profile_id, course_id, module_id, question_id, state, card.due, now])?;
    Ok(())
}

pub(crate) fn get(
    conn: &Connection,
    profile_id: ProfileId,
    course_id: &str,
    module_id: &str,
    question_id: &str,
) -> Result<Option<ReviewCardRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM review_cards
             WHERE profile_id = ?1 AND course_id = ?2 AND module_id = ?3 AND question_id = ?4"
        ))?
        .query_row(
            params![profile_id, course_id, module_id, question_id],
            row_to_card,
        )
        .optional()?)
}

/// The learner's cards due at `now`, most overdue first.
pub(crate) fn due(
    conn: &Connection,
    profile_id: ProfileId,
    now: Timestamp,
) -> Result<Vec<ReviewCardRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM review_cards WHERE profile_id = ?1 AND due <= ?2
         ORDER BY due, course_id, module_id, question_id"
    ))?;
    let rows = stmt
        .query_map(params![profile_id, now], row_to_card)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// How many of the learner's cards are due at `now`.
pub(crate) fn count_due(conn: &Connection, profile_id: ProfileId, now: Timestamp) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM review_cards WHERE profile_id = ?1 AND due <= ?2")?
        .query_row(params![profile_id, now], |r| r.get(0))?)
}
