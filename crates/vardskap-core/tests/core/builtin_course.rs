//! The built-in course in `content/` meets the bar set for it: it validates,
//! every module has enough to read, answer and play, both languages are
//! complete, and no question gives its answer away in its prompt.
//!
//! Each test lists every failure at once, so one run shows all that is missing.

use std::collections::{BTreeSet, HashSet, VecDeque};
use std::path::PathBuf;

use vardskap_core::content::{
    Course, EndingKind, QuestionBody, QuestionKind, Scenario, Text, check_course, load_course,
};
use vardskap_core::scenario::Run;

fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn course() -> Course {
    match load_course(&content_dir()) {
        Ok(course) => course,
        Err(e) => panic!("the built-in course must load: {e}"),
    }
}

/// Fails with every collected failure, one per line.
fn assert_none(failures: &[String], what: &str) {
    assert!(
        failures.is_empty(),
        "{what} ({} failure(s)):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn it_validates_with_zero_diagnostics() {
    let (course, diagnostics) = check_course(&content_dir());
    let listed: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_none(&listed, "the built-in course must have no problem at all");
    assert!(course.is_some(), "a course without problems is returned");
}

#[test]
fn it_has_exactly_eight_modules() {
    let course = course();
    let dirs: Vec<&str> = course.modules.iter().map(|m| m.dir.as_str()).collect();
    assert_eq!(
        dirs.len(),
        8,
        "the course has eight modules, found {dirs:?}"
    );
}

/// Words of a Markdown text: runs of non-space characters holding a letter or
/// digit, so list markers, `#` and `---` do not count.
fn words(markdown: &str) -> usize {
    markdown
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[test]
fn every_module_has_enough_lessons_questions_and_scenarios() {
    let course = course();
    let mut failures = Vec::new();
    for module in &course.modules {
        let m = &module.dir;
        let lessons = module.lessons.len();
        if !(2..=4).contains(&lessons) {
            failures.push(format!("{m}: {lessons} lessons, want 2 to 4"));
        }
        for lang in &course.languages {
            let total: usize = module
                .lessons
                .iter()
                .map(|l| words(l.markdown.0.get(lang).map_or("", String::as_str)))
                .sum();
            if total < 600 {
                failures.push(format!(
                    "{m}: lessons in {lang} have {total} words together, want at least 600"
                ));
            }
        }

        let questions = module.questions.len();
        if questions < 12 {
            failures.push(format!("{m}: {questions} questions, want at least 12"));
        }
        let kinds: BTreeSet<QuestionKind> = module.questions.iter().map(|q| q.kind()).collect();
        if kinds.len() < 4 {
            failures.push(format!(
                "{m}: questions of {} kinds ({kinds:?}), want at least 4",
                kinds.len()
            ));
        }
        for q in &module.questions {
            if !complete(&q.explanation, &course.languages) {
                failures.push(format!("{m}: question `{}` lacks an explanation", q.id));
            }
            if let QuestionBody::Single { options } | QuestionBody::Multiple { options } = &q.body {
                for o in options {
                    if !o
                        .feedback
                        .as_ref()
                        .is_some_and(|f| complete(f, &course.languages))
                    {
                        failures.push(format!(
                            "{m}: option `{}` of question `{}` lacks feedback",
                            o.id, q.id
                        ));
                    }
                }
            }
        }

        if !module
            .scenarios
            .iter()
            .any(|s| s.nodes.len() >= 6 && endings(s) >= 2)
        {
            let found: Vec<String> = module
                .scenarios
                .iter()
                .map(|s| {
                    format!(
                        "`{}`: {} nodes, {} endings",
                        s.id,
                        s.nodes.len(),
                        endings(s)
                    )
                })
                .collect();
            failures.push(format!(
                "{m}: no scenario with at least 6 nodes and 2 endings (has {found:?})"
            ));
        }
    }
    assert_none(&failures, "every module must have enough to learn from");
}

fn endings(scenario: &Scenario) -> usize {
    scenario.nodes.iter().filter(|n| n.ending.is_some()).count()
}

#[test]
fn every_question_kind_is_used_somewhere() {
    let course = course();
    let used: BTreeSet<QuestionKind> = course
        .modules
        .iter()
        .flat_map(|m| &m.questions)
        .map(|q| q.kind())
        .collect();
    let missing: Vec<&str> = QuestionKind::ALL
        .iter()
        .filter(|k| !used.contains(k))
        .map(|k| k.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "every question kind appears in the course; missing: {missing:?}"
    );
}

/// Non-empty text in every language of the course, and in no other.
fn complete(text: &Text, languages: &[String]) -> bool {
    text.0.len() == languages.len()
        && languages
            .iter()
            .all(|l| text.0.get(l).is_some_and(|s| !s.trim().is_empty()))
}

/// Every [`Text`] of the course, named by where it is.
fn texts(course: &Course) -> Vec<(String, &Text)> {
    let mut all = vec![("course title".to_string(), &course.title)];
    all.extend(
        course
            .description
            .iter()
            .map(|d| ("course description".into(), d)),
    );
    for c in &course.competencies {
        all.push((format!("competency `{}` title", c.id), &c.title));
        all.extend(
            c.description
                .iter()
                .map(|d| (format!("competency `{}` description", c.id), d)),
        );
    }
    for module in &course.modules {
        let m = &module.dir;
        all.push((format!("{m} title"), &module.title));
        all.extend(module.summary.iter().map(|s| (format!("{m} summary"), s)));
        for l in &module.lessons {
            for (part, text) in [
                ("title", &l.title),
                ("html", &l.html),
                ("markdown", &l.markdown),
            ] {
                all.push((format!("{m} lesson `{}` {part}", l.id), text));
            }
        }
        for q in &module.questions {
            let at = format!("{m} question `{}`", q.id);
            all.push((format!("{at} prompt"), &q.prompt));
            all.push((format!("{at} explanation"), &q.explanation));
            match &q.body {
                QuestionBody::Single { options } | QuestionBody::Multiple { options } => {
                    for o in options {
                        all.push((format!("{at} option `{}`", o.id), &o.text));
                        all.extend(
                            o.feedback
                                .iter()
                                .map(|f| (format!("{at} option `{}` feedback", o.id), f)),
                        );
                    }
                }
                QuestionBody::TrueFalse {
                    feedback_true,
                    feedback_false,
                    ..
                } => {
                    all.extend(
                        feedback_true
                            .iter()
                            .map(|f| (format!("{at} feedback_true"), f)),
                    );
                    all.extend(
                        feedback_false
                            .iter()
                            .map(|f| (format!("{at} feedback_false"), f)),
                    );
                }
                QuestionBody::Numeric { unit, .. } => {
                    all.extend(unit.iter().map(|u| (format!("{at} unit"), u)));
                }
                QuestionBody::Ordering { items } => {
                    all.extend(
                        items
                            .iter()
                            .map(|i| (format!("{at} item `{}`", i.id), &i.text)),
                    );
                }
                QuestionBody::Matching { pairs } => {
                    for p in pairs {
                        all.push((format!("{at} pair `{}` left", p.id), &p.left));
                        all.push((format!("{at} pair `{}` right", p.id), &p.right));
                    }
                }
                QuestionBody::ShortText { .. } => {}
            }
        }
        for s in &module.scenarios {
            let at = format!("{m} scenario `{}`", s.id);
            all.push((format!("{at} title"), &s.title));
            all.extend(s.intro.iter().map(|i| (format!("{at} intro"), i)));
            for n in &s.nodes {
                all.push((format!("{at} node `{}`", n.id), &n.text));
                all.extend(
                    n.speaker
                        .iter()
                        .map(|sp| (format!("{at} node `{}` speaker", n.id), sp)),
                );
                all.extend(
                    n.ending
                        .iter()
                        .map(|e| (format!("{at} node `{}` debrief", n.id), &e.debrief)),
                );
                for c in &n.choices {
                    all.push((format!("{at} choice `{}`", c.id), &c.text));
                    all.push((format!("{at} choice `{}` feedback", c.id), &c.feedback));
                }
            }
        }
    }
    all
}

#[test]
fn both_languages_are_complete_everywhere() {
    let course = course();
    assert_eq!(
        course.languages,
        ["sv", "en"],
        "the course is in Swedish and English"
    );
    let mut failures: Vec<String> = texts(&course)
        .into_iter()
        .filter(|(_, text)| !complete(text, &course.languages))
        .map(|(at, text)| format!("{at}: {:?}", text.0))
        .collect();
    // Accepted short answers are lists, not Texts: each language needs its own.
    for module in &course.modules {
        for q in &module.questions {
            if let QuestionBody::ShortText { accept, .. } = &q.body {
                for lang in &course.languages {
                    let ok = accept
                        .get(lang)
                        .is_some_and(|a| !a.is_empty() && a.iter().all(|s| !s.trim().is_empty()));
                    if !ok {
                        failures.push(format!(
                            "{} question `{}`: no accepted answers in {lang}",
                            module.dir, q.id
                        ));
                    }
                }
            }
        }
    }
    assert_none(&failures, "every text has non-empty Swedish and English");
}

/// Choice ids from the start to a `good` ending without a critical choice
/// (breadth first: the shortest such path), if there is one.
fn safe_path_to_good_ending(scenario: &Scenario) -> Option<Vec<String>> {
    let mut seen = HashSet::from([scenario.start.as_str()]);
    let mut queue = VecDeque::from([(scenario.start.as_str(), Vec::new())]);
    while let Some((at, path)) = queue.pop_front() {
        let node = scenario.node(at)?;
        if node
            .ending
            .as_ref()
            .is_some_and(|e| e.kind == EndingKind::Good)
        {
            return Some(path);
        }
        for choice in node.choices.iter().filter(|c| !c.critical) {
            if seen.insert(choice.next.as_str()) {
                let mut next = path.clone();
                next.push(choice.id.clone());
                queue.push_back((choice.next.as_str(), next));
            }
        }
    }
    None
}

#[test]
fn every_scenario_can_reach_a_good_ending_without_a_critical_choice() {
    let course = course();
    let mut failures = Vec::new();
    for module in &course.modules {
        for scenario in &module.scenarios {
            let at = format!("{} scenario `{}`", module.dir, scenario.id);
            let Some(path) = safe_path_to_good_ending(scenario) else {
                failures.push(format!(
                    "{at}: no path to a good ending avoids critical choices"
                ));
                continue;
            };
            // Play the path for real: the debrief must agree.
            let debrief = Run::replay(scenario, &path).and_then(|run| run.debrief(scenario, "sv"));
            match debrief {
                Ok(Some(d)) if d.ending == EndingKind::Good && d.passed && !d.critical => {}
                other => failures.push(format!(
                    "{at}: playing {path:?} did not give a passed good ending: {other:?}"
                )),
            }
        }
    }
    assert_none(&failures, "a learner can always reach the best ending");
}

/// Lower case, with every run of characters that are not letters or digits
/// made one space, padded with spaces: `contains(" x y ")` then matches the
/// whole words `x y` and nothing inside a longer word.
fn words_of(text: &str) -> String {
    let mut out = String::from(" ");
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Why `prompt` gives away the answer of `body` in `lang`, if it does.
fn gives_away(prompt: &str, body: &QuestionBody, lang: &str) -> Option<String> {
    let prompt_words = words_of(prompt);
    match body {
        QuestionBody::Single { options } => options
            .iter()
            .filter(|o| o.correct)
            .map(|o| o.text.get(lang))
            .find(|text| {
                let answer = words_of(text);
                answer.split_whitespace().count() >= 2 && prompt_words.contains(&answer)
            })
            .map(|text| format!("it contains the correct option {text:?}")),
        QuestionBody::ShortText { accept, .. } => accept
            .get(lang)
            .into_iter()
            .flatten()
            .find(|answer| {
                let answer = words_of(answer);
                !answer.trim().is_empty() && prompt_words.contains(&answer)
            })
            .map(|answer| format!("it contains the accepted answer {answer:?}")),
        QuestionBody::Numeric { answer, .. } => {
            let digits = number_text(*answer);
            // Digits written with separators ("1 621", "1,621") count too.
            let joined: String = digit_runs(prompt);
            joined
                .split(' ')
                .any(|n| n == digits)
                .then(|| format!("it contains the answer {digits}"))
        }
        _ => None,
    }
}

/// The answer as a learner would type it: `1621`, `2.5`.
fn number_text(n: f64) -> String {
    let text = format!("{n}");
    text.trim_start_matches('-').to_string()
}

/// The numbers in `text`, space-separated, with the thousands separators and
/// decimal commas of both languages read as a person would: "1 621" and
/// "1,621" are 1621, "2,5" is 2.5.
fn digit_runs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut number = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            number.push(c);
        } else if between_digits && matches!(c, ' ' | '\u{a0}' | '\u{202f}') {
            // A thousands separator: "1 621".
            if chars
                .get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(char::is_ascii_digit))
            {
                continue;
            }
            out.push_str(&number);
            out.push(' ');
            number.clear();
        } else if between_digits && matches!(c, '.' | ',') {
            let three = chars
                .get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(char::is_ascii_digit))
                && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
            // "1,621" groups thousands in English; otherwise it is a decimal point.
            if !(c == ',' && three) {
                number.push('.');
            }
        } else if !number.is_empty() {
            out.push_str(&number);
            out.push(' ');
            number.clear();
        }
    }
    out.push_str(&number);
    out
}

