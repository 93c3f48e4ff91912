//! The instructor's classes, kept in the instructor's own data folder: making
//! one (its LRS, the instructor's read credential and the learners' write
//! credential), the invitation file learners import, what a pull needs and
//! what it brought, results files imported into a class, removing a learner,
//! and the records the class report is computed from.

use std::path::PathBuf;

use serde::Serialize;

use super::records::{ClassRecords, LearnerKey};
use super::results_files::{self, FILE_LEARNER, FileImport, ImportRefusal};
use super::statements::{self, Rejected, Roster};
use crate::content::Course;
use crate::error::OrNotFound;
use crate::storage::instructor_classes::{self, ClassRow, NewClassRow};
use crate::storage::{Store, Timestamp, class_cache};
use crate::xapi::invitation::{MAX_FIELD_CHARS, MAX_NAME_CHARS, checked_address, is_loopback};
use crate::xapi::statement::class_iri;
use crate::{Error, Result};

/// The key prefix of a learner known from the LRS (then the account name).
pub const LRS_LEARNER: &str = "lrs:";
/// The longest class id made from a name (an invitation allows 100).
const MAX_CLASS_ID_CHARS: usize = 60;
/// A pull error is kept to this many characters.
const MAX_ERROR_CHARS: usize = 500;

/// What the instructor gives to make a class.
#[derive(Clone, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewClass {
    pub name: String,
    /// An installed course.
    pub course_id: String,
    /// The LRS's xAPI base address (a `/` is added when it has none).
    pub endpoint: String,
    /// The instructor's credential, to read the class's statements.
    pub read_username: String,
    pub read_password: String,
    /// The learners' credential, which goes into the invitation: give it the
    /// right to write statements only.
    pub write_username: String,
    pub write_password: String,
    /// The learners' account homePage; None: the LRS's origin.
    #[serde(default)]
    pub home_page: Option<String>,
}

impl std::fmt::Debug for NewClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewClass")
            .field("name", &self.name)
            .field("course_id", &self.course_id)
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

/// A class as the instructor's screens see it: never a password.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InstructorClass {
    pub id: i64,
    /// The class's slug, the id of its xAPI activity.
    pub class_id: String,
    pub name: String,
    pub course_id: String,
    pub course_version: String,
    pub endpoint: String,
    pub home_page: Option<String>,
    pub created_at: Timestamp,
    /// When a pull last succeeded.
    pub last_pulled_at: Option<Timestamp>,
    /// Why the last pull failed; None after a success.
    pub last_pull_error: Option<String>,
    /// Learners the class view knows of (from the LRS and from files).
    #[ts(type = "number")]
    pub learners: u64,
}

/// What a pull needs: where, with which credential, and from when.
#[derive(Clone, PartialEq, Eq)]
pub struct PullTarget {
    /// The LRS's xAPI base address, ending with `/`.
    pub endpoint: String,
    pub username: String,
    pub password: String,
    /// The class's activity id: every statement of its learners has it in
    /// `context.contextActivities.grouping`, so GET `statements` with
    /// `activity=<this>&related_activities=true`.
    pub activity: String,
    /// The `since` to send (RFC 3339); None on the first pull.
    pub since: Option<String>,
}

impl std::fmt::Debug for PullTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PullTarget")
            .field("endpoint", &self.endpoint)
            .field("username", &self.username)
            .field("activity", &self.activity)
            .field("since", &self.since)
            .finish_non_exhaustive()
    }
}

/// What storing a pulled batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PullSummary {
    /// Statements cached for the first time.
    #[ts(type = "number")]
    pub new: u64,
    /// Statements cached already (same id).
    #[ts(type = "number")]
    pub duplicates: u64,
    /// Statements not cached: larger than 64 KiB, or not a statement of a
    /// learner (not JSON, no UUID id, no account actor, no timestamp).
    #[ts(type = "number")]
    pub refused: u64,
    /// Statements of learners the instructor removed, not cached.
    #[ts(type = "number")]
    pub removed: u64,
}

/// A class slug made from its name: "Värdskap HT26, grupp A" → "vardskap-ht26-grupp-a".
fn slug_of(name: &str) -> String {
    let slug = crate::content::layout::slugify(name);
    let mut slug: String = slug.chars().take(MAX_CLASS_ID_CHARS).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "class".to_string()
    } else {
        slug
    }
}

