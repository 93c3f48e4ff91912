//! The results history view against its budget (≤ 50 ms): one learner with
//! 10,000 graded attempts at the built-in course's 8 modules (one answer per
//! question, about 130,000 answers) and 1,000 finished scenario runs, among
//! 200 lighter learners. The database is generated once and cached under
//! `target/bench-data/`; the generator writes rows with raw SQL that mirrors
//! the current schema (src/storage/migrations.rs), regenerated per SCHEMA_VERSION.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

mod common;
use common::{options, percentile};
use rusqlite::{Connection, params};
use vardskap_core::content::{Course, QuestionBody, load_course};
use vardskap_core::progress::{NewProfile, ProfileId};
use vardskap_core::quiz::Answer;
use vardskap_core::scenario::Run;
use vardskap_core::storage::{DB_FILE, SCHEMA_VERSION, Store};

const HEAVY_ATTEMPTS: usize = 10_000;
const HEAVY_RUNS: usize = 1_000;
const LIGHT_LEARNERS: i64 = 200;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A right answer to every kind of question, so the stored rows look real.
fn right_answer(body: &QuestionBody) -> Answer {
    match body {
        QuestionBody::Single { options } => Answer::Single {
            option: options
                .iter()
                .find(|o| o.correct)
                .map(|o| o.id.clone())
                .unwrap_or_default(),
        },
        QuestionBody::Multiple { options } => Answer::Multiple {
            options: options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.id.clone())
                .collect(),
        },
        QuestionBody::TrueFalse { answer, .. } => Answer::TrueFalse { value: *answer },
        QuestionBody::ShortText { accept, .. } => Answer::ShortText {
            text: accept
                .values()
                .flatten()
                .next()
                .cloned()
                .unwrap_or_default(),
        },
        QuestionBody::Numeric { answer, .. } => Answer::Numeric { value: *answer },
        QuestionBody::Ordering { items } => Answer::Ordering {
            items: items.iter().map(|i| i.id.clone()).collect(),
        },
        QuestionBody::Matching { pairs } => Answer::Matching {
            pairs: pairs.iter().map(|p| (p.id.clone(), p.id.clone())).collect(),
        },
    }
}

/// (path, points, ending, critical) of a run that always takes the `pick`-th choice.
fn played(course: &Course, m: usize, pick: usize) -> Vec<(String, String, String, bool, String)> {
    course.modules[m]
        .scenarios
        .iter()
        .map(|s| {
            let mut run = Run::start(s).expect("start");
            let ending = loop {
                let node = s.node(&run.current).expect("node");
                if let Some(e) = &node.ending {
                    break e.kind;
                }
                let choice = &node.choices[pick % node.choices.len()];
                run.choose(s, &choice.id, "sv").expect("choose");
            };
            let path: Vec<&str> = run.path.iter().map(|p| p.choice.as_str()).collect();
            (
                s.id.clone(),
                serde_json::to_string(&path).expect("json"),
                serde_json::to_string(&run.points).expect("json"),
                run.critical,
                serde_json::to_value(ending)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .expect("ending"),
            )
        })
        .collect()
}

