//! A problem in a course, located for its author as `path:line:col: message`.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Diagnostic {
    /// Path of the file, relative to the course folder, with `/` separators.
    pub path: String,
    /// 1-based line; 0 when the problem concerns the file as a whole.
    pub line: u32,
    /// 1-based column; 0 when the problem concerns the file as a whole.
    pub column: u32,
    /// A sentence a course author understands.
    pub message: String,
}

impl Diagnostic {
    pub fn new(path: impl Into<String>, line: u32, column: u32, message: impl Into<String>) -> Self {
        Diagnostic { path: path.into(), line, column, message: message.into() }
    }

    /// A problem with a whole file (missing, unreadable).
    pub fn file(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(path, 0, 0, message)
    }

    pub fn join(list: &[Diagnostic]) -> String {
        list.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path, self.line, self.column, self.message)
    }
}
