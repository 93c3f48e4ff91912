//! How long a lesson and a module take, for the course home's "about 25 min".
//!
//! A lesson's time is its words (the Markdown's text, without markup) read at
//! [`WORDS_PER_MINUTE`], rounded up and at least one minute; the author's
//! `minutes` in module.toml overrides it. A module's time adds its lessons,
//! [`MINUTES_PER_QUESTION`] per quiz question and [`MINUTES_PER_DECISION`] per
//! decision on each role-play's longest path.

use pulldown_cmark::{Event, Parser};

use super::{Lesson, Module, Scenario};

/// A careful reading pace for text one reads to learn from, in Swedish or
/// English: slower than the 200–250 words of reading for leisure, as a learner
/// stops to think about the examples.
pub const WORDS_PER_MINUTE: usize = 180;

/// Reading a question, weighing its options and the feedback.
pub const MINUTES_PER_QUESTION: u32 = 1;

/// Reading a role-play turn, choosing and reading the feedback.
pub const MINUTES_PER_DECISION: u32 = 1;

/// The words of a Markdown text as a reader meets them: text and inline code,
/// no markup, link targets or HTML. A word has at least one letter or digit,
/// so a dash between words is not one.
pub fn words(markdown: &str) -> usize {
    Parser::new(markdown)
        .map(|event| match event {
            Event::Text(text) | Event::Code(text) => text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count(),
            _ => 0,
        })
        .sum()
}

/// Whole minutes to read `words` words, rounded up, at least one.
pub fn reading_minutes(words: usize) -> u32 {
    let minutes = words.div_ceil(WORDS_PER_MINUTE).max(1);
    u32::try_from(minutes).unwrap_or(u32::MAX)
}

/// The lesson's reading time in `lang`: the author's `minutes`, or estimated
/// from its words.
pub fn lesson_minutes(lesson: &Lesson, lang: &str) -> u32 {
    lesson
        .minutes
        .unwrap_or_else(|| reading_minutes(words(lesson.markdown.get(lang))))
}

/// Decisions on the role-play's longest path from its start to an ending.
/// A path never visits a node twice, so a loop in the graph adds nothing.
pub fn longest_path_decisions(scenario: &Scenario) -> u32 {
    fn walk(scenario: &Scenario, id: &str, on_path: &mut Vec<String>) -> u32 {
        let Some(node) = scenario.node(id) else {
            return 0;
        };
        if node.choices.is_empty() || on_path.iter().any(|seen| seen == id) {
            return 0;
        }
        on_path.push(id.to_string());
        let deepest = node
            .choices
            .iter()
            .map(|choice| walk(scenario, &choice.next, on_path))
            .max()
            .unwrap_or(0);
        on_path.pop();
        deepest + 1
    }
    walk(scenario, &scenario.start, &mut Vec::new())
}

