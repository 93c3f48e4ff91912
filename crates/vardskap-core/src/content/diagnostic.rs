//! A problem in a course, located for its author as `path:line:col: message`.
//! Errors break the course's rules; warnings (from the item lint) are advice
//! on how well a question measures, and never stop a course from loading.

use std::fmt;

/// How serious a [`Diagnostic`] is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    /// A broken rule: the course cannot be loaded until it is fixed.
    #[default]
    Error,
    /// Advice: the course loads, but an item may measure less than it should.
    Warning,
}

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
    pub severity: Severity,
}

impl Diagnostic {
    /// An error at a position.
    pub fn new(
        path: impl Into<String>,
        line: u32,
        column: u32,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: path.into(),
            line,
            column,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    /// A warning at a position.
    pub fn warning(
        path: impl Into<String>,
        line: u32,
        column: u32,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::new(path, line, column, message)
        }
    }

    /// A problem with a whole file (missing, unreadable).
    pub fn file(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(path, 0, 0, message)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn join(list: &[Diagnostic]) -> String {
        list.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.path, self.line, self.column)?;
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_say_so_and_errors_print_as_before() {
        let error = Diagnostic::new("m/quiz.toml", 3, 5, "missing `id`");
        assert_eq!(
            error.to_string(),
            "m/quiz.toml:3:5: missing `id`",
            "an error keeps the established format"
        );
        assert!(
            error.is_error(),
            "`new` builds an error, as every loader problem is"
        );
        let warning = Diagnostic::warning("m/quiz.toml", 3, 5, "the key is the longest option");
        assert_eq!(
            warning.to_string(),
            "m/quiz.toml:3:5: warning: the key is the longest option",
            "a warning is marked after the position"
        );
        assert!(!warning.is_error(), "a warning is not an error");
    }
}
