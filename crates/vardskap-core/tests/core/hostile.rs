//! Hostile course folders and GIFT banks: each is refused or read in bounded
//! time and memory, with a located problem where a limit is crossed. The
//! watchdog below is a hang detector, not a timing: every case here takes
//! well under a second once linear, and minutes when it was quadratic.

use std::sync::mpsc;
use std::time::Duration;

use vardskap_core::content::{Diagnostic, check_course};

use crate::{copy_dir, fixture};

/// Runs `work` on a thread and fails the test when it has not finished in
/// `seconds` (generous: a debug build on a loaded 2-core machine).
fn within<T: Send + 'static>(
    seconds: u64,
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    rx.recv_timeout(Duration::from_secs(seconds))
        .unwrap_or_else(|_| {
            panic!("{what} did not finish within {seconds} s: a step is not linear")
        })
}

const LESSON: &str = "modules/01-valkommen/lessons/01-vad-ar-vardskap.sv.md";

/// The valid fixture with the Swedish lesson replaced by `markdown`.
fn course_with_lesson(markdown: String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("valid"), dir.path());
    std::fs::write(dir.path().join(LESSON), markdown).unwrap();
    dir
}

fn lesson_problems(dir: tempfile::TempDir) -> Vec<Diagnostic> {
    let problems = within(60, "checking the course", move || {
        check_course(dir.path()).1
    });
    problems.into_iter().filter(|d| d.path == LESSON).collect()
}

#[test]
fn a_lesson_of_100k_nested_divs_is_refused_at_its_line() {
    let mut md = String::from("# Djupt\n\nText.\n\n");
    md.push_str(&"<div>\n".repeat(100_000));
    let problems = lesson_problems(course_with_lesson(md));
    assert!(
        problems
            .iter()
            .any(|d| d.message.contains("nested more than 100 levels") && d.line > 4),
        "deep nesting must be a problem located in the lesson, past its title: {:?}",
        &problems[..problems.len().min(3)]
    );
}

#[test]
fn a_lesson_of_100k_strong_tags_is_refused() {
    // <strong> is allowed, so nothing else is reported: the nesting is.
    let mut md = String::from("# Fetstil\n\n");
    md.push_str(&"<strong>".repeat(100_000));
    md.push_str(" text\n");
    let problems = lesson_problems(course_with_lesson(md));
    assert!(
        problems
            .iter()
            .any(|d| d.message.contains("nested more than") && d.line == 3),
        "100,000 unclosed <strong> nest that deep, on line 3: {:?}",
        &problems[..problems.len().min(3)]
    );
}

#[test]
fn a_lesson_of_100k_disallowed_bold_tags_is_checked_in_bounded_time() {
    let mut md = String::from("# Fetstil\n\n");
    md.push_str(&"<b>".repeat(100_000));
    md.push_str(" text\n");
    let problems = lesson_problems(course_with_lesson(md));
    assert!(
        problems.len() <= 101 && problems.iter().any(|d| d.message.contains("more problems")),
        "each <b> is a problem, listed up to the limit: {} problems",
        problems.len()
    );
}

#[test]
fn many_bad_tags_on_one_line_give_a_bounded_list_of_problems() {
    let mut md = String::from("# Taggar\n\n");
    md.push_str(&"<x-tag></x-tag>".repeat(50_000));
    md.push('\n');
    let problems = lesson_problems(course_with_lesson(md));
    assert!(
        problems.len() <= 101,
        "at most 100 located problems per file and one line counting the rest, got {}",
        problems.len()
    );
    assert!(
        problems
            .iter()
            .any(|d| d.message.contains("49900 more problems")),
        "the author learns how many more there are: {:?}",
        problems.last()
    );
}

#[test]
fn an_oversized_lesson_is_refused_without_reading_it_whole() {
    let mut md = String::from("# Stor\n\n");
    md.push_str(&"Ord och mer ord. ".repeat(300_000)); // about 5 MiB
    let problems = lesson_problems(course_with_lesson(md));
    let messages: Vec<&str> = problems.iter().map(|d| d.message.as_str()).collect();
    assert!(
        messages.len() == 1 && messages[0].contains("larger than 4 MiB"),
        "a lesson over the size limit is refused in words, and only that: the file is there, \
         so it is not also reported missing: {messages:?}"
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_the_course_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.sv.md");
    std::fs::write(&secret, "# HEMLIGT\n\nZZSECRET\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("valid"), dir.path());
    let lesson = dir.path().join(LESSON);
    std::fs::remove_file(&lesson).unwrap();
    std::os::unix::fs::symlink(&secret, &lesson).unwrap();
    let (course, problems) = check_course(dir.path());
    assert!(
        problems.iter().any(|d| d.message.contains("symbolic link")),
        "a linked lesson file is refused in words: {problems:?}"
    );
    let json = serde_json::to_string(&course).unwrap();
    assert!(
        !json.contains("ZZSECRET"),
        "nothing is read through the link"
    );

    // A linked folder of modules is not entered either.
    let elsewhere = tempfile::tempdir().unwrap();
    copy_dir(
        &dir.path().join("modules/01-valkommen"),
        &elsewhere.path().join("02-ute"),
    );
    std::os::unix::fs::symlink(
        elsewhere.path().join("02-ute"),
        dir.path().join("modules/02-ute"),
    )
    .unwrap();
    let (_, problems) = check_course(dir.path());
    assert!(
        problems
            .iter()
            .any(|d| d.path == "modules/02-ute" && d.message.contains("symbolic link")),
        "a linked module folder is reported, not read: {problems:?}"
    );
}

#[test]
fn twenty_thousand_gift_questions_with_one_title_get_distinct_ids_in_linear_time() {
    let gift: String = (0..20_000)
        .map(|i| format!("::Samma titel::Fråga {i}? {{T}}\n\n"))
        .collect();
    let import = within(60, "importing the GIFT bank", move || {
        vardskap_core::gift::parse(&gift, "welcome", &["sv".to_string()])
    });
    assert_eq!(import.questions.len(), 20_000, "every question is imported");
    let ids: std::collections::HashSet<&str> =
        import.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), 20_000, "every question has its own id");
    assert_eq!(
        import.questions[19_999].id, "samma-titel-20000",
        "the suffixes count up as before"
    );
}

