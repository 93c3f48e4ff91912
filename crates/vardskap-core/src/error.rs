//! The core's one error type. Variants say what went wrong in domain words;
//! the shell converts them once to `{ kind, message, params }` for the UI.
//!
//! The sentences are in the catalogue (`locales/<lang>.ftl`), one message
//! `errors-<Kind>` per kind: its value is what the app shows, its `.detail`
//! the full sentence with the error's parameters, which is what `Display`
//! writes (in English) for the CLI and logs.

use std::fmt;

use crate::content::Diagnostic;
use crate::i18n::{self, MessageArgs};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the caller asked for by id does not exist.
    NotFound {
        what: &'static str,
        id: String,
    },

    /// A course folder or package has problems; every one is listed.
    InvalidContent(Vec<Diagnostic>),

    /// The caller's input cannot be accepted (wrong shape, wrong state).
    Invalid(String),

    /// A learner's answer does not fit its question: another kind, an option or
    /// item id the question does not have, or the same id twice.
    WrongAnswerShape {
        question: String,
        reason: String,
    },

    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    Db(#[from] rusqlite::Error),

    /// The progress database failed its integrity check or is not a database.
    CorruptDatabase {
        path: String,
        detail: String,
    },

    /// The database was written by a newer version of the app.
    DatabaseTooNew {
        path: String,
    },

    /// Another copy of the app (or the command-line tool, while it writes)
    /// has this data folder open.
    DataFolderInUse {
        dir: String,
    },

    /// A restore was asked for, but there is no usable backup.
    NoBackup {
        dir: String,
    },

    /// A learner's operation was asked for with nobody signed in.
    NotSignedIn,

    /// The PIN given for a profile does not match.
    WrongPin,

    /// After several wrong PINs in a row, no PIN is checked for
    /// `retry_after_secs` more seconds.
    PinOnHold {
        retry_after_secs: i64,
    },

    /// A profile with that name already exists.
    ProfileExists {
        name: String,
    },

    /// The attempt was already submitted; its answers cannot change.
    AttemptClosed {
        attempt: i64,
    },

    /// An answer was given for a question that is not part of the attempt's module.
    QuestionNotInModule {
        question: String,
        module: String,
    },

    /// With immediate feedback the learner has seen the key, so the answer is final.
    AlreadyAnswered {
        question: String,
    },

    /// The answers and key of an attempt are shown only after it is submitted and graded.
    AttemptNotSubmitted {
        attempt: i64,
    },

    /// A scenario run is looked back on only once it has reached an ending.
    RunNotFinished {
        run: i64,
    },

    /// A certificate was asked for, but the course is not passed yet.
    CourseNotPassed {
        course: String,
        missing: String,
    },

    /// The instructor passphrase given does not match; the next try is
    /// checked only after `retry_after_secs` (0: right away).
    WrongPassphrase {
        retry_after_secs: i64,
    },

    /// Too many wrong instructor passphrases in a row: tries are not checked
    /// for `retry_after_secs` more seconds.
    TooManyTries {
        retry_after_secs: i64,
    },

    /// Something only an instructor may do was asked while instructor mode is locked.
    InstructorLocked,

    /// A package holds a course with the built-in course's id, which is
    /// reserved: the built-in copy would silently replace it at the next start.
    ReservedCourseId {
        id: String,
    },

    /// A course package was refused as unsafe or unreadable before anything
    /// was installed (an entry outside the course, a link, too large, not a zip …).
    PackageRefused {
        file: String,
        reason: String,
    },

    /// A class invitation file is not one, or `field` is missing or wrong
    /// (empty: not an invitation at all: not JSON, or too large).
    InvitationInvalid {
        file: String,
        field: String,
    },

    /// A class invitation would send over plain http to another computer.
    InvitationInsecure {
        endpoint: String,
    },

    /// A class invitation is for a course that is not installed.
    ClassCourseNotInstalled {
        course: String,
    },

    /// A pseudonym is empty or longer than `max` characters.
    PseudonymInvalid {
        max: usize,
    },

    /// The learner is not in a class of this course.
    NotInClass,

    /// An instructor's class name is empty, longer than `max` characters or
    /// holds a control character.
    ClassNameInvalid {
        max: usize,
    },
    /// A class's address is not an http(s) address without a credential,
    /// query or fragment; `field` is `endpoint` (the LRS) or `homePage`.
    ClassAddressInvalid {
        field: &'static str,
        address: String,
    },
    /// A class's LRS would be reached over plain http on another computer.
    ClassEndpointInsecure {
        endpoint: String,
    },
    /// A class's credential is empty, too long, holds a control character,
    /// or (a user name) a colon; `credential` is `read` (the instructor's)
    /// or `write` (the learners'), `field` is `username` or `password`.
    ClassCredentialInvalid {
        credential: &'static str,
        field: &'static str,
    },
    /// A class was asked for a course that is not installed.
    ClassCourseUnknown {
        course: String,
    },
    /// A learner the instructor removed from the class: their results file
    /// is not imported again.
    ClassLearnerRemoved {
        name: String,
    },
    /// A file offered as a results file is larger than one can be; it was not read.
    ResultsFileTooLarge {
        file: String,
        bytes: u64,
    },
    /// A results file of another course than the class's.
    ResultsOtherCourse {
        file: String,
        course: String,
        expected: String,
    },
    /// The figures of a results file do not agree with each other (edited by
    /// hand, most likely). `problem` names which: `score`, `share`, `passed`,
    /// `questions`, `grade`, `best`, `time`, `duplicate`, `run` or `name`;
    /// `module` and `item` (an attempt or run id) say where, when they can.
    ResultsInconsistent {
        file: String,
        module: String,
        item: String,
        problem: &'static str,
    },

    /// A profile's name is empty.
    ProfileNameMissing,

    /// A profile's name is longer than `max` characters.
    ProfileNameTooLong {
        max: usize,
    },

    /// A PIN is not `min` to `max` characters, or starts or ends with a space.
    PinInvalid {
        min: usize,
        max: usize,
    },

    /// The instructor passphrase is shorter than `min` characters.
    PassphraseTooShort {
        min: usize,
    },

    /// The instructor passphrase is longer than `max` characters.
    PassphraseTooLong {
        max: usize,
    },

    /// A new course's id is not a slug.
    CourseIdInvalid {
        id: String,
    },
    /// A new course was asked for without a language.
    NoCourseLanguage,
    /// A language code that is not one like `sv` or `en`.
    LanguageCodeInvalid {
        lang: String,
    },
    /// A new course has no title in one of its languages.
    TitleMissing {
        lang: String,
    },
    /// A folder that must be new, or empty, is taken; nothing was changed.
    FolderTaken {
        path: String,
        /// What the folder was wanted for: `rename` (a module folder a save
        /// moves to), `newCourse` or `unpack`.
        purpose: &'static str,
    },
    /// The editor's course has a problem that stops a save (its first is told).
    NotSavedYet {
        problem: String,
    },
    /// Writing a course file would make it larger than the loader reads
    /// ([`MAX_FILE_BYTES`](crate::content::layout::MAX_FILE_BYTES)); nothing was written.
    FileTooLarge {
        path: String,
        bytes: u64,
        /// What to do instead: `split` (a save) or `gift` (a GIFT import).
        remedy: &'static str,
    },
    /// An id or folder name that cannot be one file name.
    NotAFileName {
        /// Which name: `moduleFolder`, `language`, `lessonId` or `scenarioId`.
        what: &'static str,
        name: String,
    },
    /// A folder without course.toml where a course folder was expected.
    NotACourseFolder {
        path: String,
    },
    /// A folder without module.toml where a module folder was expected.
    NotAModuleFolder {
        path: String,
    },
    /// A text file to import that is not UTF-8.
    NotUtf8 {
        path: String,
    },
    /// A competency the course does not declare.
    UnknownCompetency {
        competency: String,
        /// The competencies the course has, comma-separated.
        known: String,
    },
    /// A GIFT import without languages and without a course.toml to take them from.
    NoImportLanguage,
    /// The quiz.toml to import into cannot be read as TOML.
    QuizFileBroken {
        path: String,
        detail: String,
    },
    /// A course folder has more files than a package holds.
    PackageTooManyFiles {
        count: usize,
        max: usize,
    },
    /// A file of a course folder is larger than a packaged file may be.
    PackageFileTooLarge {
        name: String,
        /// Sizes as written, e.g. `4.2 MiB`.
        size: String,
        max: String,
    },
    /// A course folder holds more than a package may.
    PackageTooLarge {
        /// Sizes as written, e.g. `120.0 MiB`.
        size: String,
        max: String,
    },
    /// A file name that is not valid Unicode.
    NameNotUnicode {
        path: String,
    },
    /// A symbolic link in a course folder being packed.
    SymlinkInCourse {
        name: String,
    },
    /// A file given as a results file is not one.
    NotAResultsFile {
        /// Why, as the JSON reader says; empty: it has no `format` field.
        detail: String,
    },
    /// A results file of another format (a newer app's).
    ResultsFormatUnknown {
        format: String,
        expected: &'static str,
    },
    /// A results file that does not read as one.
    ResultsFileDamaged {
        detail: String,
    },
    /// A results file whose dates span more than a course can, so it is not checked.
    ResultsSpanTooLong {
        max_days: i64,
    },
    /// A results file (JSON or CSV) could not be made; `detail` is the writer's reason.
    ResultsNotWritten {
        detail: String,
    },
    /// The certificate PDF could not be made; `detail` is the reason.
    CertificateNotMade {
        detail: String,
    },
    /// The class report PDF could not be made; `detail` is the reason.
    ClassReportNotMade {
        detail: String,
    },
    /// A certificate code that is not 16 hex digits.
    NotAVerificationCode {
        code: String,
    },
    /// A choice in a role-play run that has reached an ending.
    RunEnded {
        scenario: String,
        node: String,
    },
    /// A choice the role-play's current node does not offer.
    NotAChoice {
        choice: String,
        node: String,
        scenario: String,
    },
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
            Error::InvitationInvalid { .. } => ErrorKind::InvitationInvalid,
            Error::InvitationInsecure { .. } => ErrorKind::InvitationInsecure,
            Error::ClassCourseNotInstalled { .. } => ErrorKind::ClassCourseNotInstalled,
            Error::PseudonymInvalid { .. } => ErrorKind::PseudonymInvalid,
            Error::NotInClass => ErrorKind::NotInClass,
            Error::ClassNameInvalid { .. } => ErrorKind::ClassNameInvalid,
            Error::ClassAddressInvalid { .. } => ErrorKind::ClassAddressInvalid,
            Error::ClassEndpointInsecure { .. } => ErrorKind::ClassEndpointInsecure,
            Error::ClassCredentialInvalid { .. } => ErrorKind::ClassCredentialInvalid,
            Error::ClassCourseUnknown { .. } => ErrorKind::ClassCourseUnknown,
            Error::ClassLearnerRemoved { .. } => ErrorKind::ClassLearnerRemoved,
            Error::ResultsFileTooLarge { .. } => ErrorKind::ResultsFileTooLarge,
            Error::ResultsOtherCourse { .. } => ErrorKind::ResultsOtherCourse,
            Error::ResultsInconsistent { .. } => ErrorKind::ResultsInconsistent,
            Error::CourseIdInvalid { .. } => ErrorKind::CourseIdInvalid,
            Error::NoCourseLanguage => ErrorKind::NoCourseLanguage,
            Error::LanguageCodeInvalid { .. } => ErrorKind::LanguageCodeInvalid,
            Error::TitleMissing { .. } => ErrorKind::TitleMissing,
            Error::FolderTaken { .. } => ErrorKind::FolderTaken,
            Error::NotSavedYet { .. } => ErrorKind::NotSavedYet,
            Error::FileTooLarge { .. } => ErrorKind::FileTooLarge,
            Error::NotAFileName { .. } => ErrorKind::NotAFileName,
            Error::NotACourseFolder { .. } => ErrorKind::NotACourseFolder,
            Error::NotAModuleFolder { .. } => ErrorKind::NotAModuleFolder,
            Error::NotUtf8 { .. } => ErrorKind::NotUtf8,
            Error::UnknownCompetency { .. } => ErrorKind::UnknownCompetency,
            Error::NoImportLanguage => ErrorKind::NoImportLanguage,
            Error::QuizFileBroken { .. } => ErrorKind::QuizFileBroken,
            Error::PackageTooManyFiles { .. } => ErrorKind::PackageTooManyFiles,
            Error::PackageFileTooLarge { .. } => ErrorKind::PackageFileTooLarge,
            Error::PackageTooLarge { .. } => ErrorKind::PackageTooLarge,
            Error::NameNotUnicode { .. } => ErrorKind::NameNotUnicode,
            Error::SymlinkInCourse { .. } => ErrorKind::SymlinkInCourse,
            Error::NotAResultsFile { .. } => ErrorKind::NotAResultsFile,
            Error::ResultsFormatUnknown { .. } => ErrorKind::ResultsFormatUnknown,
            Error::ResultsFileDamaged { .. } => ErrorKind::ResultsFileDamaged,
            Error::ResultsSpanTooLong { .. } => ErrorKind::ResultsSpanTooLong,
            Error::ResultsNotWritten { .. } => ErrorKind::ResultsNotWritten,
            Error::CertificateNotMade { .. } => ErrorKind::CertificateNotMade,
            Error::ClassReportNotMade { .. } => ErrorKind::ClassReportNotMade,
            Error::NotAVerificationCode { .. } => ErrorKind::NotAVerificationCode,
            Error::RunEnded { .. } => ErrorKind::RunEnded,
            Error::ProfileNameMissing => ErrorKind::ProfileNameMissing,
            Error::ProfileNameTooLong { .. } => ErrorKind::ProfileNameTooLong,
            Error::PinInvalid { .. } => ErrorKind::PinInvalid,
            Error::PassphraseTooShort { .. } => ErrorKind::PassphraseTooShort,
            Error::PassphraseTooLong { .. } => ErrorKind::PassphraseTooLong,
            Error::NotAChoice { .. } => ErrorKind::NotAChoice,
        }
    }

    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().display().to_string(),
            source,
        }
    }

    /// The catalogue message of this error (`errors-<Kind>`) and the values
    /// of its placeholders, named as in the catalogue.
    pub fn message_args(&self) -> (&'static str, MessageArgs) {
        fn text(s: impl ToString) -> i18n::MessageArg {
            i18n::MessageArg::Text(s.to_string())
        }
        match self {
            Error::NotFound { what, id } => (
                "errors-NotFound",
                vec![("what", text(what)), ("id", text(id))],
            ),
            Error::InvalidContent(problems) => (
                "errors-InvalidContent",
                vec![
                    ("count", problems.len().into()),
                    ("problems", text(Diagnostic::join(problems))),
                ],
            ),
            Error::Invalid(reason) => ("errors-Invalid", vec![("reason", text(reason))]),
            Error::WrongAnswerShape { question, reason } => (
                "errors-WrongAnswerShape",
                vec![("question", text(question)), ("reason", text(reason))],
            ),
            Error::Io { path, source } => (
                "errors-Io",
                vec![("path", text(path)), ("source", text(source))],
            ),
            // Told as damage in kind() when it is; the words stay a database error's.
            Error::Db(e) => ("errors-Db", vec![("detail", text(e))]),
            Error::CorruptDatabase { path, detail } => (
                "errors-CorruptDatabase",
                vec![("path", text(path)), ("detail", text(detail))],
            ),
            Error::DatabaseTooNew { path } => ("errors-DatabaseTooNew", vec![("path", text(path))]),
            Error::DataFolderInUse { dir } => ("errors-DataFolderInUse", vec![("dir", text(dir))]),
            Error::NoBackup { dir } => ("errors-NoBackup", vec![("dir", text(dir))]),
            Error::NotSignedIn => ("errors-NotSignedIn", vec![]),
            Error::WrongPin => ("errors-WrongPin", vec![]),
            Error::PinOnHold { retry_after_secs } => (
                "errors-PinOnHold",
                vec![("retryAfterSecs", (*retry_after_secs).into())],
            ),
            Error::ProfileExists { name } => ("errors-ProfileExists", vec![("name", text(name))]),
            Error::AttemptClosed { attempt } => {
                ("errors-AttemptClosed", vec![("attempt", (*attempt).into())])
            }
            Error::QuestionNotInModule { question, module } => (
                "errors-QuestionNotInModule",
                vec![("question", text(question)), ("module", text(module))],
            ),
            Error::AlreadyAnswered { question } => {
                ("errors-AlreadyAnswered", vec![("question", text(question))])
            }
            Error::AttemptNotSubmitted { attempt } => (
                "errors-AttemptNotSubmitted",
                vec![("attempt", (*attempt).into())],
            ),
            Error::RunNotFinished { run } => {
                ("errors-RunNotFinished", vec![("run", (*run).into())])
            }
            Error::CourseNotPassed { course, missing } => (
                "errors-CourseNotPassed",
                vec![("course", text(course)), ("missing", text(missing))],
            ),
            // No wait is told as none (the catalogue selects on 0).
            Error::WrongPassphrase { retry_after_secs } => (
                "errors-WrongPassphrase",
                vec![("retryAfterSecs", (*retry_after_secs).max(0).into())],
            ),
            Error::TooManyTries { retry_after_secs } => (
                "errors-TooManyTries",
                vec![("retryAfterSecs", (*retry_after_secs).into())],
            ),
            Error::InstructorLocked => ("errors-InstructorLocked", vec![]),
            Error::ReservedCourseId { id } => ("errors-ReservedCourseId", vec![("id", text(id))]),
            Error::PackageRefused { file, reason } => (
                "errors-PackageRefused",
                vec![("file", text(file)), ("reason", text(reason))],
            ),
            Error::InvitationInvalid { file, field } => (
                "errors-InvitationInvalid",
                vec![
                    ("file", text(file)),
                    ("field", text(if field.is_empty() { "none" } else { field })),
                ],
            ),
            Error::InvitationInsecure { endpoint } => (
                "errors-InvitationInsecure",
                vec![("endpoint", text(endpoint))],
            ),
            Error::ClassCourseNotInstalled { course } => (
                "errors-ClassCourseNotInstalled",
                vec![("course", text(course))],
            ),
            Error::PseudonymInvalid { max } => {
                ("errors-PseudonymInvalid", vec![("max", (*max).into())])
            }
            Error::NotInClass => ("errors-NotInClass", vec![]),
            Error::ClassNameInvalid { max } => {
                ("errors-ClassNameInvalid", vec![("max", (*max).into())])
            }
            Error::ClassAddressInvalid { field, address } => (
                "errors-ClassAddressInvalid",
                vec![("field", text(field)), ("address", text(address))],
            ),
            Error::ClassEndpointInsecure { endpoint } => (
                "errors-ClassEndpointInsecure",
                vec![("endpoint", text(endpoint))],
            ),
            Error::ClassCredentialInvalid { credential, field } => (
                "errors-ClassCredentialInvalid",
                vec![
                    ("credential", text(credential)),
                    ("field", text(field)),
                    ("max", crate::xapi::invitation::MAX_FIELD_CHARS.into()),
                ],
            ),
            Error::ClassCourseUnknown { course } => {
                ("errors-ClassCourseUnknown", vec![("course", text(course))])
            }
            Error::ClassLearnerRemoved { name } => {
                ("errors-ClassLearnerRemoved", vec![("name", text(name))])
            }
            Error::ResultsFileTooLarge { file, bytes } => {
                #[allow(clippy::cast_precision_loss)]
                let mib = *bytes as f64 / f64::from(1u32 << 20);
                (
                    "errors-ResultsFileTooLarge",
                    vec![
                        ("file", text(file)),
                        ("size", text(format!("{mib:.1}"))),
                        (
                            "max",
                            (crate::class_view::results_files::MAX_RESULTS_FILE_BYTES >> 20).into(),
                        ),
                    ],
                )
            }
            Error::ResultsOtherCourse {
                file,
                course,
                expected,
            } => (
                "errors-ResultsOtherCourse",
                vec![
                    ("file", text(file)),
                    ("course", text(course)),
                    ("expected", text(expected)),
                ],
            ),
            Error::ResultsInconsistent {
                file,
                module,
                item,
                problem,
            } => (
                "errors-ResultsInconsistent",
                vec![
                    ("file", text(file)),
                    ("module", text(module)),
                    ("item", text(item)),
                    ("problem", text(problem)),
                ],
            ),
            Error::CourseIdInvalid { id } => ("errors-CourseIdInvalid", vec![("id", text(id))]),
            Error::NoCourseLanguage => ("errors-NoCourseLanguage", vec![]),
            Error::LanguageCodeInvalid { lang } => {
                ("errors-LanguageCodeInvalid", vec![("lang", text(lang))])
            }
            Error::TitleMissing { lang } => ("errors-TitleMissing", vec![("lang", text(lang))]),
            Error::FolderTaken { path, purpose } => (
                "errors-FolderTaken",
                vec![("path", text(path)), ("purpose", text(purpose))],
            ),
            Error::NotSavedYet { problem } => {
                ("errors-NotSavedYet", vec![("problem", text(problem))])
            }
            Error::NotAFileName { what, name } => (
                "errors-NotAFileName",
                vec![("what", text(what)), ("name", text(name))],
            ),
            Error::NotACourseFolder { path } => {
                ("errors-NotACourseFolder", vec![("path", text(path))])
            }
            Error::NotAModuleFolder { path } => {
                ("errors-NotAModuleFolder", vec![("path", text(path))])
            }
            Error::NotUtf8 { path } => ("errors-NotUtf8", vec![("path", text(path))]),
            Error::UnknownCompetency { competency, known } => (
                "errors-UnknownCompetency",
                vec![("competency", text(competency)), ("known", text(known))],
            ),
            Error::NoImportLanguage => ("errors-NoImportLanguage", vec![]),
            Error::QuizFileBroken { path, detail } => (
                "errors-QuizFileBroken",
                vec![("path", text(path)), ("detail", text(detail))],
            ),
            Error::PackageTooManyFiles { count, max } => (
                "errors-PackageTooManyFiles",
                vec![("count", (*count).into()), ("max", (*max).into())],
            ),
            Error::PackageFileTooLarge { name, size, max } => (
                "errors-PackageFileTooLarge",
                vec![
                    ("name", text(name)),
                    ("size", text(size)),
                    ("max", text(max)),
                ],
            ),
            Error::PackageTooLarge { size, max } => (
                "errors-PackageTooLarge",
                vec![("size", text(size)), ("max", text(max))],
            ),
            Error::NameNotUnicode { path } => ("errors-NameNotUnicode", vec![("path", text(path))]),
            Error::SymlinkInCourse { name } => {
                ("errors-SymlinkInCourse", vec![("name", text(name))])
            }
            Error::ResultsFormatUnknown { format, expected } => (
                "errors-ResultsFormatUnknown",
                vec![("format", text(format)), ("expected", text(expected))],
            ),
            Error::ResultsFileDamaged { detail } => {
                ("errors-ResultsFileDamaged", vec![("detail", text(detail))])
            }
            Error::ResultsSpanTooLong { max_days } => (
                "errors-ResultsSpanTooLong",
                vec![("maxDays", (*max_days).into())],
            ),
            Error::ResultsNotWritten { detail } => {
                ("errors-ResultsNotWritten", vec![("detail", text(detail))])
            }
            Error::CertificateNotMade { detail } => {
                ("errors-CertificateNotMade", vec![("detail", text(detail))])
            }
            Error::ClassReportNotMade { detail } => {
                ("errors-ClassReportNotMade", vec![("detail", text(detail))])
            }
            Error::NotAVerificationCode { code } => {
                ("errors-NotAVerificationCode", vec![("code", text(code))])
            }
            Error::ProfileNameMissing => ("errors-ProfileNameMissing", vec![]),
            Error::ProfileNameTooLong { max } => {
                ("errors-ProfileNameTooLong", vec![("max", (*max).into())])
            }
            Error::PinInvalid { min, max } => (
                "errors-PinInvalid",
                vec![("min", (*min).into()), ("max", (*max).into())],
            ),
            Error::PassphraseTooShort { min } => {
                ("errors-PassphraseTooShort", vec![("min", (*min).into())])
            }
            Error::PassphraseTooLong { max } => {
                ("errors-PassphraseTooLong", vec![("max", (*max).into())])
            }
            Error::RunEnded { scenario, node } => (
                "errors-RunEnded",
                vec![("scenario", text(scenario)), ("node", text(node))],
            ),
            Error::NotAChoice {
                choice,
                node,
                scenario,
            } => (
                "errors-NotAChoice",
                vec![
                    ("choice", text(choice)),
                    ("node", text(node)),
                    ("scenario", text(scenario)),
                ],
            ),
            Error::FileTooLarge {
                path,
                bytes,
                remedy,
            } => {
                #[allow(clippy::cast_precision_loss)]
                let mib = *bytes as f64 / f64::from(1u32 << 20);
                (
                    "errors-FileTooLarge",
                    vec![
                        ("path", text(path)),
                        ("size", text(format!("{mib:.1}"))),
                        ("max", (crate::content::layout::MAX_FILE_BYTES >> 20).into()),
                        ("remedy", text(remedy)),
                    ],
                )
            }
            Error::NotAResultsFile { detail } => (
                "errors-NotAResultsFile",
                vec![(
                    "detail",
                    text(if detail.is_empty() { "none" } else { detail }),
                )],
            ),
        }
    }

    /// The full sentence in `lang` (the catalogue's `.detail`), with this
    /// error's parameters.
    pub fn message(&self, lang: &str) -> String {
        let (id, mut args) = self.message_args();
        if let Error::InvalidContent(problems) = self {
            // The course's problems are said in `lang` too.
            let lines: Vec<String> = problems.iter().map(|p| p.line_in(lang)).collect();
            for (name, value) in &mut args {
                if *name == "problems" {
                    *value = lines.join("\n").into();
                }
            }
        }
        i18n::tr(lang, &format!("{id}.detail"), &args)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(i18n::FALLBACK))
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
    InvitationInvalid,
    InvitationInsecure,
    ClassCourseNotInstalled,
    PseudonymInvalid,
    NotInClass,
    ClassNameInvalid,
    ClassAddressInvalid,
    ClassEndpointInsecure,
    ClassCredentialInvalid,
    ClassCourseUnknown,
    ClassLearnerRemoved,
    ResultsFileTooLarge,
    ResultsOtherCourse,
    ResultsInconsistent,
    CourseIdInvalid,
    NoCourseLanguage,
    LanguageCodeInvalid,
    TitleMissing,
    FolderTaken,
    NotSavedYet,
    FileTooLarge,
    NotAFileName,
    NotACourseFolder,
    NotAModuleFolder,
    NotUtf8,
    UnknownCompetency,
    NoImportLanguage,
    QuizFileBroken,
    PackageTooManyFiles,
    PackageFileTooLarge,
    PackageTooLarge,
    NameNotUnicode,
    SymlinkInCourse,
    NotAResultsFile,
    ResultsFormatUnknown,
    ResultsFileDamaged,
    ResultsSpanTooLong,
    ResultsNotWritten,
    CertificateNotMade,
    ClassReportNotMade,
    NotAVerificationCode,
    RunEnded,
    ProfileNameMissing,
    ProfileNameTooLong,
    PinInvalid,
    PassphraseTooShort,
    PassphraseTooLong,
    NotAChoice,
}

