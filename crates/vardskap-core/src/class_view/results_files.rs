//! Learners' results files (`vardskap-results/1`, docs/results-format.md)
//! imported into a class: a class without an LRS, or a learner who worked
//! offline, brings their results on a USB stick or by e-mail.
//!
//! A results file carries no integrity check of its own (the verification
//! code is the certificate's, over the certificate's facts, and a results
//! file need not come with one). So a file is checked for what an edit by
//! hand typically breaks: every figure must follow from the others as the
//! app computes them (a share is the score over the maximum, `passed`
//! follows from the pass mark, a grade from the marks, the question scores
//! add up to the attempt's score, the best share is the best attempt's, no
//! time lies after the file was written). A file edited consistently, with
//! every derived figure recomputed, is not detected: that is the limit of a
//! file without a signature, and docs/privacy.md says so.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::records::{AnswerRecord, AttemptRecord, ClassRecords, RunRecord};
use super::statements::{Roster, order_answers};
use crate::content::{Course, EndingKind};
use crate::export::{AttemptEntry, ResultsFile, parse_iso_utc, parse_results};
use crate::final_test::{FINAL_TEST_ID, FinalGrade};
use crate::i18n::MessageArg;
use crate::progress::attempt_passes;
use crate::storage::Timestamp;
use crate::storage::class_cache::{FileAttemptRow, FileRunRow};
use crate::{Error, ErrorKind, Result};

/// The largest results file read (a learner's whole history is far less).
pub const MAX_RESULTS_FILE_BYTES: u64 = 16 << 20;
/// The longest profile name accepted (characters), as the app's own.
const MAX_PROFILE_NAME_CHARS: usize = 200;
/// Slack for float sums when comparing figures of a file.
const EPSILON: f64 = 1e-6;

/// The prefix of the key of a learner known from results files.
pub const FILE_LEARNER: &str = "file:";

/// What importing one results file did.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FileImport {
    /// The file's name (without its folder).
    pub file: String,
    /// The learner's name in the file, once it could be read.
    pub learner: Option<String>,
    /// Attempts and runs new to the class.
    #[ts(type = "number")]
    pub added: u64,
    /// Attempts and runs that replaced an older file's.
    #[ts(type = "number")]
    pub updated: u64,
    /// Attempts and runs the class had already, from this file or a newer one.
    #[ts(type = "number")]
    pub unchanged: u64,
    /// Why the file was not imported; None when it was.
    pub error: Option<ImportRefusal>,
}

/// Why a file was refused, as the UI says an error: `errors-<kind>` filled
/// from `params`.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportRefusal {
    pub kind: ErrorKind,
    /// The full sentence, in English.
    pub message: String,
    pub params: BTreeMap<String, MessageArg>,
}

impl From<&Error> for ImportRefusal {
    fn from(e: &Error) -> Self {
        let (_, args) = e.message_args();
        ImportRefusal {
            kind: e.kind(),
            message: e.to_string(),
            params: args.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
        }
    }
}

/// The name a file is told by: its own name, without the folder.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads a results file of the course `course_id` and checks that its
/// figures agree; nothing larger than [`MAX_RESULTS_FILE_BYTES`] is read.
pub(crate) fn read_checked(path: &Path, course_id: &str) -> Result<(ResultsFile, Timestamp)> {
    let name = file_name(path);
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::NotAResultsFile {
            detail: format!("{name} is not a file"),
        });
    }
    if meta.len() > MAX_RESULTS_FILE_BYTES {
        return Err(Error::ResultsFileTooLarge {
            file: name,
            bytes: meta.len(),
        });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_RESULTS_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_RESULTS_FILE_BYTES {
        // It grew while it was read.
        return Err(Error::ResultsFileTooLarge {
            file: name,
            bytes: bytes.len() as u64,
        });
    }
    let text = String::from_utf8(bytes).map_err(|_| Error::NotAResultsFile {
        detail: format!("{name} is not UTF-8 text"),
    })?;
    let file = parse_results(&text)?;
    if file.course.id != course_id {
        return Err(Error::ResultsOtherCourse {
            file: name,
            course: file.course.id,
            expected: course_id.to_string(),
        });
    }
    let generated = check(&file, &name)?;
    Ok((file, generated))
}

