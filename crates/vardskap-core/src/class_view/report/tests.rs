//! The class report against hand computations, the app's own pass rules and
//! mastery (over a real store), and its exports against the report.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use super::*;
use crate::class_view::export::{
    CLASS_TABLE_COLUMNS, ITEM_ANALYSIS_COLUMNS, class_table_csv, class_table_json,
    class_table_lines, item_analysis_csv, item_analysis_json, item_analysis_lines,
};
use crate::class_view::records::{
    AnswerRecord, AttemptRecord, ClassRecords, LearnerKey, RunRecord,
};
use crate::content::{
    AnswerOption, BankQuestion, Course, FeedbackMode, FinalTest, QuestionBody, Text,
};
use crate::progress::{NewProfile, testing};
use crate::quiz::Answer;

fn t(s: &str) -> Text {
    Text::from_pairs([("sv", s), ("en", s)])
}

fn learner(key: &str, name: &str) -> LearnerKey {
    LearnerKey {
        key: key.into(),
        name: name.into(),
    }
}

fn answer(module: &str, question: &str, score: f64, max: f64, response: &str) -> AnswerRecord {
    AnswerRecord {
        module: module.into(),
        question: question.into(),
        score,
        max,
        response: (!response.is_empty()).then(|| response.to_string()),
    }
}

fn attempt(
    learner: &str,
    module: &str,
    n: i64,
    at: Timestamp,
    answers: Vec<AnswerRecord>,
) -> AttemptRecord {
    AttemptRecord {
        learner: learner.into(),
        module: module.into(),
        attempt: n,
        submitted_at: at,
        score: answers.iter().map(|a| a.score).sum(),
        max: answers.iter().map(|a| a.max).sum(),
        passed: false,
        grade: None,
        answers,
    }
}

/// The item-analysis course: module "m" (pass mark 0.8) with q1 single
/// (a key, b, c; welcome), q2 true/false (key true; local) and q3 multiple
/// worth 2 (a and b keys, c; welcome).
fn item_course() -> Course {
    let mut course = testing::course();
    let option = |id: &str, correct: bool| AnswerOption {
        id: id.into(),
        text: t(&format!("Option {id}")),
        correct,
        feedback: None,
    };
    let mut q3 = testing::single("q3", "welcome");
    q3.points = 2.0;
    q3.body = QuestionBody::Multiple {
        options: vec![option("a", true), option("b", true), option("c", false)],
    };
    let mut q1 = testing::single("q1", "welcome");
    q1.body = QuestionBody::Single {
        options: vec![option("a", true), option("b", false), option("c", false)],
    };
    course.modules = vec![testing::module(
        "m",
        FeedbackMode::Deferred,
        vec![q1, testing::true_false("q2", "local", true), q3],
        vec![],
    )];
    course
}

