//! Grading: a pure function from a question and an answer to a score, with
//! partial credit per kind as docs/grading.md describes.

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;

use super::{Answer, normalize::normalize_text};
use crate::content::{Question, QuestionBody};
use crate::{Error, Result};

/// The result of grading one answer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Grade {
    /// Points earned, within `0..=max`.
    pub score: f64,
    /// The question's points.
    pub max: f64,
    /// Full marks.
    pub correct: bool,
}

/// Grades `answer` against `question`'s key. `lang` picks the accepted answers
/// of a short-text question.
///
/// An empty answer (no option, blank text, empty list or map) scores 0. An
/// answer that does not fit the question (another kind, an unknown id, the
/// same id twice, a number that is not finite) is [`Error::WrongAnswerShape`];
/// a question the loader should have rejected (no correct option, points not
/// positive) is [`Error::Invalid`].
pub fn grade(question: &Question, answer: &Answer, lang: &str) -> Result<Grade> {
    let checked = check(question, answer, lang)?;
    Ok(Grade {
        score: checked.fraction * question.points,
        max: question.points,
        correct: checked.fraction >= 1.0,
    })
}

/// What grading found, part by part, for feedback to reuse.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Checked {
    /// Share of the points earned, within `0..=1`.
    pub fraction: f64,
    /// One entry per part the learner answered (a picked option, an item in
    /// the learner's order, a left side of a matching), with whether it was right.
    pub parts: Vec<(String, bool)>,
}

