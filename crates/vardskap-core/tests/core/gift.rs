//! GIFT import on Moodle's own test files and into a real module folder.

use std::path::{Path, PathBuf};

use vardskap_core::content::{QuestionBody, QuestionKind, Text};
use vardskap_core::gift::{self, GiftImport};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gift")
        .join(name)
}

fn import(name: &str) -> GiftImport {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    gift::parse(&text, "welcome", &["en".to_string()])
}

fn en(text: &str) -> Text {
    Text::from_pairs([("en", text)])
}

fn summary(import: &GiftImport) -> Vec<(&str, QuestionKind, u32)> {
    import
        .questions
        .iter()
        .zip(&import.question_lines)
        .map(|(q, line)| (q.id.as_str(), q.kind(), *line))
        .collect()
}

#[test]
fn moodle_questions_import_every_supported_kind() {
    let import = import("moodle-questions.gift.txt");
    assert_eq!(
        summary(&import),
        vec![
            ("moodle-activities", QuestionKind::Matching, 5),
            ("q2", QuestionKind::Single, 14),
            ("colours", QuestionKind::Multiple, 22),
            ("q5", QuestionKind::Numeric, 31),
            ("shortanswer", QuestionKind::ShortText, 34),
            ("q1", QuestionKind::TrueFalse, 41),
            ("2-08-tsl", QuestionKind::TrueFalse, 46),
            ("2-08-tsl-2", QuestionKind::TrueFalse, 49),
        ],
        "every question of a kind we support is imported, in order, with slug ids from the titles"
    );
    let skipped = import
        .skipped
        .iter()
        .map(|s| (s.line, s.kind.as_str(), s.title.as_deref()))
        .collect::<Vec<_>>();
    assert_eq!(
        skipped,
        vec![(2, "essay", Some("Q8"))],
        "the essay is skipped with its line"
    );
    let problems = import
        .problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect::<Vec<_>>();
    assert_eq!(
        problems,
        vec![
            (31, "stray text after the answers was ignored: `\";`"),
            (43, "stray text after the answers was ignored: `\";`"),
        ],
        "the stray `\";` after two questions is reported, and does not stop them importing"
    );
    assert!(
        import.categories.is_empty(),
        "this file has no $CATEGORY line"
    );
}

#[test]
fn moodle_questions_keep_their_answers_and_feedback() {
    let import = import("moodle-questions.gift.txt");
    let q = |id: &str| import.questions.iter().find(|q| q.id == id).unwrap();

    let QuestionBody::Matching { pairs } = &q("moodle-activities").body else {
        panic!("matching expected")
    };
    let sides = pairs
        .iter()
        .map(|p| (p.left.get("en"), p.right.get("en")))
        .collect::<Vec<_>>();
    assert_eq!(
        sides,
        vec![
            ("An activity supporting asynchronous discussions.", "Forum"),
            (
                "A teacher asks a question and specifies a choice of multiple responses.",
                "Choice"
            ),
            (
                "A bank of record entries which participants can add to.",
                "Database"
            ),
            (
                "A collection of web pages that anyone can add to or edit.",
                "Wiki"
            ),
        ],
        "format markers go, pairs stay in order, and the `= -> Chat` distractor has no pair"
    );
    assert_eq!(
        q("moodle-activities").prompt,
        en("Match the activity to the description."),
        "<b> is stripped"
    );

    let QuestionBody::Single { options } = &q("q2").body else {
        panic!("single expected")
    };
    let got = options
        .iter()
        .map(|o| {
            (
                o.text.get("en"),
                o.correct,
                o.feedback.as_ref().map(|f| f.get("en")),
            )
        })
        .collect::<Vec<_>>();
    assert_eq!(
        got,
        vec![
            ("yellow", true, Some("right; good!")),
            ("red", false, Some("wrong, it's yellow")),
            ("blue", false, Some("wrong, it's yellow")),
        ],
        "`=` marks the right option, `#` its feedback, `[plain]`/`[html]` are markers not text"
    );

    let QuestionBody::Multiple { options } = &q("colours").body else {
        panic!("multiple expected")
    };
    let correct = options
        .iter()
        .map(|o| (o.text.get("en"), o.correct))
        .collect::<Vec<_>>();
    assert_eq!(
        correct,
        vec![
            ("yellow", true),
            ("red", false),
            ("off-beige", true),
            ("blue", false)
        ],
        "positive weights are the right options of a multiple-answer question"
    );

    assert_eq!(
        q("q5").body,
        QuestionBody::Numeric {
            answer: 3.0,
            tolerance: 2.0,
            unit: None
        },
        "`#3:2` is 3 give or take 2"
    );
    let QuestionBody::ShortText {
        accept,
        case_sensitive,
        ..
    } = &q("shortanswer").body
    else {
        panic!("short_text expected")
    };
    assert_eq!(
        accept["en"],
        vec!["Frog", "Cat"],
        "answers with credit are accepted; the 0% `*` catch-all is not"
    );
    assert!(
        !case_sensitive,
        "Moodle's short answers ignore case by default"
    );

    assert_eq!(
        q("q1").body,
        QuestionBody::TrueFalse {
            answer: false,
            feedback_true: Some(en("42 is the Ultimate Answer.")),
            feedback_false: Some(en("You gave the right answer.")),
        },
        "the first `#` is feedback for a wrong answer (true), the second for the right one"
    );
    assert_eq!(
        q("q1").explanation,
        en("This is, of course, a Hitchiker's Guide to the Galaxy reference."),
        "`####` general feedback becomes the explanation"
    );
    assert_eq!(
        q("2-08-tsl-2").body,
        q("2-08-tsl").body,
        "{{T}} and {{TRUE}} mean the same"
    );
}

