//! Course content: the typed model of a course folder, and (in submodules)
//! loading, validating and rendering it. The format is specified in
//! `docs/course-format.md`.

mod diagnostic;
pub mod layout;
mod lint;
mod load;
mod markdown;
mod media;
pub(crate) mod messages;
mod model;
mod overview;
mod read;
pub mod save;
mod source;
mod stats;
pub mod time;
mod toml_table;
mod validate;
mod view;

pub use diagnostic::{Diagnostic, Severity};
pub use layout::is_slug;
pub use lint::{lint_course, lint_course_dir};
pub(crate) use load::check_files;
pub use load::{check_course, load_course};
pub use markdown::{MEDIA_SCHEME, markdown_to_html};
pub use media::{MAX_MEDIA_BYTES, media_file, read_media};
pub use model::*;
pub use overview::{CourseOverview, course_overview};
pub use save::{SaveSummary, write_course, write_course_with_media};
pub(crate) use save::{check_file_sizes, course_files};
pub use stats::{
    CourseStats, KeyLength, KeyPositions, KeyStats, ModuleStats, TrueFalseKeys, course_stats,
    key_stats,
};
pub use view::{
    CompetencyLink, CourseOutline, LessonLink, LessonView, ModuleOutline, ScenarioLink,
    course_outline, lesson_preview, lesson_view,
};
