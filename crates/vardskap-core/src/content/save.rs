//! Writes a course back to its folder in the canonical form of
//! `docs/course-format.md`: keys in a fixed order, localised text as inline
//! tables in the course's language order, one blank line between tables.
//! Saving a course that was loaded from canonical files changes no byte.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use toml_writer::{ToTomlKey as _, ToTomlValue as _, TomlStringBuilder};

use super::layout::{
    self, COURSE_FILE, FINAL_FILE, LESSONS_DIR, SCENARIOS_DIR, check_name_part, lesson_file_name,
};
use super::{Course, FinalTest, Lang, Module, Question, QuestionBody, Scenario, Text};
use crate::{Error, Result};

/// What a save did, as paths relative to the course folder with `/` separators.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SaveSummary {
    /// Files whose content changed (or that are new).
    pub written: Vec<String>,
    /// Lesson, scenario and quiz files the course no longer has.
    pub removed: Vec<String>,
    /// Media files copied from the source folder.
    pub media_copied: Vec<String>,
}

/// Saves `course` into `dir` (its own folder, usually), leaving media as they are.
///
/// Only files whose content differs are rewritten, each through a temporary
/// file and a rename. Lesson files and scenario files that the model no longer
/// has are removed, and so is `quiz.toml` of a module without questions;
/// module folders that are not in the model are left alone (they may hold
/// media the author still wants).
pub fn write_course(course: &Course, dir: &Path) -> Result<SaveSummary> {
    let mut summary = SaveSummary::default();
    write_structure(course, dir, &mut summary)?;
    Ok(summary)
}

/// Saves `course` into a new folder `dir` and copies each module's `media/`
/// folder from the course folder `source` it was loaded from.
pub fn write_course_with_media(course: &Course, source: &Path, dir: &Path) -> Result<SaveSummary> {
    let mut summary = SaveSummary::default();
    write_structure(course, dir, &mut summary)?;
    // Copying a folder onto itself would truncate every file first.
    if same_place(source, dir) {
        return Ok(summary);
    }
    for module in &course.modules {
        let rel = layout::media_path(&module.dir);
        let from = source.join(&rel);
        if from.is_dir() {
            copy_tree(&from, &dir.join(&rel), &rel, &mut summary)?;
        }
    }
    Ok(summary)
}

/// `course.toml`.
pub fn course_toml(course: &Course) -> String {
    let mut w = TomlOut::new(&course.languages);
    w.string("id", &course.id);
    w.string("version", &course.version);
    w.raw("languages", &string_array(&course.languages));
    w.text("title", &course.title);
    w.opt_text("description", course.description.as_ref());
    w.number("pass_mark", course.pass_mark);
    for competency in &course.competencies {
        w.table("competency");
        w.string("id", &competency.id);
        w.text("title", &competency.title);
        w.opt_text("description", competency.description.as_ref());
    }
    if let Some(test) = &course.final_test {
        w.out.push('\n');
        let _ = writeln!(w.out, "[final]");
        w.number("draw", f64::from(test.draw));
        w.number("pass_mark", test.pass_mark);
        w.number("distinction", test.distinction);
    }
    w.finish()
}

/// `final.toml`: the final test's bank, `[[question]]` tables as in quiz.toml
/// with each question's `module` after its id.
pub fn final_toml(test: &FinalTest, languages: &[Lang]) -> String {
    let mut w = TomlOut::new(languages);
    for bank in &test.questions {
        write_question(&mut w, &bank.question, Some(&bank.module));
    }
    w.finish()
}

