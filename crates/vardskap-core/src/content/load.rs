//! Loading a course folder: walks the layout of `docs/course-format.md`,
//! reads every file, renders the lessons and returns the typed course, or
//! every problem found, each as `path:line:col: message`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use super::layout::{self, COURSE_FILE, FINAL_FILE, MAX_FILE_BYTES, MODULES_DIR};
use super::markdown::{LessonPage, MediaRoot, Sanitiser, render_lesson};
use super::messages::{
    CANNOT_READ_FILE, CANNOT_READ_FOLDER, DRAW_TOO_MANY, DUPLICATE_LESSON, DUPLICATE_MODULE,
    EMPTY_MODULE, FILE_IS_LINK, FILE_MISSING, FILE_TOO_LARGE, FINAL_FILE_MISSING,
    FINAL_HEAD_MISSING, FINAL_ID_TAKEN, LESSON_FILE_NAME, LESSON_MISSING_LANGUAGE,
    LESSON_SETTING_UNKNOWN, LINK_SKIPPED, NAME_NOT_UTF8, NO_MODULES, NOT_UTF8, UNKNOWN_MODULE,
    UNREADABLE,
};
use super::source::{Report, SourceFile};
use super::toml_table::{Ctx, undeclared_language};
use super::{Course, Diagnostic, FinalTest, Lesson, Module, Text, read, validate};
use crate::i18n::message;
use crate::{Error, Result};

/// Loads, validates and renders the course in `dir`. Any problem at all is
/// an error listing every problem.
pub fn load_course(dir: &Path) -> Result<Course> {
    match check_course(dir) {
        (Some(course), diagnostics) if diagnostics.is_empty() => Ok(course),
        (_, diagnostics) if diagnostics.is_empty() => {
            Err(Error::InvalidContent(vec![Diagnostic::file(
                COURSE_FILE,
                message!(UNREADABLE),
            )]))
        }
        (_, diagnostics) => Err(Error::InvalidContent(diagnostics)),
    }
}

/// Checks the course in `dir` and reports every problem at once, sorted by
/// file and position. The course is returned whenever every file could be
/// read into the model, even if rules are broken (an editor shows it with
/// its problems); [`load_course`] is the strict form.
pub fn check_course(dir: &Path) -> (Option<Course>, Vec<Diagnostic>) {
    check_tree(Tree::Disk(dir), dir)
}

/// Checks a course given as its files' text in memory (course-relative,
/// `/`-separated paths), with images looked up in `media_dir`: how the
/// editor validates a course it has not saved yet, by the very same rules.
pub(crate) fn check_files(
    files: &BTreeMap<String, String>,
    media_dir: &Path,
) -> (Option<Course>, Vec<Diagnostic>) {
    check_tree(Tree::Memory(files), media_dir)
}

fn check_tree(tree: Tree<'_>, media_dir: &Path) -> (Option<Course>, Vec<Diagnostic>) {
    let mut report = Report::default();
    let loader = Loader {
        tree,
        media: MediaRoot::new(media_dir),
        sanitiser: Sanitiser::new(),
    };
    let course = loader.course(&mut report);
    let (diagnostics, broken) = report.into_sorted();
    (course.filter(|_| !broken), diagnostics)
}

/// Where the loader reads a course's files from.
#[derive(Clone, Copy)]
enum Tree<'a> {
    Disk(&'a Path),
    Memory(&'a BTreeMap<String, String>),
}

/// One lesson's files: the number as written, and per language the rendered
/// page and its Markdown source.
type LessonFiles = (String, BTreeMap<String, (LessonPage, String)>);

struct Loader<'a> {
    tree: Tree<'a>,
    media: MediaRoot,
    sanitiser: Sanitiser,
}

