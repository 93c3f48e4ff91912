//! The learner's view of a question before answering: everything needed to
//! render it in one language, and nothing of its key.

use rand::seq::SliceRandom;
use rand_chacha::{ChaCha8Rng, rand_core::SeedableRng};
use serde::Serialize;

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
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
#[ts(export)]
pub enum ViewBody {
    /// Options in the author's order (authors place "none of these" last on purpose).
    Single { options: Vec<ViewItem> },
    Multiple { options: Vec<ViewItem> },
    TrueFalse,
    ShortText,
    Numeric { unit: Option<String> },
    /// Items shuffled; never in the correct order when there are two or more.
    Ordering { items: Vec<ViewItem> },
    /// Left sides in the author's order, right sides shuffled. A right side's
    /// id is the id of the pair it belongs to, as [`super::Answer::Matching`] expects.
    Matching { left: Vec<ViewItem>, right: Vec<ViewItem> },
}

/// An option, item or side of a pair: its id and its text in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ViewItem {
    pub id: String,
    pub text: String,
}

/// The learner-safe view of `question` in `lang`. `seed` (e.g. the attempt id)
/// fixes the shuffle of ordering items and matching right sides, so a resumed
/// attempt shows the same order it showed before.
pub fn view(question: &Question, lang: &str, seed: u64) -> QuestionView {
    let body = match &question.body {
        QuestionBody::Single { options } => ViewBody::Single {
            options: options.iter().map(|o| ViewItem::new(&o.id, o.text.get(lang))).collect(),
        },
        QuestionBody::Multiple { options } => ViewBody::Multiple {
            options: options.iter().map(|o| ViewItem::new(&o.id, o.text.get(lang))).collect(),
        },
        QuestionBody::TrueFalse { .. } => ViewBody::TrueFalse,
        QuestionBody::ShortText { .. } => ViewBody::ShortText,
        QuestionBody::Numeric { unit, .. } => {
            ViewBody::Numeric { unit: unit.as_ref().map(|u| u.get(lang).to_string()) }
        }
        QuestionBody::Ordering { items } => {
            let key: Vec<ViewItem> = items.iter().map(|i| ViewItem::new(&i.id, i.text.get(lang))).collect();
            ViewBody::Ordering { items: shuffled(&key, seed, &question.id) }
        }
        QuestionBody::Matching { pairs } => {
            let left: Vec<ViewItem> = pairs.iter().map(|p| ViewItem::new(&p.id, p.left.get(lang))).collect();
            let right: Vec<ViewItem> = pairs.iter().map(|p| ViewItem::new(&p.id, p.right.get(lang))).collect();
            ViewBody::Matching { right: shuffled(&right, seed, &question.id), left }
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
        ViewItem { id: id.to_string(), text: text.to_string() }
    }
}

/// A seeded shuffle of `key` that is never `key` itself when it has two or
/// more distinct items: a learner who submits what they were shown must not
/// get full marks for free.
fn shuffled(key: &[ViewItem], seed: u64, question_id: &str) -> Vec<ViewItem> {
    let mut rng = ChaCha8Rng::from_seed(rng_key(seed, question_id));
    let mut out = key.to_vec();
    out.shuffle(&mut rng);
    if out == key && out.len() >= 2 {
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
