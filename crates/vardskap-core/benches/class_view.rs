//! The class report against its budget (the class table within 100 ms): 500
//! learners who took the whole built-in course — 2 to 4 graded attempts at
//! each of its 8 modules (every question answered, with the xAPI response),
//! 1 to 3 final-test attempts, 1 or 2 runs of each role-play — about 250,000
//! statements' worth of records, made in memory with a fixed seed. Times
//! `class_report` (the table, mastery, item analysis and role-play patterns
//! together), one learner's page, the two CSV exports and the printable
//! class report (PDF).

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use vardskap_core::class_view::export::{class_table_csv, item_analysis_csv};
use vardskap_core::class_view::pdf::class_report_pdf;
use vardskap_core::class_view::records::{
    AnswerRecord, AttemptRecord, ClassRecords, LearnerKey, RunRecord,
};
use vardskap_core::class_view::report::{class_report, learner_report};
use vardskap_core::content::{Course, EndingKind, Question, QuestionBody, load_course};
use vardskap_core::final_test::{FINAL_TEST_ID, draw};

const LEARNERS: usize = 500;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// An answer to `q` by a learner of `ability` (0..1): its score and response.
fn answer(rng: &mut fastrand::Rng, module: &str, q: &Question, ability: f64) -> AnswerRecord {
    let right = rng.f64() < ability;
    let (score, response) = match &q.body {
        QuestionBody::Single { options } => {
            let pick = if right {
                options.iter().find(|o| o.correct)
            } else {
                let wrong: Vec<_> = options.iter().filter(|o| !o.correct).collect();
                (!wrong.is_empty()).then(|| wrong[rng.usize(..wrong.len())])
            };
            (
                if right { q.points } else { 0.0 },
                pick.map(|o| o.id.clone()),
            )
        }
        QuestionBody::Multiple { options } => {
            let chosen: Vec<&str> = options
                .iter()
                .filter(|o| if right { o.correct } else { rng.bool() })
                .map(|o| o.id.as_str())
                .collect();
            let score = if right {
                q.points
            } else {
                (q.points * rng.f64()).floor()
            };
            (score, Some(chosen.join("[,]")))
        }
        QuestionBody::TrueFalse { answer, .. } => (
            if right { q.points } else { 0.0 },
            Some((*answer == right).to_string()),
        ),
        _ => (
            if right { q.points } else { 0.0 },
            Some("typed answer".to_string()),
        ),
    };
    AnswerRecord {
        module: module.to_string(),
        question: q.id.clone(),
        score,
        max: q.points,
        response,
    }
}

fn attempt_of(
    learner: &str,
    module: &str,
    n: i64,
    at: i64,
    answers: Vec<AnswerRecord>,
) -> AttemptRecord {
    let score = answers.iter().map(|a| a.score).sum();
    let max = answers.iter().map(|a| a.max).sum();
    AttemptRecord {
        learner: learner.to_string(),
        module: module.to_string(),
        attempt: n,
        submitted_at: at,
        score,
        max,
        passed: max > 0.0 && score / max >= 0.8,
        grade: None,
        answers,
    }
}

