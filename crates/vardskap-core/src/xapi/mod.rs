//! Results beyond one laptop: a learner joins an instructor's class with an
//! invitation file, and from then on every event of theirs in the class's
//! course writes an xAPI 1.0.3 statement to the outbox, in the event's own
//! transaction. The sync (crate `vardskap-sync`) sends the outbox to the
//! class's Learning Record Store; this module owns what is sent and its
//! bookkeeping, and no network.

pub mod invitation;
pub mod statement;

use serde::Serialize;

use crate::content::Course;
use crate::progress::ProfileId;
use crate::storage::{Store, Timestamp, classes, outbox};
use crate::{Error, Result};

pub use invitation::{ClassInvitation, ClassInvitationView, MAX_INVITATION_BYTES};
pub use statement::Event;

/// The most statements of one profile listed for the learner at once.
pub const MAX_LISTED: usize = 500;

/// How the learner is named in what is sent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum ActorName {
    /// The profile's name.
    ProfileName,
    /// A name the learner chose for this class.
    Pseudonym { name: String },
}

/// The longest display name or pseudonym (characters).
pub const MAX_ACTOR_NAME_CHARS: usize = 80;

/// Why sending stopped or waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SyncProblem {
    /// The LRS refused the class's credential (401/403): nothing is sent
    /// until the learner tries again or joins with a new invitation.
    Refused,
    /// The LRS could not be reached or failed (offline, 5xx, timeout): the
    /// sync tries again by itself.
    Unreachable,
}

impl SyncProblem {
    fn as_db(self) -> &'static str {
        match self {
            SyncProblem::Refused => "refused",
            SyncProblem::Unreachable => "unreachable",
        }
    }

    fn from_db(s: &str) -> Option<SyncProblem> {
        match s {
            "refused" => Some(SyncProblem::Refused),
            "unreachable" => Some(SyncProblem::Unreachable),
            _ => None,
        }
    }
}

/// A learner's class and how sending to it goes: what the header shows.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClassStatus {
    pub course_id: String,
    pub class_id: String,
    pub class_name: String,
    /// Where the statements go (the LRS's address, without credential).
    pub endpoint: String,
    /// The name the statements carry.
    pub actor_name: String,
    pub joined_at: Timestamp,
    #[ts(type = "number")]
    pub waiting: u64,
    #[ts(type = "number")]
    pub sent: u64,
    /// Statements the LRS refused alone (a conflict or a malformed one).
    #[ts(type = "number")]
    pub set_aside: u64,
    pub oldest_waiting_at: Option<Timestamp>,
    pub last_sent_at: Option<Timestamp>,
    /// First failed try since the last success ("offline since").
    pub failing_since: Option<Timestamp>,
    pub problem: Option<SyncProblem>,
}

/// One statement of the learner's that is not sent, as listed for them.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UnsentStatement {
    pub statement_id: String,
    pub verb: String,
    pub activity: String,
    pub created_at: Timestamp,
    /// Waiting, or set aside by the LRS with its reason.
    pub set_aside: Option<String>,
    /// The statement as it will be sent.
    pub body: String,
}

/// A batch for the sync: one membership's oldest waiting statements.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxBatch {
    pub membership: i64,
    pub endpoint: String,
    pub username: String,
    pub password: String,
    /// Outbox row and the statement's JSON, byte for byte as stored.
    pub items: Vec<(i64, String)>,
}

/// What the LRS did with one statement of a batch.
#[derive(Debug, Clone, PartialEq)]
pub enum Delivery {
    Sent,
    /// Another statement with this id is stored (409).
    Conflict(String),
    /// The LRS refused this statement alone (400, 422 …).
    Quarantined(String),
}

/// Writes `event`'s statements to the outbox when `profile` is in a class
/// of `course`; nothing otherwise. Called inside the event's transaction.
pub(crate) fn record(
    tx: &rusqlite::Connection,
    course: &Course,
    profile: ProfileId,
    event: &Event<'_>,
    lang: &str,
    now: Timestamp,
) -> Result<bool> {
    let Some(member) = classes::for_course(tx, profile, &course.id)? else {
        return Ok(false);
    };
    let account = classes::profile_uuid(tx, profile)?;
    let who = statement::Who {
        account: &account,
        home_page: &member.home_page,
        name: &member.actor_name,
        class_id: &member.class_id,
        class_name: &member.class_name,
        registration: &member.registration,
    };
    let made = statement::statements(
        course,
        &who,
        event,
        lang,
        &statement::timestamp(now),
        || uuid::Uuid::new_v4().to_string(),
    );
    for s in &made {
        outbox::insert(
            tx,
            &outbox::NewStatement {
                membership_id: member.id,
                statement_id: &s.id,
                verb: s.verb,
                activity: &s.activity,
                body: &s.body,
            },
            now,
        )?;
    }
    Ok(!made.is_empty())
}

