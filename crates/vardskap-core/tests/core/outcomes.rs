//! Learning outcomes and reading times in module.toml: read with each
//! problem at its position, carried by the outline and the certificate, and
//! written back byte for byte.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicI64;

use vardskap_core::certificate::Certificate;
use vardskap_core::content::time::{MINUTES_PER_QUESTION, longest_path_decisions};
use vardskap_core::content::{
    SaveSummary, Text, check_course, course_outline, load_course, write_course,
};
use vardskap_core::progress::NewProfile;

use crate::results_export::{self, Learner, attempt};
use crate::{copy_dir, fixture};

const MODULE: &str = "modules/01-valkommen/module.toml";
/// The valid fixture's module.toml, already in canonical form.
const HEAD: &str = "id = \"valkommen\"\ntitle = { sv = \"Välkommen!\", en = \"Welcome!\" }\nsummary = { sv = \"Grunderna i värdskap.\", en = \"Hosting foundations.\" }\nfeedback = \"immediate\"\npass_mark = 0.75\n";

/// A copy of the valid fixture whose first module.toml is `HEAD` + `tail`.
fn course_with(tail: &str) -> (tempfile::TempDir, PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    copy_dir(&fixture("valid"), &dir);
    let text = format!("{HEAD}{tail}");
    std::fs::write(dir.join(MODULE), &text).unwrap();
    (tmp, dir, text)
}

/// `path:line:col` just after the first `prefix` in `text`.
fn at(text: &str, prefix: &str) -> String {
    let offset = text
        .find(prefix)
        .unwrap_or_else(|| panic!("`{prefix}` is in the test's text"))
        + prefix.len();
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    format!("{MODULE}:{line}:{column}")
}

/// Every problem reported in the module.toml under test.
fn problems(dir: &Path) -> Vec<String> {
    check_course(dir)
        .1
        .iter()
        .filter(|d| d.path == MODULE)
        .map(ToString::to_string)
        .collect()
}

const GOOD: &str = "outcomes = [\n  { sv = \"hälsa en gäst välkommen\", en = \"welcome a guest\" },\n  { sv = \"visa vägen till \\\"rätt\\\" plats\", en = \"show the way\" },\n]\n\n[lesson.vad-ar-vardskap]\nminutes = 6\n";

#[test]
fn outcomes_and_minutes_are_read_and_saved_back_byte_for_byte() {
    let (_tmp, dir, text) = course_with(GOOD);
    let course = load_course(&dir).unwrap();
    let module = &course.modules[0];
    assert_eq!(
        module.outcomes,
        [
            Text::from_pairs([("sv", "hälsa en gäst välkommen"), ("en", "welcome a guest")]),
            Text::from_pairs([
                ("sv", "visa vägen till \"rätt\" plats"),
                ("en", "show the way")
            ]),
        ],
        "each outcome is read in both languages, in order, escapes undone"
    );
    assert_eq!(
        module.lessons[0].minutes,
        Some(6),
        "[lesson.<id>] minutes reaches its lesson"
    );
    assert_eq!(
        course.modules[1].lessons[0].minutes, None,
        "a lesson without a setting has none"
    );

    write_course(&course, &dir).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.join(MODULE)).unwrap(),
        text,
        "the canonical module.toml with outcomes and minutes is written exactly as it was"
    );
    let again = load_course(&dir).unwrap();
    assert_eq!(again, course, "load, save, load gives the same model");
    assert_eq!(
        write_course(&again, &dir).unwrap(),
        SaveSummary::default(),
        "saving the unchanged course writes no byte"
    );
}

#[test]
fn the_outline_carries_minutes_and_outcomes() {
    let (_tmp, dir, _) = course_with(GOOD);
    let course = load_course(&dir).unwrap();
    let outline = course_outline(&course, "en");
    let module = &outline.modules[0];
    assert_eq!(
        module.outcomes,
        ["welcome a guest", "show the way"],
        "outcomes in the language asked"
    );
    assert_eq!(
        module.lessons[0].minutes, 6,
        "the author's minutes are the lesson's time"
    );
    let questions = u32::try_from(course.modules[0].questions.len()).unwrap();
    let decisions: u32 = course.modules[0]
        .scenarios
        .iter()
        .map(longest_path_decisions)
        .sum();
    assert!(
        decisions > 0,
        "the fixture's role-play has decisions to count"
    );
    assert_eq!(
        module.minutes,
        6 + questions * MINUTES_PER_QUESTION + decisions,
        "a module is its lessons, a minute per question and per decision of the longest role-play path"
    );
    assert!(
        outline.modules[1].lessons[0].minutes >= 1,
        "an estimated lesson takes at least a minute"
    );
    assert!(
        outline.modules[1].outcomes.is_empty(),
        "a module without outcomes has none"
    );
}