#[test]
fn category_file_sanitises_html_and_unescapes() {
    let import = import("moodle-questions_in_category.gift.txt");
    assert_eq!(
        import.categories,
        vec!["$course$/Default for New Features"],
        "the $CATEGORY line is read"
    );
    assert_eq!(
        summary(&import),
        vec![
            ("moodle-activities", QuestionKind::Matching, 5),
            ("greeting", QuestionKind::Single, 14),
            ("moodle-user", QuestionKind::ShortText, 22),
            ("moodle-acronym", QuestionKind::TrueFalse, 27),
        ],
        "all four questions import"
    );
    assert!(
        import.problems.is_empty() && import.skipped.is_empty(),
        "nothing is wrong in this file: {import:?}"
    );
    let q = |id: &str| import.questions.iter().find(|q| q.id == id).unwrap();
    assert_eq!(
        q("greeting").prompt,
        en("Listen to this greeting:\n\nWhat language is being spoken?"),
        "the link goes, its text stays, <br> breaks the line and `\\:` is a colon"
    );
    assert_eq!(
        q("moodle-acronym").prompt,
        en("Moodle is an acronym for Modular Object-Oriented Dynamic Learning Environment."),
        "the styled <span> (with escaped `\\=` and `\\:` in its attribute) leaves only its text"
    );
    assert!(
        import
            .notes
            .iter()
            .any(|n| n.line == 14 && n.message.contains("media")),
        "the author learns that the greeting's audio link could not come along: {:?}",
        import.notes
    );
    let all_text = serde_json::to_string(&import.questions).unwrap();
    assert!(
        !all_text.contains('<') && !all_text.contains("&lt;"),
        "no markup is left anywhere: {all_text}"
    );
}

#[test]
fn hostile_html_never_reaches_a_prompt() {
    let gift = r#"::X::[html]<script>alert(1)</script><img src=x onerror=alert(2)>Hi <b onclick="x()">there</b><style>p \{ color\: red \}</style><a href="javascript\:alert(3)">!</a>{T}"#;
    let import = gift::parse(gift, "welcome", &["en".to_string()]);
    assert_eq!(
        import.questions[0].prompt,
        en("Hi there!"),
        "scripts, styles, handlers and links are all removed"
    );
}

const COURSE: &str = r#"id = "demo"
version = "1.0.0"
languages = ["sv", "en"]
title = { sv = "Demo", en = "Demo" }
pass_mark = 0.8

[[competency]]
id = "welcome"
title = { sv = "Välkomnande", en = "Welcoming" }
"#;

const EXISTING_QUIZ: &str = r#"# Written by hand; this comment must survive an import.
[[question]]
id = "q2"
kind = "true_false"
competency = "welcome"
prompt = { sv = "Finns vi?", en = "Do we exist?" }
answer = true
explanation = { sv = "Ja.", en = "Yes." }
"#;