/// `module.toml` of one module. `languages` orders the localised text.
pub fn module_toml(module: &Module, languages: &[Lang]) -> String {
    let mut w = TomlOut::new(languages);
    w.string("id", &module.id);
    w.text("title", &module.title);
    w.opt_text("summary", module.summary.as_ref());
    let feedback = match module.feedback {
        super::FeedbackMode::Immediate => "immediate",
        super::FeedbackMode::Deferred => "deferred",
    };
    w.string("feedback", feedback);
    if let Some(pass_mark) = module.pass_mark {
        w.number("pass_mark", pass_mark);
    }
    if !module.outcomes.is_empty() {
        // One outcome per line: authors read and diff them as a list.
        let _ = writeln!(w.out, "outcomes = [");
        for outcome in &module.outcomes {
            let _ = writeln!(w.out, "  {},", w.inline_text(outcome));
        }
        let _ = writeln!(w.out, "]");
    }
    for lesson in &module.lessons {
        if let Some(minutes) = lesson.minutes {
            w.out.push('\n');
            let _ = writeln!(w.out, "[lesson.{}]", lesson.id.as_str().to_toml_key());
            w.number("minutes", f64::from(minutes));
        }
    }
    w.finish()
}

/// `quiz.toml`: one `[[question]]` table per question, in order. Keys that
/// hold their default value (`points = 1`, `correct = false`, …) are left out.
pub fn quiz_toml(questions: &[Question], languages: &[Lang]) -> String {
    let mut w = TomlOut::new(languages);
    for question in questions {
        write_question(&mut w, question, None);
    }
    w.finish()
}

/// `module` is the module a final-test question tests; quiz questions have none.
fn write_question(w: &mut TomlOut<'_>, q: &Question, module: Option<&str>) {
    w.table("question");
    w.string("id", &q.id);
    if let Some(module) = module {
        w.string("module", module);
    }
    w.string("kind", q.kind().as_str());
    w.string("competency", &q.competency);
    if q.points != 1.0 {
        w.number("points", q.points);
    }
    w.text("prompt", &q.prompt);
    if !q.shuffle {
        w.raw("shuffle", "false");
    }
    match &q.body {
        QuestionBody::Single { .. } | QuestionBody::Multiple { .. } => {}
        QuestionBody::TrueFalse {
            answer,
            feedback_true,
            feedback_false,
        } => {
            w.raw("answer", &answer.to_toml_value());
            w.opt_text("feedback_true", feedback_true.as_ref());
            w.opt_text("feedback_false", feedback_false.as_ref());
        }
        QuestionBody::ShortText {
            accept,
            case_sensitive,
            ignore_diacritics,
        } => {
            let entries = ordered(accept, w.languages)
                .map(|(lang, answers)| (lang.to_string(), string_array(answers)))
                .collect::<Vec<_>>();
            w.raw("accept", &inline_table(&entries));
            if *case_sensitive {
                w.raw("case_sensitive", "true");
            }
            if *ignore_diacritics {
                w.raw("ignore_diacritics", "true");
            }
        }
        QuestionBody::Numeric {
            answer,
            tolerance,
            unit,
        } => {
            w.number("answer", *answer);
            if *tolerance != 0.0 {
                w.number("tolerance", *tolerance);
            }
            w.opt_text("unit", unit.as_ref());
        }
        QuestionBody::Ordering { .. } | QuestionBody::Matching { .. } => {}
    }
    w.text("explanation", &q.explanation);
    match &q.body {
        QuestionBody::Single { options } | QuestionBody::Multiple { options } => {
            for option in options {
                w.table("question.option");
                w.string("id", &option.id);
                w.text("text", &option.text);
                if option.correct {
                    w.raw("correct", "true");
                }
                w.opt_text("feedback", option.feedback.as_ref());
            }
        }
        QuestionBody::Ordering { items } => {
            for item in items {
                w.table("question.item");
                w.string("id", &item.id);
                w.text("text", &item.text);
            }
        }
        QuestionBody::Matching { pairs } => {
            for pair in pairs {
                w.table("question.pair");
                w.string("id", &pair.id);
                w.text("left", &pair.left);
                w.text("right", &pair.right);
            }
        }
        _ => {}
    }
}