/// The module's time in `lang`: lessons, quiz questions and role-plays.
pub fn module_minutes(module: &Module, lang: &str) -> u32 {
    let lessons: u32 = module.lessons.iter().map(|l| lesson_minutes(l, lang)).sum();
    let questions = u32::try_from(module.questions.len())
        .unwrap_or(u32::MAX)
        .saturating_mul(MINUTES_PER_QUESTION);
    let scenarios: u32 = module
        .scenarios
        .iter()
        .map(|s| longest_path_decisions(s).saturating_mul(MINUTES_PER_DECISION))
        .sum();
    lessons.saturating_add(questions).saturating_add(scenarios)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::collections::BTreeMap;

    use super::*;
    use crate::content::{Choice, Ending, EndingKind, FeedbackMode, Node, Text};

    fn lesson(sv: &str, en: &str, minutes: Option<u32>) -> Lesson {
        Lesson {
            id: "l".into(),
            title: Text::default(),
            html: Text::default(),
            markdown: Text::from_pairs([("sv", sv), ("en", en)]),
            minutes,
        }
    }

    fn node(id: &str, next: &[&str]) -> Node {
        Node {
            id: id.into(),
            speaker: None,
            text: Text::default(),
            choices: next
                .iter()
                .enumerate()
                .map(|(i, n)| Choice {
                    id: format!("c{i}"),
                    text: Text::default(),
                    next: (*n).into(),
                    points: BTreeMap::new(),
                    feedback: Text::default(),
                    critical: false,
                })
                .collect(),
            shuffle: true,
            ending: next.is_empty().then(|| Ending {
                kind: EndingKind::Good,
                debrief: Text::default(),
            }),
        }
    }

    #[test]
    fn words_leave_out_markup_link_targets_and_lone_dashes() {
        let md = "# Rubrik här\n\nEn **fet** [länk](https://example.com/lång/väg) – och `kod`.\n\n- punkt ett\n- två\n\n<div class=\"x\">html</div>\n";
        assert_eq!(
            words(md),
            10,
            "Rubrik här, En fet länk och kod, punkt ett två: markup, the URL, the dash and raw HTML are no words"
        );
        assert_eq!(words(""), 0, "an empty lesson has no words");
    }

    #[test]
    fn reading_time_rounds_up_and_is_at_least_a_minute() {
        assert_eq!(
            reading_minutes(0),
            1,
            "even an empty lesson takes a moment to open and read"
        );
        assert_eq!(
            reading_minutes(WORDS_PER_MINUTE),
            1,
            "exactly one minute's words is one minute"
        );
        assert_eq!(
            reading_minutes(WORDS_PER_MINUTE + 1),
            2,
            "one word more rounds up to the next minute"
        );
        assert_eq!(
            reading_minutes(10 * WORDS_PER_MINUTE),
            10,
            "a long lesson scales linearly"
        );
    }

    #[test]
    fn the_learners_language_counts_and_the_author_overrides() {
        let long_en = "word ".repeat(WORDS_PER_MINUTE * 3);
        let l = lesson("kort text", &long_en, None);
        assert_eq!(lesson_minutes(&l, "sv"), 1, "the Swedish text is short");
        assert_eq!(
            lesson_minutes(&l, "en"),
            3,
            "the English text is three minutes of words"
        );
        let set = lesson("kort text", &long_en, Some(7));
        assert_eq!(
            lesson_minutes(&set, "sv"),
            7,
            "`minutes` in module.toml wins over the estimate"
        );
        assert_eq!(
            lesson_minutes(&set, "en"),
            7,
            "the author's minutes hold in every language"
        );
    }

    #[test]
    fn a_role_play_counts_the_decisions_on_its_longest_path_even_with_a_loop() {
        let scenario = Scenario {
            id: "s".into(),
            title: Text::default(),
            intro: None,
            start: "a".into(),
            nodes: vec![
                node("a", &["b", "end"]),
                node("b", &["c", "a"]),
                node("c", &["end"]),
                node("end", &[]),
            ],
        };
        assert_eq!(
            longest_path_decisions(&scenario),
            3,
            "a → b → c → end has three decisions; going back from b to a is not counted twice"
        );
    }

    #[test]
    fn a_module_adds_lessons_questions_and_role_plays() {
        let module = Module {
            id: "m".into(),
            dir: "01-m".into(),
            title: Text::default(),
            summary: None,
            feedback: FeedbackMode::Immediate,
            pass_mark: None,
            outcomes: vec![],
            lessons: vec![
                lesson("a", "a", Some(5)),
                lesson(&"ord ".repeat(200), "b", None),
            ],
            questions: crate::progress::testing::course().modules[0]
                .questions
                .clone(),
            scenarios: vec![Scenario {
                id: "s".into(),
                title: Text::default(),
                intro: None,
                start: "a".into(),
                nodes: vec![node("a", &["b"]), node("b", &["end"]), node("end", &[])],
            }],
        };
        let questions = u32::try_from(module.questions.len()).unwrap();
        assert!(
            questions > 0,
            "the test module needs questions to count them"
        );
        assert_eq!(
            module_minutes(&module, "sv"),
            5 + 2 + questions * MINUTES_PER_QUESTION + 2 * MINUTES_PER_DECISION,
            "5 set minutes + 200 words (2 min) + a minute per question + two decisions"
        );
    }
}
