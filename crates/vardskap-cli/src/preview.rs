//! `vardskap-cli preview`: a lesson, a question or a role-play node as a
//! learner gets it, through the app's own view code (`content::lesson_view`,
//! `quiz::view`, `scenario::shuffled`), so an author sees what students see
//! and tests can check the shuffling. Nothing of a key is printed.

use std::path::Path;
use std::process::ExitCode;

use serde_json::json;
use vardskap_core::content::{Course, Module, Question, check_course, lesson_view};
use vardskap_core::quiz::{self, ViewBody, ViewItem};
use vardskap_core::scenario::{self, NodeView};

use super::{PROBLEMS, print_problems, problems_not_listed, say, text, usage_error};

const USAGE: &str = "vardskap-cli preview <course-dir> <module-id>/<lesson-id|question-id|scenario-id[#node-id]> [--seed N] [--lang sv|en] [--json]";

pub fn run(dir: &Path, item: &str, seed: Option<u64>, lang: Option<&str>, json: bool) -> ExitCode {
    let (course, problems) = check_course(dir);
    let Some(course) = course else {
        print_problems(&problems);
        return ExitCode::from(PROBLEMS);
    };
    if !problems.is_empty() {
        eprintln!("{}", problems_not_listed(problems.len()));
    }
    let lang = match lang {
        Some(l) if course.languages.iter().any(|c| c == l) => l.to_string(),
        Some(l) => {
            let args = [
                ("lang", text(l)),
                ("languages", text(course.languages.join(", "))),
            ];
            return usage_error(&say("cli-noLanguage", &args), USAGE);
        }
        None => course.languages.first().cloned().unwrap_or_default(),
    };
    let seed = seed.unwrap_or_else(fresh_seed);
    match show(&course, item, seed, &lang, json) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => usage_error(&message, USAGE),
    }
}

/// A seed for a preview without one: it differs from run to run, as
/// attempts do, and is printed so that the author can show the same again.
fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    // Truncation is fine: any 64 bits of the clock make a seed.
    #[allow(clippy::cast_possible_truncation)]
    let low = nanos as u64;
    low ^ u64::from(std::process::id()).rotate_left(32)
}

/// The preview of `address` (`module/item[#node]`) as text or JSON.
fn show(
    course: &Course,
    address: &str,
    seed: u64,
    lang: &str,
    json: bool,
) -> Result<String, String> {
    let Some((module_id, rest)) = address.split_once('/') else {
        return Err(format!("`{address}` is not <module-id>/<item-id>"));
    };
    let (item_id, node_id) = match rest.split_once('#') {
        Some((item, node)) => (item, Some(node)),
        None => (rest, None),
    };
    if module_id == FINAL
        && let Some(bank) = &course.final_test
        && node_id.is_none()
    {
        let found = bank
            .questions
            .iter()
            .find(|b| b.question.id == item_id)
            .ok_or_else(|| {
                let ids: Vec<&str> = bank
                    .questions
                    .iter()
                    .map(|b| b.question.id.as_str())
                    .collect();
                format!(
                    "the final test's bank has no question `{item_id}` (it has: {})",
                    ids.join(", ")
                )
            })?;
        return Ok(question(FINAL, &found.question, seed, lang, json));
    }
    let module = course
        .modules
        .iter()
        .find(|m| m.id == module_id)
        .ok_or_else(|| {
            let ids: Vec<&str> = course.modules.iter().map(|m| m.id.as_str()).collect();
            format!(
                "the course has no module `{module_id}` (it has: {})",
                ids.join(", ")
            )
        })?;
    let not_a_lesson_or_question = node_id.is_some();
    if !not_a_lesson_or_question && module.lessons.iter().any(|l| l.id == item_id) {
        return lesson(course, module, item_id, lang, json);
    }
    if !not_a_lesson_or_question
        && let Some(question) = module.questions.iter().find(|q| q.id == item_id)
    {
        return Ok(self::question(&module.id, question, seed, lang, json));
    }
    if let Some(s) = module.scenarios.iter().find(|s| s.id == item_id) {
        let node_id = node_id.unwrap_or(&s.start);
        let node = s.node(node_id).ok_or_else(|| {
            let ids: Vec<&str> = s.nodes.iter().map(|n| n.id.as_str()).collect();
            format!(
                "the role-play `{}` has no node `{node_id}` (it has: {})",
                s.id,
                ids.join(", ")
            )
        })?;
        let view = scenario::shuffled(node, lang, seed);
        let title = s.title.get(lang);
        // The scene is set before the first node only, as in the app.
        let intro = (node.id == s.start)
            .then(|| s.intro.as_ref().map(|i| i.get(lang)))
            .flatten();
        return Ok(if json {
            to_json(&json!({
                "kind": "node",
                "module": module.id,
                "scenario": s.id,
                "title": title,
                "intro": intro,
                "seed": seed,
                "lang": lang,
                "node": view,
            }))
        } else {
            node_text(title, intro, &view, seed)
        });
    }
    Err(unknown(module, item_id, node_id.is_some()))
}