impl Loader<'_> {
    fn course(&self, report: &mut Report) -> Option<Course> {
        let course_file = self.file(COURSE_FILE, report);
        let head = course_file
            .as_ref()
            .and_then(|file| read::course(file, report));
        let (mut course, competencies, final_head) = match head {
            Some(head) => (Some(head.course), head.competencies, head.final_test),
            None => (None, None, None),
        };
        let langs = course
            .as_ref()
            .map(|c| c.languages.clone())
            .unwrap_or_default();

        let dirs = self.subdirs(MODULES_DIR, report);
        if dirs.is_empty() {
            report.error_file(MODULES_DIR, message!(NO_MODULES));
        }
        let mut modules = Vec::new();
        let mut module_ids: HashMap<String, String> = HashMap::new();
        for dir in dirs {
            let problems_before = report.diagnostics.len();
            let Some(file) = self.file(&layout::module_file(&dir), report) else {
                continue;
            };
            let Some((mut module, id, settings)) = read::module(&file, report, &langs, &dir) else {
                continue;
            };
            validate::module_id_not_reserved(
                &mut Ctx {
                    file: &file,
                    report,
                    langs: &langs,
                },
                &id,
            );
            if let Some(first) = module_ids.get(&id.value) {
                report.error(
                    &file,
                    id.span.start,
                    message!(DUPLICATE_MODULE, id = &id.value, file = first),
                );
            } else {
                module_ids.insert(id.value.clone(), file.path.clone());
            }
            module.lessons = self.lessons(&dir, &langs, report);
            apply_lesson_settings(&file, report, &mut module.lessons, settings);
            if let Some(quiz) = self.optional_file(&layout::quiz_path(&dir), report) {
                module.questions = read::quiz(&quiz, report, &langs, competencies.as_ref());
            }
            for name in self.files(&layout::scenarios_path(&dir), ".toml", report) {
                let id = name.trim_end_matches(".toml");
                let scenario_path = layout::scenario_path(&dir, id);
                if !layout::is_slug(id) {
                    report.error_file(&scenario_path, validate::not_a_slug("scenarioFile", id));
                }
                let Some(file) = self.file(&scenario_path, report) else {
                    continue;
                };
                if let Some(s) = read::scenario(&file, report, &langs, competencies.as_ref(), id) {
                    module.scenarios.push(s);
                }
            }
            let empty = module.lessons.is_empty()
                && module.questions.is_empty()
                && module.scenarios.is_empty();
            // A quiz that failed to parse is not an empty module.
            if empty && report.diagnostics.len() == problems_before {
                report.error_file(file.path, message!(EMPTY_MODULE));
            }
            modules.push(module);
        }
        let final_test = self.final_test(
            course_file.as_ref(),
            final_head,
            &modules,
            &langs,
            competencies.as_ref(),
            report,
        );
        if let Some(course) = course.as_mut() {
            course.modules = modules;
            course.final_test = final_test;
        }
        course
    }

    /// final.toml, read after the modules and checked against `[final]` and
    /// them: each question names a module of the course, no bank id is also a
    /// module question's id (answers are stored by question id) and the bank
    /// holds at least `draw` questions. `[final]` and final.toml come together.
    fn final_test(
        &self,
        course_file: Option<&SourceFile>,
        head: Option<read::FinalHead>,
        modules: &[Module],
        langs: &[String],
        competencies: Option<&BTreeSet<String>>,
        report: &mut Report,
    ) -> Option<FinalTest> {
        let bank_file = self.optional_file(FINAL_FILE, report);
        let (head, bank_file) = match (head, bank_file) {
            (None, None) => return None,
            (Some(head), None) => {
                if let Some(file) = course_file {
                    report.error(file, head.at, message!(FINAL_FILE_MISSING));
                }
                return None;
            }
            (None, Some(file)) => {
                report.error(&file, 0, message!(FINAL_HEAD_MISSING));
                // Its questions are still checked, so the author sees every problem at once.
                read::final_bank(&file, report, langs, competencies);
                return None;
            }
            (Some(head), Some(file)) => (head, file),
        };
        let problems_before = report.diagnostics.len();
        let bank = read::final_bank(&bank_file, report, langs, competencies);
        let bank_read_cleanly = report.diagnostics.len() == problems_before;
        let in_modules: HashMap<&str, &str> = modules
            .iter()
            .flat_map(|m| m.questions.iter().map(|q| (q.id.as_str(), m.id.as_str())))
            .collect();
        let module_list = modules
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        for (_, module, id) in &bank {
            if !modules.iter().any(|m| m.id == module.value) {
                report.error(
                    &bank_file,
                    module.span.start,
                    message!(UNKNOWN_MODULE, module = &module.value, known = &module_list),
                );
            }
            if let Some(owner) = in_modules.get(id.value.as_str()) {
                report.error(
                    &bank_file,
                    id.span.start,
                    message!(FINAL_ID_TAKEN, id = &id.value, module = *owner),
                );
            }
        }
        if let (Some(draw), Some(file)) = (&head.draw, course_file)
            && bank_read_cleanly
            && usize::try_from(draw.value).unwrap_or(usize::MAX) > bank.len()
        {
            report.error(
                file,
                draw.span.start,
                message!(DRAW_TOO_MANY, draw = draw.value, count = bank.len()),
            );
        }
        Some(FinalTest {
            draw: head.draw?.value,
            pass_mark: head.pass_mark?,
            distinction: head.distinction?,
            questions: bank.into_iter().map(|(q, _, _)| q).collect(),
        })
    }

    /// `lessons/NN-id.lang.md` of the module folder `module_dir`: one file
    /// per declared language, grouped by id.
    fn lessons(&self, module_dir: &str, langs: &[String], report: &mut Report) -> Vec<Lesson> {
        let dir = layout::lessons_path(module_dir);
        let mut found: BTreeMap<(u64, String), LessonFiles> = BTreeMap::new();
        let mut seen_ids: HashMap<String, u64> = HashMap::new();
        // Lesson files that are there but could not be read (too large, not
        // UTF-8, a link): already reported, so not also reported missing.
        let mut unreadable: BTreeSet<(String, String)> = BTreeSet::new();
        for name in self.files(&dir, ".md", report) {
            let path = format!("{dir}/{name}");
            let Some(layout::LessonName {
                prefix,
                number,
                id,
                lang,
            }) = layout::lesson_name(&name)
            else {
                report.error_file(&path, message!(LESSON_FILE_NAME));
                continue;
            };
            if !layout::is_slug(&id) {
                report.error_file(&path, validate::not_a_slug("lessonFile", &id));
            }
            if let Some(message) = undeclared_language(&lang, langs) {
                report.error_file(&path, message);
                continue;
            }
            match seen_ids.get(&id) {
                Some(&other) if other != number => {
                    report.error_file(
                        &path,
                        message!(DUPLICATE_LESSON, id = &id, number = format!("{other:02}")),
                    );
                    continue;
                }
                _ => {
                    seen_ids.insert(id.clone(), number);
                }
            }
            let Some(file) = self.file(&path, report) else {
                unreadable.insert((id, lang));
                continue;
            };
            let page = render_lesson(&file, &self.media, &self.sanitiser, report);
            found
                .entry((number, id))
                .or_insert_with(|| (prefix, BTreeMap::new()))
                .1
                .insert(lang, (page, file.text));
        }
        let mut lessons = Vec::new();
        for ((_, id), (prefix, pages)) in found {
            for lang in langs {
                if !pages.contains_key(lang) && !unreadable.contains(&(id.clone(), lang.clone())) {
                    report.error_file(
                        format!("{dir}/{prefix}-{id}.{lang}.md"),
                        message!(LESSON_MISSING_LANGUAGE, lesson = &id, lang = lang),
                    );
                }
            }
            let mut lesson = Lesson {
                minutes: None,
                id,
                title: Text::default(),
                html: Text::default(),
                markdown: Text::default(),
            };
            for (lang, (page, markdown)) in pages {
                if let Some(title) = page.title {
                    lesson.title.0.insert(lang.clone(), title);
                }
                lesson.html.0.insert(lang.clone(), page.html);
                lesson.markdown.0.insert(lang, markdown);
            }
            lessons.push(lesson);
        }
        lessons
    }

    /// Reads a required file; a missing or unreadable one is reported.
    fn file(&self, path: &str, report: &mut Report) -> Option<SourceFile> {
        match self.tree {
            Tree::Disk(dir) => read_file(dir, path, report),
            Tree::Memory(files) => {
                let read = files
                    .get(path)
                    .map(|text| text.as_bytes().to_vec())
                    .ok_or_else(|| std::io::ErrorKind::NotFound.into());
                source_file(path, read, report)
            }
        }
    }

    fn optional_file(&self, path: &str, report: &mut Report) -> Option<SourceFile> {
        let exists = match self.tree {
            Tree::Disk(dir) => dir.join(path).exists(),
            Tree::Memory(files) => files.contains_key(path),
        };
        if exists {
            self.file(path, report)
        } else {
            None
        }
    }

    /// Sub-folders of `path`, in name order, hidden ones skipped.
    fn subdirs(&self, path: &str, report: &mut Report) -> Vec<String> {
        self.entries(path, report, true)
    }

    /// Files of `path` ending in `ext`, in name order.
    fn files(&self, path: &str, ext: &str, report: &mut Report) -> Vec<String> {
        let mut names = self.entries(path, report, false);
        names.retain(|n| n.ends_with(ext));
        names
    }

    fn entries(&self, path: &str, report: &mut Report, dirs: bool) -> Vec<String> {
        match self.tree {
            Tree::Disk(dir) => disk_entries(dir, path, report, dirs),
            Tree::Memory(files) => memory_entries(files, path, dirs),
        }
    }
}

