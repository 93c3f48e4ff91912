//! Quizzes from the learner's side: what a learner submits ([`Answer`]), how it
//! is graded ([`grade`]), what the learner sees before ([`view`]) and after
//! ([`feedback_for`]) answering, and how ordering items and matching sides
//! are hidden behind per-attempt tokens ([`decode_answer`]). All pure functions over the
//! course model.

mod answer;
mod feedback;
mod grade;
mod normalize;
mod tokens;
mod view;

#[cfg(test)]
pub(crate) mod testing;

pub use answer::Answer;
pub use feedback::{
    AnswerKey, AnswerReview, KeyOption, KeyPair, PartFeedback, answer_key, feedback_for,
};
pub use grade::{Grade, grade};
pub use normalize::normalize_text;
pub use tokens::{decode_answer, encode_answer};
pub use view::{QuestionView, ViewBody, ViewItem, view};
