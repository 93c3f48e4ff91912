//! Draining the outbox: once ([`sync_once`]) or in the background
//! ([`Syncer`]).

use std::collections::HashSet;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::Client;
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;
use tokio::time::Instant;

use crate::send::{MAX_BATCH, send_batch};
use crate::{Backoff, BatchOutcome, ItemOutcome, Outbox};

/// What one [`sync_once`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Statements the LRS confirmed.
    pub sent: usize,
    /// Statements set aside because the LRS holds a different statement with
    /// the same id.
    pub conflicts: usize,
    /// Statements set aside because the LRS refused them.
    pub quarantined: usize,
    /// Batches handed to [`send_batch`] (each one request, or more when it
    /// was split or over [`MAX_BATCH`]).
    pub batches: usize,
    /// Why the run stopped while statements may still wait; None when the
    /// outbox had nothing left that may be sent.
    pub problem: Option<Problem>,
}

/// Why a sync stopped early.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The LRS could not be reached or did not answer usefully; its
    /// statements wait.
    Unreachable {
        /// The target's endpoint.
        endpoint: String,
        /// What went wrong, in a short sentence.
        reason: String,
    },
    /// The LRS refused the credential (401/403).
    Refused {
        /// The target's endpoint.
        endpoint: String,
        /// The HTTP status.
        status: u16,
    },
    /// The outbox failed or misbehaved (an error from it, or a statement
    /// offered again after it was recorded).
    Outbox(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Unreachable { endpoint, reason } => write!(f, "{endpoint}: {reason}"),
            Problem::Refused { endpoint, status } => {
                write!(f, "{endpoint} refused the user name or password ({status})")
            }
            Problem::Outbox(reason) => write!(f, "outbox: {reason}"),
        }
    }
}

/// Sends what waits in the outbox: takes a batch of at most `batch`
/// statements (clamped to 1..=[`MAX_BATCH`]), sends it, records the outcome,
/// and again, until nothing waits that may be sent or a target is
/// unreachable or refuses the credential (then the run stops: the outbox
/// keeps the statements and the caller retries later, see [`Backoff`]).
///
/// The outbox is called between requests, never during one. A statement that
/// the outbox offers again after it was recorded in this run stops the run
/// with [`Problem::Outbox`] (instead of looping).
pub async fn sync_once<O: Outbox + ?Sized>(
    client: &Client,
    outbox: &mut O,
    batch: usize,
) -> SyncReport {
    let batch = batch.clamp(1, MAX_BATCH);
    let mut report = SyncReport::default();
    let mut recorded: HashSet<i64> = HashSet::new();
    loop {
        let (target, items) = match outbox.next_batch(batch) {
            Ok(Some((target, items))) if !items.is_empty() => (target, items),
            Ok(_) => return report,
            Err(e) => {
                report.problem = Some(Problem::Outbox(e));
                return report;
            }
        };
        if let Some(again) = items.iter().find(|p| recorded.contains(&p.key)) {
            report.problem = Some(Problem::Outbox(format!(
                "statement {} was offered again after it was recorded",
                again.key
            )));
            return report;
        }
        let outcome = send_batch(client, &target, &items).await;
        report.batches += 1;
        if let Err(e) = outbox.record(&target, &outcome) {
            report.problem = Some(Problem::Outbox(e));
            return report;
        }
        match outcome {
            BatchOutcome::Done(list) => {
                for (key, item) in list {
                    recorded.insert(key);
                    match item {
                        ItemOutcome::Sent => report.sent += 1,
                        ItemOutcome::Conflict(_) => report.conflicts += 1,
                        ItemOutcome::Quarantined(_) => report.quarantined += 1,
                    }
                }
                // A partly done batch (an error after a split) goes on: the
                // next request tells whether the LRS is still there.
            }
            BatchOutcome::Refused { status } => {
                report.problem = Some(Problem::Refused {
                    endpoint: target.endpoint,
                    status,
                });
                return report;
            }
            BatchOutcome::Unreachable { reason } => {
                report.problem = Some(Problem::Unreachable {
                    endpoint: target.endpoint,
                    reason,
                });
                return report;
            }
        }
    }
}

/// How the background sync runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncConfig {
    /// Statements per batch (clamped to 1..=[`MAX_BATCH`]).
    pub batch: usize,
    /// The first backoff ceiling after a failed run.
    pub backoff_base: Duration,
    /// The largest backoff ceiling.
    pub backoff_cap: Duration,
}

impl Default for SyncConfig {
    /// Batches of 100; backoff from 2 s up to 5 min.
    fn default() -> Self {
        SyncConfig {
            batch: 100,
            backoff_base: Backoff::BASE,
            backoff_cap: Backoff::CAP,
        }
    }
}

