//! What a learner reads about their scores: the result of one submitted
//! attempt, and a course-wide summary (best and last score per module, pass
//! state, mastery per competency).

use std::collections::BTreeMap;

use serde::Serialize;

use super::attempt::attempt_module;
use super::final_test::{FinalTestSummary, course_passed, final_summary, grade_in};
use super::mastery::{CompetencyMastery, mastery};
use super::rules::{attempt_passes, module_standing, pass_mark, share};
use super::{AttemptId, ProfileId};
use crate::content::{Course, Module};
use crate::error::OrNotFound;
use crate::final_test::{FINAL_TEST_ID, FinalGrade};
use crate::quiz::AnswerReview;
use crate::storage::attempts::AttemptRow;
use crate::storage::scenario_runs::ScenarioRunRow;
use crate::storage::{Store, Timestamp, answers, attempts, review_cards, scenario_runs};
use crate::{Error, Result};

use super::AttemptState;

/// Points in one competency within one attempt.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CompetencyScore {
    pub competency_id: String,
    pub title: String,
    pub score: f64,
    pub max: f64,
    pub share: f64,
}

/// The result of a graded attempt.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ModuleResult {
    pub attempt_id: AttemptId,
    pub course_id: String,
    pub module_id: String,
    pub score: f64,
    pub max: f64,
    /// score / max, 0..=1.
    pub share: f64,
    pub pass_mark: f64,
    /// This attempt reached the pass mark and no critical scenario choice stands in the module.
    pub passed: bool,
    /// The latest finished run of one of the module's scenarios made a critical choice.
    pub critical_choice: bool,
    /// The module is passed (by its best attempt), even if this attempt was not.
    pub module_passed: bool,
    /// In the course's competency order; only competencies the module asks about.
    pub competencies: Vec<CompetencyScore>,
    /// Questions not fully right (unanswered included): they are in the review queue.
    pub to_review: Vec<String>,
    /// Questions left unanswered.
    pub unanswered: Vec<String>,
    /// Feedback and key for every answered question, in question order.
    pub reviews: Vec<AnswerReview>,
    pub submitted_at: Option<Timestamp>,
    /// For a final-test attempt, its grade and the marks; `None` for a module's attempt.
    pub final_test: Option<FinalAttemptResult>,
}

/// The final-test part of an attempt's result.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FinalAttemptResult {
    /// This attempt's grade.
    pub grade: FinalGrade,
    /// The best grade of all the learner's attempts, this one included.
    pub best_grade: FinalGrade,
    /// Share of points for Väl godkänd (`pass_mark` is the one for Godkänd).
    pub distinction: f64,
}

/// One attempt's score, as a line in the results view.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScoreLine {
    pub attempt_id: AttemptId,
    pub score: f64,
    pub max: f64,
    pub share: f64,
    pub submitted_at: Option<Timestamp>,
}

/// How a learner stands in one module.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ModuleSummary {
    pub module_id: String,
    pub title: String,
    pub pass_mark: f64,
    pub has_questions: bool,
    /// Graded attempts.
    pub attempts: u32,
    /// The highest share (the earliest of equal ones).
    pub best: Option<ScoreLine>,
    /// The most recent graded attempt.
    pub last: Option<ScoreLine>,
    pub passed: bool,
    pub critical_choice: bool,
    /// An attempt that was started and not submitted, to resume.
    pub open_attempt: Option<AttemptId>,
    pub scenarios: u32,
    /// Scenarios with at least one finished run.
    pub scenarios_finished: u32,
}

/// A learner's results in one course.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CourseResults {
    pub profile_id: ProfileId,
    pub course_id: String,
    pub version: String,
    pub title: String,
    /// Every module is passed, and the final test when the course has one.
    pub passed: bool,
    pub modules: Vec<ModuleSummary>,
    /// The final test, when the course has one.
    pub final_test: Option<FinalTestSummary>,
    pub mastery: Vec<CompetencyMastery>,
    /// Review cards due now, across all courses.
    pub reviews_due: u32,
}

pub(crate) fn score_line(row: &AttemptRow) -> Option<ScoreLine> {
    let (score, max) = row.score.zip(row.max_score)?;
    Some(ScoreLine {
        attempt_id: row.id,
        score,
        max,
        share: share(score, max),
        submitted_at: row.submitted_at,
    })
}

