//! The final course test end to end in the core: `[final]` and final.toml
//! are read with every problem at its place and written back unchanged; an
//! attempt draws its questions once and keeps them on resume; the grade's
//! boundaries; and the certificate, which needs the test passed and names
//! the grade.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use vardskap_core::Error;
use vardskap_core::certificate::{Certificate, verify};
use vardskap_core::content::{
    BankQuestion, Course, FinalTest, SaveSummary, check_course, load_course, write_course,
    write_course_with_media,
};
use vardskap_core::export;
use vardskap_core::final_test::{FINAL_TEST_ID, FinalGrade};
use vardskap_core::progress::NewProfile;
use vardskap_core::quiz::Answer;

use super::common::numeric;
use super::results_export::{LEARNER, Learner, attempt, course, open};
use crate::{copy_dir, fixture};

const FINAL: &str = "\n[final]\ndraw = 3\npass_mark = 0.7\ndistinction = 0.9\n";

/// One true/false bank question of 8 lines.
fn bank_question(id: &str, module: &str) -> String {
    format!(
        "[[question]]\nid = \"{id}\"\nmodule = \"{module}\"\nkind = \"true_false\"\ncompetency = \"welcome\"\n\
         prompt = {{ sv = \"Fråga {id}?\", en = \"Question {id}?\" }}\n\
         explanation = {{ sv = \"Därför.\", en = \"Because.\" }}\nanswer = true\n"
    )
}

/// The valid fixture course with `final_block` appended to course.toml and
/// `bank` (when given) as final.toml.
fn course_with(dir: &Path, final_block: &str, bank: Option<&str>) {
    copy_dir(&fixture("valid"), dir);
    let course_toml = dir.join("course.toml");
    let mut text = std::fs::read_to_string(&course_toml).unwrap();
    text.push_str(final_block);
    std::fs::write(course_toml, text).unwrap();
    if let Some(bank) = bank {
        std::fs::write(dir.join("final.toml"), bank).unwrap();
    }
}

fn problems(dir: &Path) -> Vec<String> {
    check_course(dir)
        .1
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn three_questions() -> String {
    [
        bank_question("final-a", "valkommen"),
        bank_question("final-b", "lokalt"),
        bank_question("final-c", "valkommen"),
    ]
    .join("\n")
}

#[test]
fn a_course_with_a_final_test_loads_with_its_bank_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    course_with(tmp.path(), FINAL, Some(&three_questions()));
    let course = load_course(tmp.path()).unwrap();
    let test = course
        .final_test
        .expect("[final] and final.toml make a final test");
    assert_eq!(
        (test.draw, test.pass_mark, test.distinction),
        (3, 0.7, 0.9),
        "the marks are read from [final]"
    );
    assert_eq!(
        test.questions
            .iter()
            .map(|b| (b.module.as_str(), b.question.id.as_str()))
            .collect::<Vec<_>>(),
        [
            ("valkommen", "final-a"),
            ("lokalt", "final-b"),
            ("valkommen", "final-c")
        ],
        "the bank keeps final.toml's order and each question's module"
    );
}

#[test]
fn bank_problems_are_reported_where_they_are_written() {
    let tmp = tempfile::tempdir().unwrap();
    let bank = [
        bank_question("final-a", "valkommen"),
        bank_question("final-b", "nowhere"),
        bank_question("final-a", "lokalt"),
        bank_question("first-impression", "valkommen"),
        "[[question]]\nid = \"no-module\"\nkind = \"true_false\"\ncompetency = \"welcome\"\n\
         prompt = { sv = \"?\", en = \"?\" }\nexplanation = { sv = \".\", en = \".\" }\nanswer = true\n"
            .to_string(),
    ]
    .join("\n");
    course_with(tmp.path(), FINAL, Some(&bank));
    assert_eq!(
        problems(tmp.path()),
        [
            "final.toml:12:10: unknown module `nowhere` (the course's modules: valkommen, lokalt)",
            "final.toml:20:6: duplicate question id `final-a` (first used on line 2)",
            "final.toml:29:6: question id `first-impression` is also a question of module `valkommen`: answers are kept by question id, so a final-test question needs an id of its own",
            "final.toml:37:1: a final-test question has no `module`: add module = \"<module id>\" (the module it tests)",
        ],
        "each problem of the bank at its line and column"
    );
}

