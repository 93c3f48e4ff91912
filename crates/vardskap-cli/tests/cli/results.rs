//! `export-results`, `certificate` and `verify-certificate` on a temp data
//! directory filled through the core API, as a learner's machine would hold it.

use std::path::Path;
use std::process::Command;

use vardskap_core::content::{
    Competency, Course, FeedbackMode, Module, Question, QuestionBody, Text,
};
use vardskap_core::progress::NewProfile;
use vardskap_core::quiz::Answer;
use vardskap_core::storage::{Store, StoreOptions};

use super::path;

fn t(s: &str) -> Text {
    Text::from_pairs([("sv", s), ("en", s)])
}

pub(crate) fn course() -> Course {
    let module = |id: &str, title: &str| Module {
        outcomes: Vec::new(),
        id: id.into(),
        dir: format!("01-{id}"),
        title: t(title),
        summary: None,
        feedback: FeedbackMode::Deferred,
        pass_mark: None,
        lessons: vec![],
        questions: (0..2)
            .map(|i| Question {
                shuffle: true,
                id: format!("q{i}"),
                competency: "welcome".into(),
                points: 1.0,
                prompt: t("Hur många?"),
                explanation: t("Därför."),
                body: QuestionBody::Numeric {
                    answer: 1.0,
                    tolerance: 0.0,
                    unit: None,
                },
            })
            .collect(),
        scenarios: vec![],
    };
    Course {
        final_test: None,
        id: "vardskap".into(),
        version: "1.2.0".into(),
        languages: vec!["sv".into(), "en".into()],
        title: t("Gott värdskap i Borås"),
        description: None,
        pass_mark: 0.8,
        competencies: vec![Competency {
            id: "welcome".into(),
            title: t("Välkomnande"),
            description: None,
        }],
        modules: vec![module("m1", "Välkommen"), module("m2", "Möten på Åhaga")],
    }
}

/// A data dir with "Åsa Öberg" (passed both modules), "Bo" (passed m1 only)
/// and "Cilla" (PIN 2468, passed both).
fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_with(
        dir.path(),
        StoreOptions {
            backup_every: None,
            ..Default::default()
        },
    )
    .unwrap();
    store.install_course(&course(), "sv").unwrap();
    for (name, pin, modules) in [
        ("Åsa Öberg", None, &["m1", "m2"][..]),
        ("Bo", None, &["m1"][..]),
        ("Cilla", Some("2468"), &["m1", "m2"][..]),
    ] {
        let p = store
            .create_profile(&NewProfile {
                name: name.into(),
                pin: pin.map(str::to_string),
                language: Some("sv".into()),
                ..Default::default()
            })
            .unwrap();
        for m in modules {
            let a = store.start_attempt(p.id, "vardskap", m, "sv").unwrap();
            for q in ["q0", "q1"] {
                store
                    .save_answer(a.id, q, &Answer::Numeric { value: 1.0 }, "sv")
                    .unwrap();
            }
            store.submit_attempt(a.id, "sv").unwrap();
        }
    }
    dir
}

