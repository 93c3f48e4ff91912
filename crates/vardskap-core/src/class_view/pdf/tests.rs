//! The class report PDF: read back with pdftotext (poppler-utils), its words
//! in both languages, its figures the report's own, every text in its box,
//! and a class of 500 learners over many pages.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;

use super::*;
use crate::class_view::records::{
    AnswerRecord, AttemptRecord, ClassRecords, LearnerKey, RunRecord,
};
use crate::class_view::report::class_report;
use crate::content::{Course, EndingKind, QuestionBody, load_course};
use crate::final_test::{FINAL_TEST_ID, draw};

/// 2026-03-14 12:00 UTC.
const NOON: Timestamp = 1_773_489_600;

fn builtin() -> Course {
    load_course(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"))
        .expect("the built-in course loads")
}

/// `learners` learners who each took every module's quiz once or twice (and
/// the final test), and ran each role-play, with a fixed seed; the first
/// few have the names `names` gives.
fn class(course: &Course, learners: usize, names: &[&str]) -> ClassRecords {
    let mut rng = fastrand::Rng::with_seed(16);
    let mut records = ClassRecords::default();
    let answer = |module: &str, q: &crate::content::Question, right: bool| {
        let response = match &q.body {
            QuestionBody::Single { options } | QuestionBody::Multiple { options } => options
                .iter()
                .find(|o| o.correct == right)
                .map(|o| o.id.clone()),
            QuestionBody::TrueFalse { answer, .. } => Some((*answer == right).to_string()),
            _ => None,
        };
        AnswerRecord {
            module: module.to_string(),
            question: q.id.clone(),
            score: if right { q.points } else { 0.0 },
            max: q.points,
            response,
        }
    };
    for l in 0..learners {
        let key = format!("lrs:{l:08x}");
        let name = names
            .get(l)
            .map_or_else(|| format!("Deltagare {l}"), |n| n.to_string());
        records.learners.push(LearnerKey {
            key: key.clone(),
            name,
        });
        // The first learner answers everything right; the rest by ability.
        let ability = if l == 0 { 1.0 } else { 0.3 + 0.6 * rng.f64() };
        let mut at = NOON - 86_400 + i64::try_from(l).unwrap();
        let mut n = 0;
        let attempt = |module: &str, answers: Vec<AnswerRecord>, at: i64, n: i64| {
            let score = answers.iter().map(|a| a.score).sum();
            let max = answers.iter().map(|a| a.max).sum();
            AttemptRecord {
                learner: key.clone(),
                module: module.to_string(),
                attempt: n,
                submitted_at: at,
                score,
                max,
                passed: false,
                grade: None,
                answers,
            }
        };
        for module in &course.modules {
            for _ in 0..rng.usize(1..=2) {
                n += 1;
                at += 60;
                let answers = module
                    .questions
                    .iter()
                    .map(|q| {
                        let right = rng.f64() < ability;
                        answer(&module.id, q, right)
                    })
                    .collect();
                records.attempts.push(attempt(&module.id, answers, at, n));
            }
            for scenario in &module.scenarios {
                at += 60;
                let critical: Vec<String> = scenario
                    .nodes
                    .iter()
                    .flat_map(|node| &node.choices)
                    .filter(|c| c.critical)
                    .map(|c| c.id.clone())
                    .take(usize::from(rng.f64() > ability))
                    .collect();
                records.runs.push(RunRecord {
                    learner: key.clone(),
                    module: module.id.clone(),
                    scenario: scenario.id.clone(),
                    finished_at: at,
                    ending: if critical.is_empty() {
                        EndingKind::Good
                    } else {
                        EndingKind::Poor
                    },
                    passed: critical.is_empty(),
                    points: BTreeMap::from([("serving".to_string(), 2.0)]),
                    critical: !critical.is_empty(),
                    critical_choices: critical,
                });
            }
        }
        if let Some(test) = &course.final_test {
            n += 1;
            at += 60;
            let answers = draw(test, rng.u64(..))
                .into_iter()
                .map(|i| {
                    let b = &test.questions[i];
                    let right = rng.f64() < ability;
                    answer(&b.module, &b.question, right)
                })
                .collect();
            records
                .attempts
                .push(attempt(FINAL_TEST_ID, answers, at, n));
        }
        records.last_activity.insert(key, at);
    }
    records
}

/// The PDF's text as pdftotext reads it.
fn text_of(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("klass.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed: make test installs it");
    assert!(out.status.success(), "pdftotext reads the PDF: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Pages of a PDF as krilla writes them (one `/Type /Page` object each).
fn pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

/// The texts of the class table's line that starts with `name`, left to right.
fn line_of(pages: &[Vec<Op>], name: &str) -> Vec<String> {
    let (page, y) = pages
        .iter()
        .enumerate()
        .find_map(|(n, ops)| {
            ops.iter().find_map(|op| match op {
                Op::Text { text, y, .. } if text == name => Some((n, *y)),
                _ => None,
            })
        })
        .unwrap_or_else(|| panic!("{name} has a line"));
    let mut line: Vec<(f32, String)> = pages[page]
        .iter()
        .filter_map(|op| match op {
            Op::Text { text, y: at, x, .. } if *at == y => Some((*x, text.clone())),
            _ => None,
        })
        .collect();
    line.sort_by(|a, b| a.0.total_cmp(&b.0));
    line.into_iter().map(|(_, t)| t).collect()
}

fn measure() -> Measure<'static> {
    font().unwrap().0
}

/// Every text of every page stays inside its box and on the page, above
/// the footer unless it is the footer.
fn assert_all_in_their_boxes(pages: &[Vec<Op>], m: &Measure) {
    const EPS: f32 = 0.01;
    for (n, ops) in pages.iter().enumerate() {
        for op in ops {
            let Op::Text {
                x,
                y,
                size,
                text,
                from,
                to,
                ..
            } = op
            else {
                continue;
            };
            let width = m.width(text, *size);
            assert!(
                *x + EPS >= *from && *x + width <= *to + EPS,
                "page {}: {text:?} ({x}..{}) overflows its box {from}..{to}",
                n + 1,
                x + width
            );
            assert!(
                *from + EPS >= MARGIN - PAD && *to <= RIGHT + PAD + EPS,
                "page {}: {text:?} has a box off the page: {from}..{to}",
                n + 1
            );
            assert!(
                *y >= TOP && (*y <= BOTTOM || (*y - FOOTER).abs() < EPS),
                "page {}: {text:?} at y {y} is off the page's body",
                n + 1
            );
            assert!(
                !text.chars().any(char::is_control),
                "no control characters are drawn: {text:?}"
            );
        }
    }
}

#[test]
fn the_pdf_holds_the_class_its_learners_with_the_reports_per_cent_and_swedish_letters() {
    let course = builtin();
    let records = class(&course, 6, &["Elin", "Åsa Öberg", "Märta Ängström"]);
    let report = class_report(&course, &records, "sv");
    let pdf = class_report_pdf(&report, "HT26 grupp Å", NOON, "sv").unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "the bytes are a PDF");
    let text = text_of(&pdf);

    let asa = report
        .rows
        .iter()
        .find(|r| r.learner.name == "Åsa Öberg")
        .unwrap();
    // A module of hers with an attempt: its per cent as the report (and the
    // screen) has it.
    let figure = asa.modules[0].best_percent.unwrap();
    let elin = report
        .rows
        .iter()
        .find(|r| r.learner.name == "Elin")
        .unwrap();
    assert_eq!(
        elin.modules[1].best_percent,
        Some(100),
        "Elin answered every question right"
    );
    for want in [
        "Klassrapport",
        "HT26 grupp Å",
        "Gott värdskap i Borås",
        "Datum: 2026-03-14",
        "6 deltagare",
        "Elin",
        "100 %",
        "Åsa Öberg",
        "Märta Ängström",
        &format!("{figure} %"),
        "Deltagare och moduler",
        "Klassens behärskning per kompetens",
        "Frågeanalys",
        "Mönster i rollspelen",
        "Lösningsgrad",
        "Sluttest",
        "Sida 1 av",
    ] {
        assert!(
            text.contains(want),
            "the PDF text must contain {want:?}:\n{text}"
        );
    }
    // Åsa's line: her name, then her figures in module order.
    let line = text
        .lines()
        .position(|l| l.contains("Åsa Öberg"))
        .expect("her name is a line");
    assert!(
        text.lines()
            .skip(line)
            .take(30)
            .any(|l| l.contains(&format!("{figure} %"))),
        "her figure of module 1 ({figure} %) follows her name:\n{text}"
    );
    // On the page: her line of the class table holds the report's figures
    // whole, each module's with the pass mark when she passed it.
    let m = measure();
    let pages = lay_out(&report, "HT26 grupp Å", "2026-03-14", &Words::new("sv"), &m);
    for row in &report.rows {
        let line = line_of(&pages, &row.learner.name);
        let mut want: Vec<String> = Vec::new();
        for cell in &row.modules {
            want.push(Words::new("sv").percent(cell.best_percent));
            if cell.passed {
                want.push("✓".into());
            }
        }
        assert_eq!(
            line[1..=want.len()],
            want[..],
            "{}'s line shows the report's figures",
            row.learner.name
        );
    }
    assert!(
        line_of(&pages, "Elin").contains(&"100 %".to_string()),
        "Elin's line has 100 %"
    );
    assert!(
        pdf.len() < 400_000,
        "the font is embedded as a subset: {} bytes",
        pdf.len()
    );
}

#[test]
fn in_english_the_words_and_per_cent_are_english() {
    let course = builtin();
    let records = class(&course, 3, &["Elin"]);
    let report = class_report(&course, &records, "en");
    let text = text_of(&class_report_pdf(&report, "Group B", NOON, "en").unwrap());
    for want in [
        "Class report",
        "Good hosting in Borås",
        "Date: 2026-03-14",
        "3 learners",
        "Learners and modules",
        "Item analysis",
        "100%",
        "Page 1 of",
    ] {
        assert!(
            text.contains(want),
            "the PDF text must contain {want:?}:\n{text}"
        );
    }
}

#[test]
fn a_class_of_500_learners_goes_on_over_many_pages() {
    let course = builtin();
    let records = class(&course, 500, &[]);
    let report = class_report(&course, &records, "sv");
    let pdf = class_report_pdf(&report, "Stor klass", NOON, "sv").unwrap();
    let n = pages(&pdf);
    assert!(n >= 15, "500 learners' lines take many pages: {n}");
    let text = text_of(&pdf);
    for want in [
        "Deltagare 499",
        "Deltagare och moduler (forts.)",
        &format!("Sida {n} av {n}"),
    ] {
        assert!(text.contains(want), "the PDF text must contain {want:?}");
    }
    assert_all_in_their_boxes(
        &lay_out(
            &report,
            "Stor klass",
            "2026-03-14",
            &Words::new("sv"),
            &measure(),
        ),
        &measure(),
    );
}

#[test]
fn long_and_odd_texts_are_cut_to_fit_and_nothing_leaves_its_box() {
    let course = builtin();
    let long = "Väldigt långt namn ".repeat(200);
    let records = class(
        &course,
        4,
        &[&long, "Tab\tand\nnewline", &"å".repeat(100_000)],
    );
    let mut report = class_report(&course, &records, "sv");
    for item in &mut report.items {
        item.prompt = format!("{} {}", item.prompt, "och så vidare ".repeat(100));
        for option in &mut item.options {
            option.text = "ett mycket långt svarsalternativ ".repeat(20);
        }
    }
    report.items[0].flags = vec![
        ItemFlag::TooHard,
        ItemFlag::WeakDiscrimination,
        ItemFlag::UnchosenDistractor,
    ];
    report.items[0].discrimination = Some(-0.12);
    report.modules[0].title = "En modul med en väldigt lång titel ".repeat(10);
    let m = measure();
    let class_name = "Klass ".repeat(500);
    let pages = lay_out(&report, &class_name, "2026-03-14", &Words::new("sv"), &m);
    assert_all_in_their_boxes(&pages, &m);
    let texts: Vec<&str> = pages
        .iter()
        .flatten()
        .filter_map(|op| match op {
            Op::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Väldigt långt namn") && t.ends_with('…')),
        "a long name is cut with …"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("Tab and newline")),
        "control characters are drawn as spaces"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("ett mycket långt") && t.ends_with('…')),
        "a long option is cut with …"
    );
    assert!(
        texts.contains(&"−0,12"),
        "a negative discrimination, Swedish style"
    );
    assert!(
        texts.iter().any(|t| t.contains("för svår")),
        "flags are worded"
    );
    // And the PDF itself is made.
    let pdf = class_report_pdf(&report, &class_name, NOON, "sv").unwrap();
    assert!(text_of(&pdf).contains("för svår"));
}

