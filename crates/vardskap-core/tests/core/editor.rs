//! The course editor's core: checking an unsaved model by the loader's rules,
//! problems led to their fields, a new course, saving, and previews.

use std::path::PathBuf;

use vardskap_core::content::{self, Course, QuestionBody, Severity, Text, load_course};
use vardskap_core::editor::{self, EditorDiagnostic};
use vardskap_core::quiz::Answer;

use crate::{copy_dir, fixture};

fn builtin() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn valid_copy() -> (tempfile::TempDir, PathBuf, Course) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    copy_dir(&fixture("valid"), &dir);
    let course = load_course(&dir).unwrap();
    (tmp, dir, course)
}

fn fields(diagnostics: &[EditorDiagnostic]) -> Vec<Option<&str>> {
    diagnostics.iter().map(|d| d.field.as_deref()).collect()
}

/// The errors among `diagnostics`: the item lint's warnings (the valid
/// fixture has two) do not make a course invalid.
fn errors(diagnostics: &[EditorDiagnostic]) -> Vec<EditorDiagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect()
}

#[test]
fn the_item_lint_warns_at_the_field_and_is_marked_as_a_warning() {
    let (_tmp, dir, course) = valid_copy();
    let checked = editor::check(&course, &dir);
    let warnings: Vec<(Option<&str>, Severity)> = checked
        .iter()
        .map(|d| (d.field.as_deref(), d.severity))
        .collect();
    assert_eq!(
        warnings,
        vec![
            (Some("module[0].question[1].id"), Severity::Warning),
            (Some("module[1].question[2].answer"), Severity::Warning),
        ],
        "mostly correct options at the question, the year at its answer, both warnings"
    );
    // The fixture is hand-written, so lines differ from the canonical
    // in-memory files; the fields and severities do not.
    let opened: Vec<(Option<String>, Severity)> = editor::open(&dir)
        .diagnostics
        .into_iter()
        .map(|d| (d.field, d.severity))
        .collect();
    let checked: Vec<(Option<String>, Severity)> =
        checked.into_iter().map(|d| (d.field, d.severity)).collect();
    assert_eq!(
        opened, checked,
        "opening shows the same warnings as checking"
    );
}

#[test]
fn an_unchanged_course_has_no_problems_in_memory() {
    let course = load_course(&builtin()).unwrap();
    let problems = editor::check(&course, &builtin());
    assert!(
        errors(&problems).is_empty(),
        "the built-in course checked from memory must be as valid as on disk: {problems:?}"
    );
    let (_tmp, dir, course) = valid_copy();
    assert!(
        errors(&editor::check(&course, &dir)).is_empty(),
        "the valid fixture with its image must check clean"
    );
}

#[test]
fn memory_and_disk_checks_agree_on_a_broken_model() {
    let (tmp, dir, mut course) = valid_copy();
    let scenario = &mut course.modules[0].scenarios[0];
    scenario.nodes[0].choices[0].next = "nowhere".into();
    course.modules[0].questions[0]
        .prompt
        .0
        .insert("en".into(), String::new());
    let in_memory = editor::check(&course, &dir);
    let saved_dir = tmp.path().join("saved");
    content::write_course_with_media(&course, &dir, &saved_dir).unwrap();
    let on_disk = editor::open(&saved_dir).diagnostics;
    assert!(
        !in_memory.is_empty(),
        "the broken choice and the empty translation must be reported"
    );
    assert_eq!(
        in_memory, on_disk,
        "checking unsaved work must report exactly what the saved files would"
    );
}

#[test]
fn problems_lead_to_their_fields() {
    let (_tmp, dir, mut course) = valid_copy();
    course.modules[0].questions[1]
        .prompt
        .0
        .insert("en".into(), String::new());
    let problems = errors(&editor::check(&course, &dir));
    assert_eq!(
        fields(&problems),
        vec![Some("module[0].question[1].prompt")],
        "an empty translation names the prompt of the second question: {problems:?}"
    );

    let (_tmp, dir, mut course) = valid_copy();
    let nodes = &mut course.modules[0].scenarios[0].nodes;
    let orphan = nodes.len();
    let mut extra = nodes[1].clone();
    extra.id = "orphan".into();
    nodes.push(extra);
    let problems = editor::check(&course, &dir);
    let about_orphan: Vec<_> = problems
        .iter()
        .filter(|d| {
            d.field
                .as_deref()
                .is_some_and(|f| f.starts_with(&format!("module[0].scenario[0].node[{orphan}]")))
        })
        .collect();
    assert!(
        about_orphan.iter().any(|d| d.message.contains("reach")),
        "a node no choice leads to is shown on that node: {problems:?}"
    );

    let (_tmp, dir, mut course) = valid_copy();
    course.modules[0].lessons[0]
        .markdown
        .0
        .insert("sv".into(), "Ingen rubrik här.\n".into());
    let problems = errors(&editor::check(&course, &dir));
    assert_eq!(
        fields(&problems),
        vec![Some("module[0].lesson[0].markdown.sv")],
        "a lesson without its title line names that language's Markdown: {problems:?}"
    );

    let (_tmp, dir, mut course) = valid_copy();
    course.competencies[0].title = Text::from_pairs([("sv", "Bara svenska")]);
    let problems = editor::check(&course, &dir);
    assert!(
        fields(&problems).contains(&Some("course.competency[0].title")),
        "a missing translation of a competency names its title: {problems:?}"
    );
}

