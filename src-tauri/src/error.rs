//! The one conversion of core errors to what the UI receives: `{ kind, message }`.

use serde::Serialize;

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(tag = "kind", content = "message")]
#[ts(export)]
pub enum CommandError {
    NotFound(String),
    InvalidContent(String),
    Invalid(String),
    Io(String),
    Db(String),
}

impl From<vardskap_core::Error> for CommandError {
    fn from(err: vardskap_core::Error) -> Self {
        use vardskap_core::Error as E;
        let message = err.to_string();
        match err {
            E::NotFound { .. } => CommandError::NotFound(message),
            E::InvalidContent(_) => CommandError::InvalidContent(message),
            E::Invalid(_) => CommandError::Invalid(message),
            E::Io { .. } => CommandError::Io(message),
            E::Db(_) => CommandError::Db(message),
        }
    }
}