/// The class, and how many statements its learners' apps would have sent.
fn class(course: &Course) -> (ClassRecords, usize) {
    let mut rng = fastrand::Rng::with_seed(16);
    let mut records = ClassRecords::default();
    let mut statements = 0;
    let t0 = 1_767_225_600_i64;
    for l in 0..LEARNERS {
        let key = format!("lrs:{l:08x}-0000-4000-8000-000000000000");
        records.learners.push(LearnerKey {
            key: key.clone(),
            name: format!("Learner {l}"),
        });
        let ability = 0.4 + 0.55 * rng.f64();
        let mut n = 0_i64;
        let mut at = t0 + i64::try_from(l).unwrap() * 10;
        for module in &course.modules {
            // Lessons opened: one `experienced` each.
            statements += module.lessons.len();
            for _ in 0..rng.usize(2..=4) {
                n += 1;
                at += 3_600;
                let answers: Vec<AnswerRecord> = module
                    .questions
                    .iter()
                    .map(|q| answer(&mut rng, &module.id, q, ability))
                    .collect();
                // answered per question, then passed/failed and completed.
                statements += answers.len() + 2;
                records
                    .attempts
                    .push(attempt_of(&key, &module.id, n, at, answers));
            }
            for scenario in &module.scenarios {
                let critical: Vec<&str> = scenario
                    .nodes
                    .iter()
                    .flat_map(|node| &node.choices)
                    .filter(|c| c.critical)
                    .map(|c| c.id.as_str())
                    .collect();
                for _ in 0..rng.usize(1..=2) {
                    at += 600;
                    let ending = match rng.u8(0..10) {
                        0..=5 => EndingKind::Good,
                        6..=7 => EndingKind::Mixed,
                        _ => EndingKind::Poor,
                    };
                    let made: Vec<String> = if ending == EndingKind::Poor && !critical.is_empty() {
                        vec![critical[rng.usize(..critical.len())].to_string()]
                    } else {
                        vec![]
                    };
                    // responded per decision (about four), completed, passed/failed.
                    statements += 4 + 2;
                    records.runs.push(RunRecord {
                        learner: key.clone(),
                        module: module.id.clone(),
                        scenario: scenario.id.clone(),
                        finished_at: at,
                        ending,
                        passed: ending != EndingKind::Poor,
                        points: BTreeMap::from([("serving".to_string(), 2.0 * rng.f64())]),
                        critical: !made.is_empty(),
                        critical_choices: made,
                    });
                }
            }
        }
        if let Some(test) = &course.final_test {
            for _ in 0..rng.usize(1..=3) {
                n += 1;
                at += 3_600;
                let answers: Vec<AnswerRecord> = draw(test, rng.u64(..))
                    .into_iter()
                    .map(|i| {
                        let b = &test.questions[i];
                        answer(&mut rng, &b.module, &b.question, ability)
                    })
                    .collect();
                statements += answers.len() + 2;
                records
                    .attempts
                    .push(attempt_of(&key, FINAL_TEST_ID, n, at, answers));
            }
            // The certificate, for about half.
            statements += usize::from(rng.bool());
        }
        records.last_activity.insert(key, at);
    }
    (records, statements)
}

fn class_view(c: &mut Criterion) {
    let course = load_course(&repo().join("content")).expect("the built-in course loads");
    let (records, statements) = class(&course);
    let answers: usize = records.attempts.iter().map(|a| a.answers.len()).sum();
    println!(
        "class: {LEARNERS} learners, {} attempts, {answers} answers, {} runs; about {statements} statements",
        records.attempts.len(),
        records.runs.len()
    );
    let start = Instant::now();
    let report = class_report(&course, &records, "sv");
    println!(
        "class report, one call: {:.1} ms; {} rows, {} items",
        start.elapsed().as_secs_f64() * 1e3,
        report.rows.len(),
        report.items.len()
    );
    assert_eq!(report.rows.len(), LEARNERS);

    let mut group = c.benchmark_group("class_view");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(8))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("class_report_500_learners", |b| {
        b.iter(|| class_report(black_box(&course), black_box(&records), "sv"));
    });
    let key = records.learners[LEARNERS / 2].key.clone();
    group.bench_function("learner_report", |b| {
        b.iter(|| learner_report(black_box(&course), black_box(&records), &key, "sv"));
    });
    group.bench_function("class_table_csv", |b| {
        b.iter(|| class_table_csv(black_box(&report)).unwrap());
    });
    group.bench_function("item_analysis_csv", |b| {
        b.iter(|| item_analysis_csv(black_box(&report)).unwrap());
    });
    group.finish();

    let start = Instant::now();
    let pdf = class_report_pdf(&report, "HT26 grupp A", 1_767_225_600, "sv").unwrap();
    println!(
        "class report PDF, one call: {:.0} ms; {} KiB",
        start.elapsed().as_secs_f64() * 1e3,
        pdf.len() / 1024
    );
    let mut group = c.benchmark_group("class_view_pdf");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("class_report_pdf_500_learners", |b| {
        b.iter(|| {
            class_report_pdf(black_box(&report), "HT26 grupp A", 1_767_225_600, "sv").unwrap()
        });
    });
    group.finish();
}

criterion_group!(benches, class_view);
criterion_main!(benches);
