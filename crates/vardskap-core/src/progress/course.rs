//! Installing a course into the store: the validated model is kept as JSON,
//! so the app runs it without its folder. A new version replaces the old one
//! under the same course id, which keeps every learner's history.

use std::sync::Arc;

use serde::Serialize;

use crate::content::Course;
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
