//! Statements pulled from a class's LRS. When one is cached, what the class
//! view reads of it is taken out once (a [`Fact`]: an answer, an attempt's
//! result, a finished role-play, or just "was active"), so building the
//! records reads a few dozen bytes per statement instead of parsing its body
//! again. The statements are the ones docs/xapi.md describes (made by
//! `xapi::statement`); anything else (another course, a shape the app does
//! not send, a missing number) says nothing and is never an error.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::records::{AnswerRecord, AttemptRecord, ClassRecords, RunRecord};
use crate::content::{Course, EndingKind};
use crate::final_test::FINAL_TEST_ID;
use crate::storage::Timestamp;
use crate::storage::class_cache::FactRow;
use crate::xapi::statement::{IRI_BASE, extensions, verbs};

/// The largest statement body cached; a larger one is refused (the app's
/// own are a few kilobytes).
pub const MAX_STATEMENT_BYTES: usize = 64 * 1024;
/// The longest account name (the learner key) accepted, in characters.
const MAX_ACCOUNT_CHARS: usize = 200;
/// Actor names are cut to this many characters.
const MAX_ACTOR_NAME_CHARS: usize = 200;
/// The most critical choice ids kept of one run.
const MAX_CHOICES: usize = 100;
/// Responses are cut to this many characters (the app sends at most 1,000).
const MAX_RESPONSE_CHARS: usize = 1_000;

/// What the class view reads of one statement of the class's course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub(crate) enum Fact {
    /// A statement about the course that counts only as activity (a lesson
    /// read, a role-play step, the certificate, or one whose numbers are
    /// missing).
    Seen,
    /// A graded answer of a quiz or final-test attempt.
    Answer {
        /// The question's module (a final-test question's home module).
        module: String,
        question: String,
        final_test: bool,
        attempt: i64,
        score: f64,
        max: f64,
        response: Option<String>,
    },
    /// A quiz's or the final test's result (`passed` or `failed`).
    Result {
        /// The module, or `final`.
        module: String,
        attempt: i64,
        score: f64,
        max: f64,
        passed: bool,
        grade: Option<String>,
    },
    /// A role-play that reached an ending (`completed`).
    Run {
        module: String,
        scenario: String,
        ending: EndingKind,
        passed: bool,
        points: BTreeMap<String, f64>,
        critical_choices: Vec<String>,
    },
}

/// A statement as the cache keeps it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Parsed {
    /// The statement id, as a lower-case hyphenated UUID.
    pub id: String,
    /// `actor.account.name`.
    pub account: String,
    /// `actor.name`, or empty.
    pub name: String,
    pub timestamp: Timestamp,
    /// None: not about the class's course, or not a statement the app sends.
    pub fact: Option<Fact>,
}

/// Why a statement is not cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rejected {
    /// Larger than [`MAX_STATEMENT_BYTES`].
    TooLarge,
    /// Not JSON, or without a UUID id, an account actor or a timestamp.
    Malformed,
}

/// Reads one statement of the class whose course is `course_id`.
pub(crate) fn parse(body: &str, course_id: &str) -> Result<Parsed, Rejected> {
    if body.len() > MAX_STATEMENT_BYTES {
        return Err(Rejected::TooLarge);
    }
    let st: Value = serde_json::from_str(body).map_err(|_| Rejected::Malformed)?;
    let id = st
        .get("id")
        .and_then(Value::as_str)
        .and_then(|s| uuid::Uuid::parse_str(s).ok())
        .ok_or(Rejected::Malformed)?
        .to_string();
    let actor = st.get("actor").ok_or(Rejected::Malformed)?;
    let account = actor
        .pointer("/account/name")
        .and_then(Value::as_str)
        .filter(|a| {
            !a.is_empty()
                && a.chars().count() <= MAX_ACCOUNT_CHARS
                && !a.chars().any(char::is_control)
        })
        .ok_or(Rejected::Malformed)?
        .to_string();
    let name: String = actor
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_ACTOR_NAME_CHARS)
        .collect();
    let time = |key: &str| {
        st.get(key)
            .and_then(Value::as_str)
            .and_then(crate::export::parse_iso_utc)
    };
    let timestamp = time("timestamp")
        .or_else(|| time("stored"))
        .ok_or(Rejected::Malformed)?;
    Ok(Parsed {
        id,
        account,
        name: name.trim().to_string(),
        timestamp,
        fact: fact_of(&st, course_id),
    })
}