/// Reads the course file `path` (course-relative) of the folder `dir`; a
/// missing, oversized or unreadable one is reported.
pub(crate) fn read_file(dir: &Path, path: &str, report: &mut Report) -> Option<SourceFile> {
    source_file(path, read_bounded(&dir.join(path)), report)
}

/// The text of the file `path` as read, or its problem reported.
fn source_file(
    path: &str,
    read: std::io::Result<Vec<u8>>,
    report: &mut Report,
) -> Option<SourceFile> {
    match read {
        Ok(bytes) if bytes.len() as u64 > MAX_FILE_BYTES => {
            report.fatal_file(path, message!(FILE_TOO_LARGE, max = MAX_FILE_BYTES >> 20));
            None
        }
        Ok(bytes) => decode(path, bytes, report),
        Err(e) if e.get_ref().is_some_and(|inner| inner.is::<LinkRefused>()) => {
            report.fatal_file(path, message!(FILE_IS_LINK));
            None
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            report.fatal_file(path, message!(FILE_MISSING));
            None
        }
        Err(e) => {
            report.fatal_file(path, message!(CANNOT_READ_FILE, detail = e.to_string()));
            None
        }
    }
}

/// Why [`read_bounded`] refused a file: it is a symbolic link.
#[derive(Debug)]
struct LinkRefused;

