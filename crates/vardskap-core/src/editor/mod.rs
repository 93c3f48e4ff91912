//! What the in-app course editor needs from the core: a course that is not
//! saved yet is checked by the loader's own rules (its files made in memory),
//! each problem names the field it is about, a new course starts valid, and
//! lessons, questions and role-plays can be previewed as a learner sees them.

mod field_address;
mod preview;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

pub use field_address::field_for;
pub use preview::{
    LessonPreview, ScenarioPreview, check_answer, import_gift, preview_lesson, preview_question,
    preview_scenario,
};

use crate::content::layout::{self, COURSE_FILE, MODULES_DIR, is_module_folder_name, is_slug};
use crate::content::messages::{
    DUPLICATE_SCENARIO, LANGUAGE_CODE, LESSON_ID_FILE_NAME, MODULE_FOLDER_NAME,
    MODULE_FOLDER_TWICE, SCENARIO_ID_FILE_NAME,
};
use crate::content::{
    self, Competency, Course, Diagnostic, FeedbackMode, Lang, Lesson, Module, SaveSummary,
    Severity, Text,
};
use crate::i18n::{Message, Params, message};
use crate::{Error, Result, i18n};

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
    /// The problem in English ([`Diagnostic::message`]).
    pub message: String,
    /// The catalogue message that says it in the instructor's language
    /// (`check-…`), filled from `params`.
    pub id: String,
    pub params: Params,
    /// Errors break the course's rules; warnings are the item lint's advice
    /// and do not stop saving or packing.
    pub severity: Severity,
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
    /// The folder of each module, in the course's order, as this save named
    /// them (the editor shows these and sends them back as the origins).
    pub module_dirs: Vec<String>,
}

/// Opens the course in `dir` for editing, with every problem it has.
pub fn open(dir: &Path) -> EditorCourse {
    let (course, diagnostics) = checked_on_disk(dir);
    let diagnostics = locate_on_disk(diagnostics, course.as_ref(), dir);
    EditorCourse {
        folder: dir.display().to_string(),
        course,
        diagnostics,
    }
}

/// The course in `dir` with its errors and, when it could be read, the
/// item lint's warnings.
fn checked_on_disk(dir: &Path) -> (Option<Course>, Vec<Diagnostic>) {
    let (course, mut diagnostics) = content::check_course(dir);
    if let Some(course) = &course {
        diagnostics.extend(content::lint_course_dir(course, dir));
    }
    (course, diagnostics)
}

/// Places the diagnostics of the files in `dir` in `course`.
fn locate_on_disk(
    diagnostics: Vec<Diagnostic>,
    course: Option<&Course>,
    dir: &Path,
) -> Vec<EditorDiagnostic> {
    let mut texts: HashMap<String, Option<String>> = HashMap::new();
    diagnostics
        .into_iter()
        .map(|d| {
            let text = texts
                .entry(d.path.clone())
                .or_insert_with(|| std::fs::read_to_string(dir.join(&d.path)).ok());
            locate(d, course, text.as_deref())
        })
        .collect()
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
            let problem = Diagnostic::file_error(COURSE_FILE, &err);
            return vec![EditorDiagnostic::of(problem, Some("course".into()))];
        }
    };
    let (loaded, mut diagnostics) = content::check_files(&files, dir);
    if let Some(loaded) = &loaded {
        diagnostics.extend(content::lint_course(loaded, &files));
    }
    diagnostics
        .into_iter()
        .map(|d| {
            let text = files.get(&d.path).map(String::as_str);
            locate(d, Some(course), text)
        })
        .collect()
}

