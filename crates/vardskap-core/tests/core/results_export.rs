//! A learner's results leave the app: the JSON results file and the CSV parse
//! back to what the store holds, and the certificate's PDF and verification
//! code hold up against the exported file (and fail when either is edited).

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use vardskap_core::Error;
use vardskap_core::certificate::{Certificate, verify};
use vardskap_core::content::{Course, Module};
use vardskap_core::export::{self, CSV_HEADER, RESULTS_FORMAT};
use vardskap_core::progress::{NewProfile, ProfileId};
use vardskap_core::quiz::Answer;
use vardskap_core::storage::{Store, StoreOptions};

use super::common::{numeric_course, t};

pub const LEARNER: &str = "Åsa \"Ås\" Öberg, Borås";
const T0: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z

/// Course "vardskap" with modules "m" (3 questions) and "moten" (2), Swedish titles.
pub fn course() -> Course {
    let mut course = numeric_course("vardskap", 3);
    course.title = t("Gott värdskap i Borås");
    let first = &mut course.modules[0];
    first.title = t("Välkommen till Borås");
    let mut second: Module = first.clone();
    second.id = "moten".into();
    second.dir = "02-moten".into();
    second.title = t("Möten på Åhaga");
    second.questions.truncate(2);
    course.modules.push(second);
    course
}

pub struct Learner {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub clock: Arc<AtomicI64>,
    pub id: ProfileId,
}

pub fn open(dir: &std::path::Path, clock: &Arc<AtomicI64>) -> Store {
    let c = Arc::clone(clock);
    Store::open_with(
        dir,
        StoreOptions {
            backup_every: None,
            clock: Box::new(move || c.load(Ordering::SeqCst)),
            ..Default::default()
        },
    )
    .unwrap()
}

/// Answers `right` of the module's questions right (value 1) and the rest wrong.
pub fn attempt(l: &mut Learner, module: &str, right: usize) -> vardskap_core::progress::AttemptId {
    let a = l
        .store
        .start_attempt(l.id, "vardskap", module, "sv")
        .unwrap();
    for (i, q) in a.questions.iter().enumerate() {
        let value = if i < right { 1.0 } else { 0.0 };
        l.store
            .save_answer(a.id, &q.id, &Answer::Numeric { value }, "sv")
            .unwrap();
    }
    l.store.submit_attempt(a.id, "sv").unwrap();
    l.clock.fetch_add(3_600, Ordering::SeqCst);
    a.id
}