/// The path of an activity id under the course's IRI, decoded segment by
/// segment; None for an activity of another course or not the app's.
fn course_path(activity: &str, course_id: &str) -> Option<Vec<String>> {
    let rest = activity.strip_prefix(IRI_BASE)?.strip_prefix("/courses/")?;
    let mut segments = rest.split('/').map(|s| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8()
            .ok()
            .map(|d| d.into_owned())
    });
    if segments.next()?? != course_id {
        return None;
    }
    segments.collect()
}

fn fact_of(st: &Value, course_id: &str) -> Option<Fact> {
    let verb = st.pointer("/verb/id").and_then(Value::as_str)?;
    let object = st.pointer("/object/id").and_then(Value::as_str)?;
    let path = course_path(object, course_id)?;
    let path: Vec<&str> = path.iter().map(String::as_str).collect();
    let read = match (verb, path.as_slice()) {
        (v, ["modules", module, "questions", question]) if v == verbs::ANSWERED.0 => {
            answer(st, module, question, false)
        }
        (v, ["final-test", "questions", module, question]) if v == verbs::ANSWERED.0 => {
            answer(st, module, question, true)
        }
        (v, ["modules", module, "quiz"]) if v == verbs::PASSED.0 || v == verbs::FAILED.0 => {
            result(st, module, v == verbs::PASSED.0)
        }
        (v, ["final-test"]) if v == verbs::PASSED.0 || v == verbs::FAILED.0 => {
            result(st, FINAL_TEST_ID, v == verbs::PASSED.0)
        }
        (v, ["modules", module, "scenarios", scenario]) if v == verbs::COMPLETED.0 => {
            run(st, module, scenario)
        }
        _ => None,
    };
    Some(read.unwrap_or(Fact::Seen))
}

fn number(v: Option<&Value>) -> Option<f64> {
    v.and_then(Value::as_f64).filter(|n| n.is_finite())
}

/// `result.score`'s raw and max.
fn score(st: &Value) -> Option<(f64, f64)> {
    let raw = number(st.pointer("/result/score/raw"))?;
    let max = number(st.pointer("/result/score/max"))?;
    Some((raw, max))
}

fn attempt(st: &Value) -> Option<i64> {
    st.pointer("/context/extensions")?
        .get(extensions::ATTEMPT)?
        .as_i64()
}

fn answer(st: &Value, module: &str, question: &str, final_test: bool) -> Option<Fact> {
    let (score, max) = score(st)?;
    Some(Fact::Answer {
        module: module.to_string(),
        question: question.to_string(),
        final_test,
        attempt: attempt(st)?,
        score,
        max,
        response: st
            .pointer("/result/response")
            .and_then(Value::as_str)
            .map(|r| r.chars().take(MAX_RESPONSE_CHARS).collect()),
    })
}

fn result(st: &Value, module: &str, passed: bool) -> Option<Fact> {
    let (score, max) = score(st)?;
    Some(Fact::Result {
        module: module.to_string(),
        attempt: attempt(st)?,
        score,
        max,
        passed,
        grade: st
            .pointer("/result/extensions")
            .and_then(|e| e.get(extensions::GRADE))
            .and_then(Value::as_str)
            .filter(|g| matches!(*g, "fail" | "pass" | "distinction"))
            .map(String::from),
    })
}

fn run(st: &Value, module: &str, scenario: &str) -> Option<Fact> {
    let ext = st.pointer("/result/extensions")?;
    let ending = match ext.get(extensions::ENDING)?.as_str()? {
        "good" => EndingKind::Good,
        "mixed" => EndingKind::Mixed,
        "poor" => EndingKind::Poor,
        _ => return None,
    };
    let points = ext
        .get(extensions::COMPETENCY_POINTS)
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| number(Some(v)).map(|n| (k.clone(), n)))
                .collect()
        })
        .unwrap_or_default();
    let critical_choices = ext
        .get(extensions::CRITICAL_CHOICES)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .take(MAX_CHOICES)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    Some(Fact::Run {
        module: module.to_string(),
        scenario: scenario.to_string(),
        ending,
        passed: st
            .pointer("/result/success")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        points,
        critical_choices,
    })
}

/// Where a question stands in the course, to list an attempt's answers in
/// the order the course has them (unknown questions last).
pub(crate) fn question_position(course: &Course, attempt_module: &str, a: &AnswerRecord) -> usize {
    let found = if attempt_module == FINAL_TEST_ID {
        course.final_test.as_ref().and_then(|t| {
            t.questions
                .iter()
                .position(|b| b.module == a.module && b.question.id == a.question)
        })
    } else {
        course
            .modules
            .iter()
            .find(|m| m.id == a.module)
            .and_then(|m| m.questions.iter().position(|q| q.id == a.question))
    };
    found.unwrap_or(usize::MAX)
}

