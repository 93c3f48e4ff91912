//! Progress over a real temp-file store with the small course of `testing`.
#![allow(clippy::unwrap_used)]

use super::testing::{self, course};
use super::*;
use crate::Error;
use crate::content::FeedbackMode;
use crate::quiz::{Answer, QuestionView, ViewBody};
use crate::storage::Store;
use crate::storage::testing::{TestClock, open_temp};

fn setup() -> (tempfile::TempDir, Store, TestClock, ProfileId) {
    testing::store_with_learner("Ada")
}

fn single(o: &str) -> Answer {
    Answer::Single { option: o.into() }
}

fn tf(v: bool) -> Answer {
    Answer::TrueFalse { value: v }
}

fn text(s: &str) -> Answer {
    Answer::ShortText { text: s.into() }
}

#[test]
fn immediate_feedback_reviews_at_once_and_makes_the_answer_final() {
    let (_d, mut store, _, p) = setup();
    let a = store.start_attempt(p, "c", "m1", "en").unwrap();
    assert_eq!(
        a.feedback,
        FeedbackMode::Immediate,
        "m1 gives immediate feedback"
    );
    let saved = store.save_answer(a.id, "q1", &single("a"), "en").unwrap();
    let review = saved
        .review
        .expect("immediate feedback must return the review right away");
    assert!(review.grade.correct, "option a is the right one");
    let again = store
        .save_answer(a.id, "q1", &single("b"), "en")
        .unwrap_err();
    assert!(
        matches!(again, Error::AlreadyAnswered { .. }),
        "after seeing the key the answer is final, got {again:?}"
    );
}

#[test]
fn deferred_feedback_only_saves_and_allows_changes_until_submitted() {
    let (_d, mut store, _, p) = setup();
    let a = store.start_attempt(p, "c", "m2", "sv").unwrap();
    let saved = store.save_answer(a.id, "q1", &text("nej"), "sv").unwrap();
    assert!(
        saved.review.is_none(),
        "deferred feedback must not reveal the grade before submission"
    );
    store.save_answer(a.id, "q1", &text("Hej"), "sv").unwrap();
    let resumed = store.start_attempt(p, "c", "m2", "sv").unwrap();
    assert!(
        resumed.resumed && resumed.id == a.id,
        "starting again must resume the open attempt"
    );
    assert_eq!(
        resumed.answers.len(),
        1,
        "the changed answer replaces the first"
    );
    assert_eq!(
        resumed.answers[0].answer,
        text("Hej"),
        "the latest answer is kept"
    );
    assert!(
        resumed.answers[0].review.is_none(),
        "a resumed deferred attempt shows no grades"
    );
    let result = store.submit_attempt(a.id, "sv").unwrap();
    assert_eq!(
        (result.score, result.max),
        (2.0, 2.0),
        "\"Hej\" is accepted in Swedish after normalising case"
    );
}

#[test]
fn resuming_returns_every_saved_answer_in_question_order_with_the_same_shuffle_seed() {
    let (_d, mut store, _, p) = setup();
    let a = store.start_attempt(p, "c", "m1", "en").unwrap();
    store.save_answer(a.id, "q2", &tf(true), "en").unwrap();
    store.save_answer(a.id, "q1", &single("b"), "en").unwrap();
    let again = store.attempt(a.id, "en").unwrap();
    let order: Vec<&str> = again
        .answers
        .iter()
        .map(|s| s.question_id.as_str())
        .collect();
    assert_eq!(
        order,
        ["q1", "q2"],
        "saved answers come back in question order"
    );
    assert_eq!(
        again.questions, a.questions,
        "a resumed attempt shows the same questions in the same order"
    );
    assert!(
        again.answers.iter().all(|s| s.review.is_some()),
        "immediate reviews come back on resume"
    );
}