/// Six learners, one attempt each at "m": (q1, q2, q3) scores and choices.
///
/// | learner | q1 (of 1) | q2 (of 1) | q3 (of 2) | total |
/// |---|---|---|---|---|
/// | L1 | 1 `a` | 1 `true` | 2 `a[,]b` | 4 |
/// | L2 | 1 `a` | 1 `true` | 1 `a` | 3 |
/// | L3 | 1 `a` | 0 `false` | 1 `a[,]c` | 2 |
/// | L4 | 0 `b` | 1 `true` | 0 `c` | 1 |
/// | L5 | 0 `b` | 0 `false` | 2 `a[,]b` | 2 |
/// | L6 | 0 `c` | 1 `true` | 0 `c` | 1 |
fn six_learners() -> ClassRecords {
    let rows: [(&str, f64, &str, f64, &str, f64, &str); 6] = [
        ("L1", 1.0, "a", 1.0, "true", 2.0, "a[,]b"),
        ("L2", 1.0, "a", 1.0, "true", 1.0, "a"),
        ("L3", 1.0, "a", 0.0, "false", 1.0, "a[,]c"),
        ("L4", 0.0, "b", 1.0, "true", 0.0, "c"),
        ("L5", 0.0, "b", 0.0, "false", 2.0, "a[,]b"),
        ("L6", 0.0, "c", 1.0, "true", 0.0, "c"),
    ];
    let mut records = ClassRecords::default();
    for (i, (who, s1, r1, s2, r2, s3, r3)) in rows.into_iter().enumerate() {
        records.learners.push(learner(who, who));
        records.attempts.push(attempt(
            who,
            "m",
            1,
            1_000 + i64::try_from(i).unwrap(),
            vec![
                answer("m", "q1", s1, 1.0, r1),
                answer("m", "q2", s2, 1.0, r2),
                answer("m", "q3", s3, 2.0, r3),
            ],
        ));
    }
    records
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn item_analysis_equals_a_hand_computation() {
    let report = class_report(&item_course(), &six_learners(), "en");
    let item = |id: &str| report.items.iter().find(|i| i.question_id == id).unwrap();

    // q1: x = 1 1 1 0 0 0, rest = total - q1 = 3 2 1 1 2 1.
    // facility = 3/6 = 0.5. Deviations of x are ±0.5, so
    // Sxy = 0.5·(3+2+1) - 0.5·(1+2+1) = 1, Sxx = 6·0.25 = 1.5,
    // Syy = Σy² - n·ȳ² = 20 - 6·(10/6)² = 10/3;
    // r = 1 / √(1.5 · 10/3) = 1/√5 = 0.4472 → 0.45.
    let q1 = item("q1");
    assert_eq!(q1.answers, 6);
    assert!(close(q1.facility.unwrap(), 0.5));
    assert_eq!(q1.facility_percent, Some(50));
    assert_eq!(q1.discrimination, Some(0.45), "1/√5 shown to two decimals");
    assert!(q1.flags.is_empty(), "q1 discriminates well: {:?}", q1.flags);

    // q2: x = 1 1 0 1 0 1, rest = 3 2 2 0 2 0.
    // facility = 4/6 → 67 %. Σxy = 3+2+0+0 = 5, x̄ = 2/3, ȳ = 9/6 = 1.5,
    // Sxy = 5 - 6·(2/3)·1.5 = -1, Sxx = 4 - 6·(4/9) = 4/3,
    // Syy = 21 - 6·2.25 = 7.5; r = -1/√(4/3 · 7.5) = -1/√10 = -0.3162 → -0.32.
    let q2 = item("q2");
    assert!(close(q2.facility.unwrap(), 4.0 / 6.0));
    assert_eq!(q2.facility_percent, Some(67));
    assert_eq!(q2.discrimination, Some(-0.32));
    assert_eq!(q2.flags, vec![ItemFlag::NegativeDiscrimination]);

    // q3: x = score/2 = 1 .5 .5 0 1 0, rest = 2 2 1 1 0 1.
    // facility = 3/6 = 0.5. Σxy = 2 + 1 + 0.5 = 3.5 = n·x̄·ȳ = 6·0.5·(7/6):
    // Sxy = 0, so r = 0: weak, not negative.
    let q3 = item("q3");
    assert!(close(q3.facility.unwrap(), 0.5));
    assert_eq!(q3.discrimination, Some(0.0));
    assert_eq!(q3.flags, vec![ItemFlag::WeakDiscrimination]);

    // The unrounded figures, for the record.
    let course = item_course();
    let defs = item_defs(&course, "en");
    let mut sums = ItemSums::default();
    for (x, y) in [
        (1.0, 3.0),
        (1.0, 2.0),
        (1.0, 1.0),
        (0.0, 1.0),
        (0.0, 2.0),
        (0.0, 1.0),
    ] {
        sums.add(x, y);
    }
    assert!(close(sums.correlation().unwrap(), 1.0 / 5.0_f64.sqrt()));
    assert_eq!(defs.len(), 3);
}

#[test]
fn option_counts_read_the_xapi_responses() {
    let report = class_report(&item_course(), &six_learners(), "en");
    let counts = |id: &str| {
        report
            .items
            .iter()
            .find(|i| i.question_id == id)
            .unwrap()
            .options
            .iter()
            .map(|o| (o.option_id.as_str(), o.key, o.count, o.percent))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        counts("q1"),
        vec![
            ("a", true, 3, Some(50)),
            ("b", false, 2, Some(33)),
            ("c", false, 1, Some(17))
        ]
    );
    assert_eq!(
        counts("q2"),
        vec![("true", true, 4, Some(67)), ("false", false, 2, Some(33))],
        "true/false: `true`, then `false`"
    );
    assert_eq!(
        counts("q3"),
        vec![
            ("a", true, 4, Some(67)),
            ("b", true, 2, Some(33)),
            ("c", false, 3, Some(50))
        ],
        "a multiple-choice response counts every option it names"
    );
    let q1 = report.items.iter().find(|i| i.question_id == "q1").unwrap();
    assert_eq!(q1.options[1].text, "Option b", "the option's text");
    let q2 = report.items.iter().find(|i| i.question_id == "q2").unwrap();
    assert_eq!(q2.options[0].text, "True");
    let sv = class_report(&item_course(), &six_learners(), "sv");
    let q2 = sv.items.iter().find(|i| i.question_id == "q2").unwrap();
    assert_eq!(
        (q2.options[0].text.as_str(), q2.options[1].text.as_str()),
        ("Sant", "Falskt"),
        "true/false in the report's language"
    );
}

#[test]
fn the_table_mastery_and_roster_of_the_six() {
    let mut records = six_learners();
    records.learners.push(learner("lrs:x", "anna"));
    let report = class_report(&item_course(), &records, "en");
    let names: Vec<&str> = report.roster.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["anna", "L1", "L2", "L3", "L4", "L5", "L6"],
        "by name, case-insensitive"
    );
    let cell = |name: &str| {
        report
            .rows
            .iter()
            .find(|r| r.learner.name == name)
            .unwrap()
            .modules[0]
            .clone()
    };
    // Totals 4 3 2 1 2 1 of 4; pass mark 0.8.
    let best: Vec<Option<u32>> = ["L1", "L2", "L3", "L4", "L5", "L6"]
        .iter()
        .map(|n| cell(n).best_percent)
        .collect();
    assert_eq!(
        best,
        [Some(100), Some(75), Some(50), Some(25), Some(50), Some(25)]
    );
    assert!(cell("L1").passed && !cell("L2").passed);
    let anna = cell("anna");
    assert_eq!(
        (
            anna.best_share,
            anna.best_percent,
            anna.attempts,
            anna.passed
        ),
        (None, None, 0, false),
        "no attempt is None, not 0"
    );
    assert_eq!(cell("L3").last_activity, Some(1_002));
    // welcome: q1 and q3, 12 answers, shares sum 3 + 3 → 0.5; local: q2, 4 of 6.
    let m: Vec<(&str, u32, Option<u32>)> = report
        .mastery
        .iter()
        .map(|c| (c.competency_id.as_str(), c.answers, c.percent))
        .collect();
    assert_eq!(m, [("welcome", 12, Some(50)), ("local", 6, Some(67))]);
}

