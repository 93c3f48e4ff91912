//! The learner's view of a question before answering: everything needed to
//! render it in one language, and nothing of its key. Options, items and
//! right sides are shown in an order fixed by the attempt's seed; items and
//! pair sides carry per-attempt tokens instead of the author's ids.

use rand::seq::SliceRandom;
use rand_chacha::{ChaCha8Rng, rand_core::SeedableRng};
use serde::Serialize;

use super::tokens::{Role, token};
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
    /// Options in the attempt's order, or the author's when the question
    /// says `shuffle = false` (a scale such as "never … always"). Ids are the
    /// author's option ids: only their order is shuffled.
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
    /// Ids are per-attempt tokens (author ids sorted would be the key);
    /// [`super::Answer::Ordering`] lists them in the learner's order.
    Ordering {
        items: Vec<ViewItem>,
    },
    /// Left sides in the author's order, right sides shuffled. Every id on
    /// both sides is an opaque token, fixed for the attempt, that does not tell
    /// which pair it belongs to; [`super::Answer::Matching`] maps left tokens
    /// to right tokens.
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
/// the tokens) fixes the order of options, ordering items and matching right
/// sides and the tokens of items and pair sides, so a resumed attempt shows
/// the same.
pub fn view(question: &Question, lang: &str, seed: u64) -> QuestionView {
    let options = |options: &[crate::content::AnswerOption]| {
        let mut shown: Vec<ViewItem> = options
            .iter()
            .map(|o| ViewItem::new(&o.id, o.text.get(lang)))
            .collect();
        if question.shuffle {
            shown.shuffle(&mut ChaCha8Rng::from_seed(rng_key(seed, &question.id)));
        }
        shown
    };
    let tokened = |role: Role, id: &str, text: &str| ViewItem {
        id: token(seed, &question.id, role, id),
        text: text.to_string(),
    };
    let body = match &question.body {
        QuestionBody::Single { options: o } => ViewBody::Single {
            options: options(o),
        },
        QuestionBody::Multiple { options: o } => ViewBody::Multiple {
            options: options(o),
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
            // Shuffled by author ids, then tokened: the order stays what it
            // was before items had tokens, so open attempts keep theirs.
            ViewBody::Ordering {
                items: shuffled(&key, seed, &question.id)
                    .into_iter()
                    .map(|i| tokened(Role::Item, &i.id, &i.text))
                    .collect(),
            }
        }
        QuestionBody::Matching { pairs } => {
            let left: Vec<ViewItem> = pairs
                .iter()
                .map(|p| tokened(Role::Left, &p.id, p.left.get(lang)))
                .collect();
            let right: Vec<ViewItem> = pairs
                .iter()
                .map(|p| tokened(Role::Right, &p.id, p.right.get(lang)))
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
/// size in one attempt are not all shuffled alike. (A question has one kind,
/// so options and items never share a stream.) ChaCha8 is specified, so
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

    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::{ViewBody, ViewItem, view};
    use crate::content::{Question, QuestionBody, Text};
    use crate::quiz::testing::*;

    fn texts(items: &[ViewItem]) -> Vec<&str> {
        items.iter().map(|i| i.text.as_str()).collect()
    }

    /// The shown order of a question's options or items, by text (ids of
    /// items are tokens that change with the seed, so they cannot show an order).
    fn shown(q: &Question, seed: u64) -> Vec<String> {
        let items = match view(q, "sv", seed).body {
            ViewBody::Single { options } | ViewBody::Multiple { options } => options,
            ViewBody::Ordering { items } => items,
            other => panic!("{} has no options or items: {other:?}", q.id),
        };
        items.into_iter().map(|i| i.text).collect()
    }

    fn single(names: &[&str], shuffle: bool) -> Question {
        let mut q = question(
            "frekvens",
            1.0,
            QuestionBody::Single {
                options: names.iter().map(|n| option(n, *n == names[0])).collect(),
            },
        );
        q.shuffle = shuffle;
        q
    }

    /// One question of each kind, with key words in places only the key uses.
    fn every_kind() -> Vec<Question> {
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
                    items: items(ORDERING_ITEMS),
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

    /// Ids with letters outside hex, so a hex token cannot contain them by chance.
    const MATCHING_PAIRS: &[&str] = &["kaffe", "te", "saft"];
    const ORDERING_ITEMS: &[&str] = &["hälsa", "lyssna", "visa", "tacka"];

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
            match q.body {
                QuestionBody::Matching { .. } => {
                    assert_ids_hide(&json, &["left", "right"], MATCHING_PAIRS)
                }
                QuestionBody::Ordering { .. } => assert_ids_hide(&json, &["items"], ORDERING_ITEMS),
                _ => {}
            }
        }
    }

    /// From the JSON of a view alone: no id in the `lists` equals or contains
    /// an author id, and every shown id is distinct. `contains` is only checked
    /// for ids of two or more characters: a one-letter id like "a" is a hex
    /// digit of any token.
    fn assert_ids_hide(json: &str, lists: &[&str], author_ids: &[&str]) {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let mut shown = Vec::new();
        for name in lists {
            let list = value[name].as_array().unwrap();
            assert_eq!(
                list.len(),
                author_ids.len(),
                "{name} shows every entry once: {json}"
            );
            shown.extend(list.iter().map(|i| i["id"].as_str().unwrap().to_string()));
        }
        for s in &shown {
            for id in author_ids {
                assert!(
                    s != id && (id.len() == 1 || !s.contains(id)),
                    "shown id {s} gives away the author's id {id}: {json}"
                );
            }
        }
        let distinct: BTreeSet<&String> = shown.iter().collect();
        assert_eq!(
            distinct.len(),
            shown.len(),
            "every shown entry has its own id: {json}"
        );
    }

    #[test]
    fn ordering_and_matching_ids_hide_the_authors_for_any_seed() {
        for names in [&["kaffe", "te", "saft", "vatten"][..], &["a", "b", "c"]] {
            let matching = question(
                "drycker",
                1.0,
                QuestionBody::Matching {
                    pairs: pairs(names),
                },
            );
            let ordering = question(
                "steg",
                1.0,
                QuestionBody::Ordering {
                    items: items(names),
                },
            );
            for seed in [0, 7, u64::MAX] {
                let json = serde_json::to_string(&view(&matching, "sv", seed)).unwrap();
                assert_ids_hide(&json, &["left", "right"], names);
                let json = serde_json::to_string(&view(&ordering, "sv", seed)).unwrap();
                assert_ids_hide(&json, &["items"], names);
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
        let ordering = question(
            "o",
            1.0,
            QuestionBody::Ordering {
                items: items(&["a", "b", "c", "d", "e", "f"]),
            },
        );
        let options = single(&["a", "b", "c", "d", "e", "f"], true);
        for q in [&ordering, &options] {
            assert_eq!(
                view(q, "sv", 42),
                view(q, "sv", 42),
                "a resumed attempt must show the same order and ids"
            );
            let orders: BTreeSet<Vec<String>> = (0..20).map(|seed| shown(q, seed)).collect();
            assert!(
                orders.len() > 5,
                "different attempts should see different orders of {}, got {}",
                q.id,
                orders.len()
            );
        }
    }

    #[test]
    fn options_keep_their_ids_and_the_key_has_no_fixed_place() {
        let q = single(&["ja", "nej", "kanske", "aldrig"], true);
        let ViewBody::Single { options } = view(&q, "sv", 5).body else {
            panic!("a single question has a single view");
        };
        for o in &options {
            assert_eq!(
                o.text,
                format!("Option {}", o.id),
                "an option keeps its author id and its own text: stored answers hold option ids"
            );
        }
        let key_places: BTreeSet<usize> = (0..40)
            .map(|seed| {
                shown(&q, seed)
                    .iter()
                    .position(|t| t == "Option ja")
                    .unwrap()
            })
            .collect();
        assert_eq!(
            key_places.len(),
            4,
            "the key (written first) must come at every place in some attempt: {key_places:?}"
        );
    }

    #[test]
    fn shuffle_false_keeps_the_authors_option_order() {
        let scale = ["aldrig", "sällan", "ibland", "ofta", "alltid"];
        let mut multiple = single(&scale, false);
        multiple.body = QuestionBody::Multiple {
            options: scale.iter().map(|n| option(n, true)).collect(),
        };
        let want: Vec<String> = scale.iter().map(|n| format!("Option {n}")).collect();
        for q in [single(&scale, false), multiple] {
            for seed in [0, 1, 77, u64::MAX] {
                assert_eq!(
                    shown(&q, seed),
                    want,
                    "shuffle = false keeps a scale in the author's order (seed {seed})"
                );
            }
        }
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
            texts(&left),
            ["Left a", "Left b", "Left c"],
            "left sides stay in the author's order"
        );
        let texts = texts(&right);
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
        let q = question(
            "o",
            1.0,
            QuestionBody::Ordering {
                items: items(&["first", "second"]),
            },
        );
        let orders: BTreeSet<Vec<String>> = (0..64u64).map(|seed| shown(&q, seed)).collect();
        assert_eq!(
            orders.len(),
            2,
            "with two items, the shown order must not always be the reverse of the key"
        );
    }

    proptest! {
        #[test]
        fn shuffled_items_are_a_permutation_never_the_key(n in 1usize..9, seed in any::<u64>()) {
            let names: Vec<String> = (0..n).map(|i| format!("i{i}")).collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let q = question("o", 1.0, QuestionBody::Ordering { items: items(&refs) });
            let key: Vec<String> = refs.iter().map(|id| format!("Item {id}")).collect();
            let mut got = shown(&q, seed);
            if n >= 3 {
                prop_assert_ne!(&got, &key, "the learner must not be shown the correct order");
            }
            got.sort_by_key(|t| t["Item i".len()..].parse::<usize>().unwrap());
            prop_assert_eq!(got, key, "every item is shown exactly once");
        }

        #[test]
        fn options_are_a_permutation_and_follow_the_shuffle_flag(
            n in 1usize..9,
            seed in any::<u64>(),
            shuffle in any::<bool>(),
        ) {
            let names: Vec<String> = (0..n).map(|i| format!("o{i}")).collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let q = single(&refs, shuffle);
            let author: Vec<String> = refs.iter().map(|id| format!("Option {id}")).collect();
            let mut got = shown(&q, seed);
            if !shuffle {
                prop_assert_eq!(&got, &author, "shuffle = false keeps the author's order");
            }
            got.sort_by_key(|t| t["Option o".len()..].parse::<usize>().unwrap());
            prop_assert_eq!(got, author, "every option is shown exactly once");
        }
    }
}
