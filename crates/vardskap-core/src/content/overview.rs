//! The course's title card, as the UI's first screen shows it.

use std::path::Path;

use serde::Serialize;

use super::layout::read_course_head;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CourseOverview {
    pub id: String,
    pub version: String,
    /// Title in the requested language.
    pub title: String,
    pub languages: Vec<String>,
}

/// Reads the head of `course.toml` in `dir` and localises it to `lang`.
pub fn course_overview(dir: &Path, lang: &str) -> Result<CourseOverview> {
    let head = read_course_head(dir)?;
    Ok(CourseOverview {
        title: head.title.get(lang).to_string(),
        id: head.id,
        version: head.version,
        languages: head.languages,
    })
}