/// The best graded attempt: highest share, the earliest among equals.
pub(crate) fn best_of<'a>(rows: impl IntoIterator<Item = &'a AttemptRow>) -> Option<ScoreLine> {
    rows.into_iter()
        .filter_map(score_line)
        .fold(None, |best: Option<ScoreLine>, line| match best {
            Some(b) if b.share >= line.share => Some(b),
            _ => Some(line),
        })
}

fn runs_in<'r>(runs: &'r [ScenarioRunRow], module: &Module) -> Vec<&'r ScenarioRunRow> {
    runs.iter().filter(|r| r.module_id == module.id).collect()
}

/// Per module of `course`: graded attempts, best and last score, pass state
/// and scenarios played, from all of a learner's attempts and runs in it.
pub(crate) fn module_summaries(
    course: &Course,
    all: &[AttemptRow],
    runs: &[ScenarioRunRow],
    lang: &str,
) -> Vec<ModuleSummary> {
    let mut modules = Vec::with_capacity(course.modules.len());
    for module in &course.modules {
        let mine: Vec<&AttemptRow> = all.iter().filter(|a| a.module_id == module.id).collect();
        let done: Vec<&AttemptRow> = mine
            .iter()
            .copied()
            .filter(|a| a.state == AttemptState::Graded)
            .collect();
        let best = best_of(done.iter().copied());
        let last = done.last().and_then(|r| score_line(r));
        let module_runs = runs_in(runs, module);
        let standing = module_standing(
            course,
            module,
            best.as_ref().map(|b| (b.score, b.max)),
            &module_runs,
        );
        let finished = super::rules::latest_finished(module_runs.iter().copied());
        modules.push(ModuleSummary {
            module_id: module.id.clone(),
            title: module.title.get(lang).to_string(),
            pass_mark: pass_mark(course, module),
            has_questions: !module.questions.is_empty(),
            attempts: u32::try_from(done.len()).unwrap_or(u32::MAX),
            best,
            last,
            passed: standing.passed,
            critical_choice: standing.critical,
            open_attempt: mine
                .iter()
                .find(|a| a.state == AttemptState::Started)
                .map(|a| a.id),
            scenarios: u32::try_from(module.scenarios.len()).unwrap_or(u32::MAX),
            scenarios_finished: u32::try_from(
                module
                    .scenarios
                    .iter()
                    .filter(|s| finished.contains_key(s.id.as_str()))
                    .count(),
            )
            .unwrap_or(u32::MAX),
        });
    }
    modules
}

/// Writes the certificate statement once the learner's course is passed
/// (inside the transaction that passed it), if they are in a class and it
/// was not written before.
pub(crate) fn record_certificate_if_earned(
    tx: &rusqlite::Connection,
    course: &Course,
    profile: ProfileId,
    lang: &str,
    now: crate::storage::Timestamp,
) -> Result<bool> {
    if crate::xapi::certificate_recorded(tx, profile, &course.id)? {
        return Ok(false);
    }
    let all = attempts::for_learner(tx, profile, &course.id)?;
    let runs = scenario_runs::for_learner(tx, profile, &course.id)?;
    let modules = module_summaries(course, &all, &runs, lang);
    let final_test = final_summary(course, &all, &modules);
    if !course_passed(&modules, final_test.as_ref()) {
        return Ok(false);
    }
    crate::xapi::record(
        tx,
        course,
        profile,
        &crate::xapi::Event::CertificateEarned,
        lang,
        now,
    )
}