/// Whether `profile`'s class in `course` already has the certificate statement.
pub(crate) fn certificate_recorded(
    tx: &rusqlite::Connection,
    profile: ProfileId,
    course: &str,
) -> Result<bool> {
    let Some(member) = classes::for_course(tx, profile, course)? else {
        return Ok(true);
    };
    Ok(tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM outbox WHERE membership_id = ?1 AND verb = ?2)",
        )?
        .query_row(
            rusqlite::params![member.id, statement::verbs::EARNED.1],
            |r| r.get(0),
        )?)
}

fn status_of(conn: &rusqlite::Connection, m: &classes::MembershipRow) -> Result<ClassStatus> {
    let counts = outbox::counts(conn, m.id)?;
    Ok(ClassStatus {
        course_id: m.course_id.clone(),
        class_id: m.class_id.clone(),
        class_name: m.class_name.clone(),
        endpoint: m.endpoint.clone(),
        actor_name: m.actor_name.clone(),
        joined_at: m.joined_at,
        waiting: counts.waiting,
        sent: counts.sent,
        set_aside: counts.set_aside,
        oldest_waiting_at: counts.oldest_waiting,
        last_sent_at: m.last_sent_at,
        failing_since: m.failing_since,
        problem: m.problem.as_deref().and_then(SyncProblem::from_db),
    })
}

impl Store {
    /// Joins `profile` to the invitation's class under the name they chose,
    /// replacing an earlier class in the same course. The course must be
    /// installed.
    pub fn join_class(
        &mut self,
        profile: ProfileId,
        invitation: &ClassInvitation,
        name: &ActorName,
    ) -> Result<ClassStatus> {
        let learner = self.profile(profile)?;
        self.course(&invitation.course.id)
            .map_err(|_| Error::ClassCourseNotInstalled {
                course: invitation.course.id.clone(),
            })?;
        let actor_name = match name {
            ActorName::ProfileName => learner.name.clone(),
            ActorName::Pseudonym { name } => {
                let name = name.trim();
                if name.is_empty() || name.chars().count() > MAX_ACTOR_NAME_CHARS {
                    return Err(Error::PseudonymInvalid {
                        max: MAX_ACTOR_NAME_CHARS,
                    });
                }
                name.to_string()
            }
        };
        let now = self.now();
        let registration = uuid::Uuid::new_v4().to_string();
        let home_page = invitation.home_page();
        self.transact(|tx| {
            classes::profile_uuid(tx, profile)?;
            let id = classes::replace(
                tx,
                &classes::NewMembership {
                    profile_id: profile,
                    class_id: &invitation.class.id,
                    class_name: &invitation.class.name,
                    course_id: &invitation.course.id,
                    course_version: &invitation.course.version,
                    endpoint: &invitation.lrs.endpoint,
                    username: &invitation.lrs.username,
                    password: &invitation.lrs.password,
                    home_page: &home_page,
                    actor_name: &actor_name,
                    registration: &registration,
                },
                now,
            )?;
            let row = classes::get(tx, id)?.ok_or(Error::NotInClass)?;
            status_of(tx, &row)
        })
    }

    /// Leaves the class of `course`: nothing more is sent, and what still
    /// waited is deleted with the membership.
    pub fn leave_class(&mut self, profile: ProfileId, course: &str) -> Result<()> {
        self.transact(|tx| {
            let member = classes::for_course(tx, profile, course)?.ok_or(Error::NotInClass)?;
            classes::delete(tx, member.id)?;
            Ok(())
        })
    }

    /// The learner's classes and how sending goes, one per course.
    pub fn class_status(&self, profile: ProfileId) -> Result<Vec<ClassStatus>> {
        classes::for_profile(&self.conn, profile)?
            .iter()
            .map(|m| status_of(&self.conn, m))
            .collect()
    }

