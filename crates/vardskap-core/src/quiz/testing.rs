//! Small builders for questions in tests, and proptest strategies that
//! generate valid questions together with answers of every shape.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::Answer;
use crate::content::{AnswerOption, Item, Pair, Question, QuestionBody, Text};

pub fn text(s: &str) -> Text {
    Text::from_pairs([("sv", s), ("en", s)])
}

pub fn question(id: &str, points: f64, body: QuestionBody) -> Question {
    Question {
        shuffle: true,
        id: id.to_string(),
        competency: "welcome".to_string(),
        points,
        prompt: Text::from_pairs([("sv", "Fråga"), ("en", "Question")]),
        explanation: Text::from_pairs([
            ("sv", "Förklaringen ZZEXPLAIN"),
            ("en", "The ZZEXPLAIN explanation"),
        ]),
        body,
    }
}

pub fn option(id: &str, correct: bool) -> AnswerOption {
    AnswerOption {
        id: id.to_string(),
        text: text(&format!("Option {id}")),
        correct,
        feedback: None,
    }
}

pub fn items(ids: &[&str]) -> Vec<Item> {
    ids.iter()
        .map(|id| Item {
            id: id.to_string(),
            text: text(&format!("Item {id}")),
        })
        .collect()
}

pub fn pairs(ids: &[&str]) -> Vec<Pair> {
    ids.iter()
        .map(|id| Pair {
            id: id.to_string(),
            left: text(&format!("Left {id}")),
            right: text(&format!("Right {id}")),
        })
        .collect()
}

pub fn short_text(
    accept: &[(&str, &[&str])],
    case_sensitive: bool,
    ignore_diacritics: bool,
) -> QuestionBody {
    QuestionBody::ShortText {
        accept: accept
            .iter()
            .map(|(lang, list)| {
                (
                    lang.to_string(),
                    list.iter().map(|s| s.to_string()).collect(),
                )
            })
            .collect(),
        case_sensitive,
        ignore_diacritics,
    }
}

/// The answer key of a valid question, as a learner would submit it.
pub fn key(question: &Question, lang: &str) -> Answer {
    match &question.body {
        QuestionBody::Single { options } => Answer::Single {
            option: options.iter().find(|o| o.correct).unwrap().id.clone(),
        },
        QuestionBody::Multiple { options } => Answer::Multiple {
            options: options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.id.clone())
                .collect(),
        },
        QuestionBody::TrueFalse { answer, .. } => Answer::TrueFalse { value: *answer },
        QuestionBody::ShortText { accept, .. } => Answer::ShortText {
            text: accept[lang][0].clone(),
        },
        QuestionBody::Numeric { answer, .. } => Answer::Numeric { value: *answer },
        QuestionBody::Ordering { items } => Answer::Ordering {
            items: items.iter().map(|i| i.id.clone()).collect(),
        },
        QuestionBody::Matching { pairs } => Answer::Matching {
            pairs: pairs.iter().map(|p| (p.id.clone(), p.id.clone())).collect(),
        },
    }
}

/// The empty answer of a kind, or `None` for kinds that have none.
pub fn empty(question: &Question) -> Option<Answer> {
    match &question.body {
        QuestionBody::Single { .. } => Some(Answer::Single {
            option: String::new(),
        }),
        QuestionBody::Multiple { .. } => Some(Answer::Multiple { options: vec![] }),
        QuestionBody::ShortText { .. } => Some(Answer::ShortText {
            text: " \t ".to_string(),
        }),
        QuestionBody::Ordering { .. } => Some(Answer::Ordering { items: vec![] }),
        QuestionBody::Matching { .. } => Some(Answer::Matching {
            pairs: BTreeMap::new(),
        }),
        QuestionBody::TrueFalse { .. } | QuestionBody::Numeric { .. } => None,
    }
}

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("id{i}")).collect()
}

/// A valid question of any kind, as the loader would accept it.
pub fn arb_question() -> impl Strategy<Value = Question> {
    let body = prop_oneof![
        (2usize..7)
            .prop_flat_map(|n| (Just(n), 0..n))
            .prop_map(|(n, c)| QuestionBody::Single {
                options: ids(n)
                    .iter()
                    .enumerate()
                    .map(|(i, id)| option(id, i == c))
                    .collect(),
            }),
        prop::collection::vec(any::<bool>(), 2..8)
            .prop_filter("a multiple question has a correct option", |m| m
                .contains(&true))
            .prop_map(|mask| QuestionBody::Multiple {
                options: ids(mask.len())
                    .iter()
                    .zip(&mask)
                    .map(|(id, c)| option(id, *c))
                    .collect(),
            }),
        any::<bool>().prop_map(|answer| QuestionBody::TrueFalse {
            answer,
            feedback_true: None,
            feedback_false: None
        }),
        (
            prop::collection::vec("[a-zA-ZåäöÅÄÖé][a-zA-Zåäöé ]{0,12}", 1..4),
            prop::collection::vec("[a-zA-Z][a-zA-Z ]{0,12}", 1..4),
            any::<bool>(),
            any::<bool>()
        )
            .prop_map(|(sv, en, case_sensitive, ignore_diacritics)| {
                QuestionBody::ShortText {
                    accept: [("sv".to_string(), sv), ("en".to_string(), en)]
                        .into_iter()
                        .collect(),
                    case_sensitive,
                    ignore_diacritics,
                }
            }),
        (-1.0e6f64..1.0e6, 0.0f64..10.0, any::<bool>()).prop_map(|(answer, tolerance, unit)| {
            QuestionBody::Numeric {
                answer,
                tolerance,
                unit: unit.then(|| text("år")),
            }
        }),
        (1usize..8).prop_map(|n| QuestionBody::Ordering {
            items: ids(n)
                .iter()
                .map(|id| Item {
                    id: id.clone(),
                    text: text(id)
                })
                .collect(),
        }),
        (1usize..7).prop_map(|n| QuestionBody::Matching {
            pairs: ids(n)
                .iter()
                .map(|id| Pair {
                    id: id.clone(),
                    left: text(id),
                    right: text(&format!("r{id}"))
                })
                .collect(),
        }),
    ];
    (0.5f64..10.0, body).prop_map(|(points, body)| question("q", points, body))
}