/// A learner with: m failed (1/3), m passed (3/3), moten passed (2/2) — the course is passed.
pub fn passed_learner() -> Learner {
    let clock = Arc::new(AtomicI64::new(T0));
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path(), &clock);
    store.install_course(&course(), "sv").unwrap();
    let id = store
        .create_profile(&NewProfile {
            name: LEARNER.into(),
            language: Some("sv".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let mut l = Learner {
        dir,
        store,
        clock,
        id,
    };
    attempt(&mut l, "m", 1);
    attempt(&mut l, "m", 3);
    attempt(&mut l, "moten", 2);
    l
}

#[test]
fn the_json_results_file_parses_back_with_every_attempt_and_question_score() {
    let l = passed_learner();
    let json = export::results_json(&l.store, l.id, "vardskap").unwrap();
    let file = export::parse_results(&json).unwrap();
    assert_eq!(
        file.format, RESULTS_FORMAT,
        "the format is named in the file"
    );
    assert_eq!(
        file.profile.name, LEARNER,
        "the learner's name, Swedish letters intact"
    );
    assert_eq!(
        (
            file.course.id.as_str(),
            file.course.version.as_str(),
            file.course.title.as_str()
        ),
        ("vardskap", "1.0.0", "Gott värdskap i Borås"),
        "course id, version and title"
    );
    assert!(file.passed, "both modules are passed");
    assert!(
        export::parse_iso_utc(&file.generated_at).is_some() && file.generated_at.ends_with('Z'),
        "generatedAt is ISO-8601 UTC: {}",
        file.generated_at
    );
    let m = &file.modules[0];
    assert_eq!(
        m.attempts.len(),
        2,
        "both graded attempts at m are in the file"
    );
    assert_eq!(
        m.attempts.iter().map(|a| a.score).collect::<Vec<_>>(),
        [1.0, 3.0],
        "oldest first, with their scores"
    );
    for a in m.attempts.iter().chain(&file.modules[1].attempts) {
        let sum: f64 = a.questions.iter().map(|q| q.score).sum();
        assert_eq!(
            sum, a.score,
            "per-question scores add up to the attempt's score"
        );
        assert!(
            a.questions
                .iter()
                .all(|q| q.competency.as_deref() == Some("welcome")),
            "each question names its competency"
        );
    }
    assert_eq!(m.best_share, Some(1.0), "the best share of m");
    assert_eq!(
        file.mastery[0].answers, 8,
        "mastery counts all 8 graded answers"
    );

    let err =
        export::parse_results(&json.replace(RESULTS_FORMAT, "vardskap-results/99")).unwrap_err();
    assert!(
        err.to_string().contains("vardskap-results/99"),
        "another format is refused by name: {err}"
    );
}

#[test]
fn the_csv_has_one_quoted_row_per_answered_question_per_attempt() {
    let l = passed_learner();
    let text = export::results_csv(&l.store, l.id, "vardskap").unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, CSV_HEADER, "the documented columns, in order");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(
        rows.len(),
        3 + 3 + 2,
        "one row per answered question per attempt"
    );
    let first = &rows[0];
    assert_eq!(
        &first[0], LEARNER,
        "a name with a comma and quotes survives RFC 4180 quoting"
    );
    assert_eq!(
        (&first[1], &first[2], &first[3], &first[6], &first[7]),
        ("vardskap", "1.0.0", "m", "q0", "welcome"),
        "course, version, module, question and competency"
    );
    assert_eq!(
        &first[5], "2026-01-01T00:00:00Z",
        "submitted_at is ISO-8601 UTC"
    );
    let scores: f64 = rows.iter().map(|r| r[8].parse::<f64>().unwrap()).sum();
    assert_eq!(
        scores,
        1.0 + 3.0 + 2.0,
        "the scores add up to the attempts'"
    );
    assert!(text.contains("\r\n"), "RFC 4180 ends records with CRLF");
}

#[test]
fn no_certificate_before_the_course_is_passed() {
    let mut l = passed_learner();
    let other = l
        .store
        .create_profile(&NewProfile {
            name: "Bo".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    l.id = other;
    attempt(&mut l, "m", 3);
    let err = Certificate::for_profile(&l.store, other, "vardskap", "sv").unwrap_err();
    assert!(
        matches!(err, Error::CourseNotPassed { .. }),
        "not passed is a typed error, got {err:?}"
    );
    assert!(
        err.to_string().contains("Möten på Åhaga"),
        "the sentence names the module still to pass: {err}"
    );
}

#[test]
fn the_code_verifies_against_the_results_and_not_after_an_edit() {
    let mut l = passed_learner();
    let cert = Certificate::for_profile(&l.store, l.id, "vardskap", "sv").unwrap();
    assert_eq!(cert.date, "2026-01-01", "dated the day it was made (UTC)");
    assert!(
        cert.code.len() == 19 && cert.code.split('-').all(|g| g.len() == 4),
        "the code is grouped XXXX-XXXX-XXXX-XXXX: {}",
        cert.code
    );
    let json = export::results_json(&l.store, l.id, "vardskap").unwrap();
    assert!(
        verify(&json, &cert.code).unwrap(),
        "the certificate matches its results"
    );
    assert!(
        verify(&json, &cert.code.to_lowercase().replace('-', " ")).unwrap(),
        "a code typed in lower case with spaces still matches"
    );

    let edited_results = json.replacen("\"score\": 3.0", "\"score\": 2.0", 1);
    assert_ne!(edited_results, json, "the test edits a score");
    assert!(
        !verify(&edited_results, &cert.code).unwrap(),
        "edited results no longer match the code"
    );
    let mut renamed: serde_json::Value = serde_json::from_str(&json).unwrap();
    renamed["profile"]["name"] = "Åsa Öberg".into();
    assert!(
        !verify(&renamed.to_string(), &cert.code).unwrap(),
        "another name does not match"
    );
    let mut other = cert.code.clone().into_bytes();
    other[0] = if other[0] == b'0' { b'1' } else { b'0' };
    let other = String::from_utf8(other).unwrap();
    assert!(
        !verify(&json, &other).unwrap(),
        "an edited code does not match"
    );
    assert!(
        matches!(
            verify(&json, "not-a-code"),
            Err(Error::NotAVerificationCode { .. })
        ),
        "a malformed code is an error, not a mismatch"
    );
    assert!(
        matches!(verify("{}", &cert.code), Err(Error::NotAResultsFile { .. })),
        "a file that is not a results file is an error"
    );

    // Days later the learner improves nothing but retakes; an export then
    // still verifies the certificate made on the first day.
    l.clock.fetch_add(5 * 24 * 3_600, Ordering::SeqCst);
    attempt(&mut l, "moten", 1);
    let later = export::results_json(&l.store, l.id, "vardskap").unwrap();
    assert!(
        verify(&later, &cert.code).unwrap(),
        "a later export still verifies an earlier certificate"
    );
}

#[test]
fn the_pdf_shows_name_course_modules_and_code_with_swedish_letters() {
    let l = passed_learner();
    let cert = Certificate::for_profile(&l.store, l.id, "vardskap", "sv").unwrap();
    let pdf = cert.to_pdf().unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "the bytes are a PDF");
    let path = l.dir.path().join("intyg.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed: make test installs it");
    assert!(out.status.success(), "pdftotext reads the PDF: {out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "Kursintyg",
        LEARNER,
        "Gott värdskap i Borås",
        "Välkommen till Borås",
        "Möten på Åhaga",
        "100 %",
        "Behärskning",
        cert.code.as_str(),
        "2026-01-01",
    ] {
        assert!(
            text.contains(want),
            "the PDF text must contain {want:?}:\n{text}"
        );
    }
    assert!(
        pdf.len() < 200_000,
        "the font is embedded as a subset: {} bytes",
        pdf.len()
    );
}

#[test]
fn saving_results_writes_the_same_text_as_the_export_and_replaces_an_old_file() {
    let l = passed_learner();
    let out = tempfile::tempdir().unwrap();
    let csv_path = out.path().join("resultat.csv");
    std::fs::write(
        &csv_path,
        "an older, longer file that must be gone afterwards",
    )
    .unwrap();
    export::write_results_file(
        &l.store,
        l.id,
        "vardskap",
        export::ResultsFormat::Csv,
        &csv_path,
    )
    .unwrap();
    assert_eq!(
        std::fs::read_to_string(&csv_path).unwrap(),
        export::results_csv(&l.store, l.id, "vardskap").unwrap(),
        "the saved CSV is exactly the export, with nothing left of the old file"
    );
    let json_path = out.path().join("resultat.json");
    export::write_results_file(
        &l.store,
        l.id,
        "vardskap",
        export::ResultsFormat::Json,
        &json_path,
    )
    .unwrap();
    let file = export::parse_results(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(
        file.profile.name, LEARNER,
        "the saved JSON is a results file of this learner"
    );
    let names: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "no temporary file is left next to the saved ones: {names:?}"
    );
}

#[test]
fn saving_results_into_a_missing_folder_is_an_error_not_a_panic() {
    let l = passed_learner();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("no such folder").join("resultat.csv");
    let err = export::write_results_file(
        &l.store,
        l.id,
        "vardskap",
        export::ResultsFormat::Csv,
        &path,
    )
    .unwrap_err();
    assert!(
        matches!(err, Error::Io { .. }),
        "a folder that is gone is an I/O error: {err:?}"
    );
    assert!(
        !path.exists(),
        "nothing is written when the folder is missing"
    );
}

#[test]
fn the_certificate_pdf_is_saved_only_for_a_passed_course() {
    let mut l = passed_learner();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("intyg.pdf");
    vardskap_core::certificate::write_pdf(&l.store, l.id, "vardskap", "sv", &path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "the saved file is a PDF");
    let newcomer = l
        .store
        .create_profile(&NewProfile {
            name: "Ny".into(),
            ..Default::default()
        })
        .unwrap();
    let other = out.path().join("ny.pdf");
    let err =
        vardskap_core::certificate::write_pdf(&l.store, newcomer.id, "vardskap", "sv", &other)
            .unwrap_err();
    assert!(
        matches!(err, Error::CourseNotPassed { .. }),
        "no certificate before passing: {err:?}"
    );
    assert!(
        !other.exists(),
        "no file is left when there is no certificate"
    );
}

#[test]
fn a_name_that_looks_like_a_formula_is_written_as_text() {
    let clock = Arc::new(AtomicI64::new(T0));
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path(), &clock);
    store.install_course(&course(), "sv").unwrap();
    let id = store
        .create_profile(&NewProfile {
            name: "=HYPERLINK(\"https://example.org\",\"klicka\")".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let mut l = Learner {
        dir,
        store,
        clock,
        id,
    };
    attempt(&mut l, "m", 1);
    let text = export::results_csv(&l.store, l.id, "vardskap").unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(
        &first[0], "'=HYPERLINK(\"https://example.org\",\"klicka\")",
        "a cell a spreadsheet would run as a formula begins with ' and keeps its text"
    );
    for (cell, want) in [
        ("+1", "'+1"),
        ("-x", "'-x"),
        ("@sum", "'@sum"),
        ("\tx", "'\tx"),
        ("Ada", "Ada"),
    ] {
        assert_eq!(
            export::csv_text(cell),
            want,
            "{cell:?} is neutralised only when it starts a formula"
        );
    }
}