#[test]
fn names_that_cannot_be_files_are_reported_not_written() {
    let (tmp, dir, mut course) = valid_copy();
    let copy = course.modules[0].scenarios[0].clone();
    course.modules[0].scenarios.push(copy);
    let problems = editor::check(&course, &dir);
    assert_eq!(
        fields(&problems),
        vec![Some("module[0].scenario[1].id")],
        "a second role-play with the same id would overwrite the first file"
    );
    course.modules[0].scenarios.pop();
    course.modules[0].lessons[0].id = "../escape".into();
    let problems = editor::check(&course, &dir);
    assert_eq!(
        fields(&problems),
        vec![Some("module[0].lesson[0].id")],
        "a lesson id with a path in it is refused"
    );
    let err = editor::save(&course, &tmp.path().join("out"), &[None, None], &[]).unwrap_err();
    assert!(
        err.to_string().contains("cannot be saved"),
        "saving says why it cannot: {err}"
    );
    assert!(
        !tmp.path().join("out").exists(),
        "nothing is written when files cannot be named"
    );
}

#[test]
fn a_new_course_is_valid_and_never_overwrites_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let title = Text::from_pairs([("sv", "Mitt kurs"), ("en", "My course")]);
    let langs = vec!["sv".to_string(), "en".to_string()];
    let created = editor::create(tmp.path(), "min-kurs", &langs, &title).unwrap();
    assert!(
        created.diagnostics.is_empty(),
        "a new course starts without problems: {:?}",
        created.diagnostics
    );
    let course = created.course.expect("a new course can be edited");
    assert_eq!(course.id, "min-kurs", "the course has the id it was given");
    assert_eq!(
        course.modules[0].lessons[0].title.get("en"),
        "Lesson 1",
        "the lesson title comes from its Markdown"
    );
    assert_eq!(
        course.modules[0].lessons[0].title.get("sv"),
        "Lektion 1",
        "in each language, from the catalogue"
    );
    assert_eq!(
        course.modules[0].title.get("sv"),
        "Modul 1",
        "the module is named in Swedish too"
    );
    let again = editor::create(tmp.path(), "min-kurs", &langs, &title).unwrap_err();
    assert!(
        again.to_string().contains("not empty"),
        "an existing course folder is never overwritten: {again}"
    );
    let bad = editor::create(tmp.path(), "Min Kurs", &langs, &title).unwrap_err();
    assert!(
        bad.to_string().contains("cannot be used"),
        "an id that is not a slug is refused in words: {bad}"
    );
    let untitled = editor::create(
        tmp.path(),
        "x",
        &langs,
        &Text::from_pairs([("sv", "Bara sv")]),
    )
    .unwrap_err();
    assert!(
        untitled.to_string().contains("`en`"),
        "a title is needed in every language: {untitled}"
    );
}

#[test]
fn saving_round_trips_and_an_unchanged_save_writes_nothing() {
    let (_tmp, dir, mut course) = valid_copy();
    // The fixture is hand-written (e.g. `critical = false`); the first save makes it canonical.
    let origins = |c: &Course| {
        c.modules
            .iter()
            .map(|m| Some(m.dir.clone()))
            .collect::<Vec<_>>()
    };
    editor::save(&course, &dir, &origins(&course), &[]).unwrap();
    let saved = editor::save(&course, &dir, &origins(&course), &[]).unwrap();
    assert!(
        saved.summary.written.is_empty(),
        "saving an unchanged canonical course rewrites no file: {:?}",
        saved.summary
    );
    course.modules[1]
        .title
        .0
        .insert("en".into(), "Local knowledge, revised".into());
    let saved = editor::save(&course, &dir, &origins(&course), &[]).unwrap();
    assert_eq!(
        saved.summary.written,
        vec!["modules/02-lokalt/module.toml".to_string()],
        "only the changed file is written"
    );
    assert!(
        errors(&saved.diagnostics).is_empty(),
        "the saved course is valid"
    );
    let reopened = editor::open(&dir).course.unwrap();
    assert_eq!(reopened, course, "load, save, load gives the same model");
}