fn credential_ok(value: &str, username: bool) -> bool {
    !value.is_empty()
        && value.chars().count() <= MAX_FIELD_CHARS
        && !value.chars().any(char::is_control)
        && (!username || !value.contains(':'))
}

fn view(conn: &rusqlite::Connection, row: ClassRow) -> Result<InstructorClass> {
    Ok(InstructorClass {
        learners: instructor_classes::learner_count(conn, row.id)?,
        id: row.id,
        class_id: row.class_id,
        name: row.name,
        course_id: row.course_id,
        course_version: row.course_version,
        endpoint: row.endpoint,
        home_page: row.home_page,
        created_at: row.created_at,
        last_pulled_at: row.last_pulled_at,
        last_pull_error: row.last_pull_error,
    })
}

impl Store {
    fn class_row(&self, id: i64) -> Result<ClassRow> {
        instructor_classes::get(&self.conn, id)?.or_not_found("class", id)
    }

    /// Makes a class for an installed course. The name is trimmed; the
    /// class id is a slug of it, made unique among the instructor's classes.
    /// The addresses and credentials are checked as a learner's app checks
    /// the invitation made from them (plain http only for an LRS on this
    /// computer), so every class's invitation is one the app accepts.
    pub fn create_class(&mut self, new: &NewClass) -> Result<InstructorClass> {
        let name = new.name.trim();
        if name.is_empty()
            || name.chars().count() > MAX_NAME_CHARS
            || name.chars().any(char::is_control)
        {
            return Err(Error::ClassNameInvalid {
                max: MAX_NAME_CHARS,
            });
        }
        let course = self
            .course(&new.course_id)
            .map_err(|_| Error::ClassCourseUnknown {
                course: new.course_id.clone(),
            })?;
        let endpoint_text = new.endpoint.trim();
        let endpoint =
            checked_address(endpoint_text).ok_or_else(|| Error::ClassAddressInvalid {
                field: "endpoint",
                address: endpoint_text.to_string(),
            })?;
        if endpoint.scheme() == "http" && !is_loopback(&endpoint) {
            return Err(Error::ClassEndpointInsecure {
                endpoint: endpoint_text.to_string(),
            });
        }
        let mut endpoint = endpoint_text.to_string();
        if !endpoint.ends_with('/') {
            endpoint.push('/');
        }
        let home_page = new
            .home_page
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty());
        if let Some(home) = home_page
            && checked_address(home).is_none()
        {
            return Err(Error::ClassAddressInvalid {
                field: "homePage",
                address: home.to_string(),
            });
        }
        for (credential, field, value) in [
            ("read", "username", &new.read_username),
            ("read", "password", &new.read_password),
            ("write", "username", &new.write_username),
            ("write", "password", &new.write_password),
        ] {
            if !credential_ok(value, field == "username") {
                return Err(Error::ClassCredentialInvalid { credential, field });
            }
        }
        let now = self.now();
        let base = slug_of(name);
        self.transact(|tx| {
            let mut class_id = base.clone();
            let mut n = 2;
            while instructor_classes::class_id_taken(tx, &class_id)? {
                class_id = format!("{base}-{n}");
                n += 1;
            }
            let id = instructor_classes::insert(
                tx,
                &NewClassRow {
                    class_id: &class_id,
                    name,
                    course_id: &course.id,
                    course_version: &course.version,
                    endpoint: &endpoint,
                    read_username: &new.read_username,
                    read_password: &new.read_password,
                    write_username: &new.write_username,
                    write_password: &new.write_password,
                    home_page,
                },
                now,
            )?;
            let row = instructor_classes::get(tx, id)?.or_not_found("class", id)?;
            view(tx, row)
        })
    }

    /// The instructor's classes, oldest first.
    pub fn instructor_classes(&self) -> Result<Vec<InstructorClass>> {
        instructor_classes::list(&self.conn)?
            .into_iter()
            .map(|row| view(&self.conn, row))
            .collect()
    }

    pub fn instructor_class(&self, id: i64) -> Result<InstructorClass> {
        let row = self.class_row(id)?;
        view(&self.conn, row)
    }

    /// Deletes a class and everything cached for it (what its learners
    /// sent stays in the LRS).
    pub fn delete_instructor_class(&mut self, id: i64) -> Result<()> {
        if self.transact(|tx| instructor_classes::delete(tx, id))? {
            Ok(())
        } else {
            Err(Error::NotFound {
                what: "class",
                id: id.to_string(),
            })
        }
    }

    /// The class's invitation file (`.vdsk-class`, see
    /// `xapi::invitation`), with the learners' write credential.
    pub fn class_invitation_json(&self, id: i64) -> Result<String> {
        let row = self.class_row(id)?;
        let mut invitation = serde_json::json!({
            "format": "vardskap-class",
            "version": 1,
            "class": { "id": row.class_id, "name": row.name },
            "course": { "id": row.course_id, "version": row.course_version },
            "lrs": {
                "endpoint": row.endpoint,
                "username": row.write_username,
                "password": row.write_password,
            },
        });
        if let Some(home) = &row.home_page {
            invitation["homePage"] = serde_json::Value::String(home.clone());
        }
        // A JSON value of strings always serialises.
        Ok(serde_json::to_string_pretty(&invitation).unwrap_or_default())
    }

    /// What a pull of the class needs (with the instructor's read credential).
    pub fn class_pull_target(&self, id: i64) -> Result<PullTarget> {
        let row = self.class_row(id)?;
        Ok(PullTarget {
            activity: class_iri(&row.class_id),
            endpoint: row.endpoint,
            username: row.read_username,
            password: row.read_password,
            since: row.pull_since,
        })
    }

    /// Caches pulled statements (each the JSON of one statement) in one
    /// transaction: new ones are added, one whose id is cached is a
    /// duplicate, one larger than 64 KiB or not a learner's statement is
    /// refused, and a removed learner's is left out. Marks the class pulled
    /// now (clearing the last error) and keeps `next_since` as given for the
    /// next pull (None: the next pull is a full one). Call it once with a
    /// whole pull's statements.
    pub fn store_pulled_statements(
        &mut self,
        id: i64,
        bodies: &[String],
        next_since: Option<&str>,
    ) -> Result<PullSummary> {
        let now = self.now();
        self.transact(|tx| {
            let row = instructor_classes::get(tx, id)?.or_not_found("class", id)?;
            let removed = class_cache::removed(tx, id)?;
            let mut summary = PullSummary::default();
            for body in bodies {
                let parsed = match statements::parse(body, &row.course_id) {
                    Ok(parsed) => parsed,
                    Err(Rejected::TooLarge | Rejected::Malformed) => {
                        summary.refused += 1;
                        continue;
                    }
                };
                let learner = format!("{LRS_LEARNER}{}", parsed.account);
                if removed.contains(&learner) {
                    summary.removed += 1;
                    continue;
                }
                let fact = parsed
                    .fact
                    .as_ref()
                    .and_then(|f| serde_json::to_string(f).ok());
                let added = class_cache::insert_statement(
                    tx,
                    id,
                    &class_cache::NewStatement {
                        statement_id: &parsed.id,
                        learner: &learner,
                        actor_name: &parsed.name,
                        timestamp: parsed.timestamp,
                        fact: fact.as_deref(),
                        body,
                    },
                )?;
                if added {
                    summary.new += 1;
                } else {
                    summary.duplicates += 1;
                }
            }
            instructor_classes::mark_pulled(tx, id, now, next_since)?;
            Ok(summary)
        })
    }

    /// Records why a pull failed (shown with the cached figures, which stay).
    pub fn record_pull_failure(&mut self, id: i64, message: &str) -> Result<()> {
        let message: String = message.chars().take(MAX_ERROR_CHARS).collect();
        if self.transact(|tx| instructor_classes::mark_pull_failed(tx, id, &message))? {
            Ok(())
        } else {
            Err(Error::NotFound {
                what: "class",
                id: id.to_string(),
            })
        }
    }

    /// Imports learners' results files into the class, each on its own: a
    /// file is read only up to 16 MiB, must be of the class's course, and
    /// its figures must agree (see `results_files`); its attempts are added,
    /// or replace those of an older file of the same learner (by
    /// `generatedAt`). A file that is refused says why in its entry; the
    /// others are imported all the same. Only a missing class is an error.
    pub fn import_results_files(&mut self, id: i64, paths: &[PathBuf]) -> Result<Vec<FileImport>> {
        let class = self.class_row(id)?;
        let mut out = Vec::with_capacity(paths.len());
        for path in paths {
            let mut entry = FileImport {
                file: results_files::file_name(path),
                learner: None,
                added: 0,
                updated: 0,
                unchanged: 0,
                error: None,
            };
            let imported = results_files::read_checked(path, &class.course_id).and_then(
                |(file, generated)| {
                    entry.learner = Some(file.profile.name.trim().to_string());
                    let (attempts, runs) = results_files::rows_of(&file, generated);
                    let learner = results_files::learner_key(&file);
                    self.transact(|tx| {
                        if class_cache::is_removed(tx, id, &learner)? {
                            return Err(Error::ClassLearnerRemoved {
                                name: file.profile.name.trim().to_string(),
                            });
                        }
                        let mut counts = (0, 0, 0);
                        let outcomes = attempts
                            .iter()
                            .map(|a| class_cache::upsert_file_attempt(tx, id, a))
                            .chain(runs.iter().map(|r| class_cache::upsert_file_run(tx, id, r)));
                        for outcome in outcomes {
                            match outcome? {
                                class_cache::Upsert::Added => counts.0 += 1,
                                class_cache::Upsert::Updated => counts.1 += 1,
                                class_cache::Upsert::Unchanged => counts.2 += 1,
                            }
                        }
                        Ok(counts)
                    })
                },
            );
            match imported {
                Ok((added, updated, unchanged)) => {
                    entry.added = added;
                    entry.updated = updated;
                    entry.unchanged = unchanged;
                }
                Err(e) => entry.error = Some(ImportRefusal::from(&e)),
            }
            out.push(entry);
        }
        Ok(out)
    }

    /// Removes a learner (`lrs:<account>` or `file:<name>`) from the class's
    /// cache: their statements, attempts and runs are deleted, and a later
    /// pull or import leaves them out. Removing one the cache does not hold
    /// (yet) keeps them out all the same.
    pub fn remove_class_learner(&mut self, id: i64, learner_key: &str) -> Result<()> {
        let known_kind = [LRS_LEARNER, FILE_LEARNER].iter().any(|p| {
            learner_key
                .strip_prefix(p)
                .is_some_and(|rest| !rest.is_empty())
        });
        if !known_kind {
            return Err(Error::NotFound {
                what: "learner",
                id: learner_key.to_string(),
            });
        }
        let now = self.now();
        self.transact(|tx| {
            instructor_classes::get(tx, id)?.or_not_found("class", id)?;
            class_cache::remove_learner(tx, id, learner_key, now)
        })
    }

    /// Everything the class view knows of the class, for the report: each
    /// learner (by the name of their latest statement, or their results
    /// file's), their graded attempts with answers, finished runs and last
    /// activity, from the cached statements and the imported files.
    /// Learners are sorted by name, attempts and runs by learner and time.
    pub fn class_records(&self, id: i64, course: &Course) -> Result<ClassRecords> {
        self.class_row(id)?;
        let mut records = ClassRecords::default();
        let mut roster = Roster::default();
        let facts = class_cache::facts(&self.conn, id)?;
        statements::add_records(course, facts, &mut records, &mut roster);
        let attempts = class_cache::file_attempts(&self.conn, id)?;
        let runs = class_cache::file_runs(&self.conn, id)?;
        results_files::add_records(course, attempts, runs, &mut records, &mut roster);
        records.learners = roster
            .learners
            .into_iter()
            .map(|key| {
                let name = roster.names.get(&key).map_or_else(
                    || {
                        key.split_once(':')
                            .map_or(&*key, |(_, rest)| rest)
                            .to_string()
                    },
                    |(_, name)| name.clone(),
                );
                LearnerKey { key, name }
            })
            .collect();
        records.learners.sort_by(|a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then_with(|| a.key.cmp(&b.key))
        });
        records.attempts.sort_by(|a, b| {
            (&a.learner, a.submitted_at, &a.module, a.attempt).cmp(&(
                &b.learner,
                b.submitted_at,
                &b.module,
                b.attempt,
            ))
        });
        records.runs.sort_by(|a, b| {
            (&a.learner, a.finished_at, &a.module, &a.scenario).cmp(&(
                &b.learner,
                b.finished_at,
                &b.module,
                &b.scenario,
            ))
        });
        Ok(records)
    }
}
