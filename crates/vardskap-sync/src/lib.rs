//! Sends xAPI 1.0.3 statements from an outbox to a Learning Record Store (LRS).
//!
//! The app keeps every statement it makes in an outbox (its SQLite store) and
//! implements [`Outbox`] over it. This crate takes batches from the outbox,
//! POSTs them to the class's LRS ([`send_batch`]), and tells the outbox what
//! became of each statement ([`Outbox::record`]). [`sync_once`] drains the
//! outbox once; [`Syncer`] does so in the background, when told that a
//! statement was added ([`Syncer::notify`]) and again after a failure, with an
//! exponential [`Backoff`].
//!
//! Nothing is lost and nothing is stored twice: a statement leaves the outbox
//! only when the LRS has confirmed it (or refused that statement alone), and a
//! statement sent again is sent byte for byte as before, so the LRS sees the
//! same statement (same id, same content) and stores it once.
//!
//! The other way, [`pull_statements`] reads a class's statements from its LRS
//! for the instructor, page by page, within [`PullLimits`], with a `since`
//! for the next pull that never loses a statement (see its module's
//! documentation).
//!
//! With the `testing` feature, [`testing`] starts a real LRS for tests.

mod backoff;
mod pull;
mod send;
mod store;
mod sync;
#[cfg(feature = "testing")]
pub mod testing;

pub use backoff::Backoff;
pub use pull::{PullError, PullLimit, PullLimits, PullRequest, Pulled, pull_statements};
pub use reqwest::Client;
pub use send::{
    ClientOptions, MAX_BATCH, MAX_REASON_CHARS, MAX_REPLY_BYTES, MAX_REQUEST_BYTES, client,
    client_builder, send_batch, statements_url,
};
pub use store::{StoreOutbox, WithStore};
pub use sync::{Problem, SyncConfig, SyncReport, SyncStatus, Syncer, sync_once};

use std::fmt;

/// Where a class's statements go.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Target {
    /// The xAPI base URL, e.g. `http://127.0.0.1:8100/xAPI/`. Statements are
    /// POSTed to this URL joined with `statements` (a missing final `/` is
    /// added first).
    pub endpoint: String,
    /// The Basic-auth user name.
    pub username: String,
    /// The Basic-auth password.
    pub password: String,
}

/// Shows the endpoint and user but never the password.
impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Target")
            .field("endpoint", &self.endpoint)
            .field("username", &self.username)
            .field("password", &"<hidden>")
            .finish()
    }
}

/// One stored statement: `key` is the outbox row, `body` the statement's JSON
/// exactly as stored; it is sent byte for byte (never re-serialized), so a
/// resend is identical.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    /// The outbox row.
    pub key: i64,
    /// The statement's JSON, as stored. It should carry its `id` and
    /// `timestamp`: the LRS then recognises a resend as the same statement.
    pub body: String,
}

/// What became of one statement of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemOutcome {
    /// The LRS has it (stored now, or already stored identically).
    Sent,
    /// LRS 409: a different statement with this id exists. The statement is
    /// set aside and reported; the reason is the LRS's reply, shortened.
    Conflict(String),
    /// The LRS refused this statement alone (400, 413, 422): the reason is the
    /// status and the start of the LRS's reply.
    Quarantined(String),
}

/// What became of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BatchOutcome {
    /// Each listed statement's fate, in the order sent. When a failure stopped
    /// a batch that had been split after part of it was confirmed, only the
    /// confirmed part is listed; the rest stays waiting.
    Done(Vec<(i64, ItemOutcome)>),
    /// 401/403: the credential was refused. Stop sending to this target until
    /// it changes.
    Refused {
        /// The HTTP status.
        status: u16,
    },
    /// The LRS could not be reached or did not answer usefully (5xx, 408,
    /// 429, a redirect, another 4xx about the endpoint rather than the
    /// statements, timeout, no network, malformed reply): retry later with
    /// backoff; the outbox is untouched.
    Unreachable {
        /// A short sentence for a log or a status line.
        reason: String,
    },
}

/// The app's store of statements waiting to be sent.
///
/// Implemented by the app's store; blocking, quick calls. [`sync_once`] and
/// [`Syncer`] never hold a lock on it across a network request. It is also
/// implemented for `Arc<Mutex<O>>`, locking for each call, so an outbox shared
/// with the app (`Arc<Mutex<dyn Outbox + Send>>`) can be handed to a
/// [`Syncer`].
pub trait Outbox {
    /// The next batch of waiting statements for one target (at most `max`),
    /// oldest first; None when nothing waits that may be sent.
    fn next_batch(&mut self, max: usize) -> Result<Option<(Target, Vec<Pending>)>, String>;
    /// Records what happened to a batch (Done: per item; Refused/Unreachable:
    /// for the whole target).
    fn record(&mut self, target: &Target, outcome: &BatchOutcome) -> Result<(), String>;
}

impl<O: Outbox + ?Sized> Outbox for std::sync::Arc<std::sync::Mutex<O>> {
    fn next_batch(&mut self, max: usize) -> Result<Option<(Target, Vec<Pending>)>, String> {
        self.lock()
            .map_err(|_| "the outbox's lock is poisoned".to_owned())?
            .next_batch(max)
    }

    fn record(&mut self, target: &Target, outcome: &BatchOutcome) -> Result<(), String> {
        self.lock()
            .map_err(|_| "the outbox's lock is poisoned".to_owned())?
            .record(target, outcome)
    }
}
