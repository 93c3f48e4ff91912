//! What the learner sees of a scenario node before choosing.

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
    /// Empty at an ending.
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
