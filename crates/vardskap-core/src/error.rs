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

    /// The progress database failed its integrity check or is not a database.
    #[error(
        "The progress database is damaged and cannot be used ({detail}). \
         Your earlier progress can be brought back by restoring the latest backup. \
         File: {path}"
    )]
    CorruptDatabase { path: String, detail: String },

    /// The database was written by a newer version of the app.
    #[error(
        "The progress database was made by a newer version of Värdskap. \
         Update the app to open it. File: {path}"
    )]
    DatabaseTooNew { path: String },

    /// Another copy of the app (or the command-line tool, while it writes)
    /// has this data folder open.
    #[error(
        "Värdskap is already open with this data folder. \
         Use the window that is open, or close it first. Folder: {dir}"
    )]
    DataFolderInUse { dir: String },

    /// A restore was asked for, but there is no usable backup.
    #[error("There is no usable backup of the progress database in {dir}.")]
    NoBackup { dir: String },

    /// A learner's operation was asked for with nobody signed in.
    #[error("Choose a profile first.")]
    NotSignedIn,

    /// The PIN given for a profile does not match.
    #[error("That PIN is not right. Try again.")]
    WrongPin,

    /// After several wrong PINs in a row, no PIN is checked for
    /// `retry_after_secs` more seconds.
    #[error("Too many wrong PINs in a row. Wait {retry_after_secs} seconds and try again.")]
    PinOnHold { retry_after_secs: i64 },

    /// A profile with that name already exists.
    #[error("There is already a profile called \"{name}\". Choose another name.")]
    ProfileExists { name: String },

    /// The attempt was already submitted; its answers cannot change.
    #[error("This attempt has already been submitted, so its answers cannot be changed.")]
    AttemptClosed { attempt: i64 },

    /// An answer was given for a question that is not part of the attempt's module.
    #[error("The question \"{question}\" is not part of the module \"{module}\".")]
    QuestionNotInModule { question: String, module: String },

    /// With immediate feedback the learner has seen the key, so the answer is final.
    #[error("The question \"{question}\" has already been answered in this attempt.")]
    AlreadyAnswered { question: String },

    /// The answers and key of an attempt are shown only after it is submitted and graded.
    #[error(
        "This attempt has not been submitted yet, so its answers and the right answers cannot be shown."
    )]
    AttemptNotSubmitted { attempt: i64 },

    /// A scenario run is looked back on only once it has reached an ending.
    #[error("This scenario run has not reached an ending yet, so there is nothing to look back on.")]
    RunNotFinished { run: i64 },

    /// A certificate was asked for, but the course is not passed yet.
    #[error(
        "There is no certificate yet: \"{course}\" is not passed. Pass every module first \
         (still to pass: {missing})."
    )]
    CourseNotPassed { course: String, missing: String },

    /// The instructor passphrase given does not match; the next try is
    /// checked only after `retry_after_secs` (0: right away).
    #[error("{}", wrong_passphrase_message(*.retry_after_secs))]
    WrongPassphrase { retry_after_secs: i64 },

    /// Too many wrong instructor passphrases in a row: tries are not checked
    /// for `retry_after_secs` more seconds.
    #[error(
        "Too many wrong passphrases in a row. Wait {retry_after_secs} seconds and try again."
    )]
    TooManyTries { retry_after_secs: i64 },

    /// Something only an instructor may do was asked while instructor mode is locked.
    #[error("Only an instructor can do this. Unlock instructor mode with the passphrase first.")]
    InstructorLocked,

    /// A package holds a course with the built-in course's id, which is
    /// reserved: the built-in copy would silently replace it at the next start.
    #[error(
        "This package's course has the id \"{id}\", which is reserved for the built-in course, \
         so it was not imported. Give the course another id in course.toml and pack it again."
    )]
    ReservedCourseId { id: String },

    /// A course package was refused as unsafe or unreadable before anything
    /// was installed (an entry outside the course, a link, too large, not a zip …).
    #[error("{file} was not opened: {reason}")]
    PackageRefused { file: String, reason: String },
}

