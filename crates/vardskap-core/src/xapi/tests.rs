#![allow(clippy::unwrap_used)]

use serde_json::Value;

use super::*;
use crate::progress::testing::{course, store_with_learner};
use crate::quiz::Answer;
use crate::storage::outbox;

fn invitation_json(endpoint: &str) -> String {
    format!(
        r#"{{"format":"vardskap-class","version":1,
            "class":{{"id":"ht26-a","name":"  Värdskap HT26, grupp A "}},
            "course":{{"id":"c","version":"1.0.0"}},
            "lrs":{{"endpoint":"{endpoint}","username":"ht26-a","password":"s3cret"}}}}"#
    )
}

fn invitation() -> ClassInvitation {
    ClassInvitation::parse(
        invitation_json("https://lrs.example.org/xAPI").as_bytes(),
        "x",
    )
    .unwrap()
}

fn field_of(e: Error) -> String {
    match e {
        Error::InvitationInvalid { field, .. } => field,
        other => panic!("expected InvitationInvalid, got {other:?}"),
    }
}

/// Every statement in the outbox of the learner's one membership.
fn statements(store: &Store) -> Vec<Value> {
    let member: i64 = store
        .conn
        .query_row("SELECT id FROM class_memberships", [], |r| r.get(0))
        .unwrap();
    outbox::all(&store.conn, member)
        .unwrap()
        .into_iter()
        .map(|row| serde_json::from_str(&row.body).unwrap())
        .collect()
}

fn verbs(statements: &[Value]) -> Vec<String> {
    statements
        .iter()
        .map(|s| {
            let id = s["verb"]["id"].as_str().unwrap();
            id.rsplit('/').next().unwrap().to_string()
        })
        .collect()
}

#[test]
fn an_invitation_is_read_with_its_name_trimmed_and_its_endpoint_ending_in_a_slash() {
    let inv = invitation();
    assert_eq!(inv.class.name, "Värdskap HT26, grupp A");
    assert_eq!(inv.lrs.endpoint, "https://lrs.example.org/xAPI/");
    assert_eq!(inv.home_page(), "https://lrs.example.org");
    let view = inv.view();
    assert_eq!(view.host, "lrs.example.org");
    let shown = format!("{view:?}{inv:?}");
    assert!(
        !shown.contains("s3cret"),
        "the credential is never shown: {shown}"
    );
}

#[test]
fn a_wrong_invitation_names_the_wrong_field() {
    let ok = invitation_json("https://lrs.example.org/xAPI/");
    let cases = [
        (ok.replace("vardskap-class", "other"), "format"),
        (ok.replace("\"version\":1", "\"version\":2"), "version"),
        (ok.replace("ht26-a\",\"name", "../etc\",\"name"), "class.id"),
        (ok.replace("  Värdskap HT26, grupp A ", "   "), "class.name"),
        (ok.replace("\"id\":\"c\"", "\"id\":\"c c\""), "course.id"),
        (
            ok.replace("https://lrs.example.org/xAPI/", "ftp://lrs.example.org/"),
            "lrs.endpoint",
        ),
        (
            ok.replace(
                "https://lrs.example.org/xAPI/",
                "https://u:p@lrs.example.org/",
            ),
            "lrs.endpoint",
        ),
        (
            ok.replace(
                "https://lrs.example.org/xAPI/",
                "https://lrs.example.org/?a=1",
            ),
            "lrs.endpoint",
        ),
        (
            ok.replace("\"username\":\"ht26-a\"", "\"username\":\"a:b\""),
            "lrs.username",
        ),
        (
            ok.replace("\"password\":\"s3cret\"", "\"password\":\"\""),
            "lrs.password",
        ),
        (ok.replace(",\"password\":\"s3cret\"", ""), "password"),
        ("[1,2,3]".to_string(), ""),
        ("not json".to_string(), ""),
    ];
    for (json, field) in cases {
        let e = ClassInvitation::parse(json.as_bytes(), "x.vdsk-class").unwrap_err();
        assert_eq!(field_of(e), field, "for {json}");
    }
}

