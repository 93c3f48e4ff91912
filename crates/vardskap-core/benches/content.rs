//! Load + validate + render: the repository's built-in course (target
//! ≤ 50 ms) and a generated 500-module course (target ≤ 1 s); the editor's
//! check of the unsaved built-in course after an edit.

#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use vardskap_core::content::{check_course, load_course};
use vardskap_core::editor;

fn built_in_course() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

const LESSONS: usize = 3;

/// Writes a valid course of `modules` modules, each with three lessons in two
/// languages, twelve questions of every kind and a six-node scenario.
fn generate(dir: &Path, modules: usize) {
    std::fs::write(
        dir.join("course.toml"),
        r#"id = "generated"
version = "1.0.0"
languages = ["sv", "en"]
title = { sv = "Genererad kurs", en = "Generated course" }
pass_mark = 0.8

[[competency]]
id = "welcome"
title = { sv = "Välkomnande", en = "Welcoming" }

[[competency]]
id = "recovery"
title = { sv = "Att rätta till", en = "Recovery" }
"#,
    )
    .unwrap();
    for m in 0..modules {
        let dir = dir.join(format!("modules/{m:03}-module"));
        for sub in ["lessons", "media", "scenarios"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        std::fs::write(
            dir.join("module.toml"),
            format!("id = \"module-{m}\"\ntitle = {{ sv = \"Modul {m}\", en = \"Module {m}\" }}\nfeedback = \"deferred\"\n"),
        )
        .unwrap();
        std::fs::write(
            dir.join("media/bild.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .unwrap();
        for l in 0..LESSONS {
            for lang in ["sv", "en"] {
                std::fs::write(
                    dir.join(format!("lessons/{:02}-lesson-{l}.{lang}.md", l + 1)),
                    lesson(m, l, lang),
                )
                .unwrap();
            }
        }
        std::fs::write(dir.join("quiz.toml"), quiz()).unwrap();
        std::fs::write(dir.join("scenarios/reception.toml"), SCENARIO).unwrap();
    }
}

fn lesson(m: usize, l: usize, lang: &str) -> String {
    format!(
        "# Lesson {m}.{l} ({lang})\n\n\
         Good hosting is about *seeing* the guest and **acting** on it.[^1] Read more at \
         [boras.se](https://www.boras.se).\n\n\
         ## What to do\n\n\
         - Look up and greet\n- Listen to the whole question\n- Walk the guest there when you can\n\n\
         | Do | Avoid |\n|----|-------|\n| Greet | Silence |\n| Ask | Assume |\n\n\
         ![A drawing of the reception](../media/bild.svg)\n\n\
         > A guest remembers how you made them feel.\n\n\
         [^1]: After Jan Gunnarsson.\n"
    )
}

fn text(s: &str) -> String {
    format!("{{ sv = \"{s} (sv)\", en = \"{s} (en)\" }}")
}

fn quiz() -> String {
    let mut q = String::new();
    let head = |q: &mut String, id: &str, kind: &str| {
        write!(
            q,
            "[[question]]\nid = \"{id}\"\nkind = \"{kind}\"\ncompetency = \"welcome\"\nprompt = {}\nexplanation = {}\n",
            text(&format!("Prompt {id}")),
            text("Because")
        )
        .unwrap();
    };
    for i in 0..2 {
        head(&mut q, &format!("single-{i}"), "single");
        for (o, correct) in [("a", true), ("b", false), ("c", false)] {
            write!(
                q,
                "\n[[question.option]]\nid = \"{o}\"\ntext = {}\ncorrect = {correct}\n",
                text(o)
            )
            .unwrap();
        }
        head(&mut q, &format!("multiple-{i}"), "multiple");
        for (o, correct) in [("a", true), ("b", true), ("c", false)] {
            write!(q, "\n[[question.option]]\nid = \"{o}\"\ntext = {}\ncorrect = {correct}\nfeedback = {}\n", text(o), text("Hm")).unwrap();
        }
        head(&mut q, &format!("true-false-{i}"), "true_false");
        q.push_str("answer = true\n\n");
        head(&mut q, &format!("short-{i}"), "short_text");
        q.push_str("accept = { sv = [\"välkommen\"], en = [\"welcome\"] }\n\n");
        head(&mut q, &format!("numeric-{i}"), "numeric");
        q.push_str("answer = 1621\ntolerance = 1\n\n");
        head(&mut q, &format!("ordering-{i}"), "ordering");
        for o in ["listen", "apologise", "solve"] {
            write!(q, "\n[[question.item]]\nid = \"{o}\"\ntext = {}\n", text(o)).unwrap();
        }
        head(&mut q, &format!("matching-{i}"), "matching");
        for o in ["greet", "follow"] {
            write!(
                q,
                "\n[[question.pair]]\nid = \"{o}\"\nleft = {}\nright = {}\n",
                text(&format!("{o} L")),
                text(&format!("{o} R"))
            )
            .unwrap();
        }
    }
    q
}

const SCENARIO: &str = r#"title = { sv = "Receptionen", en = "The reception" }
start = "a"

[[node]]
id = "a"
text = { sv = "En gäst kommer.", en = "A guest arrives." }

[[node.choice]]
id = "greet"
text = { sv = "Hälsa", en = "Greet" }
next = "b"
points = { welcome = 2 }
feedback = { sv = "Bra.", en = "Good." }

[[node.choice]]
id = "ignore"
text = { sv = "Titta bort", en = "Look away" }
next = "c"
points = { welcome = -1 }
feedback = { sv = "Nej.", en = "No." }
critical = true

[[node]]
id = "b"
text = { sv = "Gästen frågar.", en = "The guest asks." }

[[node.choice]]
id = "answer"
text = { sv = "Svara", en = "Answer" }
next = "good"
feedback = { sv = "Bra.", en = "Good." }

[[node.choice]]
id = "guess"
text = { sv = "Gissa", en = "Guess" }
next = "d"
feedback = { sv = "Hm.", en = "Hm." }

[[node]]
id = "c"
text = { sv = "Gästen går.", en = "The guest leaves." }
ending = "poor"
debrief = { sv = "Se gästen.", en = "See the guest." }

[[node]]
id = "d"
text = { sv = "Fel våning.", en = "Wrong floor." }

[[node.choice]]
id = "recover"
text = { sv = "Be om ursäkt", en = "Apologise" }
next = "mixed"
points = { recovery = 1 }
feedback = { sv = "Bra räddat.", en = "Well saved." }

[[node]]
id = "good"
text = { sv = "Gästen är nöjd.", en = "The guest is happy." }
ending = "good"
debrief = { sv = "Bra.", en = "Good." }

[[node]]
id = "mixed"
text = { sv = "Gästen kom fram.", en = "The guest got there." }
ending = "mixed"
debrief = { sv = "Fråga först.", en = "Ask first." }
"#;

fn content(c: &mut Criterion) {
    let mut group = c.benchmark_group("content");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    let built_in = built_in_course();
    group.bench_function("built_in_course", |b| {
        b.iter(|| black_box(check_course(black_box(&built_in))))
    });
    // What the editor does after each edit: the whole unsaved model checked
    // from memory (files written as text, read back, validated).
    let model = load_course(&built_in).unwrap();
    assert!(
        editor::check(&model, &built_in).is_empty(),
        "the built-in course checks clean from memory"
    );
    group.bench_function("editor_check_built_in", |b| {
        b.iter(|| black_box(editor::check(black_box(&model), &built_in)))
    });

    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 500);
    let course = load_course(dir.path()).unwrap();
    assert_eq!(
        course.modules.len(),
        500,
        "the generated course loads with all its modules"
    );
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("generated_500_modules", |b| {
        b.iter(|| black_box(load_course(black_box(dir.path())).unwrap()))
    });
    group.finish();
}

/// A copy of the valid test fixture with its Swedish lesson replaced.
fn fixture_with_lesson(markdown: &str) -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid"),
        dir.path(),
    );
    std::fs::write(
        dir.path()
            .join("modules/01-valkommen/lessons/01-vad-ar-vardskap.sv.md"),
        markdown,
    )
    .unwrap();
    dir
}