/// `scenarios/<id>.toml`; the id is the file name, so it is not written.
pub fn scenario_toml(scenario: &Scenario, languages: &[Lang]) -> String {
    let mut w = TomlOut::new(languages);
    w.text("title", &scenario.title);
    w.opt_text("intro", scenario.intro.as_ref());
    w.string("start", &scenario.start);
    for node in &scenario.nodes {
        w.table("node");
        w.string("id", &node.id);
        w.opt_text("speaker", node.speaker.as_ref());
        w.text("text", &node.text);
        if !node.shuffle {
            w.raw("shuffle", "false");
        }
        if let Some(ending) = &node.ending {
            let kind = match ending.kind {
                super::EndingKind::Good => "good",
                super::EndingKind::Mixed => "mixed",
                super::EndingKind::Poor => "poor",
            };
            w.string("ending", kind);
            w.text("debrief", &ending.debrief);
        }
        for choice in &node.choices {
            w.table("node.choice");
            w.string("id", &choice.id);
            w.text("text", &choice.text);
            w.string("next", &choice.next);
            let points = choice
                .points
                .iter()
                .map(|(competency, points)| (competency.clone(), format_number(*points)))
                .collect::<Vec<_>>();
            if !points.is_empty() {
                w.raw("points", &inline_table(&points));
            }
            w.text("feedback", &choice.feedback);
            if choice.critical {
                w.raw("critical", "true");
            }
        }
    }
    w.finish()
}

/// Every text file of `course` in its canonical form, as course-relative
/// `/`-separated paths in writing order. Media are not included.
pub(crate) fn course_files(course: &Course) -> Result<Vec<(String, String)>> {
    let langs = &course.languages;
    for lang in langs {
        check_name_part("language", lang)?;
    }
    let mut files = vec![(COURSE_FILE.to_string(), course_toml(course))];
    for module in &course.modules {
        check_name_part("moduleFolder", &module.dir)?;
        let dir = &module.dir;
        files.push((layout::module_file(dir), module_toml(module, langs)));
        let lessons = layout::lessons_path(dir);
        for (position, lesson) in module.lessons.iter().enumerate() {
            check_name_part("lessonId", &lesson.id)?;
            for (lang, markdown) in ordered(&lesson.markdown.0, langs) {
                check_name_part("language", lang)?;
                let name = lesson_file_name(position, module.lessons.len(), &lesson.id, lang);
                files.push((format!("{lessons}/{name}"), markdown.clone()));
            }
        }
        if !module.questions.is_empty() {
            files.push((layout::quiz_path(dir), quiz_toml(&module.questions, langs)));
        }
        for scenario in &module.scenarios {
            check_name_part("scenarioId", &scenario.id)?;
            files.push((
                layout::scenario_path(dir, &scenario.id),
                scenario_toml(scenario, langs),
            ));
        }
    }
    if let Some(test) = &course.final_test {
        files.push((FINAL_FILE.to_string(), final_toml(test, langs)));
    }
    Ok(files)
}

/// Refuses a course with a file larger than the loader reads, which would
/// make the whole course unreadable, before anything is written.
pub(crate) fn check_file_sizes(course: &Course) -> Result<()> {
    check_sizes(&course_files(course)?)
}

fn check_sizes(files: &[(String, String)]) -> Result<()> {
    for (rel, content) in files {
        layout::check_file_size(rel, content.len(), "split")?;
    }
    Ok(())
}

