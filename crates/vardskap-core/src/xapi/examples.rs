//! One example statement of every kind the app sends, written to
//! docs/xapi-examples.json: the profile's examples (docs/xapi.md), and what
//! the UI tests check with a third-party xAPI validator. With fixed ids and
//! a fixed time the file is reproducible; the test fails when it is stale.
//! Rewrite with `VARDSKAP_WRITE_XAPI_EXAMPLES=1 cargo test -p vardskap-core xapi_examples`.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::statement::{Event, Who, statements, timestamp};
use crate::content::{AnswerOption, EndingKind, Item, Pair, Question, QuestionBody, Text};
use crate::progress::testing::course;
use crate::quiz::Answer;

fn t(en: &str, sv: &str) -> Text {
    Text::from_pairs([("en", en), ("sv", sv)])
}

fn question(id: &str, body: QuestionBody) -> Question {
    Question {
        id: id.into(),
        competency: "welcome".into(),
        points: 1.0,
        prompt: t(
            "Which greeting suits a guest arriving late?",
            "Vilken hälsning passar en gäst som kommer sent?",
        ),
        explanation: t("Why.", "Därför."),
        shuffle: true,
        body,
    }
}

fn option(id: &str, en: &str, correct: bool) -> AnswerOption {
    AnswerOption {
        id: id.into(),
        text: t(en, en),
        correct,
        feedback: None,
    }
}