fn share(score: f64, max: f64) -> f64 {
    if max > 0.0 {
        (score / max).clamp(0.0, 1.0)
    } else {
        1.0
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= EPSILON * a.abs().max(b.abs()).max(1.0)
}

/// Checks that the file's figures agree with each other; its `generatedAt`.
pub(crate) fn check(file: &ResultsFile, name: &str) -> Result<Timestamp> {
    let refuse = |module: &str, item: String, problem: &'static str| Error::ResultsInconsistent {
        file: name.to_string(),
        module: module.to_string(),
        item,
        problem,
    };
    let profile = file.profile.name.trim();
    if profile.is_empty()
        || profile.chars().count() > MAX_PROFILE_NAME_CHARS
        || profile.chars().any(char::is_control)
    {
        return Err(refuse("", String::new(), "name"));
    }
    let generated = parse_iso_utc(&file.generated_at).ok_or_else(|| Error::ResultsFileDamaged {
        detail: format!("generatedAt \"{}\"", file.generated_at),
    })?;
    let mark_ok = |m: f64| m.is_finite() && (0.0..=1.0).contains(&m);
    let check_attempt = |module: &str, pass_mark: f64, a: &AttemptEntry| -> Result<()> {
        let item = a.id.to_string();
        if parse_iso_utc(&a.submitted_at).is_none_or(|t| t > generated) {
            return Err(refuse(module, item, "time"));
        }
        let in_range = |s: f64, m: f64| {
            s.is_finite() && m.is_finite() && m >= 0.0 && s >= 0.0 && s <= m + EPSILON
        };
        if !in_range(a.score, a.max) {
            return Err(refuse(module, item, "score"));
        }
        if !a.share.is_finite() || !close(a.share, share(a.score, a.max)) {
            return Err(refuse(module, item, "share"));
        }
        if !mark_ok(pass_mark) || a.passed != attempt_passes(a.score, a.max, pass_mark) {
            return Err(refuse(module, item, "passed"));
        }
        let (mut sum, mut sum_max) = (0.0, 0.0);
        for q in &a.questions {
            if !in_range(q.score, q.max) {
                return Err(refuse(module, item, "questions"));
            }
            sum += q.score;
            sum_max += q.max;
        }
        if !close(sum, a.score) || sum_max > a.max + EPSILON * a.max.max(1.0) {
            return Err(refuse(module, item, "questions"));
        }
        Ok(())
    };
    let best_of = |attempts: &mut dyn Iterator<Item = &AttemptEntry>| {
        attempts
            .map(|a| share(a.score, a.max))
            .fold(None, |best: Option<f64>, s| {
                Some(best.map_or(s, |b| b.max(s)))
            })
    };
    let same_best = |stated: Option<f64>, computed: Option<f64>| match (stated, computed) {
        (None, None) => true,
        (Some(a), Some(b)) => close(a, b),
        _ => false,
    };
    for m in &file.modules {
        let mut ids = HashSet::new();
        for a in &m.attempts {
            check_attempt(&m.id, m.pass_mark, a)?;
            if !ids.insert(a.id) {
                return Err(refuse(&m.id, a.id.to_string(), "duplicate"));
            }
        }
        let best = best_of(&mut m.attempts.iter());
        let reaches = best.is_some_and(|b| b + 1e-9 >= m.pass_mark);
        if !same_best(m.best_share, best) || (m.has_questions && m.passed && !reaches) {
            return Err(refuse(&m.id, String::new(), "best"));
        }
    }
    if let Some(test) = &file.final_test {
        if !mark_ok(test.distinction) || test.distinction + EPSILON < test.pass_mark {
            return Err(refuse(FINAL_TEST_ID, String::new(), "grade"));
        }
        let mut ids = HashSet::new();
        for a in &test.attempts {
            let entry = &a.attempt;
            check_attempt(FINAL_TEST_ID, test.pass_mark, entry)?;
            let grade = FinalGrade::of(entry.score, entry.max, test.pass_mark, test.distinction);
            if a.grade != grade {
                return Err(refuse(FINAL_TEST_ID, entry.id.to_string(), "grade"));
            }
            if !ids.insert(entry.id) {
                return Err(refuse(FINAL_TEST_ID, entry.id.to_string(), "duplicate"));
            }
        }
        let best = best_of(&mut test.attempts.iter().map(|a| &a.attempt));
        let grade = best.map(|b| FinalGrade::of(b, 1.0, test.pass_mark, test.distinction));
        if !same_best(test.best_share, best)
            || test.grade != grade
            || test.passed != grade.is_some_and(FinalGrade::passed)
        {
            return Err(refuse(FINAL_TEST_ID, String::new(), "best"));
        }
    }
    if file.passed {
        let open = file
            .modules
            .iter()
            .find(|m| !m.passed)
            .map(|m| m.id.as_str())
            .or_else(|| {
                file.final_test
                    .as_ref()
                    .filter(|t| !t.passed)
                    .map(|_| FINAL_TEST_ID)
            });
        if let Some(module) = open {
            return Err(refuse(module, String::new(), "best"));
        }
    }
    let mut runs = HashSet::new();
    for r in &file.scenario_runs {
        let item = r.id.to_string();
        if parse_iso_utc(&r.finished_at).is_none_or(|t| t > generated) {
            return Err(refuse(&r.module_id, item, "time"));
        }
        if !runs.insert(r.id) {
            return Err(refuse(&r.module_id, item, "duplicate"));
        }
        let poor = r.ending == EndingKind::Poor;
        if (r.passed && (poor || r.critical)) || r.points.values().any(|p| !p.is_finite()) {
            return Err(refuse(&r.module_id, item, "run"));
        }
    }
    Ok(generated)
}

