//! A learner looking back: every graded attempt per module in time order
//! (for a chart of scores over time), the finished scenario runs, and the
//! detail of one submitted attempt or one finished run, key and feedback included.

use std::collections::BTreeMap;

use serde::Serialize;

use super::attempt::attempt_module;
use super::final_test::{FinalTestHistory, course_passed, final_history, grade_in};
use super::mastery::{CompetencyMastery, mastery};
use super::results::{ModuleSummary, module_summaries};
use super::rules::{attempt_passes, pass_mark, share};
use super::{AttemptId, AttemptState, ProfileId, ScenarioRunId, find_module};
use crate::content::{Course, EndingKind, Question, QuestionBody, QuestionKind};
use crate::error::OrNotFound;
use crate::final_test::{FINAL_TEST_ID, FinalGrade};
use crate::quiz::{self, Answer, AnswerKey, PartFeedback};
use crate::scenario::{Debrief, Run};
use crate::storage::attempts::AttemptRow;
use crate::storage::scenario_runs::ScenarioRunRow;
use crate::storage::{Store, Timestamp, answers, attempts, scenario_runs};
use crate::{Error, Result};

/// One graded attempt, as a point on a chart of scores over time.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AttemptPoint {
    pub attempt_id: AttemptId,
    pub submitted_at: Timestamp,
    pub score: f64,
    pub max: f64,
    /// score / max, 0..=1.
    pub share: f64,
    /// This attempt reached the module's pass mark.
    pub passed: bool,
}

/// A module's summary and every graded attempt at it, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ModuleHistory {
    pub summary: ModuleSummary,
    pub attempts: Vec<AttemptPoint>,
}

/// A finished run of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScenarioRunLine {
    pub run_id: ScenarioRunId,
    pub module_id: String,
    pub scenario_id: String,
    /// The scenario's title; its id when a newer course version removed it.
    pub title: String,
    pub ending: EndingKind,
    /// Points earned per competency (may be negative).
    pub points: BTreeMap<String, f64>,
    pub critical: bool,
    /// A good or mixed ending without a critical choice.
    pub passed: bool,
    pub started_at: Timestamp,
    pub finished_at: Timestamp,
}

/// Everything a learner has done in a course, for the results history view.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResultsHistory {
    pub profile_id: ProfileId,
    pub profile_name: String,
    pub course_id: String,
    pub version: String,
    pub title: String,
    /// Every module is passed, and the final test when the course has one.
    pub passed: bool,
    /// In course order.
    pub modules: Vec<ModuleHistory>,
    /// The final test's attempts, when the course has one.
    pub final_test: Option<FinalTestHistory>,
    pub mastery: Vec<CompetencyMastery>,
    /// Finished runs, oldest first.
    pub scenario_runs: Vec<ScenarioRunLine>,
}

/// One question of a submitted attempt, looked back on.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuestionDetail {
    pub question_id: String,
    pub kind: QuestionKind,
    pub competency_id: String,
    pub prompt: String,
    /// The learner's answer as readable text; `None` when left unanswered.
    pub answer: Option<String>,
    pub score: f64,
    pub max: f64,
    pub correct: bool,
    /// The right answer.
    pub key: AnswerKey,
    /// Feedback on each part of the learner's answer; empty when unanswered.
    pub parts: Vec<PartFeedback>,
    pub explanation: String,
}

/// A submitted attempt with every question, the learner's answer, the key,
/// the score and the explanation.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AttemptDetail {
    pub attempt_id: AttemptId,
    pub course_id: String,
    /// The course version the attempt was made in.
    pub course_version: String,
    pub module_id: String,
    pub module_title: String,
    pub started_at: Timestamp,
    pub submitted_at: Option<Timestamp>,
    pub score: f64,
    pub max: f64,
    pub share: f64,
    pub pass_mark: f64,
    /// This attempt reached the pass mark.
    pub passed: bool,
    /// For a final-test attempt, its grade; `None` for a module's attempt.
    pub final_grade: Option<FinalGrade>,
    /// In the module's question order (a final test's: the order it was asked in).
    pub questions: Vec<QuestionDetail>,
}

