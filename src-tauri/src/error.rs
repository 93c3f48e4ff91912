//! The one conversion of core errors to what the UI receives: `{ kind, message }`.

use serde::Serialize;
use vardskap_core::ErrorKind;

/// An error as the UI sees it: `kind` to branch on, `message` to show.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CommandError {
    pub kind: ErrorKind,
    /// A sentence for the user.
    pub message: String,
    /// For a refused passphrase: how long until the next try is checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub retry_after_secs: Option<i64>,
}

impl CommandError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        CommandError { kind, message: message.into(), retry_after_secs: None }
    }
}

impl From<vardskap_core::Error> for CommandError {
    fn from(err: vardskap_core::Error) -> Self {
        use vardskap_core::Error as E;
        let retry_after_secs = match &err {
            E::WrongPassphrase { retry_after_secs }
            | E::TooManyTries { retry_after_secs }
            | E::PinOnHold { retry_after_secs } => {
                Some(*retry_after_secs)
            }
            _ => None,
        };
        CommandError { kind: err.kind(), message: err.to_string(), retry_after_secs }
    }
}
