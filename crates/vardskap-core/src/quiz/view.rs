//! The learner's view of a question before answering: everything needed to
//! render it in one language, and nothing of its key.

use rand::seq::SliceRandom;
use rand_chacha::{ChaCha8Rng, rand_core::SeedableRng};
use serde::Serialize;

use super::tokens::right_token;
use crate::content::{Question, QuestionBody};

/// A question as the learner sees it before answering, in one language.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuestionView {
    pub id: String,
    pub competency: String,
    pub points: f64,
    pub prompt: String,
    /// Tagged by `kind`; flattened so the UI reads `view.kind`.
    #[serde(flatten)]
    #[ts(flatten)]
    pub body: ViewBody,
}

/// The kind-specific part of a [`QuestionView`].
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum ViewBody {
    /// Options in the author's order (authors place "none of these" last on purpose).
    Single {
        options: Vec<ViewItem>,
    },
    Multiple {
        options: Vec<ViewItem>,
    },
    TrueFalse,
    ShortText,
    Numeric {
        unit: Option<String>,
    },
    /// Items shuffled; never in the correct order when there are three or more.
    Ordering {
        items: Vec<ViewItem>,
    },
    /// Left sides (ids: pair ids) in the author's order, right sides shuffled.
    /// A right side's id is an opaque token, fixed for the attempt, that does
    /// not tell which left side it belongs to; [`super::Answer::Matching`]
    /// maps left ids to these tokens.
    Matching {
        left: Vec<ViewItem>,
        right: Vec<ViewItem>,
    },
}

/// An option, item or side of a pair: its id and its text in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ViewItem {
    pub id: String,
    pub text: String,
}

/// The learner-safe view of `question` in `lang`. `seed` (the attempt's
/// secret seed, never the attempt id: the UI must not be able to recompute
/// the matching tokens) fixes the shuffle of ordering items and matching right
/// sides and the right sides' tokens, so a resumed attempt shows the same.
pub fn view(question: &Question, lang: &str, seed: u64) -> QuestionView {
    let body = match &question.body {
        QuestionBody::Single { options } => ViewBody::Single {
            options: options
                .iter()
                .map(|o| ViewItem::new(&o.id, o.text.get(lang)))
                .collect(),
        },
        QuestionBody::Multiple { options } => ViewBody::Multiple {
            options: options
                .iter()
                .map(|o| ViewItem::new(&o.id, o.text.get(lang)))
                .collect(),
        },
        QuestionBody::TrueFalse { .. } => ViewBody::TrueFalse,
        QuestionBody::ShortText { .. } => ViewBody::ShortText,
        QuestionBody::Numeric { unit, .. } => ViewBody::Numeric {
            unit: unit.as_ref().map(|u| u.get(lang).to_string()),
        },
        QuestionBody::Ordering { items } => {
            let key: Vec<ViewItem> = items
                .iter()
                .map(|i| ViewItem::new(&i.id, i.text.get(lang)))
                .collect();
            ViewBody::Ordering {
                items: shuffled(&key, seed, &question.id),
            }
        }
        QuestionBody::Matching { pairs } => {
            let left: Vec<ViewItem> = pairs
                .iter()
                .map(|p| ViewItem::new(&p.id, p.left.get(lang)))
                .collect();
            let right: Vec<ViewItem> = pairs
                .iter()
                .map(|p| ViewItem {
                    id: right_token(seed, &question.id, &p.id),
                    text: p.right.get(lang).to_string(),
                })
                .collect();
            ViewBody::Matching {
                right: shuffled(&right, seed, &question.id),
                left,
            }
        }
    };
    QuestionView {
        id: question.id.clone(),
        competency: question.competency.clone(),
        points: question.points,
        prompt: question.prompt.get(lang).to_string(),
        body,
    }
}

impl ViewItem {
    fn new(id: &str, text: &str) -> Self {
        ViewItem {
            id: id.to_string(),
            text: text.to_string(),
        }
    }
}

/// A seeded shuffle of `key` that is never `key` itself when it has three or
/// more items: a learner who submits what they were shown must not get full
/// marks for free. With two items that rule would show the answer (it would
/// always be the reverse), so two items are shuffled plainly.
fn shuffled(key: &[ViewItem], seed: u64, question_id: &str) -> Vec<ViewItem> {
    let mut rng = ChaCha8Rng::from_seed(rng_key(seed, question_id));
    let mut out = key.to_vec();
    out.shuffle(&mut rng);
    if out == key && out.len() >= 3 {
        out.rotate_left(1);
    }
    out
}

