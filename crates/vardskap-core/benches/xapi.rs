//! Making xAPI statements: the work each event adds in its transaction
//! besides the insert (building and serializing the JSON). One answered
//! statement of a choice question with 4 options, and a role-play ending.

use std::collections::BTreeMap;

use criterion::{Criterion, criterion_group, criterion_main};
use vardskap_core::content::{
    AnswerOption, Choice, Course, EndingKind, FeedbackMode, Module, Node, Question, QuestionBody,
    Scenario, Text,
};
use vardskap_core::quiz::Answer;
use vardskap_core::xapi::statement::{Event, Who, statements, timestamp};

fn t(s: &str) -> Text {
    Text::from_pairs([("sv", s), ("en", s)])
}

fn course() -> Course {
    let question = Question {
        id: "greeting".into(),
        competency: "welcome".into(),
        points: 1.0,
        prompt: t("Which greeting suits a guest who arrives late in the evening?"),
        explanation: t("Because."),
        shuffle: true,
        body: QuestionBody::Single {
            options: (0..4)
                .map(|i| AnswerOption {
                    id: format!("o{i}"),
                    text: t(&format!("Option number {i} with some words")),
                    correct: i == 0,
                    feedback: None,
                })
                .collect(),
        },
    };
    let choice = |id: &str| Choice {
        id: id.into(),
        text: t("Say hello"),
        next: "end".into(),
        points: BTreeMap::from([("welcome".to_string(), 2.0)]),
        feedback: t("Good."),
        critical: false,
    };
    let scenario = Scenario {
        id: "s1".into(),
        title: t("At the desk"),
        intro: None,
        start: "start".into(),
        nodes: vec![Node {
            id: "start".into(),
            speaker: None,
            text: t("Hello?"),
            choices: vec![choice("a"), choice("b"), choice("c")],
            shuffle: true,
            ending: None,
        }],
    };
    Course {
        final_test: None,
        id: "bench".into(),
        version: "1.0.0".into(),
        languages: vec!["sv".into(), "en".into()],
        title: t("Bench course"),
        description: None,
        pass_mark: 0.8,
        competencies: vec![],
        modules: vec![Module {
            outcomes: Vec::new(),
            id: "m1".into(),
            dir: "01-m1".into(),
            title: t("Module"),
            summary: None,
            feedback: FeedbackMode::Immediate,
            pass_mark: None,
            lessons: vec![],
            questions: vec![question],
            scenarios: vec![scenario],
        }],
    }
}

fn make_statements(c: &mut Criterion) {
    let course = course();
    let module = &course.modules[0];
    let who = Who {
        account: "0b8e2f4a-7d3c-4e5f-8a9b-1c2d3e4f5a6b",
        home_page: "https://lrs.example.org",
        name: "Ada",
        class_id: "ht26-a",
        class_name: "Värdskap HT26 A",
        registration: "6f1b7c1e-3a52-4c1f-9a0e-2d5b8f0c9a11",
    };
    let answer = Answer::Single {
        option: "o1".into(),
    };
    let answered = Event::Answered {
        module,
        question: &module.questions[0],
        answer: &answer,
        score: 0.0,
        max: 1.0,
        final_test: false,
        attempt: 7,
    };
    let points = BTreeMap::from([("welcome".to_string(), 2.0)]);
    let ended = Event::ScenarioEnded {
        module,
        scenario: &module.scenarios[0],
        ending: EndingKind::Good,
        passed: true,
        points: &points,
        earned: 2.0,
        best: 2.0,
        critical_choices: vec![],
    };
    let stamp = timestamp(1_768_471_200);
    let mut group = c.benchmark_group("xapi");
    group.bench_function("make_answered_statement", |b| {
        b.iter(|| {
            statements(&course, &who, &answered, "sv", &stamp, || {
                uuid::Uuid::new_v4().to_string()
            })
        })
    });
    group.bench_function("make_role_play_ending_statements", |b| {
        b.iter(|| {
            statements(&course, &who, &ended, "sv", &stamp, || {
                uuid::Uuid::new_v4().to_string()
            })
        })
    });
    group.finish();
}

criterion_group!(benches, make_statements);
criterion_main!(benches);
