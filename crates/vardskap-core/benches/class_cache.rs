//! The instructor's side of a big class: 500 learners' 250,000 statements
//! (made by the app's own statement builder: every learner answers every
//! question of the built-in course's modules in attempts of a module's
//! questions, each attempt closed by its result) stored in the class cache
//! as a first pull brings them, then a refresh as a pull from Ralph brings
//! it: the whole history again (every statement a duplicate) plus 1,000
//! new; then the records and the class report from the cache. Each step is
//! timed once (it changes the store), over 3 fresh stores; the figures are
//! printed.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::time::Instant;

use vardskap_core::class_view::NewClass;
use vardskap_core::class_view::report::class_report;
use vardskap_core::content::{Course, QuestionBody, load_course};
use vardskap_core::quiz::Answer;
use vardskap_core::storage::{Store, StoreOptions};
use vardskap_core::xapi::statement::{Event, Who, class_iri, statements, timestamp};

const LEARNERS: usize = 500;
const STATEMENTS: usize = 250_000;

fn course() -> Course {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    load_course(&dir).unwrap()
}

/// `n` statements of `LEARNERS` learners in class `class_id`, from the builder.
fn make(course: &Course, class_id: &str, n: usize, offset: usize) -> Vec<String> {
    let accounts: Vec<String> = (0..LEARNERS)
        .map(|i| format!("00000000-0000-4000-8000-{i:012}"))
        .collect();
    let names: Vec<String> = (0..LEARNERS).map(|i| format!("Learner {i}")).collect();
    let mut out = Vec::with_capacity(n);
    let mut id = offset;
    let mut attempt = 0i64;
    'all: loop {
        for module in &course.modules {
            for (l, account) in accounts.iter().enumerate() {
                attempt += 1;
                let who = Who {
                    account,
                    home_page: "https://lrs.example.org",
                    name: &names[l],
                    class_id,
                    class_name: "Big class",
                    registration: account,
                };
                let mut events = Vec::new();
                let answers: Vec<Answer> = module
                    .questions
                    .iter()
                    .map(|q| match &q.body {
                        QuestionBody::Single { options } => Answer::Single {
                            option: options[(l + attempt as usize) % options.len()].id.clone(),
                        },
                        QuestionBody::TrueFalse { .. } => Answer::TrueFalse { value: l % 2 == 0 },
                        _ => Answer::ShortText { text: "x".into() },
                    })
                    .collect();
                for (q, answer) in module.questions.iter().zip(&answers) {
                    events.push(Event::Answered {
                        module,
                        question: q,
                        answer,
                        score: (l % 2) as f64,
                        max: 1.0,
                        final_test: false,
                        attempt,
                    });
                }
                events.push(Event::QuizFinished {
                    module,
                    attempt,
                    score: 1.0,
                    max: 2.0,
                    pass_mark: 0.8,
                    passed: false,
                });
                for event in &events {
                    let stamp = timestamp(1_768_471_200 + id as i64);
                    for s in statements(course, &who, event, "sv", &stamp, || {
                        id += 1;
                        format!("00000000-0000-4000-9000-{id:012}")
                    }) {
                        out.push(s.body);
                        if out.len() == n {
                            break 'all;
                        }
                    }
                }
            }
        }
    }
    out
}

fn main() {
    let course = course();
    let started = Instant::now();
    let history = make(&course, "big", STATEMENTS, 0);
    let fresh = make(&course, "big", 1_000, 10_000_000);
    println!(
        "made {} + {} statements with the builder in {:.1} s ({} bytes on average)",
        history.len(),
        fresh.len(),
        started.elapsed().as_secs_f64(),
        history.iter().map(String::len).sum::<usize>() / history.len()
    );
    let _ = class_iri("big");
    let mut refresh_all = history.clone();
    refresh_all.extend(fresh.iter().cloned());
    for round in 1..=3 {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_with(
            dir.path(),
            StoreOptions {
                backup_every: None,
                ..Default::default()
            },
        )
        .unwrap();
        store.install_course(&course, "sv").unwrap();
        let class = store
            .create_class(&NewClass {
                name: "Big class".into(),
                course_id: course.id.clone(),
                endpoint: "https://lrs.example.org/xAPI/".into(),
                read_username: "r".into(),
                read_password: "r".into(),
                write_username: "w".into(),
                write_password: "w".into(),
                home_page: None,
            })
            .unwrap();
        // The class id the store made is what the statements' grouping names;
        // the cache keys statements by id and learner, not by that.
        let t = Instant::now();
        let first = store
            .store_pulled_statements(class.id, &history, None)
            .unwrap();
        let first_secs = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let records = store.class_records(class.id, &course).unwrap();
        let report = class_report(&course, &records, "sv");
        let aggregate_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let again = store
            .store_pulled_statements(class.id, &refresh_all, None)
            .unwrap();
        let refresh_secs = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let records = store.class_records(class.id, &course).unwrap();
        let report2 = class_report(&course, &records, "sv");
        let aggregate2_ms = t.elapsed().as_secs_f64() * 1e3;
        assert_eq!(first.new as usize, STATEMENTS);
        assert_eq!((again.new, again.duplicates as usize), (1_000, STATEMENTS));
        assert_eq!(report.rows.len(), LEARNERS);
        assert_eq!(report2.rows.len(), LEARNERS);
        println!(
            "round {round}: first pull stored {:.2} s ({:.0} statements/s); records + report {:.0} ms; \
             refresh (250,000 duplicates + 1,000 new) stored {:.2} s; records + report {:.0} ms",
            first_secs,
            STATEMENTS as f64 / first_secs,
            aggregate_ms,
            refresh_secs,
            aggregate2_ms
        );
    }
}
