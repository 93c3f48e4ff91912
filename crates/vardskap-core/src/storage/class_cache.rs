//! SQL for what a class view caches per class: statements pulled from the
//! class's LRS, attempts and role-play runs imported from results files, and
//! the learners the instructor removed.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Timestamp;
use crate::Result;

/// A pulled statement to cache.
pub(crate) struct NewStatement<'a> {
    pub statement_id: &'a str,
    pub learner: &'a str,
    pub actor_name: &'a str,
    pub timestamp: Timestamp,
    pub fact: Option<&'a str>,
    pub body: &'a str,
}

/// Caches a statement, its body apart; false when one with its id is
/// cached already.
pub(crate) fn insert_statement(
    conn: &Connection,
    class: i64,
    new: &NewStatement<'_>,
) -> Result<bool> {
    let added =
        conn.prepare_cached(
            "INSERT OR IGNORE INTO class_statements
                 (class_id, statement_id, learner, actor_name, timestamp, fact)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            class,
            new.statement_id,
            new.learner,
            new.actor_name,
            new.timestamp,
            new.fact
        ])? > 0;
    if added {
        conn.prepare_cached(
            "INSERT INTO class_statement_bodies (statement, body) VALUES (?1, ?2)",
        )?
        .execute(params![conn.last_insert_rowid(), new.body])?;
    }
    Ok(added)
}

/// A cached statement the class view reads: its learner, name, time and fact.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FactRow {
    pub learner: String,
    pub actor_name: String,
    pub timestamp: Timestamp,
    pub fact: String,
}

/// The class's statements that say something to the class view, by
/// learner and then in the order they were cached (the index's order, so
/// nothing is sorted; their bodies are not read).
pub(crate) fn facts(conn: &Connection, class: i64) -> Result<Vec<FactRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT learner, actor_name, timestamp, fact FROM class_statements
         WHERE class_id = ?1 AND fact IS NOT NULL ORDER BY learner, id",
    )?;
    let rows = stmt
        .query_map([class], |r| {
            Ok(FactRow {
                learner: r.get(0)?,
                actor_name: r.get(1)?,
                timestamp: r.get(2)?,
                fact: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The learners removed from the class.
pub(crate) fn removed(conn: &Connection, class: i64) -> Result<HashSet<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT learner FROM class_removed_learners WHERE class_id = ?1")?;
    let rows = stmt
        .query_map([class], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(crate) fn is_removed(conn: &Connection, class: i64, learner: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM class_removed_learners
                 WHERE class_id = ?1 AND learner = ?2)",
        )?
        .query_row(params![class, learner], |r| r.get(0))?)
}

/// Deletes what is cached of `learner` and keeps them out from now on.
pub(crate) fn remove_learner(
    conn: &Connection,
    class: i64,
    learner: &str,
    now: Timestamp,
) -> Result<()> {
    for table in ["class_statements", "class_file_attempts", "class_file_runs"] {
        conn.prepare_cached(&format!(
            "DELETE FROM {table} WHERE class_id = ?1 AND learner = ?2"
        ))?
        .execute(params![class, learner])?;
    }
    conn.prepare_cached(
        "INSERT OR IGNORE INTO class_removed_learners (class_id, learner, removed_at)
         VALUES (?1, ?2, ?3)",
    )?
    .execute(params![class, learner, now])?;
    Ok(())
}

/// What storing an imported attempt or run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Upsert {
    Added,
    /// A newer file's version replaced an older one's.
    Updated,
    /// The same or an older file's version: kept as it was.
    Unchanged,
}

/// An attempt of an imported results file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FileAttemptRow {
    pub learner: String,
    pub module_id: String,
    pub attempt_id: i64,
    pub course_version: String,
    pub submitted_at: Timestamp,
    pub score: f64,
    pub max_score: f64,
    pub passed: bool,
    pub grade: Option<String>,
    /// `[{id, score, max}]`, JSON.
    pub questions: String,
    pub generated_at: Timestamp,
}

fn row_to_attempt(row: &Row<'_>) -> rusqlite::Result<FileAttemptRow> {
    Ok(FileAttemptRow {
        learner: row.get(0)?,
        module_id: row.get(1)?,
        attempt_id: row.get(2)?,
        course_version: row.get(3)?,
        submitted_at: row.get(4)?,
        score: row.get(5)?,
        max_score: row.get(6)?,
        passed: row.get(7)?,
        grade: row.get(8)?,
        questions: row.get(9)?,
        generated_at: row.get(10)?,
    })
}