#[test]
fn a_folder_that_cannot_be_read_opens_with_its_problems() {
    let (_tmp, dir, _) = valid_copy();
    std::fs::write(dir.join("course.toml"), "id = \"x\"\ntitle = {\n").unwrap();
    let opened = editor::open(&dir);
    assert!(
        opened.course.is_none(),
        "a TOML syntax error leaves no model to edit"
    );
    assert!(
        opened
            .diagnostics
            .iter()
            .any(|d| d.path == "course.toml" && d.line > 0),
        "the syntax error is located: {:?}",
        opened.diagnostics
    );
}

#[test]
fn previews_show_what_the_learner_sees() {
    let (_tmp, dir, course) = valid_copy();
    let markdown = course.modules[0].lessons[0].markdown.get("sv").to_string();
    let base = "vardskap-media://localhost/editor/";
    let lesson = editor::preview_lesson(&markdown, &course.modules[0].dir, &dir, base);
    assert_eq!(
        lesson.title.as_deref(),
        Some("Vad är värdskap?"),
        "the title comes from the first line"
    );
    assert!(
        lesson.html.contains(&format!(
            "src=\"{base}modules/{}/media/entre.svg\"",
            course.modules[0].dir
        )),
        "the image is a URL under the editor's media base: {}",
        lesson.html
    );
    let hostile = editor::preview_lesson(
        "# T\n\n<script>alert(1)</script><a href=\"javascript:x\">l</a>",
        "01-valkommen",
        &dir,
        base,
    );
    assert!(
        !hostile.html.contains("script") && !hostile.html.contains("javascript:"),
        "the preview is sanitised like a lesson: {}",
        hostile.html
    );

    let question = course.modules[0]
        .questions
        .iter()
        .find(|q| matches!(q.body, QuestionBody::Single { .. }))
        .unwrap();
    let view = editor::preview_question(question, "en", 7);
    let json = serde_json::to_string(&view).unwrap();
    assert!(
        !json.contains("\"correct\""),
        "the preview view carries no key: {json}"
    );
    let QuestionBody::Single { options } = &question.body else {
        unreachable!()
    };
    let right = options.iter().find(|o| o.correct).unwrap();
    let review = editor::check_answer(
        question,
        &Answer::Single {
            option: right.id.clone(),
        },
        "en",
        7,
    )
    .unwrap();
    assert_eq!(
        review.grade.score, question.points,
        "the key gets full points in the preview"
    );

    let scenario = &course.modules[0].scenarios[0];
    let start = editor::preview_scenario(scenario, &[], "en", 1).unwrap();
    assert_eq!(start.node.id, scenario.start, "no choice: the start node");
    assert!(
        start.last.is_none() && start.debrief.is_none(),
        "nothing chosen, nothing ended"
    );
    let first = scenario.nodes[0].choices[0].clone();
    let step =
        editor::preview_scenario(scenario, std::slice::from_ref(&first.id), "en", 1).unwrap();
    assert_eq!(step.node.id, first.next, "a choice leads to its target");
    assert_eq!(
        step.last.as_ref().map(|s| s.choice_id.as_str()),
        Some(first.id.as_str()),
        "the last step is the choice made"
    );
    assert!(
        editor::preview_scenario(scenario, &["no-such".into()], "en", 1).is_err(),
        "an unknown choice is an error, not a panic"
    );
}

#[test]
fn gift_questions_get_free_ids_in_the_module() {
    let gift = fixture("gift").join("moodle-questions.gift.txt");
    let gift = if gift.exists() {
        gift
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/fixtures/gift/moodle-questions.gift.txt")
    };
    let langs = vec!["sv".to_string(), "en".to_string()];
    let first = editor::import_gift(&gift, &langs, "welcome", &[]).unwrap();
    assert!(!first.questions.is_empty(), "the Moodle file has questions");
    let taken: Vec<String> = first.questions.iter().map(|q| q.id.clone()).collect();
    let second = editor::import_gift(&gift, &langs, "welcome", &taken).unwrap();
    for q in &second.questions {
        assert!(
            !taken.contains(&q.id),
            "`{}` is already used in the module, so it gets a new id",
            q.id
        );
    }
    let tmp = tempfile::tempdir().unwrap();
    let latin1 = tmp.path().join("latin1.gift");
    std::fs::write(&latin1, b"::Q:: Caf\xe9? {T}").unwrap();
    let err = editor::import_gift(&latin1, &langs, "welcome", &[]).unwrap_err();
    assert!(
        err.to_string().contains("UTF-8"),
        "a file in another encoding gets a plain message: {err}"
    );
}

