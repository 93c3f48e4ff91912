//! The corpus of broken courses: each folder under tests/fixtures/broken
//! breaks one rule of the format, and the validator must report exactly
//! that, at the right `path:line:col`.

use vardskap_core::Error;
use vardskap_core::content::{check_course, load_course};

use crate::fixture;

/// (fixture, every diagnostic it must produce, in order)
const CASES: &[(&str, &[&str])] = &[
    (
        "unknown-key",
        &[
            "course.toml:6:1: unknown key `titel` in course.toml",
            "modules/01-m/quiz.toml:8:1: unknown key `promt` in a question",
        ],
    ),
    (
        "key-of-other-kind",
        &[
            "modules/01-m/quiz.toml:8:1: `tolerance` does not belong in a true_false question, only in numeric questions",
        ],
    ),
    (
        "missing-translation",
        &["modules/01-m/module.toml:2:1: `title` has no `en` translation"],
    ),
    (
        "empty-translation",
        &["modules/01-m/module.toml:2:30: `title` is empty in `en`"],
    ),
    (
        "undeclared-language",
        &["modules/01-m/module.toml:2:40: `de` is not a language of this course (sv, en)"],
    ),
    (
        "duplicate-id",
        &["modules/01-m/quiz.toml:10:6: duplicate question id `q` (first used on line 2)"],
    ),
    (
        "not-a-slug",
        &[
            "modules/01-m/quiz.toml:2:6: question id `Första_frågan` is not a slug: use lower-case letters a-z, digits and `-`, starting with a letter or digit",
        ],
    ),
    (
        "unknown-competency",
        &[
            "modules/01-m/quiz.toml:3:14: unknown competency `welcom` (course.toml declares: welcome)",
        ],
    ),
    (
        "unknown-node",
        &["modules/01-m/scenarios/s.toml:11:8: `next` names no node of this scenario: `nowhere`"],
    ),
    (
        "unreachable-node",
        &[
            "modules/01-m/scenarios/s.toml:23:1: the ending `island` cannot be reached: no path from `start` leads to it",
        ],
    ),
    (
        "unreached-ending",
        &[
            "modules/01-m/scenarios/s.toml:22:6: node `island` cannot be reached from `start`",
            "modules/01-m/scenarios/s.toml:34:1: the ending `lost` cannot be reached: no path from `start` leads to it",
        ],
    ),
    (
        "critical-good-ending",
        &[
            "modules/01-m/scenarios/s.toml:37:1: the good ending `thanks` can be reached after the critical choice `ignore` at node `door` (path: `ignore` → `help`); a critical choice must never end well",
        ],
    ),
    (
        "good-ending-unearned",
        &[
            "modules/01-m/scenarios/s.toml:41:1: the good ending `thanks` can be reached with 0 of 5 points on the path `rush` → `point`; a good ending needs at least half of the best path's 5",
        ],
    ),
    (
        "node-leads-nowhere",
        &[
            "modules/01-m/scenarios/s.toml:21:6: node `dead` has neither choices nor an ending: it leads nowhere",
        ],
    ),
    (
        "loop-without-ending",
        &[
            "modules/01-m/scenarios/s.toml:21:6: from node `b` no path leads to an ending: its choices only go round in a loop",
            "modules/01-m/scenarios/s.toml:31:6: from node `c` no path leads to an ending: its choices only go round in a loop",
        ],
    ),
    (
        "no-good-ending",
        &["modules/01-m/scenarios/s.toml:2:9: no path from `start` leads to a `good` ending"],
    ),
    (
        "ending-with-choices",
        &[
            "modules/01-m/scenarios/s.toml:7:1: a node with an `ending` is the end of the scenario and has no choices",
        ],
    ),
    (
        "no-correct-answer",
        &[
            "modules/01-m/quiz.toml:2:6: no option is marked `correct = true`; a single-choice question needs exactly one",
        ],
    ),
    (
        "single-two-correct",
        &[
            "modules/01-m/quiz.toml:16:1: a single-choice question has exactly one correct option; this is a second one",
        ],
    ),
    (
        "ordering-duplicate-items",
        &[
            "modules/01-m/quiz.toml:14:1: this item reads the same in `sv` as the one on line 10; learners cannot tell them apart",
        ],
    ),
    (
        "matching-too-few-pairs",
        &[
            "modules/01-m/quiz.toml:2:6: a matching question needs at least 2 pairs ([[question.pair]]), it has 1",
        ],
    ),
    (
        "empty-accept",
        &[
            "modules/01-m/quiz.toml:7:17: no accepted answers for `sv`: list at least one",
            "modules/01-m/quiz.toml:7:38: an accepted answer cannot be empty",
        ],
    ),
    (
        "negative-tolerance",
        &["modules/01-m/quiz.toml:8:13: `tolerance` cannot be negative (-1)"],
    ),
    (
        "non-positive-points",
        &["modules/01-m/quiz.toml:8:10: `points` must be above 0, not 0"],
    ),
    (
        "pass-mark-range",
        &[
            "course.toml:5:13: `pass_mark` must be a share of the points, above 0 and at most 1 (e.g. 0.8), not 80",
            "modules/01-m/module.toml:3:13: `pass_mark` must be a share of the points, above 0 and at most 1 (e.g. 0.8), not 0",
        ],
    ),
    (
        "lesson-missing-language",
        &[
            "modules/01-m/lessons/01-intro.en.md:0:0: lesson `intro` has no `en` version: this file is missing",
        ],
    ),
    (
        "lesson-without-title",
        &[
            "modules/01-m/lessons/01-intro.sv.md:1:1: a lesson starts with its title on the first line, like `# Vad är värdskap?`",
        ],
    ),
    (
        "media-missing",
        &[
            "modules/01-m/lessons/01-intro.en.md:3:1: image file `modules/01-m/media/entre.svg` does not exist",
            "modules/01-m/lessons/01-intro.sv.md:3:1: image file `modules/01-m/media/entre.svg` does not exist",
        ],
    ),
    (
        "media-outside",
        &[
            "modules/01-m/lessons/01-intro.sv.md:3:1: image `../../../../passwd` points outside the course folder",
        ],
    ),
    (
        "image-without-alt",
        &[
            "modules/01-m/lessons/01-intro.sv.md:3:9: image `../media/entre.svg` has no alt text: describe it in the brackets, like ![The entrance](…)",
        ],
    ),
    (
        "sanitiser-changed",
        &[
            "modules/01-m/lessons/01-intro.en.md:3:1: link `javascript:alert(1)` is not allowed: links go to https:// pages, mailto: addresses or #anchors",
            "modules/01-m/lessons/01-intro.sv.md:3:5: raw HTML `<b>` is not allowed in lessons and would be removed",
            "modules/01-m/lessons/01-intro.sv.md:5:1: raw HTML `<script>` is not allowed in lessons and would be removed",
        ],
    ),
    (
        "toml-syntax",
        &["modules/01-m/quiz.toml:7:10: TOML syntax: invalid boolean, expected `true`"],
    ),
    (
        "wrong-type",
        &["modules/01-m/quiz.toml:8:10: `points` must be a number, not a string"],
    ),
    (
        "missing-key",
        &["modules/01-m/quiz.toml:1:1: question has no `prompt`"],
    ),
    (
        "unknown-kind",
        &[
            "modules/01-m/quiz.toml:6:8: unknown question kind `yes_no` (one of: single, multiple, true_false, short_text, numeric, ordering, matching)",
        ],
    ),
    (
        "duplicate-module-id",
        &[
            "modules/02-m/module.toml:1:6: duplicate module id `m` (also in modules/01-m/module.toml)",
        ],
    ),
    (
        "missing-module-toml",
        &["modules/01-m/module.toml:0:0: this file is missing"],
    ),
];

