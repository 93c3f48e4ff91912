//! Grading: a pure function from a question and an answer to a score, with
//! partial credit per kind as docs/grading.md describes.

use std::collections::{BTreeSet, HashSet};

use serde::{Deserialize, Serialize};

use super::{Answer, normalize::normalize_text};
use crate::content::{Question, QuestionBody};
use crate::{Error, Result};

/// The result of grading one answer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ts_rs::TS)]
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
    Ok(check(question, answer, lang)?.grade(question.points))
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
    let shape = |reason: String| Error::WrongAnswerShape {
        question: question.id.clone(),
        reason,
    };
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
            Ok(Checked {
                fraction,
                parts: vec![(picked.id.clone(), picked.correct)],
            })
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
                return Err(Error::Invalid(format!(
                    "question \"{}\" has no correct option",
                    question.id
                )));
            }
            let right = parts.iter().filter(|(_, ok)| *ok).count() as f64;
            let wrong = parts.len() as f64 - right;
            let fraction = ((right - wrong) / n_correct as f64).clamp(0.0, 1.0);
            Ok(Checked { fraction, parts })
        }
        (QuestionBody::TrueFalse { answer: key, .. }, Answer::TrueFalse { value }) => {
            let ok = key == value;
            Ok(Checked {
                fraction: if ok { 1.0 } else { 0.0 },
                parts: vec![(value.to_string(), ok)],
            })
        }
        (
            QuestionBody::ShortText {
                accept,
                case_sensitive,
                ignore_diacritics,
            },
            Answer::ShortText { text },
        ) => {
            let given = normalize_text(text, *case_sensitive, *ignore_diacritics);
            if given.is_empty() {
                return Ok(Checked::empty());
            }
            let ok = accepted_in(accept, lang)
                .iter()
                .any(|a| normalize_text(a, *case_sensitive, *ignore_diacritics) == given);
            Ok(Checked {
                fraction: if ok { 1.0 } else { 0.0 },
                parts: vec![(text.clone(), ok)],
            })
        }
        (
            QuestionBody::Numeric {
                answer: key,
                tolerance,
                ..
            },
            Answer::Numeric { value },
        ) => {
            if !value.is_finite() {
                return Err(shape(format!("{value} is not a finite number")));
            }
            let ok = numeric_matches(*key, *tolerance, *value);
            Ok(Checked {
                fraction: if ok { 1.0 } else { 0.0 },
                parts: vec![(value.to_string(), ok)],
            })
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
            let parts: Vec<(String, bool)> = order
                .iter()
                .zip(items)
                .map(|(given, key)| (given.clone(), *given == key.id))
                .collect();
            let right = parts.iter().filter(|(_, ok)| *ok).count();
            Ok(Checked {
                fraction: right as f64 / items.len() as f64,
                parts,
            })
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
            let parts: Vec<(String, bool)> = pairs
                .iter()
                .map(|p| (p.id.clone(), chosen.get(&p.id) == Some(&p.id)))
                .collect();
            let right = parts.iter().filter(|(_, ok)| *ok).count();
            Ok(Checked {
                fraction: right as f64 / pairs.len() as f64,
                parts,
            })
        }
        (body, answer) => Err(shape(format!(
            "a {} answer was given to a {} question",
            answer.kind().as_str(),
            body.kind().as_str()
        ))),
    }
}

impl Checked {
    pub fn grade(&self, points: f64) -> Grade {
        Grade {
            score: self.fraction * points,
            max: points,
            correct: self.fraction >= 1.0,
        }
    }

