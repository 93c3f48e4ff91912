//! A course folder made from the input, read by the real loader: every file
//! parsed and checked, every lesson rendered and sanitised, then viewed,
//! counted, linted and checked again as the editor would save it.
//!
//! The input is the folder's files separated by NUL bytes, in this order
//! (a missing part is a missing file): course.toml, module.toml, a lesson's
//! Markdown (written as both `01-lektion.sv.md` and `01-lektion.en.md`),
//! quiz.toml, a scenario, final.toml. scripts/fuzz.sh builds the seeds so
//! from the test fixtures and the built-in course.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use vardskap_core::content::{self, Severity};
use vardskap_core::editor;

const MODULE: &str = "modules/01-m";

/// Where each NUL-separated part of the input goes.
const FILES: [&[&str]; 6] = [
    &["course.toml"],
    &["modules/01-m/module.toml"],
    &[
        "modules/01-m/lessons/01-lektion.sv.md",
        "modules/01-m/lessons/01-lektion.en.md",
    ],
    &["modules/01-m/quiz.toml"],
    &["modules/01-m/scenarios/s.toml"],
    &["final.toml"],
];

/// An image the lessons can point at (`media://bild.svg` from a lesson is
/// `../media/bild.svg` relative to it).
const IMAGE: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>"#;

/// The base the shell gives rendered lessons' image URLs.
const BASE: &str = "/kurs/";

/// Every image a rendered lesson points at, requested as the shell does.
fn serve_images(dir: &Path, html: &str) {
    let needle = format!("src=\"{BASE}");
    for (at, _) in html.match_indices(&needle) {
        let rest = &html[at + needle.len()..];
        let path = &rest[..rest.find('"').expect("a closed src attribute")];
        serve(dir, path);
    }
}

/// A request for `url_path` is refused or answered from inside `dir`.
fn serve(dir: &Path, url_path: &str) {
    if let Ok((path, _)) = content::media_file(dir, url_path) {
        let root = dir.canonicalize().expect("the course folder");
        assert!(path.starts_with(&root), "{url_path:?} was served from {path:?}");
    }
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("a folder in the temporary course");
    }
    std::fs::write(&path, bytes).expect("a file in the temporary course");
}

fuzz_target!(|data: &[u8]| {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path();
    write(dir, &format!("{MODULE}/media/bild.svg"), IMAGE.as_bytes());
    let parts: Vec<&[u8]> = data.splitn(FILES.len(), |&b| b == 0).collect();
    for (part, paths) in parts.iter().zip(FILES) {
        for path in paths {
            write(dir, path, part);
        }
    }

    let (course, diagnostics) = content::check_course(dir);
    for d in &diagnostics {
        assert!(!d.path.is_empty(), "every problem names its file: {d}");
        let _ = d.to_string();
    }
    if let Some(course) = &course {
        for lang in &course.languages {
            let _ = content::course_outline(course, lang);
            for module in &course.modules {
                for lesson in &module.lessons {
                    let view = content::lesson_view(course, Some(BASE), &module.id, &lesson.id, lang)
                        .expect("a lesson of the loaded course can be viewed");
                    serve_images(dir, &view.html);
                }
            }
        }
        let _ = content::course_stats(course);
        let _ = content::lint_course_dir(course, dir);
        // The editor checks a course by writing its files in memory and
        // reading them back by the loader's rules: a course that loaded
        // without a problem must come back without one.
        let again = editor::check(course, dir);
        if diagnostics.is_empty() {
            let errors: Vec<_> = again
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            assert!(
                errors.is_empty(),
                "the course loaded cleanly but its saved form does not: {errors:?}"
            );
        }
    }

    // The lesson alone, as the editor previews it.
    if let Some(markdown) = parts.get(2) {
        let markdown = String::from_utf8_lossy(markdown);
        let (_, html) = content::lesson_preview(&markdown, "01-m", dir, BASE);
        serve_images(dir, &html);
        let _ = content::markdown_to_html(&markdown);
        // Any text as a requested image path: served only from inside.
        if let Some(line) = markdown.lines().next() {
            serve(dir, line);
        }
    }
});
