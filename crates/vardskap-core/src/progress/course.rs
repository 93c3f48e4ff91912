//! Installing a course into the store: the validated model is kept as JSON,
//! so the app runs it without its folder. A new version replaces the old one
//! under the same course id, which keeps every learner's history.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::content::{self, Course};
use crate::error::OrNotFound;
use crate::storage::{Store, Timestamp, courses};
use crate::{Error, Result};

/// An installed course, localised for a list.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InstalledCourse {
    pub id: String,
    pub version: String,
    pub title: String,
    pub languages: Vec<String>,
    pub installed_at: Timestamp,
    pub updated_at: Timestamp,
    /// The version this install replaced, if any.
    pub previous_version: Option<String>,
}

fn installed(
    row: courses::CourseRow,
    course: &Course,
    lang: &str,
    previous: Option<String>,
) -> InstalledCourse {
    InstalledCourse {
        id: row.id,
        version: row.version,
        title: course.title.get(lang).to_string(),
        languages: course.languages.clone(),
        installed_at: row.installed_at,
        updated_at: row.updated_at,
        previous_version: previous,
    }
}

impl Store {
    /// Installs `course` (already validated by the loader) in one transaction,
    /// or replaces the installed course with the same id. History is keyed by
    /// course id + module id + question id, so it survives for every id that
    /// the new version still has; answers to removed questions stay stored but
    /// no longer count.
    pub fn install_course(&mut self, course: &Course, lang: &str) -> Result<InstalledCourse> {
        if course.id.trim().is_empty() {
            return Err(Error::Invalid(
                "The course has no id, so it cannot be installed.".into(),
            ));
        }
        let now = self.now();
        let (row, previous) = self.transact(|tx| {
            let previous = courses::get(tx, &course.id)?.map(|r| r.version);
            courses::upsert(tx, course, now)?;
            let row = courses::get(tx, &course.id)?.or_not_found("course", &course.id)?;
            Ok((row, previous))
        })?;
        self.forget_course(&course.id);
        Ok(installed(row, course, lang, previous))
    }

    /// Installs the course in the folder `dir`, the one way every course gets
    /// in (built-in, package, CLI): load and validate it, write a canonical
    /// copy with its media to `<data_dir>/courses/<id>/` (lessons' images are
    /// read from there), then store the model. A course identical to the one
    /// installed is left as it is.
    pub fn install_course_folder(&mut self, dir: &Path, lang: &str) -> Result<InstalledCourse> {
        let course = content::load_course(dir)?;
        let target = self.course_folder(&course.id);
        let unchanged = target.join("course.toml").is_file()
            && self.course(&course.id).is_ok_and(|installed| *installed == course);
        if unchanged {
            let row = courses::get(&self.conn, &course.id)?.or_not_found("course", &course.id)?;
            return Ok(installed(row, &course, lang, None));
        }
        let parent = self.data_dir().join("courses");
        std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let staging = parent.join(format!(".{}.new", course.id));
        remove_dir_if_present(&staging)?;
        content::write_course_with_media(&course, dir, &staging)?;
        let installed = match self.install_course(&course, lang) {
            Ok(installed) => installed,
            Err(err) => {
                remove_dir_if_present(&staging)?;
                return Err(err);
            }
        };
        remove_dir_if_present(&target)?;
        std::fs::rename(&staging, &target).map_err(|e| Error::io(&target, e))?;
        Ok(installed)
    }

    /// Installs the course in the package `file` (`.vdsk`): unpacked into a
    /// temporary folder under the data dir (checked as hostile by
    /// [`crate::package::unpack`]), installed like any course folder, and the
    /// temporary folder removed again whatever happens.
    pub fn install_course_package(&mut self, file: &Path, lang: &str) -> Result<InstalledCourse> {
        let data_dir = self.data_dir().to_path_buf();
        let temp = tempfile::Builder::new()
            .prefix(".import-")
            .tempdir_in(&data_dir)
            .map_err(|e| Error::io(&data_dir, e))?;
        let folder = temp.path().join("course");
        let installed = crate::package::unpack(file, &folder)
            .and_then(|_| self.install_course_folder(&folder, lang));
        let temp_path = temp.path().to_path_buf();
        temp.close().map_err(|e| Error::io(temp_path, e))?;
        installed
    }

    /// Where the installed copy of course `id` lives (its media are read from here).
    pub fn course_folder(&self, id: &str) -> PathBuf {
        self.data_dir().join("courses").join(id)
    }

    /// Every installed course, by id, titled in `lang`.
    pub fn installed_courses(&self, lang: &str) -> Result<Vec<InstalledCourse>> {
        courses::list(&self.conn)?
            .into_iter()
            .map(|row| {
                let course = self.cached_course(&row.id)?;
                Ok(installed(row, &course, lang, None))
            })
            .collect()
    }

    /// The installed course model (parsed once, then shared).
    pub fn course(&self, id: &str) -> Result<Arc<Course>> {
        self.cached_course(id)
    }
}

fn remove_dir_if_present(dir: &Path) -> Result<()> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(dir, e)),
    }
}