/// A finished scenario run replayed: the path taken with the feedback of every step.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScenarioRunDetail {
    pub run_id: ScenarioRunId,
    pub course_id: String,
    pub module_id: String,
    pub scenario_id: String,
    pub title: String,
    pub started_at: Timestamp,
    pub finished_at: Timestamp,
    pub debrief: Debrief,
}

/// Graded attempts at `module_id`, oldest submission first.
pub(crate) fn graded_in_time_order<'a>(
    all: &'a [AttemptRow],
    module_id: &str,
) -> Vec<&'a AttemptRow> {
    let mut rows: Vec<&AttemptRow> = all
        .iter()
        .filter(|a| a.module_id == module_id && a.state == AttemptState::Graded)
        .collect();
    rows.sort_by_key(|a| (a.submitted_at, a.id));
    rows
}

fn run_line(course: &Course, row: &ScenarioRunRow, lang: &str) -> Option<ScenarioRunLine> {
    let (ending, finished_at) = (row.ending?, row.finished_at?);
    let scenario = find_module(course, &row.module_id)
        .ok()
        .and_then(|m| m.scenarios.iter().find(|s| s.id == row.scenario_id));
    let title = scenario.map_or_else(
        || row.scenario_id.clone(),
        |s| s.title.get(lang).to_string(),
    );
    Some(ScenarioRunLine {
        run_id: row.id,
        module_id: row.module_id.clone(),
        scenario_id: row.scenario_id.clone(),
        title,
        ending,
        points: row.points.clone(),
        critical: row.critical,
        // A scenario gone from the course can no longer say its best path.
        passed: match scenario {
            Some(s) => crate::scenario::run_passes(s, ending, row.critical, &row.points),
            None => matches!(ending, EndingKind::Good | EndingKind::Mixed) && !row.critical,
        },
        started_at: row.started_at,
        finished_at,
    })
}

impl Store {
    /// A learner's whole history in a course: per module every graded attempt
    /// in time order with its summary (best, last, pass state), mastery per
    /// competency, and every finished scenario run.
    pub fn results_history(
        &self,
        profile: ProfileId,
        course_id: &str,
        lang: &str,
    ) -> Result<ResultsHistory> {
        let who = self.profile(profile)?;
        let course = self.cached_course(course_id)?;
        let all = attempts::for_learner(&self.conn, profile, course_id)?;
        let runs = scenario_runs::for_learner(&self.conn, profile, course_id)?;
        let graded = answers::graded_for_learner(&self.conn, profile, course_id)?;

        let summaries = module_summaries(&course, &all, &runs, lang);
        let final_test = final_history(&course, &all, &summaries);
        let passed = course_passed(&summaries, final_test.as_ref().map(|f| &f.summary));
        let modules = course
            .modules
            .iter()
            .zip(summaries)
            .map(|(module, summary)| {
                let mark = pass_mark(&course, module);
                let attempts = graded_in_time_order(&all, &module.id)
                    .into_iter()
                    .filter_map(|row| {
                        let (score, max) = row.score.zip(row.max_score)?;
                        Some(AttemptPoint {
                            attempt_id: row.id,
                            submitted_at: row.submitted_at.unwrap_or(row.started_at),
                            score,
                            max,
                            share: share(score, max),
                            passed: attempt_passes(score, max, mark),
                        })
                    })
                    .collect();
                ModuleHistory { summary, attempts }
            })
            .collect();
        let mut finished: Vec<ScenarioRunLine> = runs
            .iter()
            .filter_map(|r| run_line(&course, r, lang))
            .collect();
        finished.sort_by_key(|r| (r.finished_at, r.run_id));
        Ok(ResultsHistory {
            profile_id: profile,
            profile_name: who.name,
            course_id: course.id.clone(),
            version: course.version.clone(),
            title: course.title.get(lang).to_string(),
            passed,
            modules,
            final_test,
            mastery: mastery(&course, &graded, &runs, lang),
            scenario_runs: finished,
        })
    }