#[test]
fn moved_modules_keep_their_order_and_media_and_removed_ones_go() {
    let (_tmp, dir, mut course) = valid_copy();
    let origins: Vec<Option<String>> = course.modules.iter().map(|m| Some(m.dir.clone())).collect();
    // Move module 2 first: the core renumbers the folder names; the editor's own do not count.
    course.modules.swap(0, 1);
    course.modules[0].dir = "whatever".into();
    let origins = vec![origins[1].clone(), origins[0].clone()];
    let saved = editor::save(&course, &dir, &origins, &[]).unwrap();
    assert_eq!(
        saved.module_dirs,
        ["01-lokalt", "02-valkommen"],
        "each folder takes its position and keeps its name"
    );
    assert!(
        errors(&saved.diagnostics).is_empty(),
        "the moved course is valid: {:?}",
        saved.diagnostics
    );
    assert!(
        dir.join("modules/02-valkommen/media/entre.svg").is_file(),
        "the image moved with its module"
    );
    assert!(
        !dir.join("modules/01-valkommen").exists() && !dir.join("modules/02-lokalt").exists(),
        "no folder is left under its old name"
    );
    let reopened = editor::open(&dir).course.unwrap();
    assert_eq!(
        reopened
            .modules
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>(),
        ["lokalt", "valkommen"],
        "the new order survives reopening"
    );

    // Two modules whose folders differ only in their numbers trade them,
    // through a temporary name.
    std::fs::rename(dir.join("modules/01-lokalt"), dir.join("modules/01-del")).unwrap();
    std::fs::rename(dir.join("modules/02-valkommen"), dir.join("modules/02-del")).unwrap();
    let mut course = editor::open(&dir).course.unwrap();
    course.modules.swap(0, 1);
    let swapped = vec![Some("02-del".to_string()), Some("01-del".to_string())];
    let saved = editor::save(&course, &dir, &swapped, &[]).unwrap();
    assert_eq!(
        saved.module_dirs,
        ["01-del", "02-del"],
        "the folders trade names"
    );
    let reopened = editor::open(&dir).course.unwrap();
    assert_eq!(
        reopened
            .modules
            .iter()
            .map(|m| (m.dir.as_str(), m.id.as_str()))
            .collect::<Vec<_>>(),
        [("01-del", "valkommen"), ("02-del", "lokalt")],
        "each module is in the folder it was given"
    );
    assert!(
        dir.join("modules/01-del/media/entre.svg").is_file(),
        "the image went with its module"
    );
    assert!(
        std::fs::read_dir(dir.join("modules")).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with('.')),
        "no temporary folder is left"
    );
    course = reopened;

    // Removing a saved module deletes its folder.
    let gone = course.modules.remove(1);
    let origins: Vec<Option<String>> = course.modules.iter().map(|m| Some(m.dir.clone())).collect();
    editor::save(&course, &dir, &origins, std::slice::from_ref(&gone.dir)).unwrap();
    assert!(
        !dir.join("modules").join(&gone.dir).exists(),
        "the removed module's folder is gone"
    );
    assert_eq!(
        editor::open(&dir).course.unwrap().modules.len(),
        1,
        "and it does not come back on reopening"
    );
}

#[test]
fn a_rename_onto_a_folder_that_stays_is_refused_before_anything_moves() {
    let (_tmp, dir, mut course) = valid_copy();
    let origins: Vec<Option<String>> = course.modules.iter().map(|m| Some(m.dir.clone())).collect();
    // Moving lokalt first renames its folder to 01-lokalt, which someone made meanwhile.
    std::fs::create_dir_all(dir.join("modules/01-lokalt")).unwrap();
    course.modules.swap(0, 1);
    let origins = vec![origins[1].clone(), origins[0].clone()];
    let err = editor::save(&course, &dir, &origins, &[]).unwrap_err();
    assert!(
        err.to_string().contains("already exists"),
        "an occupied folder name is refused in words: {err}"
    );
    assert!(
        dir.join("modules/01-valkommen/module.toml").is_file(),
        "and nothing was moved"
    );
    assert!(
        dir.join("modules/02-lokalt/module.toml").is_file(),
        "nothing at all"
    );
    let err = editor::save(&course, &dir, &[Some("../../etc".into()), None], &[]).unwrap_err();
    assert!(
        err.to_string().contains("not a module folder"),
        "a folder outside the course is refused: {err}"
    );
    let err = editor::save(&course, &dir, &[None, None], &["..".into()]).unwrap_err();
    assert!(
        err.to_string().contains("not a module folder"),
        "nothing outside the course is removed: {err}"
    );
}

