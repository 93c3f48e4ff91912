//! "Preview as learner": a lesson, a question or a role-play of the course
//! being edited, shown through the same views the learner gets, with nothing
//! stored. And GIFT questions read for a module of the model.

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;

use crate::Result;
use crate::content::{self, Lang, Question, Scenario};
use crate::error::OrNotFound;
use crate::gift::{self, GiftImport};
use crate::quiz::{self, Answer, AnswerReview, QuestionView};
use crate::scenario::{self, Debrief, NodeView, Run, Step};

/// A lesson's Markdown rendered as the learner will see it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LessonPreview {
    /// From the `# ` heading on the first line.
    pub title: Option<String>,
    /// Sanitised HTML, images as URLs under the media base the shell gave.
    pub html: String,
}

/// Where a preview play-through of a role-play stands.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScenarioPreview {
    /// The node reached: the start when no choice was made.
    pub node: NodeView,
    /// What the last choice did.
    pub last: Option<Step>,
    /// Set once an ending is reached.
    pub debrief: Option<Debrief>,
}

/// `markdown` as the lesson of the module folder `module_dir` in the course
/// folder `course_dir` (where its images are), each image a URL under
/// `media_base` (where the shell serves that folder's files).
pub fn preview_lesson(
    markdown: &str,
    module_dir: &str,
    course_dir: &Path,
    media_base: &str,
) -> LessonPreview {
    let (title, html) = content::lesson_preview(markdown, module_dir, course_dir, media_base);
    LessonPreview { title, html }
}

/// The question as a learner gets it: no answer key, options, items and
/// right sides in the order of `seed`, items and pair sides behind its tokens.
pub fn preview_question(question: &Question, lang: &str, seed: u32) -> QuestionView {
    quiz::view(question, lang, u64::from(seed))
}

/// Grades an answer to [`preview_question`]'s view of the same `seed`.
pub fn check_answer(
    question: &Question,
    answer: &Answer,
    lang: &str,
    seed: u32,
) -> Result<AnswerReview> {
    let answer = quiz::decode_answer(question, u64::from(seed), answer)?;
    quiz::feedback_for(question, &answer, lang)
}

/// Plays `scenario` from its start through the `choices` (ids, in order),
/// showing every node's choices as a learner's run with `seed` would.
pub fn preview_scenario(
    scenario: &Scenario,
    choices: &[String],
    lang: &str,
    seed: u32,
) -> Result<ScenarioPreview> {
    let seed = u64::from(seed);
    let shown = |run: &Run| -> Result<NodeView> {
        let node = scenario
            .node(&run.current)
            .or_not_found("scenario node", &run.current)?;
        Ok(scenario::shuffled(node, lang, seed))
    };
    let mut run = Run::start(scenario)?;
    let mut last = None;
    for choice in choices {
        let mut step = run.choose(scenario, choice, lang)?;
        step.node = shown(&run)?;
        last = Some(step);
    }
    Ok(ScenarioPreview {
        node: shown(&run)?,
        last,
        debrief: run.debrief(scenario, lang)?,
    })
}

/// Reads the GIFT file at `file` into questions for a module whose
/// questions already use the ids `taken`. Refused when the questions alone
/// would make a quiz.toml larger than the loader reads.
pub fn import_gift(
    file: &Path,
    languages: &[Lang],
    competency: &str,
    taken: &[String],
) -> Result<GiftImport> {
    let text = gift::read_file(file)?;
    let taken: HashSet<String> = taken.iter().cloned().collect();
    let import = gift::parse_for_module(&text, competency, languages, &taken);
    gift::check_import_size(&import, languages)?;
    Ok(import)
}
