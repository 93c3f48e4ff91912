//! What a learner submits for one question, one variant per question kind.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::QuestionKind;

/// A learner's answer. Ids are the option, item and pair ids of the question,
/// except the right sides of a matching answer from the UI (see below).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Answer {
    Single {
        option: String,
    },
    Multiple {
        options: Vec<String>,
    },
    TrueFalse {
        value: bool,
    },
    ShortText {
        text: String,
    },
    Numeric {
        value: f64,
    },
    /// Item ids in the learner's order.
    Ordering {
        items: Vec<String>,
    },
    /// Left pair id -> the right side the learner chose. From and to the UI
    /// that is the right side's token in the question's view; the grader and
    /// the store see the pair id ([`super::decode_answer`] translates).
    Matching {
        pairs: BTreeMap<String, String>,
    },
}

impl Answer {
    pub fn kind(&self) -> QuestionKind {
        match self {
            Answer::Single { .. } => QuestionKind::Single,
            Answer::Multiple { .. } => QuestionKind::Multiple,
            Answer::TrueFalse { .. } => QuestionKind::TrueFalse,
            Answer::ShortText { .. } => QuestionKind::ShortText,
            Answer::Numeric { .. } => QuestionKind::Numeric,
            Answer::Ordering { .. } => QuestionKind::Ordering,
            Answer::Matching { .. } => QuestionKind::Matching,
        }
    }
}