/// The cached data directory; its learner 1 is the heavy one.
fn big_store_dir(course: &Course) -> PathBuf {
    common::cached_store(
        &format!("history-10k-v{SCHEMA_VERSION}-a2"),
        |store| {
            store.install_course(course, "sv").expect("install");
            store
                .create_profile(&NewProfile {
                    name: "Åsa Öberg".into(),
                    ..Default::default()
                })
                .expect("heavy learner");
        },
        |tx| {
            let mut profile = tx
            .prepare(
                "INSERT INTO profiles (id, name, theme, created_at) VALUES (?1, ?2, 'system', 0)",
            )
            .expect("prepare");
            let mut attempt = tx
                .prepare(
                    "INSERT INTO attempts (profile_id, course_id, module_id, course_version, state,
                     started_at, submitted_at, score, max_score, seed)
                 VALUES (?1, ?2, ?3, ?4, 'submitted', ?5, ?5 + 600, ?6, ?7, ?5)",
                )
                .expect("prepare");
            let mut answer = tx
            .prepare(
                "INSERT INTO answers (attempt_id, question_id, answer, lang, saved_at, score, max_score)
                 VALUES (?1, ?2, ?3, 'sv', ?4, ?5, ?6)",
            )
            .expect("prepare");
            let mut run = tx
            .prepare(
                "INSERT INTO scenario_runs (profile_id, course_id, module_id, scenario_id, path, points,
                     ending, critical, started_at, finished_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9 + 300)",
            )
            .expect("prepare");
            let answers: Vec<Vec<(String, String, f64)>> = course
                .modules
                .iter()
                .map(|m| {
                    m.questions
                        .iter()
                        .map(|q| {
                            let json = serde_json::to_string(&right_answer(&q.body)).expect("json");
                            (q.id.clone(), json, q.points)
                        })
                        .collect()
                })
                .collect();
            let mut write_attempt = |learner: i64, n: usize, at: i64| {
                let m = n % course.modules.len();
                let questions = &answers[m];
                // A learner-and-attempt dependent pattern of right and wrong answers.
                let wrong = (n * 7 + learner as usize * 3) % 5;
                let (mut score, mut max) = (0.0, 0.0);
                for (q, (_, _, points)) in questions.iter().enumerate() {
                    max += points;
                    if q % 5 != wrong {
                        score += points;
                    }
                }
                attempt
                    .execute(params![
                        learner,
                        course.id,
                        course.modules[m].id,
                        course.version,
                        at,
                        score,
                        max
                    ])
                    .expect("attempt");
                let id = tx.last_insert_rowid();
                for (q, (question, json, points)) in questions.iter().enumerate() {
                    let got = if q % 5 != wrong { *points } else { 0.0 };
                    answer
                        .execute(params![id, question, json, at + q as i64, got, points])
                        .expect("answer");
                }
            };
            let t0: i64 = 1_700_000_000;
            for n in 0..HEAVY_ATTEMPTS {
                write_attempt(1, n, t0 + n as i64 * 3_600);
            }
            for learner in 2..=LIGHT_LEARNERS + 1 {
                profile
                    .execute(params![learner, format!("Learner {learner}")])
                    .expect("profile");
                for n in 0..course.modules.len() {
                    write_attempt(learner, n, t0 + learner * 100_000 + n as i64 * 3_600);
                }
            }
            let runs: Vec<Vec<_>> = (0..course.modules.len())
                .flat_map(|m| (0..2).map(move |pick| (m, pick)))
                .map(|(m, pick)| played(course, m, pick))
                .collect();
            for n in 0..HEAVY_RUNS {
                let m = n % course.modules.len();
                for (scenario, path, points, critical, ending) in
                    &runs[(n * 2 + n / 8) % runs.len()]
                {
                    run.execute(params![
                        1,
                        course.id,
                        course.modules[m].id,
                        scenario,
                        path,
                        points,
                        ending,
                        critical,
                        t0 + n as i64 * 7_200
                    ])
                    .expect("run");
                }
            }
        },
        "PRAGMA wal_checkpoint(TRUNCATE);",
    )
}

/// How SQLite runs the history's queries (so a missing index shows up here).
fn print_plans(dir: &Path) {
    let conn = Connection::open(dir.join(DB_FILE)).expect("open");
    let queries = [
        "SELECT id FROM attempts WHERE profile_id = 1 AND course_id = 'x' ORDER BY id",
        "SELECT module_id, question_id, score, max_score, answers
         FROM question_totals WHERE profile_id = 1 AND course_id = 'x'",
        "SELECT id FROM scenario_runs WHERE profile_id = 1 AND course_id = 'x' ORDER BY id",
    ];
    for q in queries {
        let mut stmt = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {q}"))
            .expect("plan");
        let plan: Vec<String> = stmt
            .query_map([], |r| r.get::<_, String>(3))
            .expect("plan")
            .map(|r| r.expect("row"))
            .collect();
        println!(
            "plan: {}\n  -> {}",
            q.split_whitespace().collect::<Vec<_>>().join(" "),
            plan.join(" | ")
        );
    }
}

fn results_history(c: &mut Criterion) {
    let course = load_course(&repo().join("content")).expect("the built-in course loads");
    let dir = big_store_dir(&course);
    print_plans(&dir);
    let store = Store::open_with(&dir, options()).expect("open big store");
    let start = Instant::now();
    let first = store
        .results_history(ProfileId(1), &course.id, "sv")
        .expect("history");
    let attempts: usize = first.modules.iter().map(|m| m.attempts.len()).sum();
    println!(
        "results history, first call (parses the course): {:.3} ms; {attempts} attempts, {} runs",
        start.elapsed().as_secs_f64() * 1e3,
        first.scenario_runs.len()
    );
    assert_eq!(attempts, HEAVY_ATTEMPTS, "every graded attempt is a point");

    let mut times = Vec::with_capacity(100);
    for _ in 0..100 {
        let start = Instant::now();
        let h = store
            .results_history(ProfileId(1), &course.id, "sv")
            .expect("history");
        times.push(start.elapsed());
        assert_eq!(h.modules.len(), course.modules.len(), "every module");
    }
    times.sort();
    println!(
        "results history, 10,000 attempts / {} answers, 100 calls: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        first
            .mastery
            .iter()
            .map(|m| u64::from(m.answers))
            .sum::<u64>(),
        percentile(&times, 0.50).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
    );

    let mut group = c.benchmark_group("results");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("results_history_10k_attempts", |b| {
        b.iter(|| {
            store
                .results_history(ProfileId(1), &course.id, "sv")
                .expect("history")
        })
    });
    group.bench_function("results_history_light_learner", |b| {
        b.iter(|| {
            store
                .results_history(ProfileId(2), &course.id, "sv")
                .expect("history")
        })
    });
    group.finish();
}

criterion_group!(benches, results_history);
criterion_main!(benches);
