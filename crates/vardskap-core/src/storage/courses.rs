//! SQL for installed courses: one row per course id holding the validated
//! course model as JSON, so the app runs a course without its folder.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Timestamp;
use crate::content::Course;
use crate::error::OrNotFound;
use crate::{Error, Result};

/// An installed course as stored, without its model.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CourseRow {
    pub id: String,
    pub version: String,
    pub installed_at: Timestamp,
    pub updated_at: Timestamp,
}

fn row_to_course(row: &Row<'_>) -> rusqlite::Result<CourseRow> {
    Ok(CourseRow {
        id: row.get(0)?,
        version: row.get(1)?,
        installed_at: row.get(2)?,
        updated_at: row.get(3)?,
    })
}

/// Inserts the course or replaces the model of an installed one with the same
/// id; `installed_at` of the first install is kept.
pub(crate) fn upsert(conn: &Connection, course: &Course, now: Timestamp) -> Result<()> {
    let model = serde_json::to_string(course)
        .map_err(|e| Error::Invalid(format!("The course could not be stored: {e}")))?;
    conn.prepare_cached(
        "INSERT INTO courses (id, version, model, installed_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version, model = excluded.model,
             updated_at = excluded.updated_at",
    )?
    .execute(params![course.id, course.version, model, now])?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<Option<CourseRow>> {
    Ok(conn
        .prepare_cached("SELECT id, version, installed_at, updated_at FROM courses WHERE id = ?1")?
        .query_row([id], row_to_course)
        .optional()?)
}

pub(crate) fn list(conn: &Connection) -> Result<Vec<CourseRow>> {
    let mut stmt = conn
        .prepare_cached("SELECT id, version, installed_at, updated_at FROM courses ORDER BY id")?;
    let rows = stmt
        .query_map([], row_to_course)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The stored course model of `id`.
pub(crate) fn load_model(conn: &Connection, id: &str) -> Result<Course> {
    let json: String = conn
        .prepare_cached("SELECT model FROM courses WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .or_not_found("course", id)?;
    serde_json::from_str(&json).map_err(|e| {
        Error::Invalid(format!(
            "The installed course \"{id}\" could not be read ({e}). Install the course again."
        ))
    })
}
