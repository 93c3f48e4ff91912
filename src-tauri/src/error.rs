//! The one conversion of core errors to what the UI receives:
//! `{ kind, message, params }`.

use std::collections::BTreeMap;

use serde::Serialize;
use vardskap_core::ErrorKind;
use vardskap_core::i18n::MessageArg;

/// An error as the UI sees it: `kind` to branch on; the UI says it with the
/// catalogue's `errors-<kind>` message filled from `params`. `message` is the
/// core's full sentence in English, for details and logs.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CommandError {
    pub kind: ErrorKind,
    /// The full sentence, in English.
    pub message: String,
    /// The error's parameters, named as the catalogue's placeholders (left
    /// out when there are none).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub params: Option<BTreeMap<String, MessageArg>>,
    /// For a refused passphrase: how long until the next try is checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub retry_after_secs: Option<i64>,
}

impl CommandError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        CommandError {
            kind,
            message: message.into(),
            params: None,
            retry_after_secs: None,
        }
    }
}

impl From<vardskap_core::Error> for CommandError {
    fn from(err: vardskap_core::Error) -> Self {
        use vardskap_core::Error as E;
        let retry_after_secs = match &err {
            E::WrongPassphrase { retry_after_secs }
            | E::TooManyTries { retry_after_secs }
            | E::PinOnHold { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        let (_, args) = err.message_args();
        let params = (!args.is_empty()).then(|| {
            args.into_iter()
                .map(|(name, arg)| (name.to_string(), arg))
                .collect()
        });
        CommandError {
            kind: err.kind(),
            message: err.to_string(),
            params,
            retry_after_secs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_reaches_the_ui_with_its_kind_and_parameters() {
        let err = CommandError::from(vardskap_core::Error::ProfileExists { name: "Ann".into() });
        let json = serde_json::to_value(&err).expect("a CommandError serialises");
        assert_eq!(json["kind"], "ProfileExists", "the UI branches on the kind");
        assert_eq!(
            json["params"]["name"], "Ann",
            "the catalogue's {{ $name }} is filled from params"
        );
        assert_eq!(
            json["message"], "There is already a profile called \"Ann\". Choose another name.",
            "the full English sentence stays for details"
        );
        let wait = serde_json::to_value(CommandError::from(vardskap_core::Error::TooManyTries {
            retry_after_secs: 5,
        }))
        .expect("serialises");
        assert_eq!(
            wait["params"]["retryAfterSecs"], 5,
            "numbers stay numbers, for plural forms"
        );
        let plain = serde_json::to_value(CommandError::from(vardskap_core::Error::WrongPin))
            .expect("serialises");
        assert!(
            plain.get("params").is_none(),
            "an error without parameters sends none"
        );
    }
}