#[test]
fn flags_for_too_easy_too_hard_and_a_distractor_nobody_chose() {
    let mut course = item_course();
    course.modules[0].questions.truncate(1);
    let mut q4 = course.modules[0].questions[0].clone();
    q4.id = "q4".into();
    course.modules[0].questions.push(q4);
    let mut records = ClassRecords::default();
    // Ten learners: all choose the key `a` of q1 and the wrong `b` of q4.
    for i in 0..10 {
        let who = format!("L{i}");
        records.learners.push(learner(&who, &who));
        records.attempts.push(attempt(
            &who,
            "m",
            1,
            i,
            vec![
                answer("m", "q1", 1.0, 1.0, "a"),
                answer("m", "q4", 0.0, 1.0, "b"),
            ],
        ));
    }
    let report = class_report(&course, &records, "en");
    assert_eq!(
        report.items[0].flags,
        vec![ItemFlag::TooEasy, ItemFlag::UnchosenDistractor]
    );
    assert_eq!(report.items[0].discrimination, None, "no variance, no r");
    assert_eq!(
        report.items[1].flags,
        vec![ItemFlag::TooHard, ItemFlag::UnchosenDistractor],
        "nobody chose c"
    );
    assert_eq!(report.items[1].facility_percent, Some(0), "0 % is 0");

    // Under ten known choices a distractor is not judged; under five answers nothing is.
    records.attempts.truncate(9);
    let nine = class_report(&course, &records, "en");
    assert_eq!(nine.items[0].flags, vec![ItemFlag::TooEasy]);
    records.attempts.truncate(4);
    let four = class_report(&course, &records, "en");
    assert!(four.items.iter().all(|i| i.flags.is_empty()));
    // A results file keeps no choices: answers count, options do not.
    for a in &mut records.attempts {
        for ans in &mut a.answers {
            ans.response = None;
        }
    }
    let blind = class_report(&course, &records, "en");
    assert_eq!((blind.items[0].answers, blind.items[0].responses), (4, 0));
    assert!(
        blind.items[0]
            .options
            .iter()
            .all(|o| o.count == 0 && o.percent.is_none())
    );
}

#[test]
fn percent_rounds_half_up_and_zero_is_zero() {
    assert_eq!(percent(0.0), 0);
    assert_eq!(percent(0.004), 0);
    assert_eq!(percent(0.005), 1);
    assert_eq!(percent(0.125), 13);
    assert_eq!(
        percent(57.0 / 200.0),
        29,
        "28.5 % despite 0.285·100 = 28.4999…"
    );
    assert_eq!(percent(2.0 / 3.0), 67);
    assert_eq!(percent(0.994), 99);
    assert_eq!(percent(0.995), 100);
    assert_eq!(percent(1.0), 100);
    assert_eq!(percent(1.5), 100);
    assert_eq!(percent(-0.1), 0);
    assert_eq!(hundredths(0.425), 0.43);
    assert_eq!(hundredths(-0.425), -0.42);
    assert_eq!(hundredths(-0.001), 0.0);
    assert!(hundredths(-0.001).is_sign_positive(), "no -0");
}

