//! Which field of the course model a `path:line` is about, so the editor can
//! lead an author from a problem to the input that fixes it.
//!
//! Addresses use the files' table names: `course.title`,
//! `course.competency[0].id`, `module[1].summary`,
//! `module[1].lesson[0].markdown.sv`, `module[1].question[2].option[0].text`
//! (also `.item[i]`, `.pair[i]`), `module[1].scenario[0].node[3].choice[1].next`.
//! A problem with a whole file or table names the table: `module[1]`,
//! `module[1].question[2]`.

use crate::content::Course;
use crate::content::layout::{
    COURSE_FILE, LESSONS_DIR, MODULE_FILE, MODULES_DIR, QUIZ_FILE, SCENARIOS_DIR, lesson_name,
};

/// The field at 1-based `line` of the course file `path`, whose text is
/// `text` (line 0, or no text, names the file's own item).
pub fn field_for(
    course: Option<&Course>,
    path: &str,
    line: u32,
    text: Option<&str>,
) -> Option<String> {
    if path == COURSE_FILE || path == MODULES_DIR {
        return Some(in_toml("course", text, line));
    }
    let rest = path.strip_prefix(MODULES_DIR)?.strip_prefix('/')?;
    let (dir, file) = rest.split_once('/').unwrap_or((rest, ""));
    let (folder, name) = file.split_once('/').unwrap_or(("", file));
    let course = course?;
    let m = course.modules.iter().position(|module| module.dir == dir)?;
    let module = &course.modules[m];
    let base = format!("module[{m}]");
    match (folder, name) {
        ("", MODULE_FILE) => Some(
            lesson_setting(module, &base, text, line).unwrap_or_else(|| in_toml(&base, text, line)),
        ),
        ("", "" | QUIZ_FILE) => Some(in_toml(&base, text, line)),
        (LESSONS_DIR, name) => {
            let lesson = lesson_name(name)
                .and_then(|n| Some((module.lessons.iter().position(|l| l.id == n.id)?, n.lang)));
            match lesson {
                Some((l, lang)) => Some(format!("{base}.lesson[{l}].markdown.{lang}")),
                None => Some(base),
            }
        }
        (SCENARIOS_DIR, name) => {
            let id = name.strip_suffix(".toml")?;
            match module
                .scenarios
                .iter()
                .position(|scenario| scenario.id == id)
            {
                Some(s) => Some(in_toml(&format!("{base}.scenario[{s}]"), text, line)),
                None => Some(base),
            }
        }
        _ => Some(base),
    }
}

/// A line inside module.toml's `[lesson.<id>]` table names that lesson's
/// setting (`minutes` is the only one), or the lesson when the id is unknown.
fn lesson_setting(
    module: &crate::content::Module,
    base: &str,
    text: Option<&str>,
    line: u32,
) -> Option<String> {
    let header = text?
        .lines()
        .take(usize::try_from(line).ok()?)
        .filter_map(|l| l.trim().strip_prefix('[').filter(|h| !h.starts_with('[')))
        .last()?;
    let id = header
        .split(']')
        .next()?
        .trim()
        .strip_prefix("lesson.")?
        .trim()
        .trim_matches('"');
    Some(
        match module.lessons.iter().position(|lesson| lesson.id == id) {
            Some(l) => format!("{base}.lesson[{l}].minutes"),
            None => base.to_string(),
        },
    )
}

/// Walks the TOML text down to `line`, counting `[[table]]` headers, and
/// names the key written there under `base`.
fn in_toml(base: &str, text: Option<&str>, line: u32) -> String {
    let Some(text) = text else {
        return base.to_string();
    };
    if line == 0 {
        return base.to_string();
    }
    // Open tables from the outermost: (name, 0-based index).
    let mut path: Vec<(String, usize)> = Vec::new();
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    let mut key: Option<String> = None;
    for (n, raw) in text.lines().enumerate() {
        if n as u32 >= line {
            break;
        }
        let trimmed = raw.trim();
        if let Some(header) = trimmed
            .strip_prefix("[[")
            .and_then(|h| h.split_once("]]"))
            .map(|(h, _)| h.trim())
        {
            let parts: Vec<&str> = header.split('.').map(str::trim).collect();
            // A header opens a new last table: parents stay, deeper ones close.
            let depth = parts.len() - 1;
            path.truncate(depth);
            let full = parts.join(".");
            // Sub-table counts restart under each new parent.
            counts.retain(|name, _| !name.starts_with(&format!("{full}.")));
            let index = counts.entry(full).or_insert(0);
            path.push((parts[depth].to_string(), *index));
            *index += 1;
            key = None;
        } else if let Some((name, _)) = trimmed.split_once('=') {
            let name = name.trim();
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                key = Some(name.to_string());
            }
        }
    }
    let mut out = base.to_string();
    for (name, index) in &path {
        out.push_str(&format!(".{name}[{index}]"));
    }
    if let Some(key) = key {
        out.push('.');
        out.push_str(&key);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::in_toml;

    const QUIZ: &str = "[[question]]\nid = \"a\"\nprompt = { sv = \"x\" }\n\n[[question.option]]\nid = \"o1\"\n\n[[question.option]]\nid = \"o2\"\ntext = { sv = \"\" }\n\n[[question]]\nid = \"b\"\n\n[[question.option]]\nid = \"p1\"\n";

    #[test]
    fn keys_are_named_under_their_tables() {
        assert_eq!(
            in_toml("module[0]", Some(QUIZ), 3),
            "module[0].question[0].prompt",
            "line 3 is the first question's prompt"
        );
        assert_eq!(
            in_toml("module[0]", Some(QUIZ), 10),
            "module[0].question[0].option[1].text",
            "the second option's text"
        );
        assert_eq!(
            in_toml("module[0]", Some(QUIZ), 15),
            "module[0].question[1].option[0]",
            "a header line names its table; options count again under a new question"
        );
        assert_eq!(
            in_toml("module[0]", Some(QUIZ), 0),
            "module[0]",
            "line 0 is the whole file"
        );
    }

    #[test]
    fn top_level_keys_and_missing_text() {
        let course = "id = \"c\"\ntitle = { sv = \"T\" }\n\n[[competency]]\nid = \"x\"\n";
        assert_eq!(
            in_toml("course", Some(course), 2),
            "course.title",
            "a top-level key"
        );
        assert_eq!(
            in_toml("course", Some(course), 5),
            "course.competency[0].id",
            "a key of the first competency"
        );
        assert_eq!(
            in_toml("course", None, 5),
            "course",
            "without the text only the file is known"
        );
    }
}
