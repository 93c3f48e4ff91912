//! Instructor mode: one passphrase (kept only as an argon2id hash) that opens
//! what learners may not do, such as importing and exporting course packages.
//! Wrong tries in a row make the next try wait longer; the wait is stored,
//! on the wall clock and on the boot clock (see [`seconds_left`]).

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use serde::Serialize;

use super::profile::pin_matches;
use crate::storage::instructor::Lock;
use crate::storage::{BootInstant, Store, Timestamp, instructor};
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

/// Seconds left before the next try is checked, never more than the wait
/// that `failures` earn ([`wait_after`], at most [`MAX_WAIT_SECS`]).
///
/// Within the boot the wait was set in (`boot` has the stored boot id), the
/// boot clock alone decides: it does not follow the wall clock, so setting
/// the date ahead does not end a wait and setting it back does not lengthen
/// one. Without a boot clock (no `/proc`, or a wait stored before schema v7)
/// or after a restart, the stored wall-clock time decides, bounded by the
/// earned wait: a clock set back a day leaves at most that wait, never a day.
/// So only a restart *and* a clock set ahead can still end a wait early, and
/// that wait is at most [`MAX_WAIT_SECS`].
pub(crate) fn seconds_left(
    lock: &Lock,
    failures: i64,
    now: Timestamp,
    boot: Option<&BootInstant>,
) -> i64 {
    let on_boot_clock = match (&lock.boot_id, lock.until_uptime, boot) {
        (Some(id), Some(until), Some(boot)) if *id == boot.boot_id => Some(until - boot.secs),
        _ => None,
    };
    let left = match on_boot_clock {
        // Whole seconds, rounded up: 0.3 s left is still a wait. (A NaN
        // cannot come out of SQLite; `as` saturates the infinities.)
        Some(secs) => secs.ceil() as i64,
        None => lock.until.map_or(0, |until| until.saturating_sub(now)),
    };
    left.clamp(0, wait_after(failures))
}