impl Store {
    /// The result of a graded attempt (after [`Store::submit_attempt`], or later to look back).
    pub fn module_result(&self, attempt: AttemptId, lang: &str) -> Result<ModuleResult> {
        let row = attempts::get(&self.conn, attempt)?.or_not_found("attempt", attempt)?;
        if row.state != AttemptState::Graded {
            return Err(Error::Invalid(
                "This attempt has not been submitted yet, so it has no result.".into(),
            ));
        }
        let course = self.cached_course(&row.course_id)?;
        let module = &*attempt_module(&course, &row)?;
        let saved = answers::for_attempt(&self.conn, attempt)?;

        let mut by_competency: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
        let (mut to_review, mut unanswered, mut reviews) = (Vec::new(), Vec::new(), Vec::new());
        for question in &module.questions {
            let answer = saved.iter().find(|a| a.question_id == question.id);
            let score = answer.and_then(|a| a.score).unwrap_or(0.0);
            let entry = by_competency
                .entry(question.competency.as_str())
                .or_insert((0.0, 0.0));
            entry.0 += score;
            entry.1 += question.points;
            if score < question.points {
                to_review.push(question.id.clone());
            }
            match answer {
                None => unanswered.push(question.id.clone()),
                Some(a) => {
                    if let Ok(given) = serde_json::from_str(&a.answer) {
                        let stored = Some((score, a.max_score.unwrap_or(question.points)));
                        reviews.extend(super::attempt::review_of(question, &given, lang, stored));
                    }
                }
            }
        }
        let competencies = competency_scores(&course, &by_competency, lang);

        let (score, max) = (row.score.unwrap_or(0.0), row.max_score.unwrap_or(0.0));
        let mark = pass_mark(&course, module);
        let final_result = match (&course.final_test, module.id == FINAL_TEST_ID) {
            (Some(test), true) => {
                let all = attempts::for_learner(&self.conn, row.profile_id, &row.course_id)?;
                let best = best_of(all.iter().filter(|a| a.module_id == FINAL_TEST_ID));
                let grade = FinalGrade::of(score, max, test.pass_mark, test.distinction);
                Some(FinalAttemptResult {
                    grade,
                    best_grade: best
                        .and_then(|b| grade_in(&course, b.score, b.max))
                        .map_or(grade, |b| b.max(grade)),
                    distinction: test.distinction,
                })
            }
            _ => None,
        };
        let all = attempts::for_learner(&self.conn, row.profile_id, &row.course_id)?;
        let best = best_of(all.iter().filter(|a| a.module_id == module.id));
        let runs = scenario_runs::for_learner(&self.conn, row.profile_id, &row.course_id)?;
        let standing = module_standing(
            &course,
            module,
            best.map(|b| (b.score, b.max)),
            &runs_in(&runs, module),
        );
        Ok(ModuleResult {
            attempt_id: row.id,
            course_id: row.course_id,
            module_id: row.module_id,
            score,
            max,
            share: share(score, max),
            pass_mark: mark,
            passed: attempt_passes(score, max, mark) && !standing.critical,
            critical_choice: standing.critical,
            module_passed: standing.passed,
            competencies,
            to_review,
            unanswered,
            reviews,
            submitted_at: row.submitted_at,
            final_test: final_result,
        })
    }

    /// A learner's results in a course: per module the best and last score and
    /// whether it is passed, the course's pass state, and mastery.
    pub fn course_results(
        &self,
        profile: ProfileId,
        course_id: &str,
        lang: &str,
    ) -> Result<CourseResults> {
        self.profile(profile)?;
        let course = self.cached_course(course_id)?;
        let all = attempts::for_learner(&self.conn, profile, course_id)?;
        let runs = scenario_runs::for_learner(&self.conn, profile, course_id)?;
        let graded = answers::graded_for_learner(&self.conn, profile, course_id)?;

        let modules = module_summaries(&course, &all, &runs, lang);
        let final_test = final_summary(&course, &all, &modules);
        let due = review_cards::count_due(&self.conn, profile, self.now())?;
        Ok(CourseResults {
            profile_id: profile,
            course_id: course.id.clone(),
            version: course.version.clone(),
            title: course.title.get(lang).to_string(),
            passed: course_passed(&modules, final_test.as_ref()),
            mastery: mastery(&course, &graded, &runs, lang),
            modules,
            final_test,
            reviews_due: u32::try_from(due).unwrap_or(u32::MAX),
        })
    }
}

fn competency_scores(
    course: &Course,
    sums: &BTreeMap<&str, (f64, f64)>,
    lang: &str,
) -> Vec<CompetencyScore> {
    let title = |id: &str| {
        course
            .competencies
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.title.get(lang).to_string())
    };
    let mut out: Vec<CompetencyScore> = course
        .competencies
        .iter()
        .filter_map(|c| sums.get(c.id.as_str()).map(|s| (c.id.as_str(), *s)))
        .chain(
            sums.iter()
                .filter(|(id, _)| title(id).is_none())
                .map(|(id, s)| (*id, *s)),
        )
        .map(|(id, (score, max))| CompetencyScore {
            competency_id: id.to_string(),
            title: title(id).unwrap_or_else(|| id.to_string()),
            score,
            max,
            share: share(score, max),
        })
        .collect();
    out.dedup_by(|a, b| a.competency_id == b.competency_id);
    out
}
