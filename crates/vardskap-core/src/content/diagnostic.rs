//! A problem in a course, located for its author as `path:line:col: message`.
//! Errors break the course's rules; warnings (from the item lint) are advice
//! on how well a question measures, and never stop a course from loading.

use std::fmt;

use super::messages::WARNING;
use crate::i18n::{self, Message, Params};

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
    /// A sentence a course author understands, in English: what `Display`
    /// and the command-line tool write unless asked for another language.
    pub message: String,
    /// The catalogue message that says it in every language (`check-…`;
    /// `errors-<Kind>.detail` for an error of the core), filled from `params`.
    pub id: String,
    /// The values of the message's placeholders, by name.
    pub params: Params,
    pub severity: Severity,
}

impl Diagnostic {
    /// An error at a position.
    pub fn new(path: impl Into<String>, line: u32, column: u32, message: Message) -> Self {
        Diagnostic {
            path: path.into(),
            line,
            column,
            message: message.say(i18n::FALLBACK),
            id: message.id.to_string(),
            params: message.params(),
            severity: Severity::Error,
        }
    }

    /// A warning at a position.
    pub fn warning(path: impl Into<String>, line: u32, column: u32, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::new(path, line, column, message)
        }
    }

    /// A problem with a whole file (missing, unreadable).
    pub fn file(path: impl Into<String>, message: Message) -> Self {
        Self::new(path, 0, 0, message)
    }

    /// The core's `error` as a problem of the whole file `path`, in the
    /// words of its kind (`errors-<Kind>.detail`).
    pub fn file_error(path: impl Into<String>, error: &crate::Error) -> Self {
        let (id, args) = error.message_args();
        Diagnostic {
            path: path.into(),
            line: 0,
            column: 0,
            message: error.to_string(),
            id: format!("{id}.detail"),
            params: Message { id, args }.params(),
            severity: Severity::Error,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The sentence in `lang` (else in English), without its place.
    pub fn message(&self, lang: &str) -> String {
        i18n::tr_params(lang, &self.id, &self.params)
    }

    /// `path:line:col: message` in `lang`, a warning's marked as one (the
    /// catalogue's `check-warning`). [`Display`](fmt::Display) is this in
    /// English.
    pub fn line_in(&self, lang: &str) -> String {
        self.located(lang, &self.message(lang))
    }

    /// `message` (said in `lang`) at this problem's place.
    fn located(&self, lang: &str, message: &str) -> String {
        let at = format!("{}:{}:{}", self.path, self.line, self.column);
        match self.severity {
            Severity::Error => format!("{at}: {message}"),
            Severity::Warning => format!("{at}: {}: {message}", i18n::tr(lang, WARNING.id, &[])),
        }
    }

    /// One problem a line, in English.
    pub fn join(list: &[Diagnostic]) -> String {
        list.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.located(i18n::FALLBACK, &self.message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::messages::{LINT_YEAR, MISSING_KEY};
    use crate::i18n::message;

    #[test]
    fn warnings_say_so_and_errors_print_as_before() {
        let error = Diagnostic::new(
            "m/quiz.toml",
            3,
            5,
            message!(MISSING_KEY, table = "question", key = "id"),
        );
        assert_eq!(
            error.to_string(),
            "m/quiz.toml:3:5: question has no `id`",
            "an error keeps the established format, in English"
        );
        assert!(
            error.is_error(),
            "`new` builds an error, as every loader problem is"
        );
        let warning =
            Diagnostic::warning("m/quiz.toml", 3, 5, message!(LINT_YEAR, answer = "1621"));
        assert!(
            warning
                .to_string()
                .starts_with("m/quiz.toml:3:5: warning: note: the answer 1621 looks like a year"),
            "a warning is marked after the position: {warning}"
        );
        assert!(!warning.is_error(), "a warning is not an error");
    }

    #[test]
    fn a_problem_is_said_in_the_language_asked_for() {
        let error = Diagnostic::new(
            "m/quiz.toml",
            3,
            5,
            message!(MISSING_KEY, table = "question", key = "id"),
        );
        assert_eq!(
            (error.id.as_str(), error.params.get("key")),
            ("check-missingKey", Some(&"id".into())),
            "the problem keeps its message and placeholders"
        );
        assert_eq!(error.message("sv"), "frågan saknar `id`", "in Swedish");
        assert_eq!(error.message, "question has no `id`", "and in English");
        assert_eq!(
            error.line_in("sv"),
            "m/quiz.toml:3:5: frågan saknar `id`",
            "at its place"
        );
        let warning =
            Diagnostic::warning("m/quiz.toml", 3, 5, message!(LINT_YEAR, answer = "1621"));
        assert!(
            warning
                .line_in("sv")
                .starts_with("m/quiz.toml:3:5: varning: obs: svaret 1621 ser ut som ett årtal"),
            "a warning is called one in Swedish: {}",
            warning.line_in("sv")
        );
        assert_eq!(
            warning.line_in("en"),
            warning.to_string(),
            "Display is the English line"
        );
    }
}