#[test]
fn plain_http_is_accepted_only_for_this_computer() {
    for local in [
        "http://127.0.0.1:8100/xAPI/",
        "http://localhost:1/x/",
        "http://[::1]:9/",
    ] {
        ClassInvitation::parse(invitation_json(local).as_bytes(), "x").unwrap();
    }
    let e = ClassInvitation::parse(
        invitation_json("http://lrs.example.org/xAPI/").as_bytes(),
        "x",
    )
    .unwrap_err();
    assert!(matches!(e, Error::InvitationInsecure { .. }), "{e:?}");
}

#[test]
fn a_huge_invitation_file_is_refused_after_reading_its_first_64_kib() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.vdsk-class");
    // 200 MB of spaces after valid JSON: a reader of the whole file would take it all in.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(200_000_000).unwrap();
    let e = ClassInvitation::read(&path).unwrap_err();
    assert_eq!(field_of(e), "");
    let deep = "[".repeat(100_000);
    assert_eq!(
        field_of(ClassInvitation::parse(deep.as_bytes(), "x").unwrap_err()),
        ""
    );
}

#[test]
fn without_a_class_no_statement_is_written() {
    let (_d, mut store, _clock, p) = store_with_learner("Ada");
    let a = store.start_attempt(p, "c", "m1", "en").unwrap();
    store
        .save_answer(a.id, "q1", &Answer::Single { option: "a".into() }, "en")
        .unwrap();
    store.submit_attempt(a.id, "en").unwrap();
    let n: i64 = store
        .conn
        .query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    assert!(!store.take_outbox_added());
}

#[test]
fn joining_needs_the_course_and_a_sensible_pseudonym() {
    let (_d, mut store, _clock, p) = store_with_learner("Ada");
    let mut other = invitation();
    other.course.id = "elsewhere".into();
    let e = store
        .join_class(p, &other, &ActorName::ProfileName)
        .unwrap_err();
    assert!(matches!(e, Error::ClassCourseNotInstalled { .. }), "{e:?}");
    for bad in ["", "   ", &"x".repeat(MAX_ACTOR_NAME_CHARS + 1)] {
        let e = store
            .join_class(
                p,
                &invitation(),
                &ActorName::Pseudonym {
                    name: bad.to_string(),
                },
            )
            .unwrap_err();
        assert!(matches!(e, Error::PseudonymInvalid { .. }), "{e:?}");
    }
    let status = store
        .join_class(
            p,
            &invitation(),
            &ActorName::Pseudonym {
                name: " Gäst 7 ".into(),
            },
        )
        .unwrap();
    assert_eq!(status.actor_name, "Gäst 7");
    assert_eq!(status.class_name, "Värdskap HT26, grupp A");
    assert_eq!((status.waiting, status.sent), (0, 0));
}

