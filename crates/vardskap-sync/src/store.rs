//! The outbox over the app's progress store (`vardskap-core`): each batch is
//! one class membership's oldest waiting statements, and what the LRS did is
//! written back in one transaction.

use std::collections::HashMap;

use vardskap_core::storage::Store;
use vardskap_core::xapi::{Delivery, SyncProblem};

use crate::{BatchOutcome, ItemOutcome, Outbox, Pending, Target};

/// Reaches the store for one quick call: the CLI owns its store, the app
/// reaches it through its session's lock.
pub trait WithStore {
    fn with_store<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> vardskap_core::Result<T>,
    ) -> Result<T, String>;
}

impl WithStore for Store {
    fn with_store<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> vardskap_core::Result<T>,
    ) -> Result<T, String> {
        f(self).map_err(|e| e.to_string())
    }
}

/// An [`Outbox`] over a store.
pub struct StoreOutbox<S> {
    store: S,
    /// The membership each target's last batch came from.
    memberships: HashMap<Target, i64>,
}

impl<S: WithStore> StoreOutbox<S> {
    pub fn new(store: S) -> Self {
        StoreOutbox {
            store,
            memberships: HashMap::new(),
        }
    }

    pub fn store(&mut self) -> &mut S {
        &mut self.store
    }

    fn membership(&self, target: &Target) -> Result<i64, String> {
        self.memberships
            .get(target)
            .copied()
            .ok_or_else(|| "a batch was recorded that the outbox did not give".to_owned())
    }
}

impl<S: WithStore> Outbox for StoreOutbox<S> {
    fn next_batch(&mut self, max: usize) -> Result<Option<(Target, Vec<Pending>)>, String> {
        let Some(batch) = self.store.with_store(|s| s.outbox_next_batch(max, &[]))? else {
            return Ok(None);
        };
        let target = Target {
            endpoint: batch.endpoint,
            username: batch.username,
            password: batch.password,
        };
        self.memberships.insert(target.clone(), batch.membership);
        let items = batch
            .items
            .into_iter()
            .map(|(key, body)| Pending { key, body })
            .collect();
        Ok(Some((target, items)))
    }

    fn record(&mut self, target: &Target, outcome: &BatchOutcome) -> Result<(), String> {
        let membership = self.membership(target)?;
        match outcome {
            BatchOutcome::Done(items) => {
                let done: Vec<(i64, Delivery)> = items
                    .iter()
                    .map(|(key, item)| {
                        let delivery = match item {
                            ItemOutcome::Sent => Delivery::Sent,
                            ItemOutcome::Conflict(why) => Delivery::Conflict(why.clone()),
                            ItemOutcome::Quarantined(why) => Delivery::Quarantined(why.clone()),
                        };
                        (*key, delivery)
                    })
                    .collect();
                self.store
                    .with_store(|s| s.outbox_delivered(membership, &done))
            }
            BatchOutcome::Refused { status } => self.store.with_store(|s| {
                s.outbox_failed(membership, SyncProblem::Refused, &format!("HTTP {status}"))
            }),
            BatchOutcome::Unreachable { reason } => self
                .store
                .with_store(|s| s.outbox_failed(membership, SyncProblem::Unreachable, reason)),
        }
    }
}