#[test]
fn no_prompt_gives_its_answer_away() {
    let course = course();
    let mut failures = Vec::new();
    for module in &course.modules {
        for q in &module.questions {
            for lang in &course.languages {
                if let Some(why) = gives_away(q.prompt.get(lang), &q.body, lang) {
                    failures.push(format!(
                        "{} question `{}` ({lang}): the prompt gives the answer away: {why}",
                        module.dir, q.id
                    ));
                }
            }
        }
    }
    assert_none(&failures, "no prompt may contain its own answer");
}

#[test]
fn the_give_away_check_catches_what_it_should_and_only_that() {
    let single = |correct: &str| QuestionBody::Single {
        options: vec![
            vardskap_core::content::AnswerOption {
                id: "a".into(),
                text: Text::from_pairs([("en", correct)]),
                correct: true,
                feedback: None,
            },
            vardskap_core::content::AnswerOption {
                id: "b".into(),
                text: Text::from_pairs([("en", "Turn away")]),
                correct: false,
                feedback: None,
            },
        ],
    };
    assert!(
        gives_away(
            "Should you greet the guest? Greet the guest.",
            &single("Greet the guest"),
            "en"
        )
        .is_some(),
        "a correct option of two or more words in the prompt gives it away"
    );
    assert!(
        gives_away("Is a yes enough?", &single("Yes"), "en").is_none(),
        "a one-word option is too short to count"
    );
    assert!(
        gives_away("Greet the guests?", &single("Greet the guest"), "en").is_none(),
        "words must match whole, not inside longer words"
    );

    let short = QuestionBody::ShortText {
        accept: [("en".to_string(), vec!["Knalle".to_string()])].into(),
        case_sensitive: false,
        ignore_diacritics: false,
    };
    assert!(
        gives_away("Who was the knalle?", &short, "en").is_some(),
        "an accepted answer as a whole word, in any case, gives it away"
    );
    assert!(
        gives_away("Name a shop in Knalleland.", &short, "en").is_none(),
        "an accepted answer inside a longer word does not"
    );

    let numeric = |answer: f64| QuestionBody::Numeric {
        answer,
        tolerance: 0.0,
        unit: None,
    };
    for prompt in ["Founded in 1621?", "Founded in 1 621?", "Founded in 1,621?"] {
        assert!(
            gives_away(prompt, &numeric(1621.0), "en").is_some(),
            "the answer's digits in {prompt:?} give it away"
        );
    }
    assert!(
        gives_away("How many of 16210 seats?", &numeric(1621.0), "en").is_none(),
        "digits inside a longer number do not"
    );
    assert!(
        gives_away("Add 2,5 and 1.", &numeric(2.5), "en").is_some(),
        "a decimal comma is read as a decimal point"
    );
}

#[test]
fn every_declared_competency_is_used() {
    let course = course();
    let used: HashSet<&str> = course
        .modules
        .iter()
        .flat_map(|m| {
            let by_questions = m.questions.iter().map(|q| q.competency.as_str());
            let by_choices = m
                .scenarios
                .iter()
                .flat_map(|s| &s.nodes)
                .flat_map(|n| &n.choices)
                .flat_map(|c| c.points.keys().map(String::as_str));
            by_questions.chain(by_choices).collect::<Vec<_>>()
        })
        .collect();
    let unused: Vec<&str> = course
        .competencies
        .iter()
        .map(|c| c.id.as_str())
        .filter(|id| !used.contains(id))
        .collect();
    assert!(
        unused.is_empty(),
        "every competency is assessed by a question or a scenario choice; unused: {unused:?}"
    );
    let declared: HashSet<&str> = course.competencies.iter().map(|c| c.id.as_str()).collect();
    let unknown: Vec<&&str> = used.iter().filter(|id| !declared.contains(**id)).collect();
    assert!(
        unknown.is_empty(),
        "every competency used is declared in course.toml: {unknown:?}"
    );
}
