//! SQL for the answers of an attempt: one row per question answered, the
//! answer as JSON, when it was saved, and its score once graded.

use crate::progress::{AttemptId, ProfileId};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Timestamp;
use crate::Result;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AnswerRow {
    pub attempt_id: AttemptId,
    pub question_id: String,
    /// `quiz::Answer` as JSON.
    pub answer: String,
    pub lang: String,
    pub saved_at: Timestamp,
    pub score: Option<f64>,
    pub max_score: Option<f64>,
}

fn row_to_answer(row: &Row<'_>) -> rusqlite::Result<AnswerRow> {
    Ok(AnswerRow {
        attempt_id: row.get(0)?,
        question_id: row.get(1)?,
        answer: row.get(2)?,
        lang: row.get(3)?,
        saved_at: row.get(4)?,
        score: row.get(5)?,
        max_score: row.get(6)?,
    })
}

const COLUMNS: &str = "attempt_id, question_id, answer, lang, saved_at, score, max_score";

/// Saves or replaces the answer to one question; a replaced answer loses its score.
pub(crate) fn upsert(
    conn: &Connection,
    attempt_id: AttemptId,
    question_id: &str,
    answer: &str,
    lang: &str,
    now: Timestamp,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO answers (attempt_id, question_id, answer, lang, saved_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (attempt_id, question_id) DO UPDATE SET answer = excluded.answer,
             lang = excluded.lang, saved_at = excluded.saved_at, score = NULL, max_score = NULL",
    )?
    .execute(params![attempt_id, question_id, answer, lang, now])?;
    Ok(())
}

pub(crate) fn get(
    conn: &Connection,
    attempt_id: AttemptId,
    question_id: &str,
) -> Result<Option<AnswerRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM answers WHERE attempt_id = ?1 AND question_id = ?2"
        ))?
        .query_row(params![attempt_id, question_id], row_to_answer)
        .optional()?)
}

pub(crate) fn for_attempt(conn: &Connection, attempt_id: AttemptId) -> Result<Vec<AnswerRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM answers WHERE attempt_id = ?1"
    ))?;
    let rows = stmt
        .query_map([attempt_id], row_to_answer)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(crate) fn set_score(
    conn: &Connection,
    attempt_id: AttemptId,
    question_id: &str,
    score: f64,
    max_score: f64,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE answers SET score = ?3, max_score = ?4 WHERE attempt_id = ?1 AND question_id = ?2",
    )?
    .execute(params![attempt_id, question_id, score, max_score])?;
    Ok(())
}

/// The graded answers of a learner to one question, summed over attempts, for mastery.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GradedAnswer {
    pub module_id: String,
    pub question_id: String,
    /// Sum of the scores.
    pub score: f64,
    /// Sum of the maxima.
    pub max_score: f64,
    /// How many graded answers were summed.
    pub count: u32,
}

fn row_to_graded(row: &Row<'_>) -> rusqlite::Result<GradedAnswer> {
    Ok(GradedAnswer {
        module_id: row.get(0)?,
        question_id: row.get(1)?,
        score: row.get(2)?,
        max_score: row.get(3)?,
        count: row.get(4)?,
    })
}

/// Every graded answer of a learner in a course, summed per module and
/// question: read from `question_totals`, which a trigger keeps as attempts
/// are graded, so the cost does not grow with the number of attempts.
pub(crate) fn graded_for_learner(
    conn: &Connection,
    profile_id: ProfileId,
    course_id: &str,
) -> Result<Vec<GradedAnswer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT module_id, question_id, score, max_score, answers
         FROM question_totals WHERE profile_id = ?1 AND course_id = ?2",
    )?;
    let rows = stmt
        .query_map(params![profile_id, course_id], row_to_graded)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The score of one graded answer, for exports.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AnswerScore {
    pub attempt_id: AttemptId,
    pub question_id: String,
    pub score: f64,
    pub max_score: f64,
}

fn row_to_score(row: &Row<'_>) -> rusqlite::Result<AnswerScore> {
    Ok(AnswerScore {
        attempt_id: row.get(0)?,
        question_id: row.get(1)?,
        score: row.get(2)?,
        max_score: row.get(3)?,
    })
}

/// The scored answers of every graded attempt of a learner in a course, by attempt id.
pub(crate) fn scores_for_learner(
    conn: &Connection,
    profile_id: ProfileId,
    course_id: &str,
) -> Result<Vec<AnswerScore>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.attempt_id, a.question_id, a.score, a.max_score
         FROM attempts t JOIN answers a ON a.attempt_id = t.id
         WHERE t.profile_id = ?1 AND t.course_id = ?2 AND t.state = 'graded'
             AND a.score IS NOT NULL AND a.max_score IS NOT NULL
         ORDER BY a.attempt_id",
    )?;
    let rows = stmt
        .query_map(params![profile_id, course_id], row_to_score)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
