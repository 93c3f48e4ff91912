//! A learner's own results as files an instructor can read: a JSON results
//! file (`format: "vardskap-results/1"`, described in docs/results-format.md)
//! and a CSV for spreadsheets with one row per answered question per attempt.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::content::{Course, EndingKind, Question};
use crate::final_test::{FINAL_TEST_ID, FinalGrade};
use crate::progress::{AttemptId, AttemptPoint, ProfileId, ResultsHistory};
use crate::storage::{Store, Timestamp, answers, attempts};
use crate::{Error, Result};

/// The `format` of a results file this build writes and reads.
pub const RESULTS_FORMAT: &str = "vardskap-results/1";

/// The JSON results file of one learner in one course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultsFile {
    /// Always [`RESULTS_FORMAT`]; a reader checks it first.
    pub format: String,
    /// When the file was written, ISO-8601 UTC (`2026-05-04T13:45:00Z`).
    pub generated_at: String,
    /// The language titles are given in.
    pub language: String,
    pub profile: ProfileEntry,
    pub course: CourseEntry,
    /// Every module is passed, and the final test when the course has one.
    pub passed: bool,
    /// In course order.
    pub modules: Vec<ModuleEntry>,
    /// The final test, when the course has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_test: Option<FinalEntry>,
    /// Finished scenario runs, oldest first.
    pub scenario_runs: Vec<RunEntry>,
    pub mastery: Vec<MasteryEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileEntry {
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CourseEntry {
    pub id: String,
    /// The installed version when the file was written.
    pub version: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModuleEntry {
    pub id: String,
    pub title: String,
    /// Share of points needed, 0..=1.
    pub pass_mark: f64,
    pub has_questions: bool,
    pub passed: bool,
    /// The best attempt's share, 0..=1; `null` before any graded attempt.
    pub best_share: Option<f64>,
    /// Graded attempts, oldest submission first.
    pub attempts: Vec<AttemptEntry>,
}

/// The final test: its marks, the learner's grade and every graded attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FinalEntry {
    /// Questions per attempt, drawn from the bank.
    pub draw: u32,
    /// Share of points for Godkänd, 0..=1.
    pub pass_mark: f64,
    /// Share of points for Väl godkänd, 0..=1.
    pub distinction: f64,
    /// The best attempt is Godkänd or Väl godkänd.
    pub passed: bool,
    /// The best attempt's grade; `null` before a graded attempt.
    pub grade: Option<FinalGrade>,
    /// The best attempt's share, 0..=1; `null` before a graded attempt.
    pub best_share: Option<f64>,
    /// Graded attempts, oldest submission first.
    pub attempts: Vec<FinalAttemptEntry>,
}

/// A graded final-test attempt: an attempt entry with its grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FinalAttemptEntry {
    #[serde(flatten)]
    pub attempt: AttemptEntry,
    pub grade: FinalGrade,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttemptEntry {
    pub id: i64,
    /// The course version the attempt was made in.
    pub course_version: String,
    /// ISO-8601 UTC.
    pub submitted_at: String,
    pub score: f64,
    pub max: f64,
    pub share: f64,
    /// Reached the module's pass mark.
    pub passed: bool,
    /// Every answered question, in the module's question order.
    pub questions: Vec<QuestionScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionScore {
    pub id: String,
    /// `null` for a question a newer course version removed.
    pub competency: Option<String>,
    pub score: f64,
    pub max: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunEntry {
    pub id: i64,
    pub module_id: String,
    pub scenario_id: String,
    pub title: String,
    pub ending: EndingKind,
    pub points: BTreeMap<String, f64>,
    pub critical: bool,
    pub passed: bool,
    /// ISO-8601 UTC.
    pub finished_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MasteryEntry {
    pub competency_id: String,
    pub title: String,
    /// 0..=1; `null` before anything in the competency was answered or played.
    pub share: Option<f64>,
    pub score: f64,
    pub max: f64,
    pub answers: u32,
    pub scenario_points: f64,
    pub scenario_max: f64,
}

/// Unix seconds as ISO-8601 UTC, e.g. `2026-05-04T13:45:00Z`.
pub fn iso_utc(secs: Timestamp) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|| secs.to_string())
}

/// Reads an ISO-8601 time back to Unix seconds.
pub fn parse_iso_utc(text: &str) -> Option<Timestamp> {
    chrono::DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.timestamp())
}

/// The language a learner reads a course in: their preference when the course has it.
fn language_of(course: &Course, preferred: Option<&str>) -> String {
    preferred
        .filter(|l| course.languages.iter().any(|c| c == l))
        .or_else(|| course.languages.first().map(String::as_str))
        .unwrap_or("en")
        .to_string()
}

/// Gathers a learner's results in a course as the results file holds them.
pub fn results_file(store: &Store, profile: ProfileId, course_id: &str) -> Result<ResultsFile> {
    let who = store.profile(profile)?;
    let course = store.cached_course(course_id)?;
    let lang = language_of(&course, who.language.as_deref());
    let history: ResultsHistory = store.results_history(profile, course_id, &lang)?;
    let rows = attempts::for_learner(&store.conn, profile, course_id)?;
    let versions: HashMap<AttemptId, &str> = rows
        .iter()
        .map(|r| (r.id, r.course_version.as_str()))
        .collect();
    let mut scores: HashMap<AttemptId, Vec<answers::AnswerScore>> = HashMap::new();
    for s in answers::scores_for_learner(&store.conn, profile, course_id)? {
        scores.entry(s.attempt_id).or_default().push(s);
    }

    let mut entry_of = |a: &AttemptPoint, questions: &[&Question]| {
        let position: HashMap<&str, usize> = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let mut answered = scores.remove(&a.attempt_id).unwrap_or_default();
        // Question order; answers to removed questions last, by id.
        answered.sort_by(|x, y| {
            let key = |s: &answers::AnswerScore| {
                (position
                    .get(s.question_id.as_str())
                    .copied()
                    .unwrap_or(usize::MAX),)
            };
            key(x)
                .cmp(&key(y))
                .then_with(|| x.question_id.cmp(&y.question_id))
        });
        AttemptEntry {
            id: a.attempt_id.0,
            course_version: versions
                .get(&a.attempt_id)
                .map_or_else(|| course.version.clone(), |v| v.to_string()),
            submitted_at: iso_utc(a.submitted_at),
            score: a.score,
            max: a.max,
            share: a.share,
            passed: a.passed,
            questions: answered
                .into_iter()
                .map(|s| QuestionScore {
                    competency: questions
                        .iter()
                        .find(|q| q.id == s.question_id)
                        .map(|q| q.competency.clone()),
                    id: s.question_id,
                    score: s.score,
                    max: s.max_score,
                })
                .collect(),
        }
    };
    let modules = course
        .modules
        .iter()
        .zip(&history.modules)
        .map(|(module, h)| {
            let questions: Vec<&Question> = module.questions.iter().collect();
            let attempts = h.attempts.iter().map(|a| entry_of(a, &questions)).collect();
            ModuleEntry {
                id: module.id.clone(),
                title: h.summary.title.clone(),
                pass_mark: h.summary.pass_mark,
                has_questions: h.summary.has_questions,
                passed: h.summary.passed,
                best_share: h.summary.best.as_ref().map(|b| b.share),
                attempts,
            }
        })
        .collect();
    let final_test = course
        .final_test
        .as_ref()
        .zip(history.final_test.as_ref())
        .map(|(test, h)| {
            // Each attempt asked its own draw; the bank names every question's competency.
            let bank: Vec<&Question> = test.questions.iter().map(|b| &b.question).collect();
            FinalEntry {
                draw: h.summary.draw,
                pass_mark: h.summary.pass_mark,
                distinction: h.summary.distinction,
                passed: h.summary.passed,
                grade: h.summary.grade,
                best_share: h.summary.best.as_ref().map(|b| b.share),
                attempts: h
                    .attempts
                    .iter()
                    .map(|a| FinalAttemptEntry {
                        attempt: entry_of(&a.point, &bank),
                        grade: a.grade,
                    })
                    .collect(),
            }
        });
    Ok(ResultsFile {
        format: RESULTS_FORMAT.to_string(),
        generated_at: iso_utc(store.now()),
        language: lang,
        profile: ProfileEntry { name: who.name },
        course: CourseEntry {
            id: course.id.clone(),
            version: course.version.clone(),
            title: history.title.clone(),
        },
        passed: history.passed,
        modules,
        final_test,
        scenario_runs: history
            .scenario_runs
            .iter()
            .map(|r| RunEntry {
                id: r.run_id.0,
                module_id: r.module_id.clone(),
                scenario_id: r.scenario_id.clone(),
                title: r.title.clone(),
                ending: r.ending,
                points: r.points.clone(),
                critical: r.critical,
                passed: r.passed,
                finished_at: iso_utc(r.finished_at),
            })
            .collect(),
        mastery: history
            .mastery
            .iter()
            .map(|m| MasteryEntry {
                competency_id: m.competency_id.clone(),
                title: m.title.clone(),
                share: m.share,
                score: m.score,
                max: m.max,
                answers: m.answers,
                scenario_points: m.scenario_points,
                scenario_max: m.scenario_max,
            })
            .collect(),
    })
}

/// The learner's results in a course as a JSON results file (pretty-printed).
pub fn results_json(store: &Store, profile: ProfileId, course_id: &str) -> Result<String> {
    let file = results_file(store, profile, course_id)?;
    serde_json::to_string_pretty(&file).map_err(not_written)
}

/// The file formats a learner can save their results in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ResultsFormat {
    Csv,
    Json,
}