#[test]
fn submit_grades_unanswered_as_zero_and_queues_wrong_ones_for_review() {
    let (_d, mut store, _, p) = setup();
    let a = store.start_attempt(p, "c", "m1", "en").unwrap();
    store.save_answer(a.id, "q1", &single("a"), "en").unwrap();
    let r = store.submit_attempt(a.id, "en").unwrap();
    assert_eq!(
        (r.score, r.max, r.share),
        (1.0, 2.0, 0.5),
        "the unanswered q2 scores 0 of 1"
    );
    assert!(
        !r.passed && !r.module_passed,
        "0.5 is below the 0.8 pass mark"
    );
    assert_eq!(r.unanswered, ["q2"], "q2 was not answered");
    assert_eq!(
        r.to_review,
        ["q2"],
        "only the question not fully right is to review"
    );
    assert_eq!(
        r.reviews.len(),
        1,
        "answered questions come with feedback after submission"
    );
    let comps: Vec<(&str, f64, f64)> = r
        .competencies
        .iter()
        .map(|c| (c.competency_id.as_str(), c.score, c.max))
        .collect();
    assert_eq!(
        comps,
        [("welcome", 1.0, 1.0), ("local", 0.0, 1.0)],
        "per-competency breakdown in course order"
    );
    let due = store.reviews_due(p, "en").unwrap();
    assert_eq!(
        due.len(),
        1,
        "the wrong question enters the review queue at once"
    );
    assert_eq!(
        (due[0].module_id.as_str(), due[0].question.id.as_str()),
        ("m1", "q2"),
        "the queued item is m1/q2"
    );

    let late = store.save_answer(a.id, "q2", &tf(true), "en").unwrap_err();
    assert!(
        matches!(late, Error::AttemptClosed { .. }),
        "answering a submitted attempt is AttemptClosed, got {late:?}"
    );
    assert!(
        late.to_string().contains("already been submitted"),
        "the message says why: {late}"
    );
    assert!(
        matches!(
            store.submit_attempt(a.id, "en"),
            Err(Error::AttemptClosed { .. })
        ),
        "submitting twice is refused"
    );
}

#[test]
fn bad_ids_and_bad_answers_are_typed_errors_and_save_nothing() {
    let (_d, mut store, _, p) = setup();
    let a = store.start_attempt(p, "c", "m1", "en").unwrap();
    let e = store
        .save_answer(a.id, "nope", &single("a"), "en")
        .unwrap_err();
    assert!(
        matches!(e, Error::QuestionNotInModule { .. }),
        "a question of no module is QuestionNotInModule, got {e:?}"
    );
    assert_eq!(
        e.to_string(),
        "The question \"nope\" is not part of the module \"m1\".",
        "a sentence the learner understands"
    );
    let e = store.save_answer(a.id, "q1", &tf(true), "en").unwrap_err();
    assert!(
        matches!(e, Error::WrongAnswerShape { .. }),
        "a true/false answer to a single question is refused, got {e:?}"
    );
    let e = store
        .save_answer(a.id, "q1", &single("zzz"), "en")
        .unwrap_err();
    assert!(
        matches!(e, Error::WrongAnswerShape { .. }),
        "an unknown option is refused, got {e:?}"
    );
    assert!(
        store.attempt(a.id, "en").unwrap().answers.is_empty(),
        "refused answers must not be saved"
    );
    for e in [
        store
            .save_answer(AttemptId(9999), "q1", &single("a"), "en")
            .unwrap_err(),
        store.start_attempt(p, "nope", "m1", "en").unwrap_err(),
        store.start_attempt(p, "c", "nope", "en").unwrap_err(),
        store
            .start_attempt(ProfileId(4242), "c", "m1", "en")
            .unwrap_err(),
        store.submit_attempt(AttemptId(9999), "en").unwrap_err(),
        store
            .course_results(ProfileId(4242), "c", "en")
            .unwrap_err(),
    ] {
        assert!(
            matches!(e, Error::NotFound { .. }),
            "an unknown id must be NotFound, got {e:?}"
        );
    }
    assert!(
        matches!(store.module_result(a.id, "en"), Err(Error::Invalid(_))),
        "an open attempt has no result yet"
    );
}