/// The wait to store after a wrong try that earned `wait` seconds: until
/// `now + wait` on the wall clock and, when there is a boot clock, until
/// `wait` seconds after `boot` on it. No wait: nothing stored.
pub(crate) fn lock_for(wait: i64, now: Timestamp, boot: Option<BootInstant>) -> Lock {
    if wait <= 0 {
        return Lock::default();
    }
    let (boot_id, until_uptime) = match boot {
        Some(b) => (Some(b.boot_id), Some(b.secs + wait as f64)),
        None => (None, None),
    };
    Lock {
        until: Some(now.saturating_add(wait)),
        boot_id,
        until_uptime,
    }
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
        return Err(Error::PassphraseTooShort {
            min: MIN_PASSPHRASE,
        });
    }
    if n > MAX_PASSPHRASE {
        return Err(Error::PassphraseTooLong {
            max: MAX_PASSPHRASE,
        });
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
        let left = seconds_left(&row.lock, row.failures, now, self.boot_now().as_ref());
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
        let boot = self.boot_now();
        let row = instructor::get(&self.conn)?;
        let Some(hash) = row.passphrase_hash else {
            return Err(Error::Invalid(
                "No instructor passphrase is set yet. Set one first.".into(),
            ));
        };
        let left = seconds_left(&row.lock, row.failures, now, boot.as_ref());
        if left > 0 {
            return Err(Error::TooManyTries {
                retry_after_secs: left,
            });
        }
        if pin_matches(&hash, passphrase) {
            if row.failures != 0 || row.lock.is_set() {
                self.transact(|tx| instructor::set_failures(tx, 0, &Lock::default(), now))?;
            }
            return Ok(());
        }
        let failures = row.failures.saturating_add(1);
        let wait = wait_after(failures);
        let lock = lock_for(wait, now, boot);
        self.transact(|tx| instructor::set_failures(tx, failures, &lock, now))?;
        Err(Error::WrongPassphrase {
            retry_after_secs: wait,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::storage::testing::{TestBootClock, TestClock, open_temp};
    use crate::storage::{StoreOptions, no_boot_clock};

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
                Err(Error::TooManyTries {
                    retry_after_secs: 2
                })
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
                boot_clock: no_boot_clock(),
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

    /// A store on a boot clock at 1000 s into boot "boot-a", with the
    /// passphrase set and five wrong tries (both clocks moved on between
    /// them), the last of which earned an 8 s wait.
    fn five_wrong_tries_on_a_boot_clock() -> (tempfile::TempDir, Store, TestClock, TestBootClock) {
        let (dir, mut store, clock) = open_temp();
        let boot = TestBootClock::at("boot-a", 1000.0);
        store.set_boot_clock(boot.clock());
        store.set_instructor_passphrase(RIGHT, None).unwrap();
        for n in 1..=5 {
            if n > 1 {
                clock.advance(MAX_WAIT_SECS);
                boot.advance(MAX_WAIT_SECS as f64);
            }
            assert_eq!(wrong_wait(&mut store), wait_after(n), "wrong try {n}");
        }
        assert_eq!(wait_after(5), 8);
        (dir, store, clock, boot)
    }

    fn too_many_tries(store: &mut Store) -> Option<i64> {
        match store.unlock_instructor(RIGHT) {
            Err(Error::TooManyTries { retry_after_secs }) => Some(retry_after_secs),
            Ok(()) => None,
            other => panic!("the right passphrase opens or waits, got {other:?}"),
        }
    }

    #[test]
    fn setting_the_wall_clock_a_day_ahead_does_not_end_the_wait_within_a_boot() {
        let (_dir, mut store, clock, boot) = five_wrong_tries_on_a_boot_clock();
        clock.advance(86_400);
        assert_eq!(
            store.instructor_status().unwrap().retry_after_secs,
            8,
            "a clock set a day ahead leaves the whole 8 s wait"
        );
        assert_eq!(
            too_many_tries(&mut store),
            Some(8),
            "even the right passphrase waits: the boot clock has not moved"
        );
        boot.advance(7.5);
        assert_eq!(
            too_many_tries(&mut store),
            Some(1),
            "0.5 s left is still a wait (rounded up)"
        );
        boot.advance(0.5);
        assert_eq!(
            too_many_tries(&mut store),
            None,
            "once the boot clock passes the wait, the right passphrase opens"
        );
    }

    #[test]
    fn setting_the_wall_clock_a_day_back_does_not_lengthen_the_wait_within_a_boot() {
        let (_dir, mut store, clock, boot) = five_wrong_tries_on_a_boot_clock();
        clock.advance(-86_400);
        let status = store.instructor_status().unwrap();
        assert_eq!(
            status.retry_after_secs, 8,
            "a clock set back a day leaves the earned 8 s, not a day's"
        );
        assert_eq!(
            status.locked_until,
            Some(clock.now() + 8),
            "the status tells when on the (moved) wall clock the wait ends"
        );
        clock.advance(8);
        boot.advance(8.0);
        assert_eq!(
            too_many_tries(&mut store),
            None,
            "8 s later the wait is over, although the wall clock is still a day behind the stored end"
        );
    }

    #[test]
    fn after_a_restart_of_the_machine_the_wall_clock_decides_bounded_by_the_earned_wait() {
        let (_dir, mut store, clock, boot) = five_wrong_tries_on_a_boot_clock();
        clock.advance(86_400);
        assert_eq!(
            too_many_tries(&mut store),
            Some(8),
            "within the boot the wall clock is ignored"
        );
        clock.advance(-86_400 - 86_400);
        boot.reboot("boot-b");
        assert_eq!(
            store.instructor_status().unwrap().retry_after_secs,
            8,
            "after a restart with the clock a day back: the earned 8 s, never a day"
        );
        clock.advance(86_400 + 3);
        assert_eq!(
            store.instructor_status().unwrap().retry_after_secs,
            5,
            "after a restart the stored wall-clock end counts down"
        );
        clock.advance(86_400);
        assert_eq!(
            too_many_tries(&mut store),
            None,
            "a restart and a clock set ahead can still end a wait (at most 5 minutes) early"
        );
    }

    #[test]
    fn without_a_boot_clock_the_wall_clock_decides() {
        let (_dir, mut store, clock, _boot) = five_wrong_tries_on_a_boot_clock();
        store.set_boot_clock(no_boot_clock());
        assert_eq!(store.instructor_status().unwrap().retry_after_secs, 8);
        clock.advance(8);
        assert_eq!(
            too_many_tries(&mut store),
            None,
            "the wall clock alone ends the wait"
        );
    }

    #[test]
    fn the_wait_is_stored_on_both_clocks_and_cleared_by_the_right_passphrase() {
        let (_dir, mut store, clock, boot) = five_wrong_tries_on_a_boot_clock();
        let stored = instructor::get(&store.conn).unwrap();
        assert_eq!(
            stored.lock,
            Lock {
                until: Some(clock.now() + 8),
                boot_id: Some("boot-a".into()),
                until_uptime: Some(1000.0 + 4.0 * 300.0 + 8.0),
            },
            "the wall-clock end and the boot-clock end of the same wait"
        );
        boot.advance(8.0);
        store.unlock_instructor(RIGHT).unwrap();
        let cleared = instructor::get(&store.conn).unwrap();
        assert_eq!(
            (cleared.failures, cleared.lock),
            (0, Lock::default()),
            "the right passphrase clears both"
        );
    }
}