fn write_structure(course: &Course, dir: &Path, summary: &mut SaveSummary) -> Result<()> {
    let files = course_files(course)?;
    check_sizes(&files)?;
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    for (rel, content) in &files {
        put(dir, rel, content, summary)?;
    }
    for module in &course.modules {
        let base = layout::module_path(&module.dir);
        let names_in = |folder: &str| {
            let prefix = format!("{base}/{folder}/");
            files
                .iter()
                .filter_map(|(rel, _)| rel.strip_prefix(&prefix).map(str::to_string))
                .collect::<Vec<_>>()
        };
        let lessons = layout::lessons_path(&module.dir);
        remove_stale(dir, &lessons, ".md", &names_in(LESSONS_DIR), summary)?;
        if module.questions.is_empty() {
            remove_file(dir, &layout::quiz_path(&module.dir), summary)?;
        }
        let scenarios = layout::scenarios_path(&module.dir);
        remove_stale(dir, &scenarios, ".toml", &names_in(SCENARIOS_DIR), summary)?;
    }
    if course.final_test.is_none() {
        remove_file(dir, FINAL_FILE, summary)?;
    }
    Ok(())
}

/// Writes `content` to `dir/rel` unless the file already holds exactly that.
fn put(dir: &Path, rel: &str, content: &str, summary: &mut SaveSummary) -> Result<()> {
    let path = dir.join(rel);
    if fs::read(&path).is_ok_and(|old| old == content.as_bytes()) {
        return Ok(());
    }
    replace_file(&path, content)?;
    summary.written.push(rel.to_string());
    Ok(())
}

/// Writes the file whole ([`crate::whole_file`]), making its folder first.
pub(crate) fn replace_file(path: &Path, content: &str) -> Result<()> {
    let parent = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    crate::whole_file::write(path, content.as_bytes())
}

fn remove_file(dir: &Path, rel: &str, summary: &mut SaveSummary) -> Result<()> {
    let path = dir.join(rel);
    match fs::remove_file(&path) {
        Ok(()) => {
            summary.removed.push(rel.to_string());
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(&path, e)),
    }
}

/// Removes files ending in `suffix` in `dir/rel` that are not in `keep`.
fn remove_stale(
    dir: &Path,
    rel: &str,
    suffix: &str,
    keep: &[String],
    summary: &mut SaveSummary,
) -> Result<()> {
    let folder = dir.join(rel);
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(&folder, e)),
    };
    let mut stale = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&folder, e))?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && name.ends_with(suffix) && !keep.contains(&name) {
            stale.push(name);
        }
    }
    stale.sort();
    for name in stale {
        remove_file(dir, &format!("{rel}/{name}"), summary)?;
    }
    Ok(())
}

fn same_place(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Copies regular files and folders; symbolic links are not followed, so a
/// link cannot pull files from outside the course into it.
fn copy_tree(from: &Path, to: &Path, rel: &str, summary: &mut SaveSummary) -> Result<()> {
    fs::create_dir_all(to).map_err(|e| Error::io(to, e))?;
    let mut entries = fs::read_dir(from)
        .map_err(|e| Error::io(from, e))?
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|e| Error::io(from, e))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let (src, dst): (PathBuf, PathBuf) = (entry.path(), to.join(&name));
        let child = format!("{rel}/{}", name.to_string_lossy());
        let kind = entry.file_type().map_err(|e| Error::io(&src, e))?;
        if kind.is_dir() {
            copy_tree(&src, &dst, &child, summary)?;
        } else if kind.is_file() {
            fs::copy(&src, &dst).map_err(|e| Error::io(&src, e))?;
            summary.media_copied.push(child);
        }
    }
    Ok(())
}

/// Entries of a per-language map in course order, then any other languages in
/// key order, so nothing in the model is dropped.
fn ordered<'a, V>(
    map: &'a std::collections::BTreeMap<Lang, V>,
    languages: &'a [Lang],
) -> impl Iterator<Item = (&'a str, &'a V)> + 'a {
    let declared = languages
        .iter()
        .filter_map(|l| map.get(l).map(|v| (l.as_str(), v)));
    let others = map
        .iter()
        .filter(|(l, _)| !languages.contains(l))
        .map(|(l, v)| (l.as_str(), v));
    declared.chain(others)
}

fn quote(s: &str) -> String {
    // Always a one-line basic string: stable whatever the text holds.
    TomlStringBuilder::new(s).as_basic().to_toml_value()
}