#[test]
fn no_panic_on_empty_records_or_a_course_without_questions() {
    let empty = class_report(&testing::course(), &ClassRecords::default(), "en");
    assert!(empty.roster.is_empty() && empty.rows.is_empty());
    assert!(
        empty
            .items
            .iter()
            .all(|i| i.answers == 0 && i.facility.is_none())
    );
    assert!(empty.mastery.iter().all(|m| m.share.is_none()));
    assert_eq!(empty.role_plays[0].runs, 0);
    assert_eq!(empty.role_plays[0].pass_share, None);
    assert_eq!(
        class_table_csv(&empty).unwrap().lines().count(),
        1,
        "the header alone"
    );
    assert_eq!(class_table_json(&empty).unwrap(), "[]");

    let mut bare = testing::course();
    for m in &mut bare.modules {
        m.questions.clear();
        m.scenarios.clear();
    }
    bare.competencies.clear();
    let mut records = six_learners();
    records
        .runs
        .push(run("L1", "s1", EndingKind::Good, &[], 2.0, 5));
    let report = class_report(&bare, &records, "en");
    assert!(report.items.is_empty() && report.mastery.is_empty() && report.role_plays.is_empty());
    assert!(
        report.rows.iter().all(|r| r.course_passed),
        "lesson-only modules are passed, as in the app"
    );
    let mut nothing = bare.clone();
    nothing.modules.clear();
    let report = class_report(&nothing, &records, "en");
    assert!(
        report
            .rows
            .iter()
            .all(|r| !r.course_passed && r.modules.is_empty())
    );
    item_analysis_csv(&report).unwrap();
    assert!(learner_report(&nothing, &records, "L1", "en").is_some());
    assert!(learner_report(&nothing, &records, "nobody", "en").is_none());
}

fn run(
    who: &str,
    scenario: &str,
    ending: EndingKind,
    critical: &[&str],
    points: f64,
    at: Timestamp,
) -> RunRecord {
    RunRecord {
        learner: who.into(),
        module: "m2".into(),
        scenario: scenario.into(),
        finished_at: at,
        ending,
        passed: false,
        points: BTreeMap::from([("welcome".to_string(), points)]),
        critical: !critical.is_empty(),
        critical_choices: critical.iter().map(|c| c.to_string()).collect(),
    }
}

#[test]
fn role_play_patterns_count_endings_passes_and_critical_choices() {
    let course = testing::course();
    let records = ClassRecords {
        learners: vec![learner("A", "A"), learner("B", "B")],
        runs: vec![
            run("A", "s1", EndingKind::Poor, &["ignore"], -1.0, 1),
            run("A", "s1", EndingKind::Good, &[], 2.0, 2),
            run("B", "s1", EndingKind::Poor, &["ignore"], -1.0, 3),
            // A good ending without the points: not a pass by the engine's rule.
            run("B", "s1", EndingKind::Good, &[], 0.0, 4),
            run("B", "gone", EndingKind::Good, &[], 2.0, 5),
        ],
        ..Default::default()
    };
    let report = class_report(&course, &records, "en");
    let p = &report.role_plays[0];
    assert_eq!(
        (p.runs, p.learners, p.good, p.mixed, p.poor, p.passed),
        (4, 2, 2, 0, 2, 1),
        "a scenario the course no longer has is left out"
    );
    assert_eq!(p.pass_percent, Some(25));
    assert_eq!(
        p.critical_choices,
        vec![ChoiceCount {
            choice_id: "ignore".into(),
            text: "ignore".into(),
            count: 2
        }]
    );
    // The latest run counts for the module: A's is clean, so no block.
    let row = |k: &str| report.rows.iter().find(|r| r.learner.key == k).unwrap();
    assert!(!row("A").modules[1].critical_choice);
    assert_eq!(row("A").modules[1].runs, 2);
    let page = learner_report(&course, &records, "B", "en").unwrap();
    assert_eq!(page.runs.len(), 3);
    assert_eq!(page.runs[0].critical_choices[0].choice_id, "ignore");
    assert!(!page.runs[1].passed && page.runs[2].title == "gone");
}

