//! Reading each kind of course TOML file (course.toml, module.toml,
//! quiz.toml, scenarios/*.toml) into the typed model, applying the rules of
//! `validate` as it goes so that every problem gets its own position.

use std::collections::{BTreeMap, BTreeSet};

use toml::de::{DeTable, DeValue};

use super::layout::{COURSE_FILE, FINAL_FILE, MODULE_FILE, QUIZ_FILE};
use super::messages::{
    ACCEPT_BLANK, ACCEPT_EMPTY, ACCEPT_MISSING_LANGUAGE, DEBRIEF_WITHOUT_ENDING, DRAW_NOT_WHOLE,
    ENDING_KIND, ENDING_NEEDS_DEBRIEF, ENDING_WITH_CHOICES, FEEDBACK_MODE, FINAL_MODULE_MISSING,
    FINAL_MODULE_NOT_STRING, FINAL_NO_QUESTIONS, KEY_OF_OTHER_KIND, LANGUAGE_TWICE,
    LANGUAGES_EMPTY, LESSON_NOT_TABLE, MINUTES, NO_ACCEPT, NO_COMPETENCY, NO_LANGUAGES, NO_NODES,
    NOT_LANGUAGE_CODE, NOT_TEXT_LIST, OUTCOME_NOT_TEXT, UNKNOWN_KIND, VERSION,
};
use super::source::{Located, Report, SourceFile};
use super::toml_table::{Ctx, Fields, number, string_list, text_of};
use super::validate;
use super::{
    AnswerOption, BankQuestion, Choice, Competency, Course, Ending, EndingKind, FeedbackMode, Item,
    Module, Node, Pair, Question, QuestionBody, QuestionKind, Scenario, Text,
};
use crate::i18n::{MessageArg, message};

/// course.toml as read: what the rest of the course is checked against.
pub(crate) struct HeadRead {
    pub course: Course,
    /// `None` when course.toml could not be read; references are then not checked.
    pub competencies: Option<BTreeSet<String>>,
    /// `[final]`, when course.toml has it; its bank is read from final.toml later.
    pub final_test: Option<FinalHead>,
}

/// `[final]` in course.toml with where it is written, so that the bank read
/// later from final.toml can be checked against it.
pub(crate) struct FinalHead {
    /// Where the `final` key (the `[final]` header) is written.
    pub at: usize,
    /// `None` when missing or not a whole number of at least 1 (already reported).
    pub draw: Option<Located<u32>>,
    pub pass_mark: Option<f64>,
    pub distinction: Option<f64>,
}

pub(crate) fn course(file: &SourceFile, report: &mut Report) -> Option<HeadRead> {
    let root = super::toml_table::parse_document(file, report)?;
    let mut f = Fields::new(&root, 0, COURSE_FILE);
    let langs = languages(file, report, &mut f, &root);
    let cx = &mut Ctx {
        file,
        report,
        langs: &langs,
    };

    let id = f.str(cx, "id");
    if let Some(id) = &id {
        validate::ids(cx, "course", [id]);
    }
    let version = f.str(cx, "version");
    if let Some(v) = &version
        && !is_version(&v.value)
    {
        cx.error(v.span.start, message!(VERSION, version = &v.value));
    }
    let title = f.text(cx, "title");
    let description = f.opt_text(cx, "description");
    let pass_mark = f.num(cx, "pass_mark");
    if let Some(mark) = &pass_mark {
        validate::pass_mark(cx, mark);
    }
    let mut competencies = Vec::new();
    let mut ids = Vec::new();
    for (at, table) in f.tables(cx, "competency") {
        let mut c = Fields::new(table, at, "competency");
        let id = c.str(cx, "id");
        let title = c.text(cx, "title");
        let description = c.opt_text(cx, "description");
        c.finish(cx, |_| None);
        if let Some(id) = id {
            competencies.push(Competency {
                id: id.value.clone(),
                title,
                description,
            });
            ids.push(id);
        }
    }
    validate::ids(cx, "competency", &ids);
    if competencies.is_empty() && !cx.report.broken {
        cx.error(0, message!(NO_COMPETENCY));
    }
    let final_test = final_head(cx, &mut f);
    f.finish(cx, |_| None);

    let known = competencies.iter().map(|c| c.id.clone()).collect();
    Some(HeadRead {
        course: Course {
            id: id.map(|l| l.value).unwrap_or_default(),
            version: version.map(|l| l.value).unwrap_or_default(),
            languages: langs,
            title,
            description,
            pass_mark: pass_mark.map(|l| l.value).unwrap_or(0.0),
            competencies,
            modules: Vec::new(),
            final_test: None,
        },
        competencies: Some(known),
        final_test,
    })
}