fn string_array(items: &[String]) -> String {
    let quoted = items.iter().map(|s| quote(s)).collect::<Vec<_>>();
    format!("[{}]", quoted.join(", "))
}

fn inline_table(entries: &[(String, String)]) -> String {
    if entries.is_empty() {
        return "{}".to_string();
    }
    let body = entries
        .iter()
        .map(|(k, v)| format!("{} = {v}", k.as_str().to_toml_key()))
        .collect::<Vec<_>>();
    format!("{{ {} }}", body.join(", "))
}

/// Whole numbers as integers (`points = 2`, `answer = 2010`), others as floats.
fn format_number(x: f64) -> String {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is exact
    if x.is_finite() && x.fract() == 0.0 && x.abs() < EXACT {
        #[allow(clippy::cast_possible_truncation)]
        let n = x as i64;
        n.to_string()
    } else {
        x.to_toml_value()
    }
}

/// A TOML document written key by key in the order the format gives.
struct TomlOut<'a> {
    out: String,
    languages: &'a [Lang],
}

impl<'a> TomlOut<'a> {
    fn new(languages: &'a [Lang]) -> Self {
        TomlOut {
            out: String::new(),
            languages,
        }
    }

    fn raw(&mut self, key: &str, value: &str) {
        let _ = writeln!(self.out, "{key} = {value}");
    }

    fn string(&mut self, key: &str, value: &str) {
        self.raw(key, &quote(value));
    }

    fn number(&mut self, key: &str, value: f64) {
        self.raw(key, &format_number(value));
    }

    fn text(&mut self, key: &str, text: &Text) {
        let table = self.inline_text(text);
        self.raw(key, &table);
    }

    /// `{ sv = "…", en = "…" }` in the course's language order.
    fn inline_text(&self, text: &Text) -> String {
        let entries = ordered(&text.0, self.languages)
            .map(|(lang, s)| (lang.to_string(), quote(s)))
            .collect::<Vec<_>>();
        inline_table(&entries)
    }

    fn opt_text(&mut self, key: &str, text: Option<&Text>) {
        if let Some(text) = text {
            self.text(key, text);
        }
    }

    /// `[[name]]`, after one blank line unless it opens the file.
    fn table(&mut self, name: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        let _ = writeln!(self.out, "[[{name}]]");
    }

    fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::content::{
        AnswerOption, Choice, Ending, EndingKind, FeedbackMode, Lesson, Node, Pair,
    };
    use std::collections::BTreeMap;

    fn langs() -> Vec<Lang> {
        vec!["sv".to_string(), "en".to_string()]
    }

    fn t(sv: &str, en: &str) -> Text {
        Text::from_pairs([("sv", sv), ("en", en)])
    }

    fn question(id: &str, body: QuestionBody) -> Question {
        Question {
            shuffle: true,
            id: id.into(),
            competency: "welcome".into(),
            points: 1.0,
            prompt: t("Fråga", "Question"),
            explanation: t("Därför", "Because"),
            body,
        }
    }

    #[test]
    fn localised_text_follows_course_language_order_not_alphabet() {
        let module = Module {
            outcomes: Vec::new(),
            id: "valkommen".into(),
            dir: "01-valkommen".into(),
            title: t("Välkommen", "Welcome"),
            summary: None,
            feedback: FeedbackMode::Deferred,
            pass_mark: Some(0.75),
            lessons: vec![],
            questions: vec![],
            scenarios: vec![],
        };
        let got = module_toml(&module, &langs());
        let want = "id = \"valkommen\"\ntitle = { sv = \"Välkommen\", en = \"Welcome\" }\nfeedback = \"deferred\"\npass_mark = 0.75\n";
        assert_eq!(got, want, "sv is declared first, so it must come before en");
    }