#[test]
fn a_wrong_shape_is_reported_where_it_is_written() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "outcomes = \"hälsa\"\n",
            &[(
                "outcomes = ",
                "`outcomes` must be a list of texts, like outcomes = [{ sv = \"…\", en = \"…\" }], not a string",
            )],
        ),
        (
            "outcomes = [\"hälsa\"]\n",
            &[(
                "outcomes = [",
                "each outcome is a table with one text per language, like { sv = \"…\", en = \"…\" }, not a string",
            )],
        ),
        (
            "outcomes = [{ sv = \"hälsa\" }]\n",
            &[("outcomes = [", "`outcomes` has no `en` translation")],
        ),
        (
            "outcomes = [{ sv = \" \", en = \"greet\" }]\n",
            &[("outcomes = [{ sv = ", "`outcomes` is empty in `sv`")],
        ),
        (
            "outcomes = [{ sv = \"a\", en = \"b\", de = \"c\" }]\n",
            &[(
                "en = \"b\", ",
                "`de` is not a language of this course (sv, en)",
            )],
        ),
        (
            "\n[lesson.nope]\nminutes = 5\n",
            &[(
                "[lesson.",
                "`[lesson.nope]`: the module has no lesson `nope` (its lessons are vad-ar-vardskap; the id is the lesson file's name without number and language)",
            )],
        ),
        (
            "\n[lesson.vad-ar-vardskap]\nminutes = 0\n",
            &[(
                "minutes = ",
                "`minutes` is a whole number of minutes from 1 to 600, not 0",
            )],
        ),
        (
            "\n[lesson.vad-ar-vardskap]\nminutes = 601\n",
            &[(
                "minutes = ",
                "`minutes` is a whole number of minutes from 1 to 600, not 601",
            )],
        ),
        (
            "\n[lesson.vad-ar-vardskap]\nminutes = 2.5\n",
            &[(
                "minutes = ",
                "`minutes` is a whole number of minutes from 1 to 600, not 2.5",
            )],
        ),
        (
            "\n[lesson.vad-ar-vardskap]\nminutes = \"6\"\n",
            &[("minutes = ", "`minutes` must be a number, not a string")],
        ),
        (
            "\n[lesson.vad-ar-vardskap]\nminuter = 6\n",
            &[("]\n", "unknown key `minuter` in a lesson table")],
        ),
        (
            "lesson = 5\n",
            &[("lesson = ", "`lesson` must be a table, not an integer")],
        ),
        (
            "lesson = { vad-ar-vardskap = 6 }\n",
            &[(
                "vad-ar-vardskap = ",
                "`lesson.vad-ar-vardskap` must be a table, written [lesson.vad-ar-vardskap] with `minutes = 6` under it",
            )],
        ),
    ];
    for (tail, want) in cases {
        let (_tmp, dir, text) = course_with(tail);
        let want: Vec<String> = want
            .iter()
            .map(|(prefix, message)| format!("{}: {message}", at(&text, prefix)))
            .collect();
        assert_eq!(
            problems(&dir),
            want,
            "module.toml ending in {tail:?} is reported exactly so"
        );
    }
}

#[test]
fn the_certificate_lists_each_modules_outcomes_in_its_language() {
    let mut course = results_export::course();
    course.modules[0].outcomes = vec![
        Text::from_pairs([("sv", "hälsa en gäst välkommen"), ("en", "welcome a guest")]),
        Text::from_pairs([("sv", "visa vägen"), ("en", "show the way")]),
    ];
    let clock = Arc::new(AtomicI64::new(1_767_225_600));
    let dir = tempfile::tempdir().unwrap();
    let mut store = results_export::open(dir.path(), &clock);
    store.install_course(&course, "sv").unwrap();
    let id = store
        .create_profile(&NewProfile {
            name: "Åsa".into(),
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
    attempt(&mut l, "m", 3);
    attempt(&mut l, "moten", 2);
    let sv = Certificate::for_profile(&l.store, l.id, "vardskap", "sv").unwrap();
    assert_eq!(
        sv.modules[0].outcomes,
        ["hälsa en gäst välkommen", "visa vägen"],
        "the Swedish certificate lists the outcomes in Swedish"
    );
    assert!(
        sv.modules[1].outcomes.is_empty(),
        "a module without outcomes lists none"
    );
    let en = Certificate::for_profile(&l.store, l.id, "vardskap", "en").unwrap();
    assert_eq!(
        en.modules[0].outcomes,
        ["welcome a guest", "show the way"],
        "the English certificate lists them in English"
    );
    assert_eq!(
        en.code, sv.code,
        "the outcomes are content, not certified facts: the code is the same in both languages"
    );
    assert!(
        sv.to_pdf().unwrap().starts_with(b"%PDF-"),
        "a certificate with outcomes renders"
    );
}

#[test]
fn the_editor_leads_a_problem_to_the_outcomes_or_the_lessons_minutes() {
    let (_tmp, dir, _) = course_with(GOOD);
    let mut course = load_course(&dir).unwrap();
    course.modules[0].lessons[0].minutes = Some(0);
    course.modules[0].outcomes[1]
        .0
        .insert("en".into(), " ".into());
    let found: Vec<(Option<String>, String)> = vardskap_core::editor::check(&course, &dir)
        .into_iter()
        .filter(|d| d.path == MODULE)
        .map(|d| (d.field, d.message))
        .collect();
    assert_eq!(
        found,
        [
            (
                Some("module[0].outcomes".to_string()),
                "`outcomes` is empty in `en`".to_string()
            ),
            (
                Some("module[0].lesson[0].minutes".to_string()),
                "`minutes` is a whole number of minutes from 1 to 600, not 0".to_string()
            ),
        ],
        "each problem leads to the field that fixes it"
    );
}

#[test]
fn every_module_of_the_built_in_course_has_outcomes_and_a_time() {
    let course =
        load_course(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content")).unwrap();
    for module in &course.modules {
        assert!(
            module.outcomes.len() >= 2,
            "module {} lists at least two learning outcomes (issue 12), has {}",
            module.id,
            module.outcomes.len()
        );
        for lang in &course.languages {
            assert!(
                module
                    .outcomes
                    .iter()
                    .all(|o| o.0.get(lang).is_some_and(|s| !s.trim().is_empty())),
                "every outcome of {} is written in {lang}",
                module.id
            );
        }
    }
    for lang in ["sv", "en"] {
        for module in course_outline(&course, lang).modules {
            assert!(
                (5..=240).contains(&module.minutes),
                "module {} takes a plausible time in {lang}: {} min",
                module.id,
                module.minutes
            );
        }
    }
}
