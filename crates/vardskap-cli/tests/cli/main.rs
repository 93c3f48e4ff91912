//! The CLI as a user runs it: the real binary on real course folders.

#![allow(clippy::unwrap_used)]

mod import_gift;
mod language;
mod lint;
mod package;
mod preview;
mod results;
mod sync;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../vardskap-core/tests/fixtures")
        .join(name)
}

/// Copies the folder `from` to `to`, as a test's own editable course.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` as (path relative to `dir`, bytes), sorted.
fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().display().to_string();
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_vardskap-cli"))
        .args(args)
        .output()
        .unwrap();
    (
        status.code().unwrap_or(-1),
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

#[test]
fn validate_a_valid_course_exits_0_with_one_summary_line() {
    let dir = fixture("valid");
    let (code, out, _) = run(&["validate", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "a valid course passes");
    // The fixture has two item-lint warnings (see lint.rs); they come first.
    let summary: Vec<&str> = out.lines().filter(|l| !l.contains(": warning: ")).collect();
    assert_eq!(
        summary.len(),
        1,
        "one summary line besides the warnings: {out}"
    );
    assert!(
        out.contains("course `fixture-course` 1.0.0 is valid: 2 modules, 2 lessons, 7 questions, 1 scenarios in sv, en"),
        "the summary counts what the course holds: {out}"
    );
}

#[test]
fn validate_a_broken_course_exits_1_with_one_problem_per_line() {
    let dir = fixture("broken/sanitiser-changed");
    let (code, out, err) = run(&["validate", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "problems exit with 1");
    let want = "modules/01-m/lessons/01-intro.en.md:3:1: link `javascript:alert(1)` is not allowed: links go to https:// pages, mailto: addresses or #anchors\n\
        modules/01-m/lessons/01-intro.sv.md:3:5: raw HTML `<b>` is not allowed in lessons and would be removed\n\
        modules/01-m/lessons/01-intro.sv.md:5:1: raw HTML `<script>` is not allowed in lessons and would be removed\n";
    assert_eq!(
        out, want,
        "every problem on stdout as path:line:col: message"
    );
    assert_eq!(err.trim(), "3 problems", "the count goes to stderr");
}

#[test]
fn a_missing_folder_or_bad_arguments_exit_2_with_usage() {
    let (code, out, err) = run(&["validate", "/nonexistent/course"]);
    assert_eq!(code, 2, "an unreadable folder is a usage error");
    assert!(
        out.is_empty() && err.contains("usage:"),
        "the usage goes to stderr: {err}"
    );

    let (code, _, err) = run(&["validate"]);
    assert_eq!(code, 2, "a missing folder argument is a usage error");
    assert!(err.contains("Usage:"), "clap explains the usage: {err}");

    let (code, _, _) = run(&["frobnicate"]);
    assert_eq!(code, 2, "an unknown command is a usage error");
}

#[test]
fn version_is_printed() {
    let want = concat!("vardskap-cli ", env!("CARGO_PKG_VERSION"), "\n");
    for args in [&["--version"][..], &["-V"], &["--lang", "sv", "--version"]] {
        let (code, out, err) = run(args);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (0, want, ""),
            "{args:?}: the version alone on stdout, exit 0, no command needed"
        );
    }
}

#[test]
fn stats_prints_a_table_per_module() {
    let dir = fixture("valid");
    let (code, out, _) = run(&["stats", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "stats of a valid course succeed");
    let want = "fixture-course 1.0.0 (sv, en)\n\
        module        lessons  questions                                         scenarios  languages\n\
        01-valkommen  1        4 (matching 1, multiple 1, ordering 1, single 1)  1          sv complete, en complete\n\
        02-lokalt     1        3 (numeric 1, short_text 1, true_false 1)         0          sv complete, en complete\n";
    assert_eq!(
        out, want,
        "one row per module with counts by kind and language completeness"
    );
}

#[test]
fn stats_json_marks_an_incomplete_language() {
    let dir = fixture("broken/missing-translation");
    let (code, out, err) = run(&["stats", dir.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "stats work on a course with rule problems");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["modules"][0]["languagesComplete"]["en"], false,
        "English lacks the module title"
    );
    assert_eq!(
        json["modules"][0]["questions"]["true_false"], 1,
        "questions are counted by kind"
    );
    assert!(
        err.contains("1 problem"),
        "the problems are mentioned on stderr: {err}"
    );
}

#[test]
fn stats_of_an_unparsable_course_exit_1_with_its_problems() {
    let dir = fixture("broken/toml-syntax");
    let (code, out, _) = run(&["stats", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "a course that cannot be read has no stats");
    assert!(
        out.starts_with("modules/01-m/quiz.toml:7:10: TOML syntax"),
        "the reason is printed: {out}"
    );
}