    /// A submitted attempt question by question: the learner's answer, the
    /// right answer, the score and the explanation. An attempt still open is
    /// [`Error::AttemptNotSubmitted`]: its key must not reach the learner.
    pub fn attempt_detail(&self, attempt: AttemptId, lang: &str) -> Result<AttemptDetail> {
        let row = attempts::get(&self.conn, attempt)?.or_not_found("attempt", attempt)?;
        if row.state != AttemptState::Graded {
            return Err(Error::AttemptNotSubmitted { attempt: attempt.0 });
        }
        let course = self.cached_course(&row.course_id)?;
        let module = &*attempt_module(&course, &row)?;
        let saved = answers::for_attempt(&self.conn, attempt)?;
        let questions = module
            .questions
            .iter()
            .map(|question| {
                let stored = saved.iter().find(|a| a.question_id == question.id);
                let given: Option<Answer> =
                    stored.and_then(|a| serde_json::from_str(&a.answer).ok());
                let score = stored.and_then(|a| a.score).unwrap_or(0.0);
                let max = stored.and_then(|a| a.max_score).unwrap_or(question.points);
                let review = given
                    .as_ref()
                    .and_then(|g| super::attempt::review_of(question, g, lang, Some((score, max))));
                let (key, parts, explanation) = match review {
                    Some(r) => (r.key, r.parts, r.explanation),
                    None => (
                        quiz::answer_key(question, lang),
                        Vec::new(),
                        question.explanation.get(lang).to_string(),
                    ),
                };
                QuestionDetail {
                    question_id: question.id.clone(),
                    kind: question.kind(),
                    competency_id: question.competency.clone(),
                    prompt: question.prompt.get(lang).to_string(),
                    answer: given.as_ref().map(|g| answer_text(question, g, lang)),
                    score,
                    max,
                    correct: score >= max,
                    key,
                    parts,
                    explanation,
                }
            })
            .collect();
        let (score, max) = (row.score.unwrap_or(0.0), row.max_score.unwrap_or(0.0));
        let mark = pass_mark(&course, module);
        Ok(AttemptDetail {
            attempt_id: row.id,
            course_id: row.course_id.clone(),
            course_version: row.course_version.clone(),
            module_id: row.module_id.clone(),
            module_title: module.title.get(lang).to_string(),
            started_at: row.started_at,
            submitted_at: row.submitted_at,
            score,
            max,
            share: share(score, max),
            pass_mark: mark,
            passed: attempt_passes(score, max, mark),
            final_grade: if row.module_id == FINAL_TEST_ID {
                grade_in(&course, score, max)
            } else {
                None
            },
            questions,
        })
    }

    /// A finished scenario run replayed step by step with its debrief. A run
    /// without an ending is [`Error::RunNotFinished`].
    pub fn scenario_run_detail(
        &self,
        run_id: ScenarioRunId,
        lang: &str,
    ) -> Result<ScenarioRunDetail> {
        let row = scenario_runs::get(&self.conn, run_id)?.or_not_found("scenario run", run_id)?;
        let finished_at = match (row.ending, row.finished_at) {
            (Some(_), Some(at)) => at,
            _ => return Err(Error::RunNotFinished { run: run_id.0 }),
        };
        let course = self.cached_course(&row.course_id)?;
        let scenario = find_module(&course, &row.module_id)?
            .scenarios
            .iter()
            .find(|s| s.id == row.scenario_id)
            .or_not_found("scenario", &row.scenario_id)?;
        let debrief = Run::replay(scenario, &row.path)?
            .debrief(scenario, lang)?
            .ok_or(Error::RunNotFinished { run: run_id.0 })?;
        Ok(ScenarioRunDetail {
            run_id,
            course_id: row.course_id.clone(),
            module_id: row.module_id.clone(),
            scenario_id: row.scenario_id.clone(),
            title: scenario.title.get(lang).to_string(),
            started_at: row.started_at,
            finished_at,
            debrief,
        })
    }
}