#[test]
fn the_final_section_is_checked_against_its_bank() {
    let tmp = tempfile::tempdir().unwrap();
    let too_many = "\n[final]\ndraw = 4\npass_mark = 0.7\ndistinction = 0.9\n";
    course_with(&tmp.path().join("draw"), too_many, Some(&three_questions()));
    assert_eq!(
        problems(&tmp.path().join("draw")),
        [
            "course.toml:22:8: `draw` is 4 but final.toml has 3 questions: an attempt cannot draw more than the bank holds"
        ],
        "a draw larger than the bank is reported at `draw`"
    );

    course_with(&tmp.path().join("no-bank"), FINAL, None);
    assert_eq!(
        problems(&tmp.path().join("no-bank")),
        [
            "course.toml:21:2: `[final]` draws its questions from final.toml at the course root, and that file is missing"
        ],
        "[final] without final.toml is reported at [final]"
    );

    course_with(&tmp.path().join("no-section"), "", Some(&three_questions()));
    assert_eq!(
        problems(&tmp.path().join("no-section")),
        [
            "final.toml:1:1: final.toml holds a final test's questions, but course.toml has no `[final]` (with `draw`, `pass_mark` and `distinction`)"
        ],
        "final.toml without [final] is reported in final.toml"
    );

    let marks = "\n[final]\ndraw = 0\npass_mark = 0.9\ndistinction = 0.8\nshuffle = true\n";
    course_with(&tmp.path().join("marks"), marks, Some(&three_questions()));
    assert_eq!(
        problems(&tmp.path().join("marks")),
        [
            "course.toml:22:8: `draw` is how many questions one attempt draws from final.toml: a whole number of at least 1, not 0",
            "course.toml:24:15: `distinction` (0.8) is below `pass_mark` (0.9): Väl godkänd needs at least the points of Godkänd",
            "course.toml:25:1: unknown key `shuffle` in a final test ([final])",
        ],
        "draw, distinction below the pass mark and unknown keys, each at its value"
    );

    let missing = "\n[final]\ndraw = 3\n";
    course_with(
        &tmp.path().join("missing"),
        missing,
        Some(&three_questions()),
    );
    assert_eq!(
        problems(&tmp.path().join("missing")),
        [
            "course.toml:21:2: final test ([final]) has no `pass_mark`",
            "course.toml:21:2: final test ([final]) has no `distinction`",
        ],
        "pass_mark and distinction are required"
    );
}

#[test]
fn no_module_may_take_the_final_tests_id() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture("valid"), tmp.path());
    let module_toml = tmp.path().join("modules/02-lokalt/module.toml");
    let text = std::fs::read_to_string(&module_toml).unwrap();
    std::fs::write(
        &module_toml,
        text.replace("id = \"lokalt\"", "id = \"final\""),
    )
    .unwrap();
    assert_eq!(
        problems(tmp.path()),
        [
            "modules/02-lokalt/module.toml:1:6: module id `final` is reserved for the course's final test; choose another id"
        ],
        "the final test's attempts are stored under that id"
    );
}

#[test]
fn a_final_test_is_saved_back_unchanged_and_removed_with_the_test() {
    let tmp = tempfile::tempdir().unwrap();
    let source = tmp.path().join("source");
    course_with(&source, FINAL, Some(&three_questions()));
    let course = load_course(&source).unwrap();

    let out = tmp.path().join("copy");
    write_course_with_media(&course, &source, &out).unwrap();
    let again = load_course(&out).unwrap();
    assert_eq!(
        again, course,
        "load → save → load keeps the final test and its bank"
    );
    assert_eq!(
        write_course(&again, &out).unwrap(),
        SaveSummary::default(),
        "saving an unchanged course with a final test changes no byte"
    );
    let written = std::fs::read_to_string(out.join("final.toml")).unwrap();
    assert!(
        written.starts_with(
            "[[question]]\nid = \"final-a\"\nmodule = \"valkommen\"\nkind = \"true_false\"\n"
        ),
        "the module follows the id, then the keys as in quiz.toml:\n{written}"
    );

    let mut without = again.clone();
    without.final_test = None;
    let summary = write_course(&without, &out).unwrap();
    assert_eq!(
        summary.removed,
        ["final.toml"],
        "a course without a final test has no final.toml"
    );
    assert!(
        !std::fs::read_to_string(out.join("course.toml"))
            .unwrap()
            .contains("[final]"),
        "and no [final]"
    );
    assert_eq!(
        load_course(&out).unwrap().final_test,
        None,
        "the course loads without a final test"
    );
}

/// The results-export course ("m": 3 questions, "moten": 2) with a bank of
/// ten numeric questions (answer 1), five per module, drawing all ten.
fn course_with_final() -> Course {
    let mut course = course();
    course.final_test = Some(FinalTest {
        draw: 10,
        pass_mark: 0.7,
        distinction: 0.9,
        questions: (0..10)
            .map(|i| BankQuestion {
                module: if i % 2 == 0 { "m" } else { "moten" }.to_string(),
                question: numeric(&format!("final-{i}")),
            })
            .collect(),
    });
    course
}