#[test]
fn a_quiz_in_a_class_writes_answered_passed_and_completed_with_the_actor_as_an_account() {
    let (_d, mut store, _clock, p) = store_with_learner("Ada");
    store
        .join_class(p, &invitation(), &ActorName::ProfileName)
        .unwrap();
    // m1 has immediate feedback: each answer is final, and told when saved.
    let a = store.start_attempt(p, "c", "m1", "en").unwrap();
    let right = |q: &crate::quiz::QuestionView| match q.id.as_str() {
        "q1" => Answer::Single { option: "a".into() },
        _ => Answer::TrueFalse { value: true },
    };
    for q in &a.questions {
        store.save_answer(a.id, &q.id, &right(q), "sv").unwrap();
    }
    assert!(
        store.take_outbox_added(),
        "the sync is told that statements wait"
    );
    assert_eq!(verbs(&statements(&store)), ["answered", "answered"]);
    store.submit_attempt(a.id, "en").unwrap();
    let all = statements(&store);
    assert_eq!(verbs(&all), ["answered", "answered", "passed", "completed"]);

    let answered = &all[0];
    assert_eq!(answered["actor"]["objectType"], "Agent");
    assert_eq!(answered["actor"]["name"], "Ada");
    assert_eq!(
        answered["actor"]["account"]["homePage"],
        "https://lrs.example.org"
    );
    let account = answered["actor"]["account"]["name"].as_str().unwrap();
    assert!(
        uuid::Uuid::parse_str(account).is_ok(),
        "the account is the profile's UUID"
    );
    assert!(
        answered["actor"].get("mbox").is_none(),
        "never an e-mail address"
    );
    let def = &answered["object"]["definition"];
    assert_eq!(
        def["type"],
        "http://adlnet.gov/expapi/activities/cmi.interaction"
    );
    assert!(["choice", "true-false"].contains(&def["interactionType"].as_str().unwrap()));
    assert_eq!(answered["result"]["success"], true);
    assert_eq!(answered["context"]["language"], "sv");
    assert!(
        answered["object"]["id"]
            .as_str()
            .unwrap()
            .starts_with(&format!(
                "{}/courses/c/modules/m1/questions/",
                statement::IRI_BASE
            ))
    );
    let parents = answered["context"]["contextActivities"]["parent"]
        .as_array()
        .unwrap();
    assert!(
        parents
            .iter()
            .any(|p| p["id"] == format!("{}/courses/c/modules/m1", statement::IRI_BASE))
    );
    let grouping = answered["context"]["contextActivities"]["grouping"]
        .as_array()
        .unwrap();
    assert!(
        grouping
            .iter()
            .any(|g| g["id"] == format!("{}/classes/ht26-a", statement::IRI_BASE))
    );

    let passed = &all[2];
    assert_eq!(passed["result"]["score"]["scaled"], 1.0);
    assert_eq!(
        passed["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"],
        0.8
    );
    // One registration and one actor throughout; every id unique.
    let registrations: std::collections::BTreeSet<_> = all
        .iter()
        .map(|s| s["context"]["registration"].to_string())
        .collect();
    assert_eq!(registrations.len(), 1);
    let ids: std::collections::BTreeSet<_> = all.iter().map(|s| s["id"].to_string()).collect();
    assert_eq!(ids.len(), all.len());
    for s in &all {
        assert!(s["timestamp"].as_str().unwrap().ends_with('Z'));
    }
}

#[test]
fn deferred_answers_are_told_at_submission_and_unanswered_ones_not_at_all() {
    let (_d, mut store, _clock, p) = store_with_learner("Ada");
    store
        .join_class(p, &invitation(), &ActorName::ProfileName)
        .unwrap();
    let a = store.start_attempt(p, "c", "m2", "en").unwrap();
    store
        .save_answer(
            a.id,
            "q1",
            &Answer::ShortText {
                text: "nope".into(),
            },
            "en",
        )
        .unwrap();
    // Changing a deferred answer tells nothing yet.
    store
        .save_answer(
            a.id,
            "q1",
            &Answer::ShortText {
                text: "hello".into(),
            },
            "en",
        )
        .unwrap();
    assert!(statements(&store).is_empty());
    store.submit_attempt(a.id, "en").unwrap();
    let all = statements(&store);
    assert_eq!(verbs(&all), ["answered", "passed", "completed"]);
    assert_eq!(all[0]["result"]["response"], "hello");
    assert_eq!(all[0]["object"]["definition"]["interactionType"], "fill-in");

    let b = store.start_attempt(p, "c", "m2", "en").unwrap();
    store.submit_attempt(b.id, "en").unwrap();
    let all = statements(&store);
    assert_eq!(
        verbs(&all[3..]),
        ["failed", "completed"],
        "no answer, no answered statement"
    );
}

#[test]
fn a_role_play_tells_each_step_and_its_ending_with_points_and_critical_choices() {
    let (_d, mut store, _clock, p) = store_with_learner("Ada");
    store
        .join_class(p, &invitation(), &ActorName::ProfileName)
        .unwrap();
    let run = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
    store
        .choose_in_scenario(run.run_id, "ignore", "en")
        .unwrap();
    let all = statements(&store);
    assert_eq!(verbs(&all), ["responded", "completed", "failed"]);
    assert_eq!(all[0]["result"]["response"], "ignore");
    assert_eq!(all[0]["object"]["definition"]["interactionType"], "choice");
    let ext = &all[2]["result"]["extensions"];
    assert_eq!(
        ext[statement::extensions::CRITICAL_CHOICES],
        serde_json::json!(["ignore"])
    );
    assert_eq!(ext[statement::extensions::ENDING], "poor");
    assert_eq!(
        ext[statement::extensions::COMPETENCY_POINTS]["welcome"],
        -1.0
    );
    assert_eq!(all[2]["result"]["success"], false);
}