#[test]
fn each_broken_course_reports_exactly_its_problems_where_they_are() {
    let mut failures = Vec::new();
    for (name, want) in CASES {
        let (_, problems) = check_course(&fixture(&format!("broken/{name}")));
        let got: Vec<String> = problems.iter().map(ToString::to_string).collect();
        if got != *want {
            failures.push(format!("{name}:\n  got:  {got:#?}\n  want: {want:#?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "every rule is reported at its place:\n{}",
        failures.join("\n")
    );
}

#[test]
fn each_problem_is_said_in_swedish_too_at_the_same_place() {
    let mut english_left = Vec::new();
    for (name, _) in CASES {
        let (_, problems) = check_course(&fixture(&format!("broken/{name}")));
        for p in &problems {
            let swedish = p.line_in("sv");
            let at = format!("{}:{}:{}: ", p.path, p.line, p.column);
            assert!(swedish.starts_with(&at), "{name}: at its place: {swedish}");
            assert_eq!(p.line_in("en"), p.to_string(), "{name}: English as before");
            if p.message("sv") == p.message {
                english_left.push(format!("{name}: {swedish}"));
            }
        }
    }
    assert!(
        english_left.is_empty(),
        "every problem has Swedish words: {english_left:#?}"
    );
    let swedish = |name: &str| {
        let (_, problems) = check_course(&fixture(&format!("broken/{name}")));
        problems.iter().map(|p| p.line_in("sv")).collect::<Vec<_>>()
    };
    assert_eq!(
        swedish("missing-key"),
        ["modules/01-m/quiz.toml:1:1: frågan saknar `prompt`"],
        "the table is named in Swedish"
    );
    assert_eq!(
        swedish("wrong-type"),
        ["modules/01-m/quiz.toml:8:10: `points` måste vara ett tal, inte en sträng"],
        "and the types"
    );
    assert_eq!(
        swedish("key-of-other-kind"),
        [
            "modules/01-m/quiz.toml:8:1: `tolerance` hör inte hemma i en true_false-fråga, bara i numeric-frågor"
        ],
        "code words stay code"
    );
}

#[test]
fn every_fixture_folder_is_covered_by_a_case() {
    let mut folders: Vec<String> = std::fs::read_dir(fixture("broken"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    folders.sort();
    let mut cases: Vec<String> = CASES.iter().map(|(n, _)| n.to_string()).collect();
    cases.sort();
    assert_eq!(
        folders, cases,
        "a broken fixture without a case would test nothing"
    );
}

#[test]
fn load_course_refuses_a_broken_course_with_all_its_problems() {
    let dir = fixture("broken/sanitiser-changed");
    match load_course(&dir) {
        Err(Error::InvalidContent(problems)) => {
            assert_eq!(
                problems,
                check_course(&dir).1,
                "load_course lists the same problems as check_course"
            );
        }
        other => panic!("a broken course must not load, got {other:?}"),
    }
}

#[test]
fn a_course_with_rule_problems_is_still_returned_by_check_course() {
    let (course, problems) = check_course(&fixture("broken/no-good-ending"));
    assert!(!problems.is_empty(), "the broken rule is reported");
    assert!(
        course.is_some(),
        "the course is still built, so an editor can show it with its problems"
    );
    let (course, _) = check_course(&fixture("broken/toml-syntax"));
    assert!(
        course.is_none(),
        "a file that cannot be parsed gives no course"
    );
}

#[test]
fn a_missing_folder_is_a_problem_not_a_panic() {
    let (course, problems) = check_course(std::path::Path::new("/nonexistent/vardskap-course"));
    assert!(course.is_none(), "nothing loads from a missing folder");
    assert_eq!(
        problems.first().map(ToString::to_string).as_deref(),
        Some("course.toml:0:0: this file is missing"),
        "the missing course.toml is named"
    );
}

/// A course of the `good-ending-unearned` fixture whose scenario is `levels`
/// diamonds: at each level `up` gives a point and `down` none, and both meet
/// again, so there are 2^levels paths to the one good ending. Also returns
/// the line of that ending's `ending` key.
fn diamond_course(levels: usize) -> (tempfile::TempDir, std::path::PathBuf, usize) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    crate::copy_dir(&fixture("broken/good-ending-unearned"), &dir);
    let mut toml =
        String::from("title = { sv = \"Diamanter\", en = \"Diamonds\" }\nstart = \"l0\"\n");
    let choice = |id: &str, next: &str, points: &str| {
        format!(
            "\n[[node.choice]]\nid = \"{id}\"\ntext = {{ sv = \"{id}\", en = \"{id}\" }}\nnext = \"{next}\"\n{points}feedback = {{ sv = \"Ok.\", en = \"Ok.\" }}\n"
        )
    };
    let node = |id: &str| {
        format!("\n[[node]]\nid = \"{id}\"\ntext = {{ sv = \"{id}\", en = \"{id}\" }}\n")
    };
    for level in 0..levels {
        let next = format!("l{}", level + 1);
        toml += &node(&format!("l{level}"));
        toml += &choice("up", &format!("u{level}"), "points = { welcome = 1 }\n");
        toml += &choice("down", &format!("d{level}"), "");
        for side in ["u", "d"] {
            toml += &node(&format!("{side}{level}"));
            toml += &choice("on", &next, "");
        }
    }
    toml += &node(&format!("l{levels}"));
    toml += "ending = \"good\"\ndebrief = { sv = \"Slut.\", en = \"The end.\" }\n";
    let ending_line = toml.lines().position(|l| l.starts_with("ending")).unwrap() + 1;
    std::fs::write(dir.join("modules/01-m/scenarios/s.toml"), toml).unwrap();
    (tmp, dir, ending_line)
}

#[test]
fn sixty_diamonds_are_checked_without_walking_their_paths() {
    let (_tmp, dir, ending_line) = diamond_course(60);
    let began = std::time::Instant::now();
    let (_, problems) = check_course(&dir);
    let took = began.elapsed();
    let got: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let steps = "`down` → `on` → `down` → `on` → `down` → `on` → `down` → `on`";
    assert_eq!(
        got,
        [format!(
            "modules/01-m/scenarios/s.toml:{ending_line}:1: the good ending `l60` can be reached with 0 of 60 points on the path {steps} → … (104 more) … → {steps}; a good ending needs at least half of the best path's 60"
        )],
        "the worst of 2^60 paths is found, named by a shortened path, at the ending's line"
    );
    assert_eq!(
        problems[0].message("sv"),
        format!(
            "det goda slutet `l60` går att nå med 0 av 60 poäng på vägen {steps} → … (104 till) … → {steps}; ett gott slut kräver minst hälften av den bästa vägens 60"
        ),
        "the shortened path is said in Swedish too"
    );
    assert!(
        took < std::time::Duration::from_secs(3),
        "2^60 paths must be checked by dynamic programming, not one by one (took {took:?})"
    );
}
