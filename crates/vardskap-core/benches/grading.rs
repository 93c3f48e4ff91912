//! Grading throughput over a mix of every question kind, right and wrong answers.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vardskap_core::content::{AnswerOption, Item, Pair, Question, QuestionBody, Text};
use vardskap_core::quiz::{Answer, grade};

fn text(s: &str) -> Text {
    Text::from_pairs([("sv", s), ("en", s)])
}

fn question(id: &str, body: QuestionBody) -> Question {
    Question {
        shuffle: true,
        id: id.to_string(),
        competency: "welcome".to_string(),
        points: 2.0,
        prompt: text("Fråga"),
        explanation: text("Förklaring"),
        body,
    }
}

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("id{i}")).collect()
}

/// Question/answer pairs of every kind, each with a right and a wrong answer.
fn mix() -> Vec<(Question, Answer)> {
    let options = |correct: &[usize]| -> Vec<AnswerOption> {
        ids(5)
            .into_iter()
            .enumerate()
            .map(|(i, id)| AnswerOption {
                text: text(&id),
                id,
                correct: correct.contains(&i),
                feedback: None,
            })
            .collect()
    };
    let single = question(
        "single",
        QuestionBody::Single {
            options: options(&[2]),
        },
    );
    let multiple = question(
        "multiple",
        QuestionBody::Multiple {
            options: options(&[0, 2, 3]),
        },
    );
    let true_false = question(
        "tf",
        QuestionBody::TrueFalse {
            answer: true,
            feedback_true: None,
            feedback_false: None,
        },
    );
    let short = question(
        "short",
        QuestionBody::ShortText {
            accept: BTreeMap::from([(
                "sv".to_string(),
                vec!["Välkommen till Borås".to_string(), "välkomna".to_string()],
            )]),
            case_sensitive: false,
            ignore_diacritics: false,
        },
    );
    let numeric = question(
        "numeric",
        QuestionBody::Numeric {
            answer: 2010.0,
            tolerance: 1.0,
            unit: None,
        },
    );
    let ordering = question(
        "ordering",
        QuestionBody::Ordering {
            items: ids(6)
                .into_iter()
                .map(|id| Item {
                    text: text(&id),
                    id,
                })
                .collect(),
        },
    );
    let matching = question(
        "matching",
        QuestionBody::Matching {
            pairs: ids(5)
                .into_iter()
                .map(|id| Pair {
                    left: text(&id),
                    right: text(&id),
                    id,
                })
                .collect(),
        },
    );
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        (
            single.clone(),
            Answer::Single {
                option: "id2".into(),
            },
        ),
        (
            single,
            Answer::Single {
                option: "id1".into(),
            },
        ),
        (
            multiple.clone(),
            Answer::Multiple {
                options: strings(&["id0", "id2", "id3"]),
            },
        ),
        (
            multiple,
            Answer::Multiple {
                options: strings(&["id0", "id1"]),
            },
        ),
        (true_false.clone(), Answer::TrueFalse { value: true }),
        (true_false, Answer::TrueFalse { value: false }),
        (
            short.clone(),
            Answer::ShortText {
                text: "  välkommen   till BORÅS ".into(),
            },
        ),
        (short, Answer::ShortText { text: "hej".into() }),
        (numeric.clone(), Answer::Numeric { value: 2011.0 }),
        (numeric, Answer::Numeric { value: 1999.0 }),
        (ordering.clone(), Answer::Ordering { items: ids(6) }),
        (
            ordering,
            Answer::Ordering {
                items: strings(&["id1", "id0", "id2", "id3", "id5", "id4"]),
            },
        ),
        (
            matching.clone(),
            Answer::Matching {
                pairs: ids(5).into_iter().map(|id| (id.clone(), id)).collect(),
            },
        ),
        (
            matching,
            Answer::Matching {
                pairs: BTreeMap::from([("id0".into(), "id1".into()), ("id1".into(), "id0".into())]),
            },
        ),
    ]
}

fn grading(c: &mut Criterion) {
    let mix = mix();
    let mut group = c.benchmark_group("grading");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Elements(mix.len() as u64));
    group.bench_function("mix_of_all_kinds", |b| {
        b.iter(|| {
            for (q, a) in &mix {
                black_box(grade(black_box(q), black_box(a), "sv").ok());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, grading);
criterion_main!(benches);