#[test]
fn top_five_critical_choices_most_frequent_first() {
    let course = testing::course();
    let mut records = ClassRecords::default();
    for (choice, n) in [
        ("c1", 1),
        ("c2", 3),
        ("c3", 2),
        ("c4", 2),
        ("c5", 5),
        ("c6", 1),
    ] {
        for i in 0..n {
            records
                .runs
                .push(run("A", "s1", EndingKind::Poor, &[choice], 0.0, i));
        }
    }
    let report = class_report(&course, &records, "en");
    let top: Vec<(&str, u32)> = report.role_plays[0]
        .critical_choices
        .iter()
        .map(|c| (c.choice_id.as_str(), c.count))
        .collect();
    assert_eq!(top, [("c5", 5), ("c2", 3), ("c3", 2), ("c4", 2), ("c1", 1)]);
    assert_eq!(report.roster, vec![learner("A", "A")], "known by key only");
}

/// testing::course with a final test: two true/false bank questions of m1, both drawn.
fn course_with_final() -> Course {
    let mut course = testing::course();
    course.final_test = Some(FinalTest {
        draw: 2,
        pass_mark: 0.5,
        distinction: 0.9,
        questions: vec![
            BankQuestion {
                module: "m1".into(),
                question: testing::true_false("f1", "welcome", true),
            },
            BankQuestion {
                module: "m1".into(),
                question: testing::true_false("f2", "local", true),
            },
        ],
    });
    course
}

/// A learner's records as a class view gets them from their results file.
fn records_from_results(
    course: &Course,
    key: &str,
    file: &crate::export::ResultsFile,
) -> (Vec<AttemptRecord>, Vec<RunRecord>) {
    let time = |s: &str| crate::export::parse_iso_utc(s).unwrap();
    let bank_module = |q: &str| {
        course
            .final_test
            .iter()
            .flat_map(|t| &t.questions)
            .find(|b| b.question.id == q)
            .map(|b| b.module.clone())
            .unwrap()
    };
    let record = |module: &str, a: &crate::export::AttemptEntry, home: &dyn Fn(&str) -> String| {
        AttemptRecord {
            learner: key.into(),
            module: module.into(),
            attempt: a.id,
            submitted_at: time(&a.submitted_at),
            score: a.score,
            max: a.max,
            passed: a.passed,
            grade: None,
            answers: a
                .questions
                .iter()
                .map(|q| answer(&home(&q.id), &q.id, q.score, q.max, ""))
                .collect(),
        }
    };
    let mut attempts = Vec::new();
    for m in &file.modules {
        let home = |_: &str| m.id.clone();
        attempts.extend(m.attempts.iter().map(|a| record(&m.id, a, &home)));
    }
    for f in file.final_test.iter().flat_map(|f| &f.attempts) {
        attempts.push(record(FINAL_TEST_ID, &f.attempt, &bank_module));
    }
    let runs = file
        .scenario_runs
        .iter()
        .map(|r| RunRecord {
            learner: key.into(),
            module: r.module_id.clone(),
            scenario: r.scenario_id.clone(),
            finished_at: time(&r.finished_at),
            ending: r.ending,
            passed: r.passed,
            points: r.points.clone(),
            critical: r.critical,
            // A results file does not say which choice was critical.
            critical_choices: vec![],
        })
        .collect();
    (attempts, runs)
}

