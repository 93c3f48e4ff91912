//! Installing a course into the store: the validated model is kept as JSON,
//! so the app runs it without its folder. A new version replaces the old one
//! under the same course id, which keeps every learner's history.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use super::ProfileId;
use crate::content::{self, Course};
use crate::error::OrNotFound;
use crate::storage::{Store, Timestamp, courses, profiles};
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

/// A course package unpacked, loaded, validated and copied to a staging
/// folder in the data folder, ready for [`Store::install_prepared`]. Making
/// one is the slow part of an import and needs no open store, so the app does
/// it while other commands go on. Dropping it removes the staging folder.
pub struct PreparedPackage {
    course: Course,
    staging: tempfile::TempDir,
}

impl PreparedPackage {
    /// Unpacks `file` (checked as hostile by [`crate::package::unpack`]) into
    /// a temporary folder under `data_dir`, loads the course and stages its
    /// canonical copy with media; the unpacked files are removed again.
    pub fn prepare(data_dir: &Path, file: &Path) -> Result<PreparedPackage> {
        let temp = tempfile::Builder::new()
            .prefix(".import-")
            .tempdir_in(data_dir)
            .map_err(|e| Error::io(data_dir, e))?;
        let folder = temp.path().join("course");
        let prepared = crate::package::unpack(file, &folder)
            .and_then(|_| content::load_course(&folder))
            .and_then(|course| {
                let staging = stage_course(data_dir, &course, &folder)?;
                Ok(PreparedPackage { course, staging })
            });
        let temp_path = temp.path().to_path_buf();
        temp.close().map_err(|e| Error::io(temp_path, e))?;
        prepared
    }

    /// The course the package holds.
    pub fn course(&self) -> &Course {
        &self.course
    }
}

