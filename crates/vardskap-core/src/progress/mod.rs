//! A learner's progress over the [`Store`](crate::storage::Store): profiles,
//! installed courses, quiz attempts (a state machine whose answers are saved
//! as they are given), pass rules, mastery, scenario runs and the review queue.
//! Grading itself is `quiz`; this module decides what is saved and what counts.

mod attempt;
mod course;
mod final_test;
mod history;
mod instructor;
pub(crate) mod mastery;
mod owner;
mod profile;
mod results;
mod review_queue;
pub(crate) mod rules;
mod scenario;

pub use attempt::{AnswerSaved, AttemptEvent, AttemptState, AttemptView, SavedAnswer};
pub use course::{InstalledCourse, PreparedPackage};
pub use final_test::{FinalAttemptPoint, FinalTestHistory, FinalTestSummary};
pub use history::{
    AttemptDetail, AttemptPoint, ModuleHistory, QuestionDetail, ResultsHistory, ScenarioRunDetail,
    ScenarioRunLine,
};
pub use instructor::InstructorStatus;
pub use mastery::CompetencyMastery;
pub use profile::{NewProfile, Profile, Theme};
pub use results::{
    CompetencyScore, CourseResults, FinalAttemptResult, ModuleResult, ModuleSummary, ScoreLine,
};
pub use review_queue::{ReviewAnswered, ReviewItem};
pub use rules::{attempt_passes, pass_mark};
pub use scenario::ScenarioPlay;

/// Row ids, each its own type so one can never be passed for another. On
/// the wire and in SQL they are plain integers.
macro_rules! row_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, ts_rs::TS,
        )]
        #[serde(transparent)]
        #[ts(export)]
        pub struct $name(pub i64);

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

row_id!(
    /// Row id of a profile.
    ProfileId
);
row_id!(
    /// Row id of an attempt.
    AttemptId
);
row_id!(
    /// Row id of a scenario run.
    ScenarioRunId
);

use crate::Result;
use crate::content::{Course, Module, Question};
use crate::error::OrNotFound;

pub(crate) fn find_module<'c>(course: &'c Course, module_id: &str) -> Result<&'c Module> {
    course
        .modules
        .iter()
        .find(|m| m.id == module_id)
        .or_not_found("module", module_id)
}

pub(crate) fn find_question<'m>(module: &'m Module, question_id: &str) -> Option<&'m Question> {
    module.questions.iter().find(|q| q.id == question_id)
}

#[cfg(test)]
mod store_tests;
#[cfg(test)]
pub(crate) mod testing;