    /// The learner's statements not sent yet (waiting or set aside), oldest
    /// first, at most [`MAX_LISTED`].
    pub fn unsent_statements(&self, profile: ProfileId) -> Result<Vec<UnsentStatement>> {
        Ok(outbox::unsent_for_profile(&self.conn, profile, MAX_LISTED)?
            .into_iter()
            .map(|row| UnsentStatement {
                statement_id: row.statement_id,
                verb: row.verb,
                activity: row.activity,
                created_at: row.created_at,
                set_aside: (row.state != "waiting")
                    .then(|| row.problem.unwrap_or_else(|| row.state.clone())),
                body: row.body,
            })
            .collect())
    }

    /// "Send now": a class whose credential was refused is tried again.
    pub fn retry_refused(&mut self, profile: ProfileId) -> Result<()> {
        self.transact(|tx| classes::clear_refused(tx, profile))
    }

    /// Records that a lesson was read, when the learner is in a class.
    pub fn record_lesson_read(
        &mut self,
        profile: ProfileId,
        course_id: &str,
        module_id: &str,
        lesson_id: &str,
        lang: &str,
    ) -> Result<()> {
        let course = self.cached_course(course_id)?;
        let module = crate::progress::find_module(&course, module_id)?;
        let lesson = module
            .lessons
            .iter()
            .find(|l| l.id == lesson_id)
            .ok_or_else(|| Error::NotFound {
                what: "lesson",
                id: lesson_id.to_string(),
            })?;
        let now = self.now();
        let added = self.transact(|tx| {
            record(
                tx,
                &course,
                profile,
                &Event::LessonRead { module, lesson },
                lang,
                now,
            )
        })?;
        if added {
            self.note_outbox_added();
        }
        Ok(())
    }

    // The sync's side.

    /// The oldest waiting statements (at most `max`) of the membership whose
    /// oldest statement waits longest, skipping classes whose credential was
    /// refused and `skip` (memberships that failed in this round).
    pub fn outbox_next_batch(&self, max: usize, skip: &[i64]) -> Result<Option<OutboxBatch>> {
        for membership in outbox::memberships_waiting(&self.conn)? {
            if skip.contains(&membership) {
                continue;
            }
            let Some(m) = classes::get(&self.conn, membership)? else {
                continue;
            };
            let items = outbox::waiting(&self.conn, membership, max.max(1))?
                .into_iter()
                .map(|row| (row.id, row.body))
                .collect();
            return Ok(Some(OutboxBatch {
                membership,
                endpoint: m.endpoint,
                username: m.username,
                password: m.password,
                items,
            }));
        }
        Ok(None)
    }

    /// Records what the LRS did with each statement of a batch.
    pub fn outbox_delivered(&mut self, membership: i64, done: &[(i64, Delivery)]) -> Result<()> {
        let now = self.now();
        self.transact(|tx| {
            let mut any_sent = false;
            for (row, delivery) in done {
                match delivery {
                    Delivery::Sent => {
                        outbox::mark_sent(tx, *row, now)?;
                        any_sent = true;
                    }
                    Delivery::Conflict(why) => outbox::set_aside(tx, *row, "conflict", why)?,
                    Delivery::Quarantined(why) => {
                        outbox::set_aside(tx, *row, "quarantined", why)?;
                    }
                }
            }
            if any_sent || !done.is_empty() {
                classes::mark_sent(tx, membership, now)?;
            }
            Ok(())
        })
    }

    /// Records that sending a membership's batch failed as a whole.
    pub fn outbox_failed(
        &mut self,
        membership: i64,
        problem: SyncProblem,
        detail: &str,
    ) -> Result<()> {
        let now = self.now();
        let detail: String = detail.chars().take(500).collect();
        self.transact(|tx| classes::mark_problem(tx, membership, problem.as_db(), &detail, now))
    }

    /// Whether statements were added since the last call (the shell wakes
    /// the sync then).
    pub fn take_outbox_added(&self) -> bool {
        self.outbox_added.replace(false)
    }

    pub(crate) fn note_outbox_added(&self) {
        self.outbox_added.set(true);
    }

    /// Statements waiting in the whole data folder (the CLI's sync reports it).
    pub fn outbox_waiting_total(&self) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM outbox WHERE state = 'waiting'",
            [],
            |r| r.get(0),
        )?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}

#[cfg(test)]
mod examples;
#[cfg(test)]
mod tests;
