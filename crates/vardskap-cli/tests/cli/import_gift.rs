//! `import-gift`: Moodle's own GIFT files into a copy of a real course.

use super::{copy_dir, fixture, path, run};

fn gift(name: &str) -> std::path::PathBuf {
    fixture("gift").join(name)
}

/// A fresh copy of the valid fixture course, and its first module.
fn course() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("course");
    copy_dir(&fixture("valid"), &course);
    (tmp, course)
}

#[test]
fn moodle_files_import_and_the_course_still_validates() {
    let (_tmp, course) = course();
    let module = course.join("modules/01-valkommen");
    let file = gift("moodle-questions.gift.txt");

    let (code, out, _) = run(&["import-gift", path(&file), "--into", path(&module)]);
    assert_eq!(
        code, 0,
        "questions were imported despite a skip and problems: {out}"
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..8],
        [
            "5: moodle-activities (matching)",
            "14: q2 (single)",
            "22: colours (multiple)",
            "31: q5 (numeric)",
            "34: shortanswer (short_text)",
            "41: q1 (true_false)",
            "46: 2-08-tsl (true_false)",
            "49: 2-08-tsl-2 (true_false)",
        ],
        "each imported question as `line: id (kind)`, in file order: {out}"
    );
    let name = path(&file);
    assert!(
        out.contains(&format!(
            "{name}:2: skipped essay: essay questions need a teacher to grade them\n"
        )),
        "the essay is listed as skipped with its line: {out}"
    );
    assert!(
        out.contains(&format!(
            "{name}:31:62: stray text after the answers was ignored: `\";`\n"
        )),
        "problems are located as file:line:col: {out}"
    );
    assert!(
        out.contains(&format!(
            "{name}: note: the questions were imported as sv; the same text was put in en, which needs translation\n"
        )),
        "a note about the whole file has no line: {out}"
    );
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with("imported 8 questions for competency `welcome` into ")
            && lines.last().unwrap().ends_with("; skipped 1, 2 problems"),
        "the summary is the last line and names the course's first competency: {out}"
    );

    let other = gift("moodle-questions_in_category.gift.txt");
    let (code, out, _) = run(&[
        "import-gift",
        path(&other),
        "--into",
        path(&module),
        "--competency",
        "local",
    ]);
    assert_eq!(code, 0, "the second Moodle file imports too: {out}");
    assert!(
        out.starts_with("5: moodle-activities-2 (matching)\n"),
        "an id the module already has gets a suffix: {out}"
    );
    assert!(
        out.contains("imported 4 questions for competency `local`"),
        "the competency given is used: {out}"
    );

    let (code, out, err) = run(&["validate", path(&course)]);
    assert_eq!(
        code, 0,
        "the course with imported questions validates: {out}{err}"
    );
    assert!(
        out.contains("2 modules, 2 lessons, 19 questions, 1 scenarios"),
        "7 questions of the fixture plus 8 and 4 imported: {out}"
    );
}

#[cfg(unix)]
#[test]
fn the_quiz_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let (_tmp, course) = course();
    let quiz = course.join("modules/01-valkommen/quiz.toml");
    for mode in [0o644, 0o664] {
        std::fs::set_permissions(&quiz, std::fs::Permissions::from_mode(mode)).unwrap();
        let file = gift("moodle-questions.gift.txt");
        let (code, out, err) = run(&[
            "import-gift",
            path(&file),
            "--into",
            path(&course.join("modules/01-valkommen")),
        ]);
        assert_eq!(code, 0, "the questions are imported: {out}{err}");
        let after = std::fs::metadata(&quiz).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            after, mode,
            "quiz.toml keeps mode {mode:o}, not the temporary file's 600"
        );
    }
}

#[test]
fn a_quiz_too_large_to_load_is_refused_and_nothing_is_written() {
    let (tmp, course) = course();
    let module = course.join("modules/01-valkommen");
    let file = tmp.path().join("big.gift");
    let prompt = "ord ".repeat(20_000);
    let gift: String = (0..30)
        .map(|i| format!("::Q{i}:: {prompt} {{T}}\n\n"))
        .collect();
    std::fs::write(&file, gift).unwrap();

    let (code, out, err) = run(&["import-gift", path(&file), "--into", path(&module)]);
    assert_eq!(code, 1, "the import is refused: {out}{err}");
    assert!(
        err.contains("quiz.toml would be")
            && err.contains("larger than the 4 MiB")
            && err.contains("nothing was written"),
        "stderr names the file, the limit and that nothing changed: {err}"
    );
    assert_eq!(
        super::files_under(&course),
        super::files_under(&fixture("valid")),
        "the course is as it was, so validate still accepts it"
    );
}

#[test]
fn a_file_with_nothing_importable_exits_1_and_leaves_the_quiz_alone() {
    let (tmp, course) = course();
    let module = course.join("modules/01-valkommen");
    let before = std::fs::read(module.join("quiz.toml")).unwrap();
    let file = tmp.path().join("essay.gift");
    std::fs::write(&file, "::Essay:: Describe a good welcome. {}\n").unwrap();

    let (code, out, err) = run(&["import-gift", path(&file), "--into", path(&module)]);
    assert_eq!(code, 1, "nothing could be imported: {out}{err}");
    assert!(
        out.contains(&format!("{}:1: skipped essay:", path(&file))),
        "the reason is shown: {out}"
    );
    assert!(
        err.contains("nothing in") && err.contains("could be imported"),
        "stderr says nothing was imported: {err}"
    );
    assert_eq!(
        std::fs::read(module.join("quiz.toml")).unwrap(),
        before,
        "a failed import does not touch quiz.toml"
    );
}

#[test]
fn bad_arguments_exit_2() {
    let (tmp, course) = course();
    let module = course.join("modules/01-valkommen");
    let file = gift("moodle-questions.gift.txt");

    let missing = tmp.path().join("missing.gift");
    let (code, _, err) = run(&["import-gift", path(&missing), "--into", path(&module)]);
    assert_eq!(code, 2, "an unreadable GIFT file is a usage error: {err}");
    assert!(err.contains("usage:"), "the usage is shown: {err}");

    let (code, _, err) = run(&["import-gift", path(&file), "--into", path(&course)]);
    assert_eq!(code, 2, "the course folder is not a module folder: {err}");
    assert!(err.contains("no module.toml"), "the reason is named: {err}");

    let (code, _, err) = run(&[
        "import-gift",
        path(&file),
        "--into",
        path(&module),
        "--competency",
        "nope",
    ]);
    assert_eq!(code, 2, "an unknown competency is a usage error: {err}");
    assert!(
        err.contains("no competency \"nope\" (it has: welcome, local, recovery)"),
        "the known competencies are listed: {err}"
    );

    let (code, _, err) = run(&["import-gift", path(&file)]);
    assert_eq!(code, 2, "--into is required: {err}");
    assert_eq!(
        super::files_under(&course),
        super::files_under(&fixture("valid")),
        "no failed call changed the course"
    );
}
