//! The course writer against the real loader: load → save → load gives the
//! same course, and saving an unchanged course changes no byte.

use vardskap_core::content::{
    SaveSummary, Text, load_course, write_course, write_course_with_media,
};

use crate::{copy_dir, fixture};

#[test]
fn load_save_load_gives_the_same_course() {
    let source = fixture("valid");
    let course = load_course(&source).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("copy");
    let saved = write_course_with_media(&course, &source, &out).unwrap();
    assert_eq!(
        saved.media_copied,
        ["modules/01-valkommen/media/entre.svg"],
        "the lesson's image comes along"
    );

    let again = load_course(&out).unwrap();
    assert_eq!(
        again, course,
        "the saved course loads into exactly the model it was saved from"
    );
    let second = write_course(&again, &out).unwrap();
    assert_eq!(
        second,
        SaveSummary::default(),
        "saving an unchanged course changes no byte"
    );
}

#[test]
fn saving_in_place_keeps_the_course_and_its_media() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    copy_dir(&fixture("valid"), &dir);
    let course = load_course(&dir).unwrap();
    let saved = write_course(&course, &dir).unwrap();
    assert!(
        saved.removed.is_empty(),
        "no file of an unchanged course is removed: {saved:?}"
    );
    assert!(
        dir.join("modules/01-valkommen/media/entre.svg").is_file(),
        "media stay where they are"
    );
    assert_eq!(
        load_course(&dir).unwrap(),
        course,
        "a save in place changes no meaning"
    );
}

#[test]
fn an_edit_is_saved_into_its_own_file_only() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    copy_dir(&fixture("valid"), &dir);
    let mut course = load_course(&dir).unwrap();
    write_course(&course, &dir).unwrap();

    let tricky = "Säg \"hej\" \\ och\nvänta # inte en kommentar";
    course.modules[0].questions[0].prompt =
        Text::from_pairs([("sv", tricky), ("en", "Say \"hi\"")]);
    let saved = write_course(&course, &dir).unwrap();
    assert_eq!(
        saved.written,
        ["modules/01-valkommen/quiz.toml"],
        "only the quiz with the edited question is rewritten"
    );
    let again = load_course(&dir).unwrap();
    assert_eq!(
        again.modules[0].questions[0].prompt.get("sv"),
        tricky,
        "quotes, backslashes and line breaks survive"
    );
    assert_eq!(again, course, "the edited course loads as it was saved");
}
