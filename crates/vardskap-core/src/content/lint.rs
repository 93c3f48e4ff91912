//! The item lint: checks of how well each question measures, run over a
//! course that loaded. Every finding is a warning at the question's (or
//! option's) place in quiz.toml or final.toml; none stops a course from
//! loading. The rules are listed in `docs/course-format.md` ("Item lint").
//!
//! Positions come from the file texts, re-parsed here with toml's spanned
//! parser, so the same lint runs on a folder on disk and on the editor's
//! unsaved files.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::layout::{FINAL_FILE as FINAL_PATH, quiz_path};
use super::messages::{
    LINT_LONGEST_KEY, LINT_MOSTLY_CORRECT, LINT_PROMPT_GIVES_KEY, LINT_SAME_OPTION,
    LINT_TRUE_FALSE, LINT_YEAR,
};
use super::source::SourceFile;
use super::{AnswerOption, Course, Diagnostic, Question, QuestionBody};
use crate::i18n::{Message, message};

/// A key longer than every wrong option by at most this many characters
/// (or 10 %, whichever is more) is not "the only longest": authors write
/// options of about the same length, not of exactly the same length.
const LENGTH_MARGIN: usize = 3;
/// True/false keys of one module are unbalanced when more than this share
/// has one value ...
const TRUE_FALSE_SHARE: f64 = 2.0 / 3.0;
/// ... and the module has at least this many true/false questions.
const TRUE_FALSE_MIN: usize = 3;
/// Words shorter than this are too common to give a key away.
const TELL_WORD: usize = 5;

/// The lint's warnings for `course`, whose quiz.toml and final.toml texts
/// are in `files` (course-relative, `/`-separated paths). A question whose
/// file is missing from `files` is still checked, at the file as a whole.
pub fn lint_course(course: &Course, files: &BTreeMap<String, String>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for module in &course.modules {
        let path = quiz_path(&module.dir);
        let questions: Vec<&Question> = module.questions.iter().collect();
        Group::new(&path, files.get(&path), &course.languages).lint(&questions, "module", &mut out);
    }
    if let Some(bank) = &course.final_test {
        let questions: Vec<&Question> = bank.questions.iter().map(|b| &b.question).collect();
        Group::new(FINAL_PATH, files.get(FINAL_PATH), &course.languages)
            .lint(&questions, "final", &mut out);
    }
    out.sort_by(|a, b| {
        (a.path.as_str(), a.line, a.column).cmp(&(b.path.as_str(), b.line, b.column))
    });
    out
}

/// [`lint_course`] for a course folder on disk: reads its quiz files.
pub fn lint_course_dir(course: &Course, dir: &Path) -> Vec<Diagnostic> {
    let mut files = BTreeMap::new();
    let paths = course
        .modules
        .iter()
        .map(|m| quiz_path(&m.dir))
        .chain(course.final_test.as_ref().map(|_| FINAL_PATH.to_string()));
    for path in paths {
        if let Ok(text) = std::fs::read_to_string(dir.join(&path)) {
            files.insert(path, text.trim_start_matches('\u{feff}').to_string());
        }
    }
    lint_course(course, &files)
}

/// The questions of one file, with where each is written.
struct Group<'a> {
    file: SourceFile,
    spans: HashMap<String, QuestionSpans>,
    langs: &'a [String],
}

/// Byte offsets in a quiz file of what the lint points at.
#[derive(Default)]
struct QuestionSpans {
    /// The `id` key of the question.
    id: usize,
    prompt: Option<usize>,
    answer: Option<usize>,
    /// Per option id: its `text` key.
    options: HashMap<String, usize>,
}

impl<'a> Group<'a> {
    fn new(path: &str, text: Option<&String>, langs: &'a [String]) -> Self {
        let text = text.cloned().unwrap_or_default();
        let spans = question_spans(&text);
        Group {
            file: SourceFile::new(path, text),
            spans,
            langs,
        }
    }

    fn warn(&self, at: Option<usize>, message: Message) -> Diagnostic {
        match at {
            Some(at) => {
                let (line, column) = self.file.line_col(at);
                Diagnostic::warning(self.file.path.clone(), line, column, message)
            }
            None => Diagnostic::warning(self.file.path.clone(), 0, 0, message),
        }
    }