/// `[final]`: `draw`, `pass_mark` and `distinction`, all required.
fn final_head(cx: &mut Ctx, f: &mut Fields) -> Option<FinalHead> {
    let at = f.key_at("final");
    let (_, table) = f.opt_table(cx, "final")?;
    let mut t = Fields::new(table, at, "final");
    let draw = t.num(cx, "draw").and_then(|n| {
        let whole = n.value.fract() == 0.0 && n.value >= 1.0 && n.value <= f64::from(u32::MAX);
        if !whole {
            cx.error(
                n.span.start,
                message!(DRAW_NOT_WHOLE, value = n.value.to_string()),
            );
            return None;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(Located::new(n.value as u32, n.span))
    });
    let pass_mark = t.num(cx, "pass_mark");
    if let Some(mark) = &pass_mark {
        validate::pass_mark(cx, mark);
    }
    let distinction = t.num(cx, "distinction");
    if let Some(d) = &distinction {
        validate::final_distinction(cx, d, pass_mark.as_ref());
    }
    t.finish(cx, |_| None);
    Some(FinalHead {
        at,
        draw,
        pass_mark: pass_mark.map(|l| l.value),
        distinction: distinction.map(|l| l.value),
    })
}

/// final.toml: the final test's bank, `[[question]]` tables as in quiz.toml,
/// each with a `module` id. Returns each question with its located module id
/// and question id, for the checks against the rest of the course.
pub(crate) fn final_bank(
    file: &SourceFile,
    report: &mut Report,
    langs: &[String],
    competencies: Option<&BTreeSet<String>>,
) -> Vec<(BankQuestion, Located<String>, Located<String>)> {
    let Some(root) = super::toml_table::parse_document(file, report) else {
        return Vec::new();
    };
    let cx = &mut Ctx {
        file,
        report,
        langs,
    };
    let mut f = Fields::new(&root, 0, FINAL_FILE);
    let mut bank = Vec::new();
    let mut ids = Vec::new();
    for (at, table) in f.tables(cx, "question") {
        // Read here rather than by `question_in`, which quiz.toml shares.
        let module = match table.get("module") {
            Some(value) => match value.get_ref() {
                DeValue::String(s) => Some(Located::new(s.to_string(), value.span())),
                _ => {
                    cx.fatal(value.span().start, message!(FINAL_MODULE_NOT_STRING));
                    None
                }
            },
            None => {
                cx.fatal(at, message!(FINAL_MODULE_MISSING));
                None
            }
        };
        if let Some((question, id)) = question_in(cx, at, table, competencies, &["module"]) {
            ids.push(id.clone());
            if let Some(module) = module {
                bank.push((
                    BankQuestion {
                        module: module.value.clone(),
                        question,
                    },
                    module,
                    id,
                ));
            }
        }
    }
    validate::ids(cx, "question", &ids);
    if ids.is_empty() && !cx.report.broken {
        cx.error(0, message!(FINAL_NO_QUESTIONS));
    }
    f.finish(cx, |_| None);
    bank
}

/// The declared languages. When they cannot be read, the languages of the
/// course title stand in, so the other files are still checked sensibly.
fn languages(
    file: &SourceFile,
    report: &mut Report,
    f: &mut Fields,
    root: &DeTable,
) -> Vec<String> {
    let cx = &mut Ctx {
        file,
        report,
        langs: &[],
    };
    let Some(list) = f.opt_str_list(cx, "languages") else {
        if !f.has("languages") {
            cx.fatal(0, message!(NO_LANGUAGES));
        }
        return root
            .get("title")
            .and_then(|t| t.get_ref().as_table())
            .map(|t| t.keys().map(|k| k.get_ref().to_string()).collect())
            .unwrap_or_default();
    };
    if list.value.is_empty() {
        cx.fatal(list.span.start, message!(LANGUAGES_EMPTY));
    }
    let mut langs: Vec<String> = Vec::new();
    for lang in &list.value {
        if !is_language_code(&lang.value) {
            cx.error(
                lang.span.start,
                message!(NOT_LANGUAGE_CODE, lang = &lang.value),
            );
        }
        if langs.contains(&lang.value) {
            cx.error(
                lang.span.start,
                message!(LANGUAGE_TWICE, lang = &lang.value),
            );
        } else {
            langs.push(lang.value.clone());
        }
    }
    langs
}

fn is_language_code(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn is_version(s: &str) -> bool {
    let core = s.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// `[lesson.<id>]` of module.toml: settings for the lesson `id` (read from
/// its files later, so the id is kept with its position to be checked then).
pub(crate) struct LessonSettings {
    pub id: Located<String>,
    /// `minutes`: the author's reading time, 1..=[`MAX_MINUTES`].
    pub minutes: Option<u32>,
}

/// The longest reading time a lesson may claim: ten hours is a typo, not a lesson.
pub(crate) const MAX_MINUTES: u32 = 600;

/// module.toml: everything but the lessons, questions and scenarios, plus the
/// `[lesson.<id>]` settings to apply once the lessons are read.
pub(crate) fn module(
    file: &SourceFile,
    report: &mut Report,
    langs: &[String],
    dir: &str,
) -> Option<(Module, Located<String>, Vec<LessonSettings>)> {
    let root = super::toml_table::parse_document(file, report)?;
    let cx = &mut Ctx {
        file,
        report,
        langs,
    };
    let mut f = Fields::new(&root, 0, MODULE_FILE);
    let id = f.str(cx, "id");
    if let Some(id) = &id {
        validate::ids(cx, "module", [id]);
    }
    let title = f.text(cx, "title");
    let summary = f.opt_text(cx, "summary");
    let feedback = match f.opt_str(cx, "feedback") {
        None => FeedbackMode::default(),
        Some(l) if l.value == "immediate" => FeedbackMode::Immediate,
        Some(l) if l.value == "deferred" => FeedbackMode::Deferred,
        Some(l) => {
            cx.error(l.span.start, message!(FEEDBACK_MODE, value = &l.value));
            FeedbackMode::default()
        }
    };
    let pass_mark = f.opt_num(cx, "pass_mark");
    if let Some(mark) = &pass_mark {
        validate::pass_mark(cx, mark);
    }
    let outcomes = outcomes(cx, &mut f);
    let lessons = lesson_settings(cx, &mut f);
    f.finish(cx, |_| None);
    let id = id?;
    let module = Module {
        id: id.value.clone(),
        dir: dir.to_string(),
        title,
        summary,
        feedback,
        pass_mark: pass_mark.map(|l| l.value),
        outcomes,
        lessons: Vec::new(),
        questions: Vec::new(),
        scenarios: Vec::new(),
    };
    Some((module, id, lessons))
}

/// `outcomes = [{ sv = "…", en = "…" }, …]`: each a text in every language.
fn outcomes(cx: &mut Ctx, f: &mut Fields) -> Vec<Text> {
    let example = cx
        .langs
        .iter()
        .map(|l| format!("{l} = \"…\""))
        .collect::<Vec<_>>()
        .join(", ");
    let args = vec![("example", MessageArg::from(&example))];
    let Some((_, items)) = f.opt_array(cx, "outcomes", NOT_TEXT_LIST, args) else {
        return Vec::new();
    };
    let mut outcomes = Vec::new();
    for item in items {
        match item.get_ref() {
            DeValue::Table(table) => {
                outcomes.push(text_of(cx, "outcomes", item.span().start, table));
            }
            other => {
                cx.fatal(
                    item.span().start,
                    message!(
                        OUTCOME_NOT_TEXT,
                        example = &example,
                        found = other.type_str()
                    ),
                );
            }
        }
    }
    outcomes
}

/// `[lesson.<id>]` tables: `minutes = N` per lesson.
fn lesson_settings(cx: &mut Ctx, f: &mut Fields) -> Vec<LessonSettings> {
    let Some((_, table)) = f.opt_table(cx, "lesson") else {
        return Vec::new();
    };
    let mut settings = Vec::new();
    for (key, value) in table {
        let id = Located::new(key.get_ref().to_string(), key.span());
        let DeValue::Table(lesson) = value.get_ref() else {
            cx.fatal(
                value.span().start,
                message!(LESSON_NOT_TABLE, lesson = &id.value),
            );
            continue;
        };
        let mut l = Fields::new(lesson, id.span.start, "lesson");
        let minutes = l.opt_num(cx, "minutes").and_then(|n| {
            let whole =
                n.value.fract() == 0.0 && n.value >= 1.0 && n.value <= f64::from(MAX_MINUTES);
            if !whole {
                cx.error(
                    n.span.start,
                    message!(MINUTES, max = MAX_MINUTES, value = n.value.to_string()),
                );
                return None;
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Some(n.value as u32)
        });
        l.finish(cx, |_| None);
        settings.push(LessonSettings { id, minutes });
    }
    settings
}

/// quiz.toml: the module's questions in order.
pub(crate) fn quiz(
    file: &SourceFile,
    report: &mut Report,
    langs: &[String],
    competencies: Option<&BTreeSet<String>>,
) -> Vec<Question> {
    let Some(root) = super::toml_table::parse_document(file, report) else {
        return Vec::new();
    };
    let cx = &mut Ctx {
        file,
        report,
        langs,
    };
    let mut f = Fields::new(&root, 0, QUIZ_FILE);
    let mut questions = Vec::new();
    let mut ids = Vec::new();
    for (at, table) in f.tables(cx, "question") {
        if let Some((question, id)) = question(cx, at, table, competencies) {
            questions.push(question);
            ids.push(id);
        }
    }
    validate::ids(cx, "question", &ids);
    f.finish(cx, |_| None);
    questions
}

const KIND_KEYS: [&str; 11] = [
    "option",
    "answer",
    "feedback_true",
    "feedback_false",
    "accept",
    "case_sensitive",
    "ignore_diacritics",
    "tolerance",
    "unit",
    "item",
    "pair",
];

/// The kinds a kind-specific key belongs to, for a helpful message (two
/// joined by `-`, which the catalogue says as "… and …").
fn kinds_of_key(key: &str) -> Option<&'static str> {
    Some(match key {
        "option" => "single-multiple",
        "answer" => "true_false-numeric",
        "feedback_true" | "feedback_false" => "true_false",
        "accept" | "case_sensitive" | "ignore_diacritics" => "short_text",
        "tolerance" | "unit" => "numeric",
        "item" => "ordering",
        "pair" => "matching",
        _ => return None,
    })
}

fn question_kind(s: &str) -> Option<QuestionKind> {
    QuestionKind::ALL.into_iter().find(|k| k.as_str() == s)
}

fn question(
    cx: &mut Ctx,
    at: usize,
    table: &DeTable,
    competencies: Option<&BTreeSet<String>>,
) -> Option<(Question, Located<String>)> {
    question_in(cx, at, table, competencies, &[])
}

/// A `[[question]]` table; `extra` are keys the caller reads itself (final.toml's `module`).
fn question_in(
    cx: &mut Ctx,
    at: usize,
    table: &DeTable,
    competencies: Option<&BTreeSet<String>>,
    extra: &[&str],
) -> Option<(Question, Located<String>)> {
    let mut f = Fields::new(table, at, "question");
    f.skip(extra);
    let kind_name = f.peek_str("kind");
    let id = f.str(cx, "id");
    let kind_value = f.str(cx, "kind");
    let kind = kind_value.as_ref().and_then(|k| {
        let kind = question_kind(&k.value);
        if kind.is_none() {
            let all = QuestionKind::ALL.map(QuestionKind::as_str).join(", ");
            cx.fatal(
                k.span.start,
                message!(UNKNOWN_KIND, kind = &k.value, kinds = all),
            );
        }
        kind
    });
    let competency = f.str(cx, "competency");
    if let Some(c) = &competency {
        validate::competency_ref(cx, competencies, c);
    }
    let points = f.opt_num(cx, "points");
    if let Some(p) = &points {
        validate::points(cx, p);
    }
    let prompt = f.text(cx, "prompt");
    let explanation = f.text(cx, "explanation");
    let shuffle = f.opt_bool(cx, "shuffle").unwrap_or(true);
    let id_at = id.as_ref().map(|l| l.span.start).unwrap_or(at);
    let body = match kind {
        Some(kind) => body(cx, &mut f, kind, id_at),
        None => None,
    };
    if kind.is_none() {
        // The shape is unknown: only keys that belong to no kind are typos.
        f.skip(&KIND_KEYS);
    }
    f.finish(cx, |key| {
        kinds_of_key(key).map(|kinds| {
            message!(
                KEY_OF_OTHER_KIND,
                key = key,
                kind = &kind_name,
                kinds = kinds
            )
        })
    });
    let question = Question {
        id: id.as_ref()?.value.clone(),
        competency: competency?.value,
        points: points.map(|p| p.value).unwrap_or(1.0),
        prompt,
        explanation,
        shuffle,
        body: body?,
    };
    Some((question, id?))
}

fn body(cx: &mut Ctx, f: &mut Fields, kind: QuestionKind, at: usize) -> Option<QuestionBody> {
    let name = kind.as_str();
    Some(match kind {
        QuestionKind::Single | QuestionKind::Multiple => {
            let mut options = Vec::new();
            let mut ids = Vec::new();
            let mut corrects = Vec::new();
            let tables = f.tables(cx, "option");
            for (at, table) in &tables {
                let mut o = Fields::new(table, *at, "option");
                let id = o.str(cx, "id");
                let text = o.text(cx, "text");
                let correct = o.opt_bool(cx, "correct").unwrap_or(false);
                if correct {
                    corrects.push(o.key_at("correct"));
                }
                let feedback = o.opt_text(cx, "feedback");
                o.finish(cx, |_| None);
                if let Some(id) = id {
                    options.push(AnswerOption {
                        id: id.value.clone(),
                        text,
                        correct,
                        feedback,
                    });
                    ids.push(id);
                }
            }
            validate::ids(cx, "option", &ids);
            validate::at_least_two(cx, at, tables.len(), name);
            validate::correct_options(cx, at, kind == QuestionKind::Single, &corrects);
            if kind == QuestionKind::Single {
                QuestionBody::Single { options }
            } else {
                QuestionBody::Multiple { options }
            }
        }
        QuestionKind::TrueFalse => {
            let answer = f.bool(cx, "answer");
            let feedback_true = f.opt_text(cx, "feedback_true");
            let feedback_false = f.opt_text(cx, "feedback_false");
            QuestionBody::TrueFalse {
                answer: answer?,
                feedback_true,
                feedback_false,
            }
        }
        QuestionKind::ShortText => {
            let accept = accept(cx, f);
            let case_sensitive = f.opt_bool(cx, "case_sensitive").unwrap_or(false);
            let ignore_diacritics = f.opt_bool(cx, "ignore_diacritics").unwrap_or(false);
            QuestionBody::ShortText {
                accept: accept?,
                case_sensitive,
                ignore_diacritics,
            }
        }
        QuestionKind::Numeric => {
            let answer = f.num(cx, "answer");
            let tolerance = f.opt_num(cx, "tolerance");
            if let Some(t) = &tolerance {
                validate::tolerance(cx, t);
            }
            let unit = f.opt_text(cx, "unit");
            QuestionBody::Numeric {
                answer: answer?.value,
                tolerance: tolerance.map(|t| t.value).unwrap_or(0.0),
                unit,
            }
        }
        QuestionKind::Ordering => {
            let mut items = Vec::new();
            let mut ids = Vec::new();
            let mut texts = Vec::new();
            let tables = f.tables(cx, "item");
            for (at, table) in &tables {
                let mut i = Fields::new(table, *at, "item");
                let id = i.str(cx, "id");
                let text = i.text(cx, "text");
                texts.push((i.key_at("text"), text.clone()));
                i.finish(cx, |_| None);
                if let Some(id) = id {
                    items.push(Item {
                        id: id.value.clone(),
                        text,
                    });
                    ids.push(id);
                }
            }
            validate::ids(cx, "item", &ids);
            validate::at_least_two(cx, at, tables.len(), name);
            validate::distinct_texts(
                cx,
                "item",
                &texts.iter().map(|(at, t)| (*at, t)).collect::<Vec<_>>(),
            );
            QuestionBody::Ordering { items }
        }
        QuestionKind::Matching => {
            let mut pairs = Vec::new();
            let mut ids = Vec::new();
            let (mut lefts, mut rights) = (Vec::new(), Vec::new());
            let tables = f.tables(cx, "pair");
            for (at, table) in &tables {
                let mut p = Fields::new(table, *at, "pair");
                let id = p.str(cx, "id");
                let left = p.text(cx, "left");
                let right = p.text(cx, "right");
                lefts.push((p.key_at("left"), left.clone()));
                rights.push((p.key_at("right"), right.clone()));
                p.finish(cx, |_| None);
                if let Some(id) = id {
                    pairs.push(Pair {
                        id: id.value.clone(),
                        left,
                        right,
                    });
                    ids.push(id);
                }
            }
            validate::ids(cx, "pair", &ids);
            validate::at_least_two(cx, at, tables.len(), name);
            validate::distinct_texts(
                cx,
                "left",
                &lefts.iter().map(|(at, t)| (*at, t)).collect::<Vec<_>>(),
            );
            validate::distinct_texts(
                cx,
                "right",
                &rights.iter().map(|(at, t)| (*at, t)).collect::<Vec<_>>(),
            );
            QuestionBody::Matching { pairs }
        }
    })
}

/// `accept = { sv = ["…"], en = ["…"] }`: a non-empty list per declared language.
fn accept(cx: &mut Ctx, f: &mut Fields) -> Option<BTreeMap<String, Vec<String>>> {
    let key_at = f.key_at("accept");
    let table = match f.opt_table(cx, "accept") {
        Some((_, table)) => table,
        None => {
            if !f.has("accept") {
                cx.fatal(f.at(), message!(NO_ACCEPT));
            }
            return None;
        }
    };
    let mut accept = BTreeMap::new();
    for (lang, value) in table {
        let lang_name = lang.get_ref().as_ref();
        super::toml_table::declared_language(cx, lang_name, lang.span().start);
        let list = string_list(cx, &format!("accept.{lang_name}"), value)?;
        if list.value.is_empty() {
            cx.error(list.span.start, message!(ACCEPT_EMPTY, lang = lang_name));
        }
        for answer in &list.value {
            if answer.value.trim().is_empty() {
                cx.error(answer.span.start, message!(ACCEPT_BLANK));
            }
        }
        accept.insert(
            lang_name.to_string(),
            list.value.into_iter().map(|l| l.value).collect(),
        );
    }
    let langs = cx.langs;
    for lang in langs {
        if !table.contains_key(lang.as_str()) {
            cx.error(key_at, message!(ACCEPT_MISSING_LANGUAGE, lang = lang));
        }
    }
    Some(accept)
}

/// scenarios/<id>.toml.
pub(crate) fn scenario(
    file: &SourceFile,
    report: &mut Report,
    langs: &[String],
    competencies: Option<&BTreeSet<String>>,
    id: &str,
) -> Option<Scenario> {
    let root = super::toml_table::parse_document(file, report)?;
    let cx = &mut Ctx {
        file,
        report,
        langs,
    };
    let mut f = Fields::new(&root, 0, "scenario");
    let title = f.text(cx, "title");
    let intro = f.opt_text(cx, "intro");
    let start = f.str(cx, "start");
    let mut nodes = Vec::new();
    let mut node_ids = Vec::new();
    let mut nexts: Vec<Vec<Located<String>>> = Vec::new();
    let mut endings_at = Vec::new();
    for (at, table) in f.tables(cx, "node") {
        if let Some(read) = node(cx, at, table, competencies) {
            nodes.push(read.node);
            node_ids.push(read.id);
            nexts.push(read.nexts);
            endings_at.push(read.ending_at);
        }
    }
    if nodes.is_empty() && !f.has("node") {
        cx.fatal(0, message!(NO_NODES));
    }
    f.finish(cx, |_| None);
    validate::ids(cx, "node", &node_ids);
    let graph: Vec<validate::GraphNode> = nodes
        .iter()
        .zip(&node_ids)
        .zip(&nexts)
        .zip(&endings_at)
        .map(|(((node, id), next), &ending_at)| validate::GraphNode {
            id,
            next: next.iter().collect(),
            choices: &node.choices,
            ending: node.ending.as_ref().map(|e| e.kind),
            ending_at,
        })
        .collect();
    validate::scenario_graph(cx, start.as_ref(), &graph);
    Some(Scenario {
        id: id.to_string(),
        title,
        intro,
        start: start?.value,
        nodes,
    })
}

/// A `[[node]]` as read, with what the graph rules need to place a problem.
struct ReadNode {
    node: Node,
    id: Located<String>,
    /// The `next` of each choice, in order.
    nexts: Vec<Located<String>>,
    /// Where the `ending` key is written (the node's table when it has none).
    ending_at: usize,
}

fn node(
    cx: &mut Ctx,
    at: usize,
    table: &DeTable,
    competencies: Option<&BTreeSet<String>>,
) -> Option<ReadNode> {
    let mut f = Fields::new(table, at, "node");
    let id = f.str(cx, "id");
    let speaker = f.opt_text(cx, "speaker");
    let text = f.text(cx, "text");
    let shuffle = f.opt_bool(cx, "shuffle").unwrap_or(true);
    let mut choices = Vec::new();
    let mut choice_ids = Vec::new();
    let mut nexts = Vec::new();
    let choice_tables = f.tables(cx, "choice");
    for (at, table) in &choice_tables {
        let mut c = Fields::new(table, *at, "choice");
        let choice_id = c.str(cx, "id");
        let text = c.text(cx, "text");
        let next = c.str(cx, "next");
        let mut points = BTreeMap::new();
        if let Some((_, table)) = c.opt_table(cx, "points") {
            for (competency, value) in table {
                let name = competency.get_ref().to_string();
                validate::competency_ref(
                    cx,
                    competencies,
                    &Located::new(name.clone(), competency.span()),
                );
                if let Some(n) = number(cx, &format!("points.{name}"), value) {
                    points.insert(name, n);
                }
            }
        }
        let feedback = c.text(cx, "feedback");
        let critical = c.opt_bool(cx, "critical").unwrap_or(false);
        c.finish(cx, |_| None);
        if let (Some(choice_id), Some(next)) = (choice_id, next) {
            choices.push(Choice {
                id: choice_id.value.clone(),
                text,
                next: next.value.clone(),
                points,
                feedback,
                critical,
            });
            choice_ids.push(choice_id);
            nexts.push(next);
        }
    }
    validate::ids(cx, "choice", &choice_ids);
    let ending_kind = f
        .opt_str(cx, "ending")
        .and_then(|e| match e.value.as_str() {
            "good" => Some(EndingKind::Good),
            "mixed" => Some(EndingKind::Mixed),
            "poor" => Some(EndingKind::Poor),
            other => {
                cx.fatal(e.span.start, message!(ENDING_KIND, value = other));
                None
            }
        });
    let debrief_at = f.key_at("debrief");
    let debrief = f.opt_text(cx, "debrief");
    let ending = match (ending_kind, debrief) {
        (Some(kind), Some(debrief)) => Some(Ending { kind, debrief }),
        (Some(_), None) => {
            cx.fatal(f.key_at("ending"), message!(ENDING_NEEDS_DEBRIEF));
            None
        }
        (None, Some(_)) if !f.has("ending") => {
            cx.error(debrief_at, message!(DEBRIEF_WITHOUT_ENDING));
            None
        }
        (None, _) => None,
    };
    if f.has("ending") && !choice_tables.is_empty() {
        cx.error(f.key_at("ending"), message!(ENDING_WITH_CHOICES));
    }
    let ending_at = f.key_at("ending");
    f.finish(cx, |_| None);
    let id = id?;
    Some(ReadNode {
        node: Node {
            id: id.value.clone(),
            speaker,
            text,
            choices,
            shuffle,
            ending,
        },
        id,
        nexts,
        ending_at,
    })
}