/// Large and hostile inputs (issue 13): each must stay linear. Before the
/// fixes a 100k-deep lesson took minutes and 20k GIFT questions of one title 60 s.
fn large_inputs(c: &mut Criterion) {
    let mut group = c.benchmark_group("large_inputs");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8))
        .warm_up_time(Duration::from_secs(1));
    let mut big = String::from("# Stor lektion\n\n");
    while big.len() < 3 << 20 {
        big.push_str(
            "Ett stycke med **fetstil**, en [länk](https://example.org) och vanlig text.\n\n",
        );
    }
    let big_lesson = fixture_with_lesson(&big);
    group.bench_function("lesson_3_mib", |b| {
        b.iter(|| black_box(check_course(black_box(big_lesson.path()))))
    });
    let mut deep = String::from("# Djupt\n\n");
    deep.push_str(&"<div>\n".repeat(100_000));
    let deep_lesson = fixture_with_lesson(&deep);
    group.bench_function("lesson_100k_nested_divs", |b| {
        b.iter(|| black_box(check_course(black_box(deep_lesson.path()))))
    });
    let gift: String = (0..20_000)
        .map(|i| format!("::Samma titel::Fråga {i}? {{T}}\n\n"))
        .collect();
    let langs = ["sv".to_string()];
    group.bench_function("gift_20k_questions_one_title", |b| {
        b.iter(|| {
            black_box(vardskap_core::gift::parse(
                black_box(&gift),
                "welcome",
                &langs,
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, content, large_inputs);
criterion_main!(benches);