#[test]
fn many_modules_are_shown_in_bands_across_the_pages() {
    for (modules, final_test) in [
        (0, false),
        (1, true),
        (8, true),
        (9, true),
        (12, false),
        (40, true),
    ] {
        let bands = bands(modules, final_test);
        let mut next = 0;
        for band in &bands {
            assert_eq!(band.start, next, "{modules}: bands follow each other");
            next = band.end;
        }
        assert_eq!(next, modules, "{modules}: every module is in a band");
    }
    assert_eq!(bands(8, true).len(), 1, "the built-in course fits one band");
    assert!(bands(40, true).len() >= 3);

    let course = builtin();
    let records = class(&course, 3, &[]);
    let mut report = class_report(&course, &records, "sv");
    // 24 modules: the same eight three times.
    let modules = report.modules.clone();
    for round in 1..3 {
        for m in &modules {
            let mut m = m.clone();
            m.module_id = format!("{}-{round}", m.module_id);
            report.modules.push(m);
        }
        for row in &mut report.rows {
            let cells = row.modules[..modules.len()].to_vec();
            row.modules.extend(cells);
        }
    }
    let m = measure();
    let pages = lay_out(&report, "Klass", "2026-03-14", &Words::new("sv"), &m);
    assert_all_in_their_boxes(&pages, &m);
    let texts: Vec<String> = pages
        .iter()
        .flatten()
        .filter_map(|op| match op {
            Op::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Deltagare och moduler 1–")),
        "the first band says which modules it holds"
    );
    assert!(
        texts.iter().any(|t| t.ends_with("–24")),
        "the last band ends with module 24"
    );
}

#[test]
fn a_class_without_results_says_so() {
    let course = builtin();
    let report = class_report(&course, &ClassRecords::default(), "sv");
    let text = text_of(&class_report_pdf(&report, "Tom klass", NOON, "sv").unwrap());
    assert!(text.contains("Tom klass"));
    assert!(text.contains("Inga resultat än."));
    assert!(text.contains("0 deltagare"));
}

#[test]
fn the_words_come_from_the_catalogue_in_both_languages() {
    for lang in ["sv", "en"] {
        let w = Words::new(lang);
        for word in [
            &w.title,
            &w.continued,
            &w.table,
            &w.modules,
            &w.legend,
            &w.modules_passed,
            &w.mastery,
            &w.items,
            &w.items_note,
            &w.module,
            &w.role_plays,
            &w.learners,
            &w.learner,
            &w.final_test,
            &w.passed_course,
            &w.last_activity,
            &w.passed,
            &w.not_passed,
            &w.competency,
            &w.share,
            &w.answers,
            &w.question,
            &w.facility,
            &w.discrimination,
            &w.flags_title,
            &w.key,
            &w.scenario,
            &w.runs,
            &w.endings,
            &w.pass_share,
            &w.critical_choices,
            &w.no_data,
        ]
        .into_iter()
        .chain(&w.grades)
        .chain(&w.flags)
        {
            assert!(
                !word.is_empty()
                    && !word.starts_with("classReport-")
                    && !word.starts_with("classes-"),
                "{lang}: every word is in the catalogue: {word}"
            );
        }
    }
    let sv = Words::new("sv");
    let en = Words::new("en");
    assert_eq!(sv.title, "Klassrapport");
    assert_eq!(en.title, "Class report");
    assert_eq!(sv.percent(Some(67)), "67 %", "Swedish puts a space first");
    assert_eq!(en.percent(Some(67)), "67%");
    assert_eq!(sv.percent(Some(0)), "0 %", "0 is a figure");
    assert_eq!(sv.percent(None), "–", "no figure");
    assert_eq!(sv.share(0.125), "13 %", "the report's rounding");
    assert_eq!(sv.hundredths(0.65), "0,65");
    assert_eq!(en.hundredths(0.65), "0.65");
    assert_eq!(sv.hundredths(-0.05), "−0,05");
    assert_eq!(en.hundredths(1.0), "1.00");
    assert_eq!(sv.hundredths(0.0), "0,00");
    assert!(measure().has('✓'), "the font draws the pass mark");
    assert!(measure().has('…') && measure().has('−'));
}