/// One answered question of an imported attempt, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct StoredQuestion {
    id: String,
    score: f64,
    max: f64,
}

/// The key of the learner of a results file.
pub(crate) fn learner_key(file: &ResultsFile) -> String {
    format!("{FILE_LEARNER}{}", file.profile.name.trim())
}

/// The rows a checked file stores: its attempts (the final test's under
/// `final`) and its runs.
pub(crate) fn rows_of(
    file: &ResultsFile,
    generated_at: Timestamp,
) -> (Vec<FileAttemptRow>, Vec<FileRunRow>) {
    let learner = learner_key(file);
    let row = |module: &str, a: &AttemptEntry, grade: Option<FinalGrade>| {
        let questions: Vec<StoredQuestion> = a
            .questions
            .iter()
            .map(|q| StoredQuestion {
                id: q.id.clone(),
                score: q.score,
                max: q.max,
            })
            .collect();
        FileAttemptRow {
            learner: learner.clone(),
            module_id: module.to_string(),
            attempt_id: a.id,
            course_version: a.course_version.clone(),
            submitted_at: parse_iso_utc(&a.submitted_at).unwrap_or(generated_at),
            score: a.score,
            max_score: a.max,
            passed: a.passed,
            grade: grade.map(|g| grade_name(g).to_string()),
            questions: serde_json::to_string(&questions).unwrap_or_else(|_| "[]".into()),
            generated_at,
        }
    };
    let mut attempts: Vec<FileAttemptRow> = file
        .modules
        .iter()
        .flat_map(|m| {
            m.attempts
                .iter()
                .map(|a| row(&m.id, a, None))
                .collect::<Vec<_>>()
        })
        .collect();
    if let Some(test) = &file.final_test {
        attempts.extend(
            test.attempts
                .iter()
                .map(|a| row(FINAL_TEST_ID, &a.attempt, Some(a.grade))),
        );
    }
    let runs = file
        .scenario_runs
        .iter()
        .map(|r| FileRunRow {
            learner: learner.clone(),
            run_id: r.id,
            module_id: r.module_id.clone(),
            scenario_id: r.scenario_id.clone(),
            ending: ending_name(r.ending).to_string(),
            points: serde_json::to_string(&r.points).unwrap_or_else(|_| "{}".into()),
            critical: r.critical,
            passed: r.passed,
            finished_at: parse_iso_utc(&r.finished_at).unwrap_or(generated_at),
            generated_at,
        })
        .collect();
    (attempts, runs)
}