/// Writes the canonical copy of `course` (loaded from `dir`) with its media
/// to a staging folder of its own under `<data_dir>/courses/`: a fresh name
/// each time, so two installs never write into one folder.
fn stage_course(data_dir: &Path, course: &Course, dir: &Path) -> Result<tempfile::TempDir> {
    let parent = data_dir.join("courses");
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{}.new-", course.id))
        .tempdir_in(&parent)
        .map_err(|e| Error::io(&parent, e))?;
    content::write_course_with_media(course, dir, staging.path())?;
    Ok(staging)
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
        self.install_loaded_folder(course, dir, lang)
    }

    /// Installs the app's built-in course from `dir`, like any course folder,
    /// and reserves its id for this store: a package with the same id is
    /// refused ([`Error::ReservedCourseId`]) rather than replaced by the
    /// built-in copy at the next start without a word.
    pub fn install_builtin_course(&mut self, dir: &Path, lang: &str) -> Result<InstalledCourse> {
        let installed = self.install_course_folder(dir, lang)?;
        self.builtin_course = Some(installed.id.clone());
        Ok(installed)
    }

    /// The built-in course's id, once [`Store::install_builtin_course`] installed it.
    pub fn builtin_course(&self) -> Option<&str> {
        self.builtin_course.as_deref()
    }

    /// [`Store::install_course_folder`] for a course already loaded from `dir`.
    fn install_loaded_folder(
        &mut self,
        course: Course,
        dir: &Path,
        lang: &str,
    ) -> Result<InstalledCourse> {
        if let Some(unchanged) = self.unchanged_install(&course, lang)? {
            return Ok(unchanged);
        }
        let staging = stage_course(self.data_dir(), &course, dir)?;
        self.install_staged(course, staging, lang)
    }

    /// The installed course, when the one in hand is identical to it.
    fn unchanged_install(&self, course: &Course, lang: &str) -> Result<Option<InstalledCourse>> {
        let unchanged = self
            .course_folder(&course.id)
            .join(content::layout::COURSE_FILE)
            .is_file()
            && self
                .course(&course.id)
                .is_ok_and(|installed| *installed == *course);
        if !unchanged {
            return Ok(None);
        }
        let row = courses::get(&self.conn, &course.id)?.or_not_found("course", &course.id)?;
        Ok(Some(installed(row, course, lang, None)))
    }

    /// Stores the model and moves its staged folder into place; the staging
    /// folder is removed whatever happens.
    fn install_staged(
        &mut self,
        course: Course,
        staging: tempfile::TempDir,
        lang: &str,
    ) -> Result<InstalledCourse> {
        let installed = self.install_course(&course, lang)?;
        let target = self.course_folder(&course.id);
        remove_dir_if_present(&target)?;
        std::fs::rename(staging.path(), &target).map_err(|e| Error::io(&target, e))?;
        Ok(installed)
    }

    /// Installs the course in the package `file` (`.vdsk`): unpacked into a
    /// temporary folder under the data dir (checked as hostile by
    /// [`crate::package::unpack`]), installed like any course folder, and the
    /// temporary folder removed again whatever happens.
    pub fn install_course_package(&mut self, file: &Path, lang: &str) -> Result<InstalledCourse> {
        let prepared = PreparedPackage::prepare(self.data_dir(), file)?;
        self.install_prepared(prepared, lang)
    }

    /// Installs a package [`PreparedPackage::prepare`] unpacked, loaded and
    /// staged: only the quick part (a check, one transaction, one rename).
    pub fn install_prepared(
        &mut self,
        prepared: PreparedPackage,
        lang: &str,
    ) -> Result<InstalledCourse> {
        let PreparedPackage { course, staging } = prepared;
        if self.builtin_course.as_deref() == Some(course.id.as_str()) {
            return Err(Error::ReservedCourseId { id: course.id });
        }
        if let Some(unchanged) = self.unchanged_install(&course, lang)? {
            return Ok(unchanged);
        }
        self.install_staged(course, staging, lang)
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

    /// Remembers `course_id` as the course `profile` works in, so signing in
    /// brings the learner back to it. The course must be installed.
    pub fn choose_course(&mut self, profile: ProfileId, course_id: &str) -> Result<()> {
        courses::get(&self.conn, course_id)?.or_not_found("course", course_id)?;
        if !self.transact(|tx| profiles::set_course(tx, profile, Some(course_id)))? {
            return Err(Error::NotFound {
                what: "profile",
                id: profile.to_string(),
            });
        }
        Ok(())
    }

    /// The course `profile` last chose, if it is still installed; `None` means
    /// the app's default course.
    pub fn chosen_course(&self, profile: ProfileId) -> Result<Option<String>> {
        let chosen = profiles::course(&self.conn, profile)?.or_not_found("profile", profile)?;
        match chosen {
            Some(id) if courses::get(&self.conn, &id)?.is_some() => Ok(Some(id)),
            _ => Ok(None),
        }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::progress::NewProfile;
    use crate::progress::testing::course;
    use crate::storage::testing::open_temp;

    fn learner(store: &mut Store, name: &str) -> ProfileId {
        let new = NewProfile {
            name: name.into(),
            ..NewProfile::default()
        };
        store.create_profile(&new).unwrap().id
    }

    fn two_courses(store: &mut Store) {
        store.install_course(&course(), "en").unwrap();
        let mut other = course();
        other.id = "other".into();
        store.install_course(&other, "en").unwrap();
    }

    #[test]
    fn a_chosen_course_is_remembered_per_learner() {
        let (_dir, mut store, _) = open_temp();
        two_courses(&mut store);
        let (ada, bo) = (learner(&mut store, "Ada"), learner(&mut store, "Bo"));
        assert_eq!(
            store.chosen_course(ada).unwrap(),
            None,
            "a new learner has chosen no course, so the app's default applies"
        );
        store.choose_course(ada, "other").unwrap();
        assert_eq!(
            store.chosen_course(ada).unwrap().as_deref(),
            Some("other"),
            "the chosen course is remembered"
        );
        assert_eq!(
            store.chosen_course(bo).unwrap(),
            None,
            "one learner's choice is not another's"
        );
        store.choose_course(ada, "c").unwrap();
        assert_eq!(
            store.chosen_course(ada).unwrap().as_deref(),
            Some("c"),
            "a later choice replaces the earlier one"
        );
    }

    #[test]
    fn only_an_installed_course_can_be_chosen() {
        let (_dir, mut store, _) = open_temp();
        two_courses(&mut store);
        let ada = learner(&mut store, "Ada");
        store.choose_course(ada, "other").unwrap();
        let err = store.choose_course(ada, "nowhere").unwrap_err();
        assert!(
            matches!(err, Error::NotFound { what: "course", .. }),
            "a course that is not installed is NotFound, got {err:?}"
        );
        assert_eq!(
            store.chosen_course(ada).unwrap().as_deref(),
            Some("other"),
            "a refused choice keeps the earlier one"
        );
        let err = store
            .choose_course(ProfileId(ada.0 + 100), "c")
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::NotFound {
                    what: "profile",
                    ..
                }
            ),
            "an unknown learner is NotFound, got {err:?}"
        );
    }

    #[test]
    fn a_course_no_longer_installed_is_not_given_back() {
        let (_dir, mut store, _) = open_temp();
        two_courses(&mut store);
        let ada = learner(&mut store, "Ada");
        store.choose_course(ada, "other").unwrap();
        store
            .conn
            .execute("DELETE FROM courses WHERE id = 'other'", [])
            .unwrap();
        assert_eq!(
            store.chosen_course(ada).unwrap(),
            None,
            "a removed course falls back to the app's default"
        );
    }
}
