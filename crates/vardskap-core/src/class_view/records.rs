//! What a class view knows of each learner, whichever way it came: xAPI
//! statements pulled from the class's LRS, or a results file imported from a
//! USB stick. Both are turned into these records (`statements.rs`,
//! `results_files.rs`); the report (`report.rs`) is computed from them alone.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::EndingKind;
use crate::storage::Timestamp;

/// A learner of the class, as the view names them.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LearnerKey {
    /// Stable key: `lrs:<account name>` (the profile's UUID) or
    /// `file:<profile name>` for a learner known only from results files.
    pub key: String,
    /// The name they consented to (display name or pseudonym), or the
    /// results file's profile name.
    pub name: String,
}

/// One graded quiz or final-test attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptRecord {
    pub learner: String,
    /// The module id, or `final` for the final test.
    pub module: String,
    /// Unique per learner (the attempt extension, or the results file's attempt id).
    pub attempt: i64,
    pub submitted_at: Timestamp,
    pub score: f64,
    pub max: f64,
    pub passed: bool,
    /// Final test only: fail, pass or distinction.
    pub grade: Option<String>,
    pub answers: Vec<AnswerRecord>,
}

/// One graded answer of an attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRecord {
    /// The question's module (a final-test question's home module) and id.
    pub module: String,
    pub question: String,
    pub score: f64,
    pub max: f64,
    /// The xAPI response (option ids joined by `[,]` …); None from a results
    /// file, which does not keep what was chosen.
    pub response: Option<String>,
}

/// One finished role-play run.
#[derive(Debug, Clone, PartialEq)]
pub struct RunRecord {
    pub learner: String,
    pub module: String,
    pub scenario: String,
    pub finished_at: Timestamp,
    pub ending: EndingKind,
    pub passed: bool,
    pub points: BTreeMap<String, f64>,
    /// A critical choice was made. Always set; a results file does not say
    /// which choice it was, so a run from one can be critical with no ids
    /// in `critical_choices`.
    pub critical: bool,
    /// Ids of the critical choices made (from statements; empty from a
    /// results file).
    pub critical_choices: Vec<String>,
}

/// Everything known of a class, for the report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClassRecords {
    pub learners: Vec<LearnerKey>,
    pub attempts: Vec<AttemptRecord>,
    pub runs: Vec<RunRecord>,
    /// Last activity per learner key (any statement or attempt).
    pub last_activity: BTreeMap<String, Timestamp>,
}