fn grade_name(g: FinalGrade) -> &'static str {
    match g {
        FinalGrade::Fail => "fail",
        FinalGrade::Pass => "pass",
        FinalGrade::Distinction => "distinction",
    }
}

fn ending_name(e: EndingKind) -> &'static str {
    match e {
        EndingKind::Good => "good",
        EndingKind::Mixed => "mixed",
        EndingKind::Poor => "poor",
    }
}

fn ending_of(s: &str) -> Option<EndingKind> {
    match s {
        "good" => Some(EndingKind::Good),
        "mixed" => Some(EndingKind::Mixed),
        "poor" => Some(EndingKind::Poor),
        _ => None,
    }
}

/// The module a final-test question came from (its bank entry's), else `final`.
fn home_module(course: &Course, question: &str) -> String {
    course
        .final_test
        .as_ref()
        .and_then(|t| t.questions.iter().find(|b| b.question.id == question))
        .map_or_else(|| FINAL_TEST_ID.to_string(), |b| b.module.clone())
}

/// Adds the records of the class's imported attempts and runs.
pub(crate) fn add_records(
    course: &Course,
    attempts: Vec<FileAttemptRow>,
    runs: Vec<FileRunRow>,
    records: &mut ClassRecords,
    roster: &mut Roster,
) {
    let mut seen = |learner: &str, at: Timestamp, records: &mut ClassRecords| {
        roster.learners.insert(learner.to_string());
        let name = learner.strip_prefix(FILE_LEARNER).unwrap_or(learner);
        roster
            .names
            .entry(learner.to_string())
            .or_insert((at, name.to_string()));
        let last = records
            .last_activity
            .entry(learner.to_string())
            .or_insert(at);
        *last = (*last).max(at);
    };
    for a in attempts {
        seen(&a.learner, a.submitted_at, records);
        let questions: Vec<StoredQuestion> = serde_json::from_str(&a.questions).unwrap_or_default();
        let mut answers: Vec<AnswerRecord> = questions
            .into_iter()
            .map(|q| AnswerRecord {
                module: if a.module_id == FINAL_TEST_ID {
                    home_module(course, &q.id)
                } else {
                    a.module_id.clone()
                },
                question: q.id,
                score: q.score,
                max: q.max,
                response: None,
            })
            .collect();
        order_answers(course, &a.module_id, &mut answers);
        records.attempts.push(AttemptRecord {
            learner: a.learner,
            module: a.module_id,
            attempt: a.attempt_id,
            submitted_at: a.submitted_at,
            score: a.score,
            max: a.max_score,
            passed: a.passed,
            grade: a.grade,
            answers,
        });
    }
    for r in runs {
        let Some(ending) = ending_of(&r.ending) else {
            continue;
        };
        seen(&r.learner, r.finished_at, records);
        records.runs.push(RunRecord {
            learner: r.learner,
            module: r.module_id,
            scenario: r.scenario_id,
            finished_at: r.finished_at,
            ending,
            passed: r.passed,
            points: serde_json::from_str(&r.points).unwrap_or_default(),
            critical: r.critical,
            critical_choices: Vec::new(),
        });
    }
}