#[test]
fn retakes_keep_best_and_last_and_the_course_passes_when_all_modules_do() {
    let (_d, mut store, clock, p) = setup();
    let a = store.start_attempt(p, "c", "m1", "en").unwrap();
    store.save_answer(a.id, "q1", &single("a"), "en").unwrap();
    store.save_answer(a.id, "q2", &tf(true), "en").unwrap();
    let first = store.submit_attempt(a.id, "en").unwrap();
    assert!(first.passed && first.module_passed, "full marks pass");
    clock.advance(60);
    let b = store.start_attempt(p, "c", "m1", "en").unwrap();
    assert!(
        !b.resumed && b.id != a.id,
        "after a graded attempt a retake is a new attempt"
    );
    store.save_answer(b.id, "q1", &single("b"), "en").unwrap();
    let second = store.submit_attempt(b.id, "en").unwrap();
    assert!(!second.passed, "a retake with 0 points does not pass");
    assert!(
        second.module_passed,
        "a failed retake must not erase the passed module"
    );

    let res = store.course_results(p, "c", "en").unwrap();
    let m1 = &res.modules[0];
    assert_eq!(m1.attempts, 2, "two graded attempts");
    assert_eq!(
        m1.best.as_ref().map(|b| b.attempt_id),
        Some(a.id),
        "the best is the first, full-marks attempt"
    );
    assert_eq!(
        m1.last.as_ref().map(|l| l.attempt_id),
        Some(b.id),
        "the last is the retake"
    );
    assert!(!res.passed, "m2 is not passed yet, so the course is not");

    let c = store.start_attempt(p, "c", "m2", "en").unwrap();
    store.save_answer(c.id, "q1", &text("hello"), "en").unwrap();
    store.submit_attempt(c.id, "en").unwrap();
    let res = store.course_results(p, "c", "en").unwrap();
    assert!(
        res.modules[1].passed,
        "m2's quiz is passed and no scenario run made a critical choice"
    );
    assert!(res.passed, "with every module passed the course is passed");
}

#[test]
fn a_critical_scenario_choice_blocks_the_module_until_a_clean_run() {
    let (_d, mut store, _, p) = setup();
    let a = store.start_attempt(p, "c", "m2", "en").unwrap();
    store.save_answer(a.id, "q1", &text("hello"), "en").unwrap();
    assert!(
        store.submit_attempt(a.id, "en").unwrap().module_passed,
        "full marks and no runs pass m2"
    );

    let run = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
    assert!(!run.resumed, "the first run is new");
    let step = store
        .choose_in_scenario(run.run_id, "ignore", "en")
        .unwrap();
    assert!(
        step.critical && step.debrief.is_some(),
        "ignoring the visitor is critical and ends the run"
    );
    let res = store.course_results(p, "c", "en").unwrap();
    assert!(
        res.modules[1].critical_choice && !res.modules[1].passed,
        "a critical choice blocks the module pass"
    );
    assert!(!res.passed, "and so the course");
    assert!(
        !store.module_result(a.id, "en").unwrap().passed,
        "the attempt's result shows the block too"
    );

    let again = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
    assert_ne!(again.run_id, run.run_id, "a finished run is not resumed");
    store
        .choose_in_scenario(again.run_id, "greet", "en")
        .unwrap();
    let res = store.course_results(p, "c", "en").unwrap();
    assert!(
        res.modules[1].passed && !res.modules[1].critical_choice,
        "a clean latest run lifts the block"
    );
    let err = store
        .choose_in_scenario(again.run_id, "greet", "en")
        .unwrap_err();
    assert!(
        matches!(err, Error::RunEnded { .. }),
        "a finished run takes no more choices, got {err:?}"
    );
}

#[test]
fn an_unfinished_scenario_run_resumes_at_its_node() {
    let mut c = course();
    // Make s1 two steps long: start -> middle -> good.
    let s = &mut c.modules[1].scenarios[0];
    let mut middle = s.nodes[0].clone();
    middle.id = "middle".into();
    s.nodes[0].choices[0].next = "middle".into();
    s.nodes.push(middle);
    let (_d, mut store, _, p) = setup();
    store.install_course(&c, "en").unwrap();
    let run = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
    store.choose_in_scenario(run.run_id, "greet", "en").unwrap();
    let resumed = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
    assert!(
        resumed.resumed && resumed.run_id == run.run_id,
        "the unfinished run is resumed"
    );
    assert_eq!(
        (resumed.node.id.as_str(), resumed.choices_made),
        ("middle", 1),
        "it resumes where the learner stopped"
    );
    assert!(
        store.scenario_debrief(run.run_id, "en").unwrap().is_none(),
        "an unfinished run has no debrief"
    );
}