/// Anki-style `.or_not_found(id)` for look-ups.
pub trait OrNotFound<T> {
    fn or_not_found(self, what: &'static str, id: impl ToString) -> Result<T>;
}

impl<T> OrNotFound<T> for Option<T> {
    fn or_not_found(self, what: &'static str, id: impl ToString) -> Result<T> {
        self.ok_or_else(|| Error::NotFound {
            what,
            id: id.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::messages;
    use crate::i18n::message;

    fn sqlite(code: std::ffi::c_int) -> Error {
        Error::Db(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            None,
        ))
    }

    /// One error of every variant with the English sentence it had before the
    /// sentences moved to the catalogue (the CLI and tests read them).
    fn every_variant() -> Vec<(Error, &'static str)> {
        let io = || std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        vec![
            (
                Error::NotFound {
                    what: "module",
                    id: "m9".into(),
                },
                "module \"m9\" was not found",
            ),
            (
                Error::InvalidContent(vec![
                    Diagnostic::new("a.toml", 1, 2, message!(messages::EMPTY_MODULE)),
                    Diagnostic::file("b.md", message!(messages::FILE_MISSING)),
                ]),
                "the course has 2 problem(s):\na.toml:1:2: the module has no lessons, questions or scenarios\nb.md:0:0: this file is missing",
            ),
            (
                Error::Invalid("choose at least one language".into()),
                "choose at least one language",
            ),
            (
                Error::WrongAnswerShape {
                    question: "q1".into(),
                    reason: "an option twice".into(),
                },
                "the answer to question \"q1\" has the wrong shape: an option twice",
            ),
            (Error::io("/x/y", io()), "file error at /x/y: no such file"),
            (
                sqlite(rusqlite::ffi::SQLITE_BUSY),
                "database error: Error code 5: database is locked",
            ),
            (
                Error::CorruptDatabase {
                    path: "/d/p.db".into(),
                    detail: "page 3".into(),
                },
                "The progress database is damaged and cannot be used (page 3). Your earlier progress can be \
                 brought back by restoring the latest backup. File: /d/p.db",
            ),
            (
                Error::DatabaseTooNew {
                    path: "/d/p.db".into(),
                },
                "The progress database was made by a newer version of Värdskap. Update the app to open it. File: /d/p.db",
            ),
            (
                Error::DataFolderInUse { dir: "/d".into() },
                "Värdskap is already open with this data folder. Use the window that is open, or close it first. Folder: /d",
            ),
            (
                Error::NoBackup { dir: "/d".into() },
                "There is no usable backup of the progress database in /d.",
            ),
            (Error::NotSignedIn, "Choose a profile first."),
            (Error::WrongPin, "That PIN is not right. Try again."),
            (
                Error::PinOnHold {
                    retry_after_secs: 30,
                },
                "Too many wrong PINs in a row. Wait 30 seconds and try again.",
            ),
            (
                Error::ProfileExists { name: "Ann".into() },
                "There is already a profile called \"Ann\". Choose another name.",
            ),
            (
                Error::AttemptClosed { attempt: 4 },
                "This attempt has already been submitted, so its answers cannot be changed.",
            ),
            (
                Error::QuestionNotInModule {
                    question: "q".into(),
                    module: "m".into(),
                },
                "The question \"q\" is not part of the module \"m\".",
            ),
            (
                Error::AlreadyAnswered {
                    question: "q".into(),
                },
                "The question \"q\" has already been answered in this attempt.",
            ),
            (
                Error::AttemptNotSubmitted { attempt: 4 },
                "This attempt has not been submitted yet, so its answers and the right answers cannot be shown.",
            ),
            (
                Error::RunNotFinished { run: 2 },
                "This scenario run has not reached an ending yet, so there is nothing to look back on.",
            ),
            (
                Error::CourseNotPassed {
                    course: "Möten".into(),
                    missing: "m1, m2".into(),
                },
                "There is no certificate yet: \"Möten\" is not passed. Pass every module first (still to pass: m1, m2).",
            ),
            (
                Error::WrongPassphrase {
                    retry_after_secs: 0,
                },
                "That passphrase is not right. Try again.",
            ),
            (
                Error::WrongPassphrase {
                    retry_after_secs: 1,
                },
                "That passphrase is not right. Try again in 1 seconds.",
            ),
            (
                Error::TooManyTries {
                    retry_after_secs: 60,
                },
                "Too many wrong passphrases in a row. Wait 60 seconds and try again.",
            ),
            (
                Error::InstructorLocked,
                "Only an instructor can do this. Unlock instructor mode with the passphrase first.",
            ),
            (
                Error::ReservedCourseId {
                    id: "vardskap".into(),
                },
                "This package's course has the id \"vardskap\", which is reserved for the built-in course, so it \
                 was not imported. Give the course another id in course.toml and pack it again.",
            ),
            (
                Error::PackageRefused {
                    file: "x.vdsk".into(),
                    reason: "not a zip".into(),
                },
                "x.vdsk was not opened: not a zip",
            ),
            (
                Error::CourseIdInvalid { id: "Hej".into() },
                "the course id `Hej` cannot be used: use lower-case letters a-z, digits and `-`",
            ),
            (
                Error::NoCourseLanguage,
                "Choose at least one language for the course.",
            ),
            (
                Error::LanguageCodeInvalid { lang: "Sv".into() },
                "`Sv` is not a language code like sv or en",
            ),
            (
                Error::TitleMissing { lang: "en".into() },
                "the course needs a title in `en`",
            ),
            (
                Error::FolderTaken {
                    path: "/c/m".into(),
                    purpose: "rename",
                },
                "the folder /c/m already exists: rename or remove it first",
            ),
            (
                Error::FolderTaken {
                    path: "/c".into(),
                    purpose: "newCourse",
                },
                "the folder /c already exists and is not empty: choose another id or folder",
            ),
            (
                Error::FolderTaken {
                    path: "/c".into(),
                    purpose: "unpack",
                },
                "/c already exists; choose a new folder to open the package into",
            ),
            (
                Error::NotSavedYet {
                    problem: "two modules are called m".into(),
                },
                "the course cannot be saved yet: two modules are called m",
            ),
            (
                Error::FileTooLarge {
                    path: "modules/01-m/quiz.toml".into(),
                    bytes: 5 << 20,
                    remedy: "split",
                },
                "modules/01-m/quiz.toml would be 5.0 MiB, larger than the 4 MiB a course file may be, so \
                 the course would no longer open; nothing was written. Split it: fewer questions or \
                 shorter lessons per module.",
            ),
            (
                Error::FileTooLarge {
                    path: "quiz.toml".into(),
                    bytes: (9 << 20) / 2,
                    remedy: "gift",
                },
                "quiz.toml would be 4.5 MiB, larger than the 4 MiB a course file may be, so the course \
                 would no longer open; nothing was written. Import the GIFT file in parts, into more \
                 than one module.",
            ),
            (
                Error::NotAFileName {
                    what: "lessonId",
                    name: "a/b".into(),
                },
                "the lesson id \"a/b\" cannot be used as a file name",
            ),
            (
                Error::NotACourseFolder { path: "/x".into() },
                "/x is not a course folder: it has no course.toml",
            ),
            (
                Error::NotAModuleFolder { path: "/x".into() },
                "/x is not a module folder: it has no module.toml",
            ),
            (
                Error::NotUtf8 {
                    path: "a.gift".into(),
                },
                "a.gift is not UTF-8 text; save it as UTF-8 and import again",
            ),
            (
                Error::UnknownCompetency {
                    competency: "nope".into(),
                    known: "welcome, local".into(),
                },
                "the course has no competency \"nope\" (it has: welcome, local)",
            ),
            (
                Error::NoImportLanguage,
                "No languages were given, and there is no course.toml above the module to take them from.",
            ),
            (
                Error::QuizFileBroken {
                    path: "quiz.toml".into(),
                    detail: "expected `=`".into(),
                },
                "quiz.toml: expected `=` (fix it before importing into it)",
            ),
            (
                Error::PackageTooManyFiles { count: 12, max: 10 },
                "the course has 12 files; a package holds at most 10",
            ),
            (
                Error::PackageFileTooLarge {
                    name: "media/a.png".into(),
                    size: "9.0 MiB".into(),
                    max: "8.0 MiB".into(),
                },
                "media/a.png is 9.0 MiB; a packaged file may be at most 8.0 MiB",
            ),
            (
                Error::PackageTooLarge {
                    size: "300.0 MiB".into(),
                    max: "200.0 MiB".into(),
                },
                "the course holds 300.0 MiB; a package may hold at most 200.0 MiB",
            ),
            (
                Error::NameNotUnicode {
                    path: "/c/x".into(),
                },
                "/c/x has a name that is not valid Unicode",
            ),
            (
                Error::SymlinkInCourse {
                    name: "media/link".into(),
                },
                "media/link is a symbolic link; a package holds only plain files and folders",
            ),
            (
                Error::NotAResultsFile {
                    detail: "expected value at line 1 column 1".into(),
                },
                "This is not a Värdskap results file: expected value at line 1 column 1",
            ),
            (
                Error::NotAResultsFile {
                    detail: String::new(),
                },
                "This is not a Värdskap results file: it has no \"format\" field.",
            ),
            (
                Error::ResultsFormatUnknown {
                    format: "vardskap-results/99".into(),
                    expected: "vardskap-results/1",
                },
                "This results file is in the format \"vardskap-results/99\"; this version of Värdskap \
                 reads \"vardskap-results/1\".",
            ),
            (
                Error::ResultsFileDamaged {
                    detail: "missing field `modules`".into(),
                },
                "The results file is damaged: missing field `modules`",
            ),
            (
                Error::ResultsSpanTooLong { max_days: 40_000 },
                "The results file spans more than 40000 days, more than a course can; it cannot be checked.",
            ),
            (
                Error::ResultsNotWritten {
                    detail: "out of memory".into(),
                },
                "The results could not be written: out of memory",
            ),
            (
                Error::CertificateNotMade {
                    detail: "the font could not be loaded".into(),
                },
                "The certificate PDF could not be made: the font could not be loaded",
            ),
            (
                Error::ClassReportNotMade {
                    detail: "the font could not be loaded".into(),
                },
                "The class report PDF could not be made: the font could not be loaded",
            ),
            (
                Error::NotAVerificationCode { code: "x".into() },
                "\"x\" is not a verification code: it has 16 letters and digits (0-9, A-F), like \
                 1A2B-3C4D-5E6F-7081.",
            ),
            (
                Error::RunEnded {
                    scenario: "door".into(),
                    node: "end".into(),
                },
                "scenario \"door\" is over: node \"end\" is an ending",
            ),
            (Error::ProfileNameMissing, "A profile needs a name."),
            (
                Error::ProfileNameTooLong { max: 60 },
                "A profile name can be at most 60 characters long.",
            ),
            (
                Error::PinInvalid { min: 4, max: 64 },
                "A PIN needs 4 to 64 characters, with no spaces at the start or end.",
            ),
            (
                Error::PassphraseTooShort { min: 8 },
                "The instructor passphrase needs at least 8 characters.",
            ),
            (
                Error::PassphraseTooLong { max: 200 },
                "The instructor passphrase can be at most 200 characters long.",
            ),
            (
                Error::NotAChoice {
                    choice: "help".into(),
                    node: "start".into(),
                    scenario: "door".into(),
                },
                "\"help\" is not a choice at node \"start\" of scenario \"door\"",
            ),
            (
                Error::ClassNameInvalid { max: 200 },
                "A class name must not be empty, longer than 200 characters or hold a control \
                 character.",
            ),
            (
                Error::ClassAddressInvalid {
                    field: "homePage",
                    address: "mailto:a@b".into(),
                },
                "The class's home page “mailto:a@b” is not an http or https address without a \
                 user name, password, query or fragment.",
            ),
            (
                Error::ClassEndpointInsecure {
                    endpoint: "http://lrs.example.org/".into(),
                },
                "The class's LRS address http://lrs.example.org/ is not https, and it is not on \
                 this computer.",
            ),
            (
                Error::ClassCredentialInvalid {
                    credential: "write",
                    field: "username",
                },
                "The user name of the learners' write credential is empty, longer than 2000 \
                 characters, holds a control character, or (a user name) a colon.",
            ),
            (
                Error::ClassCourseUnknown {
                    course: "nope".into(),
                },
                "The course “nope” is not installed, so no class can be made for it.",
            ),
            (
                Error::ClassLearnerRemoved {
                    name: "Åsa".into()
                },
                "“Åsa” was removed from this class; their results are not imported again.",
            ),
            (
                Error::ResultsFileTooLarge {
                    file: "huge.json".into(),
                    bytes: 100 << 20,
                },
                "huge.json is 100.0 MiB, larger than the 16 MiB a results file can be; it was \
                 not read.",
            ),
            (
                Error::ResultsOtherCourse {
                    file: "asa.json".into(),
                    course: "other".into(),
                    expected: "c".into(),
                },
                "asa.json holds results of the course “other”, not of the class's course “c”.",
            ),
            (
                Error::ResultsInconsistent {
                    file: "asa.json".into(),
                    module: "m1".into(),
                    item: "12".into(),
                    problem: "share",
                },
                "asa.json was not imported: the share of attempt 12 of “m1” is not its score \
                 divided by its maximum. It may have been edited by hand.",
            ),
        ]
    }

    #[test]
    fn the_english_sentences_come_from_the_catalogue_unchanged() {
        for (err, want) in every_variant() {
            assert_eq!(
                err.to_string(),
                want,
                "{:?} keeps its English sentence",
                err.kind()
            );
        }
    }

    #[test]
    fn every_error_has_its_sentences_in_every_language() {
        for (err, english) in every_variant() {
            let (id, _) = err.message_args();
            for &(lang, _) in i18n::CATALOGUES {
                let detail = err.message(lang);
                assert!(
                    !detail.contains('{') && !detail.contains(id),
                    "{lang}: {id}.detail is filled: {detail}"
                );
                if lang != "en" && !matches!(err, Error::Invalid(_) | Error::PackageRefused { .. })
                {
                    assert_ne!(detail, english, "{lang}: {id}.detail is translated");
                }
            }
            // Every kind the UI can receive has its own sentence there, except
            // course problems, whose lines are shown as they are.
            if err.kind() != ErrorKind::InvalidContent {
                let kind_id = format!("errors-{:?}", err.kind());
                assert_ne!(
                    i18n::tr("sv", &kind_id, &[]),
                    kind_id,
                    "the app has words for {kind_id}"
                );
            }
        }
    }

    #[test]
    fn damage_found_mid_session_is_a_corrupt_database() {
        assert_eq!(
            sqlite(rusqlite::ffi::SQLITE_CORRUPT).kind(),
            ErrorKind::CorruptDatabase,
            "a corrupt page read while the app runs is told as damage"
        );
        assert_eq!(
            sqlite(rusqlite::ffi::SQLITE_NOTADB).kind(),
            ErrorKind::CorruptDatabase,
            "so is a file that stopped being a database"
        );
        assert_eq!(
            sqlite(rusqlite::ffi::SQLITE_BUSY).kind(),
            ErrorKind::Db,
            "other database errors stay plain database errors"
        );
    }
}