/// Writes `course` into `dir` in the canonical form, even with problems (an
/// author's work is never lost), and returns the saved files' problems and
/// the module folders it used.
///
/// The core names the module folders ([`layout::module_dirs`]); the `dir`
/// the editor gives each module is not used. `origins[i]` is the folder
/// module `i` had on disk when the editor loaded or last saved it (`None`
/// for a new module); a module whose folder gets another name (after a
/// move) has its folder, media and all, renamed. `removed` names the folders
/// of saved modules the author removed, which are deleted. Nothing is moved,
/// deleted or written when a name is unusable, a folder to rename onto is
/// taken or a file would be too large to load.
pub fn save(
    course: &Course,
    dir: &Path,
    origins: &[Option<String>],
    removed: &[String],
) -> Result<EditorSaved> {
    if origins.len() != course.modules.len() {
        return Err(Error::Invalid(format!(
            "the editor sent {} module folders for {} modules",
            origins.len(),
            course.modules.len()
        )));
    }
    let modules = dir.join(MODULES_DIR);
    let folder = |name: &str| -> Result<std::path::PathBuf> {
        if !is_module_folder_name(name) {
            return Err(Error::Invalid(format!(
                "`{name}` is not a module folder of this course"
            )));
        }
        Ok(modules.join(name))
    };
    for name in origins.iter().flatten().chain(removed) {
        folder(name)?;
    }
    let places: Vec<(&str, Option<&str>)> = course
        .modules
        .iter()
        .zip(origins)
        .map(|(m, origin)| (m.id.as_str(), origin.as_deref()))
        .collect();
    let module_dirs = layout::module_dirs(&places);
    let mut course = course.clone();
    for (module, name) in course.modules.iter_mut().zip(&module_dirs) {
        module.dir.clone_from(name);
    }
    let course = &course;
    let naming = name_problems(course);
    if let Some(first) = naming.first() {
        return Err(Error::NotSavedYet {
            problem: first.message.clone(),
        });
    }
    content::check_file_sizes(course)?;

    // A removed module's folder goes first, unless a module still lives in it.
    let mut deleting = Vec::new();
    for name in removed {
        let path = folder(name)?;
        if !origins.iter().flatten().any(|o| o == name) && path.join(layout::MODULE_FILE).is_file()
        {
            deleting.push(path);
        }
    }
    // Renames whose target is free go at once; the others go through a
    // hidden temporary name (the loader skips hidden folders) so that two
    // modules can swap places.
    let mut renames = Vec::new();
    for (module, origin) in course.modules.iter().zip(origins) {
        if let Some(origin) = origin.as_deref().filter(|o| *o != module.dir) {
            let from = folder(origin)?;
            if from.is_dir() {
                renames.push((from, folder(&module.dir)?));
            }
        }
    }
    let leaving: HashSet<&Path> = renames
        .iter()
        .map(|(from, _)| from.as_path())
        .chain(deleting.iter().map(std::path::PathBuf::as_path))
        .collect();
    for (_, to) in &renames {
        if to.exists() && !leaving.contains(to.as_path()) {
            return Err(Error::FolderTaken {
                path: to.display().to_string(),
                purpose: "rename",
            });
        }
    }
    for path in &deleting {
        std::fs::remove_dir_all(path).map_err(|e| Error::io(path, e))?;
    }
    let mut parked = Vec::new();
    for (i, (from, to)) in renames.iter().enumerate() {
        if to.exists() {
            let temp = modules.join(format!(".moving-{i}"));
            std::fs::rename(from, &temp).map_err(|e| Error::io(from, e))?;
            parked.push((temp, to));
        } else {
            std::fs::rename(from, to).map_err(|e| Error::io(from, e))?;
        }
    }
    for (temp, to) in parked {
        std::fs::rename(&temp, to).map_err(|e| Error::io(&temp, e))?;
    }
    let summary = content::write_course(course, dir)?;
    // Problems are placed in the model the author has, which is the one saved.
    let (_, diagnostics) = checked_on_disk(dir);
    let diagnostics = locate_on_disk(diagnostics, Some(course), dir);
    Ok(EditorSaved {
        summary,
        diagnostics,
        module_dirs,
    })
}

