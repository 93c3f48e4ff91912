//! The core's one error type. Variants say what went wrong in domain words;
//! the shell converts them once to `{ kind, message }` for the UI.

use crate::content::Diagnostic;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the caller asked for by id does not exist.
    #[error("{what} \"{id}\" was not found")]
    NotFound { what: &'static str, id: String },

    /// A course folder or package has problems; every one is listed.
    #[error("the course has {} problem(s):\n{}", .0.len(), Diagnostic::join(.0))]
    InvalidContent(Vec<Diagnostic>),

    /// The caller's input cannot be accepted (wrong shape, wrong state).
    #[error("{0}")]
    Invalid(String),

    /// A learner's answer does not fit its question: another kind, an option or
    /// item id the question does not have, or the same id twice.
    #[error("the answer to question \"{question}\" has the wrong shape: {reason}")]
    WrongAnswerShape { question: String, reason: String },

    #[error("file error at {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
}

impl Error {
    /// A short machine-readable name for the variant, used by the shell.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::NotFound { .. } => "NotFound",
            Error::InvalidContent(_) => "InvalidContent",
            Error::Invalid(_) => "Invalid",
            Error::WrongAnswerShape { .. } => "WrongAnswerShape",
            Error::Io { .. } => "Io",
            Error::Db(_) => "Db",
        }
    }

    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        Error::Io { path: path.as_ref().display().to_string(), source }
    }
}

/// Anki-style `.or_not_found(id)` for look-ups.
pub trait OrNotFound<T> {
    fn or_not_found(self, what: &'static str, id: impl ToString) -> Result<T>;
}

impl<T> OrNotFound<T> for Option<T> {
    fn or_not_found(self, what: &'static str, id: impl ToString) -> Result<T> {
        self.ok_or_else(|| Error::NotFound { what, id: id.to_string() })
    }
}
