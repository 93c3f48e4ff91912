//! The class view's store: classes, pulls, results files, removal and the
//! records, over real temp-file stores; statements made by the app's own
//! builder (`xapi::statement`), results files by the app's own export.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::records::{AnswerRecord, AttemptRecord, ClassRecords, LearnerKey, RunRecord};
use super::*;
use crate::content::{BankQuestion, Course, EndingKind, FinalTest, Lesson, Text};
use crate::error::ErrorKind;
use crate::i18n::MessageArg;
use crate::progress::testing::{single, true_false};
use crate::progress::{NewProfile, ProfileId};
use crate::quiz::Answer;
use crate::storage::Store;
use crate::storage::testing::{TestClock, open_temp};
use crate::xapi::ClassInvitation;
use crate::xapi::statement::{Event, Who, class_iri, statements, timestamp};
use crate::{Error, export};

/// The progress tests' course "c" with a final test: bank question f1
/// (single, from m1) and f2 (true/false, from m2), both drawn; pass mark
/// 0.5, distinction 0.9.
fn course() -> Course {
    let mut course = crate::progress::testing::course();
    course.final_test = Some(FinalTest {
        draw: 2,
        pass_mark: 0.5,
        distinction: 0.9,
        questions: vec![
            BankQuestion {
                module: "m1".into(),
                question: single("f1", "welcome"),
            },
            BankQuestion {
                module: "m2".into(),
                question: true_false("f2", "local", true),
            },
        ],
    });
    course
}

/// A store with [`course`] installed.
fn store() -> (tempfile::TempDir, Store, TestClock) {
    let (dir, mut store, clock) = open_temp();
    store.install_course(&course(), "en").unwrap();
    (dir, store, clock)
}

fn new_class(name: &str) -> NewClass {
    NewClass {
        name: name.into(),
        course_id: "c".into(),
        endpoint: "https://lrs.example.org/xAPI".into(),
        read_username: "teacher".into(),
        read_password: "read-s3cret".into(),
        write_username: "ht26-a".into(),
        write_password: "write-s3cret".into(),
        home_page: None,
    }
}

fn class(store: &mut Store) -> InstructorClass {
    store
        .create_class(&new_class("Värdskap HT26, grupp A"))
        .unwrap()
}

fn kind<T: std::fmt::Debug>(r: crate::Result<T>) -> ErrorKind {
    r.expect_err("must be refused").kind()
}

// Classes.

#[test]
fn a_class_gets_a_unique_slug_and_is_listed_without_passwords() {
    let (_dir, mut store, _clock) = store();
    let a = class(&mut store);
    let b = class(&mut store);
    assert_eq!(a.class_id, "vardskap-ht26-grupp-a", "a slug of the name");
    assert_eq!(b.class_id, "vardskap-ht26-grupp-a-2", "made unique");
    assert_eq!(a.endpoint, "https://lrs.example.org/xAPI/", "ends with '/'");
    assert_eq!(
        (a.course_id.as_str(), a.course_version.as_str()),
        ("c", "1.0.0")
    );
    assert_eq!(
        (a.learners, a.last_pulled_at, a.created_at),
        (0, None, 1_700_000_000)
    );
    assert_eq!(store.instructor_classes().unwrap(), vec![a.clone(), b]);
    assert_eq!(store.instructor_class(a.id).unwrap(), a);
    let json = serde_json::to_string(&store.instructor_classes().unwrap()).unwrap();
    assert!(
        !json.contains("s3cret") && !json.to_lowercase().contains("password"),
        "no password reaches the screens: {json}"
    );
    assert!(!format!("{:?}", new_class("x")).contains("s3cret"));
    let punctuation = store.create_class(&new_class("!!!")).unwrap();
    assert_eq!(punctuation.class_id, "class", "a name without letters");
}

