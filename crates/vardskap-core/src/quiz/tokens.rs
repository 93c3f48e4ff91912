//! Opaque ids for the right sides of a matching question, so the learner's
//! view does not pair them with their left sides. A token is a keyed BLAKE2b
//! hash of (seed, question id, pair id): stable for one attempt, unguessable
//! without the seed, which never leaves the core.

use std::collections::{BTreeMap, HashMap, HashSet};

use blake2::digest::consts::U8;
use blake2::{Blake2b, Digest};

use super::Answer;
use crate::content::{Question, QuestionBody};
use crate::{Error, Result};

/// Separates these hashes from any other use of BLAKE2b with the same inputs.
const DOMAIN: &[u8] = b"vardskap/matching-right-token/v1";

/// The token the learner sees for the right side of pair `pair_id`. Changing
/// this changes every token shown to an open attempt, so it is versioned by
/// [`DOMAIN`]; stored answers hold pair ids, never tokens.
pub(crate) fn right_token(seed: u64, question_id: &str, pair_id: &str) -> String {
    let mut hash = Blake2b::<U8>::new();
    hash.update(DOMAIN);
    hash.update(seed.to_le_bytes());
    // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
    for part in [question_id, pair_id] {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part.as_bytes());
    }
    let mut token = String::with_capacity(17);
    token.push('r');
    for byte in hash.finalize() {
        token.push_str(&format!("{byte:02x}"));
    }
    token
}

/// Token -> pair id for every pair of a matching question (empty otherwise).
/// With 64-bit tokens two pairs of one question colliding is not a practical
/// concern (about n²/2⁶⁵); should it happen, the first pair wins.
fn decoder(question: &Question, seed: u64) -> HashMap<String, &str> {
    let QuestionBody::Matching { pairs } = &question.body else {
        return HashMap::new();
    };
    let mut map = HashMap::with_capacity(pairs.len());
    for p in pairs {
        map.entry(right_token(seed, &question.id, &p.id))
            .or_insert(p.id.as_str());
    }
    map
}

/// Translates the learner's answer from what the view showed into the ids the
/// grader and the store use: for a matching question each right-side token
/// becomes its pair id. Other answers come back unchanged (a kind mismatch is
/// left for [`super::grade`] to report). An unknown token, or one token used
/// twice, is [`Error::WrongAnswerShape`]; the message names only tokens, so it
/// gives nothing away.
pub fn decode_answer(question: &Question, seed: u64, answer: &Answer) -> Result<Answer> {
    let (QuestionBody::Matching { .. }, Answer::Matching { pairs: chosen }) =
        (&question.body, answer)
    else {
        return Ok(answer.clone());
    };
    let decoder = decoder(question, seed);
    let mut used = HashSet::with_capacity(chosen.len());
    let mut pairs = BTreeMap::new();
    for (left, token) in chosen {
        let shape = |reason: String| Error::WrongAnswerShape {
            question: question.id.clone(),
            reason,
        };
        let Some(pair_id) = decoder.get(token) else {
            return Err(shape(format!(
                "the question shows no right side \"{token}\""
            )));
        };
        if !used.insert(token.as_str()) {
            return Err(shape(format!("right side \"{token}\" is matched twice")));
        }
        pairs.insert(left.clone(), (*pair_id).to_string());
    }
    Ok(Answer::Matching { pairs })
}