    #[test]
    fn outcomes_are_listed_one_a_line_and_minutes_follow_per_lesson() {
        let lesson = |id: &str, minutes| Lesson {
            minutes,
            id: id.into(),
            title: Text::default(),
            html: Text::default(),
            markdown: Text::default(),
        };
        let module = Module {
            outcomes: vec![
                t("möta en gäst", "meet a guest"),
                t("säga \"hej\"", "say \"hi\""),
            ],
            id: "m".into(),
            dir: "01-m".into(),
            title: t("M", "M"),
            summary: None,
            feedback: FeedbackMode::Immediate,
            pass_mark: None,
            lessons: vec![
                lesson("forsta", Some(6)),
                lesson("andra", None),
                lesson("tredje", Some(12)),
            ],
            questions: vec![],
            scenarios: vec![],
        };
        let got = module_toml(&module, &langs());
        let want = "id = \"m\"\ntitle = { sv = \"M\", en = \"M\" }\nfeedback = \"immediate\"\n\
            outcomes = [\n  { sv = \"möta en gäst\", en = \"meet a guest\" },\n  { sv = \"säga \\\"hej\\\"\", en = \"say \\\"hi\\\"\" },\n]\n\
            \n[lesson.forsta]\nminutes = 6\n\n[lesson.tredje]\nminutes = 12\n";
        assert_eq!(
            got, want,
            "outcomes one a line in course language order; only lessons with minutes get a table, in lesson order"
        );
        let parsed: toml::Table = toml::from_str(&got).unwrap();
        assert_eq!(
            parsed["lesson"]["tredje"]["minutes"].as_integer(),
            Some(12),
            "the written minutes are a TOML integer under [lesson.<id>]"
        );
        assert_eq!(
            parsed["outcomes"].as_array().map(Vec::len),
            Some(2),
            "both outcomes parse back as one array"
        );
    }

    #[test]
    fn strings_are_escaped_by_toml_and_parse_back_unchanged() {
        let nasty = "Say \"hej\"\nthen \\ leave\t'quoted' \u{7f} ]]} #no comment";
        let q = question(
            "tricky",
            QuestionBody::Single {
                options: vec![AnswerOption {
                    id: "a".into(),
                    text: t(nasty, nasty),
                    correct: true,
                    feedback: None,
                }],
            },
        );
        let text = quiz_toml(&[q], &langs());
        let parsed: toml::Table = toml::from_str(&text).unwrap();
        let option = &parsed["question"][0]["option"][0];
        assert_eq!(
            option["text"]["sv"].as_str(),
            Some(nasty),
            "escaping must round-trip every character"
        );
        assert!(
            !text.contains("'''") && !text.contains("\"\"\""),
            "strings stay one-line basic strings: {text}"
        );
    }