fn module_folder() -> (tempfile::TempDir, PathBuf) {
    let course = tempfile::tempdir().unwrap();
    std::fs::write(course.path().join("course.toml"), COURSE).unwrap();
    let module = course.path().join("modules/01-m");
    std::fs::create_dir_all(&module).unwrap();
    std::fs::write(
        module.join("module.toml"),
        "id = \"m\"\ntitle = { sv = \"M\", en = \"M\" }\nfeedback = \"immediate\"\n",
    )
    .unwrap();
    std::fs::write(module.join("quiz.toml"), EXISTING_QUIZ).unwrap();
    (course, module)
}

#[test]
fn import_appends_to_the_module_quiz_and_keeps_what_was_there() {
    let (_course, module) = module_folder();
    let summary = gift::import_into_module(
        &fixture("moodle-questions.gift.txt"),
        &module,
        "welcome",
        &[],
    )
    .unwrap();
    assert_eq!(
        summary.imported.len(),
        8,
        "every supported question is appended"
    );
    assert_eq!(
        summary.imported[1].id, "q2-2",
        "an id the module already uses gets a suffix"
    );
    assert_eq!(summary.skipped.len(), 1, "the essay is reported as skipped");
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.line == 0 && n.message.contains("en, which needs translation")),
        "the course's languages were used and en needs translating: {:?}",
        summary.notes
    );

    let quiz = std::fs::read_to_string(module.join("quiz.toml")).unwrap();
    assert!(
        quiz.starts_with(EXISTING_QUIZ),
        "the existing quiz is kept byte for byte, comment included"
    );
    let table: toml::Table = toml::from_str(&quiz).unwrap();
    let questions = table["question"].as_array().unwrap();
    assert_eq!(questions.len(), 9, "one old and eight new questions");
    assert_eq!(
        questions[2]["prompt"]["sv"].as_str(),
        Some("What's between orange and green in the spectrum?"),
        "sv holds the GIFT text"
    );
}

#[test]
fn import_refuses_an_unknown_competency_and_writes_nothing() {
    let (_course, module) = module_folder();
    let err = gift::import_into_module(&fixture("moodle-questions.gift.txt"), &module, "nope", &[])
        .unwrap_err();
    assert!(
        err.to_string().contains("no competency \"nope\""),
        "got: {err}"
    );
    let quiz = std::fs::read_to_string(module.join("quiz.toml")).unwrap();
    assert_eq!(
        quiz, EXISTING_QUIZ,
        "a refused import leaves the quiz untouched"
    );
}

#[test]
fn imported_questions_are_valid_course_content() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("course");
    crate::copy_dir(&crate::fixture("valid"), &course);
    let before = vardskap_core::content::load_course(&course)
        .unwrap()
        .modules[0]
        .questions
        .len();
    for file in [
        "moodle-questions.gift.txt",
        "moodle-questions_in_category.gift.txt",
    ] {
        gift::import_into_module(
            &fixture(file),
            &course.join("modules/01-valkommen"),
            "welcome",
            &[],
        )
        .unwrap();
    }
    let loaded = vardskap_core::content::load_course(&course).unwrap();
    assert_eq!(
        loaded.modules[0].questions.len(),
        before + 12,
        "all twelve imported questions load and validate"
    );
    assert_eq!(
        loaded.modules[0].questions[before + 8].id,
        "moodle-activities-2",
        "a second import does not reuse ids"
    );
}

/// GIFT whose questions make a quiz.toml of about 4.8 MB in two languages:
/// more than the loader reads.
pub(crate) fn oversized_gift() -> String {
    let prompt = "ord ".repeat(20_000);
    (0..30)
        .map(|i| format!("::Q{i}:: {prompt} {{T}}\n\n"))
        .collect()
}

#[test]
fn an_import_that_would_make_quiz_toml_too_large_to_load_writes_nothing() {
    let (course, module) = module_folder();
    let file = course.path().join("big.gift");
    std::fs::write(&file, oversized_gift()).unwrap();
    let err = gift::import_into_module(&file, &module, "welcome", &[]).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("quiz.toml would be") && message.contains("larger than the 4 MiB"),
        "the refusal says which file and the limit: {message}"
    );
    assert!(
        message.contains("nothing was written"),
        "and that nothing changed: {message}"
    );
    assert_eq!(
        std::fs::read_to_string(module.join("quiz.toml")).unwrap(),
        EXISTING_QUIZ,
        "the quiz is left as it was, so the course still loads"
    );
}