#[test]
fn pass_rules_and_mastery_agree_with_the_app_for_the_same_answers() {
    let course = course_with_final();
    let (_dir, mut store, clock) = crate::storage::testing::open_temp();
    store.install_course(&course, "en").unwrap();
    let single = |o: &str| Answer::Single { option: o.into() };
    let tf = |v: bool| Answer::TrueFalse { value: v };
    let text = |s: &str| Answer::ShortText { text: s.into() };
    let mut profiles = Vec::new();
    for name in ["Ada", "Bo", "Cy", "Di", "Ed"] {
        let p = store
            .create_profile(&NewProfile {
                name: name.into(),
                ..Default::default()
            })
            .unwrap()
            .id;
        profiles.push((name, p));
    }
    let [ada, bo, cy, _di, ed] = [0, 1, 2, 3, 4].map(|i| profiles[i].1);
    let mut quiz = |p, module: &str, answers: &[(&str, Answer)]| {
        clock.advance(60);
        let a = store.start_attempt(p, "c", module, "en").unwrap();
        for (q, ans) in answers {
            store.save_answer(a.id, q, ans, "en").unwrap();
        }
        store.submit_attempt(a.id, "en").unwrap();
    };
    // Ada: m1 full, m2 full, then a critical choice in s1: m2 blocked.
    quiz(ada, "m1", &[("q1", single("a")), ("q2", tf(true))]);
    quiz(ada, "m2", &[("q1", text("hello"))]);
    // Bo: m1 half then full, m2 full, a clean run: every module passed.
    quiz(bo, "m1", &[("q1", single("a")), ("q2", tf(false))]);
    quiz(bo, "m1", &[("q1", single("a")), ("q2", tf(true))]);
    quiz(bo, "m2", &[("q1", text("hello"))]);
    // Cy: m1 half only.
    quiz(cy, "m1", &[("q1", single("b")), ("q2", tf(true))]);
    // Ed: like Bo in one go, and a poor run before a clean one.
    quiz(ed, "m1", &[("q1", single("a")), ("q2", tf(true))]);
    quiz(ed, "m2", &[("q1", text("hello"))]);
    let mut play = |p, choice: &str| {
        clock.advance(60);
        let run = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
        store.choose_in_scenario(run.run_id, choice, "en").unwrap();
    };
    play(ada, "ignore");
    play(bo, "greet");
    play(ed, "ignore");
    play(ed, "greet");
    // Bo and Ed take the final test: Bo gets one of two (Godkänd at 0.5), Ed both.
    for (p, right) in [(bo, 1), (ed, 2), (ed, 0)] {
        clock.advance(60);
        let a = store.start_final_test(p, "c", "en").unwrap();
        for (i, q) in a.questions.iter().enumerate() {
            store
                .save_answer(a.id, &q.id, &tf(i < right), "en")
                .unwrap();
        }
        store.submit_attempt(a.id, "en").unwrap();
    }

    let mut records = ClassRecords::default();
    for (name, p) in &profiles {
        let key = format!("file:{name}");
        records.learners.push(learner(&key, name));
        let file = crate::export::results_file(&store, *p, "c").unwrap();
        let (attempts, runs) = records_from_results(&course, &key, &file);
        records.attempts.extend(attempts);
        records.runs.extend(runs);
    }
    let report = class_report(&course, &records, "en");
    for (name, p) in &profiles {
        let app = store.course_results(*p, "c", "en").unwrap();
        let row = report
            .rows
            .iter()
            .find(|r| r.learner.name == *name)
            .unwrap();
        assert_eq!(row.course_passed, app.passed, "{name}: course passed");
        for (cell, m) in row.modules.iter().zip(&app.modules) {
            assert_eq!(cell.module_id, m.module_id);
            assert_eq!(cell.passed, m.passed, "{name} {}: passed", m.module_id);
            assert_eq!(
                cell.critical_choice, m.critical_choice,
                "{name} {}",
                m.module_id
            );
            assert_eq!(
                cell.attempts, m.attempts,
                "{name} {}: attempts",
                m.module_id
            );
            assert_eq!(
                cell.best_share,
                m.best.as_ref().map(|b| b.share),
                "{name} {}: best share",
                m.module_id
            );
        }
        let f = app.final_test.as_ref().unwrap();
        assert_eq!(row.final_grade, f.grade, "{name}: final grade");
        assert_eq!(row.final_test.as_ref().unwrap().passed, f.passed);
        assert_eq!(row.final_test.as_ref().unwrap().attempts, f.attempts);
        let page = learner_report(&course, &records, &format!("file:{name}"), "en").unwrap();
        assert_eq!(
            page.mastery, app.mastery,
            "{name}: mastery as the learner sees it"
        );
        assert_eq!(page.row, *row, "the page's row is the table's");
    }
    let passed: Vec<bool> = ["Ada", "Bo", "Cy", "Di", "Ed"]
        .iter()
        .map(|n| {
            report
                .rows
                .iter()
                .find(|r| r.learner.name == *n)
                .unwrap()
                .course_passed
        })
        .collect();
    assert_eq!(
        passed,
        [false, true, false, false, true],
        "the cases differ"
    );
    let ed_row = report.rows.iter().find(|r| r.learner.name == "Ed").unwrap();
    assert_eq!(
        ed_row.final_grade,
        Some(FinalGrade::Distinction),
        "the best attempt's grade"
    );
    let ed_page = learner_report(&course, &records, "file:Ed", "en").unwrap();
    let f = ed_page.final_test.unwrap();
    let points: Vec<(u32, bool, Option<FinalGrade>)> = f
        .attempts
        .iter()
        .map(|a| (a.percent, a.passed, a.grade))
        .collect();
    assert_eq!(
        points,
        [
            (100, true, Some(FinalGrade::Distinction)),
            (0, false, Some(FinalGrade::Fail))
        ],
        "every final attempt, oldest first"
    );
    assert_eq!(f.last_percent, Some(0), "the last attempt's 0 % is 0");
    let bo_m1 = &learner_report(&course, &records, "file:Bo", "en")
        .unwrap()
        .modules[0];
    let chart: Vec<(u32, bool)> = bo_m1
        .attempts
        .iter()
        .map(|a| (a.percent, a.passed))
        .collect();
    assert_eq!(chart, [(50, false), (100, true)]);
}

