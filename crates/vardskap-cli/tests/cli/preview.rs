//! `preview`: a lesson, a question or a role-play node as a learner gets it.

use std::path::PathBuf;

use super::{copy_dir, fixture, path, run};

/// The valid fixture with a four-option question added, and one whose
/// author's order is kept.
fn course() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    copy_dir(&fixture("valid"), &dir);
    let quiz = dir.join("modules/01-valkommen/quiz.toml");
    let mut text = std::fs::read_to_string(&quiz).unwrap();
    for (id, shuffle) in [("four", ""), ("scale", "shuffle = false\n")] {
        text.push_str(&format!(
            "\n[[question]]\nid = \"{id}\"\nkind = \"single\"\ncompetency = \"welcome\"\n{shuffle}\
             prompt = {{ sv = \"Hur ofta hälsar du?\", en = \"How often do you greet?\" }}\n\
             explanation = {{ sv = \"Alltid.\", en = \"Always.\" }}\n"
        ));
        for (i, (sv, en)) in [
            ("Aldrig", "Never"),
            ("Sällan", "Rarely"),
            ("Ofta", "Often"),
            ("Alltid", "Always"),
        ]
        .iter()
        .enumerate()
        {
            let correct = if i == 3 { "correct = true\n" } else { "" };
            text.push_str(&format!(
                "\n[[question.option]]\nid = \"o{i}\"\ntext = {{ sv = \"{sv}\", en = \"{en}\" }}\n{correct}"
            ));
        }
    }
    std::fs::write(&quiz, text).unwrap();
    (tmp, dir)
}

fn preview(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["preview", path(dir)];
    all.extend_from_slice(args);
    run(&all)
}