/// What the background sync is doing, for a status line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncStatus {
    /// A run is under way.
    pub syncing: bool,
    /// Runs finished so far.
    pub runs: u64,
    /// The last finished run.
    pub last: Option<SyncReport>,
    /// After a run that stopped on a problem: the wait before the next try
    /// ([`Syncer::send_now`] cuts it short).
    pub retry_in: Option<Duration>,
}

struct Shared {
    wake: Notify,
    urgent: AtomicBool,
}

/// The background sync: a task on a tokio runtime that runs [`sync_once`]
/// at start, whenever told ([`Syncer::notify`], [`Syncer::send_now`]), and
/// after a failed run when its [`Backoff`] delay is over.
///
/// The outbox is shared with the app behind a `std::sync::Mutex`, locked only
/// for each outbox call, never across a request. Dropping the `Syncer` stops
/// the task (as [`Syncer::shutdown`] does, without waiting).
pub struct Syncer {
    shared: Arc<Shared>,
    status: watch::Receiver<SyncStatus>,
    task: Option<JoinHandle<()>>,
}

impl Syncer {
    /// Starts the background sync on the current tokio runtime (panics
    /// outside one, as `tokio::spawn` does). It runs once at once.
    pub fn spawn<O>(client: Client, outbox: Arc<Mutex<O>>, config: SyncConfig) -> Syncer
    where
        O: Outbox + Send + ?Sized + 'static,
    {
        Syncer::spawn_on(&tokio::runtime::Handle::current(), client, outbox, config)
    }

    /// Starts the background sync on a given runtime, e.g. Tauri's:
    /// `Syncer::spawn_on(tauri::async_runtime::handle().inner(), …)`.
    pub fn spawn_on<O>(
        runtime: &tokio::runtime::Handle,
        client: Client,
        outbox: Arc<Mutex<O>>,
        config: SyncConfig,
    ) -> Syncer
    where
        O: Outbox + Send + ?Sized + 'static,
    {
        let shared = Arc::new(Shared {
            wake: Notify::new(),
            urgent: AtomicBool::new(false),
        });
        let (tx, rx) = watch::channel(SyncStatus::default());
        let task = runtime.spawn(run(client, outbox, config, shared.clone(), tx));
        Syncer {
            shared,
            status: rx,
            task: Some(task),
        }
    }

    /// A statement was added: sync soon. While backing off after a failure,
    /// this waits for the backoff delay (so a busy class does not hammer an
    /// LRS that is down); the new statement goes with the next try.
    pub fn notify(&self) {
        self.shared.wake.notify_one();
    }

    /// "Send now": sync at once, even while backing off.
    pub fn send_now(&self) {
        self.shared.urgent.store(true, Ordering::SeqCst);
        self.shared.wake.notify_one();
    }

    /// What the sync is doing now.
    pub fn status(&self) -> SyncStatus {
        self.status.borrow().clone()
    }

    /// A receiver that sees each change of [`SyncStatus`].
    pub fn subscribe(&self) -> watch::Receiver<SyncStatus> {
        self.status.clone()
    }

    /// Stops the background sync and waits until it has stopped. A request
    /// under way is abandoned: its statements stay in the outbox (the outbox
    /// is only changed after a reply), and if the LRS stored them, it
    /// recognises them when they are sent again.
    pub async fn shutdown(mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
    }
}

impl Drop for Syncer {
    fn drop(&mut self) {
        if let Some(task) = &self.task {
            task.abort();
        }
    }
}

async fn run<O>(
    client: Client,
    mut outbox: Arc<Mutex<O>>,
    config: SyncConfig,
    shared: Arc<Shared>,
    status: watch::Sender<SyncStatus>,
) where
    O: Outbox + Send + ?Sized + 'static,
{
    let mut backoff = Backoff::new(config.backoff_base, config.backoff_cap);
    loop {
        shared.urgent.store(false, Ordering::SeqCst);
        status.send_modify(|s| s.syncing = true);
        let report = sync_once(&client, &mut outbox, config.batch).await;
        let retry = if report.problem.is_some() {
            Some(backoff.next_delay())
        } else {
            backoff.reset();
            None
        };
        status.send_modify(|s| {
            s.syncing = false;
            s.runs += 1;
            s.last = Some(report);
            s.retry_in = retry;
        });
        match retry {
            None => shared.wake.notified().await,
            Some(delay) => {
                let deadline = Instant::now() + delay;
                loop {
                    tokio::select! {
                        () = tokio::time::sleep_until(deadline) => break,
                        () = shared.wake.notified() => {
                            if shared.urgent.load(Ordering::SeqCst) {
                                break;
                            }
                        }
                    }
                }
            }
        }
    }
}
