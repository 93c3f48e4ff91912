//! A learner and the course's final test: starting or resuming an attempt
//! (open once every module is passed), and how the learner stands in it.
//! The attempts are quiz attempts under [`FINAL_TEST_ID`], so saving answers
//! and submitting go through `attempt.rs` like a module's.

use serde::Serialize;

use super::attempt::AttemptView;
use super::history::{AttemptPoint, graded_in_time_order};
use super::results::{ModuleSummary, ScoreLine, best_of, score_line};
use super::rules::share;
use super::{AttemptId, AttemptState, ProfileId};
use crate::content::Course;
use crate::error::OrNotFound;
use crate::final_test::{FINAL_TEST_ID, FinalGrade};
use crate::storage::attempts::AttemptRow;
use crate::storage::{Store, attempts, scenario_runs};
use crate::{Error, Result};

/// How a learner stands in the course's final test.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FinalTestSummary {
    /// Questions per attempt.
    pub draw: u32,
    pub pass_mark: f64,
    pub distinction: f64,
    /// Every module is passed, so the test can be taken.
    pub available: bool,
    /// Graded attempts.
    pub attempts: u32,
    /// The highest share (the earliest of equal ones).
    pub best: Option<ScoreLine>,
    /// The most recent graded attempt.
    pub last: Option<ScoreLine>,
    /// The best attempt's grade; `None` before a graded attempt.
    pub grade: Option<FinalGrade>,
    /// The best attempt is Godkänd or Väl godkänd.
    pub passed: bool,
    /// An attempt that was started and not submitted, to resume.
    pub open_attempt: Option<AttemptId>,
}

/// One graded final-test attempt in the history, with its grade.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FinalAttemptPoint {
    #[serde(flatten)]
    #[ts(flatten)]
    pub point: AttemptPoint,
    pub grade: FinalGrade,
}

/// The final test in a learner's history: the summary and every graded attempt in time order.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FinalTestHistory {
    pub summary: FinalTestSummary,
    pub attempts: Vec<FinalAttemptPoint>,
}

/// The grade of `score` out of `max` in `course`'s final test (none without one).
pub(crate) fn grade_in(course: &Course, score: f64, max: f64) -> Option<FinalGrade> {
    let test = course.final_test.as_ref()?;
    Some(FinalGrade::of(score, max, test.pass_mark, test.distinction))
}

/// The learner's standing in the final test of `course`, from all their
/// attempts in it; `modules` are their module summaries (the test opens
/// when every one is passed). `None` when the course has no final test.
pub(crate) fn final_summary(
    course: &Course,
    all: &[AttemptRow],
    modules: &[ModuleSummary],
) -> Option<FinalTestSummary> {
    let test = course.final_test.as_ref()?;
    let done = graded_in_time_order(all, FINAL_TEST_ID);
    let best = best_of(done.iter().copied());
    let grade = best.as_ref().and_then(|b| grade_in(course, b.score, b.max));
    Some(FinalTestSummary {
        draw: test.draw,
        pass_mark: test.pass_mark,
        distinction: test.distinction,
        available: !modules.is_empty() && modules.iter().all(|m| m.passed),
        attempts: u32::try_from(done.len()).unwrap_or(u32::MAX),
        last: done.last().and_then(|r| score_line(r)),
        best,
        grade,
        passed: grade.is_some_and(FinalGrade::passed),
        open_attempt: all
            .iter()
            .find(|a| a.module_id == FINAL_TEST_ID && a.state == AttemptState::Started)
            .map(|a| a.id),
    })
}

/// The final test's summary with each graded attempt as a point in time.
pub(crate) fn final_history(
    course: &Course,
    all: &[AttemptRow],
    modules: &[ModuleSummary],
) -> Option<FinalTestHistory> {
    let summary = final_summary(course, all, modules)?;
    let attempts = graded_in_time_order(all, FINAL_TEST_ID)
        .into_iter()
        .filter_map(|row| {
            let (score, max) = row.score.zip(row.max_score)?;
            let grade = grade_in(course, score, max)?;
            Some(FinalAttemptPoint {
                point: AttemptPoint {
                    attempt_id: row.id,
                    submitted_at: row.submitted_at.unwrap_or(row.started_at),
                    score,
                    max,
                    share: share(score, max),
                    passed: grade.passed(),
                },
                grade,
            })
        })
        .collect();
    Some(FinalTestHistory { summary, attempts })
}

/// Whether the course is passed: every module, and the final test when the course has one.
pub(crate) fn course_passed(
    modules: &[ModuleSummary],
    final_test: Option<&FinalTestSummary>,
) -> bool {
    !modules.is_empty() && modules.iter().all(|m| m.passed) && final_test.is_none_or(|f| f.passed)
}

impl Store {
    /// Starts the learner's attempt at the course's final test, or resumes
    /// their unfinished one. The questions are drawn from the bank by the
    /// attempt's secret seed, so a resumed attempt asks the same ones; feedback
    /// is deferred to the submission ([`Store::save_answer`] and
    /// [`Store::submit_attempt`] take it from there). A new attempt is refused
    /// until every module is passed.
    pub fn start_final_test(
        &mut self,
        profile: ProfileId,
        course_id: &str,
        lang: &str,
    ) -> Result<AttemptView> {
        self.profile(profile)?;
        let course = self.cached_course(course_id)?;
        course
            .final_test
            .as_ref()
            .or_not_found("final test of course", course_id)?;
        let all = attempts::for_learner(&self.conn, profile, course_id)?;
        let resuming = all
            .iter()
            .any(|a| a.module_id == FINAL_TEST_ID && a.state != AttemptState::Graded);
        if !resuming {
            let runs = scenario_runs::for_learner(&self.conn, profile, course_id)?;
            let modules = super::results::module_summaries(&course, &all, &runs, lang);
            let missing: Vec<&str> = modules
                .iter()
                .filter(|m| !m.passed)
                .map(|m| m.title.as_str())
                .collect();
            if !missing.is_empty() {
                return Err(Error::Invalid(format!(
                    "The final test opens once every module is passed (still to pass: {}).",
                    missing.join(", ")
                )));
            }
        }
        self.open_attempt(profile, &course, FINAL_TEST_ID, lang)
    }
}