/// The inverse of [`decode_answer`], for showing a stored answer to the
/// learner again (a resumed attempt). A pair the question no longer has (a
/// newer course version removed it) is dropped: it has no right side to show.
pub fn encode_answer(question: &Question, seed: u64, answer: &Answer) -> Answer {
    let (QuestionBody::Matching { pairs }, Answer::Matching { pairs: chosen }) =
        (&question.body, answer)
    else {
        return answer.clone();
    };
    let pairs = chosen
        .iter()
        .filter(|(_, right)| pairs.iter().any(|p| &p.id == *right))
        .map(|(left, right)| (left.clone(), right_token(seed, &question.id, right)))
        .collect();
    Answer::Matching { pairs }
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

    fn right_ids(q: &Question, seed: u64) -> Vec<String> {
        match view(q, "sv", seed).body {
            ViewBody::Matching { right, .. } => right.into_iter().map(|r| r.id).collect(),
            _ => unreachable!("a matching question has a matching view"),
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

    #[test]
    fn a_token_is_pinned_so_stored_attempts_survive_a_new_build() {
        // Tokens shown to an open attempt must decode after an app update, so
        // the hash may never drift silently. The value was checked against
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
    fn tokens_depend_on_the_seed_and_the_question() {
        let q = matching(&["a", "b", "c"]);
        let mut other = matching(&["a", "b", "c"]);
        other.id = "p2".into();
        let sorted = |ids: Vec<String>| {
            let mut ids = ids;
            ids.sort();
            ids
        };
        assert_ne!(
            sorted(right_ids(&q, 1)),
            sorted(right_ids(&q, 2)),
            "another attempt must see other tokens"
        );
        assert_ne!(
            sorted(right_ids(&q, 1)),
            sorted(right_ids(&other, 1)),
            "knowing one question's tokens must not tell another's"
        );
        assert_eq!(
            right_ids(&q, 9),
            right_ids(&q, 9),
            "a resumed attempt must see the same tokens"
        );
    }

    #[test]
    fn an_unknown_or_repeated_token_is_a_typed_error_that_names_no_pair() {
        let q = matching(&["a", "b", "c"]);
        let tokens = right_ids(&q, 5);
        let raw = Answer::Matching {
            pairs: BTreeMap::from([("a".to_string(), "a".to_string())]),
        };
        let e = decode_answer(&q, 5, &raw).unwrap_err();
        assert!(
            matches!(&e, Error::WrongAnswerShape { question, .. } if question == "p"),
            "a bare pair id is not a token and must be refused: {e:?}"
        );
        let stale = Answer::Matching {
            pairs: BTreeMap::from([("a".to_string(), right_ids(&q, 6)[0].clone())]),
        };
        assert!(
            matches!(
                decode_answer(&q, 5, &stale),
                Err(Error::WrongAnswerShape { .. })
            ),
            "a token from another attempt must be refused"
        );
        let twice = Answer::Matching {
            pairs: BTreeMap::from([
                ("a".to_string(), tokens[0].clone()),
                ("b".to_string(), tokens[0].clone()),
            ]),
        };
        let e = decode_answer(&q, 5, &twice).unwrap_err();
        let msg = e.to_string();
        assert!(
            matches!(e, Error::WrongAnswerShape { .. }),
            "a right side used twice is the wrong shape: {msg}"
        );
        assert!(
            !msg.contains("\"a\"") && !msg.contains("\"b\"") && !msg.contains("\"c\""),
            "the error must not reveal which pair a token is: {msg}"
        );
    }

    #[test]
    fn other_kinds_pass_through_and_stale_pairs_are_dropped() {
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
            "only matching answers are translated"
        );
        assert_eq!(
            encode_answer(&single, 3, &a),
            a,
            "only matching answers are translated"
        );
        let q = matching(&["a", "b"]);
        let stored = Answer::Matching {
            pairs: BTreeMap::from([
                ("a".to_string(), "b".to_string()),
                ("b".to_string(), "gone".to_string()),
            ]),
        };
        assert_eq!(
            encode_answer(&q, 3, &stored),
            Answer::Matching {
                pairs: BTreeMap::from([("a".to_string(), right_token(3, "p", "b"))])
            },
            "a pair removed by a newer course version has no token and is dropped"
        );
    }

    proptest! {
        #[test]
        fn tokens_never_contain_an_id(n in 1usize..8, seed in any::<u64>()) {
            let names: Vec<String> = (0..n).map(|i| format!("pair{i}")).collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let q = matching(&refs);
            let shown = right_ids(&q, seed);
            let distinct: HashSet<&String> = shown.iter().collect();
            prop_assert_eq!(distinct.len(), n, "every right side has its own token");
            for token in &shown {
                for id in &refs {
                    prop_assert!(!token.contains(id), "token {} reveals {}", token, id);
                }
            }
        }
    }
}