#[test]
fn hidden_or_case_clashing_ids_are_problems() {
    let (_tmp, dir, mut course) = valid_copy();
    course.modules[0].scenarios[0].id = ".hidden".into();
    assert_eq!(
        fields(&editor::check(&course, &dir)),
        vec![Some("module[0].scenario[0].id")],
        "a hidden file name would vanish on reopening"
    );
    let mut second = course.modules[0].scenarios[0].clone();
    course.modules[0].scenarios[0].id = "intro".into();
    second.id = "Intro".into();
    course.modules[0].scenarios.push(second);
    let problems = editor::check(&course, &dir);
    assert!(
        fields(&problems).contains(&Some("module[0].scenario[1].id")),
        "`Intro` and `intro` are one file on Windows and macOS: {problems:?}"
    );
}

#[test]
fn the_editor_neither_imports_nor_saves_a_file_too_large_to_load() {
    let (tmp, dir, mut course) = valid_copy();
    let langs = course.languages.clone();
    let big = tmp.path().join("big.gift");
    std::fs::write(&big, crate::gift::oversized_gift()).unwrap();
    let err = editor::import_gift(&big, &langs, "welcome", &[]).unwrap_err();
    assert!(
        err.to_string().contains("larger than the 4 MiB"),
        "the editor's import has the CLI's rule: {err}"
    );

    // Questions that grow past the limit in the editor are not written either.
    let small = tmp.path().join("small.gift");
    std::fs::write(&small, "::Q:: Hej? {T}\n").unwrap();
    let mut question = editor::import_gift(&small, &langs, "welcome", &[])
        .unwrap()
        .questions
        .remove(0);
    question.prompt = Text::from_pairs([("sv", "ord ".repeat(1_200_000).as_str()), ("en", "word")]);
    course.modules[0].questions.push(question);
    let before = files_of(&dir);
    let origins: Vec<Option<String>> = course.modules.iter().map(|m| Some(m.dir.clone())).collect();
    let err = editor::save(&course, &dir, &origins, &[]).unwrap_err();
    assert!(
        err.to_string()
            .contains("modules/01-valkommen/quiz.toml would be"),
        "the file that is too large is named: {err}"
    );
    assert_eq!(files_of(&dir), before, "no file of the course was written");
}

/// Every file under `dir` with its bytes, in path order.
fn files_of(dir: &std::path::Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(folder) = todo.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_new_module_gets_its_folder_from_the_core_and_takes_a_removed_ones_place() {
    let (_tmp, dir, mut course) = valid_copy();
    let mut new = course.modules[1].clone();
    new.id = "ny-modul".into();
    new.dir = String::new(); // the editor's proposal is not used
    course.modules.push(new);
    let origins = vec![
        Some("01-valkommen".to_string()),
        Some("02-lokalt".to_string()),
        None,
    ];
    let saved = editor::save(&course, &dir, &origins, &[]).unwrap();
    assert_eq!(
        saved.module_dirs,
        ["01-valkommen", "02-lokalt", "03-ny-modul"],
        "saved modules keep their folders, the new one is NN-id"
    );
    assert!(
        dir.join("modules/03-ny-modul/module.toml").is_file(),
        "and is written there"
    );

    // lokalt is removed and a new module with its id takes its place: the
    // old folder goes (its media with it), the new module gets a fresh one.
    std::fs::create_dir_all(dir.join("modules/02-lokalt/media")).unwrap();
    std::fs::write(dir.join("modules/02-lokalt/media/old.svg"), "<svg/>").unwrap();
    let mut lokalt = course.modules.remove(1);
    lokalt.questions.truncate(1);
    course.modules.insert(1, lokalt);
    let origins = vec![
        Some("01-valkommen".to_string()),
        None,
        Some("03-ny-modul".to_string()),
    ];
    let saved = editor::save(&course, &dir, &origins, &["02-lokalt".to_string()]).unwrap();
    assert_eq!(
        saved.module_dirs,
        ["01-valkommen", "02-lokalt", "03-ny-modul"],
        "the new module is second"
    );
    assert!(
        !dir.join("modules/02-lokalt/media/old.svg").exists(),
        "the removed module's files are gone"
    );
    let reopened = editor::open(&dir).course.unwrap();
    assert_eq!(
        reopened.modules[1].questions.len(),
        1,
        "the folder holds the new module"
    );
}