/// Creates the folder `parent/id` with a small valid course: one
/// competency, one module with one lesson per language.
pub fn create(parent: &Path, id: &str, languages: &[Lang], title: &Text) -> Result<EditorCourse> {
    if !is_slug(id) {
        return Err(Error::CourseIdInvalid { id: id.to_string() });
    }
    if languages.is_empty() {
        return Err(Error::NoCourseLanguage);
    }
    for lang in languages {
        if !is_slug(lang) {
            return Err(Error::LanguageCodeInvalid { lang: lang.clone() });
        }
        if title.0.get(lang).is_none_or(|t| t.trim().is_empty()) {
            return Err(Error::TitleMissing { lang: lang.clone() });
        }
    }
    let dir = parent.join(id);
    let occupied = std::fs::read_dir(&dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied {
        return Err(Error::FolderTaken {
            path: dir.display().to_string(),
            purpose: "newCourse",
        });
    }
    // The first words in each language of the course, from the catalogue
    // (English for a language it does not have).
    let words = |id: &str| {
        Text(
            languages
                .iter()
                .map(|l| (l.clone(), i18n::tr(l, id, &[])))
                .collect(),
        )
    };
    let lesson_title = words("newCourse-lessonTitle");
    let lesson_body = words("newCourse-lessonBody");
    let markdown = Text(
        languages
            .iter()
            .map(|l| {
                (
                    l.clone(),
                    format!("# {}\n\n{}\n", lesson_title.get(l), lesson_body.get(l)),
                )
            })
            .collect(),
    );
    let course = Course {
        final_test: None,
        id: id.to_string(),
        version: "0.1.0".into(),
        languages: languages.to_vec(),
        title: title.clone(),
        description: None,
        pass_mark: 0.8,
        competencies: vec![Competency {
            id: "general".into(),
            title: words("newCourse-competency"),
            description: None,
        }],
        modules: vec![Module {
            outcomes: Vec::new(),
            id: "module-1".into(),
            dir: layout::module_dir_name(0, 1, "module-1"),
            title: words("newCourse-moduleTitle"),
            summary: None,
            feedback: FeedbackMode::Immediate,
            pass_mark: None,
            lessons: vec![Lesson {
                minutes: None,
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
    let mut problem = |path: String, field: String, message: Message| {
        out.push(EditorDiagnostic::of(
            Diagnostic::file(path, message),
            Some(field),
        ));
    };
    for lang in &course.languages {
        if !is_slug(lang) {
            problem(
                COURSE_FILE.into(),
                "course.languages".into(),
                message!(LANGUAGE_CODE, lang = lang),
            );
        }
    }
    // Case-insensitive: on Windows and macOS `Intro` and `intro` are one file.
    let mut dirs = HashSet::new();
    for (m, module) in course.modules.iter().enumerate() {
        let path = layout::module_path(&module.dir);
        if !is_module_folder_name(&module.dir) {
            problem(
                path.clone(),
                format!("module[{m}]"),
                message!(MODULE_FOLDER_NAME, folder = &module.dir),
            );
        } else if !dirs.insert(module.dir.to_lowercase()) {
            problem(
                path.clone(),
                format!("module[{m}]"),
                message!(MODULE_FOLDER_TWICE, path = &path),
            );
        }
        for (l, lesson) in module.lessons.iter().enumerate() {
            if !is_slug(&lesson.id) {
                problem(
                    layout::lessons_path(&module.dir),
                    format!("module[{m}].lesson[{l}].id"),
                    message!(LESSON_ID_FILE_NAME, id = &lesson.id),
                );
            }
        }
        let mut scenarios = HashSet::new();
        for (s, scenario) in module.scenarios.iter().enumerate() {
            let field = format!("module[{m}].scenario[{s}].id");
            let file = layout::scenario_path(&module.dir, &scenario.id);
            if !is_slug(&scenario.id) {
                problem(
                    file,
                    field,
                    message!(SCENARIO_ID_FILE_NAME, id = &scenario.id),
                );
            } else if !scenarios.insert(scenario.id.to_lowercase()) {
                problem(file, field, message!(DUPLICATE_SCENARIO, id = &scenario.id));
            }
        }
    }
    out
}

fn locate(d: Diagnostic, course: Option<&Course>, text: Option<&str>) -> EditorDiagnostic {
    let field = field_for(course, &d.path, d.line, text);
    EditorDiagnostic::of(d, field)
}

impl EditorDiagnostic {
    /// The problem `d`, about `field` when it is known.
    fn of(d: Diagnostic, field: Option<String>) -> Self {
        EditorDiagnostic {
            path: d.path,
            line: d.line,
            column: d.column,
            message: d.message,
            id: d.id,
            params: d.params,
            severity: d.severity,
            field,
        }
    }
}
