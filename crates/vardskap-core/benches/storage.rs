//! Storage benchmarks against the design's budget:
//! - record one answer durably (WAL, synchronous=FULL): p99 ≤ 5 ms. Criterion
//!   reports the mean; the p50/p99 of 2,000 individually timed saves is printed.
//! - the same for a learner in a class with immediate feedback, where each
//!   saved answer also writes its xAPI statement to the outbox in the same
//!   transaction (a new attempt is started, untimed, when one is answered through);
//! - a learner's results view with 1,000,000 answers from 10,000 learners in
//!   the database: ≤ 50 ms. The database is generated once (one transaction,
//!   prepared statements) and cached under `target/bench-data/`.
//!
//! The generator writes rows with raw SQL for speed: it mirrors the current
//! schema (src/storage/migrations.rs) and is regenerated when SCHEMA_VERSION changes.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

mod common;
use common::{options, percentile, target_dir};
use rusqlite::params;
use vardskap_core::content::{
    Competency, Course, FeedbackMode, Module, Question, QuestionBody, Text,
};
use vardskap_core::progress::NewProfile;
use vardskap_core::quiz::Answer;
use vardskap_core::storage::{DB_FILE, SCHEMA_VERSION, Store};

const LEARNERS: i64 = 10_000;
const MODULES: usize = 10;
const QUESTIONS: usize = 10; // per module: 10,000 × 10 × 10 = 1,000,000 answers

fn t(s: &str) -> Text {
    Text::from_pairs([("sv", s), ("en", s)])
}

fn course() -> Course {
    let competencies = ["welcome", "dialogue", "local", "recovery"];
    Course {
        final_test: None,
        id: "bench".into(),
        version: "1.0.0".into(),
        languages: vec!["sv".into(), "en".into()],
        title: t("Bench course"),
        description: None,
        pass_mark: 0.8,
        competencies: competencies
            .iter()
            .map(|c| Competency {
                id: c.to_string(),
                title: t(c),
                description: None,
            })
            .collect(),
        modules: (0..MODULES)
            .map(|m| Module {
                outcomes: Vec::new(),
                id: format!("m{m}"),
                dir: format!("{m:02}-m{m}"),
                title: t(&format!("Module {m}")),
                summary: None,
                feedback: FeedbackMode::Deferred,
                pass_mark: None,
                lessons: vec![],
                questions: (0..QUESTIONS)
                    .map(|q| Question {
                        shuffle: true,
                        id: format!("q{q}"),
                        competency: competencies[q % competencies.len()].into(),
                        points: 1.0,
                        prompt: t("How many?"),
                        explanation: t("Because."),
                        body: QuestionBody::Numeric {
                            answer: 3.0,
                            tolerance: 0.0,
                            unit: None,
                        },
                    })
                    .collect(),
                scenarios: vec![],
            })
            .collect(),
    }
}

