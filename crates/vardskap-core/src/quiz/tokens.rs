//! Opaque per-attempt ids for what a learner arranges: the items of an
//! ordering question and both sides of a matching question. Author ids such as
//! `a, b, c` would give the key away (sorting them is the correct order; a left
//! side's id is its pair's id), so the view shows tokens instead. A token is a
//! keyed BLAKE2b hash of (seed, question id, role, id): stable for one
//! attempt, unguessable without the seed, which never leaves the core.
//! Answers are translated back to author ids before grading and storing.

use std::collections::{BTreeMap, HashMap, HashSet};

use blake2::digest::consts::U8;
use blake2::{Blake2b, Digest};

use super::Answer;
use crate::content::{Question, QuestionBody};
use crate::{Error, Result};

/// What a token stands for. Each role has its own hash domain, so an item's
/// token never equals a side's token of the same id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// An item of an ordering question.
    Item,
    /// The left side of a matching pair.
    Left,
    /// The right side of a matching pair.
    Right,
}

/// Separates the right-side hashes from any other use of BLAKE2b with the
/// same inputs. Kept from the first token scheme so open attempts still decode.
const RIGHT_DOMAIN: &[u8] = b"vardskap/matching-right-token/v1";
/// The domain of the other roles, followed by the role's name.
const DOMAIN: &[u8] = b"vardskap/view-token/v1";

/// The token the learner sees for `id` in `role` of question `question_id`.
/// Changing this changes every token shown to an open attempt, so it is
/// versioned by its domain; stored answers hold author ids, never tokens.
pub(crate) fn token(seed: u64, question_id: &str, role: Role, id: &str) -> String {
    let (domain, name, prefix): (&[u8], &[u8], char) = match role {
        Role::Right => return right_token(seed, question_id, id),
        Role::Item => (DOMAIN, b"item", 'i'),
        Role::Left => (DOMAIN, b"left", 'l'),
    };
    let mut hash = Blake2b::<U8>::new();
    hash.update(domain);
    hash.update(name);
    hash.update(seed.to_le_bytes());
    hex_token(prefix, hash, [question_id, id])
}

/// The token of the right side of pair `pair_id`: the first scheme, pinned by
/// a test, unchanged so tokens shown before the other roles existed decode.
pub(crate) fn right_token(seed: u64, question_id: &str, pair_id: &str) -> String {
    let mut hash = Blake2b::<U8>::new();
    hash.update(RIGHT_DOMAIN);
    hash.update(seed.to_le_bytes());
    hex_token('r', hash, [question_id, pair_id])
}

/// Finishes `hash` over `parts` and writes it as `prefix` and 16 hex digits.
fn hex_token(prefix: char, mut hash: Blake2b<U8>, parts: [&str; 2]) -> String {
    // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
    for part in parts {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part.as_bytes());
    }
    let mut token = String::with_capacity(17);
    token.push(prefix);
    for byte in hash.finalize() {
        token.push_str(&format!("{byte:02x}"));
    }
    token
}

/// Token -> author id for every id a question shows in `role` (empty when the
/// question has no such role). With 64-bit tokens two ids of one question
/// colliding is not a practical concern (about n²/2⁶⁵); should it happen, the
/// first id wins.
fn decoder(question: &Question, seed: u64, role: Role) -> HashMap<String, &str> {
    let ids: Vec<&str> = match (&question.body, role) {
        (QuestionBody::Ordering { items }, Role::Item) => {
            items.iter().map(|i| i.id.as_str()).collect()
        }
        (QuestionBody::Matching { pairs }, Role::Left | Role::Right) => {
            pairs.iter().map(|p| p.id.as_str()).collect()
        }
        _ => Vec::new(),
    };
    let mut map = HashMap::with_capacity(ids.len());
    for id in ids {
        map.entry(token(seed, &question.id, role, id)).or_insert(id);
    }
    map
}

/// Reads tokens of one role back into author ids, refusing a token the view
/// did not show and one used twice. The message names only tokens (and the
/// role in the learner's words), so it gives nothing away.
struct Reader<'q> {
    question: &'q Question,
    decoder: HashMap<String, &'q str>,
    used: HashSet<String>,
    what: &'static str,
}