pub(crate) fn cli(args: &[&str], data_dir: Option<&Path>) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vardskap-cli"));
    cmd.args(args).env_remove("VARDSKAP_DATA_DIR");
    if let Some(dir) = data_dir {
        cmd.env("VARDSKAP_DATA_DIR", dir);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn export_results_writes_json_and_csv_from_the_data_dir() {
    let data = data_dir();
    let tmp = tempfile::tempdir().unwrap();
    let json = tmp.path().join("asa.json");
    let (code, out, err) = cli(
        &[
            "export-results",
            "--profile",
            "Åsa Öberg",
            "--format",
            "json",
            "-o",
            path(&json),
            "--data-dir",
            path(data.path()),
        ],
        None,
    );
    assert_eq!(code, 0, "the export succeeds: {out}{err}");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(file["format"], "vardskap-results/1", "a results file");
    assert_eq!(
        file["profile"]["name"], "Åsa Öberg",
        "of the learner asked for"
    );
    assert_eq!(
        (&file["course"]["id"], &file["course"]["version"]),
        (&"vardskap".into(), &"1.2.0".into()),
        "of the installed course"
    );
    assert_eq!(
        file["modules"][1]["attempts"][0]["questions"]
            .as_array()
            .map(Vec::len),
        Some(2),
        "per-question scores are in the file"
    );

    let csv = tmp.path().join("asa.csv");
    let (code, _, err) = cli(
        &[
            "export-results",
            "--profile",
            "åsa öberg",
            "--format",
            "csv",
            "-o",
            path(&csv),
        ],
        Some(data.path()),
    );
    assert_eq!(
        code, 0,
        "VARDSKAP_DATA_DIR serves when --data-dir is left out, and the name matches in any case: {err}"
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "profile,course,version,module,attempt,submitted_at,question,competency,score,max",
        "the CSV header"
    );
    assert_eq!(
        lines.len(),
        1 + 4,
        "one row per answered question of both attempts"
    );
    assert!(
        lines[1].starts_with("Åsa Öberg,vardskap,1.2.0,m1,"),
        "rows name learner, course, version and module: {}",
        lines[1]
    );
}

#[test]
fn export_results_explains_a_missing_data_dir_profile_or_pin() {
    let data = data_dir();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("x.json");
    let args = |profile: &'static str| {
        vec![
            "export-results",
            "--profile",
            profile,
            "--format",
            "json",
            "-o",
            path(&out),
        ]
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>()
    };
    let run = |args: &[String], dir: Option<&Path>| {
        cli(&args.iter().map(String::as_str).collect::<Vec<_>>(), dir)
    };

    let (code, _, err) = run(&args("Bo"), None);
    assert_eq!(code, 2, "no data dir is a usage error");
    assert!(
        err.contains("--data-dir") && err.contains("VARDSKAP_DATA_DIR"),
        "the error names both ways to give it: {err}"
    );
    let (code, _, err) = run(&args("Bo"), Some(tmp.path()));
    assert_eq!(code, 2, "a folder without a store is a usage error");
    assert!(
        err.contains("holds no Värdskap progress"),
        "and says so: {err}"
    );
    assert!(
        !tmp.path().join("vardskap.sqlite3").exists(),
        "no empty store is created in a wrong folder"
    );
    let (code, _, err) = run(&args("Nobody"), Some(data.path()));
    assert_eq!(code, 2, "an unknown profile is a usage error");
    assert!(
        err.contains("Bo, Cilla, Åsa Öberg"),
        "the known names are listed: {err}"
    );
    let (code, _, err) = run(&args("Cilla"), Some(data.path()));
    assert_eq!(code, 2, "a profile with a PIN needs --pin");
    assert!(err.contains("--pin"), "and says how to give it: {err}");
    let mut wrong = args("Cilla");
    wrong.extend(["--pin".to_string(), "0000".to_string()]);
    let (code, _, err) = run(&wrong, Some(data.path()));
    assert_eq!(code, 1, "a wrong PIN is refused");
    assert!(
        err.contains("PIN is not right"),
        "with the core's sentence: {err}"
    );
    assert!(!out.exists(), "nothing is written when refused");
    let mut right = args("Cilla");
    right.extend(["--pin".to_string(), "2468".to_string()]);
    let (code, _, err) = run(&right, Some(data.path()));
    assert_eq!(code, 0, "the right PIN opens the export: {err}");
}

