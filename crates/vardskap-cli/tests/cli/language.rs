//! `--lang`: the tool speaks English unless asked, and Swedish with
//! `--lang sv` (its own sentences and the core's error sentences alike).

use std::path::Path;

use vardskap_core::content::load_course;
use vardskap_core::progress::NewProfile;
use vardskap_core::storage::{Store, StoreOptions};

use super::results::cli;
use super::{fixture, path};

#[test]
fn validate_speaks_swedish_when_asked_and_english_otherwise() {
    let dir = fixture("valid");
    let (code, out, err) = cli(&["--lang", "sv", "validate", path(&dir)], None);
    assert_eq!(code, 0, "a valid course passes in any language: {err}");
    assert!(
        out.contains(
            "kursen `fixture-course` 1.0.0 är giltig: 2 moduler, 2 lektioner, 7 frågor, 1 rollspel på sv, en"
        ),
        "the summary is Swedish: {out}"
    );
    assert!(
        out.contains("modules/01-valkommen/quiz.toml:20:1: varning: "),
        "a warning is called a warning in Swedish: {out}"
    );
    assert_eq!(err.trim(), "2 varningar", "and so is their count");

    let (_, english, _) = cli(&["--lang", "en", "validate", path(&dir)], None);
    let (_, default, _) = cli(&["validate", path(&dir)], None);
    assert_eq!(english, default, "English is the default");
    assert!(default.contains("is valid: 2 modules"), "{default}");
}

#[test]
fn a_courses_problems_are_told_in_swedish_at_their_place() {
    let dir = fixture("broken/missing-key");
    let (code, out, err) = cli(&["--lang", "sv", "validate", path(&dir)], None);
    assert_eq!(code, 1, "a broken course fails in any language: {err}");
    assert_eq!(
        out, "modules/01-m/quiz.toml:1:1: frågan saknar `prompt`\n",
        "the problem in Swedish, at path:line:col"
    );
    assert_eq!(err.trim(), "1 problem", "and its count");

    let (_, english, _) = cli(&["validate", path(&dir)], None);
    assert_eq!(
        english, "modules/01-m/quiz.toml:1:1: question has no `prompt`\n",
        "English unless asked"
    );

    let (code, out, _) = cli(
        &[
            "--lang",
            "sv",
            "pack",
            path(&fixture("broken/wrong-type")),
            "-o",
            "/nonexistent/x.vdsk",
        ],
        None,
    );
    assert_eq!(code, 1, "a course with problems is not packed");
    assert_eq!(
        out, "modules/01-m/quiz.toml:8:10: `points` måste vara ett tal, inte en sträng\n",
        "the problems that stop another command are Swedish too"
    );
}

#[test]
fn a_gift_imports_remarks_are_swedish_too() {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("course");
    super::copy_dir(&fixture("valid"), &course);
    let module = course.join("modules/01-valkommen");
    let file = tmp.path().join("q.gift");
    std::fs::write(&file, "::A:: Hej {T}\n\n::B:: Trasig {=x ~y\n\nEssä {}\n").unwrap();
    let (code, out, err) = cli(
        &[
            "--lang",
            "sv",
            "import-gift",
            path(&file),
            "--into",
            path(&module),
        ],
        None,
    );
    assert_eq!(code, 0, "the good question is imported: {out}{err}");
    let name = path(&file);
    for line in [
        format!("{name}:3:14: den här `{{` saknar en avslutande `}}`"),
        format!("{name}:5: hoppade över essay: essäfrågor behöver en lärare som bedömer dem"),
        format!(
            "{name}: obs: frågorna importerades som sv; samma text lades i en, som behöver översättas"
        ),
    ] {
        assert!(out.contains(&line), "{line:?} in: {out}");
    }
}

#[test]
fn the_cores_error_sentences_and_usage_errors_are_swedish_too() {
    let data = tempfile::tempdir().unwrap();
    let options = StoreOptions {
        backup_every: None,
        ..Default::default()
    };
    let mut store = Store::open_with(data.path(), options).unwrap();
    let course = load_course(&fixture("valid")).unwrap();
    store.install_course(&course, "sv").unwrap();
    store
        .create_profile(&NewProfile {
            name: "Cilla".into(),
            pin: Some("2468".into()),
            ..Default::default()
        })
        .unwrap();
    drop(store);
    let out = data.path().join("x.json");
    let export = |pin: &str, dir: Option<&Path>| {
        cli(
            &[
                "--lang",
                "sv",
                "export-results",
                "--profile",
                "Cilla",
                "--pin",
                pin,
                "--format",
                "json",
                "-o",
                path(&out),
            ],
            dir,
        )
    };

    let (code, _, err) = export("0000", Some(data.path()));
    assert_eq!(code, 1, "a wrong PIN is refused: {err}");
    assert_eq!(
        err, "fel: Pinkoden stämmer inte. Försök igen.\n",
        "with the core's sentence in Swedish"
    );

    let (code, _, err) = export("2468", None);
    assert_eq!(code, 2, "no data folder is a usage error: {err}");
    assert!(
        err.starts_with(
            "fel: ingen datamapp: ange --data-dir <mapp> eller sätt VARDSKAP_DATA_DIR\n"
        ) && err.contains("\nanvändning: vardskap-cli export-results"),
        "the tool's own sentences are Swedish: {err}"
    );
}

#[test]
fn a_language_without_a_catalogue_is_a_usage_error() {
    let dir = fixture("valid");
    let (code, _, err) = cli(&["--lang", "fi", "validate", path(&dir)], None);
    assert_eq!(code, 2, "an unknown language is a usage error: {err}");
    assert!(err.contains("en, sv"), "the known ones are named: {err}");
}
