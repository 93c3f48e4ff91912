//! Moodle GIFT import: the question banks instructors already have become
//! questions of a module. Kinds we cannot grade (essay, description) are
//! skipped with their line; a malformed question is reported and the rest import.

mod parse;
mod text;

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;

use crate::content::layout::{self, IdAllocator, MODULE_FILE, QUIZ_FILE};
use crate::content::{Lang, Question, QuestionKind, save};
use crate::i18n::{self, Message, MessageId, Params};
use crate::{Error, Result};

/// Everything read from one GIFT text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GiftImport {
    /// In file order, with unique slug ids.
    pub questions: Vec<Question>,
    /// The GIFT line each of `questions` starts on (same index).
    pub question_lines: Vec<u32>,
    /// Questions of kinds Värdskap has no place for.
    pub skipped: Vec<Skipped>,
    /// Text that could not be read; each question named here was not imported,
    /// except for stray text, which is only ignored.
    pub problems: Vec<GiftMessage>,
    /// What changed on the way in (partial credit, feedback left out, text
    /// copied into languages that need translation, …). Line 0: the whole file.
    pub notes: Vec<GiftMessage>,
    /// `$CATEGORY:` names, in file order. Questions are not sorted by them.
    pub categories: Vec<String>,
}

/// A located remark about the GIFT text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GiftMessage {
    /// 1-based; 0 when the remark is about the whole file.
    pub line: u32,
    /// 1-based; 0 when the remark is about a whole question or file.
    pub column: u32,
    /// The remark in English.
    pub message: String,
    /// The catalogue message that says it in every language
    /// (`giftImport-…`), filled from `params`.
    pub id: String,
    pub params: Params,
}

impl GiftMessage {
    fn new((line, column): (u32, u32), message: Message) -> Self {
        GiftMessage {
            line,
            column,
            message: message.say(i18n::FALLBACK),
            id: message.id.to_string(),
            params: message.params(),
        }
    }

    /// The remark in `lang` (else in English), without its place.
    pub fn message(&self, lang: &str) -> String {
        i18n::tr_params(lang, &self.id, &self.params)
    }
}

impl std::fmt::Display for GiftMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// A question that was read but not imported because of its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Skipped {
    pub line: u32,
    /// Moodle's name for the kind: `essay` or `description`.
    pub kind: String,
    pub title: Option<String>,
    /// Why, in English.
    pub reason: String,
    /// The catalogue message that says why in every language (`giftImport-…`).
    pub reason_id: String,
}

impl Skipped {
    fn new(line: u32, kind: &str, title: Option<String>, reason: MessageId) -> Self {
        Skipped {
            line,
            kind: kind.to_string(),
            title,
            reason: reason.with(Vec::new()).say(i18n::FALLBACK),
            reason_id: reason.id.to_string(),
        }
    }

    /// Why, in `lang` (else in English).
    pub fn reason(&self, lang: &str) -> String {
        i18n::tr(lang, &self.reason_id, &[])
    }
}

/// One question added to a module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportedQuestion {
    pub id: String,
    pub kind: QuestionKind,
    /// Where it started in the GIFT file.
    pub line: u32,
}

/// What [`import_into_module`] did, for the CLI or the UI to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportSummary {
    /// The quiz file the questions were appended to.
    pub quiz_file: String,
    pub imported: Vec<ImportedQuestion>,
    pub skipped: Vec<Skipped>,
    pub problems: Vec<GiftMessage>,
    pub notes: Vec<GiftMessage>,
    pub categories: Vec<String>,
}

/// Reads GIFT `text` into questions for `competency`. The text goes into
/// every one of `languages` (the course's, first is the default); a note
/// says when the others need translation. Never fails: what cannot be read
/// is listed in `problems` and `skipped`.
pub fn parse(text: &str, competency: &str, languages: &[Lang]) -> GiftImport {
    parse::parse(text, competency, languages)
}

/// [`parse`] for a module whose questions already use the ids in `taken`:
/// a clashing id gets a `-2`, `-3`, … suffix.
pub fn parse_for_module(
    text: &str,
    competency: &str,
    languages: &[Lang],
    taken: &HashSet<String>,
) -> GiftImport {
    let mut ids = IdAllocator::with_taken(taken.clone());
    let mut import = parse(text, competency, languages);
    for question in &mut import.questions {
        question.id = ids.claim(&question.id);
    }
    import
}

