//! What the learner sees after submitting: the grade, the key in a shape the
//! UI can render, feedback on each part they answered, and the explanation.

use serde::Serialize;

use super::grade::{accepted_in, check};
use super::{Answer, Grade};
use crate::Result;
use crate::content::{Question, QuestionBody};

/// The learner-facing result of one answer, in one language.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AnswerReview {
    pub question_id: String,
    /// The question as it was asked, so a review list says which one it is.
    pub prompt: String,
    pub grade: Grade,
    /// The correct answer.
    pub key: AnswerKey,
    /// One entry per part the learner answered, in the learner's order: each
    /// picked option, each item of an ordering, each left side of a matching
    /// (every left side, so an unmatched one shows as wrong).
    pub parts: Vec<PartFeedback>,
    /// The author's explanation, shown after submission.
    pub explanation: String,
}

/// The correct answer of a question, in one language.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum AnswerKey {
    /// Every option in the author's order, with whether it is correct.
    Single {
        options: Vec<KeyOption>,
    },
    Multiple {
        options: Vec<KeyOption>,
    },
    TrueFalse {
        value: bool,
    },
    /// The accepted answers of the learner's language.
    ShortText {
        accepted: Vec<String>,
    },
    Numeric {
        value: f64,
        tolerance: f64,
        unit: Option<String>,
    },
    /// Items in the correct order.
    Ordering {
        items: Vec<super::ViewItem>,
    },
    /// Pairs as they belong together.
    Matching {
        pairs: Vec<KeyPair>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KeyOption {
    pub id: String,
    pub text: String,
    pub correct: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KeyPair {
    pub id: String,
    pub left: String,
    pub right: String,
}

/// Feedback on one part of the learner's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartFeedback {
    /// Option, item or left-pair id; for true/false `"true"`/`"false"`; for
    /// short text and numeric answers the learner's input.
    pub id: String,
    /// The part's text in the learner's language (the option or item text, the
    /// left side plus the chosen right side of a pair, or the learner's input).
    pub text: String,
    pub correct: bool,
    /// The author's feedback for this choice, if any.
    pub feedback: Option<String>,
}

/// Grades `answer` and builds what the learner sees after submitting it.
/// Fails exactly when [`super::grade`] fails.
pub fn feedback_for(question: &Question, answer: &Answer, lang: &str) -> Result<AnswerReview> {
    let checked = check(question, answer, lang)?;
    let grade = checked.grade(question.points);
    let part = |id: &str, text: &str, correct: bool, feedback: Option<String>| PartFeedback {
        id: id.to_string(),
        text: text.to_string(),
        correct,
        feedback,
    };
    let parts = match &question.body {
        QuestionBody::Single { options } | QuestionBody::Multiple { options } => checked
            .parts
            .iter()
            .filter_map(|(id, ok)| options.iter().find(|o| &o.id == id).map(|o| (o, ok)))
            .map(|(o, ok)| {
                part(
                    &o.id,
                    o.text.get(lang),
                    *ok,
                    o.feedback.as_ref().map(|f| f.get(lang).to_string()),
                )
            })
            .collect(),
        QuestionBody::TrueFalse {
            feedback_true,
            feedback_false,
            ..
        } => checked
            .parts
            .iter()
            .map(|(id, ok)| {
                let feedback = if id == "true" {
                    feedback_true
                } else {
                    feedback_false
                };
                part(
                    id,
                    id,
                    *ok,
                    feedback.as_ref().map(|f| f.get(lang).to_string()),
                )
            })
            .collect(),
        QuestionBody::ShortText { .. } | QuestionBody::Numeric { .. } => checked
            .parts
            .iter()
            .map(|(text, ok)| part(text, text, *ok, None))
            .collect(),
        QuestionBody::Ordering { items } => checked
            .parts
            .iter()
            .filter_map(|(id, ok)| {
                items
                    .iter()
                    .find(|i| &i.id == id)
                    .map(|i| part(id, i.text.get(lang), *ok, None))
            })
            .collect(),
        QuestionBody::Matching { pairs } => {
            let chosen = match answer {
                Answer::Matching { pairs } => Some(pairs),
                _ => None,
            };
            checked
                .parts
                .iter()
                .filter_map(|(id, ok)| {
                    let pair = pairs.iter().find(|p| &p.id == id)?;
                    let right = chosen
                        .and_then(|c| c.get(id))
                        .and_then(|r| pairs.iter().find(|p| &p.id == r))
                        .map(|p| p.right.get(lang))
                        .unwrap_or("");
                    Some(part(
                        id,
                        &format!("{} → {}", pair.left.get(lang), right),
                        *ok,
                        None,
                    ))
                })
                .collect()
        }
    };
    Ok(AnswerReview {
        question_id: question.id.clone(),
        prompt: question.prompt.get(lang).to_string(),
        grade,
        key: answer_key(question, lang),
        parts,
        explanation: question.explanation.get(lang).to_string(),
    })
}

/// The correct answer of `question` in `lang`: part of every
/// [`feedback_for`], and shown alone for a question left unanswered.
pub fn answer_key(question: &Question, lang: &str) -> AnswerKey {
    let item = |id: &str, text: &crate::content::Text| super::ViewItem {
        id: id.to_string(),
        text: text.get(lang).to_string(),
    };
    let options = |options: &[crate::content::AnswerOption]| {
        options
            .iter()
            .map(|o| KeyOption {
                id: o.id.clone(),
                text: o.text.get(lang).to_string(),
                correct: o.correct,
            })
            .collect()
    };
    match &question.body {
        QuestionBody::Single { options: o } => AnswerKey::Single {
            options: options(o),
        },
        QuestionBody::Multiple { options: o } => AnswerKey::Multiple {
            options: options(o),
        },
        QuestionBody::TrueFalse { answer, .. } => AnswerKey::TrueFalse { value: *answer },
        QuestionBody::ShortText { accept, .. } => AnswerKey::ShortText {
            accepted: accepted_in(accept, lang).to_vec(),
        },
        QuestionBody::Numeric {
            answer,
            tolerance,
            unit,
        } => AnswerKey::Numeric {
            value: *answer,
            tolerance: *tolerance,
            unit: unit.as_ref().map(|u| u.get(lang).to_string()),
        },
        QuestionBody::Ordering { items } => AnswerKey::Ordering {
            items: items.iter().map(|i| item(&i.id, &i.text)).collect(),
        },
        QuestionBody::Matching { pairs } => AnswerKey::Matching {
            pairs: pairs
                .iter()
                .map(|p| KeyPair {
                    id: p.id.clone(),
                    left: p.left.get(lang).to_string(),
                    right: p.right.get(lang).to_string(),
                })
                .collect(),
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;

    use super::{AnswerKey, feedback_for};
    use crate::content::{QuestionBody, Text};
    use crate::quiz::testing::*;
    use crate::quiz::{Answer, grade};

    #[test]
    fn review_shows_picked_options_with_their_feedback() {
        let mut wrong = option("x", false);
        wrong.feedback = Some(Text::from_pairs([
            ("sv", "Inte riktigt"),
            ("en", "Not quite"),
        ]));
        let q = question(
            "m",
            3.0,
            QuestionBody::Multiple {
                options: vec![option("a", true), option("b", true), wrong],
            },
        );
        let answer = Answer::Multiple {
            options: vec!["x".into(), "a".into()],
        };
        let review = feedback_for(&q, &answer, "en").unwrap();
        assert_eq!(
            review.grade.score, 0.0,
            "one right and one wrong pick cancel out"
        );
        let picked: Vec<(&str, bool, Option<&str>)> = review
            .parts
            .iter()
            .map(|p| (p.id.as_str(), p.correct, p.feedback.as_deref()))
            .collect();
        assert_eq!(
            picked,
            [("x", false, Some("Not quite")), ("a", true, None)],
            "each pick in the learner's order, with the author's feedback in the learner's language"
        );
        let AnswerKey::Multiple { options } = &review.key else {
            panic!("a multiple question has a multiple key")
        };
        let key: Vec<&str> = options
            .iter()
            .filter(|o| o.correct)
            .map(|o| o.id.as_str())
            .collect();
        assert_eq!(
            key,
            ["a", "b"],
            "the key lists every correct option, also those not picked"
        );
        assert_eq!(
            review.explanation, "The ZZEXPLAIN explanation",
            "the explanation is shown after submission"
        );
    }

    #[test]
    fn true_false_review_uses_the_feedback_for_the_given_value() {
        let q = question(
            "t",
            1.0,
            QuestionBody::TrueFalse {
                answer: false,
                feedback_true: Some(Text::from_pairs([("sv", "Nej, tvärtom")])),
                feedback_false: Some(Text::from_pairs([("sv", "Ja")])),
            },
        );
        let review = feedback_for(&q, &Answer::TrueFalse { value: true }, "sv").unwrap();
        assert_eq!(
            review.parts[0].feedback.as_deref(),
            Some("Nej, tvärtom"),
            "feedback for answering true"
        );
        assert!(!review.parts[0].correct, "true is wrong here");
        assert_eq!(
            review.key,
            AnswerKey::TrueFalse { value: false },
            "the key shows the right value"
        );
    }

    #[test]
    fn matching_review_lists_every_left_side() {
        let q = question(
            "p",
            1.0,
            QuestionBody::Matching {
                pairs: pairs(&["a", "b"]),
            },
        );
        let answer = Answer::Matching {
            pairs: [("a".to_string(), "b".to_string())].into(),
        };
        let review = feedback_for(&q, &answer, "sv").unwrap();
        let parts: Vec<(&str, &str, bool)> = review
            .parts
            .iter()
            .map(|p| (p.id.as_str(), p.text.as_str(), p.correct))
            .collect();
        assert_eq!(
            parts,
            [("a", "Left a → Right b", false), ("b", "Left b → ", false)],
            "a wrong match shows what was chosen and an unmatched left shows as wrong"
        );
    }

    #[test]
    fn short_text_review_shows_accepted_answers_of_the_language() {
        let q = question(
            "x",
            1.0,
            short_text(
                &[("sv", &["hej", "hejsan"]), ("en", &["hello"])],
                false,
                false,
            ),
        );
        let review = feedback_for(
            &q,
            &Answer::ShortText {
                text: "Hallå".into(),
            },
            "sv",
        )
        .unwrap();
        assert_eq!(
            review.key,
            AnswerKey::ShortText {
                accepted: vec!["hej".into(), "hejsan".into()]
            },
            "only the learner's language's accepted answers are shown"
        );
    }

    #[test]
    fn review_json_is_camel_case() {
        let q = question(
            "s",
            1.0,
            QuestionBody::Single {
                options: vec![option("a", true)],
            },
        );
        let json = serde_json::to_value(
            feedback_for(&q, &Answer::Single { option: "a".into() }, "sv").unwrap(),
        )
        .unwrap();
        assert_eq!(
            json["questionId"], "s",
            "fields crossing to the UI are camelCase"
        );
        assert_eq!(json["key"]["kind"], "single", "the key is tagged by kind");
    }

    proptest! {
        #[test]
        fn review_grade_equals_grade((q, a) in arb_question_and_answer()) {
            let review = feedback_for(&q, &a, "sv").unwrap();
            prop_assert_eq!(review.grade, grade(&q, &a, "sv").unwrap(), "the review shows the same grade as grading");
        }
    }
}
