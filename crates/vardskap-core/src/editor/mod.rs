//! What the in-app course editor needs from the core: a course that is not
//! saved yet is checked by the loader's own rules (its files made in memory),
//! each problem names the field it is about, a new course starts valid, and
//! lessons, questions and role-plays can be previewed as a learner sees them.

mod fields;
mod preview;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

pub use fields::field_for;
pub use preview::{LessonPreview, ScenarioPreview, check_answer, import_gift, preview_lesson, preview_question, preview_scenario};

use crate::content::{
    self, Competency, Course, Diagnostic, FeedbackMode, Lang, Lesson, Module, SaveSummary, Text,
    is_slug,
};
use crate::{Error, Result};

/// A problem in the course, located in its file and in the editor's model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EditorDiagnostic {
    /// Relative to the course folder, `/`-separated.
    pub path: String,
    /// 1-based; 0 for the file as a whole.
    pub line: u32,
    pub column: u32,
    pub message: String,
    /// The field of the model the problem is about, e.g.
    /// `module[1].question[3].option[0].text` (see [`field_for`]); none
    /// when it cannot be told.
    pub field: Option<String>,
}

/// A course folder as the editor opens it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EditorCourse {
    pub folder: String,
    /// `None` when the files cannot be read into a model at all (e.g. a
    /// TOML syntax error); the diagnostics say what to fix first.
    pub course: Option<Course>,
    pub diagnostics: Vec<EditorDiagnostic>,
}

/// What saving did, and the problems of the saved files.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EditorSaved {
    pub summary: SaveSummary,
    pub diagnostics: Vec<EditorDiagnostic>,
}

/// Opens the course in `dir` for editing, with every problem it has.
pub fn open(dir: &Path) -> EditorCourse {
    let (course, diagnostics) = content::check_course(dir);
    let mut texts: HashMap<String, Option<String>> = HashMap::new();
    let diagnostics = diagnostics
        .into_iter()
        .map(|d| {
            let text = texts
                .entry(d.path.clone())
                .or_insert_with(|| std::fs::read_to_string(dir.join(&d.path)).ok());
            locate(d, course.as_ref(), text.as_deref())
        })
        .collect();
    EditorCourse {
        folder: dir.display().to_string(),
        course,
        diagnostics,
    }
}

/// Checks `course` as it would be saved into `dir` (media are looked up
/// there), without writing anything.
pub fn check(course: &Course, dir: &Path) -> Vec<EditorDiagnostic> {
    let naming = name_problems(course);
    if !naming.is_empty() {
        // Files cannot even be named; the rest is checked once they can.
        return naming;
    }
    let files = match content::course_files(course) {
        Ok(files) => files.into_iter().collect::<BTreeMap<_, _>>(),
        Err(err) => {
            return vec![EditorDiagnostic {
                path: "course.toml".into(),
                line: 0,
                column: 0,
                message: err.to_string(),
                field: Some("course".into()),
            }];
        }
    };
    let (_, diagnostics) = content::check_files(&files, dir);
    diagnostics
        .into_iter()
        .map(|d| {
            let text = files.get(&d.path).map(String::as_str);
            locate(d, Some(course), text)
        })
        .collect()
}

/// Writes `course` into `dir` in the canonical form, even with problems (an
/// author's work is never lost), and returns the saved files' problems.
pub fn save(course: &Course, dir: &Path) -> Result<EditorSaved> {
    let naming = name_problems(course);
    if let Some(first) = naming.first() {
        return Err(Error::Invalid(format!(
            "the course cannot be saved yet: {}",
            first.message
        )));
    }
    let summary = content::write_course(course, dir)?;
    Ok(EditorSaved {
        summary,
        diagnostics: open(dir).diagnostics,
    })
}