/// Saves the learner's results in `format` at `path` (chosen in a save
/// dialog), replacing any file there only once the new one is complete.
pub fn write_results_file(
    store: &Store,
    profile: ProfileId,
    course_id: &str,
    format: ResultsFormat,
    path: &Path,
) -> Result<()> {
    let text = match format {
        ResultsFormat::Csv => results_csv(store, profile, course_id)?,
        ResultsFormat::Json => results_json(store, profile, course_id)?,
    };
    write_atomically(path, text.as_bytes())
}

/// Writes through a temporary file in the same folder and a rename, so a
/// crash or a full disk leaves the old file (or none), never half of one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::whole_file::write(path, bytes)
}

/// Reads a results file, refusing one of another format.
pub fn parse_results(json: &str) -> Result<ResultsFile> {
    let format = serde_json::from_str::<serde_json::Value>(json)
        .map_err(|e| Error::NotAResultsFile {
            detail: e.to_string(),
        })?
        .get("format")
        .and_then(|f| f.as_str().map(str::to_string));
    match format.as_deref() {
        Some(RESULTS_FORMAT) => {}
        Some(other) => {
            return Err(Error::ResultsFormatUnknown {
                format: other.to_string(),
                expected: RESULTS_FORMAT,
            });
        }
        None => {
            return Err(Error::NotAResultsFile {
                detail: String::new(),
            });
        }
    }
    serde_json::from_str(json).map_err(|e| Error::ResultsFileDamaged {
        detail: e.to_string(),
    })
}

