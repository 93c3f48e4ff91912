//! Quiz attempts as a state machine: started (answers saved one by one, each
//! committed before the call returns) → submitted → graded. A learner has at
//! most one unfinished attempt per module; starting again resumes it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::results::ModuleResult;
use super::{AttemptId, ProfileId, find_module, find_question};
use crate::content::{Course, FeedbackMode, Module, Question};
use crate::error::OrNotFound;
use crate::final_test::{self, FINAL_TEST_ID};
use crate::quiz::{self, Answer, AnswerReview, Grade, QuestionView};
use crate::review;
use crate::storage::attempts::{self, AttemptRow};
use crate::storage::{Store, Timestamp, answers, review_cards};
use crate::xapi;
use crate::{Error, Result};

/// Where an attempt is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AttemptState {
    /// Open: answers are being given and saved.
    Started,
    /// Closed to answers, not yet graded (grading finishes on the next call).
    Submitted,
    /// Scores are stored.
    Graded,
}

/// What can happen to an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptEvent {
    SaveAnswer,
    Submit,
    Grade,
}

impl AttemptState {
    /// The state after `event`, or `None` when the event is not allowed in this state.
    pub fn next(self, event: AttemptEvent) -> Option<AttemptState> {
        match (self, event) {
            (AttemptState::Started, AttemptEvent::SaveAnswer) => Some(AttemptState::Started),
            (AttemptState::Started, AttemptEvent::Submit) => Some(AttemptState::Submitted),
            (AttemptState::Submitted, AttemptEvent::Grade) => Some(AttemptState::Graded),
            _ => None,
        }
    }

    pub(crate) fn from_db(s: &str) -> Option<AttemptState> {
        match s {
            "started" => Some(AttemptState::Started),
            "submitted" => Some(AttemptState::Submitted),
            "graded" => Some(AttemptState::Graded),
            _ => None,
        }
    }
}

/// An attempt as the learner sees it: the module's questions (no keys) and
/// every answer saved so far, so a resumed attempt continues where it stopped.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AttemptView {
    pub id: AttemptId,
    pub profile_id: ProfileId,
    pub course_id: String,
    pub module_id: String,
    pub state: AttemptState,
    pub feedback: FeedbackMode,
    pub started_at: Timestamp,
    /// True when this call resumed an unfinished attempt rather than starting one.
    pub resumed: bool,
    /// In the order the author wrote them; options, ordering items and
    /// matching right sides shuffled by the attempt's seed, and items and pair
    /// sides under its tokens, the same on every resume.
    pub questions: Vec<QuestionView>,
    pub answers: Vec<SavedAnswer>,
}

/// One saved answer of an attempt.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SavedAnswer {
    pub question_id: String,
    /// In the ids of the attempt's question views, as the learner gave it
    /// (ordering items and matching sides as tokens).
    pub answer: Answer,
    pub saved_at: Timestamp,
    /// With immediate feedback, the review the learner already saw; `None` when deferred.
    pub review: Option<AnswerReview>,
}

/// The reply to saving an answer: it is on disk.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AnswerSaved {
    pub attempt_id: AttemptId,
    pub question_id: String,
    pub saved_at: Timestamp,
    /// With immediate feedback, the graded review of this answer; `None` when deferred.
    pub review: Option<AnswerReview>,
}

/// The questions an attempt asks: its module's, or for the final test the
/// ones its seed draws from the bank (the same on every resume).
pub(crate) fn attempt_module<'c>(course: &'c Course, row: &AttemptRow) -> Result<Cow<'c, Module>> {
    if row.module_id == FINAL_TEST_ID {
        return final_test::attempt_module(course, seed_of(row))
            .map(Cow::Owned)
            .or_not_found("final test of course", &course.id);
    }
    find_module(course, &row.module_id).map(Cow::Borrowed)
}

/// A seed for the attempt's shuffles, kept within a JavaScript-safe integer.
fn new_seed() -> i64 {
    let (hi, _) = uuid::Uuid::new_v4().as_u64_pair();
    i64::try_from(hi >> 11).unwrap_or(0)
}

fn seed_of(row: &AttemptRow) -> u64 {
    u64::try_from(row.seed).unwrap_or(row.seed.unsigned_abs())
}

fn parse_answer(json: &str, question_id: &str) -> Result<Answer> {
    serde_json::from_str(json).map_err(|e| {
        Error::Invalid(format!(
            "The saved answer to \"{question_id}\" could not be read ({e})."
        ))
    })
}

/// The review of a stored answer, showing the score that was stored for it
/// (a later course version may grade it differently).
pub(crate) fn review_of(
    question: &Question,
    answer: &Answer,
    lang: &str,
    stored: Option<(f64, f64)>,
) -> Option<AnswerReview> {
    let mut review = quiz::feedback_for(question, answer, lang).ok()?;
    if let Some((score, max)) = stored {
        review.grade = Grade {
            score,
            max,
            correct: score >= max,
        };
    }
    Some(review)
}

