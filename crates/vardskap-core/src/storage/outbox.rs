//! SQL for the xAPI outbox: statements waiting for the LRS, sent, or set
//! aside. A statement is inserted in the same transaction as the event it
//! records; its body is never rewritten.

use rusqlite::{Connection, Row, params};

use super::Timestamp;
use crate::Result;
use crate::progress::ProfileId;

/// A statement to insert, already serialized.
pub(crate) struct NewStatement<'a> {
    pub membership_id: i64,
    pub statement_id: &'a str,
    pub verb: &'a str,
    pub activity: &'a str,
    pub body: &'a str,
}

pub(crate) fn insert(conn: &Connection, s: &NewStatement<'_>, now: Timestamp) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO outbox (membership_id, statement_id, verb, activity, body, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        s.membership_id,
        s.statement_id,
        s.verb,
        s.activity,
        s.body,
        now
    ])?;
    Ok(())
}

/// One statement row, for sending or for the learner's list.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OutboxRow {
    pub id: i64,
    pub membership_id: i64,
    pub statement_id: String,
    pub verb: String,
    pub activity: String,
    pub body: String,
    pub created_at: Timestamp,
    pub state: String,
    pub problem: Option<String>,
}

const COLUMNS: &str =
    "id, membership_id, statement_id, verb, activity, body, created_at, state, problem";

fn row_to_statement(row: &Row<'_>) -> rusqlite::Result<OutboxRow> {
    Ok(OutboxRow {
        id: row.get(0)?,
        membership_id: row.get(1)?,
        statement_id: row.get(2)?,
        verb: row.get(3)?,
        activity: row.get(4)?,
        body: row.get(5)?,
        created_at: row.get(6)?,
        state: row.get(7)?,
        problem: row.get(8)?,
    })
}

/// The oldest `limit` waiting statements of a membership.
pub(crate) fn waiting(conn: &Connection, membership: i64, limit: usize) -> Result<Vec<OutboxRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM outbox WHERE membership_id = ?1 AND state = 'waiting'
         ORDER BY id LIMIT ?2"
    ))?;
    let rows = stmt
        .query_map(
            params![membership, i64::try_from(limit).unwrap_or(i64::MAX)],
            row_to_statement,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The memberships (ids) that have statements waiting and may send (not
/// refused), oldest waiting first, those that failed last time after the
/// rest (so one class's LRS being down does not hold up another's).
pub(crate) fn memberships_waiting(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.membership_id FROM outbox o JOIN class_memberships m ON m.id = o.membership_id
         WHERE o.state = 'waiting' AND (m.problem IS NULL OR m.problem <> 'refused')
         GROUP BY o.membership_id ORDER BY m.problem IS NOT NULL, MIN(o.id)",
    )?;
    let rows = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Marks statement rows sent (only those still waiting: a row is never
/// sent twice in the store's eyes).
pub(crate) fn mark_sent(conn: &Connection, id: i64, now: Timestamp) -> Result<()> {
    conn.prepare_cached(
        "UPDATE outbox SET state = 'sent', sent_at = ?2 WHERE id = ?1 AND state = 'waiting'",
    )?
    .execute(params![id, now])?;
    Ok(())
}

/// Sets a statement aside (`state`: conflict or quarantined) with the LRS's reason.
pub(crate) fn set_aside(conn: &Connection, id: i64, state: &str, problem: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE outbox SET state = ?2, problem = ?3 WHERE id = ?1 AND state = 'waiting'",
    )?
    .execute(params![id, state, problem])?;
    Ok(())
}

/// Counts of a membership's statements per state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    pub waiting: u64,
    pub sent: u64,
    pub set_aside: u64,
    /// When the oldest waiting statement was made.
    pub oldest_waiting: Option<Timestamp>,
}

pub(crate) fn counts(conn: &Connection, membership: i64) -> Result<Counts> {
    let mut stmt = conn.prepare_cached(
        "SELECT state, COUNT(*), MIN(created_at) FROM outbox WHERE membership_id = ?1 GROUP BY state",
    )?;
    let mut counts = Counts::default();
    let rows = stmt.query_map([membership], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, Timestamp>(2)?,
        ))
    })?;
    for row in rows {
        let (state, n, oldest) = row?;
        let n = u64::try_from(n).unwrap_or(0);
        match state.as_str() {
            "waiting" => {
                counts.waiting = n;
                counts.oldest_waiting = Some(oldest);
            }
            "sent" => counts.sent = n,
            _ => counts.set_aside += n,
        }
    }
    Ok(counts)
}

/// A learner's statements that are not sent (waiting or set aside), oldest
/// first, at most `limit`.
pub(crate) fn unsent_for_profile(
    conn: &Connection,
    profile: ProfileId,
    limit: usize,
) -> Result<Vec<OutboxRow>> {
    let cols = COLUMNS
        .split(", ")
        .map(|c| format!("o.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {cols} FROM outbox o JOIN class_memberships m ON m.id = o.membership_id
         WHERE m.profile_id = ?1 AND o.state <> 'sent' ORDER BY o.id LIMIT ?2"
    ))?;
    let rows = stmt
        .query_map(
            params![profile, i64::try_from(limit).unwrap_or(i64::MAX)],
            row_to_statement,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Every statement of a membership in id order (tests and the CLI's export).
#[cfg(test)]
pub(crate) fn all(conn: &Connection, membership: i64) -> Result<Vec<OutboxRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM outbox WHERE membership_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt
        .query_map([membership], row_to_statement)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
