//! The valid fixture course loads into the model the format describes.

use vardskap_core::content::{
    EndingKind, QuestionBody, QuestionKind, check_course, course_overview, course_stats,
    load_course,
};

use crate::fixture;

#[test]
fn the_valid_fixture_loads_with_every_part_in_order() {
    let course = load_course(&fixture("valid")).unwrap();
    assert_eq!(course.id, "fixture-course", "the id comes from course.toml");
    assert_eq!(
        course.languages,
        ["sv", "en"],
        "languages keep their declared order"
    );
    assert_eq!(course.pass_mark, 0.8, "the course pass mark is read");
    let competencies: Vec<&str> = course.competencies.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        competencies,
        ["welcome", "local", "recovery"],
        "competencies keep file order"
    );

    let modules: Vec<(&str, &str)> = course
        .modules
        .iter()
        .map(|m| (m.id.as_str(), m.dir.as_str()))
        .collect();
    assert_eq!(
        modules,
        [("valkommen", "01-valkommen"), ("lokalt", "02-lokalt")],
        "modules come in folder-name order"
    );
    let first = &course.modules[0];
    assert_eq!(
        first.pass_mark,
        Some(0.75),
        "a module may set its own pass mark"
    );

    let lesson = &first.lessons[0];
    assert_eq!(
        lesson.id, "vad-ar-vardskap",
        "the lesson id is the file name after the number"
    );
    assert_eq!(
        lesson.title.get("sv"),
        "Vad är värdskap?",
        "the title is the first-line heading"
    );
    assert_eq!(
        lesson.title.get("en"),
        "What is hosting?",
        "each language has its own title"
    );
    let html = lesson.html.get("sv");
    assert!(
        html.contains("<img src=\"media://modules/01-valkommen/media/entre.svg\" alt=\"Entrén till stadshuset\">"),
        "images are rewritten to media:// course paths: {html}"
    );
    assert!(
        html.contains("<table>") && html.contains("footnote-definition"),
        "tables and footnotes render: {html}"
    );
    assert!(
        lesson.markdown.get("en").starts_with("# What is hosting?"),
        "the Markdown source is kept as written"
    );

    let kinds: Vec<QuestionKind> = course
        .modules
        .iter()
        .flat_map(|m| &m.questions)
        .map(|q| q.kind())
        .collect();
    assert_eq!(kinds.len(), 7, "the fixture has one question of each kind");
    for kind in QuestionKind::ALL {
        assert!(kinds.contains(&kind), "the fixture has a {kind:?} question");
    }
    let numeric = course.modules[1]
        .questions
        .iter()
        .find(|q| q.id == "founded")
        .unwrap();
    assert_eq!(
        numeric.body,
        QuestionBody::Numeric {
            answer: 1621.0,
            tolerance: 0.0,
            unit: Some(vardskap_core::content::Text::from_pairs([
                ("sv", "år"),
                ("en", "year")
            ]))
        },
        "an integer answer is read as a number"
    );
    let single = &first.questions[0];
    assert_eq!(single.points, 1.0, "points are read");
    assert_eq!(first.questions[2].points, 1.0, "points default to 1");

    let scenario = &first.scenarios[0];
    assert_eq!(
        scenario.id, "stadshuset",
        "the scenario id is its file name"
    );
    assert_eq!(scenario.start, "arrival", "the start node is read");
    let point = &scenario.node("arrival").unwrap().choices[1];
    assert_eq!(
        point.points.get("welcome"),
        Some(&-1.0),
        "choice points may be negative"
    );
    assert_eq!(
        scenario
            .node("good-end")
            .unwrap()
            .ending
            .as_ref()
            .map(|e| e.kind),
        Some(EndingKind::Good),
        "terminal nodes carry their ending"
    );
}

#[test]
fn check_course_agrees_with_load_course_on_a_valid_course() {
    let (course, problems) = check_course(&fixture("valid"));
    assert!(
        problems.is_empty(),
        "a valid course has no problems: {problems:?}"
    );
    assert_eq!(
        course,
        Some(load_course(&fixture("valid")).unwrap()),
        "both give the same course"
    );
}

#[test]
fn stats_count_each_module_and_its_languages() {
    let stats = course_stats(&load_course(&fixture("valid")).unwrap());
    let first = &stats.modules[0];
    assert_eq!(
        (first.lessons, first.scenarios),
        (1, 1),
        "one lesson and one scenario in module 1"
    );
    assert_eq!(
        first.questions.get("single"),
        Some(&1),
        "questions are counted per kind"
    );
    assert_eq!(
        first.questions.values().sum::<usize>(),
        4,
        "module 1 has four questions"
    );
    assert!(
        first.languages_complete.values().all(|&c| c),
        "every language is complete in a valid course"
    );
}

#[test]
fn stats_show_an_incomplete_language() {
    let (course, _) = check_course(&fixture("broken/missing-translation"));
    let stats = course_stats(&course.unwrap());
    assert_eq!(
        stats.modules[0].languages_complete.get("en"),
        Some(&false),
        "a module title without English makes English incomplete"
    );
    assert_eq!(
        stats.modules[0].languages_complete.get("sv"),
        Some(&true),
        "Swedish is complete"
    );
}

#[test]
fn course_overview_still_reads_the_head() {
    let overview = course_overview(&fixture("valid"), "en").unwrap();
    assert_eq!(
        overview.title, "Good hosting (test course)",
        "the overview localises the title"
    );
}

#[test]
fn the_built_in_course_is_checked_without_panicking() {
    // The built-in course is being written; it must at least be checkable.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let (_, problems) = check_course(&dir);
    for p in &problems {
        assert!(
            !p.path.contains('\\') && !p.path.starts_with('/'),
            "paths are course-relative with `/`: {p}"
        );
    }
}