/// A class whose names and figures test the exports: a formula name, a 0 %
/// attempt, a learner without attempts, and the final test.
fn export_class() -> (Course, ClassReport) {
    let course = course_with_final();
    let mut records = ClassRecords::default();
    records.learners.push(learner("file:=SUM(A1)", "=SUM(A1)"));
    records.learners.push(learner("lrs:b", "Bea"));
    records.learners.push(learner("lrs:c", "Cai"));
    records.attempts.push(attempt(
        "file:=SUM(A1)",
        "m1",
        1,
        1_767_225_600,
        vec![
            answer("m1", "q1", 0.0, 1.0, "b"),
            answer("m1", "q2", 0.0, 1.0, "false"),
        ],
    ));
    records.attempts.push(attempt(
        "lrs:b",
        "m1",
        7,
        1_767_225_700,
        vec![
            answer("m1", "q1", 1.0, 1.0, "a"),
            answer("m1", "q2", 1.0, 1.0, "true"),
        ],
    ));
    records.attempts.push(attempt(
        "lrs:b",
        FINAL_TEST_ID,
        8,
        1_767_225_800,
        vec![
            answer("m1", "f1", 1.0, 1.0, "true"),
            answer("m1", "f2", 0.0, 1.0, "false"),
        ],
    ));
    records.last_activity.insert("lrs:b".into(), 1_767_226_000);
    let report = class_report(&course, &records, "en");
    (course, report)
}

fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// A JSON value as the CSV writes it (text cells neutralised).
fn as_cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => crate::export::csv_text(s).into_owned(),
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().unwrap().to_string())
            .collect::<Vec<_>>()
            .join(";"),
        serde_json::Value::Number(n) if n.is_f64() => format!("{:.2}", n.as_f64().unwrap()),
        other => other.to_string(),
    }
}

/// The CSV's header is `columns`, every row has every column, and each row
/// equals the JSON object of the same position, key by key.
fn assert_csv_matches_json(csv: &str, json: &str, columns: &[&str]) -> Vec<Vec<String>> {
    let rows = csv_rows(csv);
    assert_eq!(rows[0], columns, "the header names every column");
    let objects: Vec<serde_json::Map<String, serde_json::Value>> =
        serde_json::from_str(json).unwrap();
    assert_eq!(rows.len() - 1, objects.len(), "one JSON object per CSV row");
    for (row, object) in rows[1..].iter().zip(&objects) {
        assert_eq!(row.len(), columns.len(), "every column in every row");
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        let mut names = columns.to_vec();
        keys.sort_unstable();
        names.sort_unstable();
        assert_eq!(keys, names, "the JSON has the CSV's fields");
        for (cell, column) in row.iter().zip(columns) {
            assert_eq!(*cell, as_cell(&object[*column]), "column {column}");
        }
    }
    rows
}

#[test]
fn the_class_table_csv_matches_the_json_and_the_report() {
    let (_, report) = export_class();
    let csv = class_table_csv(&report).unwrap();
    let json = class_table_json(&report).unwrap();
    let rows = assert_csv_matches_json(&csv, &json, &CLASS_TABLE_COLUMNS);
    assert!(csv.contains("\r\n"), "CRLF, as RFC 4180");
    // Roster order: =SUM(A1), Bea, Cai; per learner m1, m2, final.
    assert_eq!(rows.len(), 1 + 3 * 3);
    let col = |name: &str| CLASS_TABLE_COLUMNS.iter().position(|c| *c == name).unwrap();
    let first = &rows[1];
    assert_eq!(
        first[col("learner")],
        "'=SUM(A1)",
        "a formula name is neutralised"
    );
    assert_eq!(first[col("learner_key")], "file:=SUM(A1)");
    assert_eq!(first[col("best_percent")], "0", "0 % is written 0");
    assert_eq!(first[col("passed")], "false");
    assert_eq!(first[col("last_activity")], "2026-01-01T00:00:00Z");
    assert_eq!(rows[2][col("best_percent")], "", "no attempt at m2: empty");
    assert_eq!(rows[2][col("attempts")], "0", "a count of 0 is 0");
    assert_eq!(rows[3][col("module")], "final");
    assert_eq!(rows[3][col("module_title")], "Final test");
    assert_eq!(rows[3][col("final_grade")], "");
    let bea_final = &rows[6];
    assert_eq!(bea_final[col("best_percent")], "50");
    assert_eq!(bea_final[col("final_grade")], "pass");
    assert_eq!(
        bea_final[col("learner_last_activity")],
        "2026-01-01T00:06:40Z"
    );
    assert!(rows[7..].iter().all(|r| r[col("learner")] == "Cai"
        && r[col("best_percent")].is_empty()
        && r[col("last_activity")].is_empty()));

    // Line by line, the export is the report's table.
    let lines = class_table_lines(&report);
    let mut i = 0;
    for row in &report.rows {
        for cell in row.modules.iter().chain(&row.final_test) {
            let line = &lines[i];
            assert_eq!(
                (
                    &line.learner,
                    &line.module,
                    line.best_percent,
                    line.passed,
                    line.attempts
                ),
                (
                    &row.learner.name,
                    &cell.module_id,
                    cell.best_percent,
                    cell.passed,
                    cell.attempts
                )
            );
            assert_eq!(line.final_grade, row.final_grade);
            assert_eq!(line.course_passed, row.course_passed);
            i += 1;
        }
    }
    assert_eq!(i, lines.len());
}

