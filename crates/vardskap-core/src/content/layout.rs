//! The layout of a course folder in one place (`docs/course-format.md`,
//! "Layout"): the names of its files and folders, how ids, lesson files and
//! module folders are named, new ids that are free, and reading the head of
//! course.toml for those who need only that. The loader, the writer, the
//! editor, GIFT import and the CLI all take their names from here.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use super::source::Report;
use super::{Competency, Lang, Text, load, read};
use crate::{Error, Result};

/// The course's head, at the course folder's root.
pub const COURSE_FILE: &str = "course.toml";
/// The final test's bank, at the course folder's root (optional).
pub const FINAL_FILE: &str = "final.toml";
/// The folder of the module folders, taken in name order.
pub const MODULES_DIR: &str = "modules";
/// In each module folder.
pub const MODULE_FILE: &str = "module.toml";
/// A module's questions (optional).
pub const QUIZ_FILE: &str = "quiz.toml";
/// A module's lessons, `NN-<id>.<lang>.md`.
pub const LESSONS_DIR: &str = "lessons";
/// A module's role-plays, `<id>.toml`.
pub const SCENARIOS_DIR: &str = "scenarios";
/// A module's images.
pub const MEDIA_DIR: &str = "media";

/// The largest course text file (TOML or Markdown) the loader reads. The
/// built-in course's largest is about 30 KiB; 4 MiB keeps a hostile file
/// from taking the loader's time and memory while leaving room for a bank
/// of thousands of questions. Nothing writes a larger one.
pub const MAX_FILE_BYTES: u64 = 4 << 20;

/// Refuses to write the course file `path` with `len` bytes when the loader
/// would refuse to read it back (over [`MAX_FILE_BYTES`]); `remedy` names
/// what to do instead (see [`Error::FileTooLarge`]).
pub fn check_file_size(path: &str, len: usize, remedy: &'static str) -> Result<()> {
    let bytes = u64::try_from(len).unwrap_or(u64::MAX);
    if bytes <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(Error::FileTooLarge {
        path: path.to_string(),
        bytes,
        remedy,
    })
}

/// `modules/<dir>`. Paths here are course-relative with `/` separators.
pub fn module_path(dir: &str) -> String {
    format!("{MODULES_DIR}/{dir}")
}

/// `modules/<dir>/module.toml`.
pub fn module_file(dir: &str) -> String {
    format!("{MODULES_DIR}/{dir}/{MODULE_FILE}")
}

/// `modules/<dir>/quiz.toml`.
pub fn quiz_path(dir: &str) -> String {
    format!("{MODULES_DIR}/{dir}/{QUIZ_FILE}")
}

/// `modules/<dir>/lessons`.
pub fn lessons_path(dir: &str) -> String {
    format!("{MODULES_DIR}/{dir}/{LESSONS_DIR}")
}

/// `modules/<dir>/scenarios`.
pub fn scenarios_path(dir: &str) -> String {
    format!("{MODULES_DIR}/{dir}/{SCENARIOS_DIR}")
}

/// `modules/<dir>/scenarios/<id>.toml`.
pub fn scenario_path(dir: &str, id: &str) -> String {
    format!("{MODULES_DIR}/{dir}/{SCENARIOS_DIR}/{id}.toml")
}

/// `modules/<dir>/media`.
pub fn media_path(dir: &str) -> String {
    format!("{MODULES_DIR}/{dir}/{MEDIA_DIR}")
}

/// The course folder a module folder is in (`<course>/modules/<dir>`).
pub fn course_of_module(module_dir: &Path) -> PathBuf {
    module_dir.join("..").join("..")
}

/// Lower-case ASCII letters, digits and `-`, starting with a letter or digit:
/// what every id is, so that it can be part of a file name.
pub fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A slug made from a title: "Välkommen, gäst!" → "valkommen-gast". Empty
/// when the title has no letter or digit that has an ASCII form.
pub fn slugify(title: &str) -> String {
    slug::slugify(title)
}