impl Store {
    /// Starts an attempt at a module, or resumes the learner's unfinished one.
    pub fn start_attempt(
        &mut self,
        profile: ProfileId,
        course_id: &str,
        module_id: &str,
        lang: &str,
    ) -> Result<AttemptView> {
        self.profile(profile)?;
        let course = self.cached_course(course_id)?;
        let module = find_module(&course, module_id)?;
        if module.questions.is_empty() {
            return Err(Error::Invalid(format!(
                "The module \"{module_id}\" has no questions to answer."
            )));
        }
        self.open_attempt(profile, &course, module_id, lang)
    }

    /// Resumes the learner's unfinished attempt at `module_id` (a module's or
    /// the final test's), or starts one with a new secret seed.
    pub(crate) fn open_attempt(
        &mut self,
        profile: ProfileId,
        course: &Course,
        module_id: &str,
        lang: &str,
    ) -> Result<AttemptView> {
        let course_id = course.id.as_str();
        if let Some(open) = attempts::unfinished(&self.conn, profile, course_id, module_id)? {
            let module = attempt_module(course, &open)?;
            if open.state == AttemptState::Started {
                return self.attempt_view(&open, course, &module, lang, true);
            }
            // Grading was interrupted (a crash between submit and grade): finish it first.
            self.grade_submitted(&open, course, &module, lang)?;
        }
        let now = self.now();
        let seed = new_seed();
        let version = course.version.clone();
        let id = self.transact(|tx| {
            attempts::insert(tx, profile, course_id, module_id, &version, seed, now)
        })?;
        let row = attempts::get(&self.conn, id)?.or_not_found("attempt", id)?;
        let module = attempt_module(course, &row)?;
        self.attempt_view(&row, course, &module, lang, false)
    }

    /// An attempt by id with its saved answers (to resume it, or to look back).
    pub fn attempt(&self, id: AttemptId, lang: &str) -> Result<AttemptView> {
        let row = attempts::get(&self.conn, id)?.or_not_found("attempt", id)?;
        let course = self.cached_course(&row.course_id)?;
        let module = attempt_module(&course, &row)?;
        self.attempt_view(&row, &course, &module, lang, true)
    }

    fn attempt_view(
        &self,
        row: &AttemptRow,
        course: &Course,
        module: &Module,
        lang: &str,
        resumed: bool,
    ) -> Result<AttemptView> {
        let seed = seed_of(row);
        let questions = module
            .questions
            .iter()
            .map(|q| quiz::view(q, lang, seed))
            .collect();
        let immediate =
            module.feedback == FeedbackMode::Immediate || row.state == AttemptState::Graded;
        let mut saved = Vec::new();
        // Answers in the module's question order; answers to questions a newer
        // course version removed stay stored but are not shown.
        let rows = answers::for_attempt(&self.conn, row.id)?;
        for question in &module.questions {
            let Some(a) = rows.iter().find(|a| a.question_id == question.id) else {
                continue;
            };
            let answer = parse_answer(&a.answer, &a.question_id)?;
            let stored = a.score.zip(a.max_score);
            let review = if immediate {
                review_of(question, &answer, lang, stored)
            } else {
                None
            };
            saved.push(SavedAnswer {
                question_id: a.question_id.clone(),
                // Stored in author ids; shown in the tokens of this attempt's view.
                answer: quiz::encode_answer(question, seed, &answer),
                saved_at: a.saved_at,
                review,
            });
        }
        Ok(AttemptView {
            id: row.id,
            profile_id: row.profile_id,
            course_id: course.id.clone(),
            module_id: module.id.clone(),
            state: row.state,
            feedback: module.feedback,
            started_at: row.started_at,
            resumed,
            questions,
            answers: saved,
        })
    }