#[test]
fn certificate_then_verify_matches_and_an_edited_file_does_not() {
    let data = data_dir();
    let tmp = tempfile::tempdir().unwrap();
    let pdf = tmp.path().join("intyg.pdf");
    let (code, out, err) = cli(
        &["certificate", "--profile", "Åsa Öberg", "-o", path(&pdf)],
        Some(data.path()),
    );
    assert_eq!(code, 0, "a passed learner gets a certificate: {err}");
    assert!(
        std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"),
        "a PDF is written"
    );
    let cert_code = out
        .trim()
        .rsplit("verification code ")
        .next()
        .unwrap()
        .trim_end_matches(')')
        .to_string();
    assert_eq!(cert_code.len(), 19, "the code is printed: {out}");

    let json = tmp.path().join("asa.json");
    let (code, _, _) = cli(
        &[
            "export-results",
            "--profile",
            "Åsa Öberg",
            "--format",
            "json",
            "-o",
            path(&json),
        ],
        Some(data.path()),
    );
    assert_eq!(code, 0, "the results export");
    let (code, out, _) = cli(
        &[
            "verify-certificate",
            "--results",
            path(&json),
            "--code",
            &cert_code,
        ],
        None,
    );
    assert_eq!(
        (code, out.starts_with("matches")),
        (0, true),
        "the code matches: {out}"
    );

    let text = std::fs::read_to_string(&json).unwrap();
    let mut edited: serde_json::Value = serde_json::from_str(&text).unwrap();
    edited["profile"]["name"] = "Åsa Ödman".into();
    std::fs::write(&json, edited.to_string()).unwrap();
    let (code, out, _) = cli(
        &[
            "verify-certificate",
            "--results",
            path(&json),
            "--code",
            &cert_code,
        ],
        None,
    );
    assert_eq!(
        (code, out.starts_with("does not match")),
        (1, true),
        "an edited results file does not match: {out}"
    );
    let (code, _, err) = cli(
        &[
            "verify-certificate",
            "--results",
            path(&json),
            "--code",
            "XYZ",
        ],
        None,
    );
    assert_eq!(code, 2, "a malformed code is a usage error: {err}");
    let (code, _, _) = cli(
        &[
            "verify-certificate",
            "--results",
            "/nonexistent.json",
            "--code",
            &cert_code,
        ],
        None,
    );
    assert_eq!(code, 2, "a missing file is a usage error");
}

#[test]
fn certificate_for_a_learner_who_has_not_passed_exits_1_with_a_sentence() {
    let data = data_dir();
    let tmp = tempfile::tempdir().unwrap();
    let pdf = tmp.path().join("bo.pdf");
    let (code, _, err) = cli(
        &[
            "certificate",
            "--profile",
            "Bo",
            "-o",
            path(&pdf),
            "--data-dir",
            path(data.path()),
        ],
        None,
    );
    assert_eq!(code, 1, "no certificate before the course is passed");
    assert!(
        err.contains("is not passed") && err.contains("Möten på Åhaga"),
        "the sentence says what is left: {err}"
    );
    assert!(!pdf.exists(), "no PDF is written");
}

/// Every file of `dir` with its bytes, for "nothing changed" checks.
fn snapshot_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn export_results_reads_an_older_apps_data_folder_without_migrating_it() {
    // The v5 fixture of the core: Ada (PIN 1234) with progress in course "c".
    let data = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../vardskap-core/tests/fixtures/db/v5.sqlite3"),
        data.path().join("vardskap.sqlite3"),
    )
    .unwrap();
    let before = snapshot_of(data.path());
    let tmp = tempfile::tempdir().unwrap();
    let out_file = tmp.path().join("ada.json");
    let (code, out, err) = cli(
        &[
            "export-results",
            "--profile",
            "Ada",
            "--pin",
            "1234",
            "--format",
            "json",
            "-o",
            path(&out_file),
            "--data-dir",
            path(data.path()),
        ],
        None,
    );
    assert_eq!(code, 0, "an older app's progress is exported: {out}{err}");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert_eq!(
        file["profile"]["name"], "Ada",
        "the learner's results are in the file"
    );
    assert_eq!(
        snapshot_of(data.path()),
        before,
        "the data folder is not migrated, backed up or otherwise written: a copy is read"
    );
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "the results file is written whole, with no temporary file left: {leftovers:?}"
    );
}
