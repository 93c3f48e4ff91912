#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::progress::testing::store_with_learner;
use crate::quiz::Answer;

/// A session on the test store with "Elin" signed in, in course "c".
fn signed_in() -> (tempfile::TempDir, Session, ProfileId) {
    let (dir, store, _clock, profile) = store_with_learner("Elin");
    let mut session = Session::new(store);
    session.sign_in(profile, None).unwrap();
    session.choose_course("c").unwrap();
    (dir, session, profile)
}

#[test]
fn learner_operations_need_a_signed_in_profile() {
    let (_dir, store, _clock, _profile) = store_with_learner("Elin");
    let mut session = Session::new(store);
    assert!(matches!(
        session.start_attempt("m1", "en"),
        Err(Error::NotSignedIn)
    ));
    assert!(matches!(
        session.course_results("en"),
        Err(Error::NotSignedIn)
    ));
    assert!(matches!(session.reviews_due("en"), Err(Error::NotSignedIn)));
    assert!(
        matches!(session.choose_course("c"), Err(Error::NotSignedIn)),
        "with nobody signed in no course is chosen"
    );
    assert!(matches!(
        session.set_preferences(None, Theme::Dark),
        Err(Error::NotSignedIn)
    ));
}

#[test]
fn instructor_operations_need_the_unlock() {
    let (_dir, mut session, _profile) = signed_in();
    assert!(matches!(
        session.require_instructor(),
        Err(Error::InstructorLocked)
    ));
    assert!(matches!(
        session.package_staging_dir(),
        Err(Error::InstructorLocked)
    ));
    assert!(matches!(
        session.installed_course_folder("c"),
        Err(Error::InstructorLocked)
    ));
    session
        .set_instructor_passphrase("en lång lösenfras", None)
        .unwrap();
    assert!(
        session.instructor_unlocked(),
        "whoever set the passphrase is the instructor"
    );
    assert!(session.installed_course_folder("c").is_ok());
    session.lock_instructor();
    assert!(session.require_instructor().is_err());
    assert!(session.unlock_instructor("fel lösenfras här").is_err());
    assert!(
        session.require_instructor().is_err(),
        "a wrong passphrase unlocks nothing"
    );
    session.unlock_instructor("en lång lösenfras").unwrap();
    assert!(session.require_instructor().is_ok());
}

#[test]
fn signing_in_or_out_locks_instructor_mode() {
    let (_dir, mut session, profile) = signed_in();
    session
        .set_instructor_passphrase("en lång lösenfras", None)
        .unwrap();
    session.sign_in(profile, None).unwrap();
    assert!(
        !session.instructor_unlocked(),
        "a learner who signs in never inherits an unlocked instructor mode"
    );
    session.unlock_instructor("en lång lösenfras").unwrap();
    session.sign_out();
    assert!(
        !session.instructor_unlocked(),
        "signing out locks instructor mode too"
    );
    session.unlock_instructor("en lång lösenfras").unwrap();
    session
        .create_profile(&NewProfile {
            name: "Kim".into(),
            ..Default::default()
        })
        .unwrap();
    assert!(!session.instructor_unlocked(), "so does making a profile");
}

#[test]
fn an_export_folder_is_an_installed_courses_own() {
    let (_dir, mut session, _profile) = signed_in();
    session
        .set_instructor_passphrase("en lång lösenfras", None)
        .unwrap();
    let folder = session.installed_course_folder("c").unwrap();
    assert!(folder.ends_with("courses/c"));
    for id in ["../..", "..", "c/../..", "/etc", "missing"] {
        assert!(
            matches!(
                session.installed_course_folder(id),
                Err(Error::NotFound { .. })
            ),
            "{id} must be looked up, not joined into a path"
        );
    }
}

