//! The class view end to end: five learners' data folders with known
//! answers join the instructor's class, sync to a real LRS (Ralph on
//! loopback), the instructor pulls, and the report shows exactly their
//! figures, with an item analysis equal to the hand computation below.

use std::time::Duration;

use vardskap_core::class_view::NewClass;
use vardskap_core::class_view::report::{ItemFlag, class_report};
use vardskap_core::content::{
    AnswerOption, Competency, Course, FeedbackMode, Module, Question, QuestionBody, Text,
};
use vardskap_core::progress::NewProfile;
use vardskap_core::quiz::Answer;
use vardskap_core::storage::{Store, StoreOptions};
use vardskap_core::xapi::{ActorName, ClassInvitation};
use vardskap_sync::testing::Ralph;
use vardskap_sync::{PullLimits, PullRequest, StoreOutbox, Target, pull_statements, sync_once};

use super::test_client;

fn t(s: &str) -> Text {
    Text::from_pairs([("sv", s), ("en", s)])
}

/// Module m1 (deferred feedback): q1, q2, q3, single choice, `a` right.
fn course() -> Course {
    let question = |id: &str| Question {
        id: id.into(),
        competency: "welcome".into(),
        points: 1.0,
        prompt: t(&format!("Question {id}")),
        explanation: t("Why."),
        shuffle: true,
        body: QuestionBody::Single {
            options: ["a", "b", "c"]
                .iter()
                .map(|o| AnswerOption {
                    id: o.to_string(),
                    text: t(&format!("Option {o}")),
                    correct: *o == "a",
                    feedback: None,
                })
                .collect(),
        },
    };
    Course {
        final_test: None,
        id: "klass".into(),
        version: "1.0.0".into(),
        languages: vec!["sv".into(), "en".into()],
        title: t("Class course"),
        description: None,
        pass_mark: 0.6,
        competencies: vec![Competency {
            id: "welcome".into(),
            title: t("Welcome"),
            description: None,
        }],
        modules: vec![Module {
            outcomes: Vec::new(),
            id: "m1".into(),
            dir: "01-m1".into(),
            title: t("Module 1"),
            summary: None,
            feedback: FeedbackMode::Deferred,
            pass_mark: None,
            lessons: vec![],
            questions: vec![question("q1"), question("q2"), question("q3")],
            scenarios: vec![],
        }],
    }
}

fn store_in(dir: &std::path::Path) -> Store {
    let mut store = Store::open_with(
        dir,
        StoreOptions {
            backup_every: None,
            ..Default::default()
        },
    )
    .unwrap();
    store.install_course(&course(), "en").unwrap();
    store
}

