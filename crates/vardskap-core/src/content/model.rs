//! The typed model of a course, as the loader produces it after validation.
//!
//! Everything here is plain data. Text that a learner reads is a [`Text`]:
//! one string per declared language. Lesson bodies are already rendered to
//! sanitised HTML by the loader.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A language code as declared in `course.toml`, e.g. `"sv"` or `"en"`.
pub type Lang = String;

/// A string in every language of the course, e.g. `{ sv = "Hej", en = "Hello" }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
// A newtype serialises as its map, so a Text is `{ "sv": "…", "en": "…" }` in JSON.
#[ts(export)]
pub struct Text(pub BTreeMap<Lang, String>);

impl Text {
    /// The text in `lang`, falling back to the first language that has one.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Text(
            pairs
                .into_iter()
                .map(|(l, s)| (l.to_string(), s.to_string()))
                .collect(),
        )
    }
}

// On the wire (the editor) and in the store's copy, fields are camelCase like
// everything the UI reads; the files keep their snake_case keys (read.rs and
// save.rs name them). A snake_case alias reads the copies of installed
// courses that the store wrote before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Course {
    pub id: String,
    /// Semantic version of the course content, e.g. "1.0.0".
    pub version: String,
    /// Declared languages, first is the default.
    pub languages: Vec<Lang>,
    pub title: Text,
    pub description: Option<Text>,
    /// Share of points (0..=1) needed to pass a module, unless the module sets its own.
    #[serde(alias = "pass_mark")]
    pub pass_mark: f64,
    pub competencies: Vec<Competency>,
    /// In folder-name order (`01-…`, `02-…`).
    pub modules: Vec<Module>,
    /// The final course test (`[final]` in course.toml, its bank in final.toml).
    #[serde(default, alias = "final_test")]
    pub final_test: Option<FinalTest>,
}

/// The final course test: `draw` questions drawn per attempt from a bank,
/// balanced across modules and competencies, graded Underkänd / Godkänd /
/// Väl godkänd by `pass_mark` and `distinction`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FinalTest {
    /// How many questions one attempt draws from the bank.
    pub draw: u32,
    /// Share of points (0..=1) needed for Godkänd.
    #[serde(alias = "pass_mark")]
    pub pass_mark: f64,
    /// Share of points (0..=1) needed for Väl godkänd; at least `pass_mark`.
    pub distinction: f64,
    /// The bank, in the order of final.toml.
    pub questions: Vec<BankQuestion>,
}

/// A question of the final test's bank, tagged with the module it tests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct BankQuestion {
    /// Id of the module whose content the question tests.
    pub module: String,
    pub question: Question,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Competency {
    pub id: String,
    pub title: Text,
    pub description: Option<Text>,
}

