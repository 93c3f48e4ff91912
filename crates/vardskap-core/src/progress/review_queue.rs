//! The review queue over the store: questions a learner got wrong come back
//! when the scheduler (`crate::review`, FSRS) says they are due; answering one
//! reschedules it.

use serde::Serialize;

use super::{ProfileId, find_module, find_question};
use crate::error::OrNotFound;
use crate::quiz::{self, Answer, AnswerReview, QuestionView};
use crate::review::{self, Outcome, ReviewCard};
use crate::storage::review_cards::ReviewCardRow;
use crate::storage::{Store, attempts, review_cards};
use crate::{Error, Result};

/// A question due for review.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReviewItem {
    pub course_id: String,
    pub module_id: String,
    pub question: QuestionView,
    pub card: ReviewCard,
}

/// The reply to a review answer: feedback at once, and when it comes back.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReviewAnswered {
    pub review: AnswerReview,
    pub card: ReviewCard,
}

impl Store {
    /// The learner's review questions due now, most overdue first, across all
    /// installed courses. Cards of questions a newer course version removed are
    /// skipped (and kept, in case the question returns).
    pub fn reviews_due(&self, profile: ProfileId, lang: &str) -> Result<Vec<ReviewItem>> {
        self.profile(profile)?;
        let mut items = Vec::new();
        for row in review_cards::due(&self.conn, profile, self.now())? {
            let Ok(course) = self.cached_course(&row.course_id) else {
                continue;
            };
            let Some(module) = course.modules.iter().find(|m| m.id == row.module_id) else {
                continue;
            };
            let Some(question) = find_question(module, &row.question_id) else {
                continue;
            };
            // Cards are made when an attempt is graded, so the module has one;
            // without it there is no secret to hide matching pairs behind.
            let Some(seed) = review_seed(&self.conn, &row)? else {
                continue;
            };
            items.push(ReviewItem {
                course_id: row.course_id,
                module_id: row.module_id,
                question: quiz::view(question, lang, seed),
                card: row.card,
            });
        }
        Ok(items)
    }

    /// Grades a review answer and reschedules its card (full marks: Good,
    /// anything less: Again); the new schedule is committed before returning.
    /// `answer` uses the ids of the [`ReviewItem`]'s view (tokens for ordering
    /// items and matching sides, which change each time the card is reviewed).
    pub fn answer_review(
        &mut self,
        profile: ProfileId,
        course_id: &str,
        module_id: &str,
        question_id: &str,
        answer: &Answer,
        lang: &str,
    ) -> Result<ReviewAnswered> {
        self.profile(profile)?;
        let course = self.cached_course(course_id)?;
        let module = find_module(&course, module_id)?;
        let question =
            find_question(module, question_id).ok_or_else(|| Error::QuestionNotInModule {
                question: question_id.to_string(),
                module: module_id.to_string(),
            })?;
        let now = self.now();
        // The card is read once, in the write lock, so the seed that decodes
        // the answer belongs to the same card state that is rescheduled.
        let (review, card) = self.transact(|tx| {
            let row = review_cards::get(tx, profile, course_id, module_id, question_id)?
                .or_not_found("review card", question_id)?;
            let seed = review_seed(tx, &row)?.or_not_found("attempt at module", module_id)?;
            let answer = quiz::decode_answer(question, seed, answer)?;
            let review = quiz::feedback_for(question, &answer, lang)?;
            let card = review::schedule(&row.card, Outcome::from_grade(&review.grade), now);
            review_cards::upsert(tx, profile, course_id, module_id, question_id, &card, now)?;
            Ok((review, card))
        })?;
        Ok(ReviewAnswered { review, card })
    }
}

/// The seed of a review card's view: secret (derived from the seed of the
/// learner's first attempt at the module, which never reaches the UI) and new
/// with every review (mixed with the card's review count), so the shuffle and
/// the matching tokens differ each time. `None` when the module has no attempt.
fn review_seed(conn: &rusqlite::Connection, row: &ReviewCardRow) -> Result<Option<u64>> {
    let first = attempts::first_seed(conn, row.profile_id, &row.course_id, &row.module_id)?;
    Ok(first.map(|seed| {
        let seed = u64::from_le_bytes(seed.to_le_bytes());
        // Golden-ratio multiple: distinct review counts give far-apart seeds.
        seed ^ (u64::from(row.card.reps) + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use crate::content::{Item, QuestionBody, Text};
    use crate::progress::testing::{course, single, store_with_learner};
    use crate::quiz::{Answer, ViewBody};

    const STEPS: [&str; 4] = ["lyssna", "be-om-ursakt", "handla", "folj-upp"];

    /// The test course with m1's questions replaced by an ordering question
    /// "steps" (ids of two or more letters outside hex) and a single one.
    fn course_with_ordering() -> crate::content::Course {
        let mut c = course();
        let mut steps = single("steps", "welcome");
        steps.body = QuestionBody::Ordering {
            items: STEPS
                .iter()
                .map(|id| Item {
                    id: id.to_string(),
                    text: Text::from_pairs([("sv", *id), ("en", *id)]),
                })
                .collect(),
        };
        c.modules[0].questions = vec![steps, single("q1", "welcome")];
        c
    }

    /// The answer of a learner who orders the review's items by their texts.
    fn ordered_by_text(view: &crate::quiz::QuestionView) -> Answer {
        let ViewBody::Ordering { items } = &view.body else {
            panic!("steps is an ordering question");
        };
        Answer::Ordering {
            items: STEPS
                .iter()
                .map(|s| items.iter().find(|i| i.text == *s).unwrap().id.clone())
                .collect(),
        }
    }

    #[test]
    fn practice_shows_tokens_that_grade_and_go_stale_after_the_review() {
        let (_d, mut store, clock, p) = store_with_learner("Ada");
        store.install_course(&course_with_ordering(), "en").unwrap();
        let a = store.start_attempt(p, "c", "m1", "en").unwrap();
        store.submit_attempt(a.id, "en").unwrap();

        let due = store.reviews_due(p, "en").unwrap();
        let item = due.iter().find(|i| i.question.id == "steps").unwrap();
        let json = serde_json::to_string(&item.question).unwrap();
        for id in STEPS {
            assert!(
                !json.contains(&format!("\"id\":\"{id}\"")),
                "the practice view must not show the author's item id {id}: {json}"
            );
        }
        let answer = ordered_by_text(&item.question);
        let answered = store
            .answer_review(p, "c", "m1", "steps", &answer, "en")
            .unwrap();
        assert!(
            answered.review.grade.correct,
            "the right order given in the view's tokens grades full: {:?}",
            answered.review
        );

        clock.advance(400 * 24 * 3600);
        let again = store.reviews_due(p, "en").unwrap();
        let item = again
            .iter()
            .find(|i| i.question.id == "steps")
            .expect("a year later the card is due again");
        assert_ne!(
            ordered_by_text(&item.question),
            answer,
            "the next review shows other tokens"
        );
        let stale = store.answer_review(p, "c", "m1", "steps", &answer, "en");
        assert!(
            matches!(stale, Err(crate::Error::WrongAnswerShape { .. })),
            "tokens of an earlier review must be refused, got {stale:?}"
        );
    }
}
