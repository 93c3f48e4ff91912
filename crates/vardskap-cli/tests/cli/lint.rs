//! `validate` with the item lint's warnings, `--strict`, and `stats --json`'s
//! key figures.

use std::path::PathBuf;

use super::{copy_dir, fixture, path, run};

/// The valid fixture copied into a temporary folder, to be changed.
fn course() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    copy_dir(&fixture("valid"), &dir);
    (tmp, dir)
}

const MOSTLY_CORRECT: &str = "modules/01-valkommen/quiz.toml:20:1: warning: 2 of 3 options are correct: a learner who ticks everything scores well, and the few wrong ones stand out; add plausible wrong options or make it a single choice";
const YEAR: &str = "modules/02-lokalt/quiz.toml:26:1: warning: note: the answer 1621 looks like a year: recalling dates says little about how someone acts with a guest; ask about a situation instead";

#[test]
fn warnings_are_printed_but_do_not_fail_validate() {
    let dir = fixture("valid");
    let (code, out, err) = run(&["validate", path(&dir)]);
    assert_eq!(
        code, 0,
        "warnings alone leave the exit code at 0: {out}{err}"
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..2],
        [MOSTLY_CORRECT, YEAR],
        "each warning as path:line:col: warning: message"
    );
    assert!(
        lines[2].ends_with("is valid: 2 modules, 2 lessons, 7 questions, 1 scenarios in sv, en"),
        "the summary follows: {out}"
    );
    assert_eq!(err.trim(), "2 warnings", "the count goes to stderr");
}

#[test]
fn strict_fails_on_warnings_and_passes_a_clean_course() {
    let (_tmp, dir) = course();
    let (code, out, err) = run(&["validate", "--strict", path(&dir)]);
    assert_eq!(code, 1, "--strict makes warnings fail: {out}{err}");
    assert!(err.contains("--strict"), "stderr says why it failed: {err}");

    // Fix both findings: one correct option of three, and a number that is no year.
    let quiz = dir.join("modules/01-valkommen/quiz.toml");
    let text = std::fs::read_to_string(&quiz).unwrap();
    let text = text.replacen("id = \"open-posture\"\ntext = { sv = \"Öppen hållning\", en = \"Open posture\" }\ncorrect = true", "id = \"open-posture\"\ntext = { sv = \"Öppen hållning\", en = \"Open posture\" }", 1);
    std::fs::write(&quiz, text).unwrap();
    let numeric = dir.join("modules/02-lokalt/quiz.toml");
    let text = std::fs::read_to_string(&numeric)
        .unwrap()
        .replace("answer = 1621", "answer = 400");
    std::fs::write(&numeric, text).unwrap();
    let (code, out, err) = run(&["validate", "--strict", path(&dir)]);
    assert_eq!(
        code, 0,
        "a course without warnings passes --strict: {out}{err}"
    );
    assert_eq!(out.lines().count(), 1, "only the summary: {out}");
    assert!(err.is_empty(), "no warning count without warnings: {err}");
}

#[test]
fn errors_come_first_then_warnings_and_the_code_is_1() {
    let (_tmp, dir) = course();
    let module = dir.join("modules/01-valkommen/module.toml");
    let mut text = std::fs::read_to_string(&module).unwrap();
    text.push_str("colour = \"red\"\n");
    std::fs::write(&module, text).unwrap();
    let (code, out, err) = run(&["validate", path(&dir)]);
    assert_eq!(code, 1, "an error fails the check");
    assert_eq!(
        out,
        format!(
            "modules/01-valkommen/module.toml:6:1: unknown key `colour` in module.toml\n{MOSTLY_CORRECT}\n{YEAR}\n"
        ),
        "the error, then the warnings; no summary for a course with errors"
    );
    assert_eq!(err, "1 problem\n2 warnings\n", "both counts on stderr");
}

#[test]
fn stats_json_reports_key_position_length_and_true_false_balance() {
    let (code, out, err) = run(&["stats", path(&fixture("valid")), "--json"]);
    assert_eq!(code, 0, "stats of a valid course succeed: {err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys = &json["keys"];
    assert_eq!(
        keys["single"]["atPosition"],
        serde_json::json!([1, 0]),
        "the one single-choice key is first of two"
    );
    assert_eq!(
        keys["single"]["firstShare"], 1.0,
        "every single-choice key is first"
    );
    assert_eq!(
        keys["multiple"]["atPosition"],
        serde_json::json!([1, 1, 0]),
        "two correct options first and second of three"
    );
    assert_eq!(
        keys["multiple"]["keysFirstShare"], 1.0,
        "the correct options come before the wrong one"
    );
    assert_eq!(
        keys["keyLength"]["lang"], "sv",
        "lengths in the course's first language"
    );
    assert_eq!(
        keys["keyLength"]["onlyLongestShare"], 0.0,
        "`Tittar upp och hälsar` is shorter than `Avslutar telefonsamtalet först`"
    );
    assert_eq!(
        keys["trueFalse"],
        serde_json::json!({ "questions": 1, "true": 0, "false": 1 }),
        "one true/false question, keyed false"
    );
    assert_eq!(
        json["modules"][1]["keys"]["trueFalse"]["false"], 1,
        "each module has its own figures"
    );
    assert_eq!(
        json["modules"][0]["questions"]["single"], 1,
        "what stats printed before is still there"
    );
}