    /// Saves the learner's answer to one question of an open attempt; it is
    /// committed (synchronous=FULL) before this returns. With immediate
    /// feedback the answer is final and its review comes back at once; with
    /// deferred feedback it may be changed until the attempt is submitted.
    /// `answer` uses the ids of the attempt's [`QuestionView`]s (tokens for
    /// ordering items and matching sides); a token the view did not show is
    /// [`Error::WrongAnswerShape`].
    pub fn save_answer(
        &mut self,
        attempt: AttemptId,
        question_id: &str,
        answer: &Answer,
        lang: &str,
    ) -> Result<AnswerSaved> {
        let row = attempts::get(&self.conn, attempt)?.or_not_found("attempt", attempt)?;
        if row.state.next(AttemptEvent::SaveAnswer).is_none() {
            return Err(Error::AttemptClosed { attempt: attempt.0 });
        }
        let course = self.cached_course(&row.course_id)?;
        let module = attempt_module(&course, &row)?;
        let question =
            find_question(&module, question_id).ok_or_else(|| Error::QuestionNotInModule {
                question: question_id.to_string(),
                module: module.id.clone(),
            })?;
        // Items and pair sides come as the view's tokens; stored answers hold
        // author ids, so they stay gradable whatever the token scheme becomes.
        let answer = &quiz::decode_answer(question, seed_of(&row), answer)?;
        // Grading first refuses an answer of the wrong shape before anything is saved.
        let grade = quiz::grade(question, answer, lang)?;
        let immediate = module.feedback == FeedbackMode::Immediate;
        let json = serde_json::to_string(answer)
            .map_err(|e| Error::Invalid(format!("The answer could not be saved: {e}")))?;
        let now = self.now();
        let recorded = self.transact(|tx| {
            // Checked again inside the write lock: another window may have submitted.
            let current = attempts::get(tx, attempt)?.or_not_found("attempt", attempt)?;
            if current.state != AttemptState::Started {
                return Err(Error::AttemptClosed { attempt: attempt.0 });
            }
            if immediate && answers::get(tx, attempt, question_id)?.is_some() {
                return Err(Error::AlreadyAnswered {
                    question: question_id.to_string(),
                });
            }
            answers::upsert(tx, attempt, question_id, &json, lang, now)?;
            if immediate {
                answers::set_score(tx, attempt, question_id, grade.score, grade.max)?;
                // With immediate feedback the answer is final: its statement now.
                let (home, in_final) = question_home(&course, &module, question_id);
                return xapi::record(
                    tx,
                    &course,
                    current.profile_id,
                    &xapi::Event::Answered {
                        module: home,
                        question,
                        answer,
                        score: grade.score,
                        max: grade.max,
                        final_test: in_final,
                        attempt: attempt.0,
                    },
                    lang,
                    now,
                );
            }
            Ok(false)
        })?;
        if recorded {
            self.note_outbox_added();
        }
        let review = if immediate {
            review_of(question, answer, lang, Some((grade.score, grade.max)))
        } else {
            None
        };
        Ok(AnswerSaved {
            attempt_id: attempt,
            question_id: question_id.to_string(),
            saved_at: now,
            review,
        })
    }

    /// Submits an attempt, grades every question of the module (unanswered
    /// ones score 0), puts every question not fully right in the review queue,
    /// and returns the module result.
    pub fn submit_attempt(&mut self, attempt: AttemptId, lang: &str) -> Result<ModuleResult> {
        let row = attempts::get(&self.conn, attempt)?.or_not_found("attempt", attempt)?;
        let course = self.cached_course(&row.course_id)?;
        let module = attempt_module(&course, &row)?;
        match row.state {
            AttemptState::Started => {
                let now = self.now();
                // Submitted is durable on its own, so a crash before grading
                // leaves a closed attempt that the next call grades.
                if !self.transact(|tx| attempts::mark_submitted(tx, attempt, now))? {
                    return Err(Error::AttemptClosed { attempt: attempt.0 });
                }
                self.grade_submitted(&row, &course, &module, lang)?;
            }
            AttemptState::Submitted => self.grade_submitted(&row, &course, &module, lang)?,
            AttemptState::Graded => return Err(Error::AttemptClosed { attempt: attempt.0 }),
        }
        self.module_result(attempt, lang)
    }