/// When a learner sees whether an answer was right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FeedbackMode {
    /// After each question.
    #[default]
    Immediate,
    /// Only after the whole attempt is submitted.
    Deferred,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Module {
    pub id: String,
    /// The module's folder name inside `modules/`.
    pub dir: String,
    pub title: Text,
    pub summary: Option<Text>,
    pub feedback: FeedbackMode,
    /// Overrides the course's pass mark for this module.
    #[serde(alias = "pass_mark")]
    pub pass_mark: Option<f64>,
    /// What a learner can do after the module (`outcomes` in module.toml),
    /// shown when the module starts and listed on the certificate.
    #[serde(default)]
    pub outcomes: Vec<Text>,
    pub lessons: Vec<Lesson>,
    pub questions: Vec<Question>,
    pub scenarios: Vec<Scenario>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Lesson {
    pub id: String,
    /// From the first `# ` heading of each language's file.
    pub title: Text,
    /// Sanitised HTML per language, rendered by the loader.
    pub html: Text,
    /// The Markdown source per language, as the author wrote it.
    pub markdown: Text,
    /// The author's estimate of the reading time in minutes
    /// (`[lesson.<id>] minutes` in module.toml); estimated from the words otherwise.
    #[serde(default)]
    pub minutes: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Question {
    pub id: String,
    pub competency: String,
    pub points: f64,
    pub prompt: Text,
    /// Shown after the answer is submitted.
    pub explanation: Text,
    /// Options are shown in a new order per attempt; `shuffle = false` keeps the
    /// author's order, for scales such as "never … always".
    #[serde(default = "yes")]
    pub shuffle: bool,
    pub body: QuestionBody,
}

fn yes() -> bool {
    true
}

impl Question {
    pub fn kind(&self) -> QuestionKind {
        self.body.kind()
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum QuestionKind {
    Single,
    Multiple,
    TrueFalse,
    ShortText,
    Numeric,
    Ordering,
    Matching,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 7] = [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::TrueFalse,
        QuestionKind::ShortText,
        QuestionKind::Numeric,
        QuestionKind::Ordering,
        QuestionKind::Matching,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::TrueFalse => "true_false",
            QuestionKind::ShortText => "short_text",
            QuestionKind::Numeric => "numeric",
            QuestionKind::Ordering => "ordering",
            QuestionKind::Matching => "matching",
        }
    }
}

/// The kind-specific part of a question, including its answer key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
// The kinds keep the course format's names (`true_false`, as in quiz.toml).
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum QuestionBody {
    /// Exactly one option is correct.
    Single { options: Vec<AnswerOption> },
    /// One or more options are correct.
    Multiple { options: Vec<AnswerOption> },
    TrueFalse {
        answer: bool,
        /// Feedback for a learner who answered true / false.
        #[serde(alias = "feedback_true")]
        feedback_true: Option<Text>,
        #[serde(alias = "feedback_false")]
        feedback_false: Option<Text>,
    },
    ShortText {
        /// Accepted answers per language.
        accept: BTreeMap<Lang, Vec<String>>,
        #[serde(alias = "case_sensitive")]
        case_sensitive: bool,
        /// Accept "cafe" for "café" (Swedish å/ä/ö are letters, so authors opt in).
        #[serde(alias = "ignore_diacritics")]
        ignore_diacritics: bool,
    },
    Numeric {
        answer: f64,
        /// Accepted when |given - answer| <= tolerance.
        tolerance: f64,
        unit: Option<Text>,
    },
    /// Items in the correct order; the learner sees them shuffled.
    Ordering { items: Vec<Item> },
    /// Pairs as they belong together; the learner sees the right sides shuffled.
    Matching { pairs: Vec<Pair> },
}

impl QuestionBody {
    pub fn kind(&self) -> QuestionKind {
        match self {
            QuestionBody::Single { .. } => QuestionKind::Single,
            QuestionBody::Multiple { .. } => QuestionKind::Multiple,
            QuestionBody::TrueFalse { .. } => QuestionKind::TrueFalse,
            QuestionBody::ShortText { .. } => QuestionKind::ShortText,
            QuestionBody::Numeric { .. } => QuestionKind::Numeric,
            QuestionBody::Ordering { .. } => QuestionKind::Ordering,
            QuestionBody::Matching { .. } => QuestionKind::Matching,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct AnswerOption {
    pub id: String,
    pub text: Text,
    pub correct: bool,
    pub feedback: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Item {
    pub id: String,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Pair {
    pub id: String,
    pub left: Text,
    pub right: Text,
}

/// A role-play: a graph of nodes from `start`; choices lead to other nodes,
/// terminal nodes carry an ending and a debrief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Scenario {
    pub id: String,
    pub title: Text,
    /// Sets the scene before the first node.
    pub intro: Option<Text>,
    pub start: String,
    pub nodes: Vec<Node>,
}

impl Scenario {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Node {
    pub id: String,
    /// Who speaks, e.g. "Besökare" / "Visitor"; none for narration.
    pub speaker: Option<Text>,
    pub text: Text,
    /// Empty exactly when `ending` is set.
    pub choices: Vec<Choice>,
    /// Choices are shown in a new order per run; `shuffle = false` keeps the author's.
    #[serde(default = "yes")]
    pub shuffle: bool,
    pub ending: Option<Ending>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Choice {
    pub id: String,
    pub text: Text,
    /// Id of the node this choice leads to.
    pub next: String,
    /// Points per competency id (may be negative for a poor choice).
    pub points: BTreeMap<String, f64>,
    pub feedback: Text,
    /// Choosing this fails the scenario whatever the score.
    pub critical: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EndingKind {
    Good,
    Mixed,
    Poor,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Ending {
    pub kind: EndingKind,
    pub debrief: Text,
}