impl<'q> Reader<'q> {
    fn new(question: &'q Question, seed: u64, role: Role) -> Self {
        let what = match role {
            Role::Item => "item",
            Role::Left => "left side",
            Role::Right => "right side",
        };
        Reader {
            question,
            decoder: decoder(question, seed, role),
            used: HashSet::new(),
            what,
        }
    }

    fn read(&mut self, token: &str) -> Result<String> {
        let shape = |reason: String| Error::WrongAnswerShape {
            question: self.question.id.clone(),
            reason,
        };
        let Some(id) = self.decoder.get(token) else {
            return Err(shape(format!(
                "the question shows no {} \"{token}\"",
                self.what
            )));
        };
        if !self.used.insert(token.to_string()) {
            return Err(shape(format!("{} \"{token}\" is used twice", self.what)));
        }
        Ok((*id).to_string())
    }
}

/// Translates the learner's answer from what the view showed into the ids the
/// grader and the store use: ordering item tokens and both sides' tokens of a
/// matching answer become author ids. Other answers come back unchanged (a
/// kind mismatch is left for [`super::grade`] to report). An unknown token, or
/// one token used twice, is [`Error::WrongAnswerShape`].
pub fn decode_answer(question: &Question, seed: u64, answer: &Answer) -> Result<Answer> {
    match (&question.body, answer) {
        (QuestionBody::Ordering { .. }, Answer::Ordering { items }) => {
            let mut reader = Reader::new(question, seed, Role::Item);
            let items = items
                .iter()
                .map(|t| reader.read(t))
                .collect::<Result<_>>()?;
            Ok(Answer::Ordering { items })
        }
        (QuestionBody::Matching { .. }, Answer::Matching { pairs: chosen }) => {
            let mut left = Reader::new(question, seed, Role::Left);
            let mut right = Reader::new(question, seed, Role::Right);
            let mut pairs = BTreeMap::new();
            for (l, r) in chosen {
                pairs.insert(left.read(l)?, right.read(r)?);
            }
            Ok(Answer::Matching { pairs })
        }
        _ => Ok(answer.clone()),
    }
}

