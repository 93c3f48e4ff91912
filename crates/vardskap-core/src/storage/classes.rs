//! SQL for class memberships: which class a learner joined in a course, where
//! its statements go, under which name, and how sending last went.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Timestamp;
use crate::Result;
use crate::progress::ProfileId;

/// A learner's membership of a class (one per learner and course).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MembershipRow {
    pub id: i64,
    pub profile_id: ProfileId,
    pub class_id: String,
    pub class_name: String,
    pub course_id: String,
    pub course_version: String,
    pub endpoint: String,
    pub username: String,
    pub password: String,
    pub home_page: String,
    pub actor_name: String,
    pub registration: String,
    pub joined_at: Timestamp,
    pub last_sent_at: Option<Timestamp>,
    pub failing_since: Option<Timestamp>,
    pub problem: Option<String>,
    pub problem_detail: Option<String>,
}

const COLUMNS: &str = "id, profile_id, class_id, class_name, course_id, course_version, endpoint, \
     username, password, home_page, actor_name, registration, joined_at, last_sent_at, \
     failing_since, problem, problem_detail";

fn row_to_membership(row: &Row<'_>) -> rusqlite::Result<MembershipRow> {
    Ok(MembershipRow {
        id: row.get(0)?,
        profile_id: row.get(1)?,
        class_id: row.get(2)?,
        class_name: row.get(3)?,
        course_id: row.get(4)?,
        course_version: row.get(5)?,
        endpoint: row.get(6)?,
        username: row.get(7)?,
        password: row.get(8)?,
        home_page: row.get(9)?,
        actor_name: row.get(10)?,
        registration: row.get(11)?,
        joined_at: row.get(12)?,
        last_sent_at: row.get(13)?,
        failing_since: row.get(14)?,
        problem: row.get(15)?,
        problem_detail: row.get(16)?,
    })
}

/// What joining writes; the rest starts empty.
pub(crate) struct NewMembership<'a> {
    pub profile_id: ProfileId,
    pub class_id: &'a str,
    pub class_name: &'a str,
    pub course_id: &'a str,
    pub course_version: &'a str,
    pub endpoint: &'a str,
    pub username: &'a str,
    pub password: &'a str,
    pub home_page: &'a str,
    pub actor_name: &'a str,
    pub registration: &'a str,
}

/// Joins (or re-joins: a new invitation for the same course replaces the
/// old membership, and with it what still waited for the old class).
pub(crate) fn replace(conn: &Connection, new: &NewMembership<'_>, now: Timestamp) -> Result<i64> {
    conn.prepare_cached("DELETE FROM class_memberships WHERE profile_id = ?1 AND course_id = ?2")?
        .execute(params![new.profile_id, new.course_id])?;
    conn.prepare_cached(
        "INSERT INTO class_memberships (profile_id, class_id, class_name, course_id, course_version,
             endpoint, username, password, home_page, actor_name, registration, joined_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        new.profile_id,
        new.class_id,
        new.class_name,
        new.course_id,
        new.course_version,
        new.endpoint,
        new.username,
        new.password,
        new.home_page,
        new.actor_name,
        new.registration,
        now
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The learner's membership in `course_id`'s class, if they joined one.
pub(crate) fn for_course(
    conn: &Connection,
    profile: ProfileId,
    course_id: &str,
) -> Result<Option<MembershipRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM class_memberships WHERE profile_id = ?1 AND course_id = ?2"
        ))?
        .query_row(params![profile, course_id], row_to_membership)
        .optional()?)
}

pub(crate) fn for_profile(conn: &Connection, profile: ProfileId) -> Result<Vec<MembershipRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM class_memberships WHERE profile_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt
        .query_map([profile], row_to_membership)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Option<MembershipRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM class_memberships WHERE id = ?1"
        ))?
        .query_row([id], row_to_membership)
        .optional()?)
}

/// Leaves a class: the membership and what still waits to be sent go.
pub(crate) fn delete(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("DELETE FROM class_memberships WHERE id = ?1")?
        .execute([id])?
        > 0)
}

/// The LRS took a batch: the membership is fine again.
pub(crate) fn mark_sent(conn: &Connection, id: i64, now: Timestamp) -> Result<()> {
    conn.prepare_cached(
        "UPDATE class_memberships SET last_sent_at = ?2, failing_since = NULL, problem = NULL,
             problem_detail = NULL WHERE id = ?1",
    )?
    .execute(params![id, now])?;
    Ok(())
}

/// Sending failed (`problem`: refused or unreachable); `failing_since` keeps
/// the first failure since the last success.
pub(crate) fn mark_problem(
    conn: &Connection,
    id: i64,
    problem: &str,
    detail: &str,
    now: Timestamp,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE class_memberships SET failing_since = COALESCE(failing_since, ?4), problem = ?2,
             problem_detail = ?3 WHERE id = ?1",
    )?
    .execute(params![id, problem, detail, now])?;
    Ok(())
}

/// "Send now": a refused credential is tried again.
pub(crate) fn clear_refused(conn: &Connection, profile: ProfileId) -> Result<()> {
    conn.prepare_cached(
        "UPDATE class_memberships SET problem = NULL, problem_detail = NULL
         WHERE profile_id = ?1 AND problem = 'refused'",
    )?
    .execute([profile])?;
    Ok(())
}

/// The profile's UUID (the actor's account name), made on first use.
pub(crate) fn profile_uuid(conn: &Connection, profile: ProfileId) -> Result<String> {
    let existing: Option<String> = conn
        .prepare_cached("SELECT uuid FROM profiles WHERE id = ?1")?
        .query_row([profile], |r| r.get(0))?;
    if let Some(uuid) = existing {
        return Ok(uuid);
    }
    let uuid = uuid::Uuid::new_v4().to_string();
    conn.prepare_cached("UPDATE profiles SET uuid = ?2 WHERE id = ?1")?
        .execute(params![profile, uuid])?;
    Ok(uuid)
}
