//! The course's title card, as the UI's first screen shows it.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Text;
use crate::{Error, Result};

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

#[derive(Deserialize)]
struct CourseHead {
    id: String,
    version: String,
    languages: Vec<String>,
    title: Text,
}

/// Reads the head of `course.toml` in `dir` and localises it to `lang`.
pub fn course_overview(dir: &Path, lang: &str) -> Result<CourseOverview> {
    let path = dir.join("course.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let head: CourseHead = toml::from_str(&text)
        .map_err(|e| Error::Invalid(format!("{}: {}", path.display(), e.message())))?;
    Ok(CourseOverview {
        title: head.title.get(lang).to_string(),
        id: head.id,
        version: head.version,
        languages: head.languages,
    })
}