fn wrong_passphrase_message(retry_after_secs: i64) -> String {
    if retry_after_secs > 0 {
        format!("That passphrase is not right. Try again in {retry_after_secs} seconds.")
    } else {
        "That passphrase is not right. Try again.".to_string()
    }
}

impl Error {
    /// A short machine-readable name for the variant, used by the shell.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::InvalidContent(_) => ErrorKind::InvalidContent,
            Error::Invalid(_) => ErrorKind::Invalid,
            Error::WrongAnswerShape { .. } => ErrorKind::WrongAnswerShape,
            Error::Io { .. } => ErrorKind::Io,
            // Damage found while the app runs (not only at open) is told as such.
            Error::Db(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
                ) =>
            {
                ErrorKind::CorruptDatabase
            }
            Error::Db(_) => ErrorKind::Db,
            Error::CorruptDatabase { .. } => ErrorKind::CorruptDatabase,
            Error::DatabaseTooNew { .. } => ErrorKind::DatabaseTooNew,
            Error::DataFolderInUse { .. } => ErrorKind::DataFolderInUse,
            Error::NoBackup { .. } => ErrorKind::NoBackup,
            Error::NotSignedIn => ErrorKind::NotSignedIn,
            Error::WrongPin => ErrorKind::WrongPin,
            Error::PinOnHold { .. } => ErrorKind::PinOnHold,
            Error::ProfileExists { .. } => ErrorKind::ProfileExists,
            Error::AttemptClosed { .. } => ErrorKind::AttemptClosed,
            Error::QuestionNotInModule { .. } => ErrorKind::QuestionNotInModule,
            Error::AlreadyAnswered { .. } => ErrorKind::AlreadyAnswered,
            Error::AttemptNotSubmitted { .. } => ErrorKind::AttemptNotSubmitted,
            Error::RunNotFinished { .. } => ErrorKind::RunNotFinished,
            Error::CourseNotPassed { .. } => ErrorKind::CourseNotPassed,
            Error::WrongPassphrase { .. } => ErrorKind::WrongPassphrase,
            Error::TooManyTries { .. } => ErrorKind::TooManyTries,
            Error::InstructorLocked => ErrorKind::InstructorLocked,
            Error::ReservedCourseId { .. } => ErrorKind::ReservedCourseId,
            Error::PackageRefused { .. } => ErrorKind::PackageRefused,
        }
    }

    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        Error::Io { path: path.as_ref().display().to_string(), source }
    }
}

/// What kind of error happened, without the details: the UI branches on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub enum ErrorKind {
    NotFound,
    InvalidContent,
    Invalid,
    WrongAnswerShape,
    Io,
    Db,
    CorruptDatabase,
    DatabaseTooNew,
    DataFolderInUse,
    NoBackup,
    NotSignedIn,
    WrongPin,
    PinOnHold,
    ProfileExists,
    AttemptClosed,
    QuestionNotInModule,
    AlreadyAnswered,
    AttemptNotSubmitted,
    RunNotFinished,
    CourseNotPassed,
    WrongPassphrase,
    TooManyTries,
    InstructorLocked,
    ReservedCourseId,
    PackageRefused,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: std::ffi::c_int) -> Error {
        Error::Db(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None))
    }

    #[test]
    fn damage_found_mid_session_is_a_corrupt_database() {
        assert_eq!(sqlite(rusqlite::ffi::SQLITE_CORRUPT).kind(), ErrorKind::CorruptDatabase, "a corrupt page read while the app runs is told as damage");
        assert_eq!(sqlite(rusqlite::ffi::SQLITE_NOTADB).kind(), ErrorKind::CorruptDatabase, "so is a file that stopped being a database");
        assert_eq!(sqlite(rusqlite::ffi::SQLITE_BUSY).kind(), ErrorKind::Db, "other database errors stay plain database errors");
    }
}