fn learner_in(course: &Course) -> Learner {
    let clock = Arc::new(AtomicI64::new(1_767_225_600));
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path(), &clock);
    store.install_course(course, "sv").unwrap();
    let id = store
        .create_profile(&NewProfile {
            name: LEARNER.into(),
            language: Some("sv".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    Learner {
        dir,
        store,
        clock,
        id,
    }
}

/// Takes the final test answering `right` questions right; returns the attempt id.
fn take_final(l: &mut Learner, right: usize) -> vardskap_core::progress::AttemptId {
    let a = l.store.start_final_test(l.id, "vardskap", "sv").unwrap();
    for (i, q) in a.questions.iter().enumerate() {
        let value = if i < right { 1.0 } else { 0.0 };
        l.store
            .save_answer(a.id, &q.id, &Answer::Numeric { value }, "sv")
            .unwrap();
    }
    l.store.submit_attempt(a.id, "sv").unwrap();
    l.clock.fetch_add(3_600, Ordering::SeqCst);
    a.id
}

#[test]
fn the_final_test_opens_when_every_module_is_passed_and_keeps_its_draw_on_resume() {
    let mut course = course_with_final();
    if let Some(test) = course.final_test.as_mut() {
        test.draw = 4;
    }
    let mut l = learner_in(&course);
    match l.store.start_final_test(l.id, "vardskap", "sv") {
        Err(Error::Invalid(message)) => assert!(
            message.contains("every module is passed"),
            "the refusal says why: {message}"
        ),
        other => {
            panic!("the final test must stay closed before the modules are passed, got {other:?}")
        }
    }
    attempt(&mut l, "m", 3);
    attempt(&mut l, "moten", 2);

    let first = l.store.start_final_test(l.id, "vardskap", "sv").unwrap();
    assert_eq!(
        first.module_id, FINAL_TEST_ID,
        "the attempt is stored under the final test's id"
    );
    assert!(!first.resumed, "the first start starts an attempt");
    let ids: Vec<String> = first.questions.iter().map(|q| q.id.clone()).collect();
    assert_eq!(ids.len(), 4, "an attempt asks `draw` questions");
    let per_module = |m: &str| {
        ids.iter()
            .filter(|id| {
                let n: usize = id.trim_start_matches("final-").parse().unwrap();
                n.is_multiple_of(2) == (m == "m")
            })
            .count()
    };
    assert_eq!(
        (per_module("m"), per_module("moten")),
        (2, 2),
        "the draw is balanced across modules"
    );
    l.store
        .save_answer(first.id, &ids[0], &Answer::Numeric { value: 1.0 }, "sv")
        .unwrap();

    // The app closes and opens again.
    drop(l.store);
    l.store = open(l.dir.path(), &l.clock);
    let resumed = l.store.start_final_test(l.id, "vardskap", "sv").unwrap();
    assert!(
        resumed.resumed,
        "starting again resumes the unfinished attempt"
    );
    assert_eq!(resumed.id, first.id, "the same attempt");
    assert_eq!(
        resumed
            .questions
            .iter()
            .map(|q| q.id.clone())
            .collect::<Vec<_>>(),
        ids,
        "a resumed attempt asks the same questions in the same order"
    );
    assert_eq!(resumed.answers.len(), 1, "the saved answer is still there");
    assert!(
        resumed.answers[0].review.is_none(),
        "feedback is deferred to the submission"
    );
    let by_id = l.store.attempt(first.id, "sv").unwrap();
    assert_eq!(
        by_id
            .questions
            .iter()
            .map(|q| q.id.clone())
            .collect::<Vec<_>>(),
        ids,
        "looking the attempt up by id gives the same draw"
    );

    let result = l.store.submit_attempt(first.id, "sv").unwrap();
    assert_eq!((result.score, result.max), (1.0, 4.0), "one of four right");
    assert_eq!(
        result.final_test.map(|f| f.grade),
        Some(FinalGrade::Fail),
        "25 % is Underkänd"
    );
    let next = l.store.start_final_test(l.id, "vardskap", "sv").unwrap();
    assert_ne!(
        next.id, first.id,
        "after a submission, starting again starts a new attempt"
    );
}

#[test]
fn exactly_the_marks_are_godkand_and_val_godkand_and_the_results_say_so() {
    let mut l = learner_in(&course_with_final());
    attempt(&mut l, "m", 3);
    attempt(&mut l, "moten", 2);
    let grades: Vec<Option<FinalGrade>> = [6, 7, 9]
        .into_iter()
        .map(|right| {
            let id = take_final(&mut l, right);
            l.store
                .module_result(id, "sv")
                .unwrap()
                .final_test
                .map(|f| f.grade)
        })
        .collect();
    assert_eq!(
        grades,
        [
            Some(FinalGrade::Fail),
            Some(FinalGrade::Pass),
            Some(FinalGrade::Distinction)
        ],
        "6/10 is below 0.7; exactly 0.7 is Godkänd; exactly 0.9 is Väl godkänd"
    );
    let worse = take_final(&mut l, 1);
    let result = l
        .store
        .module_result(worse, "sv")
        .unwrap()
        .final_test
        .unwrap();
    assert_eq!(
        (result.grade, result.best_grade, result.distinction),
        (FinalGrade::Fail, FinalGrade::Distinction, 0.9),
        "a later failed attempt keeps the best grade, and the result says both"
    );
    let results = l.store.course_results(l.id, "vardskap", "sv").unwrap();
    let summary = results.final_test.expect("the course has a final test");
    assert_eq!(summary.attempts, 4, "four graded attempts");
    assert_eq!(
        summary.grade,
        Some(FinalGrade::Distinction),
        "the best attempt's grade counts"
    );
    assert!(
        summary.passed && results.passed,
        "modules and final test passed: the course is passed"
    );
    let mastery = &results.mastery[0];
    assert_eq!(
        mastery.answers,
        5 + 4 * 10,
        "mastery counts the module answers and every final-test answer"
    );
    let history = l.store.results_history(l.id, "vardskap", "sv").unwrap();
    let points = history
        .final_test
        .expect("the history lists the final test");
    assert_eq!(
        points.attempts.iter().map(|a| a.grade).collect::<Vec<_>>(),
        [
            FinalGrade::Fail,
            FinalGrade::Pass,
            FinalGrade::Distinction,
            FinalGrade::Fail
        ],
        "every attempt with its grade, oldest first"
    );
    let detail = l
        .store
        .attempt_detail(points.attempts[1].point.attempt_id, "en")
        .unwrap();
    assert_eq!(
        detail.module_title, "Final test",
        "the detail names the test"
    );
    assert_eq!(detail.questions.len(), 10, "with every question it asked");
    assert_eq!(detail.final_grade, Some(FinalGrade::Pass), "and its grade");
}

#[test]
fn the_certificate_needs_the_final_test_passed_and_names_the_grade() {
    let mut l = learner_in(&course_with_final());
    attempt(&mut l, "m", 3);
    attempt(&mut l, "moten", 2);
    let before = l.store.course_results(l.id, "vardskap", "sv").unwrap();
    assert!(
        !before.passed,
        "modules alone do not pass a course with a final test"
    );
    assert!(
        before
            .final_test
            .as_ref()
            .is_some_and(|f| f.available && f.grade.is_none()),
        "the test is open and not taken yet"
    );
    match Certificate::for_profile(&l.store, l.id, "vardskap", "en") {
        Err(Error::CourseNotPassed { missing, .. }) => {
            assert_eq!(missing, "Final test", "the final test is what is missing")
        }
        other => panic!("no certificate before the final test is passed, got {other:?}"),
    }
    take_final(&mut l, 5);
    assert!(
        matches!(
            Certificate::for_profile(&l.store, l.id, "vardskap", "sv"),
            Err(Error::CourseNotPassed { .. })
        ),
        "an Underkänd final test gives no certificate"
    );
    take_final(&mut l, 8);
    let cert = Certificate::for_profile(&l.store, l.id, "vardskap", "sv").unwrap();
    let final_test = cert
        .final_test
        .clone()
        .expect("the certificate names the final test");
    assert_eq!(
        (
            final_test.grade,
            final_test.grade_label.as_str(),
            final_test.best_share
        ),
        (FinalGrade::Pass, "Godkänd", 0.8),
        "the best attempt's grade, in the certificate's language"
    );
    let pdf = cert.to_pdf().unwrap();
    assert!(
        pdf.starts_with(b"%PDF"),
        "the certificate renders with its final test"
    );

    let json = export::results_json(&l.store, l.id, "vardskap").unwrap();
    let file = export::parse_results(&json).unwrap();
    let entry = file
        .final_test
        .as_ref()
        .expect("the results file has the final test");
    assert_eq!(
        (entry.grade, entry.attempts.len(), file.passed),
        (Some(FinalGrade::Pass), 2, true),
        "the results file gives the grade, both attempts and the course as passed"
    );
    assert!(
        verify(&json, &cert.code).unwrap(),
        "the certificate's code matches the exported results"
    );
    let edited = json.replacen("\"score\": 8.0", "\"score\": 9.0", 1);
    assert_ne!(edited, json, "the test edits the final attempt's score");
    assert!(
        !verify(&edited, &cert.code).unwrap(),
        "an edited final-test score no longer matches the code"
    );
    let csv = export::results_csv(&l.store, l.id, "vardskap").unwrap();
    assert!(
        csv.lines().any(|line| line.contains(",final,")),
        "the CSV lists the final test's answers under the module `final`"
    );
}