/// The module id that names the final test's bank (reserved for it).
const FINAL: &str = "final";

fn question(module: &str, question: &Question, seed: u64, lang: &str, json: bool) -> String {
    let view = quiz::view(question, lang, seed);
    if json {
        to_json(&json!({
            "kind": "question",
            "module": module,
            "seed": seed,
            "lang": lang,
            "question": view,
        }))
    } else {
        question_text(&view, seed)
    }
}

fn unknown(module: &Module, item_id: &str, with_node: bool) -> String {
    let list = |ids: Vec<&str>| {
        if ids.is_empty() {
            "none".to_string()
        } else {
            ids.join(", ")
        }
    };
    let scenarios = list(module.scenarios.iter().map(|s| s.id.as_str()).collect());
    if with_node {
        return format!(
            "module `{}` has no role-play `{item_id}` (a #node follows a role-play id; role-plays: {scenarios})",
            module.id
        );
    }
    format!(
        "module `{}` has no lesson, question or role-play `{item_id}` (lessons: {}; questions: {}; role-plays: {scenarios})",
        module.id,
        list(module.lessons.iter().map(|l| l.id.as_str()).collect()),
        list(module.questions.iter().map(|q| q.id.as_str()).collect()),
    )
}

fn lesson(
    course: &Course,
    module: &Module,
    lesson_id: &str,
    lang: &str,
    json: bool,
) -> Result<String, String> {
    // Images stay as their alt text: no media base, as nothing serves them here.
    let view = lesson_view(course, None, &module.id, lesson_id, lang).map_err(|e| e.to_string())?;
    Ok(if json {
        to_json(&json!({ "kind": "lesson", "lang": lang, "lesson": view }))
    } else {
        let mut out = format!(
            "{} ({} {}/{})\n\n",
            view.title, view.module_title, view.position, view.count
        );
        // The app shows the module's outcomes as the module starts.
        if view.position == 1 && !view.outcomes.is_empty() {
            out.push_str("Learning outcomes:\n");
            for outcome in &view.outcomes {
                out.push_str(&format!("- {outcome}\n"));
            }
            out.push('\n');
        }
        out.push_str(&html_to_text(&view.html));
        out
    })
}

fn to_json(value: &serde_json::Value) -> String {
    let mut text =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

fn numbered(items: &[ViewItem]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| format!("  {}. {}\n", i + 1, item.text))
        .collect()
}

fn question_text(view: &quiz::QuestionView, seed: u64) -> String {
    let kind = |s: &str| s.to_string();
    let (what, body) = match &view.body {
        ViewBody::Single { options } => (kind("choose one"), numbered(options)),
        ViewBody::Multiple { options } => (kind("choose every right one"), numbered(options)),
        ViewBody::TrueFalse => (kind("true or false"), String::new()),
        ViewBody::ShortText => (kind("a short written answer"), String::new()),
        ViewBody::Numeric { unit } => (
            match unit {
                Some(unit) => format!("a number, in {unit}"),
                None => kind("a number"),
            },
            String::new(),
        ),
        ViewBody::Ordering { items } => (kind("put in order"), numbered(items)),
        ViewBody::Matching { left, right } => {
            let mut body = numbered(left);
            body.push('\n');
            for (i, item) in right.iter().enumerate() {
                let letter =
                    char::from_u32(u32::from(b'A') + u32::try_from(i).unwrap_or(0)).unwrap_or('?');
                body.push_str(&format!("  {letter}. {}\n", item.text));
            }
            (kind("match each number with a letter"), body)
        }
    };
    let points = if (view.points - 1.0).abs() < f64::EPSILON {
        "1 point".to_string()
    } else {
        format!("{} points", view.points)
    };
    format!(
        "{} ({what}; {points}; seed {seed})\n\n{}\n\n{body}",
        view.id, view.prompt
    )
}