    #[test]
    fn quiz_writes_each_kind_with_defaults_left_out() {
        let questions = vec![
            question(
                "pick",
                QuestionBody::Single {
                    options: vec![
                        AnswerOption {
                            id: "a".into(),
                            text: t("Ja", "Yes"),
                            correct: true,
                            feedback: Some(t("Bra", "Good")),
                        },
                        AnswerOption {
                            id: "b".into(),
                            text: t("Nej", "No"),
                            correct: false,
                            feedback: None,
                        },
                    ],
                },
            ),
            question(
                "tf",
                QuestionBody::TrueFalse {
                    answer: false,
                    feedback_true: Some(t("Nej", "No")),
                    feedback_false: None,
                },
            ),
            question(
                "word",
                QuestionBody::ShortText {
                    accept: BTreeMap::from([
                        ("en".into(), vec!["welcome".into()]),
                        ("sv".into(), vec!["välkommen".into(), "välkomna".into()]),
                    ]),
                    case_sensitive: false,
                    ignore_diacritics: true,
                },
            ),
            Question {
                points: 2.5,
                ..question(
                    "year",
                    QuestionBody::Numeric {
                        answer: 2010.0,
                        tolerance: 0.0,
                        unit: Some(t("år", "year")),
                    },
                )
            },
            question(
                "match",
                QuestionBody::Matching {
                    pairs: vec![Pair {
                        id: "a".into(),
                        left: t("V", "L"),
                        right: t("H", "R"),
                    }],
                },
            ),
        ];
        let got = quiz_toml(&questions, &langs());
        let want = r#"[[question]]
id = "pick"
kind = "single"
competency = "welcome"
prompt = { sv = "Fråga", en = "Question" }
explanation = { sv = "Därför", en = "Because" }

[[question.option]]
id = "a"
text = { sv = "Ja", en = "Yes" }
correct = true
feedback = { sv = "Bra", en = "Good" }

[[question.option]]
id = "b"
text = { sv = "Nej", en = "No" }

[[question]]
id = "tf"
kind = "true_false"
competency = "welcome"
prompt = { sv = "Fråga", en = "Question" }
answer = false
feedback_true = { sv = "Nej", en = "No" }
explanation = { sv = "Därför", en = "Because" }

[[question]]
id = "word"
kind = "short_text"
competency = "welcome"
prompt = { sv = "Fråga", en = "Question" }
accept = { sv = ["välkommen", "välkomna"], en = ["welcome"] }
ignore_diacritics = true
explanation = { sv = "Därför", en = "Because" }

[[question]]
id = "year"
kind = "numeric"
competency = "welcome"
points = 2.5
prompt = { sv = "Fråga", en = "Question" }
answer = 2010
unit = { sv = "år", en = "year" }
explanation = { sv = "Därför", en = "Because" }

[[question]]
id = "match"
kind = "matching"
competency = "welcome"
prompt = { sv = "Fråga", en = "Question" }
explanation = { sv = "Därför", en = "Because" }

[[question.pair]]
id = "a"
left = { sv = "V", en = "L" }
right = { sv = "H", en = "R" }
"#;
        assert_eq!(
            got, want,
            "the quiz must be written in the documented canonical layout"
        );
    }

    #[test]
    fn scenario_writes_choices_under_their_node_and_endings_on_terminal_nodes() {
        let scenario = Scenario {
            id: "stadshuset".into(),
            title: t("Stadshuset", "City hall"),
            intro: None,
            start: "arrival".into(),
            nodes: vec![
                Node {
                    shuffle: true,
                    id: "arrival".into(),
                    speaker: Some(t("Besökare", "Visitor")),
                    text: t("Hej", "Hi"),
                    choices: vec![Choice {
                        id: "greet".into(),
                        text: t("Hälsa", "Greet"),
                        next: "end".into(),
                        points: BTreeMap::from([
                            ("welcome".into(), 2.0),
                            ("dialogue".into(), -0.5),
                        ]),
                        feedback: t("Bra", "Good"),
                        critical: true,
                    }],
                    ending: None,
                },
                Node {
                    shuffle: true,
                    id: "end".into(),
                    speaker: None,
                    text: t("Slut", "End"),
                    choices: vec![],
                    ending: Some(Ending {
                        kind: EndingKind::Good,
                        debrief: t("Fint", "Nice"),
                    }),
                },
            ],
        };
        let got = scenario_toml(&scenario, &langs());
        let want = r#"title = { sv = "Stadshuset", en = "City hall" }
start = "arrival"

[[node]]
id = "arrival"
speaker = { sv = "Besökare", en = "Visitor" }
text = { sv = "Hej", en = "Hi" }

[[node.choice]]
id = "greet"
text = { sv = "Hälsa", en = "Greet" }
next = "end"
points = { dialogue = -0.5, welcome = 2 }
feedback = { sv = "Bra", en = "Good" }
critical = true

[[node]]
id = "end"
text = { sv = "Slut", en = "End" }
ending = "good"
debrief = { sv = "Fint", en = "Nice" }
"#;
        assert_eq!(
            got, want,
            "the scenario must be written in the documented canonical layout"
        );
    }