/// "True"/"False" in the learner's language: the quiz's own words.
fn truth(value: bool, lang: &str) -> String {
    crate::i18n::tr(lang, if value { "quiz-true" } else { "quiz-false" }, &[])
}

/// The learner's answer as one line of text: option and item texts instead
/// of ids, an ordering numbered, a matching as `left → right` pairs.
pub(crate) fn answer_text(question: &Question, answer: &Answer, lang: &str) -> String {
    let option_text = |options: &[crate::content::AnswerOption], id: &str| {
        options
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.text.get(lang).to_string())
    };
    match (&question.body, answer) {
        (QuestionBody::Single { options }, Answer::Single { option }) => {
            option_text(options, option)
        }
        (QuestionBody::Multiple { options }, Answer::Multiple { options: picked }) => picked
            .iter()
            .map(|id| option_text(options, id))
            .collect::<Vec<_>>()
            .join("; "),
        (_, Answer::TrueFalse { value }) => truth(*value, lang),
        (_, Answer::ShortText { text }) => text.clone(),
        (QuestionBody::Numeric { unit, .. }, Answer::Numeric { value }) => match unit {
            Some(u) => format!("{value} {}", u.get(lang)),
            None => value.to_string(),
        },
        (_, Answer::Numeric { value }) => value.to_string(),
        (QuestionBody::Ordering { items }, Answer::Ordering { items: order }) => order
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let text = items
                    .iter()
                    .find(|it| &it.id == id)
                    .map_or(id.as_str(), |it| it.text.get(lang));
                format!("{}. {text}", i + 1)
            })
            .collect::<Vec<_>>()
            .join("; "),
        (QuestionBody::Matching { pairs }, Answer::Matching { pairs: chosen }) => pairs
            .iter()
            .map(|p| {
                let right = chosen
                    .get(&p.id)
                    .and_then(|r| pairs.iter().find(|q| &q.id == r))
                    .map_or("–", |q| q.right.get(lang));
                format!("{} → {right}", p.left.get(lang))
            })
            .collect::<Vec<_>>()
            .join("; "),
        // An answer of another kind than the question (a newer course version
        // changed it): its ids, as stored.
        (_, Answer::Single { option }) => option.clone(),
        (_, Answer::Multiple { options }) => options.join("; "),
        (_, Answer::Ordering { items }) => items.join("; "),
        (_, Answer::Matching { pairs }) => pairs
            .iter()
            .map(|(l, r)| format!("{l} → {r}"))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use proptest::prelude::*;

    use super::*;
    use crate::quiz::KeyOption;
    use crate::storage::testing::TestClock;

    fn setup() -> (tempfile::TempDir, Store, TestClock, ProfileId) {
        crate::progress::testing::store_with_learner("Åsa Öberg")
    }

    /// One m1 attempt (immediate feedback) with the given answers, submitted.
    fn m1_attempt(store: &mut Store, p: ProfileId, q1: &str, q2: Option<bool>) -> AttemptId {
        let a = store.start_attempt(p, "c", "m1", "sv").unwrap().id;
        store
            .save_answer(a, "q1", &Answer::Single { option: q1.into() }, "sv")
            .unwrap();
        if let Some(v) = q2 {
            store
                .save_answer(a, "q2", &Answer::TrueFalse { value: v }, "sv")
                .unwrap();
        }
        store.submit_attempt(a, "sv").unwrap();
        a
    }

    #[test]
    fn history_lists_every_graded_attempt_in_time_order_with_runs_and_mastery() {
        let (_d, mut store, clock, p) = setup();
        let first = m1_attempt(&mut store, p, "b", Some(true));
        clock.advance(3600);
        let second = m1_attempt(&mut store, p, "a", Some(true));
        clock.advance(3600);
        let third = m1_attempt(&mut store, p, "a", None);
        clock.advance(60);
        let open = store.start_attempt(p, "c", "m1", "sv").unwrap().id;
        let run = store
            .start_scenario(p, "c", "m2", "s1", "sv")
            .unwrap()
            .run_id;
        store.choose_in_scenario(run, "greet", "sv").unwrap();
        let unfinished = store
            .start_scenario(p, "c", "m2", "s1", "sv")
            .unwrap()
            .run_id;

        let h = store.results_history(p, "c", "sv").unwrap();
        assert_eq!(h.profile_name, "Åsa Öberg", "the history names the learner");
        let m1 = &h.modules[0];
        let ids: Vec<AttemptId> = m1.attempts.iter().map(|a| a.attempt_id).collect();
        assert_eq!(
            ids,
            [first, second, third],
            "every graded attempt, oldest first; the open one {open} is not a point"
        );
        let shares: Vec<f64> = m1.attempts.iter().map(|a| a.share).collect();
        assert_eq!(shares, [0.5, 1.0, 0.5], "each point carries its own share");
        let passed: Vec<bool> = m1.attempts.iter().map(|a| a.passed).collect();
        assert_eq!(
            passed,
            [false, true, false],
            "passed means this attempt reached the mark"
        );
        assert!(
            m1.attempts
                .windows(2)
                .all(|w| w[0].submitted_at < w[1].submitted_at),
            "points are in time order"
        );
        assert_eq!(
            m1.summary.best.as_ref().map(|b| b.attempt_id),
            Some(second),
            "the summary's best is the full-marks attempt"
        );
        assert_eq!(
            m1.summary.last.as_ref().map(|b| b.attempt_id),
            Some(third),
            "the summary's last is the latest graded attempt"
        );
        assert_eq!(
            m1.summary.open_attempt,
            Some(open),
            "the open attempt is offered to resume"
        );
        assert!(h.modules[1].attempts.is_empty(), "m2 has no graded attempt");

        let runs: Vec<ScenarioRunId> = h.scenario_runs.iter().map(|r| r.run_id).collect();
        assert_eq!(
            runs,
            [run],
            "only the finished run is listed, not {unfinished}"
        );
        let line = &h.scenario_runs[0];
        assert_eq!(
            (line.ending, line.critical, line.passed, line.title.as_str()),
            (EndingKind::Good, false, true, "s1"),
            "the run line carries ending, critical flag and title"
        );
        assert_eq!(
            line.points.get("welcome"),
            Some(&2.0),
            "the run's points per competency"
        );

        let welcome = h
            .mastery
            .iter()
            .find(|m| m.competency_id == "welcome")
            .unwrap();
        assert_eq!(
            (welcome.score, welcome.max, welcome.answers),
            (2.0, 3.0, 3),
            "mastery sums every graded q1 answer of the three attempts"
        );
        assert!(!h.passed, "m2 is not passed, so the course is not");
    }

    #[test]
    fn question_totals_kept_by_the_trigger_equal_the_sums_over_graded_answers() {
        let (_d, mut store, _, p) = setup();
        m1_attempt(&mut store, p, "b", Some(true));
        m1_attempt(&mut store, p, "a", None);
        // Immediate feedback scores q1 at once, but an open attempt does not count yet.
        let open = store.start_attempt(p, "c", "m1", "sv").unwrap().id;
        store
            .save_answer(open, "q1", &Answer::Single { option: "a".into() }, "sv")
            .unwrap();
        let m2 = store.start_attempt(p, "c", "m2", "sv").unwrap().id;
        store
            .save_answer(m2, "q1", &Answer::ShortText { text: "hej".into() }, "sv")
            .unwrap();
        store.submit_attempt(m2, "sv").unwrap();

        let mut totals: Vec<(String, String, f64, f64, u32)> =
            answers::graded_for_learner(&store.conn, p, "c")
                .unwrap()
                .into_iter()
                .map(|g| (g.module_id, g.question_id, g.score, g.max_score, g.count))
                .collect();
        totals.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        let mut stmt = store
            .conn
            .prepare(
                "SELECT t.module_id, a.question_id, SUM(a.score), SUM(a.max_score), COUNT(*)
                 FROM attempts t JOIN answers a ON a.attempt_id = t.id
                 WHERE t.profile_id = ?1 AND t.state = 'graded' AND a.score IS NOT NULL
                 GROUP BY 1, 2 ORDER BY 1, 2",
            )
            .unwrap();
        let summed: Vec<(String, String, f64, f64, u32)> = stmt
            .query_map([p], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(
            totals, summed,
            "the trigger-kept totals must equal the sums over the graded answers"
        );
        assert_eq!(
            totals
                .iter()
                .find(|t| t.0 == "m1" && t.1 == "q1")
                .map(|t| t.4),
            Some(2),
            "the open attempt's scored answer is not counted before it is graded"
        );
    }

    #[test]
    fn an_open_attempt_has_no_detail_so_its_key_cannot_leak() {
        let (_d, mut store, _, p) = setup();
        let a = store.start_attempt(p, "c", "m2", "en").unwrap().id;
        store
            .save_answer(
                a,
                "q1",
                &Answer::ShortText {
                    text: "nope".into(),
                },
                "en",
            )
            .unwrap();
        let err = store.attempt_detail(a, "en").unwrap_err();
        assert!(
            matches!(err, Error::AttemptNotSubmitted { attempt } if attempt == a.0),
            "an open attempt must be a typed error, got {err:?}"
        );
        assert!(
            err.to_string().contains("not been submitted"),
            "the message says why: {err}"
        );
        let missing = store.attempt_detail(AttemptId(9999), "en").unwrap_err();
        assert!(
            matches!(missing, Error::NotFound { .. }),
            "an unknown id is NotFound"
        );
    }

    #[test]
    fn attempt_detail_shows_answer_key_score_and_explanation_per_question() {
        let (_d, mut store, _, p) = setup();
        let a = m1_attempt(&mut store, p, "b", None);
        let d = store.attempt_detail(a, "sv").unwrap();
        assert_eq!(
            (d.score, d.max, d.passed),
            (0.0, 2.0, false),
            "the attempt's stored score"
        );
        assert_eq!(
            d.questions.len(),
            2,
            "every question of the module, answered or not"
        );
        let q1 = &d.questions[0];
        assert_eq!(
            q1.answer.as_deref(),
            Some("b"),
            "the learner's option as its text"
        );
        assert_eq!(
            (q1.score, q1.max, q1.correct),
            (0.0, 1.0, false),
            "q1 was wrong"
        );
        assert_eq!(
            q1.key,
            AnswerKey::Single {
                options: vec![
                    KeyOption {
                        id: "a".into(),
                        text: "a".into(),
                        correct: true
                    },
                    KeyOption {
                        id: "b".into(),
                        text: "b".into(),
                        correct: false
                    },
                ]
            },
            "the key shows which option was right"
        );
        assert_eq!(q1.explanation, "why", "the explanation is shown");
        assert_eq!(q1.parts.len(), 1, "feedback on the one option picked");
        let q2 = &d.questions[1];
        assert_eq!(q2.answer, None, "q2 was left unanswered");
        assert_eq!(
            (q2.score, q2.key.clone()),
            (0.0, AnswerKey::TrueFalse { value: true }),
            "an unanswered question scores 0 and still shows its key"
        );
        assert_eq!(q2.explanation, "why", "and its explanation");
    }

    #[test]
    fn a_finished_run_replays_with_feedback_and_an_unfinished_one_is_refused() {
        let (_d, mut store, _, p) = setup();
        let run = store
            .start_scenario(p, "c", "m2", "s1", "en")
            .unwrap()
            .run_id;
        let err = store.scenario_run_detail(run, "en").unwrap_err();
        assert!(
            matches!(err, Error::RunNotFinished { run: r } if r == run.0),
            "an unfinished run is a typed error, got {err:?}"
        );
        store.choose_in_scenario(run, "ignore", "en").unwrap();
        let d = store.scenario_run_detail(run, "en").unwrap();
        assert_eq!(d.debrief.steps.len(), 1, "the one choice made is replayed");
        let step = &d.debrief.steps[0];
        assert_eq!(
            (
                step.choice_id.as_str(),
                step.feedback.as_str(),
                step.critical
            ),
            ("ignore", "feedback", true),
            "each step carries its choice, feedback and critical flag"
        );
        assert!(
            d.debrief.critical && !d.debrief.passed,
            "the critical choice fails the run"
        );
    }

    #[test]
    fn answers_read_as_text_in_the_learners_language() {
        use crate::quiz::testing::{items, option, pairs, question};
        let ordering = question(
            "o",
            1.0,
            QuestionBody::Ordering {
                items: items(&["x", "y"]),
            },
        );
        let order = Answer::Ordering {
            items: vec!["y".into(), "x".into()],
        };
        let y = ordering_text(&ordering, "y");
        assert_eq!(
            answer_text(&ordering, &order, "en"),
            format!("1. {y}; 2. {}", ordering_text(&ordering, "x")),
            "an ordering reads as a numbered list of item texts"
        );
        let matching = question(
            "m",
            1.0,
            QuestionBody::Matching {
                pairs: pairs(&["p", "q"]),
            },
        );
        let chosen = Answer::Matching {
            pairs: [("p".to_string(), "q".to_string())].into(),
        };
        let text = answer_text(&matching, &chosen, "en");
        assert_eq!(
            text.matches('→').count(),
            2,
            "every left side is listed: {text}"
        );
        assert!(
            text.ends_with("→ –"),
            "an unmatched left side shows a dash: {text}"
        );
        let multiple = question(
            "mu",
            1.0,
            QuestionBody::Multiple {
                options: vec![option("a", true), option("b", true)],
            },
        );
        let picked = Answer::Multiple {
            options: vec!["a".into(), "b".into()],
        };
        assert_eq!(
            answer_text(&multiple, &picked, "en"),
            "Option a; Option b",
            "picked options read as their texts"
        );
        let tf = question(
            "t",
            1.0,
            QuestionBody::TrueFalse {
                answer: true,
                feedback_true: None,
                feedback_false: None,
            },
        );
        assert_eq!(
            answer_text(&tf, &Answer::TrueFalse { value: false }, "sv"),
            "Falskt",
            "Swedish words for true/false"
        );
        assert_eq!(
            answer_text(&tf, &Answer::TrueFalse { value: true }, "en"),
            "True",
            "English words too"
        );
    }

    fn ordering_text(q: &Question, id: &str) -> String {
        match &q.body {
            QuestionBody::Ordering { items } => items
                .iter()
                .find(|i| i.id == id)
                .unwrap()
                .text
                .get("en")
                .to_string(),
            _ => unreachable!("an ordering question"),
        }
    }

    proptest! {
        #[test]
        fn the_key_of_an_unanswered_question_is_the_key_feedback_gives(
            (question, answer) in crate::quiz::testing::arb_question_and_answer()
        ) {
            if let Ok(review) = crate::quiz::feedback_for(&question, &answer, "sv") {
                prop_assert_eq!(quiz::answer_key(&question, "sv"), review.key, "answer_key must agree with quiz::feedback_for");
            }
        }
    }
}