/// Puts an attempt's answers in course order and drops a second answer to
/// the same question.
pub(crate) fn order_answers(
    course: &Course,
    attempt_module: &str,
    answers: &mut Vec<AnswerRecord>,
) {
    answers.sort_by(|x, y| {
        question_position(course, attempt_module, x)
            .cmp(&question_position(course, attempt_module, y))
            .then_with(|| x.module.cmp(&y.module))
            .then_with(|| x.question.cmp(&y.question))
    });
    answers.dedup_by(|b, a| a.module == b.module && a.question == b.question);
}

/// Who was seen under which name when, as the records are built.
#[derive(Debug, Default)]
pub(crate) struct Roster {
    /// Learner key → (time, name) of their latest statement with a name.
    pub names: BTreeMap<String, (Timestamp, String)>,
    /// Learner keys seen at all.
    pub learners: std::collections::BTreeSet<String>,
}

/// Adds the records the cached statements' facts hold: every graded
/// attempt (a result with its answers, grouped by learner and attempt
/// number), every finished run, and each learner's last activity and name.
/// Answers whose attempt has no result yet are left out.
pub(crate) fn add_records(
    course: &Course,
    rows: Vec<FactRow>,
    records: &mut ClassRecords,
    roster: &mut Roster,
) {
    /// A learner as the rows name them: key, last activity, latest name.
    struct Seen {
        key: String,
        last: Timestamp,
        name: Option<(Timestamp, String)>,
    }
    // The rows name a few hundred learners a thousand times each: each key
    // is looked up, not copied, per row.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut seen: Vec<Seen> = Vec::new();
    let mut answers: HashMap<(usize, i64), Vec<AnswerRecord>> = HashMap::new();
    let mut results: Vec<(usize, AttemptRecord)> = Vec::new();
    let mut had_result: HashSet<(usize, i64)> = HashSet::new();
    for row in rows {
        // A fact that no longer reads (a cache written by another build) says nothing.
        let Ok(fact) = serde_json::from_str::<Fact>(&row.fact) else {
            continue;
        };
        let who = match index.get(&row.learner) {
            Some(&i) => i,
            None => {
                index.insert(row.learner.clone(), seen.len());
                seen.push(Seen {
                    key: row.learner,
                    last: row.timestamp,
                    name: None,
                });
                seen.len() - 1
            }
        };
        let learner = &mut seen[who];
        learner.last = learner.last.max(row.timestamp);
        if !row.actor_name.is_empty() {
            match &mut learner.name {
                Some((t, name)) if row.timestamp >= *t => {
                    *t = row.timestamp;
                    if *name != row.actor_name {
                        *name = row.actor_name;
                    }
                }
                Some(_) => {}
                None => learner.name = Some((row.timestamp, row.actor_name)),
            }
        }
        match fact {
            Fact::Seen => {}
            Fact::Answer {
                module,
                question,
                final_test: _,
                attempt,
                score,
                max,
                response,
            } => answers
                .entry((who, attempt))
                .or_default()
                .push(AnswerRecord {
                    module,
                    question,
                    score,
                    max,
                    response,
                }),
            Fact::Result {
                module,
                attempt,
                score,
                max,
                passed,
                grade,
            } => {
                // One result per attempt (a resent statement has its own id).
                if had_result.insert((who, attempt)) {
                    results.push((
                        who,
                        AttemptRecord {
                            learner: String::new(),
                            module,
                            attempt,
                            submitted_at: row.timestamp,
                            score,
                            max,
                            passed,
                            grade,
                            answers: Vec::new(),
                        },
                    ));
                }
            }
            Fact::Run {
                module,
                scenario,
                ending,
                passed,
                points,
                critical_choices,
            } => records.runs.push(RunRecord {
                learner: seen[who].key.clone(),
                module,
                scenario,
                finished_at: row.timestamp,
                ending,
                passed,
                points,
                critical: !critical_choices.is_empty(),
                critical_choices,
            }),
        }
    }
    for (who, mut attempt) in results {
        attempt.learner = seen[who].key.clone();
        if let Some(mut given) = answers.remove(&(who, attempt.attempt)) {
            order_answers(course, &attempt.module, &mut given);
            attempt.answers = given;
        }
        records.attempts.push(attempt);
    }
    for learner in seen {
        let last = records
            .last_activity
            .entry(learner.key.clone())
            .or_insert(learner.last);
        *last = (*last).max(learner.last);
        if let Some((at, name)) = learner.name {
            let newer = roster.names.get(&learner.key).is_none_or(|(t, _)| at >= *t);
            if newer {
                roster.names.insert(learner.key.clone(), (at, name));
            }
        }
        roster.learners.insert(learner.key);
    }
}
