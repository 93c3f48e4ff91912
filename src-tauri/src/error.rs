//! The one conversion of core errors to what the UI receives: `{ kind, message }`.

use serde::Serialize;
use vardskap_core::ErrorKind;

/// An error as the UI sees it: `kind` to branch on, `message` to show.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CommandError {
    pub kind: ErrorKind,
    /// A sentence for the user.
    pub message: String,
}

impl CommandError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        CommandError { kind, message: message.into() }
    }
}

impl From<vardskap_core::Error> for CommandError {
    fn from(err: vardskap_core::Error) -> Self {
        CommandError { kind: err.kind(), message: err.to_string() }
    }
}