#[test]
fn the_certificate_is_told_once_when_the_course_is_passed() {
    let (_d, mut store, _clock, p) = store_with_learner("Ada");
    store
        .join_class(p, &invitation(), &ActorName::ProfileName)
        .unwrap();
    let pass = |store: &mut Store, module: &str, answers: &[(&str, Answer)]| {
        let a = store.start_attempt(p, "c", module, "en").unwrap();
        for (q, answer) in answers {
            store.save_answer(a.id, q, answer, "en").unwrap();
        }
        store.submit_attempt(a.id, "en").unwrap();
    };
    pass(
        &mut store,
        "m1",
        &[
            ("q1", Answer::Single { option: "a".into() }),
            ("q2", Answer::TrueFalse { value: true }),
        ],
    );
    pass(
        &mut store,
        "m2",
        &[(
            "q1",
            Answer::ShortText {
                text: "hello".into(),
            },
        )],
    );
    let run = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
    store.choose_in_scenario(run.run_id, "greet", "en").unwrap();
    assert!(store.course_results(p, "c", "en").unwrap().passed);
    let earned = |store: &Store| {
        verbs(&statements(store))
            .iter()
            .filter(|v| *v == "earned")
            .count()
    };
    assert_eq!(earned(&store), 1);
    pass(
        &mut store,
        "m2",
        &[(
            "q1",
            Answer::ShortText {
                text: "hello".into(),
            },
        )],
    );
    assert_eq!(earned(&store), 1, "told once");
    let cert = statements(&store)
        .into_iter()
        .find(|s| s["verb"]["id"] == statement::verbs::EARNED.0)
        .unwrap();
    assert_eq!(
        cert["object"]["id"],
        format!("{}/courses/c/certificate", statement::IRI_BASE)
    );
}

#[test]
fn a_read_lesson_is_told_as_experienced() {
    let (_d, mut store, _clock, p) = store_with_learner("Ada");
    let mut c = course();
    c.modules[0].lessons.push(crate::content::Lesson {
        id: "l1".into(),
        title: crate::content::Text::from_pairs([("sv", "Välkommen"), ("en", "Welcome")]),
        html: Default::default(),
        markdown: Default::default(),
        minutes: None,
    });
    store.install_course(&c, "en").unwrap();
    store
        .join_class(p, &invitation(), &ActorName::ProfileName)
        .unwrap();
    store.record_lesson_read(p, "c", "m1", "l1", "sv").unwrap();
    let all = statements(&store);
    assert_eq!(verbs(&all), ["experienced"]);
    assert_eq!(all[0]["object"]["definition"]["name"]["sv"], "Välkommen");
    let unsent = store.unsent_statements(p).unwrap();
    assert_eq!(unsent.len(), 1);
    assert_eq!(
        (unsent[0].verb.as_str(), unsent[0].activity.as_str()),
        ("experienced", "Välkommen")
    );
    assert!(
        store
            .record_lesson_read(p, "c", "m1", "nope", "sv")
            .is_err()
    );
}

#[test]
fn a_refused_event_writes_no_statement() {
    let (_d, mut store, _clock, p) = store_with_learner("Ada");
    store
        .join_class(p, &invitation(), &ActorName::ProfileName)
        .unwrap();
    let a = store.start_attempt(p, "c", "m1", "en").unwrap();
    let answer = Answer::Single { option: "a".into() };
    store.save_answer(a.id, "q1", &answer, "en").unwrap();
    // Immediate feedback: a second answer to the same question is refused, and tells nothing.
    assert!(store.save_answer(a.id, "q1", &answer, "en").is_err());
    assert_eq!(statements(&store).len(), 1);
}