/// Imports the GIFT file at `gift_path` and appends its questions to the
/// `quiz.toml` of the module folder `module_dir` (the file's existing text is
/// kept byte for byte). Ids that the module already uses get a `-2`, `-3`, …
/// suffix. Empty `languages` means the languages of the module's course
/// (`../../course.toml`), which also must declare `competency` when found.
pub fn import_into_module(
    gift_path: &Path,
    module_dir: &Path,
    competency: &str,
    languages: &[Lang],
) -> Result<ImportSummary> {
    let gift = read_file(gift_path)?;
    if !module_dir.join(MODULE_FILE).is_file() {
        return Err(Error::NotAModuleFolder {
            path: module_dir.display().to_string(),
        });
    }
    let languages = course_languages(module_dir, competency, languages)?;

    let quiz_path = module_dir.join(QUIZ_FILE);
    let existing = match std::fs::read_to_string(&quiz_path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io(&quiz_path, e)),
    };
    let taken = existing_ids(&existing, &quiz_path)?;
    let import = parse_for_module(&gift, competency, &languages, &taken);

    if !import.questions.is_empty() {
        let mut text = existing;
        if !text.is_empty() {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text.push('\n');
        }
        text.push_str(&save::quiz_toml(&import.questions, &languages));
        layout::check_file_size(&quiz_path.display().to_string(), text.len(), TOO_MANY)?;
        save::replace_file(&quiz_path, &text)?;
    }

    Ok(ImportSummary {
        quiz_file: quiz_path.display().to_string(),
        imported: import
            .questions
            .iter()
            .zip(&import.question_lines)
            .map(|(q, line)| ImportedQuestion {
                id: q.id.clone(),
                kind: q.kind(),
                line: *line,
            })
            .collect(),
        skipped: import.skipped,
        problems: import.problems,
        notes: import.notes,
        categories: import.categories,
    })
}

/// What to do about a quiz.toml that would be too large: import in parts.
const TOO_MANY: &str = "gift";

/// Refuses an import whose questions alone would make a quiz.toml the loader
/// refuses: what the editor checks before the questions join its module
/// (the module's own questions count too when it saves).
pub fn check_import_size(import: &GiftImport, languages: &[Lang]) -> Result<()> {
    let text = save::quiz_toml(&import.questions, languages);
    layout::check_file_size(QUIZ_FILE, text.len(), TOO_MANY)
}

/// The text of a GIFT file, which must be UTF-8 (Moodle exports it so).
pub fn read_file(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes).map_err(|_| Error::NotUtf8 {
        path: path.display().to_string(),
    })
}

/// The languages to import in: `languages`, or when none are given those
/// of the module's course, whose course.toml (when there is one) must also
/// declare `competency`.
fn course_languages(module_dir: &Path, competency: &str, languages: &[Lang]) -> Result<Vec<Lang>> {
    let course_dir = layout::course_of_module(module_dir);
    let head = if course_dir.join(layout::COURSE_FILE).is_file() {
        Some(layout::read_course_head(&course_dir)?)
    } else {
        None
    };
    if let Some(head) = &head
        && !head.competencies.iter().any(|c| c.id == competency)
    {
        let known = head
            .competencies
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(Error::UnknownCompetency {
            competency: competency.to_string(),
            known,
        });
    }
    match (languages, head) {
        ([], Some(head)) if !head.languages.is_empty() => Ok(head.languages),
        ([], _) => Err(Error::NoImportLanguage),
        (given, _) => Ok(given.to_vec()),
    }
}

fn existing_ids(quiz: &str, path: &Path) -> Result<HashSet<String>> {
    let table: toml::Table = toml::from_str(quiz).map_err(|e| Error::QuizFileBroken {
        path: path.display().to_string(),
        detail: e.message().to_string(),
    })?;
    let questions = table
        .get("question")
        .and_then(toml::Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    Ok(questions
        .iter()
        .filter_map(|q| q.get("id").and_then(toml::Value::as_str))
        .map(str::to_string)
        .collect())
}