#[test]
fn a_new_course_version_keeps_history_for_surviving_question_ids() {
    let (_d, mut store, _, p) = setup();
    let a = store.start_attempt(p, "c", "m1", "en").unwrap();
    store.save_answer(a.id, "q1", &single("a"), "en").unwrap();
    store.save_answer(a.id, "q2", &tf(false), "en").unwrap();
    store.submit_attempt(a.id, "en").unwrap();
    let open = store.start_attempt(p, "c", "m2", "en").unwrap();
    store
        .save_answer(open.id, "q1", &text("hello"), "en")
        .unwrap();

    let mut v2 = course();
    v2.version = "2.0.0".into();
    v2.modules[0].questions.remove(1); // q2 is gone in 2.0.0
    v2.modules[0]
        .questions
        .push(testing::true_false("q3", "local", true));
    let installed = store.install_course(&v2, "en").unwrap();
    assert_eq!(
        installed.previous_version.as_deref(),
        Some("1.0.0"),
        "the install reports what it replaced"
    );
    assert_eq!(
        store.installed_courses("en").unwrap().len(),
        1,
        "a new version replaces, it does not add"
    );

    let res = store.course_results(p, "c", "en").unwrap();
    assert_eq!(
        res.version, "2.0.0",
        "results are for the installed version"
    );
    assert_eq!(
        res.modules[0].attempts, 1,
        "the graded attempt survives the update"
    );
    let welcome = res
        .mastery
        .iter()
        .find(|m| m.competency_id == "welcome")
        .unwrap();
    assert_eq!(
        (welcome.score, welcome.max, welcome.answers),
        (1.0, 1.0, 1),
        "q1 keeps counting for mastery"
    );
    let local = res
        .mastery
        .iter()
        .find(|m| m.competency_id == "local")
        .unwrap();
    assert_eq!(local.answers, 0, "the removed q2 no longer counts");
    assert!(
        store.reviews_due(p, "en").unwrap().is_empty(),
        "the removed q2's review card is not offered"
    );

    let resumed = store.start_attempt(p, "c", "m2", "en").unwrap();
    assert_eq!(
        (resumed.id, resumed.answers.len()),
        (open.id, 1),
        "the open attempt and its answer survive the update"
    );
}

#[test]
fn reviewing_a_due_question_reschedules_it() {
    let (_d, mut store, clock, p) = setup();
    let a = store.start_attempt(p, "c", "m1", "en").unwrap();
    store.save_answer(a.id, "q1", &single("b"), "en").unwrap();
    store.save_answer(a.id, "q2", &tf(true), "en").unwrap();
    store.submit_attempt(a.id, "en").unwrap();
    let due = store.reviews_due(p, "en").unwrap();
    assert_eq!(due.len(), 1, "the wrong q1 is due");
    let now = clock.now();
    let done = store
        .answer_review(p, "c", "m1", "q1", &single("a"), "en")
        .unwrap();
    assert!(done.review.grade.correct, "the review answer is graded");
    assert!(
        done.card.due > now,
        "a right review answer moves the card into the future"
    );
    assert!(
        store.reviews_due(p, "en").unwrap().is_empty(),
        "nothing is due right after reviewing"
    );
    clock.advance(60 * 60 * 24 * 365);
    assert_eq!(
        store.reviews_due(p, "en").unwrap().len(),
        1,
        "a year later it is due again"
    );
    let e = store
        .answer_review(p, "c", "m1", "q2", &tf(true), "en")
        .unwrap_err();
    assert!(
        matches!(e, Error::NotFound { .. }),
        "a question not in the queue has no card, got {e:?}"
    );
}