#[test]
fn one_learner_cannot_reach_anothers_attempts_or_runs() {
    let (_dir, mut session, _elin) = signed_in();
    let attempt = session.start_attempt("m1", "en").unwrap().id;
    let run = session.start_scenario("m2", "s1", "en").unwrap().run_id;

    session
        .create_profile(&NewProfile {
            name: "Kim".into(),
            ..Default::default()
        })
        .unwrap();
    let answer = Answer::Single {
        option: "right".into(),
    };
    assert!(
        session.save_answer(attempt, "q1", &answer, "en").is_err(),
        "Kim cannot answer in Elin's attempt"
    );
    assert!(session.submit_attempt(attempt, "en").is_err());
    assert!(session.module_result(attempt, "en").is_err());
    assert!(session.attempt_detail(attempt, "en").is_err());
    assert!(
        session.choose_in_scenario(run, "anything", "en").is_err(),
        "nor choose in her role-play"
    );
    assert!(session.scenario_run_detail(run, "en").is_err());
}

#[test]
fn learners_work_in_the_sessions_course_and_come_back_to_it() {
    let (_dir, mut session, elin) = signed_in();
    assert_eq!(session.course_id().unwrap(), "c");
    assert!(session.choose_course("not-installed").is_err());
    assert_eq!(
        session.course_id().unwrap(),
        "c",
        "a refused choice changes nothing"
    );
    session.sign_out();
    assert!(
        session.course_id().is_err(),
        "no built-in course in this store: nothing chosen after sign-out"
    );
    session.sign_in(elin, None).unwrap();
    assert_eq!(
        session.course_id().unwrap(),
        "c",
        "signing in brings Elin back to the course she chose"
    );
    let outline = session.course_outline("en").unwrap();
    assert_eq!(outline.id, "c");
}

#[test]
fn the_instructors_classes_need_the_unlock() {
    use crate::class_view::NewClass;
    let (_dir, mut session, profile) = signed_in();
    let new = NewClass {
        name: "HT26".into(),
        course_id: "c".into(),
        endpoint: "https://lrs.example.org/xAPI/".into(),
        read_username: "teacher".into(),
        read_password: "read".into(),
        write_username: "learners".into(),
        write_password: "write".into(),
        home_page: None,
    };
    let locked = |r: Result<(), Error>| matches!(r, Err(Error::InstructorLocked));
    let file = std::path::PathBuf::from("results.json");
    let check = |session: &mut Session| {
        [
            locked(session.create_instructor_class(&new).map(drop)),
            locked(session.instructor_classes().map(drop)),
            locked(session.instructor_class(1).map(drop)),
            locked(session.class_invitation_json(1).map(drop)),
            locked(session.write_class_invitation(1, &file)),
            locked(session.class_pull_target(1).map(drop)),
            locked(session.store_pulled_statements(1, &[], None).map(drop)),
            locked(session.record_pull_failure(1, "down")),
            locked(
                session
                    .import_results_files(1, std::slice::from_ref(&file))
                    .map(drop),
            ),
            locked(session.remove_class_learner(1, "file:Bo")),
            locked(session.class_records(1).map(drop)),
            locked(session.delete_instructor_class(1)),
        ]
    };
    assert_eq!(
        check(&mut session),
        [true; 12],
        "a learner reaches no class"
    );
    session
        .set_instructor_passphrase("en lång lösenfras", None)
        .unwrap();
    let class = session.create_instructor_class(&new).unwrap();
    let (course, records) = session.class_records(class.id).unwrap();
    assert_eq!(course.id, "c");
    assert!(records.learners.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ht26.vdsk-class");
    session.write_class_invitation(class.id, &path).unwrap();
    assert!(crate::xapi::ClassInvitation::read(&path).is_ok());
    session.lock_instructor();
    assert_eq!(check(&mut session), [true; 12], "locked again, nothing");
    session.sign_in(profile, None).unwrap();
    assert!(
        matches!(session.instructor_classes(), Err(Error::InstructorLocked)),
        "signing in locks it"
    );
}