    fn small_course() -> Course {
        Course {
            final_test: None,
            id: "demo".into(),
            version: "1.0.0".into(),
            languages: langs(),
            title: t("Demo", "Demo"),
            description: None,
            pass_mark: 0.8,
            competencies: vec![],
            modules: vec![Module {
                outcomes: Vec::new(),
                id: "m".into(),
                dir: "01-m".into(),
                title: t("M", "M"),
                summary: None,
                feedback: FeedbackMode::Immediate,
                pass_mark: None,
                lessons: vec![Lesson {
                    minutes: None,
                    id: "intro".into(),
                    title: t("Intro", "Intro"),
                    html: Text::default(),
                    markdown: t("# Intro\n\nHej.\n", "# Intro\n\nHi.\n"),
                }],
                questions: vec![question(
                    "tf",
                    QuestionBody::TrueFalse {
                        answer: true,
                        feedback_true: None,
                        feedback_false: None,
                    },
                )],
                scenarios: vec![],
            }],
        }
    }

    #[test]
    fn saving_twice_writes_nothing_the_second_time() {
        let dir = tempfile::tempdir().unwrap();
        let course = small_course();
        let first = write_course(&course, dir.path()).unwrap();
        assert_eq!(
            first.written,
            vec![
                "course.toml",
                "modules/01-m/module.toml",
                "modules/01-m/lessons/01-intro.sv.md",
                "modules/01-m/lessons/01-intro.en.md",
                "modules/01-m/quiz.toml"
            ],
            "a first save writes every file of the course"
        );
        let second = write_course(&course, dir.path()).unwrap();
        assert_eq!(
            second,
            SaveSummary::default(),
            "an unchanged course must change no file"
        );
    }

    #[test]
    fn stale_lessons_and_an_emptied_quiz_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let mut course = small_course();
        write_course(&course, dir.path()).unwrap();
        course.modules[0].lessons[0].id = "welcome".into();
        course.modules[0].questions.clear();
        let summary = write_course(&course, dir.path()).unwrap();
        assert_eq!(
            summary.removed,
            vec![
                "modules/01-m/lessons/01-intro.en.md",
                "modules/01-m/lessons/01-intro.sv.md",
                "modules/01-m/quiz.toml"
            ],
            "renamed lessons must not leave their old files behind to be loaded again"
        );
        assert!(
            dir.path()
                .join("modules/01-m/lessons/01-welcome.sv.md")
                .is_file(),
            "the renamed lesson is written"
        );
    }

    #[test]
    fn ids_that_would_escape_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut course = small_course();
        course.modules[0].dir = "../outside".into();
        let err = write_course(&course, dir.path()).unwrap_err();
        assert!(
            err.to_string().contains("cannot be used as a file name"),
            "got: {err}"
        );
        assert!(
            !dir.path().parent().unwrap().join("outside").exists(),
            "nothing may be written outside the course"
        );
    }

    #[test]
    fn media_are_copied_to_a_new_folder_but_not_onto_themselves() {
        let src = tempfile::tempdir().unwrap();
        let course = small_course();
        write_course(&course, src.path()).unwrap();
        fs::create_dir_all(src.path().join("modules/01-m/media/img")).unwrap();
        fs::write(
            src.path().join("modules/01-m/media/img/entre.svg"),
            "<svg/>",
        )
        .unwrap();

        let again = write_course_with_media(&course, src.path(), src.path()).unwrap();
        assert!(
            again.media_copied.is_empty(),
            "saving in place must leave media as they are"
        );
        let kept = fs::read_to_string(src.path().join("modules/01-m/media/img/entre.svg")).unwrap();
        assert_eq!(
            kept, "<svg/>",
            "a copy onto itself would have emptied the file"
        );

        let out = tempfile::tempdir().unwrap();
        let copied = write_course_with_media(&course, src.path(), out.path()).unwrap();
        assert_eq!(
            copied.media_copied,
            vec!["modules/01-m/media/img/entre.svg"],
            "media travel with a saved copy"
        );
    }
}