#[test]
fn mastery_counts_every_graded_answer_and_scenario_points() {
    let (_d, mut store, _, p) = setup();
    for pick in ["a", "b"] {
        let a = store.start_attempt(p, "c", "m1", "en").unwrap();
        store.save_answer(a.id, "q1", &single(pick), "en").unwrap();
        store.submit_attempt(a.id, "en").unwrap();
    }
    let run = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
    store.choose_in_scenario(run.run_id, "greet", "en").unwrap();
    let res = store.course_results(p, "c", "en").unwrap();
    let welcome = res
        .mastery
        .iter()
        .find(|m| m.competency_id == "welcome")
        .unwrap();
    assert_eq!(
        (welcome.score, welcome.max, welcome.answers),
        (1.0, 2.0, 2),
        "both attempts count"
    );
    assert_eq!(
        (welcome.scenario_points, welcome.scenario_max),
        (2.0, 2.0),
        "the greeting run earned 2 of 2"
    );
    assert_eq!(welcome.share, Some(0.75), "(1 + 2) / (2 + 2)");
    let local = res
        .mastery
        .iter()
        .find(|m| m.competency_id == "local")
        .unwrap();
    assert_eq!(local.share, None, "nothing in 'local' was answered");
}

#[test]
fn an_interrupted_grading_is_finished_by_the_next_call() {
    let (_d, mut store, _, p) = setup();
    let a = store.start_attempt(p, "c", "m1", "en").unwrap();
    store.save_answer(a.id, "q1", &single("a"), "en").unwrap();
    // As if the app died between the submit and the grading transaction.
    store
        .conn
        .execute(
            "UPDATE attempts SET state = 'submitted', submitted_at = 1 WHERE id = ?1",
            [a.id],
        )
        .unwrap();
    let b = store.start_attempt(p, "c", "m1", "en").unwrap();
    assert_ne!(b.id, a.id, "a submitted attempt is not resumed");
    let r = store.module_result(a.id, "en").unwrap();
    assert_eq!(
        (r.score, r.max),
        (1.0, 2.0),
        "the interrupted attempt was graded before the new one started"
    );
}

#[test]
fn installing_a_course_folder_copies_its_media_and_is_idempotent() {
    let (_d, mut store, _) = open_temp();
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let first = store.install_course_folder(&content, "sv").unwrap();
    assert_eq!(
        first.id, "gott-vardskap-boras",
        "the built-in course installs"
    );
    let folder = store.course_folder(&first.id);
    assert!(
        folder.join("course.toml").is_file(),
        "a copy of the course is kept for its media"
    );
    let media = std::fs::read_dir(folder.join("modules/01-valkommen/media"))
        .unwrap()
        .count();
    assert!(media > 0, "the media files are copied too");
    let marker = folder.join("marker");
    std::fs::write(&marker, "left alone").unwrap();
    let again = store.install_course_folder(&content, "sv").unwrap();
    assert_eq!(again.version, first.version, "the same version");
    assert!(marker.is_file(), "an unchanged course is not rewritten");
}

#[test]
fn an_invalid_course_folder_installs_nothing() {
    let (dir, mut store, _) = open_temp();
    let broken = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let some_broken = std::fs::read_dir(&broken)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let err = store.install_course_folder(&some_broken, "en").unwrap_err();
    assert!(
        matches!(err, Error::InvalidContent(_) | Error::Io { .. }),
        "refused as invalid: {err}"
    );
    assert!(
        store.installed_courses("en").unwrap().is_empty(),
        "nothing was installed"
    );
    assert!(
        !dir.path().join("courses").exists()
            || std::fs::read_dir(dir.path().join("courses"))
                .unwrap()
                .count()
                == 0,
        "no files were left behind"
    );
}

/// Course "cm": module "deferred" with matching questions "drinks" and
/// "trips", module "immediate" with the same two; pair ids differ per question.
fn matching_setup() -> (tempfile::TempDir, Store, TestClock, ProfileId) {
    let (dir, mut store, clock, p) = setup();
    let questions = || {
        vec![
            testing::matching("drinks", "welcome", &["kaffe", "te", "saft"]),
            testing::matching("trips", "local", &["buss", "tag", "cykel"]),
        ]
    };
    let mut c = course();
    c.id = "cm".into();
    c.modules = vec![
        testing::module("deferred", FeedbackMode::Deferred, questions(), vec![]),
        testing::module("immediate", FeedbackMode::Immediate, questions(), vec![]),
    ];
    store.install_course(&c, "en").unwrap();
    (dir, store, clock, p)
}

/// The pairing a learner makes who matches "L x" with "R x", reading only the view.
fn pair_by_text(view: &QuestionView) -> Answer {
    let ViewBody::Matching { left, right } = &view.body else {
        panic!("{} is a matching question", view.id);
    };
    let pairs = left
        .iter()
        .map(|l| {
            let want = l.text.replacen("L ", "R ", 1);
            let r = right.iter().find(|r| r.text == want).unwrap();
            (l.id.clone(), r.id.clone())
        })
        .collect();
    Answer::Matching { pairs }
}