/// The cached 1M-answer data directory, generated when missing.
fn big_store_dir() -> PathBuf {
    common::cached_store(
        &format!("results-1m-v{SCHEMA_VERSION}-b2"),
        |store| {
            store
                .install_course(&course(), "en")
                .expect("install bench course");
        },
        |tx| {
            let mut profile = tx
            .prepare(
                "INSERT INTO profiles (id, name, theme, created_at) VALUES (?1, ?2, 'system', 0)",
            )
            .expect("prepare");
            let mut attempt = tx
            .prepare(
                "INSERT INTO attempts (id, profile_id, course_id, module_id, course_version, state,
                     started_at, submitted_at, score, max_score, seed)
                 VALUES (?1, ?2, 'bench', ?3, '1.0.0', 'submitted', ?4, ?4 + 300, ?5, ?6, ?1)",
            )
            .expect("prepare");
            let mut answer = tx
            .prepare(
                "INSERT INTO answers (attempt_id, question_id, answer, lang, saved_at, score, max_score)
                 VALUES (?1, ?2, ?3, 'en', ?4, ?5, 1.0)",
            )
            .expect("prepare");
            let mut card = tx
            .prepare(
                "INSERT INTO review_cards (profile_id, course_id, module_id, question_id, state, due, updated_at)
                 VALUES (?1, 'bench', ?2, ?3, ?4, ?5, ?5)",
            )
            .expect("prepare");
            let new_card =
                serde_json::to_string(&vardskap_core::review::new_card(0)).expect("card json");
            let module_ids: Vec<String> = (0..MODULES).map(|m| format!("m{m}")).collect();
            let question_ids: Vec<String> = (0..QUESTIONS).map(|q| format!("q{q}")).collect();
            let right = r#"{"kind":"numeric","value":3.0}"#;
            let wrong = r#"{"kind":"numeric","value":4.0}"#;
            let mut attempt_id = 0_i64;
            for learner in 1..=LEARNERS {
                profile
                    .execute(params![learner, format!("Learner {learner}")])
                    .expect("profile");
                for (m, module) in module_ids.iter().enumerate() {
                    attempt_id += 1;
                    let at = 1_700_000_000 + learner * 1000 + m as i64 * 10;
                    // A learner-and-module dependent pattern of right and wrong answers.
                    let wrong_mask = (learner as usize * 7 + m * 3) % 1024;
                    let score = (0..QUESTIONS)
                        .filter(|q| wrong_mask & (1 << q) == 0)
                        .count() as f64;
                    attempt
                        .execute(params![
                            attempt_id,
                            learner,
                            module,
                            at,
                            score,
                            QUESTIONS as f64
                        ])
                        .expect("attempt");
                    for (q, question) in question_ids.iter().enumerate() {
                        let ok = wrong_mask & (1 << q) == 0;
                        answer
                            .execute(params![
                                attempt_id,
                                question,
                                if ok { right } else { wrong },
                                at + q as i64,
                                f64::from(u8::from(ok))
                            ])
                            .expect("answer");
                        if !ok {
                            card.execute(params![learner, module, question, new_card, at])
                                .expect("card");
                        }
                    }
                }
            }
        },
        "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;",
    )
}

fn record_answer(c: &mut Criterion) {
    // On the real disk under target/, not a tmpfs, so fsync costs what it costs.
    let root = target_dir().join("bench-data");
    std::fs::create_dir_all(&root).expect("bench dir");
    let dir = tempfile::tempdir_in(&root).expect("temp dir");
    let mut store = Store::open_with(dir.path(), options()).expect("open");
    store.install_course(&course(), "en").expect("install");
    let p = store
        .create_profile(&NewProfile {
            name: "Bench".into(),
            ..Default::default()
        })
        .expect("profile");
    let attempt = store
        .start_attempt(p.id, "bench", "m0", "en")
        .expect("attempt")
        .id;
    let mut value = 0.0;
    let mut save = |store: &mut Store| {
        value += 1.0;
        let q = format!("q{}", value as usize % QUESTIONS);
        store
            .save_answer(attempt, &q, &Answer::Numeric { value }, "en")
            .expect("save");
    };

    for round in 1..=3 {
        let mut times = Vec::with_capacity(2000);
        for _ in 0..2000 {
            let start = Instant::now();
            save(&mut store);
            times.push(start.elapsed());
        }
        times.sort();
        println!(
            "record one answer durably, round {round}, 2000 saves: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
            percentile(&times, 0.50).as_secs_f64() * 1e3,
            percentile(&times, 0.99).as_secs_f64() * 1e3,
            times[times.len() - 1].as_secs_f64() * 1e3,
        );
    }

    let mut group = c.benchmark_group("storage");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("record_answer_durably", |b| b.iter(|| save(&mut store)));
    group.finish();
}