#[test]
fn a_class_is_refused_by_what_is_wrong_with_it() {
    let (_dir, mut store, _clock) = store();
    let with = |f: &dyn Fn(&mut NewClass)| {
        let mut new = new_class("A");
        f(&mut new);
        new
    };
    let cases: Vec<(NewClass, ErrorKind)> = vec![
        (with(&|n| n.name = "  ".into()), ErrorKind::ClassNameInvalid),
        (
            with(&|n| n.name = "x".repeat(201)),
            ErrorKind::ClassNameInvalid,
        ),
        (
            with(&|n| n.name = "a\nb".into()),
            ErrorKind::ClassNameInvalid,
        ),
        (
            with(&|n| n.course_id = "nope".into()),
            ErrorKind::ClassCourseUnknown,
        ),
        (
            with(&|n| n.endpoint = "ftp://lrs/".into()),
            ErrorKind::ClassAddressInvalid,
        ),
        (
            with(&|n| n.endpoint = "https://u:p@lrs.example.org/".into()),
            ErrorKind::ClassAddressInvalid,
        ),
        (
            with(&|n| n.endpoint = "https://lrs.example.org/?x=1".into()),
            ErrorKind::ClassAddressInvalid,
        ),
        (
            with(&|n| n.endpoint = "lrs".into()),
            ErrorKind::ClassAddressInvalid,
        ),
        (
            with(&|n| n.endpoint = "http://lrs.example.org/xAPI/".into()),
            ErrorKind::ClassEndpointInsecure,
        ),
        (
            with(&|n| n.home_page = Some("mailto:a@b".into())),
            ErrorKind::ClassAddressInvalid,
        ),
        (
            with(&|n| n.read_username = "a:b".into()),
            ErrorKind::ClassCredentialInvalid,
        ),
        (
            with(&|n| n.read_password = String::new()),
            ErrorKind::ClassCredentialInvalid,
        ),
        (
            with(&|n| n.write_username = String::new()),
            ErrorKind::ClassCredentialInvalid,
        ),
        (
            with(&|n| n.write_password = "a\u{7}".into()),
            ErrorKind::ClassCredentialInvalid,
        ),
    ];
    for (new, want) in cases {
        assert_eq!(kind(store.create_class(&new)), want, "{new:?}");
    }
    match store.create_class(&with(&|n| n.write_username = "a:b".into())) {
        Err(Error::ClassCredentialInvalid { credential, field }) => {
            assert_eq!((credential, field), ("write", "username"), "says which");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        store.instructor_classes().unwrap().is_empty(),
        "nothing made"
    );
    for loopback in [
        "http://127.0.0.1:8100/xAPI",
        "http://localhost/",
        "http://[::1]/",
    ] {
        let made = store.create_class(&with(&|n| n.endpoint = loopback.into()));
        assert!(made.is_ok(), "plain http on this computer: {loopback}");
    }
}

#[test]
fn the_invitation_parses_back_with_the_write_credential() {
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    let json = store.class_invitation_json(made.id).unwrap();
    let inv = ClassInvitation::parse(json.as_bytes(), "class.vdsk-class").unwrap();
    assert_eq!(inv.class.id, made.class_id);
    assert_eq!(inv.class.name, "Värdskap HT26, grupp A");
    assert_eq!(
        (inv.course.id.as_str(), inv.course.version.as_str()),
        ("c", "1.0.0")
    );
    assert_eq!(inv.lrs.endpoint, "https://lrs.example.org/xAPI/");
    assert_eq!(
        (inv.lrs.username.as_str(), inv.lrs.password.as_str()),
        ("ht26-a", "write-s3cret"),
        "the learners' credential"
    );
    assert!(!json.contains("read-s3cret"), "never the instructor's");
    assert_eq!(inv.home_page, None);
    assert_eq!(inv.home_page(), "https://lrs.example.org");

    let mut with_home = new_class("B");
    with_home.home_page = Some("https://school.example.org".into());
    with_home.endpoint = "http://127.0.0.1:8100/xAPI/".into();
    let b = store.create_class(&with_home).unwrap();
    let inv =
        ClassInvitation::parse(store.class_invitation_json(b.id).unwrap().as_bytes(), "b").unwrap();
    assert_eq!(inv.home_page.as_deref(), Some("https://school.example.org"));
    assert_eq!(kind(store.class_invitation_json(999)), ErrorKind::NotFound);
}

#[test]
fn the_pull_target_is_the_class_activity_with_the_read_credential() {
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    let target = store.class_pull_target(made.id).unwrap();
    assert_eq!(target.endpoint, "https://lrs.example.org/xAPI/");
    assert_eq!(
        (target.username.as_str(), target.password.as_str()),
        ("teacher", "read-s3cret")
    );
    assert_eq!(target.activity, class_iri("vardskap-ht26-grupp-a"));
    assert_eq!(
        target.activity,
        "https://id.vardskap.app/xapi/classes/vardskap-ht26-grupp-a"
    );
    assert_eq!(target.since, None, "the first pull takes everything");
    assert!(!format!("{target:?}").contains("s3cret"));
    store
        .store_pulled_statements(made.id, &[], Some("2026-01-15T10:00:00.123Z"))
        .unwrap();
    let target = store.class_pull_target(made.id).unwrap();
    assert_eq!(target.since.as_deref(), Some("2026-01-15T10:00:00.123Z"));
    // A pull without a safe since makes the next one full (see
    // the_next_since_is_kept_as_the_last_pull_gave_it).
    store.store_pulled_statements(made.id, &[], None).unwrap();
    assert_eq!(store.class_pull_target(made.id).unwrap().since, None);
    assert_eq!(kind(store.class_pull_target(999)), ErrorKind::NotFound);
}

#[test]
fn a_failed_pull_is_told_and_the_cache_stays() {
    let (_dir, mut store, clock) = store();
    let made = class(&mut store);
    let bodies = three_learners().bodies;
    store
        .store_pulled_statements(made.id, &bodies, None)
        .unwrap();
    let before = store.class_records(made.id, &course()).unwrap();
    clock.advance(60);
    store
        .record_pull_failure(made.id, &"connection refused ".repeat(100))
        .unwrap();
    let now = store.instructor_class(made.id).unwrap();
    assert_eq!(now.last_pulled_at, Some(1_700_000_000), "the last success");
    let error = now.last_pull_error.unwrap();
    assert!(error.starts_with("connection refused") && error.chars().count() == 500);
    assert_eq!(store.class_records(made.id, &course()).unwrap(), before);
    store.store_pulled_statements(made.id, &[], None).unwrap();
    let now = store.instructor_class(made.id).unwrap();
    assert_eq!(
        (now.last_pulled_at, now.last_pull_error),
        (Some(1_700_000_060), None)
    );
    assert_eq!(
        kind(store.record_pull_failure(999, "x")),
        ErrorKind::NotFound
    );
    assert_eq!(
        kind(store.store_pulled_statements(999, &[], None)),
        ErrorKind::NotFound
    );
}

#[test]
fn deleting_a_class_deletes_its_cache() {
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    let other = store.create_class(&new_class("Other")).unwrap();
    store
        .store_pulled_statements(made.id, &three_learners().bodies, None)
        .unwrap();
    store
        .store_pulled_statements(other.id, &three_learners().bodies, None)
        .unwrap();
    store.remove_class_learner(made.id, "file:Åsa").unwrap();
    store.delete_instructor_class(made.id).unwrap();
    assert_eq!(kind(store.instructor_class(made.id)), ErrorKind::NotFound);
    assert_eq!(
        kind(store.delete_instructor_class(made.id)),
        ErrorKind::NotFound
    );
    let rows = |table: &str| -> i64 {
        store
            .conn
            .query_row(
                &format!("SELECT COUNT(*) FROM {table} WHERE class_id = ?1"),
                [made.id],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(rows("class_statements"), 0);
    assert_eq!(rows("class_removed_learners"), 0);
    bodies_match(&store);
    assert_eq!(
        store.instructor_class(other.id).unwrap().learners,
        3,
        "another class keeps its own"
    );
}

// Pulled statements, made by the app's own builder.

const T0: i64 = 1_768_471_200;
const ADA: &str = "11111111-1111-4111-8111-111111111111";
const BO: &str = "22222222-2222-4222-8222-222222222222";
const CY: &str = "33333333-3333-4333-8333-333333333333";

struct Made {
    bodies: Vec<String>,
}

/// Three learners' statements, oldest first, as their apps made them:
///
/// - Ada: m1 attempt 11 (q1 right, q2 wrong: 1 of 2, failed), m1 attempt 12
///   (2 of 2, passed), role-play s1 (greet: good, passed), final-test
///   attempt 13 (f1 and f2 right: 2 of 2, distinction, under the name
///   "Ada L."), the certificate;
/// - Bo: m2 attempt 21 ("hej": 2 of 2, passed), role-play s1 (ignore: poor,
///   critical), an answer of m1 attempt 22 not submitted yet, and a
///   statement of another course;
/// - Cy: a lesson read, nothing else.
fn three_learners() -> Made {
    let course = course();
    let (m1, m2) = (&course.modules[0], &course.modules[1]);
    let test = course.final_test.as_ref().unwrap();
    let scenario = &m2.scenarios[0];
    let start = scenario.node("start").unwrap();
    let lesson = Lesson {
        id: "welcome".into(),
        title: Text::from_pairs([("en", "Welcome")]),
        html: Text::default(),
        markdown: Text::default(),
        minutes: None,
    };
    let mut other_course = crate::progress::testing::course();
    other_course.id = "other".into();
    let who = |account: &'static str, name: &'static str| Who {
        account,
        home_page: "https://lrs.example.org",
        name,
        class_id: "vardskap-ht26-grupp-a",
        class_name: "Värdskap HT26, grupp A",
        registration: "6f1b7c1e-3a52-4c1f-9a0e-2d5b8f0c9a11",
    };
    let a = |option: &str| Answer::Single {
        option: option.into(),
    };
    let tf = |value: bool| Answer::TrueFalse { value };
    let hej = Answer::ShortText { text: "hej".into() };
    let (right, wrong, yes, no) = (a("a"), a("b"), tf(true), tf(false));
    let welcome2 = BTreeMap::from([("welcome".to_string(), 2.0)]);
    let welcome_minus = BTreeMap::from([("welcome".to_string(), -1.0)]);
    let answered = |module, question, answer, score, final_test, attempt| Event::Answered {
        module,
        question,
        answer,
        score,
        max: 1.0,
        final_test,
        attempt,
    };
    let (q1, q2) = (&m1.questions[0], &m1.questions[1]);
    let (f1, f2) = (&test.questions[0].question, &test.questions[1].question);
    let events: Vec<(Who<'_>, i64, Event<'_>, &Course)> = vec![
        (
            who(CY, "Cy"),
            T0 + 5,
            Event::LessonRead {
                module: m1,
                lesson: &lesson,
            },
            &course,
        ),
        (
            who(ADA, "Ada"),
            T0 + 10,
            answered(m1, q1, &right, 1.0, false, 11),
            &course,
        ),
        (
            who(ADA, "Ada"),
            T0 + 20,
            answered(m1, q2, &no, 0.0, false, 11),
            &course,
        ),
        (
            who(ADA, "Ada"),
            T0 + 30,
            Event::QuizFinished {
                module: m1,
                attempt: 11,
                score: 1.0,
                max: 2.0,
                pass_mark: 0.8,
                passed: false,
            },
            &course,
        ),
        (
            who(BO, "Bo"),
            T0 + 50,
            Event::Answered {
                module: m2,
                question: &m2.questions[0],
                answer: &hej,
                score: 2.0,
                max: 2.0,
                final_test: false,
                attempt: 21,
            },
            &course,
        ),
        (
            who(BO, "Bo"),
            T0 + 50,
            Event::QuizFinished {
                module: m2,
                attempt: 21,
                score: 2.0,
                max: 2.0,
                pass_mark: 0.8,
                passed: true,
            },
            &course,
        ),
        (
            who(BO, "Bo"),
            T0 + 55,
            Event::ScenarioStep {
                module: m2,
                scenario,
                node: start,
                choice: &start.choices[1],
            },
            &course,
        ),
        (
            who(BO, "Bo"),
            T0 + 60,
            Event::ScenarioEnded {
                module: m2,
                scenario,
                ending: EndingKind::Poor,
                passed: false,
                points: &welcome_minus,
                earned: -1.0,
                best: 2.0,
                critical_choices: vec!["ignore".into()],
            },
            &course,
        ),
        (
            who(BO, "Bo"),
            T0 + 70,
            answered(m1, q1, &wrong, 0.0, false, 22),
            &course,
        ),
        (
            who(BO, "Bo"),
            T0 + 80,
            Event::QuizFinished {
                module: &other_course.modules[0],
                attempt: 23,
                score: 2.0,
                max: 2.0,
                pass_mark: 0.8,
                passed: true,
            },
            &other_course,
        ),
        (
            who(ADA, "Ada"),
            T0 + 90,
            answered(m1, q1, &right, 1.0, false, 12),
            &course,
        ),
        (
            who(ADA, "Ada"),
            T0 + 95,
            answered(m1, q2, &yes, 1.0, false, 12),
            &course,
        ),
        (
            who(ADA, "Ada"),
            T0 + 100,
            Event::QuizFinished {
                module: m1,
                attempt: 12,
                score: 2.0,
                max: 2.0,
                pass_mark: 0.8,
                passed: true,
            },
            &course,
        ),
        (
            who(ADA, "Ada"),
            T0 + 190,
            Event::ScenarioStep {
                module: m2,
                scenario,
                node: start,
                choice: &start.choices[0],
            },
            &course,
        ),
        (
            who(ADA, "Ada"),
            T0 + 200,
            Event::ScenarioEnded {
                module: m2,
                scenario,
                ending: EndingKind::Good,
                passed: true,
                points: &welcome2,
                earned: 2.0,
                best: 2.0,
                critical_choices: vec![],
            },
            &course,
        ),
        // The final test's answers are told at submission, with its result.
        (
            who(ADA, "Ada L."),
            T0 + 300,
            answered(m2, f2, &yes, 1.0, true, 13),
            &course,
        ),
        (
            who(ADA, "Ada L."),
            T0 + 300,
            answered(m1, f1, &right, 1.0, true, 13),
            &course,
        ),
        (
            who(ADA, "Ada L."),
            T0 + 300,
            Event::FinalTestFinished {
                attempt: 13,
                score: 2.0,
                max: 2.0,
                pass_mark: 0.5,
                passed: true,
                grade: "distinction",
            },
            &course,
        ),
        (
            who(ADA, "Ada L."),
            T0 + 301,
            Event::CertificateEarned,
            &course,
        ),
    ];
    let mut n = 0u32;
    let mut bodies = Vec::new();
    for (who, at, event, course) in &events {
        for s in statements(course, who, event, "en", &timestamp(*at), || {
            n += 1;
            format!("00000000-0000-4000-8000-{n:012}")
        }) {
            bodies.push(s.body);
        }
    }
    Made { bodies }
}

fn answer(module: &str, question: &str, score: f64, max: f64, response: &str) -> AnswerRecord {
    AnswerRecord {
        module: module.into(),
        question: question.into(),
        score,
        max,
        response: Some(response.into()),
    }
}

#[allow(clippy::too_many_arguments)]
fn attempt(
    learner: &str,
    module: &str,
    id: i64,
    at: i64,
    (score, max): (f64, f64),
    passed: bool,
    grade: Option<&str>,
    answers: Vec<AnswerRecord>,
) -> AttemptRecord {
    AttemptRecord {
        learner: learner.into(),
        module: module.into(),
        attempt: id,
        submitted_at: at,
        score,
        max,
        passed,
        grade: grade.map(String::from),
        answers,
    }
}

/// What the class view must know of [`three_learners`].
fn expected() -> ClassRecords {
    let (ada, bo, cy) = (
        format!("lrs:{ADA}"),
        format!("lrs:{BO}"),
        format!("lrs:{CY}"),
    );
    ClassRecords {
        learners: vec![
            LearnerKey {
                key: ada.clone(),
                name: "Ada L.".into(),
            },
            LearnerKey {
                key: bo.clone(),
                name: "Bo".into(),
            },
            LearnerKey {
                key: cy.clone(),
                name: "Cy".into(),
            },
        ],
        attempts: vec![
            attempt(
                &ada,
                "m1",
                11,
                T0 + 30,
                (1.0, 2.0),
                false,
                None,
                vec![
                    answer("m1", "q1", 1.0, 1.0, "a"),
                    answer("m1", "q2", 0.0, 1.0, "false"),
                ],
            ),
            attempt(
                &ada,
                "m1",
                12,
                T0 + 100,
                (2.0, 2.0),
                true,
                None,
                vec![
                    answer("m1", "q1", 1.0, 1.0, "a"),
                    answer("m1", "q2", 1.0, 1.0, "true"),
                ],
            ),
            attempt(
                &ada,
                "final",
                13,
                T0 + 300,
                (2.0, 2.0),
                true,
                Some("distinction"),
                // In the bank's order, whatever order they were told in.
                vec![
                    answer("m1", "f1", 1.0, 1.0, "a"),
                    answer("m2", "f2", 1.0, 1.0, "true"),
                ],
            ),
            attempt(
                &bo,
                "m2",
                21,
                T0 + 50,
                (2.0, 2.0),
                true,
                None,
                vec![answer("m2", "q1", 2.0, 2.0, "hej")],
            ),
        ],
        runs: vec![
            RunRecord {
                learner: ada.clone(),
                module: "m2".into(),
                scenario: "s1".into(),
                finished_at: T0 + 200,
                ending: EndingKind::Good,
                passed: true,
                points: BTreeMap::from([("welcome".to_string(), 2.0)]),
                critical: false,
                critical_choices: vec![],
            },
            RunRecord {
                learner: bo.clone(),
                module: "m2".into(),
                scenario: "s1".into(),
                finished_at: T0 + 60,
                ending: EndingKind::Poor,
                passed: false,
                points: BTreeMap::from([("welcome".to_string(), -1.0)]),
                critical: true,
                critical_choices: vec!["ignore".into()],
            },
        ],
        last_activity: BTreeMap::from([(ada, T0 + 301), (bo, T0 + 70), (cy, T0 + 5)]),
    }
}

#[test]
fn three_learners_statements_become_exactly_their_records() {
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    let bodies = three_learners().bodies;
    let total = bodies.len() as u64;
    assert_eq!(total, 26, "the statements the events make");
    // An LRS answers newest first: the order they come in does not matter.
    let newest_first: Vec<String> = bodies.iter().rev().cloned().collect();
    let first = store
        .store_pulled_statements(made.id, &newest_first, Some("2026-01-15T10:05:01Z"))
        .unwrap();
    assert_eq!(
        first,
        PullSummary {
            new: total,
            duplicates: 0,
            refused: 0,
            removed: 0
        }
    );
    let again = store
        .store_pulled_statements(made.id, &bodies, None)
        .unwrap();
    assert_eq!(
        again,
        PullSummary {
            new: 0,
            duplicates: total,
            refused: 0,
            removed: 0
        },
        "a pull that overlaps stores nothing twice"
    );
    assert_eq!(store.class_records(made.id, &course()).unwrap(), expected());
    assert_eq!(store.instructor_class(made.id).unwrap().learners, 3);
    let stored: i64 = store
        .conn
        .query_row("SELECT COUNT(*) FROM class_statements", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored as u64, total, "every statement is kept");
    let kept: Vec<String> = store
        .conn
        .prepare("SELECT body FROM class_statement_bodies ORDER BY statement")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(kept, newest_first, "as the LRS gave it, byte for byte");
}

/// Every cached statement has its body, and no body outlives its statement.
fn bodies_match(store: &Store) {
    let count = |sql: &str| -> i64 { store.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT COUNT(*) FROM class_statement_bodies"),
        count(
            "SELECT COUNT(*) FROM class_statements s JOIN class_statement_bodies b ON b.statement = s.id"
        ),
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM class_statements"),
        count("SELECT COUNT(*) FROM class_statement_bodies"),
    );
}

#[test]
fn statements_are_read_for_what_they_say_and_odd_ones_say_nothing() {
    use statements::{Fact, Rejected, parse};
    let bodies = three_learners().bodies;
    let parsed = parse(&bodies[0], "c").unwrap();
    assert_eq!(
        (
            parsed.id.as_str(),
            parsed.account.as_str(),
            parsed.name.as_str(),
            parsed.timestamp
        ),
        ("00000000-0000-4000-8000-000000000001", CY, "Cy", T0 + 5)
    );
    assert_eq!(parsed.fact, Some(Fact::Seen), "a lesson read is activity");
    assert_eq!(
        parse(&bodies[0], "other").unwrap().fact,
        None,
        "another course's"
    );
    let mut st: serde_json::Value = serde_json::from_str(&bodies[1]).unwrap();
    assert!(matches!(
        parse(&st.to_string(), "c").unwrap().fact,
        Some(Fact::Answer { .. })
    ));
    // Without its attempt, an answer cannot be put with its result.
    st["context"]["extensions"] = serde_json::json!({});
    assert_eq!(parse(&st.to_string(), "c").unwrap().fact, Some(Fact::Seen));
    st["object"]["id"] = "https://example.org/not/ours".into();
    assert_eq!(parse(&st.to_string(), "c").unwrap().fact, None);
    st["object"]["id"] = "https://id.vardskap.app/xapi/courses/c/modules/m1/questions/q1/x".into();
    assert_eq!(parse(&st.to_string(), "c").unwrap().fact, Some(Fact::Seen));
    st["object"] = serde_json::json!({ "objectType": "StatementRef", "id": "x" });
    assert_eq!(parse(&st.to_string(), "c").unwrap().fact, None);
    st["result"] = serde_json::json!("garbage");
    st["verb"] = serde_json::json!(42);
    assert_eq!(parse(&st.to_string(), "c").unwrap().fact, None);
    // The stored time stands in for a missing timestamp.
    let mut st: serde_json::Value = serde_json::from_str(&bodies[0]).unwrap();
    st.as_object_mut().unwrap().remove("timestamp");
    assert_eq!(parse(&st.to_string(), "c"), Err(Rejected::Malformed));
    st["stored"] = "2026-01-15T10:00:09.500Z".into();
    assert_eq!(parse(&st.to_string(), "c").unwrap().timestamp, T0 + 9);
    st["id"] = "not-a-uuid".into();
    assert_eq!(parse(&st.to_string(), "c"), Err(Rejected::Malformed));
    // An upper-case id is the same statement.
    let upper = bodies[0].replace(
        "00000000-0000-4000-8000-000000000001",
        "00000000-0000-4000-8000-00000000000A",
    );
    assert_eq!(
        parse(&upper, "c").unwrap().id,
        "00000000-0000-4000-8000-00000000000a".to_string()
    );
}

#[test]
fn a_statement_of_a_megabyte_is_refused() {
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    let mut st: serde_json::Value = serde_json::from_str(&three_learners().bodies[0]).unwrap();
    st["result"] = serde_json::json!({ "response": "x".repeat(1 << 20) });
    let big = st.to_string();
    let started = std::time::Instant::now();
    let summary = store
        .store_pulled_statements(made.id, &[big], None)
        .unwrap();
    assert_eq!(
        summary,
        PullSummary {
            new: 0,
            duplicates: 0,
            refused: 1,
            removed: 0
        }
    );
    assert!(started.elapsed().as_secs() < 5);
    let mut st: serde_json::Value = serde_json::from_str(&three_learners().bodies[0]).unwrap();
    st["result"] = serde_json::json!({ "response": "x".repeat(60_000) });
    let summary = store
        .store_pulled_statements(made.id, &[st.to_string()], None)
        .unwrap();
    assert_eq!(summary.new, 1, "just under 64 KiB is taken");
}

#[test]
fn ten_thousand_malformed_statements_are_counted_and_not_stored() {
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    let good: serde_json::Value = serde_json::from_str(&three_learners().bodies[0]).unwrap();
    let variant = |i: usize| -> String {
        let mut st = good.clone();
        match i % 10 {
            0 => return String::new(),
            1 => return "{".into(),
            2 => return "null".into(),
            3 => return format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
            4 => st["id"] = serde_json::json!(i),
            5 => st["actor"] = serde_json::json!({ "mbox": "mailto:a@example.org" }),
            6 => st["actor"]["account"]["name"] = "".into(),
            7 => st["timestamp"] = "yesterday".into(),
            8 => st["actor"]["account"]["name"] = "a\u{0}b".into(),
            _ => return "\u{feff}not json at all \u{1F600}".into(),
        }
        st.to_string()
    };
    let bodies: Vec<String> = (0..10_000).map(variant).collect();
    let summary = store
        .store_pulled_statements(made.id, &bodies, None)
        .unwrap();
    assert_eq!(
        summary,
        PullSummary {
            new: 0,
            duplicates: 0,
            refused: 10_000,
            removed: 0
        }
    );
    let stored: i64 = store
        .conn
        .query_row("SELECT COUNT(*) FROM class_statements", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 0);
    assert_eq!(
        store.class_records(made.id, &course()).unwrap(),
        ClassRecords::default()
    );
}

#[test]
fn a_removed_learner_is_deleted_and_not_brought_back() {
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    let bodies = three_learners().bodies;
    store
        .store_pulled_statements(made.id, &bodies, None)
        .unwrap();
    let bo = format!("lrs:{BO}");
    store.remove_class_learner(made.id, &bo).unwrap();
    let records = store.class_records(made.id, &course()).unwrap();
    let mut want = expected();
    want.learners.retain(|l| l.key != bo);
    want.attempts.retain(|a| a.learner != bo);
    want.runs.retain(|r| r.learner != bo);
    want.last_activity.remove(&bo);
    assert_eq!(records, want);
    let bos = bodies.iter().filter(|b| b.contains(BO)).count() as u64;
    let again = store
        .store_pulled_statements(made.id, &bodies, None)
        .unwrap();
    assert_eq!(
        again,
        PullSummary {
            new: 0,
            duplicates: bodies.len() as u64 - bos,
            refused: 0,
            removed: bos
        },
        "a later pull leaves them out"
    );
    assert_eq!(store.class_records(made.id, &course()).unwrap(), want);
    assert_eq!(store.instructor_class(made.id).unwrap().learners, 2);
    bodies_match(&store);
    store.remove_class_learner(made.id, &bo).unwrap();
    for key in ["", "lrs:", "file:", "Bo", "other:x"] {
        assert_eq!(
            kind(store.remove_class_learner(made.id, key)),
            ErrorKind::NotFound,
            "{key}"
        );
    }
    assert_eq!(
        kind(store.remove_class_learner(999, &bo)),
        ErrorKind::NotFound
    );
}

// Results files, made by the app's own export.

/// A learner's data folder with [`course`]: Åsa passes m1 at the second
/// try (0 of 2 with only q1 answered, then 2 of 2), m2 (2 of 2) and its
/// role-play (greet: good), then the final test (2 of 2, distinction).
struct Learner {
    _dir: tempfile::TempDir,
    store: Store,
    clock: TestClock,
    id: ProfileId,
}

fn learner(name: &str) -> Learner {
    let (dir, mut store, clock) = store();
    let id = store
        .create_profile(&NewProfile {
            name: name.into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let mut l = Learner {
        _dir: dir,
        store,
        clock,
        id,
    };
    let a = |o: &str| Answer::Single { option: o.into() };
    quiz(&mut l, "m1", &[("q1", a("b"))]);
    quiz(
        &mut l,
        "m1",
        &[("q1", a("a")), ("q2", Answer::TrueFalse { value: true })],
    );
    quiz(
        &mut l,
        "m2",
        &[(
            "q1",
            Answer::ShortText {
                text: "hello".into(),
            },
        )],
    );
    let run = l
        .store
        .start_scenario(l.id, "c", "m2", "s1", "en")
        .unwrap()
        .run_id;
    l.store.choose_in_scenario(run, "greet", "en").unwrap();
    l.clock.advance(60);
    let view = l.store.start_final_test(l.id, "c", "en").unwrap();
    for q in &view.questions {
        let answer = if q.id == "f1" {
            a("a")
        } else {
            Answer::TrueFalse { value: true }
        };
        l.store.save_answer(view.id, &q.id, &answer, "en").unwrap();
    }
    l.store.submit_attempt(view.id, "en").unwrap();
    l.clock.advance(60);
    l
}

fn quiz(l: &mut Learner, module: &str, answers: &[(&str, Answer)]) {
    l.clock.advance(60);
    let view = l.store.start_attempt(l.id, "c", module, "en").unwrap();
    for (q, answer) in answers {
        l.store.save_answer(view.id, q, answer, "en").unwrap();
    }
    l.store.submit_attempt(view.id, "en").unwrap();
}

fn results_json(l: &Learner) -> String {
    export::results_json(&l.store, l.id, "c").unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn refusal(import: &FileImport) -> (ErrorKind, BTreeMap<String, MessageArg>) {
    let e = import.error.as_ref().expect("refused");
    (e.kind, e.params.clone())
}

fn text(s: &str) -> MessageArg {
    MessageArg::Text(s.into())
}

#[test]
fn a_results_file_becomes_the_learners_records() {
    let asa = learner("Åsa");
    let json = results_json(&asa);
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    let files = tempfile::tempdir().unwrap();
    let path = write(files.path(), "asa.json", &json);
    let imported = store
        .import_results_files(made.id, std::slice::from_ref(&path))
        .unwrap();
    assert_eq!(
        imported,
        vec![FileImport {
            file: "asa.json".into(),
            learner: Some("Åsa".into()),
            added: 5,
            updated: 0,
            unchanged: 0,
            error: None,
        }],
        "three module attempts, the final test's and a run"
    );
    let file = export::parse_results(&json).unwrap();
    let at = |s: &str| export::parse_iso_utc(s).unwrap();
    let m1 = &file.modules[0].attempts;
    let fin = &file.final_test.as_ref().unwrap().attempts[0].attempt;
    let key = "file:Åsa".to_string();
    let no_response = |module: &str, q: &str, score: f64, max: f64| AnswerRecord {
        module: module.into(),
        question: q.into(),
        score,
        max,
        response: None,
    };
    let want = ClassRecords {
        learners: vec![LearnerKey {
            key: key.clone(),
            name: "Åsa".into(),
        }],
        attempts: vec![
            attempt(
                &key,
                "m1",
                m1[0].id,
                at(&m1[0].submitted_at),
                (0.0, 2.0),
                false,
                None,
                vec![no_response("m1", "q1", 0.0, 1.0)],
            ),
            attempt(
                &key,
                "m1",
                m1[1].id,
                at(&m1[1].submitted_at),
                (2.0, 2.0),
                true,
                None,
                vec![
                    no_response("m1", "q1", 1.0, 1.0),
                    no_response("m1", "q2", 1.0, 1.0),
                ],
            ),
            attempt(
                &key,
                "m2",
                file.modules[1].attempts[0].id,
                at(&file.modules[1].attempts[0].submitted_at),
                (2.0, 2.0),
                true,
                None,
                vec![no_response("m2", "q1", 2.0, 2.0)],
            ),
            attempt(
                &key,
                "final",
                fin.id,
                at(&fin.submitted_at),
                (2.0, 2.0),
                true,
                Some("distinction"),
                vec![
                    no_response("m1", "f1", 1.0, 1.0),
                    no_response("m2", "f2", 1.0, 1.0),
                ],
            ),
        ],
        runs: vec![RunRecord {
            learner: key.clone(),
            module: "m2".into(),
            scenario: "s1".into(),
            finished_at: at(&file.scenario_runs[0].finished_at),
            ending: EndingKind::Good,
            passed: true,
            points: BTreeMap::from([("welcome".to_string(), 2.0)]),
            critical: false,
            critical_choices: vec![],
        }],
        last_activity: BTreeMap::from([(key.clone(), at(&fin.submitted_at))]),
    };
    assert_eq!(store.class_records(made.id, &course()).unwrap(), want);
    assert_eq!(store.instructor_class(made.id).unwrap().learners, 1);
    // The same file again changes nothing.
    let again = store.import_results_files(made.id, &[path]).unwrap();
    assert_eq!(
        (again[0].added, again[0].updated, again[0].unchanged),
        (0, 0, 5)
    );
    assert_eq!(store.class_records(made.id, &course()).unwrap(), want);
}

#[test]
fn a_newer_file_updates_an_older_ones_attempts_and_an_older_one_does_not() {
    let mut asa = learner("Åsa");
    let old = results_json(&asa);
    quiz(
        &mut asa,
        "m2",
        &[("q1", Answer::ShortText { text: "nej".into() })],
    );
    asa.clock.advance(60);
    let new = results_json(&asa).replace(
        "\"courseVersion\": \"1.0.0\"",
        "\"courseVersion\": \"1.0.1\"",
    );
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    let files = tempfile::tempdir().unwrap();
    let (old, new) = (
        write(files.path(), "old.json", &old),
        write(files.path(), "new.json", &new),
    );
    let counts = |i: &FileImport| (i.added, i.updated, i.unchanged, i.error.is_none());
    let first = store
        .import_results_files(made.id, std::slice::from_ref(&old))
        .unwrap();
    assert_eq!(counts(&first[0]), (5, 0, 0, true));
    let second = store
        .import_results_files(made.id, std::slice::from_ref(&new))
        .unwrap();
    assert_eq!(
        counts(&second[0]),
        (1, 5, 0, true),
        "one new attempt; the rest updated"
    );
    let versions = |store: &Store| -> Vec<String> {
        crate::storage::class_cache::file_attempts(&store.conn, made.id)
            .unwrap()
            .into_iter()
            .map(|a| a.course_version)
            .collect()
    };
    assert_eq!(
        versions(&store),
        vec!["1.0.1"; 5],
        "the newer file's figures"
    );
    let stale = store.import_results_files(made.id, &[old]).unwrap();
    assert_eq!(
        counts(&stale[0]),
        (0, 0, 5, true),
        "an older file changes nothing"
    );
    assert_eq!(versions(&store), vec!["1.0.1"; 5]);
    assert_eq!(
        store
            .class_records(made.id, &course())
            .unwrap()
            .attempts
            .len(),
        5
    );
}

#[test]
fn several_files_at_once_each_imported_or_refused_with_its_reason() {
    let json = results_json(&learner("Åsa"));
    let bo = results_json(&learner("Bo"));
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    let files = tempfile::tempdir().unwrap();
    let other_course = json.replace("\"id\": \"c\"", "\"id\": \"other\"");
    let paths = vec![
        write(files.path(), "asa.json", &json),
        write(files.path(), "other.json", &other_course),
        write(files.path(), "notes.txt", "hello"),
        write(
            files.path(),
            "old.json",
            &json.replace("vardskap-results/1", "vardskap-results/0"),
        ),
        write(
            files.path(),
            "broken.json",
            &json.replace("\"score\"", "\"scor\""),
        ),
        write(files.path(), "latin1.json", ""),
        files.path().join("missing.json"),
        files.path().to_path_buf(),
        write(files.path(), "bo.json", &bo),
    ];
    std::fs::write(
        &paths[5],
        b"{\"format\": \"vardskap-results/1\", \"x\": \"\xe5\"}",
    )
    .unwrap();
    let imported = store.import_results_files(made.id, &paths).unwrap();
    let kinds: Vec<Option<ErrorKind>> = imported
        .iter()
        .map(|i| i.error.as_ref().map(|e| e.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            None,
            Some(ErrorKind::ResultsOtherCourse),
            Some(ErrorKind::NotAResultsFile),
            Some(ErrorKind::ResultsFormatUnknown),
            Some(ErrorKind::ResultsFileDamaged),
            Some(ErrorKind::NotAResultsFile),
            Some(ErrorKind::Io),
            Some(ErrorKind::NotAResultsFile),
            None,
        ]
    );
    let (_, params) = refusal(&imported[1]);
    assert_eq!(params["course"], text("other"));
    assert_eq!(params["expected"], text("c"));
    assert_eq!(params["file"], text("other.json"));
    assert!(
        imported[1]
            .error
            .as_ref()
            .unwrap()
            .message
            .contains("other.json")
    );
    assert_eq!(imported[1].file, "other.json");
    assert_eq!(store.instructor_class(made.id).unwrap().learners, 2);
}

#[test]
fn a_hand_edited_results_file_is_refused_with_its_reason() {
    let json = results_json(&learner("Åsa"));
    let file = export::parse_results(&json).unwrap();
    let m1 = &file.modules[0];
    let first = m1.attempts[0].id.to_string();
    let second = m1.attempts[1].id.to_string();
    let fin = file.final_test.as_ref().unwrap().attempts[0]
        .attempt
        .id
        .to_string();
    let run = file.scenario_runs[0].id.to_string();
    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        f(&mut v);
        serde_json::to_string_pretty(&v).unwrap()
    };
    let cases: Vec<(&str, String, (&str, &str, &str))> = vec![
        // The first m1 attempt, 0 of 2, made full marks.
        (
            "score",
            edit(&|v| v["modules"][0]["attempts"][0]["score"] = 2.0.into()),
            ("m1", &first, "share"),
        ),
        (
            "score and share",
            edit(&|v| {
                let a = &mut v["modules"][0]["attempts"][0];
                a["score"] = 2.0.into();
                a["share"] = 1.0.into();
            }),
            ("m1", &first, "passed"),
        ),
        (
            "score, share and passed",
            edit(&|v| {
                let a = &mut v["modules"][0]["attempts"][0];
                a["score"] = 2.0.into();
                a["share"] = 1.0.into();
                a["passed"] = true.into();
            }),
            ("m1", &first, "questions"),
        ),
        (
            "above the max",
            edit(&|v| v["modules"][0]["attempts"][1]["score"] = 3.0.into()),
            ("m1", &second, "score"),
        ),
        (
            "a question",
            edit(&|v| v["modules"][0]["attempts"][1]["questions"][0]["score"] = 0.5.into()),
            ("m1", &second, "questions"),
        ),
        (
            "best share",
            edit(&|v| v["modules"][1]["bestShare"] = 0.5.into()),
            ("m2", "", "best"),
        ),
        (
            "module passed",
            edit(&|v| {
                v["modules"][0]["attempts"] = serde_json::json!([]);
                v["modules"][0]["bestShare"] = serde_json::Value::Null;
            }),
            ("m1", "", "best"),
        ),
        (
            "grade",
            edit(&|v| v["finalTest"]["attempts"][0]["grade"] = "pass".into()),
            ("final", &fin, "grade"),
        ),
        (
            "summary grade",
            edit(&|v| v["finalTest"]["grade"] = "pass".into()),
            ("final", "", "best"),
        ),
        (
            "in the future",
            edit(&|v| {
                v["modules"][0]["attempts"][1]["submittedAt"] = "2099-01-01T00:00:00Z".into()
            }),
            ("m1", &second, "time"),
        ),
        (
            "twice",
            edit(&|v| {
                let a = v["modules"][0]["attempts"][1].clone();
                v["modules"][0]["attempts"].as_array_mut().unwrap().push(a);
            }),
            ("m1", &second, "duplicate"),
        ),
        (
            "a poor run passed",
            edit(&|v| v["scenarioRuns"][0]["ending"] = "poor".into()),
            ("m2", &run, "run"),
        ),
        (
            "no name",
            edit(&|v| v["profile"]["name"] = " ".into()),
            ("", "", "name"),
        ),
    ];
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    let files = tempfile::tempdir().unwrap();
    for (what, text_of_file, (module, item, problem)) in &cases {
        let path = write(files.path(), "edited.json", text_of_file);
        let imported = store.import_results_files(made.id, &[path]).unwrap();
        let (kind, params) = refusal(&imported[0]);
        assert_eq!(kind, ErrorKind::ResultsInconsistent, "{what}");
        assert_eq!(
            (&params["module"], &params["item"], &params["problem"]),
            (&text(module), &text(item), &text(problem)),
            "{what}"
        );
        let sentence = &imported[0].error.as_ref().unwrap().message;
        assert!(sentence.contains("edited by hand"), "{what}: {sentence}");
        let swedish = Error::ResultsInconsistent {
            file: "f".into(),
            module: module.to_string(),
            item: item.to_string(),
            problem: problem_static(problem),
        }
        .message("sv");
        assert!(swedish.contains("ändrats för hand"), "{swedish}");
    }
    assert!(
        store
            .class_records(made.id, &course())
            .unwrap()
            .attempts
            .is_empty(),
        "nothing of an edited file is imported"
    );
    let good = write(files.path(), "asa.json", &json);
    assert!(
        store.import_results_files(made.id, &[good]).unwrap()[0]
            .error
            .is_none()
    );
}

fn problem_static(p: &str) -> &'static str {
    [
        "score",
        "share",
        "passed",
        "questions",
        "grade",
        "best",
        "time",
        "duplicate",
        "run",
        "name",
    ]
    .into_iter()
    .find(|k| *k == p)
    .unwrap()
}

#[test]
fn a_results_file_of_a_hundred_megabytes_is_refused_unread() {
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    let files = tempfile::tempdir().unwrap();
    let path = files.path().join("huge.json");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(100 << 20).unwrap();
    drop(f);
    let started = std::time::Instant::now();
    let imported = store.import_results_files(made.id, &[path]).unwrap();
    assert!(
        started.elapsed().as_millis() < 1_000,
        "refused without reading it"
    );
    let (kind, params) = refusal(&imported[0]);
    assert_eq!(kind, ErrorKind::ResultsFileTooLarge);
    assert_eq!(params["size"], text("100.0"));
    assert_eq!(params["max"], MessageArg::Number(16));
}

#[test]
fn a_removed_file_learner_is_not_imported_again() {
    let json = results_json(&learner("Åsa"));
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    let files = tempfile::tempdir().unwrap();
    let path = write(files.path(), "asa.json", &json);
    store
        .import_results_files(made.id, std::slice::from_ref(&path))
        .unwrap();
    store.remove_class_learner(made.id, "file:Åsa").unwrap();
    assert_eq!(
        store.class_records(made.id, &course()).unwrap(),
        ClassRecords::default()
    );
    let again = store.import_results_files(made.id, &[path]).unwrap();
    let (kind, params) = refusal(&again[0]);
    assert_eq!(kind, ErrorKind::ClassLearnerRemoved);
    assert_eq!(params["name"], text("Åsa"));
    assert_eq!(
        store.class_records(made.id, &course()).unwrap(),
        ClassRecords::default()
    );
    assert_eq!(kind_of_missing(&mut store), ErrorKind::NotFound);
}

fn kind_of_missing(store: &mut Store) -> ErrorKind {
    kind(store.import_results_files(999, &[]))
}

#[test]
fn statements_and_files_make_one_class() {
    let json = results_json(&learner("Åsa"));
    let (_dir, mut store, _clock) = store();
    let made = class(&mut store);
    store
        .store_pulled_statements(made.id, &three_learners().bodies, None)
        .unwrap();
    let files = tempfile::tempdir().unwrap();
    store
        .import_results_files(made.id, &[write(files.path(), "asa.json", &json)])
        .unwrap();
    let records = store.class_records(made.id, &course()).unwrap();
    let names: Vec<&str> = records.learners.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ada L.", "Bo", "Cy", "Åsa"],
        "by name, case aside (Å after Z, as in Swedish)"
    );
    assert_eq!(records.attempts.len(), 4 + 4);
    assert_eq!(store.instructor_class(made.id).unwrap().learners, 4);
}

/// The next pull's `since` is what the last pull said, never an older one:
/// after a pull that could not vouch for `stored` (None), the next is full.
#[test]
fn the_next_since_is_kept_as_the_last_pull_gave_it() {
    let (_d, mut store, _clock) = store();
    let c = class(&mut store);
    assert_eq!(store.class_pull_target(c.id).unwrap().since, None);
    store
        .store_pulled_statements(c.id, &[], Some("2026-03-01T23:45:09.000Z"))
        .unwrap();
    assert_eq!(
        store.class_pull_target(c.id).unwrap().since.as_deref(),
        Some("2026-03-01T23:45:09.000Z")
    );
    store.store_pulled_statements(c.id, &[], None).unwrap();
    assert_eq!(
        store.class_pull_target(c.id).unwrap().since,
        None,
        "a pull without a safe since makes the next one full"
    );
}
