//! The loader never panics, whatever the bytes in a course's files.

use std::path::Path;

use proptest::prelude::*;
use vardskap_core::content::check_course;

use crate::fixture;

/// A copy of the valid fixture in a temp dir, with `path` replaced by `bytes`.
fn course_with(path: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("valid"), dir.path());
    std::fs::write(dir.path().join(path), bytes).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

const FILES: [&str; 5] = [
    "course.toml",
    "modules/01-valkommen/module.toml",
    "modules/01-valkommen/quiz.toml",
    "modules/01-valkommen/scenarios/stadshuset.toml",
    "modules/01-valkommen/lessons/01-vad-ar-vardskap.sv.md",
];

/// TOML-ish text built from the format's own keys and punctuation, so that
/// random input gets past the parser often enough to reach the rules.
fn tomlish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("id = \"a\"\n"),
        Just("kind = \"single\"\n"),
        Just("kind = \"ordering\"\n"),
        Just("competency = \"welcome\"\n"),
        Just("[[question]]\n"),
        Just("[[question.option]]\n"),
        Just("[[question.item]]\n"),
        Just("[[node]]\n"),
        Just("[[node.choice]]\n"),
        Just("next = \"a\"\n"),
        Just("start = \"a\"\n"),
        Just("ending = \"good\"\n"),
        Just("correct = true\n"),
        Just("points = -1e400\n"),
        Just("points = { welcome = nan }\n"),
        Just("text = { sv = \"x\", en = \"\" }\n"),
        Just("title = { sv = \"Ö\" }\n"),
        Just("accept = { sv = [] }\n"),
        Just("answer = 0x7fffffffffffffff\n"),
        Just("= \"\n"),
        Just("{"),
        Just("]"),
    ];
    proptest::collection::vec(token, 0..40).prop_map(|t| t.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_in_any_file_never_panic(file in 0..FILES.len(), bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let dir = course_with(FILES[file], &bytes);
        let (_, problems) = check_course(dir.path());
        for p in &problems {
            prop_assert!(!p.message.is_empty(), "every problem says what is wrong: {}", p);
        }
    }

    #[test]
    fn random_toml_never_panics(file in 0..4usize, text in tomlish()) {
        let dir = course_with(FILES[file], text.as_bytes());
        let (course, problems) = check_course(dir.path());
        prop_assert!(course.is_some() || !problems.is_empty(), "a course that cannot be built always says why");
    }

    #[test]
    fn random_markdown_never_panics(text in "(#|!|\\[|\\]|\\(|\\)|<|>|/|\\.\\./|[a-z ]|\n|script|img|\\|)*") {
        let dir = course_with(FILES[4], text.as_bytes());
        let _ = check_course(dir.path());
    }
}