    /// Grades a submitted attempt in one transaction, with its statements
    /// when the learner is in a class: every answer not told already (with
    /// immediate feedback each was, when it was saved), the result, and the
    /// certificate once the course is passed.
    fn grade_submitted(
        &mut self,
        row: &AttemptRow,
        course: &Course,
        module: &Module,
        lang: &str,
    ) -> Result<()> {
        let now = self.now();
        let saved = answers::for_attempt(&self.conn, row.id)?;
        let mut graded: Vec<(String, Option<(f64, f64)>)> = Vec::new();
        // Answers to tell in statements: question, answer, its language, score, max.
        let mut told: Vec<(&Question, Answer, String, f64, f64)> = Vec::new();
        let told_at_save = module.feedback == FeedbackMode::Immediate;
        let (mut score, mut max) = (0.0, 0.0);
        for question in &module.questions {
            max += question.points;
            let Some(a) = saved.iter().find(|a| a.question_id == question.id) else {
                graded.push((question.id.clone(), None));
                continue;
            };
            // An answer that no longer fits (a newer course version changed the
            // options) scores 0 rather than blocking the submission.
            let parsed = parse_answer(&a.answer, &a.question_id).ok();
            let grade = parsed
                .as_ref()
                .and_then(|answer| quiz::grade(question, answer, &a.lang).ok())
                .map(|g| (g.score, g.max))
                .unwrap_or((0.0, question.points));
            if let Some(answer) = parsed
                && !told_at_save
            {
                told.push((question, answer, a.lang.clone(), grade.0, grade.1));
            }
            score += grade.0;
            graded.push((question.id.clone(), Some(grade)));
        }
        let (id, profile, course_id, module_id) =
            (row.id, row.profile_id, course.id.clone(), module.id.clone());
        let final_test = module_id == FINAL_TEST_ID;
        let recorded = self.transact(|tx| {
            for (question_id, grade) in &graded {
                if let Some((s, m)) = grade {
                    answers::set_score(tx, id, question_id, *s, *m)?;
                }
                let right = grade.is_some_and(|(s, m)| s >= m);
                // The review queue finds questions in their module; a bank
                // question is in none, so the final test feeds no review cards.
                if !right && !final_test {
                    let card = match review_cards::get(
                        tx,
                        profile,
                        &course_id,
                        &module_id,
                        question_id,
                    )? {
                        Some(existing) => {
                            review::schedule(&existing.card, review::Outcome::Again, now)
                        }
                        None => review::new_card(now),
                    };
                    review_cards::upsert(
                        tx,
                        profile,
                        &course_id,
                        &module_id,
                        question_id,
                        &card,
                        now,
                    )?;
                }
            }
            if !attempts::mark_graded(tx, id, score, max)? {
                return Err(Error::AttemptClosed { attempt: id.0 });
            }
            let mut recorded = false;
            for (question, answer, answer_lang, s, m) in &told {
                let (home, in_final) = question_home(course, module, &question.id);
                recorded |= xapi::record(
                    tx,
                    course,
                    profile,
                    &xapi::Event::Answered {
                        module: home,
                        question,
                        answer,
                        score: *s,
                        max: *m,
                        final_test: in_final,
                        attempt: id.0,
                    },
                    answer_lang,
                    now,
                )?;
            }
            let finished = if final_test {
                let test = course.final_test.as_ref();
                let pass_mark = test.map_or(0.0, |t| t.pass_mark);
                let grade = super::final_test::grade_in(course, score, max);
                xapi::Event::FinalTestFinished {
                    attempt: id.0,
                    score,
                    max,
                    pass_mark,
                    passed: grade.is_some_and(|g| g.passed()),
                    grade: match grade {
                        Some(final_test::FinalGrade::Distinction) => "distinction",
                        Some(final_test::FinalGrade::Pass) => "pass",
                        _ => "fail",
                    },
                }
            } else {
                let pass_mark = super::rules::pass_mark(course, module);
                xapi::Event::QuizFinished {
                    module,
                    attempt: id.0,
                    score,
                    max,
                    pass_mark,
                    passed: super::rules::attempt_passes(score, max, pass_mark),
                }
            };
            recorded |= xapi::record(tx, course, profile, &finished, lang, now)?;
            recorded |=
                super::results::record_certificate_if_earned(tx, course, profile, lang, now)?;
            Ok(recorded)
        })?;
        if recorded {
            self.note_outbox_added();
        }
        Ok(())
    }
}

/// The module a question of `module` belongs to, and whether it is asked in
/// the final test (whose questions come from the modules' banks).
fn question_home<'c>(
    course: &'c Course,
    module: &'c Module,
    question_id: &str,
) -> (&'c Module, bool) {
    if module.id != FINAL_TEST_ID {
        return (module, false);
    }
    let home = course
        .final_test
        .as_ref()
        .and_then(|t| t.questions.iter().find(|b| b.question.id == question_id))
        .and_then(|b| course.modules.iter().find(|m| m.id == b.module));
    (home.unwrap_or(module), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_machine_allows_only_forward_steps() {
        use AttemptEvent::*;
        use AttemptState::*;
        assert_eq!(
            Started.next(SaveAnswer),
            Some(Started),
            "answers are saved while started"
        );
        assert_eq!(
            Started.next(Submit),
            Some(Submitted),
            "a started attempt can be submitted"
        );
        assert_eq!(
            Submitted.next(Grade),
            Some(Graded),
            "a submitted attempt is graded"
        );
        for (state, event) in [
            (Submitted, SaveAnswer),
            (Graded, SaveAnswer),
            (Graded, Submit),
            (Started, Grade),
            (Submitted, Submit),
        ] {
            assert_eq!(
                state.next(event),
                None,
                "{event:?} must not be allowed in {state:?}"
            );
        }
        for (name, s) in [
            ("started", Started),
            ("submitted", Submitted),
            ("graded", Graded),
        ] {
            assert_eq!(
                AttemptState::from_db(name),
                Some(s),
                "the stored name {name} must map to {s:?}"
            );
        }
        assert_eq!(
            AttemptState::from_db("lost"),
            None,
            "an unknown stored state is not guessed"
        );
    }
}