/// The columns of the CSV export, in order.
pub const CSV_HEADER: [&str; 10] = [
    "profile",
    "course",
    "version",
    "module",
    "attempt",
    "submitted_at",
    "question",
    "competency",
    "score",
    "max",
];

/// A text cell that a spreadsheet will not run as a formula: one that begins
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
/// (OWASP's advice for CSV injection). Numbers are written as they are.
pub fn csv_text(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The learner's results as CSV (RFC 4180): one row per answered question
/// per graded attempt, oldest attempt first within each module.
pub fn results_csv(store: &Store, profile: ProfileId, course_id: &str) -> Result<String> {
    let file = results_file(store, profile, course_id)?;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    out.write_record(CSV_HEADER).map_err(not_written)?;
    let final_attempts = file
        .final_test
        .iter()
        .flat_map(|f| f.attempts.iter().map(|a| (FINAL_TEST_ID, &a.attempt)));
    let attempts = file
        .modules
        .iter()
        .flat_map(|m| m.attempts.iter().map(move |a| (m.id.as_str(), a)))
        .chain(final_attempts);
    for (module_id, attempt) in attempts {
        for q in &attempt.questions {
            out.write_record([
                &*csv_text(&file.profile.name),
                &*csv_text(&file.course.id),
                &*csv_text(&attempt.course_version),
                &*csv_text(module_id),
                &attempt.id.to_string(),
                &*csv_text(&attempt.submitted_at),
                &*csv_text(&q.id),
                &*csv_text(q.competency.as_deref().unwrap_or("")),
                &q.score.to_string(),
                &q.max.to_string(),
            ])
            .map_err(not_written)?;
        }
    }
    let bytes = out.into_inner().map_err(not_written)?;
    String::from_utf8(bytes).map_err(not_written)
}

/// A results file that could not be made, with the writer's reason.
fn not_written(e: impl std::fmt::Display) -> Error {
    Error::ResultsNotWritten {
        detail: e.to_string(),
    }
}