/// A ChaCha key from the seed and the question id, so questions of the same
/// size in one attempt are not all shuffled alike. ChaCha8 is specified, so
/// the order stays the same across builds and platforms.
fn rng_key(seed: u64, question_id: &str) -> [u8; 32] {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    for (i, b) in question_id.bytes().enumerate() {
        let at = 8 + i % 24;
        key[at] = key[at].rotate_left(3) ^ b;
    }
    key
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;

    use super::{ViewBody, view};
    use crate::content::{QuestionBody, Text};
    use crate::quiz::testing::*;

    fn ids(items: &[super::ViewItem]) -> Vec<&str> {
        items.iter().map(|i| i.id.as_str()).collect()
    }

    /// One question of each kind, with key words in places only the key uses.
    fn every_kind() -> Vec<crate::content::Question> {
        let mut with_feedback = option("b", true);
        with_feedback.feedback = Some(Text::from_pairs([("sv", "ZZFEEDBACK")]));
        vec![
            question(
                "s",
                1.0,
                QuestionBody::Single {
                    options: vec![option("a", false), with_feedback.clone()],
                },
            ),
            question(
                "m",
                1.0,
                QuestionBody::Multiple {
                    options: vec![option("a", false), with_feedback],
                },
            ),
            question(
                "t",
                1.0,
                QuestionBody::TrueFalse {
                    answer: true,
                    feedback_true: Some(Text::from_pairs([("sv", "ZZFEEDBACK")])),
                    feedback_false: None,
                },
            ),
            question(
                "x",
                1.0,
                short_text(&[("sv", &["ZZACCEPTED"])], false, false),
            ),
            question(
                "n",
                1.0,
                QuestionBody::Numeric {
                    answer: 98765.0,
                    tolerance: 0.5,
                    unit: Some(text("år")),
                },
            ),
            question(
                "o",
                1.0,
                QuestionBody::Ordering {
                    items: items(&["a", "b", "c"]),
                },
            ),
            question(
                "p",
                1.0,
                QuestionBody::Matching {
                    pairs: pairs(MATCHING_PAIRS),
                },
            ),
        ]
    }

    /// Pair ids with letters outside hex, so a hex token cannot contain them by chance.
    const MATCHING_PAIRS: &[&str] = &["kaffe", "te", "saft"];

    #[test]
    fn view_json_holds_no_key() {
        for q in every_kind() {
            let json = serde_json::to_string(&view(&q, "sv", 7)).unwrap();
            for secret in [
                "correct",
                "answer",
                "accept",
                "ZZEXPLAIN",
                "ZZACCEPTED",
                "ZZFEEDBACK",
                "98765",
                "tolerance",
            ] {
                assert!(
                    !json.contains(secret),
                    "the view of {} leaks {secret:?}: {json}",
                    q.id
                );
            }
            if matches!(q.body, QuestionBody::Matching { .. }) {
                assert_right_ids_hide_pairs(&json, MATCHING_PAIRS);
            }
        }
    }

    /// From the JSON of a matching view alone: no right id equals or contains
    /// a left id or a pair id. `contains` is only checked for ids of two or
    /// more characters: a one-letter id like "a" is a hex digit of any token.
    fn assert_right_ids_hide_pairs(json: &str, pair_ids: &[&str]) {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let side = |name: &str| -> Vec<String> {
            value[name]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["id"].as_str().unwrap().to_string())
                .collect()
        };
        let (left, right) = (side("left"), side("right"));
        assert_eq!(
            left, pair_ids,
            "left ids are the pair ids, in the author's order"
        );
        for r in &right {
            for id in pair_ids
                .iter()
                .copied()
                .chain(left.iter().map(String::as_str))
            {
                assert!(
                    r != id && (id.len() == 1 || !r.contains(id)),
                    "right id {r} gives away its pair {id}: {json}"
                );
            }
        }
        let distinct: std::collections::BTreeSet<&String> = right.iter().collect();
        assert_eq!(
            distinct.len(),
            pair_ids.len(),
            "each right side has its own id: {json}"
        );
    }

    #[test]
    fn matching_right_ids_hide_their_pairs_for_any_seed() {
        for names in [&["kaffe", "te", "saft", "vatten"][..], &["a", "b", "c"]] {
            let q = question(
                "drycker",
                1.0,
                QuestionBody::Matching {
                    pairs: pairs(names),
                },
            );
            for seed in [0, 7, u64::MAX] {
                let json = serde_json::to_string(&view(&q, "sv", seed)).unwrap();
                assert_right_ids_hide_pairs(&json, names);
            }
        }
    }

    #[test]
    fn view_is_in_the_learners_language() {
        let q = question(
            "n",
            1.0,
            QuestionBody::Numeric {
                answer: 1.0,
                tolerance: 0.0,
                unit: Some(text("år")),
            },
        );
        let v = view(&q, "en", 0);
        assert_eq!(v.prompt, "Question", "the prompt is in the asked language");
        assert_eq!(
            v.body,
            ViewBody::Numeric {
                unit: Some("år".into())
            },
            "the unit is shown next to the field"
        );
    }

    #[test]
    fn shuffle_is_stable_for_a_seed() {
        let q = question(
            "o",
            1.0,
            QuestionBody::Ordering {
                items: items(&["a", "b", "c", "d", "e", "f"]),
            },
        );
        assert_eq!(
            view(&q, "sv", 42),
            view(&q, "sv", 42),
            "a resumed attempt must show the same order"
        );
        let orders: std::collections::BTreeSet<Vec<String>> = (0..20)
            .map(|seed| match view(&q, "sv", seed).body {
                ViewBody::Ordering { items } => items.into_iter().map(|i| i.id).collect(),
                _ => unreachable!("an ordering question has an ordering view"),
            })
            .collect();
        assert!(
            orders.len() > 5,
            "different attempts should see different orders, got {}",
            orders.len()
        );
    }

    #[test]
    fn matching_keeps_left_order_and_shuffles_right() {
        let q = question(
            "p",
            1.0,
            QuestionBody::Matching {
                pairs: pairs(&["a", "b", "c"]),
            },
        );
        let ViewBody::Matching { left, right } = view(&q, "sv", 3).body else {
            panic!("a matching question has a matching view");
        };
        assert_eq!(
            ids(&left),
            ["a", "b", "c"],
            "left sides stay in the author's order"
        );
        let texts: Vec<&str> = right.iter().map(|r| r.text.as_str()).collect();
        assert_ne!(
            texts,
            ["Right a", "Right b", "Right c"],
            "right sides must not line up with their left sides"
        );
        let mut sorted = texts.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            ["Right a", "Right b", "Right c"],
            "every right side is shown once, with its own text"
        );
    }

    #[test]
    fn two_items_are_shown_in_both_orders_so_the_order_gives_nothing_away() {
        let q = question("o", 1.0, QuestionBody::Ordering { items: items(&["first", "second"]) });
        let shown: std::collections::BTreeSet<Vec<String>> = (0..64u64)
            .map(|seed| {
                let ViewBody::Ordering { items } = view(&q, "sv", seed).body else {
                    panic!("an ordering question has an ordering view");
                };
                items.into_iter().map(|i| i.id).collect()
            })
            .collect();
        assert_eq!(shown.len(), 2, "with two items, the shown order must not always be the reverse of the key");
    }

    proptest! {
        #[test]
        fn shuffled_items_are_a_permutation_never_the_key(n in 1usize..9, seed in any::<u64>()) {
            let names: Vec<String> = (0..n).map(|i| format!("i{i}")).collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let q = question("o", 1.0, QuestionBody::Ordering { items: items(&refs) });
            let ViewBody::Ordering { items: shown } = view(&q, "sv", seed).body else {
                panic!("an ordering question has an ordering view");
            };
            let mut sorted: Vec<&str> = ids(&shown);
            if n >= 3 {
                prop_assert_ne!(&sorted, &refs, "the learner must not be shown the correct order");
            }
            sorted.sort_by_key(|id| id[1..].parse::<usize>().unwrap());
            prop_assert_eq!(sorted, refs, "every item is shown exactly once");
        }
    }
}