fn option_order(json: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    value["question"]["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["text"].as_str().unwrap().to_string())
        .collect()
}

/// Every key of every object in `value`, recursively.
fn keys(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                keys(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn a_questions_json_preview_has_no_key() {
    let (_tmp, dir) = course();
    for id in [
        "valkommen/four",
        "valkommen/good-signs",
        "lokalt/founded",
        "lokalt/tourist-office",
        "lokalt/city-word",
        "valkommen/fundamentals",
    ] {
        let (code, out, err) = preview(&dir, &[id, "--json", "--seed", "7"]);
        assert_eq!(code, 0, "{id} previews: {err}");
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let mut found = Vec::new();
        keys(&value, &mut found);
        for secret in [
            "correct",
            "answer",
            "accept",
            "tolerance",
            "feedback",
            "feedbackTrue",
            "feedbackFalse",
            "explanation",
            "pairs",
            "right_id",
        ] {
            assert!(
                !found.iter().any(|k| k == secret),
                "{id}: the preview must not carry `{secret}`: {out}"
            );
        }
        assert!(
            !out.contains("1621"),
            "{id}: the numeric answer never shows: {out}"
        );
    }
}

#[test]
fn seeds_shuffle_the_options_and_the_same_seed_repeats_its_order() {
    let (_tmp, dir) = course();
    let order = |seed: &str| {
        let (code, out, err) = preview(&dir, &["valkommen/four", "--json", "--seed", seed]);
        assert_eq!(code, 0, "the question previews: {err}");
        option_order(&out)
    };
    let orders: Vec<Vec<String>> = (1..=10).map(|s| order(&s.to_string())).collect();
    let mut distinct = orders.clone();
    distinct.sort();
    distinct.dedup();
    assert!(
        distinct.len() > 1,
        "ten seeds give more than one order of four options: {orders:?}"
    );
    for o in &orders {
        let mut sorted = o.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            ["Aldrig", "Alltid", "Ofta", "Sällan"],
            "a shuffle shows every option once"
        );
    }
    assert_eq!(order("3"), orders[2], "the same seed gives the same order");
    let (_, first, _) = preview(&dir, &["valkommen/four", "--seed", "3"]);
    let (_, again, _) = preview(&dir, &["valkommen/four", "--seed", "3"]);
    assert_eq!(
        first, again,
        "the text preview of one seed is the same every time"
    );
    assert!(first.contains("seed 3"), "the text names its seed: {first}");

    let scale: Vec<Vec<String>> = (1..=5)
        .map(|s| {
            let (_, out, _) = preview(
                &dir,
                &["valkommen/scale", "--json", "--seed", &s.to_string()],
            );
            option_order(&out)
        })
        .collect();
    assert!(
        scale
            .iter()
            .all(|o| o == &["Aldrig", "Sällan", "Ofta", "Alltid"]),
        "shuffle = false keeps the author's scale for every seed: {scale:?}"
    );
}

#[test]
fn lang_en_gives_english_and_text_numbers_the_options() {
    let (_tmp, dir) = course();
    let (code, out, err) = preview(&dir, &["valkommen/scale", "--lang", "en", "--seed", "1"]);
    assert_eq!(code, 0, "English preview works: {err}");
    assert!(
        out.contains("How often do you greet?"),
        "the prompt is English: {out}"
    );
    assert!(
        out.contains("  1. Never\n  2. Rarely\n  3. Often\n  4. Always\n"),
        "options are numbered as the learner sees them: {out}"
    );
    let (code, out, _) = preview(&dir, &["valkommen/scale", "--seed", "1"]);
    assert_eq!(code, 0, "the default language works");
    assert!(
        out.contains("Hur ofta hälsar du?"),
        "the course's first language is the default: {out}"
    );
    let (code, _, err) = preview(&dir, &["valkommen/scale", "--lang", "fi"]);
    assert_eq!(code, 2, "a language the course lacks is a usage error");
    assert!(err.contains("no language `fi`"), "and says so: {err}");
}

#[test]
fn lessons_and_role_play_nodes_preview_as_text_and_json() {
    let (_tmp, dir) = course();
    let (code, out, err) = preview(&dir, &["valkommen/vad-ar-vardskap", "--lang", "en"]);
    assert_eq!(code, 0, "a lesson previews: {err}");
    assert!(
        out.starts_with("What is hosting? (Welcome! 1/1)\n"),
        "title, module and position first: {out}"
    );
    assert!(
        out.contains("Hosting is to see the guest."),
        "the HTML is read as text: {out}"
    );
    assert!(!out.contains('<'), "no tags in the text preview: {out}");
    let (code, out, _) = preview(&dir, &["valkommen/vad-ar-vardskap", "--json"]);
    assert_eq!(code, 0, "a lesson previews as JSON");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        json["lesson"]["html"].as_str().unwrap().contains("<p>"),
        "JSON carries the sanitised HTML: {out}"
    );

    let (code, out, err) = preview(
        &dir,
        &["valkommen/stadshuset", "--lang", "en", "--seed", "2"],
    );
    assert_eq!(code, 0, "a role-play previews its start node: {err}");
    assert!(
        out.contains("It is Monday morning."),
        "the start node comes with the intro: {out}"
    );
    assert!(
        out.contains("Visitor: Hi, I am looking for building permits."),
        "the speaker and the text: {out}"
    );
    assert!(
        out.contains("Greet and ask what they need") && out.contains("Point at the lift"),
        "the choices: {out}"
    );
    let (code, out, _) = preview(
        &dir,
        &["valkommen/stadshuset#arrival", "--json", "--seed", "2"],
    );
    assert_eq!(code, 0, "a node by id previews as JSON");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut found = Vec::new();
    keys(&json, &mut found);
    for secret in ["points", "next", "critical", "feedback", "debrief"] {
        assert!(
            !found.iter().any(|k| k == secret),
            "a node preview must not carry `{secret}`: {out}"
        );
    }
}

#[test]
fn unknown_ids_are_plain_usage_errors() {
    let (_tmp, dir) = course();
    for (address, says) in [
        ("nope/four", "the course has no module `nope`"),
        (
            "valkommen/nope",
            "module `valkommen` has no lesson, question or role-play `nope`",
        ),
        (
            "valkommen/stadshuset#nope",
            "the role-play `stadshuset` has no node `nope`",
        ),
        ("valkommen", "is not <module-id>/<item-id>"),
    ] {
        let (code, out, err) = preview(&dir, &[address]);
        assert_eq!(code, 2, "{address} is a usage error");
        assert!(out.is_empty(), "nothing is previewed for {address}: {out}");
        assert!(err.contains(says), "{address}: {err}");
    }
}

#[test]
fn a_question_of_the_final_tests_bank_previews_under_final() {
    let (_tmp, dir) = course();
    let mut head = std::fs::read_to_string(dir.join("course.toml")).unwrap();
    head.push_str("\n[final]\ndraw = 1\npass_mark = 0.7\ndistinction = 0.9\n");
    std::fs::write(dir.join("course.toml"), head).unwrap();
    std::fs::write(
        dir.join("final.toml"),
        "[[question]]\nid = \"bank-one\"\nmodule = \"valkommen\"\nkind = \"true_false\"\ncompetency = \"welcome\"\n\
         prompt = { sv = \"En gäst ska vänta tyst.\", en = \"A guest should wait quietly.\" }\n\
         explanation = { sv = \"Nej.\", en = \"No.\" }\nanswer = false\n",
    )
    .unwrap();
    let (code, out, err) = run(&["validate", path(&dir)]);
    assert_eq!(code, 0, "the course with a final test is valid: {out}{err}");
    let (code, out, err) = preview(&dir, &["final/bank-one", "--lang", "en", "--json"]);
    assert_eq!(code, 0, "a bank question previews: {err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["question"]["prompt"], "A guest should wait quietly.",
        "in English: {out}"
    );
    assert_eq!(json["module"], "final", "named as the final test's: {out}");
    assert!(!out.contains("answer"), "no key: {out}");
    let (code, _, err) = preview(&dir, &["final/nope"]);
    assert_eq!(code, 2, "an unknown bank question is a usage error");
    assert!(
        err.contains("the final test's bank has no question `nope`"),
        "and says so: {err}"
    );
}