pub(crate) fn check(question: &Question, answer: &Answer, lang: &str) -> Result<Checked> {
    if !(question.points.is_finite() && question.points > 0.0) {
        return Err(Error::Invalid(format!(
            "question \"{}\" has {} points; points must be a positive number",
            question.id, question.points
        )));
    }
    let shape = |reason: String| Error::WrongAnswerShape { question: question.id.clone(), reason };
    match (&question.body, answer) {
        (QuestionBody::Single { options }, Answer::Single { option }) => {
            if option.is_empty() {
                return Ok(Checked::empty());
            }
            let picked = options
                .iter()
                .find(|o| &o.id == option)
                .ok_or_else(|| shape(format!("the question has no option \"{option}\"")))?;
            let fraction = if picked.correct { 1.0 } else { 0.0 };
            Ok(Checked { fraction, parts: vec![(picked.id.clone(), picked.correct)] })
        }
        (QuestionBody::Multiple { options }, Answer::Multiple { options: picks }) => {
            let mut seen = HashSet::new();
            let mut parts = Vec::with_capacity(picks.len());
            for pick in picks {
                if !seen.insert(pick.as_str()) {
                    return Err(shape(format!("option \"{pick}\" is picked twice")));
                }
                let option = options
                    .iter()
                    .find(|o| &o.id == pick)
                    .ok_or_else(|| shape(format!("the question has no option \"{pick}\"")))?;
                parts.push((option.id.clone(), option.correct));
            }
            let n_correct = options.iter().filter(|o| o.correct).count();
            if n_correct == 0 {
                return Err(Error::Invalid(format!("question \"{}\" has no correct option", question.id)));
            }
            let right = parts.iter().filter(|(_, ok)| *ok).count() as f64;
            let wrong = parts.len() as f64 - right;
            let fraction = ((right - wrong) / n_correct as f64).clamp(0.0, 1.0);
            Ok(Checked { fraction, parts })
        }
        (QuestionBody::TrueFalse { answer: key, .. }, Answer::TrueFalse { value }) => {
            let ok = key == value;
            Ok(Checked { fraction: if ok { 1.0 } else { 0.0 }, parts: vec![(value.to_string(), ok)] })
        }
        (QuestionBody::ShortText { accept, case_sensitive, ignore_diacritics }, Answer::ShortText { text }) => {
            let given = normalize_text(text, *case_sensitive, *ignore_diacritics);
            if given.is_empty() {
                return Ok(Checked::empty());
            }
            let ok = accepted_in(accept, lang)
                .iter()
                .any(|a| normalize_text(a, *case_sensitive, *ignore_diacritics) == given);
            Ok(Checked { fraction: if ok { 1.0 } else { 0.0 }, parts: vec![(text.clone(), ok)] })
        }
        (QuestionBody::Numeric { answer: key, tolerance, .. }, Answer::Numeric { value }) => {
            if !value.is_finite() {
                return Err(shape(format!("{value} is not a finite number")));
            }
            let ok = numeric_matches(*key, *tolerance, *value);
            Ok(Checked { fraction: if ok { 1.0 } else { 0.0 }, parts: vec![(value.to_string(), ok)] })
        }
        (QuestionBody::Ordering { items }, Answer::Ordering { items: order }) => {
            if order.is_empty() {
                return Ok(Checked::empty());
            }
            let mut seen = HashSet::new();
            for id in order {
                if !seen.insert(id.as_str()) {
                    return Err(shape(format!("item \"{id}\" is placed twice")));
                }
                if !items.iter().any(|i| &i.id == id) {
                    return Err(shape(format!("the question has no item \"{id}\"")));
                }
            }
            if order.len() != items.len() {
                return Err(shape(format!(
                    "{} of the question's {} items are placed; an ordering places every item once",
                    order.len(),
                    items.len()
                )));
            }
            let parts: Vec<(String, bool)> =
                order.iter().zip(items).map(|(given, key)| (given.clone(), *given == key.id)).collect();
            let right = parts.iter().filter(|(_, ok)| *ok).count();
            Ok(Checked { fraction: right as f64 / items.len() as f64, parts })
        }
        (QuestionBody::Matching { pairs }, Answer::Matching { pairs: chosen }) => {
            if chosen.is_empty() {
                return Ok(Checked::empty());
            }
            let known: BTreeSet<&str> = pairs.iter().map(|p| p.id.as_str()).collect();
            let mut rights_used = HashSet::new();
            for (left, right) in chosen {
                if !known.contains(left.as_str()) {
                    return Err(shape(format!("the question has no pair \"{left}\"")));
                }
                if !known.contains(right.as_str()) {
                    return Err(shape(format!("the question has no right side \"{right}\"")));
                }
                if !rights_used.insert(right.as_str()) {
                    return Err(shape(format!("right side \"{right}\" is matched twice")));
                }
            }
            let parts: Vec<(String, bool)> =
                pairs.iter().map(|p| (p.id.clone(), chosen.get(&p.id) == Some(&p.id))).collect();
            let right = parts.iter().filter(|(_, ok)| *ok).count();
            Ok(Checked { fraction: right as f64 / pairs.len() as f64, parts })
        }
        (body, answer) => Err(shape(format!(
            "a {} answer was given to a {} question",
            answer.kind().as_str(),
            body.kind().as_str()
        ))),
    }
}

impl Checked {
    fn empty() -> Self {
        Checked { fraction: 0.0, parts: Vec::new() }
    }
}

/// The accepted answers in `lang`, or in the first language that has some
/// (the same fallback as `Text::get`), so a learner whose language the author
/// did not cover can still be graded.
pub(crate) fn accepted_in<'a>(
    accept: &'a std::collections::BTreeMap<String, Vec<String>>,
    lang: &str,
) -> &'a [String] {
    accept
        .get(lang)
        .filter(|list| !list.is_empty())
        .or_else(|| accept.values().find(|list| !list.is_empty()))
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// `|given - key| <= tolerance`, with a rounding allowance of a few units in
/// the last place so that a sum the author worked out by hand (0.1 + 0.2)
/// still matches the decimal the learner types (0.3).
pub(crate) fn numeric_matches(key: f64, tolerance: f64, given: f64) -> bool {
    let slack = 4.0 * f64::EPSILON * key.abs().max(given.abs()).max(1.0);
    (given - key).abs() <= tolerance.max(0.0) + slack
}
