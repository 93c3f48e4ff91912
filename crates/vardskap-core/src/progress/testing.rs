//! A small course built in code for progress tests: two modules (immediate
//! and deferred feedback), two competencies, a scenario with a critical choice;
//! and a temporary store with it installed and one learner.

use std::collections::BTreeMap;

use crate::content::*;

fn t(s: &str) -> Text {
    Text::from_pairs([("sv", s), ("en", s)])
}

fn option(id: &str, correct: bool) -> AnswerOption {
    AnswerOption {
        id: id.into(),
        text: t(id),
        correct,
        feedback: None,
    }
}

fn question(id: &str, competency: &str, points: f64, body: QuestionBody) -> Question {
    Question {
        shuffle: true,
        id: id.into(),
        competency: competency.into(),
        points,
        prompt: t(id),
        explanation: t("why"),
        body,
    }
}

pub fn single(id: &str, competency: &str) -> Question {
    question(
        id,
        competency,
        1.0,
        QuestionBody::Single {
            options: vec![option("a", true), option("b", false)],
        },
    )
}

pub fn true_false(id: &str, competency: &str, answer: bool) -> Question {
    question(
        id,
        competency,
        1.0,
        QuestionBody::TrueFalse {
            answer,
            feedback_true: None,
            feedback_false: None,
        },
    )
}

pub fn short_text(id: &str, competency: &str) -> Question {
    let accept = BTreeMap::from([
        ("sv".to_string(), vec!["hej".to_string()]),
        ("en".to_string(), vec!["hello".to_string()]),
    ]);
    question(
        id,
        competency,
        2.0,
        QuestionBody::ShortText {
            accept,
            case_sensitive: false,
            ignore_diacritics: false,
        },
    )
}

/// A matching question whose pair `x` has left side "L x" and right side "R x".
pub fn matching(id: &str, competency: &str, pair_ids: &[&str]) -> Question {
    question(
        id,
        competency,
        1.0,
        QuestionBody::Matching {
            pairs: pair_ids
                .iter()
                .map(|p| Pair {
                    id: p.to_string(),
                    left: t(&format!("L {p}")),
                    right: t(&format!("R {p}")),
                })
                .collect(),
        },
    )
}

fn choice(id: &str, next: &str, points: &[(&str, f64)], critical: bool) -> Choice {
    Choice {
        id: id.into(),
        text: t(id),
        next: next.into(),
        points: points.iter().map(|(c, p)| (c.to_string(), *p)).collect(),
        feedback: t("feedback"),
        critical,
    }
}

fn end(id: &str, kind: EndingKind) -> Node {
    Node {
        shuffle: true,
        id: id.into(),
        speaker: None,
        text: t(id),
        choices: vec![],
        ending: Some(Ending {
            kind,
            debrief: t("debrief"),
        }),
    }
}

pub fn scenario(id: &str) -> Scenario {
    Scenario {
        id: id.into(),
        title: t(id),
        intro: None,
        start: "start".into(),
        nodes: vec![
            Node {
                shuffle: true,
                id: "start".into(),
                speaker: Some(t("Visitor")),
                text: t("Hello?"),
                choices: vec![
                    choice("greet", "good", &[("welcome", 2.0)], false),
                    choice("ignore", "poor", &[("welcome", -1.0)], true),
                ],
                ending: None,
            },
            end("good", EndingKind::Good),
            end("poor", EndingKind::Poor),
        ],
    }
}

pub fn module(
    id: &str,
    feedback: FeedbackMode,
    questions: Vec<Question>,
    scenarios: Vec<Scenario>,
) -> Module {
    Module {
        outcomes: Vec::new(),
        id: id.into(),
        dir: format!("01-{id}"),
        title: t(id),
        summary: None,
        feedback,
        pass_mark: None,
        lessons: vec![],
        questions,
        scenarios,
    }
}

/// Course "c" 1.0.0: module "m1" (immediate: q1 single/welcome, q2 true_false/local)
/// and module "m2" (deferred: q1 short_text/welcome, scenario "s1"). Pass mark 0.8.
pub fn course() -> Course {
    Course {
        final_test: None,
        id: "c".into(),
        version: "1.0.0".into(),
        languages: vec!["sv".into(), "en".into()],
        title: t("Course"),
        description: None,
        pass_mark: 0.8,
        competencies: ["welcome", "local"]
            .iter()
            .map(|c| Competency {
                id: c.to_string(),
                title: t(c),
                description: None,
            })
            .collect(),
        modules: vec![
            module(
                "m1",
                FeedbackMode::Immediate,
                vec![single("q1", "welcome"), true_false("q2", "local", true)],
                vec![],
            ),
            module(
                "m2",
                FeedbackMode::Deferred,
                vec![short_text("q1", "welcome")],
                vec![scenario("s1")],
            ),
        ],
    }
}

/// A temporary store with [`course`] installed (in English) and one learner
/// called `name`; the directory lives as long as the returned guard.
pub fn store_with_learner(
    name: &str,
) -> (
    tempfile::TempDir,
    crate::storage::Store,
    crate::storage::testing::TestClock,
    super::ProfileId,
) {
    let (dir, mut store, clock) = crate::storage::testing::open_temp();
    store
        .install_course(&course(), "en")
        .expect("install the test course");
    let profile = store
        .create_profile(&super::NewProfile {
            name: name.into(),
            ..Default::default()
        })
        .expect("create the test learner");
    (dir, store, clock, profile.id)
}