/// One 2 MiB image referenced 300 times used to be inlined once per
/// reference: 300 × 2.7 MB of base64 in one lesson. Now each reference is a
/// URL the shell serves from the course folder, and the lesson's HTML does
/// not depend on the image's size.
#[test]
fn an_image_referenced_300_times_is_not_copied_into_the_lesson() {
    const IMAGE_BYTES: usize = 2 << 20;
    const BASE: &str = "vardskap-media://localhost/course/fixture-course/";
    let mut md = String::from("# Bilder\n\n");
    for i in 0..300 {
        md.push_str(&format!("![Bild {i}](../media/stor.png)\n\n"));
    }
    let dir = course_with_lesson(md);
    let media = dir.path().join("modules/01-valkommen/media");
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.resize(IMAGE_BYTES, 0);
    std::fs::write(media.join("stor.png"), &png).unwrap();

    let html = |dir: std::path::PathBuf| {
        within(60, "rendering the lesson", move || {
            let (course, problems) = check_course(&dir);
            let course = course.unwrap_or_else(|| panic!("the course loads: {problems:?}"));
            let module = course
                .modules
                .iter()
                .find(|m| m.dir == "01-valkommen")
                .unwrap();
            let lesson = &module.lessons[0].id;
            vardskap_core::content::lesson_view(&course, Some(BASE), &module.id, lesson, "sv")
                .unwrap()
                .html
        })
    };
    let big = html(dir.path().to_path_buf());
    let url = format!("{BASE}modules/01-valkommen/media/stor.png");
    assert_eq!(
        big.matches(&url).count(),
        300,
        "every reference points at the one served file"
    );
    assert!(
        big.len() < 64 * 1024,
        "the lesson's HTML stays small: {} bytes (inlined it was about {} MB)",
        big.len(),
        300 * IMAGE_BYTES.div_ceil(3) * 4 / 1_000_000
    );

    std::fs::write(media.join("stor.png"), b"\x89PNG").unwrap();
    assert_eq!(
        html(dir.path().to_path_buf()),
        big,
        "the HTML is the same whatever the image's size"
    );

    std::fs::write(media.join("stor.png"), &png).unwrap();
    let (bytes, mime) =
        vardskap_core::content::read_media(dir.path(), "modules/01-valkommen/media/stor.png")
            .unwrap();
    assert_eq!(
        (bytes.len(), mime),
        (IMAGE_BYTES, "image/png"),
        "the shell reads the file once per request, as it is"
    );
}

// Found by fuzzing (fuzz/, `make fuzz`): each input below, minimised, once
// broke a promise of the core. The comment names the target that found it.

/// Imports `gift` into the first module of a copy of the valid course, as
/// `vardskap-cli import-gift` does, and checks the course afterwards.
fn import_gift_and_check(gift: &str) -> (vardskap_core::gift::ImportSummary, Vec<Diagnostic>) {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("course");
    copy_dir(&fixture("valid"), &course);
    let file = dir.path().join("bank.gift.txt");
    std::fs::write(&file, gift).unwrap();
    let summary = vardskap_core::gift::import_into_module(
        &file,
        &course.join("modules/01-valkommen"),
        "welcome",
        &[],
    )
    .unwrap();
    let (_, problems) = within(60, "checking the course", move || check_course(&course));
    (summary, problems)
}

#[test]
fn gift_matching_pairs_that_share_a_side_are_a_problem_not_a_course_that_no_longer_loads() {
    // `gift`: Moodle lets two pairs share a right side ("Database" twice in
    // its activities question); the loader refuses sides that read the same
    // in any case, so such a question made the course unloadable.
    let gift = "Djur? {\n=Katt -> Djur\n=Hund -> djur\n}\n\n\
                Sidor? {\n=a -> x\n=A -> y\n}\n\n\
                Par? {\n=a -> x\n=b -> y\n}\n";
    let (summary, problems) = import_gift_and_check(gift);
    assert!(
        problems.is_empty(),
        "the course still loads after the import: {problems:?}"
    );
    assert_eq!(
        summary.imported.len(),
        1,
        "only the question with distinct sides is imported"
    );
    assert!(
        summary
            .problems
            .iter()
            .any(|p| p.line == 3 && p.message.contains("right side \"djur\"")),
        "the shared right side is reported where it is written: {:?}",
        summary.problems
    );
    assert!(
        summary
            .problems
            .iter()
            .any(|p| p.line == 8 && p.message.contains("left side \"A\"")),
        "so is a shared left side: {:?}",
        summary.problems
    );
}
