//! Instructor mode: one passphrase (kept only as an argon2id hash) that opens
//! what learners may not do, such as importing and exporting course packages.
//! Wrong tries in a row make the next try wait longer; the wait is stored.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use serde::Serialize;

use super::profile::pin_matches;
use crate::storage::{Store, Timestamp, instructor};
use crate::{Error, Result};

/// Whether instructor mode is set up and whether tries are on hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InstructorStatus {
    pub passphrase_set: bool,
    /// No try is checked before this time (Unix seconds), if it is still ahead.
    pub locked_until: Option<Timestamp>,
    /// Seconds from now until the next try is checked; 0 when one may try now.
    pub retry_after_secs: i64,
}

pub const MIN_PASSPHRASE: usize = 8;
const MAX_PASSPHRASE: usize = 256;
/// The longest wait after wrong tries, in seconds.
pub const MAX_WAIT_SECS: i64 = 300;

/// Seconds left before the next try is checked. The stored time follows the
/// wall clock, so it is bounded by the wait that `failures` earn: moving the
/// clock back a day must not make anyone wait a day.
pub(crate) fn seconds_left(locked_until: Option<Timestamp>, failures: i64, now: Timestamp) -> i64 {
    locked_until.map_or(0, |until| {
        until.saturating_sub(now).clamp(0, wait_after(failures))
    })
}

/// The wait after `failures` wrong tries in a row: none for the first two
/// (typos happen), then 2, 4, 8 … seconds up to [`MAX_WAIT_SECS`].
pub fn wait_after(failures: i64) -> i64 {
    if failures <= 2 {
        return 0;
    }
    let doublings = u32::try_from(failures - 2).unwrap_or(u32::MAX).min(16);
    (1_i64 << doublings).min(MAX_WAIT_SECS)
}

