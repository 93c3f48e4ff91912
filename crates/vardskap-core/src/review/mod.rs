//! Spaced-review scheduling: every question a learner got wrong gets a
//! [`ReviewCard`] that says when to practise it again. Scheduling is FSRS
//! (the `rs-fsrs` crate, default weights, day-level intervals, no fuzz) behind
//! pure functions over plain data; see docs/grading.md, section Review. The
//! queue of due questions, over the store, is `progress::review_queue`.

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating, State};
use serde::{Deserialize, Serialize};

use crate::quiz::Grade;

/// When and how well a learner knows one question, as FSRS tracks it. Plain
/// data in unix seconds, for a store to keep in one row.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReviewCard {
    /// When the question is next due, unix seconds.
    pub due: i64,
    /// The last review, unix seconds; `None` before the first one.
    pub last_review: Option<i64>,
    /// FSRS stability: days until recall probability falls to 90 %.
    pub stability: f64,
    /// FSRS difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f64,
    /// Days between the last review and `due`.
    pub scheduled_days: i64,
    /// Reviews so far.
    pub reps: u32,
    /// Times the learner got it wrong again after having got it right.
    pub lapses: u32,
    pub state: CardState,
}

/// FSRS's card state. With day-level scheduling (no short-term steps) a card
/// goes from `New` to `Review` and stays there; the learning states are kept
/// so stored cards stay valid if short-term steps are ever turned on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CardState {
    /// Entered the queue, not reviewed yet.
    New,
    Learning,
    Review,
    /// Got wrong again after having been learned.
    Relearning,
}

/// How a review went. A quiz answer is right or wrong, so of FSRS's four
/// ratings only Again and Good are used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Outcome {
    Again,
    Good,
}

impl Outcome {
    /// Full marks are Good; anything less is Again.
    pub fn from_grade(grade: &Grade) -> Self {
        if grade.correct {
            Outcome::Good
        } else {
            Outcome::Again
        }
    }
}

/// The latest time we schedule from (year 9000): `chrono` panics when a date
/// overflows, and a clock or a stored value can be absurd.
const MAX_TIME: i64 = 221_845_392_000;

/// A card for a question the learner just got wrong: due at once, so the
/// practice list shows it right away.
pub fn new_card(now: i64) -> ReviewCard {
    ReviewCard {
        due: now.clamp(0, MAX_TIME),
        last_review: None,
        stability: 0.0,
        difficulty: 0.0,
        scheduled_days: 0,
        reps: 0,
        lapses: 0,
        state: CardState::New,
    }
}

/// The card after a review at `now` with `outcome`. A clock that went back
/// is treated as no time having passed since the last review; a card whose
/// stored numbers are not usable starts over as new.
pub fn schedule(card: &ReviewCard, outcome: Outcome, now: i64) -> ReviewCard {
    let last = card.last_review.map(|t| t.clamp(0, MAX_TIME));
    let now = now.clamp(last.unwrap_or(0), MAX_TIME);
    let usable = card.state == CardState::New
        || (card.stability.is_finite()
            && card.stability > 0.0
            && card.difficulty.is_finite()
            && last.is_some());
    let card = if usable { *card } else { new_card(now) };

    let fsrs = FSRS::new(Parameters {
        enable_short_term: false,
        enable_fuzz: false,
        ..Parameters::default()
    });
    let rating = match outcome {
        Outcome::Again => Rating::Again,
        Outcome::Good => Rating::Good,
    };
    let next = fsrs.next(to_fsrs(&card, last), at(now), rating).card;
    ReviewCard {
        due: next.due.timestamp(),
        last_review: Some(now),
        stability: next.stability,
        difficulty: next.difficulty,
        scheduled_days: next.scheduled_days,
        reps: card.reps.saturating_add(1),
        lapses: card.lapses + u32::from(card.state != CardState::New && outcome == Outcome::Again),
        state: match next.state {
            State::New => CardState::New,
            State::Learning => CardState::Learning,
            State::Review => CardState::Review,
            State::Relearning => CardState::Relearning,
        },
    }
}

impl ReviewCard {
    pub fn is_due(&self, now: i64) -> bool {
        self.due <= now
    }
}

fn to_fsrs(card: &ReviewCard, last: Option<i64>) -> Card {
    Card {
        due: at(card.due.clamp(0, MAX_TIME)),
        stability: card.stability,
        difficulty: card.difficulty,
        elapsed_days: 0, // FSRS recomputes it from last_review
        scheduled_days: card.scheduled_days,
        reps: i32::try_from(card.reps).unwrap_or(i32::MAX),
        lapses: i32::try_from(card.lapses).unwrap_or(i32::MAX),
        state: match card.state {
            CardState::New => State::New,
            CardState::Learning => State::Learning,
            CardState::Review => State::Review,
            CardState::Relearning => State::Relearning,
        },
        last_review: at(last.unwrap_or(0)),
    }
}

