//! Course content: the typed model of a course folder, and (in submodules)
//! loading, validating and rendering it. The format is specified in
//! `docs/course-format.md`.

mod diagnostic;
mod model;
mod overview;
pub mod save;

pub use diagnostic::Diagnostic;
pub use model::*;
pub use overview::{CourseOverview, course_overview};
pub use save::{SaveSummary, write_course, write_course_with_media};