fn right_ids(view: &QuestionView) -> Vec<String> {
    match &view.body {
        ViewBody::Matching { right, .. } => right.iter().map(|r| r.id.clone()).collect(),
        _ => panic!("{} is a matching question", view.id),
    }
}

fn view_of<'a>(a: &'a AttemptView, id: &str) -> &'a QuestionView {
    a.questions.iter().find(|q| q.id == id).unwrap()
}

#[test]
fn matching_tokens_round_trip_through_save_resume_and_submit() {
    let (_d, mut store, _, p) = matching_setup();
    let a = store.start_attempt(p, "cm", "deferred", "en").unwrap();
    let drinks = view_of(&a, "drinks");
    for r in right_ids(drinks) {
        assert!(
            !["kaffe", "te", "saft"].iter().any(|id| r.contains(id)),
            "the attempt's view must not give away pair ids: {r}"
        );
    }
    let given = pair_by_text(drinks);
    store.save_answer(a.id, "drinks", &given, "en").unwrap();

    let stored: String = store
        .conn
        .query_row(
            "SELECT answer FROM answers WHERE attempt_id = ?1 AND question_id = 'drinks'",
            [a.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        serde_json::from_str::<Answer>(&stored).unwrap(),
        Answer::Matching {
            pairs: ["kaffe", "te", "saft"]
                .iter()
                .map(|id| (id.to_string(), id.to_string()))
                .collect()
        },
        "the store holds pair ids, so stored answers do not depend on the token scheme"
    );

    let resumed = store.start_attempt(p, "cm", "deferred", "en").unwrap();
    assert!(resumed.resumed, "the open attempt is resumed");
    assert_eq!(
        resumed.questions, a.questions,
        "a resumed attempt shows the same tokens in the same order"
    );
    assert_eq!(
        resumed.answers[0].answer, given,
        "the saved answer comes back in the tokens the learner's view uses"
    );

    let r = store.submit_attempt(a.id, "en").unwrap();
    assert_eq!(
        (r.score, r.max),
        (1.0, 2.0),
        "the right pairing of drinks earns its point; trips was not answered"
    );
    assert_eq!(
        r.to_review,
        ["trips"],
        "only the unanswered question goes to review"
    );
}

#[test]
fn an_unknown_matching_token_is_a_typed_error_and_nothing_is_saved() {
    let (_d, mut store, _, p) = matching_setup();
    let a = store.start_attempt(p, "cm", "deferred", "en").unwrap();
    let raw = Answer::Matching {
        pairs: [("kaffe".to_string(), "kaffe".to_string())].into(),
    };
    let e = store.save_answer(a.id, "drinks", &raw, "en").unwrap_err();
    assert!(
        matches!(&e, Error::WrongAnswerShape { question, .. } if question == "drinks"),
        "a pair id is not a token of the view, got {e:?}"
    );
    // Tokens of another question do not decode either.
    let Answer::Matching { pairs: drinks } = pair_by_text(view_of(&a, "drinks")) else {
        unreachable!()
    };
    let Answer::Matching { pairs: trips } = pair_by_text(view_of(&a, "trips")) else {
        unreachable!()
    };
    let (drinks_left, trips_right) = (
        drinks.keys().next().unwrap(),
        trips.values().next().unwrap(),
    );
    let crossed = Answer::Matching {
        pairs: [(drinks_left.clone(), trips_right.clone())].into(),
    };
    assert!(
        matches!(
            store.save_answer(a.id, "drinks", &crossed, "en"),
            Err(Error::WrongAnswerShape { .. })
        ),
        "a token of another question must be refused"
    );
    assert!(
        store.attempt(a.id, "en").unwrap().answers.is_empty(),
        "a refused answer must not be saved"
    );
}

#[test]
fn immediate_feedback_on_a_matching_question_reveals_no_other_question() {
    let (_d, mut store, _, p) = matching_setup();
    let a = store.start_attempt(p, "cm", "immediate", "en").unwrap();
    let trips_tokens = right_ids(view_of(&a, "trips"));
    let saved = store
        .save_answer(a.id, "drinks", &pair_by_text(view_of(&a, "drinks")), "en")
        .unwrap();
    let review = saved.review.as_ref().unwrap();
    assert!(
        review.grade.correct,
        "the pairing by text is right: {review:?}"
    );
    let resumed = store.attempt(a.id, "en").unwrap();
    for (what, json) in [
        ("the saved reply", serde_json::to_string(&saved).unwrap()),
        (
            "the resumed answers",
            serde_json::to_string(&resumed.answers).unwrap(),
        ),
    ] {
        for secret in ["buss", "tag", "cykel", "R buss"]
            .iter()
            .map(|s| s.to_string())
            .chain(trips_tokens.iter().cloned())
        {
            assert!(
                !json.contains(&secret),
                "{what} after answering drinks must say nothing about trips ({secret}): {json}"
            );
        }
    }
    assert_eq!(
        right_ids(view_of(&resumed, "trips")),
        trips_tokens,
        "the unanswered question keeps its tokens"
    );
}

#[test]
fn a_matching_review_uses_its_own_secret_tokens() {
    let (_d, mut store, clock, p) = matching_setup();
    let a = store.start_attempt(p, "cm", "deferred", "en").unwrap();
    let attempt_tokens = right_ids(view_of(&a, "drinks"));
    store.submit_attempt(a.id, "en").unwrap();
    let due = store.reviews_due(p, "en").unwrap();
    let item = due.iter().find(|i| i.question.id == "drinks").unwrap();
    let tokens = right_ids(&item.question);
    for r in &tokens {
        assert!(
            !["kaffe", "te", "saft"].iter().any(|id| r.contains(id)),
            "the review's view must not give away pair ids: {r}"
        );
        assert!(
            !attempt_tokens.contains(r),
            "a review must not reuse the attempt's tokens, which the learner has seen graded"
        );
    }
    let raw = Answer::Matching {
        pairs: [("kaffe".to_string(), "kaffe".to_string())].into(),
    };
    let e = store
        .answer_review(p, "cm", "deferred", "drinks", &raw, "en")
        .unwrap_err();
    assert!(
        matches!(e, Error::WrongAnswerShape { .. }),
        "a review answer in pair ids is refused, got {e:?}"
    );
    let done = store
        .answer_review(
            p,
            "cm",
            "deferred",
            "drinks",
            &pair_by_text(&item.question),
            "en",
        )
        .unwrap();
    assert!(
        done.review.grade.correct,
        "the review's tokens decode to the right pairs: {:?}",
        done.review
    );
    clock.advance(60 * 60 * 24 * 365);
    let again = store.reviews_due(p, "en").unwrap();
    let next = again.iter().find(|i| i.question.id == "drinks").unwrap();
    let mut before = tokens.clone();
    let mut after = right_ids(&next.question);
    before.sort();
    after.sort();
    assert_ne!(
        before, after,
        "the next review of the card shows new tokens, so the last one's feedback does not give them away"
    );
}

#[test]
fn attempts_and_runs_belong_to_their_learner_only() {
    let (_d, mut store, _, ada) = setup();
    let bo = store
        .create_profile(&NewProfile {
            name: "Bo".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let attempt = store.start_attempt(ada, "c", "m1", "en").unwrap().id;
    let run = store
        .start_scenario(ada, "c", "m2", "s1", "en")
        .unwrap()
        .run_id;
    assert!(
        store.check_attempt_owner(ada, attempt).is_ok(),
        "Ada's attempt is hers"
    );
    assert!(store.check_run_owner(ada, run).is_ok(), "Ada's run is hers");
    assert!(
        matches!(
            store.check_attempt_owner(bo, attempt),
            Err(Error::NotFound { .. })
        ),
        "Bo cannot reach Ada's attempt: to him it does not exist"
    );
    assert!(
        matches!(store.check_run_owner(bo, run), Err(Error::NotFound { .. })),
        "Bo cannot reach Ada's role-play run"
    );
    assert!(
        matches!(
            store.check_attempt_owner(ada, AttemptId(attempt.0 + 1000)),
            Err(Error::NotFound { .. })
        ),
        "an unknown attempt is not found"
    );
}