    fn question_at(&self, q: &Question) -> Option<usize> {
        self.spans.get(&q.id).map(|s| s.id)
    }

    fn prompt_at(&self, q: &Question) -> Option<usize> {
        self.spans.get(&q.id).map(|s| s.prompt.unwrap_or(s.id))
    }

    fn answer_at(&self, q: &Question) -> Option<usize> {
        self.spans.get(&q.id).map(|s| s.answer.unwrap_or(s.id))
    }

    fn option_at(&self, q: &Question, option: &str) -> Option<usize> {
        self.spans
            .get(&q.id)
            .map(|s| s.options.get(option).copied().unwrap_or(s.id))
    }

    /// `group` is `module` or `final` (the final test's bank).
    fn lint(&self, questions: &[&Question], group: &str, out: &mut Vec<Diagnostic>) {
        for q in questions {
            match &q.body {
                QuestionBody::Single { options } => {
                    if let Some(message) = longest_key(options, self.langs) {
                        let key = options.iter().find(|o| o.correct).map(|o| o.id.as_str());
                        out.push(self.warn(key.and_then(|k| self.option_at(q, k)), message));
                    }
                    if let Some(message) = prompt_gives_key(q, options, self.langs) {
                        out.push(self.warn(self.prompt_at(q), message));
                    }
                    self.duplicates(q, options, out);
                }
                QuestionBody::Multiple { options } => {
                    if let Some(message) = mostly_correct(options) {
                        out.push(self.warn(self.question_at(q), message));
                    }
                    if let Some(message) = prompt_gives_key(q, options, self.langs) {
                        out.push(self.warn(self.prompt_at(q), message));
                    }
                    self.duplicates(q, options, out);
                }
                QuestionBody::Numeric { answer, .. } => {
                    if let Some(message) = year_answer(*answer) {
                        out.push(self.warn(self.answer_at(q), message));
                    }
                }
                _ => {}
            }
        }
        if let Some((first, message)) = true_false_balance(questions, group) {
            out.push(self.warn(self.answer_at(first), message));
        }
    }

    fn duplicates(&self, q: &Question, options: &[AnswerOption], out: &mut Vec<Diagnostic>) {
        for (option, first, lang) in duplicate_options(options, self.langs) {
            out.push(self.warn(
                self.option_at(q, &option.id),
                message!(
                    LINT_SAME_OPTION,
                    option = &option.id,
                    first = first,
                    lang = lang
                ),
            ));
        }
    }
}

/// Where each question of a quiz file (by id) and its parts are written.
/// A file that does not parse gives none: its problems are the loader's.
fn question_spans(text: &str) -> HashMap<String, QuestionSpans> {
    let mut out = HashMap::new();
    let Ok(root) = DeTable::parse(text) else {
        return out;
    };
    for table in tables(root.get_ref(), "question") {
        let Some((id, id_at)) = string_at(table, "id") else {
            continue;
        };
        let options = tables(table, "option")
            .into_iter()
            .filter_map(|o| {
                let (id, id_at) = string_at(o, "id")?;
                Some((id, key_at(o, "text").unwrap_or(id_at)))
            })
            .collect();
        out.entry(id).or_insert(QuestionSpans {
            id: id_at,
            prompt: key_at(table, "prompt"),
            answer: key_at(table, "answer"),
            options,
        });
    }
    out
}