/// Ids and folder names become file names: one plain path component only.
/// `what` names the kind of name (see [`Error::NotAFileName`]).
pub fn check_name_part(what: &'static str, name: &str) -> Result<()> {
    let mut components = Path::new(name).components();
    let single =
        matches!(components.next(), Some(Component::Normal(_))) && components.next().is_none();
    if name.is_empty() || !single || name.contains(['/', '\\']) {
        return Err(Error::NotAFileName {
            what,
            name: name.to_string(),
        });
    }
    Ok(())
}

/// A module folder name of its own: one path component, not hidden (the
/// loader skips hidden folders).
pub fn is_module_folder_name(name: &str) -> bool {
    !name.starts_with('.') && check_name_part("moduleFolder", name).is_ok()
}

/// The position prefix of the `position`-th (0-based) of `count` lessons or
/// modules: as wide as the largest number needs, at least two digits, so
/// name order is the order.
fn numbered(position: usize, count: usize) -> String {
    let width = count.to_string().len().max(2);
    format!("{:0width$}", position + 1)
}

/// `NN-<id>.<lang>.md` for the lesson at 0-based `position` of `count` lessons.
pub fn lesson_file_name(position: usize, count: usize, id: &str, lang: &str) -> String {
    format!("{}-{id}.{lang}.md", numbered(position, count))
}

/// A lesson file's name taken apart: `01-vad-ar-vardskap.sv.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonName {
    /// The number as written, `01`.
    pub prefix: String,
    pub number: u64,
    pub id: String,
    pub lang: String,
}

/// `01-vad-ar-vardskap.sv.md` → 01, 1, vad-ar-vardskap, sv; `None` for a
/// name not of the form `NN-id.lang.md`.
pub fn lesson_name(name: &str) -> Option<LessonName> {
    let stem = name.strip_suffix(".md")?;
    let (stem, lang) = stem.rsplit_once('.')?;
    let (number, id) = stem.split_once('-')?;
    if number.is_empty()
        || !number.chars().all(|c| c.is_ascii_digit())
        || id.is_empty()
        || lang.is_empty()
    {
        return None;
    }
    Some(LessonName {
        prefix: number.to_string(),
        number: number.parse().ok()?,
        id: id.to_string(),
        lang: lang.to_string(),
    })
}

/// `NN-<name>` for the module at 0-based `position` of `count` modules.
pub fn module_dir_name(position: usize, count: usize, name: &str) -> String {
    format!("{}-{name}", numbered(position, count))
}

/// A module folder's name without its position: `02-bemotande` → `bemotande`.
fn without_position(dir: &str) -> &str {
    let rest = dir.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    if rest.is_empty() { "module" } else { rest }
}

/// The folder of each module of a course, in the course's order, which on
/// disk is the folders' name order. `modules[i]` is module `i`'s id and the
/// folder it has now (`None` for a module not saved yet).
///
/// Each module keeps its folder and a new one gets `NN-<id>` (NN its
/// position) as long as the names stay distinct (also when case is ignored,
/// as on Windows and macOS) and in order. Otherwise, after a move, every
/// folder is numbered by its position and keeps its name after the number:
/// `02-bemotande` moved first becomes `01-bemotande`.
pub fn module_dirs(modules: &[(&str, Option<&str>)]) -> Vec<String> {
    let count = modules.len();
    let new_name = |id: &str| -> String {
        let slug = if is_slug(id) {
            id.to_string()
        } else {
            slugify(id)
        };
        if slug.is_empty() {
            "module".to_string()
        } else {
            slug
        }
    };
    let kept: Vec<String> = modules
        .iter()
        .enumerate()
        .map(|(i, (id, folder))| match folder {
            Some(dir) => dir.to_string(),
            None => module_dir_name(i, count, &new_name(id)),
        })
        .collect();
    let mut seen = HashSet::new();
    let usable = kept.windows(2).all(|pair| pair[0] < pair[1])
        && kept
            .iter()
            .all(|dir| is_module_folder_name(dir) && seen.insert(dir.to_lowercase()));
    if usable {
        return kept;
    }
    modules
        .iter()
        .enumerate()
        .map(|(i, (id, folder))| {
            let name = match folder {
                Some(dir) => without_position(dir).to_string(),
                None => new_name(id),
            };
            module_dir_name(i, count, &name)
        })
        .collect()
}