/// Stores an imported attempt; an attempt already stored is replaced only
/// by one from a newer file.
pub(crate) fn upsert_file_attempt(
    conn: &Connection,
    class: i64,
    a: &FileAttemptRow,
) -> Result<Upsert> {
    let existing: Option<Timestamp> = conn
        .prepare_cached(
            "SELECT generated_at FROM class_file_attempts
             WHERE class_id = ?1 AND learner = ?2 AND module_id = ?3 AND attempt_id = ?4",
        )?
        .query_row(params![class, a.learner, a.module_id, a.attempt_id], |r| {
            r.get(0)
        })
        .optional()?;
    let outcome = match existing {
        None => Upsert::Added,
        Some(older) if a.generated_at > older => Upsert::Updated,
        Some(_) => return Ok(Upsert::Unchanged),
    };
    conn.prepare_cached(
        "INSERT INTO class_file_attempts (class_id, learner, module_id, attempt_id,
             course_version, submitted_at, score, max_score, passed, grade, questions, generated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (class_id, learner, module_id, attempt_id) DO UPDATE SET
             course_version = excluded.course_version, submitted_at = excluded.submitted_at,
             score = excluded.score, max_score = excluded.max_score, passed = excluded.passed,
             grade = excluded.grade, questions = excluded.questions,
             generated_at = excluded.generated_at",
    )?
    .execute(params![
        class,
        a.learner,
        a.module_id,
        a.attempt_id,
        a.course_version,
        a.submitted_at,
        a.score,
        a.max_score,
        a.passed,
        a.grade,
        a.questions,
        a.generated_at
    ])?;
    Ok(outcome)
}

/// The class's imported attempts, by learner, then in the order stored.
pub(crate) fn file_attempts(conn: &Connection, class: i64) -> Result<Vec<FileAttemptRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT learner, module_id, attempt_id, course_version, submitted_at, score, max_score,
             passed, grade, questions, generated_at
         FROM class_file_attempts WHERE class_id = ?1 ORDER BY learner, id",
    )?;
    let rows = stmt
        .query_map([class], row_to_attempt)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A finished role-play run of an imported results file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FileRunRow {
    pub learner: String,
    pub run_id: i64,
    pub module_id: String,
    pub scenario_id: String,
    /// good, mixed or poor.
    pub ending: String,
    /// Competency id → points, JSON.
    pub points: String,
    pub critical: bool,
    pub passed: bool,
    pub finished_at: Timestamp,
    pub generated_at: Timestamp,
}

/// Stores an imported run; one already stored is replaced only by one from
/// a newer file.
pub(crate) fn upsert_file_run(conn: &Connection, class: i64, r: &FileRunRow) -> Result<Upsert> {
    let existing: Option<Timestamp> = conn
        .prepare_cached(
            "SELECT generated_at FROM class_file_runs
             WHERE class_id = ?1 AND learner = ?2 AND run_id = ?3",
        )?
        .query_row(params![class, r.learner, r.run_id], |row| row.get(0))
        .optional()?;
    let outcome = match existing {
        None => Upsert::Added,
        Some(older) if r.generated_at > older => Upsert::Updated,
        Some(_) => return Ok(Upsert::Unchanged),
    };
    conn.prepare_cached(
        "INSERT INTO class_file_runs (class_id, learner, run_id, module_id, scenario_id, ending,
             points, critical, passed, finished_at, generated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (class_id, learner, run_id) DO UPDATE SET
             module_id = excluded.module_id, scenario_id = excluded.scenario_id,
             ending = excluded.ending, points = excluded.points, critical = excluded.critical,
             passed = excluded.passed, finished_at = excluded.finished_at,
             generated_at = excluded.generated_at",
    )?
    .execute(params![
        class,
        r.learner,
        r.run_id,
        r.module_id,
        r.scenario_id,
        r.ending,
        r.points,
        r.critical,
        r.passed,
        r.finished_at,
        r.generated_at
    ])?;
    Ok(outcome)
}

/// The class's imported runs, by learner, then in the order stored.
pub(crate) fn file_runs(conn: &Connection, class: i64) -> Result<Vec<FileRunRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT learner, run_id, module_id, scenario_id, ending, points, critical, passed,
             finished_at, generated_at
         FROM class_file_runs WHERE class_id = ?1 ORDER BY learner, id",
    )?;
    let rows = stmt
        .query_map([class], |r| {
            Ok(FileRunRow {
                learner: r.get(0)?,
                run_id: r.get(1)?,
                module_id: r.get(2)?,
                scenario_id: r.get(3)?,
                ending: r.get(4)?,
                points: r.get(5)?,
                critical: r.get(6)?,
                passed: r.get(7)?,
                finished_at: r.get(8)?,
                generated_at: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
