//! What a learner submits for one question, one variant per question kind.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::QuestionKind;

/// A learner's answer. Ids are the option, item and pair ids of the question,
/// except in ordering and matching answers from and to the UI (see below).
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
    /// Item ids in the learner's order. From and to the UI these are the
    /// items' tokens in the question's view ([`super::decode_answer`] translates).
    Ordering {
        items: Vec<String>,
    },
    /// Left pair id -> the pair id of the right side the learner chose. From
    /// and to the UI both are the sides' tokens in the question's view; the
    /// grader and the store see pair ids ([`super::decode_answer`] translates).
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