fn tables<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Vec<&'t DeTable<'i>> {
    match table.get(key).map(|v| v.get_ref()) {
        Some(DeValue::Array(items)) => items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn key_at(table: &DeTable, key: &str) -> Option<usize> {
    table.get_key_value(key).map(|(k, _)| k.span().start)
}

/// A string value and where its key is written.
fn string_at(table: &DeTable, key: &str) -> Option<(String, usize)> {
    let (k, v) = table.get_key_value(key)?;
    Some((v.get_ref().as_str()?.to_string(), k.span().start))
}

/// Length in characters, as a learner sees it.
fn length(text: &str) -> usize {
    text.trim().chars().count()
}

/// The key of a single-choice question is the only longest option by more
/// than the margin, in some language.
fn longest_key(options: &[AnswerOption], langs: &[String]) -> Option<Message> {
    let key = options.iter().find(|o| o.correct)?;
    for lang in langs {
        let key_len = length(key.text.get(lang));
        let longest_wrong = options
            .iter()
            .filter(|o| !o.correct)
            .map(|o| length(o.text.get(lang)))
            .max()?;
        let margin = LENGTH_MARGIN.max(longest_wrong.div_ceil(10));
        if key_len > longest_wrong + margin {
            return Some(message!(
                LINT_LONGEST_KEY,
                lang = lang,
                length = key_len,
                longestWrong = longest_wrong
            ));
        }
    }
    None
}

/// The prompt repeats a content word of a correct option (or a word of the
/// same stem) that no wrong option has, in some language.
fn prompt_gives_key(q: &Question, options: &[AnswerOption], langs: &[String]) -> Option<Message> {
    for lang in langs {
        let prompt = words(q.prompt.get(lang));
        let wrong: Vec<String> = options
            .iter()
            .filter(|o| !o.correct)
            .flat_map(|o| words(o.text.get(lang)))
            .map(|w| stem(&w).to_string())
            .collect();
        for key in options.iter().filter(|o| o.correct) {
            for word in words(key.text.get(lang)) {
                let found = prompt.iter().find(|p| same_word(p, &word));
                if let Some(p) = found
                    && !wrong.iter().any(|w| w == stem(&word))
                {
                    return Some(message!(
                        LINT_PROMPT_GIVES_KEY,
                        promptWord = p,
                        word = &word,
                        option = &key.id,
                        lang = lang
                    ));
                }
            }
        }
    }
    None
}

/// Two words of the same stem, one of them long enough to be telling.
fn same_word(a: &str, b: &str) -> bool {
    let long = a.chars().count().max(b.chars().count()) >= TELL_WORD;
    let (sa, sb) = (stem(a), stem(b));
    long && !is_stop_word(a) && !is_stop_word(b) && sa.chars().count() >= 3 && sa == sb
}

/// Lower-case words of letters and digits, without the very short ones.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect()
}

/// A crude stem for Swedish and English: the longest known ending is
/// removed when at least three letters stay ("möten", "möts" → "möt";
/// "meetings", "meet" → "meet").
fn stem(word: &str) -> &str {
    const ENDINGS: &[&str] = &[
        "arnas", "ernas", "ornas", "heten", "ingar", "ings", "arna", "erna", "orna", "ande",
        "ende", "het", "ing", "ens", "ets", "are", "ade", "en", "et", "er", "ar", "or", "na", "ed",
        "es", "ly", "s", "a", "e",
    ];
    for ending in ENDINGS {
        if let Some(stem) = word.strip_suffix(ending)
            && stem.chars().count() >= 3
        {
            return stem;
        }
    }
    word
}

/// Common words of five letters or more that say nothing about an answer.
fn is_stop_word(word: &str) -> bool {
    const STOP: &[&str] = &[
        "vilken", "vilket", "vilka", "eller", "under", "efter", "andra", "annan", "något", "några",
        "inget", "ingen", "också", "mellan", "varför", "därför", "bara", "which", "there", "their",
        "these", "those", "about", "would", "should", "could", "other", "where", "while", "before",
        "never", "always",
    ];
    STOP.contains(&word)
}

/// More than half of a multiple-choice question's options are correct.
fn mostly_correct(options: &[AnswerOption]) -> Option<Message> {
    let correct = options.iter().filter(|o| o.correct).count();
    (correct * 2 > options.len()).then(|| {
        message!(
            LINT_MOSTLY_CORRECT,
            correct = correct,
            total = options.len()
        )
    })
}

/// Options (after case and spacing are normalised) that repeat an earlier
/// one: (the repeat, the id of the first, the language).
fn duplicate_options<'o>(
    options: &'o [AnswerOption],
    langs: &[String],
) -> Vec<(&'o AnswerOption, String, String)> {
    let mut out = Vec::new();
    for (i, option) in options.iter().enumerate() {
        for lang in langs {
            let text = normalised(option.text.get(lang));
            let first = options[..i]
                .iter()
                .find(|o| !text.is_empty() && normalised(o.text.get(lang)) == text);
            if let Some(first) = first {
                out.push((option, first.id.clone(), lang.clone()));
                break;
            }
        }
    }
    out
}