/// A valid question and any well-shaped answer to it (right, wrong or partial).
pub fn arb_question_and_answer() -> impl Strategy<Value = (Question, Answer)> {
    arb_question().prop_flat_map(|q| {
        let answer = arb_answer(&q);
        (Just(q), answer)
    })
}

fn arb_answer(q: &Question) -> BoxedStrategy<Answer> {
    match &q.body {
        QuestionBody::Single { options } => {
            prop::sample::select(options.iter().map(|o| o.id.clone()).collect::<Vec<_>>())
                .prop_map(|option| Answer::Single { option })
                .boxed()
        }
        QuestionBody::Multiple { options } => {
            let all: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
            let n = all.len();
            prop::sample::subsequence(all, 0..=n)
                .prop_shuffle()
                .prop_map(|options| Answer::Multiple { options })
                .boxed()
        }
        QuestionBody::TrueFalse { .. } => any::<bool>()
            .prop_map(|value| Answer::TrueFalse { value })
            .boxed(),
        QuestionBody::ShortText { .. } => ".{0,16}"
            .prop_map(|text| Answer::ShortText { text })
            .boxed(),
        QuestionBody::Numeric { .. } => (-1.0e7f64..1.0e7)
            .prop_map(|value| Answer::Numeric { value })
            .boxed(),
        QuestionBody::Ordering { items } => {
            Just(items.iter().map(|i| i.id.clone()).collect::<Vec<_>>())
                .prop_shuffle()
                .prop_map(|items| Answer::Ordering { items })
                .boxed()
        }
        QuestionBody::Matching { pairs } => {
            let lefts: Vec<String> = pairs.iter().map(|p| p.id.clone()).collect();
            let n = lefts.len();
            (
                Just(lefts.clone()).prop_shuffle(),
                prop::sample::subsequence(lefts, 0..=n),
            )
                .prop_map(|(rights, chosen_lefts)| Answer::Matching {
                    pairs: chosen_lefts.into_iter().zip(rights).collect(),
                })
                .boxed()
        }
    }
}

/// An answer that does not fit `q`: another kind, an unknown id, or an id twice.
pub fn arb_wrong_shape(q: &Question) -> BoxedStrategy<Answer> {
    let other_kind = match &q.body {
        QuestionBody::TrueFalse { .. } => Answer::Numeric { value: 1.0 },
        _ => Answer::TrueFalse { value: true },
    };
    let mut wrong = vec![other_kind, Answer::Numeric { value: f64::NAN }];
    match &q.body {
        QuestionBody::Single { .. } => wrong.push(Answer::Single {
            option: "nope".into(),
        }),
        QuestionBody::Multiple { options } => {
            wrong.push(Answer::Multiple {
                options: vec!["nope".into()],
            });
            wrong.push(Answer::Multiple {
                options: vec![options[0].id.clone(), options[0].id.clone()],
            });
        }
        QuestionBody::Numeric { .. } => {
            wrong.push(Answer::Numeric {
                value: f64::INFINITY,
            });
        }
        QuestionBody::Ordering { items } => {
            let mut twice: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
            twice.push(items[0].id.clone());
            wrong.push(Answer::Ordering { items: twice });
            wrong.push(Answer::Ordering {
                items: vec!["nope".into()],
            });
        }
        QuestionBody::Matching { pairs } => {
            wrong.push(Answer::Matching {
                pairs: [("nope".to_string(), pairs[0].id.clone())].into(),
            });
            wrong.push(Answer::Matching {
                pairs: [(pairs[0].id.clone(), "nope".to_string())].into(),
            });
            if pairs.len() >= 2 {
                wrong.push(Answer::Matching {
                    pairs: [
                        (pairs[0].id.clone(), pairs[0].id.clone()),
                        (pairs[1].id.clone(), pairs[0].id.clone()),
                    ]
                    .into(),
                });
            }
        }
        QuestionBody::TrueFalse { .. } | QuestionBody::ShortText { .. } => {}
    }
    // A NaN numeric answer is only wrong-shaped for a numeric question; for
    // any other kind it is a kind mismatch, also wrong-shaped.
    prop::sample::select(wrong).boxed()
}
