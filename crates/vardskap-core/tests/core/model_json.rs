//! The course model as JSON, as the editor sends and receives it and as the
//! store keeps a copy of an installed course: every key is camelCase, like
//! everything else the UI reads, and a copy the store wrote with the older
//! snake_case keys still reads to the same course.

use std::path::PathBuf;

use serde_json::{Map, Value};
use vardskap_core::content::{Course, load_course};

fn builtin() -> Course {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content");
    load_course(&dir).unwrap()
}

/// Every object key in `value`, with its path.
fn keys(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                out.push(format!("{at}.{key}"));
                keys(v, &format!("{at}.{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                keys(v, &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn snake_case(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `value` with every object key in snake_case, as the store wrote it before.
fn with_snake_case_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (snake_case(&k), with_snake_case_keys(v)))
                .collect::<Map<_, _>>(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(with_snake_case_keys).collect()),
        other => other,
    }
}

#[test]
fn every_key_of_the_course_model_is_camel_case() {
    let json = serde_json::to_value(builtin()).unwrap();
    let mut all = Vec::new();
    keys(&json, "course", &mut all);
    let snake: Vec<&String> = all.iter().filter(|k| k.contains('_')).collect();
    assert!(snake.is_empty(), "snake_case keys on the wire: {snake:?}");
    for key in ["passMark", "finalTest"] {
        assert!(json.get(key).is_some(), "the course has {key}");
    }
}

#[test]
fn a_copy_stored_with_snake_case_keys_reads_to_the_same_course() {
    let course = builtin();
    let old = with_snake_case_keys(serde_json::to_value(&course).unwrap());
    let text = old.to_string();
    for key in [
        "\"pass_mark\"",
        "\"final_test\"",
        "\"feedback_true\"",
        "\"case_sensitive\"",
        "\"ignore_diacritics\"",
    ] {
        assert!(text.contains(key), "the old copy has {key}");
    }
    let read: Course = serde_json::from_str(&text).unwrap();
    assert_eq!(read, course);
}
