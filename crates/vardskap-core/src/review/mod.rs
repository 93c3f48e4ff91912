//! The spaced review queue: every question a learner got wrong gets a
//! [`ReviewCard`] that says when to practise it again. Scheduling is FSRS
//! (the `rs-fsrs` crate, default weights, day-level intervals, no fuzz) behind
//! pure functions over plain data; see docs/grading.md, section Review.

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
        if grade.correct { Outcome::Good } else { Outcome::Again }
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
        || (card.stability.is_finite() && card.stability > 0.0 && card.difficulty.is_finite() && last.is_some());
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