fn node_text(title: &str, intro: Option<&str>, view: &NodeView, seed: u64) -> String {
    let mut out = format!("{title}: {} (seed {seed})\n\n", view.id);
    if let Some(intro) = intro {
        out.push_str(intro);
        out.push_str("\n\n");
    }
    match &view.speaker {
        Some(speaker) => out.push_str(&format!("{speaker}: {}\n", view.text)),
        None => out.push_str(&format!("{}\n", view.text)),
    }
    if !view.choices.is_empty() {
        out.push('\n');
        for (i, c) in view.choices.iter().enumerate() {
            out.push_str(&format!("  {}. {}\n", i + 1, c.text));
        }
    } else if view.ending.is_some() {
        out.push_str("\n(the role-play ends here)\n");
    }
    out
}

/// Readable text of the loader's sanitised lesson HTML: blocks on their own
/// lines, list items marked, images as their alt text, entities decoded.
/// The HTML is the core's own, so a small reader of its tags is enough.
fn html_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut lists: Vec<Option<u32>> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        push_text(&mut out, &rest[..at]);
        let Some(end) = rest[at..].find('>') else {
            push_text(&mut out, &rest[at..]);
            rest = "";
            break;
        };
        let tag = &rest[at + 1..at + end];
        rest = &rest[at + end + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("ul", false) => lists.push(None),
            ("ol", false) => lists.push(Some(0)),
            ("ul" | "ol", true) => {
                lists.pop();
                new_paragraph(&mut out);
            }
            ("li", false) => {
                new_line(&mut out);
                let depth = lists.len().saturating_sub(1);
                out.push_str(&"  ".repeat(depth));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        out.push_str(&format!("{n}. "));
                    }
                    _ => out.push_str("- "),
                }
            }
            ("br", _) | ("tr", true) => new_line(&mut out),
            ("td" | "th", true) => out.push_str("  "),
            ("hr", _) => {
                new_paragraph(&mut out);
                out.push_str("----");
                new_paragraph(&mut out);
            }
            ("img", _) => {
                if let Some(alt) = attribute(tag, "alt").filter(|a| !a.is_empty()) {
                    out.push_str(&format!("[image: {}]", decode_entities(&alt)));
                }
            }
            ("blockquote", false) => {
                new_paragraph(&mut out);
                out.push_str("> ");
            }
            (
                "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre" | "blockquote" | "table"
                | "div",
                _,
            ) => new_paragraph(&mut out),
            _ => {}
        }
    }
    push_text(&mut out, rest);
    let mut text = out.trim().to_string();
    text.push('\n');
    text
}

fn push_text(out: &mut String, raw: &str) {
    let text = decode_entities(raw);
    let at_line_start =
        out.is_empty() || out.ends_with('\n') || out.ends_with("- ") || out.ends_with("> ");
    let mut words = text.split_whitespace().peekable();
    if words.peek().is_none() {
        if !text.is_empty() && !at_line_start && !out.ends_with(' ') {
            out.push(' ');
        }
        return;
    }
    if text.starts_with(char::is_whitespace) && !at_line_start && !out.ends_with(' ') {
        out.push(' ');
    }
    out.push_str(&words.collect::<Vec<_>>().join(" "));
    if text.ends_with(char::is_whitespace) {
        out.push(' ');
    }
}

fn new_line(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn new_paragraph(out: &mut String) {
    new_line(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let needle = format!("{name}=\"");
    let at = tag.find(&needle)? + needle.len();
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_string())
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn lesson_html_reads_as_text() {
        let html = "<h1>Välkommen</h1>\n<p>En <strong>gäst</strong> &amp; en värd.</p>\n<ul>\n<li>Se</li>\n<li>Hälsa</li>\n</ul>\n<ol><li>Ett</li><li>Två</li></ol><p><img src=\"media://a.png\" alt=\"Torget\"></p>";
        assert_eq!(
            html_to_text(html),
            "Välkommen\n\nEn gäst & en värd.\n\n- Se\n- Hälsa\n\n1. Ett\n2. Två\n\n[image: Torget]\n",
            "headings and paragraphs are blocks, lists are marked, entities decoded, images by their alt text"
        );
    }
}