impl std::fmt::Display for LinkRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a symbolic link, not read")
    }
}

impl std::error::Error for LinkRefused {}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes, so an oversized file is known
/// to be too large without being read whole. A symbolic link is refused
/// ([`LinkRefused`]): a course is read from inside its folder only.
fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            LinkRefused,
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Names in the folder `path` of an in-memory tree: files directly in it, or
/// the sub-folders that hold files.
fn memory_entries(files: &BTreeMap<String, String>, path: &str, dirs: bool) -> Vec<String> {
    let prefix = format!("{path}/");
    let mut names: Vec<String> = files
        .keys()
        .filter_map(|key| key.strip_prefix(&prefix))
        .filter_map(|rest| match rest.split_once('/') {
            Some((folder, _)) if dirs => Some(folder.to_string()),
            None if !dirs => Some(rest.to_string()),
            _ => None,
        })
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.dedup();
    names
}

fn disk_entries(dir: &Path, path: &str, report: &mut Report, dirs: bool) -> Vec<String> {
    let keep = |kind: &std::fs::FileType| kind.is_dir() == dirs;
    let full = dir.join(path);
    if !full.is_dir() {
        return Vec::new();
    }
    let entries = match std::fs::read_dir(&full) {
        Ok(entries) => entries,
        Err(e) => {
            report.fatal_file(path, message!(CANNOT_READ_FOLDER, detail = e.to_string()));
            return Vec::new();
        }
    };
    let mut names = Vec::new();
    for entry in entries.flatten() {
        // Not followed: a link could lead out of the course folder.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        if kind.is_symlink() {
            report.error_file(
                format!("{path}/{}", name.to_string_lossy()),
                message!(LINK_SKIPPED),
            );
            continue;
        }
        let Some(name) = name.to_str() else {
            report.error_file(
                path,
                message!(NAME_NOT_UTF8, name = name.to_string_lossy().into_owned()),
            );
            continue;
        };
        if !name.starts_with('.') && keep(&kind) {
            names.push(name.to_string());
        }
    }
    names.sort();
    names
}

/// Applies module.toml's `[lesson.<id>]` settings to the lessons read from
/// the files; a setting for a lesson the module does not have is reported
/// where its id is written.
fn apply_lesson_settings(
    file: &SourceFile,
    report: &mut Report,
    lessons: &mut [Lesson],
    settings: Vec<read::LessonSettings>,
) {
    for setting in settings {
        match lessons.iter_mut().find(|l| l.id == setting.id.value) {
            Some(lesson) => lesson.minutes = setting.minutes,
            None => {
                let known = lessons.iter().map(|l| l.id.as_str()).collect::<Vec<_>>();
                report.error(
                    file,
                    setting.id.span.start,
                    message!(
                        LESSON_SETTING_UNKNOWN,
                        lesson = &setting.id.value,
                        count = known.len(),
                        known = known.join(", ")
                    ),
                );
            }
        }
    }
}

/// UTF-8 text without a byte-order mark; invalid bytes are located.
fn decode(path: &str, bytes: Vec<u8>, report: &mut Report) -> Option<SourceFile> {
    match String::from_utf8(bytes) {
        Ok(text) => {
            let text = text
                .strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text);
            Some(SourceFile::new(path, text))
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let file = SourceFile::new(path, String::from_utf8_lossy(e.as_bytes()).into_owned());
            report.fatal(&file, at, message!(NOT_UTF8));
            None
        }
    }
}