/// The inverse of [`decode_answer`], for showing a stored answer to the
/// learner again (a resumed attempt). An item or pair the question no longer
/// has (a newer course version removed it) is dropped: the view does not show it.
pub fn encode_answer(question: &Question, seed: u64, answer: &Answer) -> Answer {
    let q = &question.id;
    match (&question.body, answer) {
        (QuestionBody::Ordering { items }, Answer::Ordering { items: chosen }) => {
            Answer::Ordering {
                items: chosen
                    .iter()
                    .filter(|id| items.iter().any(|i| &i.id == *id))
                    .map(|id| token(seed, q, Role::Item, id))
                    .collect(),
            }
        }
        (QuestionBody::Matching { pairs }, Answer::Matching { pairs: chosen }) => {
            let known = |id: &String| pairs.iter().any(|p| &p.id == id);
            Answer::Matching {
                pairs: chosen
                    .iter()
                    .filter(|(l, r)| known(l) && known(r))
                    .map(|(l, r)| {
                        (
                            token(seed, q, Role::Left, l),
                            token(seed, q, Role::Right, r),
                        )
                    })
                    .collect(),
            }
        }
        _ => answer.clone(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;
    use crate::quiz::testing::*;
    use crate::quiz::{ViewBody, grade, view};

    fn matching(ids: &[&str]) -> Question {
        question("p", 2.0, QuestionBody::Matching { pairs: pairs(ids) })
    }

    fn ordering(ids: &[&str]) -> Question {
        question("o", 3.0, QuestionBody::Ordering { items: items(ids) })
    }

    fn right_ids(q: &Question, seed: u64) -> Vec<String> {
        match view(q, "sv", seed).body {
            ViewBody::Matching { right, .. } => right.into_iter().map(|r| r.id).collect(),
            _ => unreachable!("a matching question has a matching view"),
        }
    }

    fn left_ids(q: &Question, seed: u64) -> Vec<String> {
        match view(q, "sv", seed).body {
            ViewBody::Matching { left, .. } => left.into_iter().map(|r| r.id).collect(),
            _ => unreachable!("a matching question has a matching view"),
        }
    }

    fn item_ids(q: &Question, seed: u64) -> Vec<String> {
        match view(q, "sv", seed).body {
            ViewBody::Ordering { items } => items.into_iter().map(|r| r.id).collect(),
            _ => unreachable!("an ordering question has an ordering view"),
        }
    }

    /// The answer a learner gives who pairs every left side with the right
    /// side whose text belongs to it, reading only the view.
    fn correct_from_view(q: &Question, seed: u64) -> Answer {
        let ViewBody::Matching { left, right } = view(q, "sv", seed).body else {
            unreachable!("a matching question has a matching view");
        };
        let pairs = left
            .iter()
            .map(|l| {
                let want = l.text.replace("Left", "Right");
                let r = right.iter().find(|r| r.text == want).unwrap();
                (l.id.clone(), r.id.clone())
            })
            .collect();
        Answer::Matching { pairs }
    }

    /// The answer of a learner who puts the items in the order of their
    /// texts' place in `key`, reading only the view.
    fn ordered_from_view(q: &Question, seed: u64, key: &[&str]) -> Answer {
        let ViewBody::Ordering { items } = view(q, "sv", seed).body else {
            unreachable!("an ordering question has an ordering view");
        };
        let items = key
            .iter()
            .map(|id| {
                let want = format!("Item {id}");
                items.iter().find(|i| i.text == want).unwrap().id.clone()
            })
            .collect();
        Answer::Ordering { items }
    }

    #[test]
    fn tokens_are_pinned_so_stored_attempts_survive_a_new_build() {
        // Tokens shown to an open attempt must decode after an app update, so
        // the hash may never drift silently. The values were checked against
        // Python's hashlib.blake2b(digest_size=8) over the same bytes.
        let t = right_token(42, "q", "a");
        assert_eq!(t.len(), 17, "a token is 'r' and 16 hex digits: {t}");
        assert!(
            t.starts_with('r') && t[1..].chars().all(|c| c.is_ascii_hexdigit()),
            "a token is 'r' and hex: {t}"
        );
        assert_eq!(
            t, PINNED,
            "BLAKE2b-64 of the domain, seed 42, \"q\", \"a\" must not change"
        );
        assert_eq!(
            token(42, "q", Role::Right, "a"),
            PINNED,
            "a right side's token is the first scheme's"
        );
        assert_eq!(
            token(42, "q", Role::Item, "a"),
            "i783212bebfe73223",
            "an item's token (domain + \"item\", seed 42, \"q\", \"a\") must not change"
        );
        assert_eq!(
            token(42, "q", Role::Left, "a"),
            "lcef4c75b87a7a1c8",
            "a left side's token (domain + \"left\", seed 42, \"q\", \"a\") must not change"
        );
    }
    const PINNED: &str = "reed34025719d19b6";

    #[test]
    fn the_view_s_tokens_decode_to_the_key_and_grade_full() {
        let q = matching(&["a", "b", "c", "d"]);
        for seed in [0, 1, 7, u64::MAX] {
            let given = correct_from_view(&q, seed);
            let decoded = decode_answer(&q, seed, &given).unwrap();
            let want: BTreeMap<String, String> = ["a", "b", "c", "d"]
                .iter()
                .map(|id| (id.to_string(), id.to_string()))
                .collect();
            assert_eq!(
                decoded,
                Answer::Matching { pairs: want },
                "the view's tokens must decode to pair ids (seed {seed})"
            );
            let g = grade(&q, &decoded, "sv").unwrap();
            assert!(g.correct, "the correct pairing must grade full: {g:?}");
            assert_eq!(
                encode_answer(&q, seed, &decoded),
                given,
                "encoding a decoded answer gives the learner's tokens back (seed {seed})"
            );
        }
    }

    #[test]
    fn ordering_tokens_decode_to_item_ids_and_grade_full() {
        let key = ["hälsa", "lyssna", "visa", "tacka"];
        let q = ordering(&key);
        for seed in [0, 1, 7, u64::MAX] {
            let given = ordered_from_view(&q, seed, &key);
            let decoded = decode_answer(&q, seed, &given).unwrap();
            assert_eq!(
                decoded,
                Answer::Ordering {
                    items: key.iter().map(|s| s.to_string()).collect()
                },
                "the view's item tokens must decode to item ids (seed {seed})"
            );
            let g = grade(&q, &decoded, "sv").unwrap();
            assert!(g.correct, "the correct order must grade full: {g:?}");
            assert_eq!(
                encode_answer(&q, seed, &decoded),
                given,
                "encoding a decoded order gives the learner's tokens back (seed {seed})"
            );
        }
    }

    #[test]
    fn tokens_depend_on_the_seed_and_the_question() {
        let q = matching(&["a", "b", "c"]);
        let mut other = matching(&["a", "b", "c"]);
        other.id = "p2".into();
        let sorted = |ids: Vec<String>| {
            let mut ids = ids;
            ids.sort();
            ids
        };
        for ids in [right_ids, left_ids] {
            assert_ne!(
                sorted(ids(&q, 1)),
                sorted(ids(&q, 2)),
                "another attempt must see other tokens"
            );
            assert_ne!(
                sorted(ids(&q, 1)),
                sorted(ids(&other, 1)),
                "knowing one question's tokens must not tell another's"
            );
            assert_eq!(
                ids(&q, 9),
                ids(&q, 9),
                "a resumed attempt must see the same tokens"
            );
        }
        let o = ordering(&["a", "b", "c"]);
        assert_ne!(
            sorted(item_ids(&o, 1)),
            sorted(item_ids(&o, 2)),
            "another attempt must see other item tokens"
        );
        assert_eq!(
            item_ids(&o, 9),
            item_ids(&o, 9),
            "a resumed attempt must see the same item tokens"
        );
    }

    #[test]
    fn the_roles_of_one_id_have_different_tokens() {
        let tokens: HashSet<String> = [Role::Item, Role::Left, Role::Right]
            .into_iter()
            .map(|role| token(3, "q", role, "a")[1..].to_string())
            .collect();
        assert_eq!(
            tokens.len(),
            3,
            "a left side's token must not tell its right side's"
        );
    }

    fn assert_refused(q: &Question, seed: u64, answer: Answer, why: &str) {
        let e = decode_answer(q, seed, &answer).unwrap_err();
        let msg = e.to_string();
        assert!(
            matches!(&e, Error::WrongAnswerShape { question, .. } if question == &q.id),
            "{why}: {e:?}"
        );
        // The message may repeat what the learner sent, but no author id the
        // learner did not send: that would tell which entry a token stands for.
        let sent = serde_json::to_string(&answer).unwrap();
        for id in ["a", "b", "c"] {
            let quoted = format!("\"{id}\"");
            assert!(
                sent.contains(&quoted) || !msg.contains(&quoted),
                "the error must not reveal which entry a token is: {msg}"
            );
        }
    }

    #[test]
    fn an_unknown_stale_or_repeated_matching_token_is_a_typed_error_that_names_no_pair() {
        let q = matching(&["a", "b", "c"]);
        let (left, right) = (left_ids(&q, 5), right_ids(&q, 5));
        let answer = |pairs: &[(&String, &String)]| Answer::Matching {
            pairs: pairs
                .iter()
                .map(|(l, r)| ((*l).clone(), (*r).clone()))
                .collect(),
        };
        let a = "a".to_string();
        assert_refused(
            &q,
            5,
            answer(&[(&a, &a)]),
            "bare pair ids are not tokens and must be refused",
        );
        assert_refused(
            &q,
            5,
            answer(&[(&left[0], &a)]),
            "bare right pair id must be refused",
        );
        assert_refused(
            &q,
            5,
            answer(&[(&left[0], &right_ids(&q, 6)[0])]),
            "a right token from another attempt must be refused",
        );
        assert_refused(
            &q,
            5,
            answer(&[(&left_ids(&q, 6)[0], &right[0])]),
            "a left token from another attempt must be refused",
        );
        assert_refused(
            &q,
            5,
            answer(&[(&left[0], &right[0]), (&left[1], &right[0])]),
            "a right side used twice is the wrong shape",
        );
        assert_refused(
            &q,
            5,
            answer(&[(&right[0], &left[0])]),
            "sides swapped: a right token is not a left side",
        );
    }

    #[test]
    fn an_unknown_stale_or_repeated_item_token_is_a_typed_error() {
        let q = ordering(&["a", "b", "c"]);
        let shown = item_ids(&q, 5);
        let answer = |items: &[&String]| Answer::Ordering {
            items: items.iter().map(|s| (*s).clone()).collect(),
        };
        let (a, b, c) = ("a".to_string(), "b".to_string(), "c".to_string());
        assert_refused(
            &q,
            5,
            answer(&[&a, &b, &c]),
            "bare item ids are not tokens and must be refused",
        );
        let stale = item_ids(&q, 6);
        assert_refused(
            &q,
            5,
            answer(&[&stale[0], &stale[1], &stale[2]]),
            "tokens of another attempt must be refused",
        );
        assert_refused(
            &q,
            5,
            answer(&[&shown[0], &shown[0], &shown[1]]),
            "an item used twice is the wrong shape",
        );
        assert_refused(
            &q,
            5,
            answer(&[&token(5, "o", Role::Left, "a"), &shown[1], &shown[2]]),
            "a token of another role must be refused",
        );
    }

    #[test]
    fn other_kinds_pass_through_and_stale_entries_are_dropped() {
        let single = question(
            "s",
            1.0,
            QuestionBody::Single {
                options: vec![option("a", true)],
            },
        );
        let a = Answer::Single { option: "a".into() };
        assert_eq!(
            decode_answer(&single, 3, &a).unwrap(),
            a,
            "option ids are shown as they are, so single answers are not translated"
        );
        assert_eq!(
            encode_answer(&single, 3, &a),
            a,
            "option ids are shown as they are, so single answers are not translated"
        );
        let q = matching(&["a", "b"]);
        let stored = Answer::Matching {
            pairs: BTreeMap::from([
                ("a".to_string(), "b".to_string()),
                ("b".to_string(), "gone".to_string()),
                ("gone".to_string(), "a".to_string()),
            ]),
        };
        assert_eq!(
            encode_answer(&q, 3, &stored),
            Answer::Matching {
                pairs: BTreeMap::from([(token(3, "p", Role::Left, "a"), right_token(3, "p", "b"))])
            },
            "a pair removed by a newer course version has no token and is dropped"
        );
        let o = ordering(&["a", "b"]);
        let stored = Answer::Ordering {
            items: vec!["b".into(), "gone".into(), "a".into()],
        };
        assert_eq!(
            encode_answer(&o, 3, &stored),
            Answer::Ordering {
                items: vec![
                    token(3, "o", Role::Item, "b"),
                    token(3, "o", Role::Item, "a")
                ]
            },
            "an item removed by a newer course version is dropped, the others keep their order"
        );
    }

    proptest! {
        #[test]
        fn tokens_never_contain_an_id(n in 1usize..8, seed in any::<u64>()) {
            let names: Vec<String> = (0..n).map(|i| format!("pair{i}")).collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let m = matching(&refs);
            let o = ordering(&refs);
            for shown in [right_ids(&m, seed), left_ids(&m, seed), item_ids(&o, seed)] {
                let distinct: HashSet<&String> = shown.iter().collect();
                prop_assert_eq!(distinct.len(), n, "every entry has its own token");
                for token in &shown {
                    for id in &refs {
                        prop_assert!(!token.contains(id), "token {} reveals {}", token, id);
                    }
                }
            }
        }

        #[test]
        fn any_order_round_trips_through_tokens(perm in Just((0..6).collect::<Vec<usize>>()).prop_shuffle(), seed in any::<u64>()) {
            let names: Vec<String> = (0..6).map(|i| format!("steg{i}")).collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let o = ordering(&refs);
            let stored = Answer::Ordering { items: perm.iter().map(|&i| names[i].clone()).collect() };
            let shown = encode_answer(&o, seed, &stored);
            prop_assert_eq!(decode_answer(&o, seed, &shown).unwrap(), stored, "decode inverts encode");
        }
    }
}
