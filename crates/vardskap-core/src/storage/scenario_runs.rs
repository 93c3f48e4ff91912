//! SQL for scenario runs: the choice ids a learner made, in order, with the
//! points, ending and critical flag they led to (kept for quick queries).

use crate::progress::{ProfileId, ScenarioRunId};
use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Timestamp;
use crate::Result;
use crate::content::EndingKind;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ScenarioRunRow {
    pub id: ScenarioRunId,
    pub profile_id: ProfileId,
    pub course_id: String,
    pub module_id: String,
    pub scenario_id: String,
    pub path: Vec<String>,
    pub points: BTreeMap<String, f64>,
    pub ending: Option<EndingKind>,
    pub critical: bool,
    pub started_at: Timestamp,
    pub finished_at: Option<Timestamp>,
}

const COLUMNS: &str = "id, profile_id, course_id, module_id, scenario_id, path, points, ending, critical, started_at, finished_at";

fn json_column<T: serde::de::DeserializeOwned>(row: &Row<'_>, idx: usize) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn row_to_run(row: &Row<'_>) -> rusqlite::Result<ScenarioRunRow> {
    let ending: Option<String> = row.get(7)?;
    Ok(ScenarioRunRow {
        id: row.get(0)?,
        profile_id: row.get(1)?,
        course_id: row.get(2)?,
        module_id: row.get(3)?,
        scenario_id: row.get(4)?,
        path: json_column(row, 5)?,
        points: json_column(row, 6)?,
        ending: match ending {
            Some(e) => Some(
                serde_json::from_value(serde_json::Value::String(e)).map_err(|err| {
                    rusqlite::Error::FromSqlConversionFailure(
                        7,
                        rusqlite::types::Type::Text,
                        Box::new(err),
                    )
                })?,
            ),
            None => None,
        },
        critical: row.get(8)?,
        started_at: row.get(9)?,
        finished_at: row.get(10)?,
    })
}

fn ending_text(ending: Option<EndingKind>) -> Option<&'static str> {
    ending.map(|e| match e {
        EndingKind::Good => "good",
        EndingKind::Mixed => "mixed",
        EndingKind::Poor => "poor",
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|e| crate::Error::Invalid(format!("could not store a scenario run: {e}")))
}

pub(crate) fn insert(
    conn: &Connection,
    profile_id: ProfileId,
    course_id: &str,
    module_id: &str,
    scenario_id: &str,
    now: Timestamp,
) -> Result<ScenarioRunId> {
    conn.prepare_cached(
        "INSERT INTO scenario_runs (profile_id, course_id, module_id, scenario_id, path, points, started_at)
         VALUES (?1, ?2, ?3, ?4, '[]', '{}', ?5)",
    )?
    .execute(params![profile_id, course_id, module_id, scenario_id, now])?;
    Ok(ScenarioRunId(conn.last_insert_rowid()))
}

/// Stores the run's progress; `finished_at` is set when `ending` is.
pub(crate) fn update(
    conn: &Connection,
    id: ScenarioRunId,
    path: &[String],
    points: &BTreeMap<String, f64>,
    ending: Option<EndingKind>,
    critical: bool,
    now: Timestamp,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE scenario_runs SET path = ?2, points = ?3, ending = ?4, critical = ?5,
             finished_at = CASE WHEN ?4 IS NULL THEN NULL ELSE ?6 END
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        to_json(&path)?,
        to_json(points)?,
        ending_text(ending),
        critical,
        now
    ])?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: ScenarioRunId) -> Result<Option<ScenarioRunRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM scenario_runs WHERE id = ?1"
        ))?
        .query_row([id], row_to_run)
        .optional()?)
}

/// The learner's unfinished run of a scenario, if any.
pub(crate) fn unfinished(
    conn: &Connection,
    profile_id: ProfileId,
    course_id: &str,
    module_id: &str,
    scenario_id: &str,
) -> Result<Option<ScenarioRunRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM scenario_runs
             WHERE profile_id = ?1 AND course_id = ?2 AND module_id = ?3 AND scenario_id = ?4 AND ending IS NULL
             ORDER BY id DESC LIMIT 1"
        ))?
        .query_row(params![profile_id, course_id, module_id, scenario_id], row_to_run)
        .optional()?)
}

/// Every run of a learner in a course, oldest first.
pub(crate) fn for_learner(
    conn: &Connection,
    profile_id: ProfileId,
    course_id: &str,
) -> Result<Vec<ScenarioRunRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM scenario_runs WHERE profile_id = ?1 AND course_id = ?2 ORDER BY id"
    ))?;
    let rows = stmt
        .query_map(params![profile_id, course_id], row_to_run)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