fn examples() -> Vec<(String, Value)> {
    let course = course();
    let (m1, m2) = (&course.modules[0], &course.modules[1]);
    let scenario = &m2.scenarios[0];
    let node = scenario.node("start").unwrap();
    let who = Who {
        account: "0b8e2f4a-7d3c-4e5f-8a9b-1c2d3e4f5a6b",
        home_page: "https://lrs.example.org",
        name: "Ada",
        class_id: "ht26-a",
        class_name: "Värdskap HT26 A",
        registration: "6f1b7c1e-3a52-4c1f-9a0e-2d5b8f0c9a11",
    };
    let lesson = crate::content::Lesson {
        id: "welcome".into(),
        title: t("A warm welcome", "Ett varmt välkomnande"),
        html: Text::default(),
        markdown: Text::default(),
        minutes: Some(5),
    };
    let single = question(
        "greeting",
        QuestionBody::Single {
            options: vec![
                option("smile", "Smile and welcome them", true),
                option("clock", "Point at the clock", false),
            ],
        },
    );
    let multiple = question(
        "signs",
        QuestionBody::Multiple {
            options: vec![
                option("eyes", "Eye contact", true),
                option("name", "Their name", true),
                option("phone", "Your phone", false),
            ],
        },
    );
    let true_false = question(
        "queue",
        QuestionBody::TrueFalse {
            answer: true,
            feedback_true: None,
            feedback_false: None,
        },
    );
    let short_text = question(
        "town",
        QuestionBody::ShortText {
            accept: BTreeMap::from([
                ("en".to_string(), vec!["Borås".to_string()]),
                ("sv".to_string(), vec!["Borås".to_string()]),
            ]),
            case_sensitive: false,
            ignore_diacritics: true,
        },
    );
    let numeric = question(
        "minutes",
        QuestionBody::Numeric {
            answer: 5.0,
            tolerance: 1.0,
            unit: None,
        },
    );
    let ordering = question(
        "steps",
        QuestionBody::Ordering {
            items: vec![
                Item {
                    id: "greet".into(),
                    text: t("Greet", "Hälsa"),
                },
                Item {
                    id: "listen".into(),
                    text: t("Listen", "Lyssna"),
                },
                Item {
                    id: "help".into(),
                    text: t("Help", "Hjälpa"),
                },
            ],
        },
    );
    let matching = question(
        "places",
        QuestionBody::Matching {
            pairs: vec![
                Pair {
                    id: "museum".into(),
                    left: t("Textile museum", "Textilmuseet"),
                    right: t("Textiles", "Textil"),
                },
                Pair {
                    id: "zoo".into(),
                    left: t("Borås Zoo", "Borås djurpark"),
                    right: t("Animals", "Djur"),
                },
            ],
        },
    );
    let answered = |q: &'static str, question: &Question, answer: Answer, score: f64| {
        (q, question.clone(), answer, score)
    };
    let answers = vec![
        answered(
            "answered-choice",
            &single,
            Answer::Single {
                option: "smile".into(),
            },
            1.0,
        ),
        answered(
            "answered-choice-multiple",
            &multiple,
            Answer::Multiple {
                options: vec!["eyes".into(), "phone".into()],
            },
            0.0,
        ),
        answered(
            "answered-true-false",
            &true_false,
            Answer::TrueFalse { value: true },
            1.0,
        ),
        answered(
            "answered-fill-in",
            &short_text,
            Answer::ShortText {
                text: "Boras".into(),
            },
            1.0,
        ),
        answered(
            "answered-numeric",
            &numeric,
            Answer::Numeric { value: 4.5 },
            1.0,
        ),
        answered(
            "answered-sequencing",
            &ordering,
            Answer::Ordering {
                items: vec!["greet".into(), "listen".into(), "help".into()],
            },
            1.0,
        ),
        answered(
            "answered-matching",
            &matching,
            Answer::Matching {
                pairs: BTreeMap::from([
                    ("museum".to_string(), "museum".to_string()),
                    ("zoo".to_string(), "zoo".to_string()),
                ]),
            },
            1.0,
        ),
    ];
    let points = BTreeMap::from([("welcome".to_string(), -1.0), ("local".to_string(), 0.0)]);
    let mut events: Vec<(Vec<&str>, Event<'_>)> = vec![(
        vec!["experienced-lesson"],
        Event::LessonRead {
            module: m1,
            lesson: &lesson,
        },
    )];
    for (name, question, answer, score) in &answers {
        events.push((
            vec![name],
            Event::Answered {
                module: m1,
                question,
                answer,
                score: *score,
                max: 1.0,
                final_test: false,
                attempt: 3,
            },
        ));
    }
    events.push((
        vec!["answered-final-test"],
        Event::Answered {
            module: m1,
            question: &single,
            answer: &answers[0].2,
            score: 1.0,
            max: 1.0,
            final_test: true,
            attempt: 4,
        },
    ));
    events.push((
        vec!["passed-quiz", "completed-quiz"],
        Event::QuizFinished {
            attempt: 3,
            module: m1,
            score: 2.0,
            max: 2.0,
            pass_mark: 0.8,
            passed: true,
        },
    ));
    events.push((
        vec!["failed-quiz", "completed-quiz-failed"],
        Event::QuizFinished {
            attempt: 3,
            module: m2,
            score: 0.0,
            max: 1.0,
            pass_mark: 0.8,
            passed: false,
        },
    ));
    events.push((
        vec!["passed-final-test", "completed-final-test"],
        Event::FinalTestFinished {
            attempt: 4,
            score: 9.0,
            max: 10.0,
            pass_mark: 0.6,
            passed: true,
            grade: "distinction",
        },
    ));
    events.push((
        vec!["responded-role-play-step"],
        Event::ScenarioStep {
            module: m2,
            scenario,
            node,
            choice: &node.choices[1],
        },
    ));
    events.push((
        vec!["completed-role-play", "failed-role-play"],
        Event::ScenarioEnded {
            module: m2,
            scenario,
            ending: EndingKind::Poor,
            passed: false,
            points: &points,
            earned: -1.0,
            best: 2.0,
            critical_choices: vec!["ignore".into()],
        },
    ));
    events.push((vec!["earned-certificate"], Event::CertificateEarned));

    let mut n = 0u32;
    let mut out = Vec::new();
    for (names, event) in &events {
        let made = statements(
            &course,
            &who,
            event,
            "en",
            &timestamp(1_768_471_200),
            || {
                n += 1;
                format!("00000000-0000-4000-8000-{n:012}")
            },
        );
        assert_eq!(made.len(), names.len(), "{names:?}");
        for (name, s) in names.iter().zip(made) {
            out.push((name.to_string(), serde_json::from_str(&s.body).unwrap()));
        }
    }
    out
}

#[test]
fn xapi_examples_are_up_to_date() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/xapi-examples.json");
    let list: Vec<Value> = examples()
        .into_iter()
        .map(|(name, statement)| json!({ "name": name, "statement": statement }))
        .collect();
    let text = serde_json::to_string_pretty(&list).unwrap() + "\n";
    if std::env::var_os("VARDSKAP_WRITE_XAPI_EXAMPLES").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "docs/xapi-examples.json is stale: run VARDSKAP_WRITE_XAPI_EXAMPLES=1 cargo test -p vardskap-core xapi_examples"
    );
}