fn normalised(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A numeric answer that is a whole year from 1000 to 2100.
fn year_answer(answer: f64) -> Option<Message> {
    (answer.fract() == 0.0 && (1000.0..=2100.0).contains(&answer))
        .then(|| message!(LINT_YEAR, answer = answer.to_string()))
}

/// One true/false key value holds more than its share in the group
/// (`module` or `final`).
fn true_false_balance<'q>(
    questions: &[&'q Question],
    group: &str,
) -> Option<(&'q Question, Message)> {
    let keys: Vec<(&Question, bool)> = questions
        .iter()
        .filter_map(|q| match q.body {
            QuestionBody::TrueFalse { answer, .. } => Some((*q, answer)),
            _ => None,
        })
        .collect();
    if keys.len() < TRUE_FALSE_MIN {
        return None;
    }
    let trues = keys.iter().filter(|(_, a)| *a).count();
    let total = keys.len();
    for (value, count) in [(true, trues), (false, total - trues)] {
        #[allow(clippy::cast_precision_loss)]
        let share = count as f64 / total as f64;
        if share > TRUE_FALSE_SHARE {
            let first = keys.iter().find(|(_, a)| *a == value).map(|(q, _)| *q)?;
            return Some((
                first,
                message!(
                    LINT_TRUE_FALSE,
                    count = count,
                    total = total,
                    group = group,
                    value = value.to_string()
                ),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::content::{Module, Text};

    fn langs() -> Vec<String> {
        vec!["sv".into(), "en".into()]
    }

    fn text(sv: &str, en: &str) -> Text {
        Text::from_pairs([("sv", sv), ("en", en)])
    }

    fn option(id: &str, sv: &str, en: &str, correct: bool) -> AnswerOption {
        AnswerOption {
            id: id.into(),
            text: text(sv, en),
            correct,
            feedback: None,
        }
    }

    fn question(id: &str, prompt: &str, body: QuestionBody) -> Question {
        Question {
            id: id.into(),
            competency: "c".into(),
            points: 1.0,
            prompt: text(prompt, prompt),
            explanation: text("x", "x"),
            shuffle: true,
            body,
        }
    }

    fn true_false(id: &str, answer: bool) -> Question {
        question(
            id,
            "Påstående",
            QuestionBody::TrueFalse {
                answer,
                feedback_true: None,
                feedback_false: None,
            },
        )
    }

    fn course(questions: Vec<Question>) -> Course {
        Course {
            id: "c".into(),
            version: "1.0.0".into(),
            languages: langs(),
            title: text("K", "C"),
            description: None,
            pass_mark: 0.8,
            competencies: vec![],
            modules: vec![Module {
                id: "m".into(),
                dir: "01-m".into(),
                title: text("M", "M"),
                summary: None,
                feedback: crate::content::FeedbackMode::Immediate,
                pass_mark: None,
                outcomes: vec![],
                lessons: vec![],
                questions,
                scenarios: vec![],
            }],
            final_test: None,
        }
    }

    #[test]
    fn a_key_much_longer_than_every_wrong_option_is_flagged() {
        let options = [
            option(
                "a",
                "Tittar upp, hälsar och frågar hur du kan hjälpa till",
                "Look up",
                true,
            ),
            option("b", "Fortsätter skriva", "Keep typing", false),
            option("c", "Pekar mot disken", "Point at it", false),
        ];
        let message = longest_key(&options, &langs()).map(|m| m.say("en"));
        assert!(
            message.as_deref().is_some_and(|m| m.contains("`sv`")),
            "a key twice as long as any wrong option in Swedish gives itself away: {message:?}"
        );
    }

    #[test]
    fn a_key_about_as_long_as_a_wrong_option_is_not_flagged() {
        let options = [
            option("a", "Tittar upp och hälsar", "Look up and greet", true),
            option(
                "b",
                "Avslutar samtalet först",
                "Finish the call first",
                false,
            ),
            option("c", "Ler och fortsätter", "Smile and go on", false),
        ];
        assert_eq!(
            longest_key(&options, &langs()),
            None,
            "a wrong option as long as the key hides it"
        );
        let close = [
            option("a", "Hälsar på gästen nu", "Greets guests now", true),
            option("b", "Hälsar på gästen", "Greets the guest", false),
        ];
        assert_eq!(
            longest_key(&close, &langs()),
            None,
            "a key only a few characters longer is within the margin"
        );
    }

    #[test]
    fn a_prompt_that_repeats_the_key_by_stem_is_flagged() {
        let options = [
            option(
                "people-meet",
                "Människor möts i Borås",
                "People meet in Borås",
                true,
            ),
            option(
                "safe",
                "Ett tryggt och snyggt Borås",
                "A safe and tidy Borås",
                false,
            ),
            option(
                "care",
                "Omsorg om varandra och miljön",
                "Care for each other",
                false,
            ),
        ];
        let q = question(
            "vision-area",
            "Vilket visionsområde handlar om möten och värdskap?",
            QuestionBody::Single {
                options: options.to_vec(),
            },
        );
        let message = prompt_gives_key(&q, &options, &langs()).map(|m| m.say("en"));
        assert!(
            message
                .as_deref()
                .is_some_and(|m| m.contains("\"möten\"") && m.contains("\"möts\"")),
            "\"möten\" in the prompt points at \"möts\" in the key: {message:?}"
        );
    }

    #[test]
    fn a_prompt_word_that_a_wrong_option_shares_is_not_flagged() {
        let options = [
            option(
                "a",
                "Gästen möts vid dörren",
                "The guest is met at the door",
                true,
            ),
            option(
                "b",
                "Gästen möts i kassan",
                "The guest is met at the till",
                false,
            ),
        ];
        let q = question(
            "q",
            "Var möter du gästen först?",
            QuestionBody::Single {
                options: options.to_vec(),
            },
        );
        assert_eq!(
            prompt_gives_key(&q, &options, &langs()),
            None,
            "a word every option shares tells nothing"
        );
    }

    #[test]
    fn unbalanced_true_false_keys_in_a_module_are_flagged() {
        let qs: Vec<Question> = (0..4)
            .map(|i| true_false(&format!("t{i}"), i == 0))
            .collect();
        let refs: Vec<&Question> = qs.iter().collect();
        let found = true_false_balance(&refs, "module").map(|(q, m)| (q, m.say("en")));
        assert!(
            found
                .as_ref()
                .is_some_and(|(q, m)| q.id == "t1" && m.contains("3 of the 4")),
            "3 of 4 false is more than two thirds, placed at the first false one: {:?}",
            found.map(|(q, m)| (q.id.clone(), m))
        );
    }

    #[test]
    fn balanced_or_few_true_false_keys_are_not_flagged() {
        let balanced: Vec<Question> = (0..4)
            .map(|i| true_false(&format!("t{i}"), i % 2 == 0))
            .collect();
        let refs: Vec<&Question> = balanced.iter().collect();
        assert!(
            true_false_balance(&refs, "module").is_none(),
            "two true and two false are balanced"
        );
        let few: Vec<Question> = (0..2)
            .map(|i| true_false(&format!("t{i}"), false))
            .collect();
        let refs: Vec<&Question> = few.iter().collect();
        assert!(
            true_false_balance(&refs, "module").is_none(),
            "two questions are too few to judge"
        );
    }

    #[test]
    fn mostly_correct_options_are_flagged_and_half_is_not() {
        let four_of_five: Vec<AnswerOption> = (0..5)
            .map(|i| option(&format!("o{i}"), "x", "x", i < 4))
            .collect();
        assert!(
            mostly_correct(&four_of_five).is_some_and(|m| m.say("en").starts_with("4 of 5")),
            "four correct options of five are most of them"
        );
        let two_of_four: Vec<AnswerOption> = (0..4)
            .map(|i| option(&format!("o{i}"), "x", "x", i < 2))
            .collect();
        assert_eq!(
            mostly_correct(&two_of_four),
            None,
            "half is not more than half"
        );
    }

    #[test]
    fn duplicate_options_are_found_after_normalising() {
        let options = [
            option("a", "Ler  mot gästen", "Smile", true),
            option("b", "ler mot Gästen", "Smile at them", false),
            option("c", "Något annat", "Something else", false),
        ];
        let found = duplicate_options(&options, &langs());
        assert_eq!(found.len(), 1, "only the repeat is reported, once");
        assert_eq!(
            (
                found[0].0.id.as_str(),
                found[0].1.as_str(),
                found[0].2.as_str()
            ),
            ("b", "a", "sv"),
            "case and spacing do not make an option different"
        );
        let distinct = [
            option("a", "Ja", "Yes", true),
            option("b", "Nej", "No", false),
        ];
        assert!(
            duplicate_options(&distinct, &langs()).is_empty(),
            "different options are fine"
        );
    }

    #[test]
    fn a_year_as_numeric_answer_is_a_note() {
        assert!(
            year_answer(1621.0).is_some_and(|m| m.say("en").starts_with("note:")),
            "1621 is a year to recall"
        );
        assert_eq!(year_answer(1.5), None, "a distance is not a year");
        assert_eq!(
            year_answer(2500.0),
            None,
            "past 2100 is not taken for a year"
        );
        assert_eq!(year_answer(1999.5), None, "a year is a whole number");
    }

    #[test]
    fn warnings_point_at_the_question_in_the_file() {
        let quiz = "\
[[question]]
id = \"q1\"
kind = \"numeric\"
prompt = { sv = \"När?\", en = \"When?\" }
answer = 1621

[[question]]
id = \"q2\"
kind = \"single\"
prompt = { sv = \"Vad?\", en = \"What?\" }

[[question.option]]
id = \"a\"
text = { sv = \"Ett mycket långt och utförligt svar\", en = \"A very long and detailed answer\" }
correct = true

[[question.option]]
id = \"b\"
text = { sv = \"Kort\", en = \"Short\" }
";
        let c = course(vec![
            question(
                "q1",
                "När?",
                QuestionBody::Numeric {
                    answer: 1621.0,
                    tolerance: 0.0,
                    unit: None,
                },
            ),
            question(
                "q2",
                "Vad?",
                QuestionBody::Single {
                    options: vec![
                        option(
                            "a",
                            "Ett mycket långt och utförligt svar",
                            "A very long and detailed answer",
                            true,
                        ),
                        option("b", "Kort", "Short", false),
                    ],
                },
            ),
        ]);
        let files = BTreeMap::from([("modules/01-m/quiz.toml".to_string(), quiz.to_string())]);
        let found: Vec<String> = lint_course(&c, &files)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(found.len(), 2, "a year and a long key: {found:?}");
        assert!(
            found[0].starts_with("modules/01-m/quiz.toml:5:1: warning: note: the answer 1621"),
            "the year is reported at its `answer`: {found:?}"
        );
        assert!(
            found[1].starts_with(
                "modules/01-m/quiz.toml:14:1: warning: the correct option is the longest"
            ),
            "the long key is reported at its option's `text`: {found:?}"
        );
    }

    #[test]
    fn the_final_tests_bank_is_linted_in_final_toml() {
        let mut c = course(vec![]);
        let bank: Vec<crate::content::BankQuestion> = (0..3)
            .map(|i| crate::content::BankQuestion {
                module: "m".into(),
                question: true_false(&format!("f{i}"), true),
            })
            .collect();
        c.final_test = Some(crate::content::FinalTest {
            draw: 2,
            pass_mark: 0.7,
            distinction: 0.9,
            questions: bank,
        });
        let text =
            "[[question]]\nid = \"f0\"\nmodule = \"m\"\nkind = \"true_false\"\nanswer = true\n";
        let files = BTreeMap::from([("final.toml".to_string(), text.to_string())]);
        let found: Vec<String> = lint_course(&c, &files)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found.len(),
            1,
            "three true keys of three in the bank: {found:?}"
        );
        assert!(
            found[0].starts_with("final.toml:5:1: warning: 3 of the 3 true/false questions in this final test's bank have the key `true`"),
            "reported at the first question's answer in final.toml: {found:?}"
        );
    }

    #[test]
    fn a_question_not_found_in_the_text_is_reported_at_the_file() {
        let c = course(vec![question(
            "q1",
            "När?",
            QuestionBody::Numeric {
                answer: 1990.0,
                tolerance: 0.0,
                unit: None,
            },
        )]);
        let found = lint_course(&c, &BTreeMap::new());
        assert_eq!(
            found.iter().map(|d| (d.line, d.column)).collect::<Vec<_>>(),
            vec![(0, 0)],
            "without the file text the warning concerns the file as a whole"
        );
    }
}