    fn empty() -> Self {
        Checked {
            fraction: 0.0,
            parts: Vec::new(),
        }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;

    use super::{Answer, grade};
    use crate::Error;
    use crate::content::QuestionBody;
    use crate::quiz::testing::*;

    fn score(body: QuestionBody, answer: Answer) -> f64 {
        grade(&question("q", 2.0, body), &answer, "sv")
            .unwrap()
            .score
    }

    fn is_wrong_shape(body: QuestionBody, answer: Answer) -> bool {
        matches!(
            grade(&question("q", 1.0, body), &answer, "sv"),
            Err(Error::WrongAnswerShape { .. })
        )
    }

    fn single() -> QuestionBody {
        QuestionBody::Single {
            options: vec![option("a", false), option("b", true), option("c", false)],
        }
    }

    /// Three correct (a, b, c) and two wrong (x, y) options.
    fn multiple() -> QuestionBody {
        QuestionBody::Multiple {
            options: vec![
                option("a", true),
                option("b", true),
                option("c", true),
                option("x", false),
                option("y", false),
            ],
        }
    }

    fn picks(ids: &[&str]) -> Answer {
        Answer::Multiple {
            options: ids.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn order(ids: &[&str]) -> Answer {
        Answer::Ordering {
            items: ids.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn matched(pairs: &[(&str, &str)]) -> Answer {
        Answer::Matching {
            pairs: pairs
                .iter()
                .map(|(l, r)| (l.to_string(), r.to_string()))
                .collect(),
        }
    }

    #[test]
    fn single_is_all_or_nothing() {
        assert_eq!(
            score(single(), Answer::Single { option: "b".into() }),
            2.0,
            "the correct option earns all points"
        );
        assert_eq!(
            score(single(), Answer::Single { option: "a".into() }),
            0.0,
            "a wrong option earns nothing"
        );
        assert_eq!(
            score(
                single(),
                Answer::Single {
                    option: String::new()
                }
            ),
            0.0,
            "no option picked earns nothing"
        );
        assert!(
            is_wrong_shape(single(), Answer::Single { option: "z".into() }),
            "an unknown option id is a shape error"
        );
    }

    #[test]
    fn multiple_subtracts_wrong_picks_and_floors_at_zero() {
        assert_eq!(
            score(multiple(), picks(&["a", "b", "c"])),
            2.0,
            "all correct options earn all points"
        );
        assert_eq!(
            score(multiple(), picks(&["a", "b"])),
            2.0 * 2.0 / 3.0,
            "two of three correct earn two thirds"
        );
        assert_eq!(
            score(multiple(), picks(&["a", "b", "x"])),
            2.0 / 3.0,
            "a wrong pick cancels a right one"
        );
        assert_eq!(
            score(multiple(), picks(&["a", "b", "c", "x", "y"])),
            2.0 / 3.0,
            "ticking everything is not full marks"
        );
        assert_eq!(
            score(multiple(), picks(&["a", "x", "y"])),
            0.0,
            "more wrong than right floors at zero"
        );
        assert_eq!(score(multiple(), picks(&[])), 0.0, "no picks earn nothing");
        assert!(
            is_wrong_shape(multiple(), picks(&["a", "a"])),
            "the same option twice is a shape error"
        );
        assert!(
            is_wrong_shape(multiple(), picks(&["a", "q"])),
            "an unknown option is a shape error"
        );
    }

    #[test]
    fn multiple_without_a_correct_option_is_invalid_not_a_division_by_zero() {
        let body = QuestionBody::Multiple {
            options: vec![option("a", false)],
        };
        let got = grade(&question("q", 1.0, body), &picks(&["a"]), "sv");
        assert!(
            matches!(got, Err(Error::Invalid(_))),
            "a question with no key cannot be graded: {got:?}"
        );
    }

    #[test]
    fn true_false_is_all_or_nothing() {
        let body = || QuestionBody::TrueFalse {
            answer: false,
            feedback_true: None,
            feedback_false: None,
        };
        assert_eq!(
            score(body(), Answer::TrueFalse { value: false }),
            2.0,
            "the right value earns all points"
        );
        assert_eq!(
            score(body(), Answer::TrueFalse { value: true }),
            0.0,
            "the wrong value earns nothing"
        );
    }

    #[test]
    fn short_text_accepts_only_the_learners_language() {
        let body = || {
            short_text(
                &[("sv", &["välkommen", "välkomna"]), ("en", &["welcome"])],
                false,
                false,
            )
        };
        assert_eq!(
            score(
                body(),
                Answer::ShortText {
                    text: "  Välkomna ".into()
                }
            ),
            2.0,
            "any accepted answer, any case"
        );
        assert_eq!(
            score(
                body(),
                Answer::ShortText {
                    text: "welcome".into()
                }
            ),
            0.0,
            "an English answer in Swedish is wrong"
        );
        assert_eq!(
            score(
                body(),
                Answer::ShortText {
                    text: "valkommen".into()
                }
            ),
            0.0,
            "ä is not a by default"
        );
        assert_eq!(
            score(body(), Answer::ShortText { text: "   ".into() }),
            0.0,
            "a blank answer earns nothing"
        );
        let en = grade(
            &question("q", 1.0, body()),
            &Answer::ShortText {
                text: "Welcome".into(),
            },
            "en",
        )
        .unwrap();
        assert!(
            en.correct,
            "the English answer counts for an English learner"
        );
    }

    #[test]
    fn short_text_flags_change_matching() {
        let sensitive = || short_text(&[("sv", &["Borås"])], true, false);
        assert_eq!(
            score(
                sensitive(),
                Answer::ShortText {
                    text: "borås".into()
                }
            ),
            0.0,
            "case matters when asked"
        );
        assert_eq!(
            score(
                sensitive(),
                Answer::ShortText {
                    text: "Borås".into()
                }
            ),
            2.0,
            "exact case is accepted"
        );
        let lenient = || short_text(&[("sv", &["Borås café"])], false, true);
        assert_eq!(
            score(
                lenient(),
                Answer::ShortText {
                    text: "boras  cafe".into()
                }
            ),
            2.0,
            "with ignore_diacritics marks and case do not matter"
        );
    }

    #[test]
    fn short_text_falls_back_to_first_language_with_answers() {
        let body = short_text(&[("sv", &["hej"])], false, false);
        let got = grade(
            &question("q", 1.0, body),
            &Answer::ShortText { text: "hej".into() },
            "de",
        )
        .unwrap();
        assert!(
            got.correct,
            "a language without accepted answers uses the first that has some"
        );
    }

    #[test]
    fn numeric_uses_tolerance_and_rejects_non_finite() {
        let body = || QuestionBody::Numeric {
            answer: 2010.0,
            tolerance: 1.0,
            unit: None,
        };
        assert_eq!(
            score(body(), Answer::Numeric { value: 2011.0 }),
            2.0,
            "within tolerance is right"
        );
        assert_eq!(
            score(body(), Answer::Numeric { value: 2011.5 }),
            0.0,
            "outside tolerance is wrong"
        );
        assert!(
            is_wrong_shape(body(), Answer::Numeric { value: f64::NAN }),
            "NaN is not an answer"
        );
        assert!(
            is_wrong_shape(
                body(),
                Answer::Numeric {
                    value: f64::NEG_INFINITY
                }
            ),
            "infinity is not an answer"
        );
        let exact = QuestionBody::Numeric {
            answer: 0.1 + 0.2,
            tolerance: 0.0,
            unit: None,
        };
        assert_eq!(
            score(exact, Answer::Numeric { value: 0.3 }),
            2.0,
            "float rounding must not fail a right answer"
        );
    }

    #[test]
    fn ordering_scores_items_in_the_right_position() {
        let body = || QuestionBody::Ordering {
            items: items(&["a", "b", "c", "d"]),
        };
        assert_eq!(
            score(body(), order(&["a", "b", "c", "d"])),
            2.0,
            "the right order earns all points"
        );
        assert_eq!(
            score(body(), order(&["a", "b", "d", "c"])),
            1.0,
            "two of four in place earn half"
        );
        assert_eq!(
            score(body(), order(&["d", "a", "b", "c"])),
            0.0,
            "a shifted list has nothing in place"
        );
        assert_eq!(
            score(body(), order(&[])),
            0.0,
            "an empty list earns nothing"
        );
        assert!(
            is_wrong_shape(body(), order(&["a", "b", "c"])),
            "a missing item is a shape error"
        );
        assert!(
            is_wrong_shape(body(), order(&["a", "b", "c", "c"])),
            "an item twice is a shape error"
        );
        assert!(
            is_wrong_shape(body(), order(&["a", "b", "c", "e"])),
            "an unknown item is a shape error"
        );
    }

    #[test]
    fn matching_scores_share_of_right_pairs() {
        let body = || QuestionBody::Matching {
            pairs: pairs(&["a", "b", "c", "d"]),
        };
        assert_eq!(
            score(
                body(),
                matched(&[("a", "a"), ("b", "b"), ("c", "c"), ("d", "d")])
            ),
            2.0,
            "all pairs right"
        );
        assert_eq!(
            score(
                body(),
                matched(&[("a", "b"), ("b", "a"), ("c", "c"), ("d", "d")])
            ),
            1.0,
            "half the pairs right"
        );
        assert_eq!(
            score(body(), matched(&[("a", "a")])),
            0.5,
            "unmatched left sides count as wrong"
        );
        assert_eq!(
            score(body(), matched(&[])),
            0.0,
            "nothing matched earns nothing"
        );
        assert!(
            is_wrong_shape(body(), matched(&[("a", "b"), ("c", "b")])),
            "a right side used twice is a shape error"
        );
        assert!(
            is_wrong_shape(body(), matched(&[("z", "a")])),
            "an unknown left side is a shape error"
        );
        assert!(
            is_wrong_shape(body(), matched(&[("a", "z")])),
            "an unknown right side is a shape error"
        );
    }

    #[test]
    fn kind_mismatch_is_a_shape_error_that_names_both_kinds() {
        let err = grade(
            &question("q", 1.0, single()),
            &Answer::TrueFalse { value: true },
            "sv",
        )
        .unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("true_false")
                && message.contains("single")
                && message.contains("\"q\""),
            "the message names the question and both kinds: {message}"
        );
    }

    #[test]
    fn non_positive_points_are_invalid_content() {
        let got = grade(
            &question("q", 0.0, single()),
            &Answer::Single { option: "b".into() },
            "sv",
        );
        assert!(
            matches!(got, Err(Error::Invalid(_))),
            "0 points would make every answer full marks: {got:?}"
        );
    }

    #[test]
    fn answer_json_is_tagged_by_kind() {
        let answer: Answer =
            serde_json::from_str(r#"{"kind":"matching","pairs":{"a":"b"}}"#).unwrap();
        assert_eq!(
            answer,
            matched(&[("a", "b")]),
            "the UI sends answers tagged by snake_case kind"
        );
        let json = serde_json::to_string(&Answer::TrueFalse { value: true }).unwrap();
        assert_eq!(
            json, r#"{"kind":"true_false","value":true}"#,
            "true_false is snake_case on the wire"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn score_is_within_zero_and_points((q, a) in arb_question_and_answer()) {
            let g = grade(&q, &a, "sv").unwrap();
            prop_assert!(g.score >= 0.0 && g.score <= q.points, "score {} outside 0..={}", g.score, q.points);
            prop_assert_eq!(g.max, q.points, "max is the question's points");
            prop_assert_eq!(g.correct, g.score == q.points, "correct means full marks");
        }

        #[test]
        fn the_key_gets_full_marks(q in arb_question(), lang in prop::sample::select(vec!["sv", "en"])) {
            let g = grade(&q, &key(&q, lang), lang).unwrap();
            prop_assert!(g.correct && g.score == q.points, "the key must earn all points: {:?}", g);
        }

        #[test]
        fn an_empty_answer_gets_zero(q in arb_question()) {
            if let Some(a) = empty(&q) {
                let g = grade(&q, &a, "sv").unwrap();
                prop_assert_eq!(g.score, 0.0, "an empty answer earns nothing");
                prop_assert!(!g.correct, "an empty answer is not correct");
            }
        }

        #[test]
        fn a_wrong_shape_is_an_error_not_a_panic((q, a) in arb_question().prop_flat_map(|q| {
            let wrong = arb_wrong_shape(&q);
            (Just(q), wrong)
        })) {
            let got = grade(&q, &a, "sv");
            prop_assert!(matches!(got, Err(Error::WrongAnswerShape { .. })), "{:?} to {:?} gave {:?}", a, q.body, got);
        }
    }
}