#[test]
fn the_item_analysis_csv_matches_the_json_and_the_report() {
    let (_, report) = export_class();
    let csv = item_analysis_csv(&report).unwrap();
    let json = item_analysis_json(&report).unwrap();
    let rows = assert_csv_matches_json(&csv, &json, &ITEM_ANALYSIS_COLUMNS);
    let col = |name: &str| {
        ITEM_ANALYSIS_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap()
    };
    // m1 q1 (a, b), m1 q2 (true, false), m2 q1 (short text: one row), f1, f2 (two each).
    assert_eq!(rows.len(), 1 + 2 + 2 + 1 + 2 + 2);
    let q1_b = &rows[2];
    assert_eq!(
        (
            q1_b[col("option")].as_str(),
            q1_b[col("option_key")].as_str(),
            q1_b[col("option_count")].as_str()
        ),
        ("b", "false", "1")
    );
    assert_eq!(q1_b[col("facility_percent")], "50");
    assert_eq!(q1_b[col("discrimination")], "", "under five answers");
    let short = &rows[5];
    assert_eq!(short[col("kind")], "short_text");
    assert_eq!(short[col("answers")], "0");
    assert_eq!(
        short[col("facility_percent")],
        "",
        "no answers: empty, not 0"
    );
    assert_eq!(short[col("option")], "");
    assert_eq!(short[col("option_count")], "");
    let f2_false = &rows[9];
    assert_eq!(f2_false[col("question")], "f2");
    assert_eq!(f2_false[col("source")], "final_test");
    assert_eq!(
        f2_false[col("module")],
        "m1",
        "a bank question's home module"
    );
    assert_eq!(f2_false[col("facility_percent")], "0", "0 % is 0");
    assert_eq!(f2_false[col("option_percent")], "100");

    let lines = item_analysis_lines(&report);
    assert_eq!(lines.len(), rows.len() - 1);
    for line in &lines {
        let item = report
            .items
            .iter()
            .find(|i| i.module_id == line.module && i.question_id == line.question)
            .unwrap();
        assert_eq!(line.facility_percent, item.facility_percent);
        assert_eq!(line.discrimination, item.discrimination);
        assert_eq!(line.flags, item.flags);
    }
}

#[test]
fn exports_write_discrimination_and_flags_as_the_screen_shows_them() {
    let report = class_report(&item_course(), &six_learners(), "en");
    let csv = item_analysis_csv(&report).unwrap();
    let json = item_analysis_json(&report).unwrap();
    let rows = assert_csv_matches_json(&csv, &json, &ITEM_ANALYSIS_COLUMNS);
    let col = |name: &str| {
        ITEM_ANALYSIS_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap()
    };
    let of = |q: &str| rows.iter().find(|r| r[col("question")] == q).unwrap();
    assert_eq!(of("q1")[col("discrimination")], "0.45");
    assert_eq!(of("q2")[col("discrimination")], "-0.32");
    assert_eq!(of("q2")[col("flags")], "negative_discrimination");
    assert_eq!(of("q3")[col("discrimination")], "0.00");
    assert_eq!(of("q3")[col("flags")], "weak_discrimination");
}

#[test]
fn a_results_file_answer_to_a_removed_question_is_left_out() {
    let mut records = six_learners();
    records.attempts[0]
        .answers
        .push(answer("m", "removed", 1.0, 1.0, ""));
    records.attempts[0]
        .answers
        .push(answer("nope", "q1", 1.0, 1.0, "a"));
    let report = class_report(&item_course(), &records, "en");
    assert_eq!(report.items.len(), 3);
    assert_eq!(report.items[0].answers, 6);
}