/// The learners and their answers to q1, q2, q3 (`a` is right):
///
/// | learner | q1 | q2 | q3 | score |
/// |---|---|---|---|---|
/// | L1 | a | a | a | 3 |
/// | L2 | a | a | b | 2 |
/// | L3 | a | b | a | 2 |
/// | L4 | b | a | c | 1 |
/// | L5 | b | b | b | 0 |
const LEARNERS: [(&str, [&str; 3]); 5] = [
    ("L1", ["a", "a", "a"]),
    ("L2", ["a", "a", "b"]),
    ("L3", ["a", "b", "a"]),
    ("L4", ["b", "a", "c"]),
    ("L5", ["b", "b", "b"]),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_learners_sync_and_the_class_report_is_their_figures_and_the_hand_computation() {
    let ralph = Ralph::start();
    let target = ralph.target();
    let instructor_dir = tempfile::tempdir().unwrap();
    let mut instructor = store_in(instructor_dir.path());
    let class = instructor
        .create_class(&NewClass {
            name: "HT26 A".into(),
            course_id: "klass".into(),
            endpoint: target.endpoint.clone(),
            read_username: target.username.clone(),
            read_password: target.password.clone(),
            write_username: target.username.clone(),
            write_password: target.password.clone(),
            home_page: None,
        })
        .unwrap();
    let invitation = ClassInvitation::parse(
        instructor
            .class_invitation_json(class.id)
            .unwrap()
            .as_bytes(),
        "ht26.vdsk-class",
    )
    .unwrap();

    let client = test_client(Duration::from_secs(30));
    let mut laptops = Vec::new();
    for (name, answers) in LEARNERS {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_in(dir.path());
        let p = store
            .create_profile(&NewProfile {
                name: name.into(),
                ..Default::default()
            })
            .unwrap()
            .id;
        store
            .join_class(p, &invitation, &ActorName::ProfileName)
            .unwrap();
        let attempt = store.start_attempt(p, "klass", "m1", "en").unwrap().id;
        for (q, option) in ["q1", "q2", "q3"].iter().zip(answers) {
            let answer = Answer::Single {
                option: option.into(),
            };
            store.save_answer(attempt, q, &answer, "en").unwrap();
        }
        store.submit_attempt(attempt, "en").unwrap();
        let mut outbox = StoreOutbox::new(store);
        let report = sync_once(&client, &mut outbox, 100).await;
        assert_eq!(report.problem, None);
        assert_eq!(outbox.store().outbox_waiting_total().unwrap(), 0);
        laptops.push(dir);
    }

    let pull = instructor.class_pull_target(class.id).unwrap();
    let read = Target {
        endpoint: pull.endpoint.clone(),
        username: pull.username.clone(),
        password: pull.password.clone(),
    };
    let request = PullRequest {
        target: &read,
        activity: &pull.activity,
        since: pull.since.as_deref(),
    };
    let pulled = pull_statements(&client, &request, &PullLimits::default())
        .await
        .unwrap();
    // Per learner: 3 answered, passed or failed, completed; and the
    // certificate of the three who passed the course's one module.
    assert_eq!(pulled.statements.len(), 5 * 5 + 3);
    let summary = instructor
        .store_pulled_statements(class.id, &pulled.statements, pulled.next_since.as_deref())
        .unwrap();
    assert_eq!(summary.new, 28);
    // Pulled again: nothing new.
    let again = pull_statements(&client, &request, &PullLimits::default())
        .await
        .unwrap();
    let summary = instructor
        .store_pulled_statements(class.id, &again.statements, again.next_since.as_deref())
        .unwrap();
    assert_eq!((summary.new, summary.duplicates), (0, 28));

    let records = instructor.class_records(class.id, &course()).unwrap();
    let report = class_report(&course(), &records, "en");

    // The class table: every learner's best share, 0 % as 0, pass mark 60 %.
    let table: Vec<(String, Option<u32>, bool)> = report
        .rows
        .iter()
        .map(|r| {
            (
                r.learner.name.clone(),
                r.modules[0].best_percent,
                r.modules[0].passed,
            )
        })
        .collect();
    assert_eq!(
        table,
        vec![
            ("L1".to_string(), Some(100), true),
            ("L2".to_string(), Some(67), true),
            ("L3".to_string(), Some(67), true),
            ("L4".to_string(), Some(33), false),
            ("L5".to_string(), Some(0), false),
        ]
    );
    assert_eq!(report.mastery[0].percent, Some(53), "8 right of 15 answers");

    // Item analysis by hand. Item scores x and the rest of each attempt y:
    // q1: x = 1 1 1 0 0, y = 2 1 1 1 0: facility 3/5; mean x 0.6, mean y 1;
    //     Σdxdy = 0.4·1 + 0 + 0 + 0 + (−0.6)(−1) = 1.0; Σdx² = 1.2; Σdy² = 2;
    //     r = 1 / √2.4 = 0.645 → 0.65.
    // q2: x = 1 1 0 1 0, y = 2 1 2 0 0: Σdxdy = 0.4 + 0 − 0.6 − 0.4 + 0.6 = 0 → r = 0 (weak).
    // q3: x = 1 0 1 0 0, y = 2 2 1 1 0: facility 2/5; mean y 1.2;
    //     Σdxdy = 0.48 − 0.32 − 0.12 + 0.08 + 0.48 = 0.6; Σdx² = 1.2; Σdy² = 2.8;
    //     r = 0.6 / √3.36 = 0.327 → 0.33 (weak).
    let item = |id: &str| report.items.iter().find(|i| i.question_id == id).unwrap();
    let close = |got: Option<f64>, want: f64| {
        let got = got.unwrap();
        assert!((got - want).abs() < 0.006, "{got} ≠ {want}");
    };
    assert_eq!(item("q1").facility_percent, Some(60));
    close(item("q1").discrimination, 0.65);
    assert!(item("q1").flags.is_empty(), "{:?}", item("q1").flags);
    assert_eq!(item("q2").facility_percent, Some(60));
    close(item("q2").discrimination, 0.0);
    assert!(item("q2").flags.contains(&ItemFlag::WeakDiscrimination));
    assert_eq!(item("q3").facility_percent, Some(40));
    close(item("q3").discrimination, 0.33);
    let counts: Vec<(String, u32)> = item("q3")
        .options
        .iter()
        .map(|o| (o.option_id.clone(), o.count))
        .collect();
    assert_eq!(
        counts,
        vec![("a".into(), 2), ("b".into(), 2), ("c".into(), 1)]
    );
}