#[test]
fn the_outbox_gives_batches_oldest_first_and_keeps_what_is_not_confirmed() {
    let (_d, mut store, _clock, p) = store_with_learner("Ada");
    store
        .join_class(p, &invitation(), &ActorName::ProfileName)
        .unwrap();
    for _ in 0..3 {
        let run = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
        store.choose_in_scenario(run.run_id, "greet", "en").unwrap();
    }
    let stored: Vec<String> = statements(&store).iter().map(Value::to_string).collect();
    assert_eq!(stored.len(), 9);
    let batch = store.outbox_next_batch(4, &[]).unwrap().unwrap();
    assert_eq!(batch.items.len(), 4);
    assert_eq!(batch.endpoint, "https://lrs.example.org/xAPI/");
    assert_eq!(
        (batch.username.as_str(), batch.password.as_str()),
        ("ht26-a", "s3cret")
    );
    // Sent byte for byte as stored: the body is the stored text itself.
    let member = batch.membership;
    let rows = outbox::all(&store.conn, member).unwrap();
    assert_eq!(batch.items[0], (rows[0].id, rows[0].body.clone()));
    assert!(
        store.outbox_next_batch(4, &[member]).unwrap().is_none(),
        "a failed class is skipped"
    );

    let (first, second) = (batch.items[0].0, batch.items[1].0);
    store
        .outbox_delivered(
            member,
            &[
                (first, Delivery::Sent),
                (second, Delivery::Conflict("409".into())),
            ],
        )
        .unwrap();
    let status = &store.class_status(p).unwrap()[0];
    assert_eq!((status.waiting, status.sent, status.set_aside), (7, 1, 1));
    assert!(status.last_sent_at.is_some());
    let next = store.outbox_next_batch(100, &[]).unwrap().unwrap();
    assert_eq!(next.items.len(), 7, "unconfirmed statements stay waiting");
    assert_eq!(next.items[0].0, batch.items[2].0);

    store
        .outbox_failed(member, SyncProblem::Unreachable, "connection refused")
        .unwrap();
    let status = &store.class_status(p).unwrap()[0];
    assert_eq!(status.problem, Some(SyncProblem::Unreachable));
    assert!(status.failing_since.is_some());
    assert!(
        store.outbox_next_batch(100, &[]).unwrap().is_some(),
        "unreachable: tried again"
    );

    store
        .outbox_failed(member, SyncProblem::Refused, "401")
        .unwrap();
    assert!(
        store.outbox_next_batch(100, &[]).unwrap().is_none(),
        "refused: nothing is sent"
    );
    store.retry_refused(p).unwrap();
    assert!(
        store.outbox_next_batch(100, &[]).unwrap().is_some(),
        "send now tries again"
    );

    let unsent = store.unsent_statements(p).unwrap();
    assert_eq!(unsent.len(), 8);
    assert_eq!(unsent.iter().filter(|u| u.set_aside.is_some()).count(), 1);

    store.leave_class(p, "c").unwrap();
    assert!(store.class_status(p).unwrap().is_empty());
    assert!(
        store.outbox_next_batch(100, &[]).unwrap().is_none(),
        "leaving stops sending"
    );
    assert!(matches!(store.leave_class(p, "c"), Err(Error::NotInClass)));
}

#[test]
fn rejoining_keeps_the_profile_uuid_and_makes_a_new_registration() {
    let (_d, mut store, _clock, p) = store_with_learner("Ada");
    store
        .join_class(p, &invitation(), &ActorName::ProfileName)
        .unwrap();
    store
        .record_lesson_read(p, "c", "m1", "x", "en")
        .unwrap_err();
    let run = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
    store.choose_in_scenario(run.run_id, "greet", "en").unwrap();
    let before = statements(&store);
    store
        .join_class(p, &invitation(), &ActorName::Pseudonym { name: "G".into() })
        .unwrap();
    let run = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
    store.choose_in_scenario(run.run_id, "greet", "en").unwrap();
    let after = statements(&store);
    assert_eq!(
        after.len(),
        3,
        "a new invitation replaces the old class and what waited for it"
    );
    assert_eq!(
        before[0]["actor"]["account"]["name"],
        after[0]["actor"]["account"]["name"]
    );
    assert_ne!(
        before[0]["context"]["registration"],
        after[0]["context"]["registration"]
    );
    assert_eq!(after[0]["actor"]["name"], "G");
}
