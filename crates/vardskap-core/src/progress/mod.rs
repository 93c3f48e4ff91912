//! A learner's progress over the [`Store`](crate::storage::Store): profiles,
//! installed courses, quiz attempts (a state machine whose answers are saved
//! as they are given), pass rules, mastery, scenario runs and the review queue.
//! Grading itself is `quiz`; this module decides what is saved and what counts.

mod attempt;
mod course;
mod final_test;
mod history;
mod instructor;
mod mastery;
mod owner;
mod profile;
mod results;
mod review;
mod rules;
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
pub use review::{ReviewAnswered, ReviewItem};
pub use rules::{attempt_passes, pass_mark};
pub use scenario::ScenarioPlay;

/// Row id of a profile.
pub type ProfileId = i64;
/// Row id of an attempt.
pub type AttemptId = i64;
/// Row id of a scenario run.
pub type ScenarioRunId = i64;

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
pub(crate) mod testing;
#[cfg(test)]
mod tests;
