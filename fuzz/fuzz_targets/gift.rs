//! The GIFT reader on any text: it never fails, so it must never panic, and
//! what it imports must be course content that loads. Each question starts
//! on a line, ids are distinct slugs, and the questions written into a
//! module's quiz.toml (as `vardskap-cli import-gift` does) pass the loader.

#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use vardskap_core::content::{self, save};
use vardskap_core::gift;

const COURSE: &str = r#"id = "gift-fuzz"
version = "1.0.0"
languages = ["sv", "en"]
title = { sv = "GIFT", en = "GIFT" }
pass_mark = 0.8

[[competency]]
id = "welcome"
title = { sv = "Välkomnande", en = "Welcoming" }
"#;

const MODULE: &str = r#"id = "m"
title = { sv = "M", en = "M" }
feedback = "immediate"
"#;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let langs = ["sv".to_string(), "en".to_string()];
    let import = gift::parse(&text, "welcome", &langs);

    assert_eq!(
        import.questions.len(),
        import.question_lines.len(),
        "one start line per question"
    );
    let lines = u32::try_from(text.lines().count()).unwrap_or(u32::MAX);
    for line in &import.question_lines {
        assert!(*line >= 1 && *line <= lines.max(1), "line {line} of {lines}");
    }
    let ids: HashSet<&str> = import.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), import.questions.len(), "ids are distinct");
    for q in &import.questions {
        assert!(content::is_slug(&q.id), "id {:?} is a slug", q.id);
    }

    // Into a module whose quiz already uses these ids: all get new ones.
    let taken: HashSet<String> = ids.iter().map(|s| s.to_string()).collect();
    let again = gift::parse_for_module(&text, "welcome", &langs, &taken);
    assert_eq!(again.questions.len(), import.questions.len(), "the same questions");
    let mut seen = HashSet::new();
    for q in &again.questions {
        assert!(!taken.contains(&q.id), "{:?} was taken", q.id);
        assert!(seen.insert(q.id.as_str()), "{:?} is given twice", q.id);
    }

    if import.questions.is_empty() {
        return;
    }
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path();
    let module = dir.join("modules/01-m");
    std::fs::create_dir_all(&module).expect("a module folder");
    std::fs::write(dir.join("course.toml"), COURSE).expect("course.toml");
    std::fs::write(module.join("module.toml"), MODULE).expect("module.toml");
    let quiz = save::quiz_toml(&import.questions, &langs);
    std::fs::write(module.join("quiz.toml"), &quiz).expect("quiz.toml");
    let (course, problems) = content::check_course(dir);
    assert!(
        problems.is_empty(),
        "imported questions must load as course content:\n{}\n--- quiz.toml ---\n{quiz}",
        problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    );
    let course = course.expect("a course without problems is returned");
    assert_eq!(
        course.modules[0].questions.len(),
        import.questions.len(),
        "every imported question is read back"
    );
});