/// `secs` is already clamped to `0..=MAX_TIME`, which chrono represents.
fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;

    use super::*;

    const DAY: i64 = 86_400;
    const NOW: i64 = 1_767_225_600; // 2026-01-01

    fn days_until_due(card: &ReviewCard, now: i64) -> i64 {
        (card.due - now) / DAY
    }

    #[test]
    fn a_new_card_is_due_at_once() {
        let card = new_card(NOW);
        assert!(
            card.is_due(NOW),
            "a question just got wrong is practised right away"
        );
        assert_eq!(card.state, CardState::New, "it has not been reviewed yet");
    }

    #[test]
    fn good_reviews_push_the_card_further_out() {
        let mut card = new_card(NOW);
        let mut now = NOW;
        let mut intervals = Vec::new();
        for _ in 0..4 {
            card = schedule(&card, Outcome::Good, now);
            intervals.push(days_until_due(&card, now));
            now = card.due;
        }
        assert!(
            intervals[0] >= 1,
            "the first interval is at least a day: {intervals:?}"
        );
        assert!(
            intervals.windows(2).all(|w| w[1] > w[0]),
            "each good review lengthens the interval: {intervals:?}"
        );
        assert_eq!(card.reps, 4, "every review counts");
        assert_eq!(card.lapses, 0, "no lapse without a wrong answer");
        assert_eq!(card.state, CardState::Review, "a known card is in review");
    }

    #[test]
    fn again_brings_a_learned_card_back_soon() {
        let mut card = new_card(NOW);
        let mut now = NOW;
        for _ in 0..3 {
            card = schedule(&card, Outcome::Good, now);
            now = card.due;
        }
        let good = schedule(&card, Outcome::Good, now);
        let again = schedule(&card, Outcome::Again, now);
        assert!(
            again.due < good.due,
            "a lapse is due sooner than a success would be"
        );
        assert!(
            days_until_due(&again, now) >= 1,
            "day-level scheduling: not sooner than tomorrow"
        );
        assert_eq!(again.lapses, 1, "getting a learned card wrong is a lapse");
        assert_eq!(
            again.state,
            CardState::Review,
            "day-level FSRS has no relearning steps"
        );
        assert!(
            again.stability < card.stability,
            "forgetting lowers stability"
        );
    }

    #[test]
    fn bad_clocks_and_corrupt_cards_do_not_panic() {
        let reviewed = schedule(&new_card(NOW), Outcome::Good, NOW);
        let back = schedule(&reviewed, Outcome::Good, NOW - 30 * DAY);
        assert!(
            back.stability.is_finite() && back.due >= NOW,
            "a clock that went back counts as no time passed"
        );
        let corrupt = ReviewCard {
            stability: f64::NAN,
            ..reviewed
        };
        let fixed = schedule(&corrupt, Outcome::Again, NOW);
        assert!(
            fixed.stability.is_finite() && fixed.stability > 0.0,
            "a corrupt card starts over"
        );
        for now in [i64::MIN, -1, i64::MAX] {
            let card = schedule(&new_card(now), Outcome::Good, now);
            assert!(
                card.stability.is_finite(),
                "an absurd time {now} must not break scheduling"
            );
        }
    }

    #[test]
    fn outcome_follows_full_marks() {
        let full = Grade {
            score: 2.0,
            max: 2.0,
            correct: true,
        };
        let partial = Grade {
            score: 1.0,
            max: 2.0,
            correct: false,
        };
        assert_eq!(
            Outcome::from_grade(&full),
            Outcome::Good,
            "full marks is a good review"
        );
        assert_eq!(
            Outcome::from_grade(&partial),
            Outcome::Again,
            "partial credit still needs practice"
        );
    }

    proptest! {
        #[test]
        fn any_review_history_gives_a_sane_card(
            steps in prop::collection::vec((any::<bool>(), 0i64..400 * DAY), 1..30)
        ) {
            let mut card = new_card(NOW);
            let mut now = NOW;
            for (good, wait) in steps {
                now += wait;
                let outcome = if good { Outcome::Good } else { Outcome::Again };
                card = schedule(&card, outcome, now);
                prop_assert!(card.due > now, "the next review is in the future");
                prop_assert!(card.stability.is_finite() && card.stability > 0.0, "stability {} is usable", card.stability);
                prop_assert!((1.0..=10.0).contains(&card.difficulty), "difficulty {} is in FSRS range", card.difficulty);
            }
        }
    }
}