/// Hands out ids that are free: `base`, or `base-2`, `base-3`, … It remembers
/// the next suffix to try per base, so 20,000 questions with one title cost
/// linear time, not a scan from `-2` for each of them.
#[derive(Debug, Default)]
pub struct IdAllocator {
    taken: HashSet<String>,
    next_suffix: HashMap<String, u64>,
}

impl IdAllocator {
    pub fn with_taken(taken: HashSet<String>) -> Self {
        IdAllocator {
            taken,
            next_suffix: HashMap::new(),
        }
    }

    /// `base` if it is free, else the first free `base-N`; the id is taken from now on.
    pub fn claim(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_string()) {
            return base.to_string();
        }
        let n = self.next_suffix.entry(base.to_string()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// What course.toml says about the course as a whole, without its modules.
#[derive(Debug, Clone, PartialEq)]
pub struct CourseHead {
    pub id: String,
    pub version: String,
    /// The first is the default.
    pub languages: Vec<Lang>,
    pub title: Text,
    pub competencies: Vec<Competency>,
}

/// Reads course.toml in the course folder `course_dir` by the loader's own
/// rules (the same reader, size limit and refusal of links). It fails only
/// when the head cannot be read into the model (a missing or unreadable
/// file, a TOML syntax error, a required key missing), with every problem of
/// the file; lesser problems are the loader's to report.
pub fn read_course_head(course_dir: &Path) -> Result<CourseHead> {
    let mut report = Report::default();
    let head = load::read_file(course_dir, COURSE_FILE, &mut report)
        .and_then(|file| read::course(&file, &mut report));
    let (diagnostics, broken) = report.into_sorted();
    match head {
        Some(head) if !broken => {
            let course = head.course;
            Ok(CourseHead {
                id: course.id,
                version: course.version,
                languages: course.languages,
                title: course.title,
                competencies: course.competencies,
            })
        }
        _ => Err(Error::InvalidContent(diagnostics)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn slugs_are_lowercase_ascii_digits_and_dashes() {
        for good in ["a", "first-impression", "01-intro", "x9", "2-08-tsl"] {
            assert!(is_slug(good), "`{good}` follows the slug rule");
        }
        for bad in ["", "-a", "A", "första", "a_b", "a b", "a.b"] {
            assert!(!is_slug(bad), "`{bad}` breaks the slug rule");
        }
        assert_eq!(
            slugify("Välkommen, gäst!"),
            "valkommen-gast",
            "a title becomes a slug"
        );
        assert!(
            is_slug(&slugify("Ärende 12: Öppet?")),
            "what slugify makes is a slug"
        );
    }

    #[test]
    fn lesson_names_split_into_number_id_and_language() {
        let name = lesson_name("01-vad-ar-vardskap.sv.md").unwrap();
        assert_eq!(
            (
                name.prefix.as_str(),
                name.number,
                name.id.as_str(),
                name.lang.as_str()
            ),
            ("01", 1, "vad-ar-vardskap", "sv"),
            "the number orders, the id follows the first dash, the language precedes .md"
        );
        for bad in [
            "vad.sv.md",
            "01-x.md",
            "x-y.sv.md",
            "01-.sv.md",
            "01-x.sv.txt",
        ] {
            assert_eq!(
                lesson_name(bad),
                None,
                "`{bad}` does not follow NN-id.lang.md"
            );
        }
        let written = lesson_file_name(2, 5, "intro", "en");
        assert_eq!(written, "03-intro.en.md", "two digits by default");
        assert_eq!(
            lesson_name(&written).unwrap().id,
            "intro",
            "a written name reads back"
        );
        assert_eq!(
            lesson_file_name(9, 120, "x", "en"),
            "010-x.en.md",
            "three digits keep name order past 99"
        );
    }

    #[test]
    fn module_folders_are_kept_while_in_order_and_renumbered_after_a_move() {
        assert_eq!(
            module_dirs(&[("a", Some("01-a")), ("b", Some("05-b"))]),
            ["01-a", "05-b"].map(String::from),
            "saved modules in order keep their folders, gaps and all: a save renames nothing needlessly"
        );
        assert_eq!(
            module_dirs(&[("a", Some("01-a")), ("b", Some("02-b")), ("c", None)]),
            ["01-a", "02-b", "03-c"].map(String::from),
            "a new module is NN-id, NN its position"
        );
        assert_eq!(
            module_dirs(&[("a", Some("01-a")), ("b", Some("05-b")), ("c", None)]),
            ["01-a", "02-b", "03-c"].map(String::from),
            "when that would break the order (05-b after 03-c), every folder takes its position"
        );
        assert_eq!(
            module_dirs(&[
                ("b", Some("02-bemotande")),
                ("a", Some("01-intro")),
                ("x", Some("03-x"))
            ]),
            ["01-bemotande", "02-intro", "03-x"].map(String::from),
            "the moved module takes 01, the other 02, each keeps its name"
        );
        assert_eq!(
            module_dirs(&[
                ("a", Some("intro")),
                ("b", Some("1-b")),
                ("c", Some("104-c"))
            ]),
            ["01-intro", "02-b", "03-c"].map(String::from),
            "missing, short and long numbers become two digits"
        );
        assert_eq!(
            module_dirs(&[("a", Some("01-A")), ("b", Some("01-a"))]),
            ["01-A", "02-a"].map(String::from),
            "names that differ only in case are one folder on Windows and macOS"
        );
        assert_eq!(
            module_dirs(&[("Ny modul", None)]),
            ["01-ny-modul"].map(String::from),
            "a new module's id that is not a slug is made one"
        );
        let many: Vec<(String, Option<String>)> = (0..100)
            .map(|i| (format!("m{i}"), Some(format!("{:02}-m{i}", i + 1))))
            .collect();
        let refs: Vec<(&str, Option<&str>)> = many
            .iter()
            .map(|(id, dir)| (id.as_str(), dir.as_deref()))
            .collect();
        let dirs = module_dirs(&refs);
        assert_eq!(
            (dirs[0].as_str(), dirs[99].as_str()),
            ("001-m0", "100-m99"),
            "past 99 modules the numbers widen"
        );
    }

    #[test]
    fn ids_are_allocated_past_the_taken_ones() {
        let mut ids = IdAllocator::with_taken(HashSet::from(["q".to_string(), "q-2".to_string()]));
        assert_eq!(ids.claim("q"), "q-3", "the first free suffix");
        assert_eq!(ids.claim("q"), "q-4", "a claimed id is taken from then on");
        assert_eq!(ids.claim("r"), "r", "a free base is used as it is");
    }

    #[test]
    fn the_course_head_is_read_by_the_loaders_rules() {
        let dir = tempfile::tempdir().unwrap();
        let missing = read_course_head(dir.path()).unwrap_err();
        assert!(
            missing.to_string().contains("this file is missing"),
            "no course.toml: {missing}"
        );
        std::fs::write(
            dir.path().join(COURSE_FILE),
            "id = \"c\"\nversion = \"1.0.0\"\nlanguages = [\"sv\", \"en\"]\n\
             title = { sv = \"K\", en = \"C\" }\npass_mark = 0.8\n\n\
             [[competency]]\nid = \"welcome\"\ntitle = { sv = \"V\", en = \"W\" }\n",
        )
        .unwrap();
        let head = read_course_head(dir.path()).unwrap();
        assert_eq!(
            (
                head.id.as_str(),
                head.languages.clone(),
                head.title.get("en"),
                head.competencies[0].id.as_str()
            ),
            (
                "c",
                vec!["sv".to_string(), "en".to_string()],
                "C",
                "welcome"
            ),
            "id, languages, title and competencies"
        );
        std::fs::write(
            dir.path().join(COURSE_FILE),
            "id = \"c\"\nlanguages = [\"sv\"\n",
        )
        .unwrap();
        let broken = read_course_head(dir.path()).unwrap_err();
        assert!(
            matches!(&broken, Error::InvalidContent(problems) if problems.iter().all(|d| d.path == COURSE_FILE)),
            "a syntax error is a located problem of course.toml: {broken}"
        );
    }
}
