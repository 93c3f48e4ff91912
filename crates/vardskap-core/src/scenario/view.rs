//! What the learner sees of a scenario node before choosing: its text and its
//! choices, in an order shuffled per run so the best choice has no fixed place.

use blake2::digest::consts::U32;
use blake2::{Blake2b, Digest};
use rand::seq::SliceRandom;
use rand_chacha::{ChaCha8Rng, rand_core::SeedableRng};
use serde::Serialize;

use crate::content::{EndingKind, Node};

/// A node in one language. Choices carry only their id and text: no points,
/// no next node and no critical flag, so the learner cannot read the key.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NodeView {
    pub id: String,
    /// Who speaks; none for narration.
    pub speaker: Option<String>,
    pub text: String,
    /// Empty at an ending. In the author's order from [`NodeView::new`], in
    /// the run's order from [`shuffled`].
    pub choices: Vec<ChoiceView>,
    /// Set when this node ends the scenario.
    pub ending: Option<EndingKind>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChoiceView {
    pub id: String,
    pub text: String,
}

impl NodeView {
    /// The node with its choices in the author's order (for the author's own
    /// tools; a learner gets [`shuffled`]).
    pub fn new(node: &Node, lang: &str) -> Self {
        NodeView {
            id: node.id.clone(),
            speaker: node.speaker.as_ref().map(|s| s.get(lang).to_string()),
            text: node.text.get(lang).to_string(),
            choices: node
                .choices
                .iter()
                .map(|c| ChoiceView {
                    id: c.id.clone(),
                    text: c.text.get(lang).to_string(),
                })
                .collect(),
            ending: node.ending.as_ref().map(|e| e.kind),
        }
    }
}

/// The node as a learner gets it in a run with `seed`: choices shuffled by a
/// ChaCha8 stream keyed by the seed and the node id (so every node of a run
/// has its own order, and a resumed run shows the same), or in the author's
/// order when the node says `shuffle = false`. Choice ids stay the author's:
/// they tell nothing, since points never reach the learner.
pub fn shuffled(node: &Node, lang: &str, seed: u64) -> NodeView {
    let mut view = NodeView::new(node, lang);
    if node.shuffle {
        view.choices
            .shuffle(&mut ChaCha8Rng::from_seed(rng_key(seed, &node.id)));
    }
    view
}

/// Separates this key from any other use of BLAKE2b with the same inputs.
const DOMAIN: &[u8] = b"vardskap/scenario-choice-order/v1";

/// A ChaCha key from the run's seed and the node id. ChaCha8 and BLAKE2b are
/// specified, so an order stays the same across builds and platforms.
fn rng_key(seed: u64, node_id: &str) -> [u8; 32] {
    let mut hash = Blake2b::<U32>::new();
    hash.update(DOMAIN);
    hash.update(seed.to_le_bytes());
    hash.update(node_id.as_bytes());
    hash.finalize().into()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::{NodeView, shuffled};
    use crate::content::{Choice, Node, Text};

    fn node(n: usize, shuffle: bool) -> Node {
        let t = |s: &str| Text::from_pairs([("sv", s), ("en", s)]);
        Node {
            id: "vid-disken".into(),
            speaker: Some(t("Besökare")),
            text: t("Var ligger toaletten?"),
            choices: (0..n)
                .map(|i| Choice {
                    id: format!("c{i}"),
                    text: t(&format!("choice {i}")),
                    next: "end".into(),
                    points: Default::default(),
                    feedback: t("ok"),
                    critical: false,
                })
                .collect(),
            shuffle,
            ending: None,
        }
    }

    fn ids(view: &NodeView) -> Vec<String> {
        view.choices.iter().map(|c| c.id.clone()).collect()
    }

    #[test]
    fn a_run_sees_the_same_order_every_time_and_other_runs_see_others() {
        let n = node(4, true);
        assert_eq!(
            shuffled(&n, "sv", 11),
            shuffled(&n, "sv", 11),
            "a resumed run must show the choices in the same order"
        );
        let orders: BTreeSet<Vec<String>> =
            (0..32).map(|seed| ids(&shuffled(&n, "sv", seed))).collect();
        assert!(
            orders.len() > 8,
            "runs with different seeds should see different orders, got {orders:?}"
        );
        let first: BTreeSet<String> = (0..32)
            .map(|seed| ids(&shuffled(&n, "sv", seed))[0].clone())
            .collect();
        assert_eq!(
            first.len(),
            4,
            "every choice must come first in some run, so the first place tells nothing"
        );
    }

    #[test]
    fn nodes_of_one_run_are_not_all_shuffled_alike() {
        let a = node(5, true);
        let mut b = node(5, true);
        b.id = "i-kassan".into();
        let differs =
            (0..16).any(|seed| ids(&shuffled(&a, "sv", seed)) != ids(&shuffled(&b, "sv", seed)));
        assert!(
            differs,
            "the node id must be part of the key, or every node of a run has one order"
        );
    }

    #[test]
    fn shuffle_false_keeps_the_authors_order() {
        let n = node(5, false);
        for seed in [0, 1, 99, u64::MAX] {
            assert_eq!(
                shuffled(&n, "en", seed),
                NodeView::new(&n, "en"),
                "a node with shuffle = false (a scale) keeps the author's order (seed {seed})"
            );
        }
    }

    proptest! {
        #[test]
        fn choices_are_a_permutation_with_their_own_texts(n in 0usize..9, seed in any::<u64>()) {
            let node = node(n, true);
            let view = shuffled(&node, "sv", seed);
            for c in &view.choices {
                prop_assert_eq!(&c.text, &format!("choice {}", &c.id[1..]), "a choice keeps its own text");
            }
            let mut got = ids(&view);
            got.sort();
            let mut want: Vec<String> = node.choices.iter().map(|c| c.id.clone()).collect();
            want.sort();
            prop_assert_eq!(got, want, "every choice is shown exactly once");
            let plain = NodeView::new(&node, "sv");
            prop_assert_eq!((&view.id, &view.text, &view.speaker), (&plain.id, &plain.text, &plain.speaker), "only the order changes");
        }
    }
}