fn record_answer_in_a_class(c: &mut Criterion) {
    let root = target_dir().join("bench-data");
    std::fs::create_dir_all(&root).expect("bench dir");
    let dir = tempfile::tempdir_in(&root).expect("temp dir");
    let mut store = Store::open_with(dir.path(), options()).expect("open");
    let mut class_course = course();
    class_course.id = "bench-class".into();
    class_course.modules[0].feedback = FeedbackMode::Immediate;
    store.install_course(&class_course, "en").expect("install");
    let p = store
        .create_profile(&NewProfile {
            name: "Bench".into(),
            ..Default::default()
        })
        .expect("profile")
        .id;
    let invitation = vardskap_core::xapi::ClassInvitation::parse(
        br#"{"format":"vardskap-class","version":1,"class":{"id":"b","name":"Bench class"},
            "course":{"id":"bench-class","version":"1.0.0"},
            "lrs":{"endpoint":"https://lrs.example.org/xAPI/","username":"u","password":"p"}}"#,
        "bench.vdsk-class",
    )
    .expect("invitation");
    store
        .join_class(p, &invitation, &vardskap_core::xapi::ActorName::ProfileName)
        .expect("join");
    let mut attempt = store
        .start_attempt(p, "bench-class", "m0", "en")
        .expect("attempt")
        .id;
    let mut next = 0usize;
    // Times one save (and its statement); an answered-through attempt is
    // submitted and a new one started outside the timing.
    let mut save = |store: &mut Store| -> Duration {
        if next == QUESTIONS {
            store.submit_attempt(attempt, "en").expect("submit");
            attempt = store
                .start_attempt(p, "bench-class", "m0", "en")
                .expect("attempt")
                .id;
            next = 0;
        }
        let q = format!("q{next}");
        next += 1;
        let start = Instant::now();
        store
            .save_answer(attempt, &q, &Answer::Numeric { value: 3.0 }, "en")
            .expect("save");
        start.elapsed()
    };
    for round in 1..=3 {
        let mut times: Vec<Duration> = (0..2000).map(|_| save(&mut store)).collect();
        times.sort();
        println!(
            "record one answer and its statement durably, round {round}, 2000 saves: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
            percentile(&times, 0.50).as_secs_f64() * 1e3,
            percentile(&times, 0.99).as_secs_f64() * 1e3,
            times[times.len() - 1].as_secs_f64() * 1e3,
        );
    }
    let mut group = c.benchmark_group("storage");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("record_answer_in_a_class", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| save(&mut store)).sum())
    });
    group.finish();
}

fn results_view(c: &mut Criterion) {
    let dir = big_store_dir();
    let start = Instant::now();
    let store = Store::open_with(&dir, options()).expect("open big store");
    println!(
        "open with quick_check, 1M answers ({} MB): {:.1} ms",
        std::fs::metadata(dir.join(DB_FILE))
            .map(|m| m.len() / 1_000_000)
            .unwrap_or(0),
        start.elapsed().as_secs_f64() * 1e3
    );
    let mut learner = 0_i64;
    let mut next = || {
        learner = learner * 7919 % LEARNERS + 1;
        vardskap_core::progress::ProfileId(learner)
    };
    // A cold first call parses the course model; time it once on its own.
    let start = Instant::now();
    let first = store
        .course_results(next(), "bench", "en")
        .expect("results");
    println!(
        "results view, first call (parses the course): {:.3} ms, {} modules",
        start.elapsed().as_secs_f64() * 1e3,
        first.modules.len()
    );
    let mut times = Vec::with_capacity(1000);
    for _ in 0..1000 {
        let start = Instant::now();
        let r = store
            .course_results(next(), "bench", "en")
            .expect("results");
        times.push(start.elapsed());
        assert_eq!(r.modules.len(), MODULES, "every module is summarised");
    }
    times.sort();
    println!(
        "results view, 1M answers / 10k learners, 1000 learners: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        percentile(&times, 0.50).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
    );

    let mut group = c.benchmark_group("storage");
    group
        .sample_size(50)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("results_view_1m_answers", |b| {
        b.iter(|| {
            store
                .course_results(next(), "bench", "en")
                .expect("results")
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    record_answer,
    record_answer_in_a_class,
    results_view
);
criterion_main!(benches);