fn hash_passphrase(passphrase: &str) -> Result<String> {
    let n = passphrase.chars().count();
    if n < MIN_PASSPHRASE {
        return Err(Error::Invalid(format!(
            "The instructor passphrase needs at least {MIN_PASSPHRASE} characters."
        )));
    }
    if n > MAX_PASSPHRASE {
        return Err(Error::Invalid(format!(
            "The instructor passphrase can be at most {MAX_PASSPHRASE} characters long."
        )));
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(passphrase.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Invalid(format!("The passphrase could not be stored: {e}")))
}

impl Store {
    pub fn instructor_status(&self) -> Result<InstructorStatus> {
        let row = instructor::get(&self.conn)?;
        let now = self.now();
        let left = seconds_left(row.locked_until, row.failures, now);
        Ok(InstructorStatus {
            passphrase_set: row.passphrase_hash.is_some(),
            locked_until: (left > 0).then(|| now.saturating_add(left)),
            retry_after_secs: left,
        })
    }

    /// Sets the instructor passphrase the first time (`current` is not
    /// needed), or changes it (`current` must be the passphrase now in force,
    /// checked like [`Store::unlock_instructor`]).
    pub fn set_instructor_passphrase(&mut self, new: &str, current: Option<&str>) -> Result<()> {
        if instructor::get(&self.conn)?.passphrase_hash.is_some() {
            self.unlock_instructor(current.unwrap_or_default())?;
        }
        let hash = hash_passphrase(new)?;
        let now = self.now();
        self.transact(|tx| instructor::set_hash(tx, &hash, now))
    }

    /// Checks the instructor passphrase. During the wait after wrong tries a
    /// try is refused with the seconds left, without looking at the hash.
    pub fn unlock_instructor(&mut self, passphrase: &str) -> Result<()> {
        let now = self.now();
        let row = instructor::get(&self.conn)?;
        let Some(hash) = row.passphrase_hash else {
            return Err(Error::Invalid(
                "No instructor passphrase is set yet. Set one first.".into(),
            ));
        };
        let left = seconds_left(row.locked_until, row.failures, now);
        if left > 0 {
            return Err(Error::TooManyTries {
                retry_after_secs: left,
            });
        }
        if pin_matches(&hash, passphrase) {
            if row.failures != 0 || row.locked_until.is_some() {
                self.transact(|tx| instructor::set_failures(tx, 0, None, now))?;
            }
            return Ok(());
        }
        let failures = row.failures.saturating_add(1);
        let wait = wait_after(failures);
        let until = (wait > 0).then(|| now.saturating_add(wait));
        self.transact(|tx| instructor::set_failures(tx, failures, until, now))?;
        Err(Error::WrongPassphrase {
            retry_after_secs: wait,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::storage::StoreOptions;
    use crate::storage::testing::open_temp;

    const RIGHT: &str = "värdskap rocks";

    fn wrong_wait(store: &mut Store) -> i64 {
        match store.unlock_instructor("not the one") {
            Err(Error::WrongPassphrase { retry_after_secs }) => retry_after_secs,
            other => panic!("a wrong passphrase must be WrongPassphrase, got {other:?}"),
        }
    }

    #[test]
    fn the_wait_grows_and_stops_at_five_minutes() {
        let waits: Vec<i64> = (1..=12).map(wait_after).collect();
        assert_eq!(
            waits,
            [0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300],
            "two free tries, then doubling up to 300 s"
        );
        assert_eq!(
            wait_after(i64::MAX),
            MAX_WAIT_SECS,
            "huge counts must not overflow"
        );
    }

    #[test]
    fn passphrase_is_set_hashed_and_checked() {
        let (_dir, mut store, _) = open_temp();
        assert!(
            !store.instructor_status().unwrap().passphrase_set,
            "a new store has no instructor passphrase"
        );
        assert!(
            matches!(store.unlock_instructor(RIGHT), Err(Error::Invalid(_))),
            "unlocking before a passphrase is set must be refused"
        );
        let short = store
            .set_instructor_passphrase("1234567", None)
            .unwrap_err();
        assert!(
            short.to_string().contains("at least 8 characters"),
            "a short passphrase must be refused with a clear sentence: {short}"
        );
        store.set_instructor_passphrase(RIGHT, None).unwrap();
        let status = store.instructor_status().unwrap();
        assert_eq!(
            status,
            InstructorStatus {
                passphrase_set: true,
                locked_until: None,
                retry_after_secs: 0
            },
            "after setting, the passphrase is set and nothing waits"
        );
        let stored: String = store
            .conn
            .query_row("SELECT passphrase_hash FROM instructor", [], |r| r.get(0))
            .unwrap();
        assert!(
            stored.starts_with("$argon2id$"),
            "the passphrase must be an argon2id hash"
        );
        assert!(
            !stored.contains(RIGHT),
            "the passphrase itself must never be stored"
        );
        store.unlock_instructor(RIGHT).unwrap();
        assert_eq!(wrong_wait(&mut store), 0, "the first wrong try has no wait");
    }

    #[test]
    fn changing_the_passphrase_needs_the_current_one() {
        let (_dir, mut store, _) = open_temp();
        store.set_instructor_passphrase(RIGHT, None).unwrap();
        assert!(
            matches!(
                store.set_instructor_passphrase("a new passphrase", None),
                Err(Error::WrongPassphrase { .. })
            ),
            "a set passphrase must not be replaced without the current one"
        );
        store
            .set_instructor_passphrase("a new passphrase", Some(RIGHT))
            .unwrap();
        assert!(
            store.unlock_instructor(RIGHT).is_err(),
            "the old passphrase must stop working"
        );
        store.unlock_instructor("a new passphrase").unwrap();
    }

    #[test]
    fn wrong_tries_wait_longer_and_tries_during_the_wait_are_not_checked() {
        let (_dir, mut store, clock) = open_temp();
        store.set_instructor_passphrase(RIGHT, None).unwrap();
        assert_eq!(wrong_wait(&mut store), 0, "first wrong try: no wait");
        assert_eq!(wrong_wait(&mut store), 0, "second wrong try: no wait");
        assert_eq!(wrong_wait(&mut store), 2, "third wrong try: 2 s");
        clock.advance(1);
        assert!(
            matches!(
                store.unlock_instructor(RIGHT),
                Err(Error::TooManyTries {
                    retry_after_secs: 1
                })
            ),
            "even the right passphrase is refused during the wait, with the seconds left"
        );
        assert_eq!(
            store.instructor_status().unwrap().retry_after_secs,
            1,
            "the status tells the seconds left"
        );
        clock.advance(1);
        assert_eq!(wrong_wait(&mut store), 4, "fourth wrong try: 4 s");
        clock.advance(4);
        store.unlock_instructor(RIGHT).unwrap();
        assert_eq!(
            store.instructor_status().unwrap().locked_until,
            None,
            "the right passphrase clears the wait"
        );
        assert_eq!(
            wrong_wait(&mut store),
            0,
            "after a right one the count starts over"
        );
    }

    #[test]
    fn moving_the_clock_back_never_makes_the_wait_longer_than_earned() {
        let (_dir, mut store, clock) = open_temp();
        store.set_instructor_passphrase(RIGHT, None).unwrap();
        for _ in 0..3 {
            let _ = store.unlock_instructor("guess guess");
        }
        clock.advance(-86_400);
        let status = store.instructor_status().unwrap();
        assert_eq!(
            status.retry_after_secs, 2,
            "a clock set back a day leaves the earned 2 s wait, not a day's"
        );
        assert!(
            matches!(
                store.unlock_instructor(RIGHT),
                Err(Error::TooManyTries { retry_after_secs: 2 })
            ),
            "the try is refused for the earned wait only"
        );
    }

    #[test]
    fn a_restart_does_not_reset_the_wait() {
        let (dir, mut store, clock) = open_temp();
        store.set_instructor_passphrase(RIGHT, None).unwrap();
        for _ in 0..5 {
            let _ = store.unlock_instructor("guess guess");
            clock.advance(MAX_WAIT_SECS);
        }
        clock.advance(-MAX_WAIT_SECS);
        drop(store);
        let mut store = Store::open_with(
            dir.path(),
            StoreOptions {
                keep_backups: 3,
                backup_every: None,
                clock: clock.clock(),
            },
        )
        .unwrap();
        assert!(
            matches!(
                store.unlock_instructor(RIGHT),
                Err(Error::TooManyTries {
                    retry_after_secs: 8
                })
            ),
            "the wait after five wrong tries (8 s) must survive reopening the store"
        );
        clock.advance(8);
        assert_eq!(
            wrong_wait(&mut store),
            16,
            "the count of wrong tries must survive reopening too"
        );
    }
}