/// Creates the folder `parent/id` with a small valid course: one
/// competency, one module with one lesson per language.
pub fn create(parent: &Path, id: &str, languages: &[Lang], title: &Text) -> Result<EditorCourse> {
    if !is_slug(id) {
        return Err(Error::Invalid(format!(
            "the course id `{id}` cannot be used: use lower-case letters a-z, digits and `-`"
        )));
    }
    if languages.is_empty() {
        return Err(Error::Invalid("choose at least one language for the course".into()));
    }
    for lang in languages {
        if !is_slug(lang) {
            return Err(Error::Invalid(format!("`{lang}` is not a language code like sv or en")));
        }
        if title.0.get(lang).is_none_or(|t| t.trim().is_empty()) {
            return Err(Error::Invalid(format!("the course needs a title in `{lang}`")));
        }
    }
    let dir = parent.join(id);
    let occupied = std::fs::read_dir(&dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied {
        return Err(Error::Invalid(format!(
            "the folder {} already exists and is not empty: choose another id or folder",
            dir.display()
        )));
    }
    let words = |sv: &str, en: &str| {
        Text(
            languages
                .iter()
                .map(|l| (l.clone(), if l == "sv" { sv } else { en }.to_string()))
                .collect(),
        )
    };
    let lesson_title = words("Lektion 1", "Lesson 1");
    let lesson_body = words("Skriv lektionen här.", "Write the lesson here.");
    let markdown = Text(
        languages
            .iter()
            .map(|l| (l.clone(), format!("# {}\n\n{}\n", lesson_title.get(l), lesson_body.get(l))))
            .collect(),
    );
    let course = Course {
        id: id.to_string(),
        version: "0.1.0".into(),
        languages: languages.to_vec(),
        title: title.clone(),
        description: None,
        pass_mark: 0.8,
        competencies: vec![Competency {
            id: "general".into(),
            title: words("Allmänt", "General"),
            description: None,
        }],
        modules: vec![Module {
            id: "module-1".into(),
            dir: "01-module-1".into(),
            title: words("Modul 1", "Module 1"),
            summary: None,
            feedback: FeedbackMode::Immediate,
            pass_mark: None,
            lessons: vec![Lesson {
                id: "lesson-1".into(),
                title: lesson_title,
                html: Text::default(),
                markdown,
            }],
            questions: vec![],
            scenarios: vec![],
        }],
    };
    content::write_course(&course, &dir)?;
    Ok(open(&dir))
}

/// Names that become file names must be usable, and unique where two of
/// them would be the same file.
fn name_problems(course: &Course) -> Vec<EditorDiagnostic> {
    let mut out = Vec::new();
    let mut problem = |path: String, field: String, message: String| {
        out.push(EditorDiagnostic {
            path,
            line: 0,
            column: 0,
            message,
            field: Some(field),
        });
    };
    for lang in &course.languages {
        if !is_slug(lang) {
            problem(
                "course.toml".into(),
                "course.languages".into(),
                format!("`{lang}` is not a language code like sv or en"),
            );
        }
    }
    let mut dirs = HashSet::new();
    for (m, module) in course.modules.iter().enumerate() {
        let path = format!("modules/{}", module.dir);
        if content::save::check_name_part("module folder", &module.dir).is_err() {
            problem(path.clone(), format!("module[{m}]"), format!("the module folder name `{}` cannot be used", module.dir));
        } else if !dirs.insert(module.dir.as_str()) {
            problem(path.clone(), format!("module[{m}]"), format!("two modules use the folder {path}"));
        }
        for (l, lesson) in module.lessons.iter().enumerate() {
            if content::save::check_name_part("lesson id", &lesson.id).is_err() {
                problem(
                    format!("{path}/lessons"),
                    format!("module[{m}].lesson[{l}].id"),
                    format!("the lesson id `{}` cannot be part of a file name: use lower-case letters a-z, digits and `-`", lesson.id),
                );
            }
        }
        let mut scenarios = HashSet::new();
        for (s, scenario) in module.scenarios.iter().enumerate() {
            let field = format!("module[{m}].scenario[{s}].id");
            let file = format!("{path}/scenarios/{}.toml", scenario.id);
            if content::save::check_name_part("scenario id", &scenario.id).is_err() {
                problem(file, field, format!("the role-play id `{}` cannot be a file name: use lower-case letters a-z, digits and `-`", scenario.id));
            } else if !scenarios.insert(scenario.id.as_str()) {
                problem(file, field, format!("duplicate role-play id `{}` in this module", scenario.id));
            }
        }
    }
    out
}

fn locate(d: Diagnostic, course: Option<&Course>, text: Option<&str>) -> EditorDiagnostic {
    let field = field_for(course, &d.path, d.line, text);
    EditorDiagnostic {
        path: d.path,
        line: d.line,
        column: d.column,
        message: d.message,
        field,
    }
}

