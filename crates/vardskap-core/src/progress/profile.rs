//! Learner profiles: a name, an optional PIN (kept only as an argon2id hash),
//! and the learner's language and theme preferences.

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use serde::{Deserialize, Serialize};

use super::ProfileId;
use crate::error::OrNotFound;
use crate::storage::instructor::Lock;
use crate::storage::{Store, Timestamp, profiles};
use crate::{Error, Result};

/// The colour theme a learner chose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Theme {
    /// Follow the operating system.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub(crate) fn as_db(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// An unknown stored value falls back to the system theme rather than failing.
    pub(crate) fn from_db(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// A learner profile as the UI sees it; the PIN hash never leaves the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Profile {
    pub id: ProfileId,
    pub name: String,
    pub has_pin: bool,
    /// Preferred course language; `None` uses the course's default.
    pub language: Option<String>,
    pub theme: Theme,
    pub created_at: Timestamp,
}

/// What the UI sends to create a profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewProfile {
    pub name: String,
    pub pin: Option<String>,
    pub language: Option<String>,
    #[serde(default)]
    pub theme: Theme,
}

const MAX_NAME: usize = 60;
const MIN_PIN: usize = 4;
const MAX_PIN: usize = 64;

fn clean_name(name: &str) -> Result<String> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(Error::ProfileNameMissing);
    }
    if name.chars().count() > MAX_NAME {
        return Err(Error::ProfileNameTooLong { max: MAX_NAME });
    }
    Ok(name)
}

fn hash_pin(pin: &str) -> Result<String> {
    let n = pin.chars().count();
    if !(MIN_PIN..=MAX_PIN).contains(&n) || pin.trim() != pin {
        return Err(Error::PinInvalid {
            min: MIN_PIN,
            max: MAX_PIN,
        });
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Invalid(format!("The PIN could not be stored: {e}")))
}

/// Whether `pin` matches the stored argon2id `hash`. A stored hash that cannot
/// be parsed matches nothing.
pub(super) fn pin_matches(hash: &str, pin: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(pin.as_bytes(), &parsed)
            .is_ok()
    })
}

impl Store {
    pub fn create_profile(&mut self, new: &NewProfile) -> Result<Profile> {
        let name = clean_name(&new.name)?;
        let hash = new.pin.as_deref().map(hash_pin).transpose()?;
        let now = self.now();
        let id = self.transact(|tx| {
            profiles::insert(
                tx,
                &name,
                hash.as_deref(),
                new.language.as_deref(),
                new.theme,
                now,
            )
        })?;
        self.profile(id)
    }

    /// Every profile, by name.
    pub fn profiles(&self) -> Result<Vec<Profile>> {
        profiles::list(&self.conn)
    }

    pub fn profile(&self, id: ProfileId) -> Result<Profile> {
        profiles::get(&self.conn, id)?.or_not_found("profile", id)
    }

    /// Checks the PIN of a profile before the learner uses it. A profile
    /// without a PIN opens with any `pin` (including `None`).
    pub fn unlock_profile(&self, id: ProfileId, pin: Option<&str>) -> Result<Profile> {
        self.check_pin(id, pin)?;
        self.profile(id)
    }

    /// Checks a PIN as the instructor passphrase is checked: wrong tries in a
    /// row make the next try wait longer (stored, so a restart does not reset
    /// it, and kept on the boot clock, so setting the wall clock ahead does
    /// not end it: `instructor::seconds_left`), and during the wait no PIN is
    /// looked at.
    fn check_pin(&self, id: ProfileId, pin: Option<&str>) -> Result<()> {
        let (hash, failures, lock) =
            profiles::pin_state(&self.conn, id)?.or_not_found("profile", id)?;
        let Some(hash) = hash else {
            return Ok(());
        };
        let now = self.now();
        let boot = self.boot_now();
        let left = super::instructor::seconds_left(&lock, failures, now, boot.as_ref());
        if left > 0 {
            return Err(Error::PinOnHold {
                retry_after_secs: left,
            });
        }
        if pin.is_some_and(|p| pin_matches(&hash, p)) {
            if failures != 0 || lock.is_set() {
                profiles::set_pin_failures(&self.conn, id, 0, &Lock::default())?;
            }
            return Ok(());
        }
        let failures = failures.saturating_add(1);
        let wait = super::instructor::wait_after(failures);
        let lock = super::instructor::lock_for(wait, now, boot);
        profiles::set_pin_failures(&self.conn, id, failures, &lock)?;
        Err(Error::WrongPin)
    }

    /// Sets, changes (`new: Some`) or removes (`new: None`) a profile's PIN;
    /// the current PIN is needed when there is one.
    pub fn set_profile_pin(
        &mut self,
        id: ProfileId,
        current: Option<&str>,
        new: Option<&str>,
    ) -> Result<Profile> {
        self.check_pin(id, current)?;
        let hash = new.map(hash_pin).transpose()?;
        self.transact(|tx| profiles::set_pin_hash(tx, id, hash.as_deref()))?;
        self.profile(id)
    }

    pub fn set_profile_preferences(
        &mut self,
        id: ProfileId,
        language: Option<&str>,
        theme: Theme,
    ) -> Result<Profile> {
        if !self.transact(|tx| profiles::set_preferences(tx, id, language, theme))? {
            return Err(Error::NotFound {
                what: "profile",
                id: id.to_string(),
            });
        }
        self.profile(id)
    }

    pub fn rename_profile(&mut self, id: ProfileId, name: &str) -> Result<Profile> {
        let name = clean_name(name)?;
        if !self.transact(|tx| profiles::rename(tx, id, &name))? {
            return Err(Error::NotFound {
                what: "profile",
                id: id.to_string(),
            });
        }
        self.profile(id)
    }

    /// Deletes a profile and all its progress; the PIN is needed when there is one.
    pub fn delete_profile(&mut self, id: ProfileId, pin: Option<&str>) -> Result<()> {
        self.check_pin(id, pin)?;
        self.transact(|tx| profiles::delete(tx, id))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::progress::instructor::{MAX_WAIT_SECS, wait_after};
    use crate::storage::testing::{TestBootClock, TestClock, open_temp};

    fn new(name: &str, pin: Option<&str>) -> NewProfile {
        NewProfile {
            name: name.into(),
            pin: pin.map(Into::into),
            language: Some("sv".into()),
            theme: Theme::Dark,
        }
    }

    #[test]
    fn wrong_pins_in_a_row_make_the_next_try_wait_and_the_wait_is_stored() {
        let (dir, mut store, clock) = open_temp();
        let p = store.create_profile(&new("Ada", Some("4711"))).unwrap();
        for n in 1..=2 {
            assert!(
                matches!(
                    store.unlock_profile(p.id, Some("0000")),
                    Err(Error::WrongPin)
                ),
                "wrong try {n} is refused without a wait (typos happen)"
            );
        }
        assert!(matches!(
            store.unlock_profile(p.id, Some("0001")),
            Err(Error::WrongPin)
        ));
        let held = store.unlock_profile(p.id, Some("4711")).unwrap_err();
        assert!(
            matches!(
                held,
                Error::PinOnHold {
                    retry_after_secs: 2
                }
            ),
            "after three wrong PINs even the right one waits 2 s: {held:?}"
        );
        drop(store);
        let store = Store::open_with(
            dir.path(),
            crate::storage::StoreOptions {
                keep_backups: 3,
                backup_every: None,
                clock: clock.clock(),
                boot_clock: crate::storage::no_boot_clock(),
            },
        )
        .unwrap();
        assert!(
            matches!(
                store.unlock_profile(p.id, Some("4711")),
                Err(Error::PinOnHold { .. })
            ),
            "a restart does not reset the wait"
        );
        clock.advance(-86_400);
        assert!(
            matches!(
                store.unlock_profile(p.id, Some("4711")),
                Err(Error::PinOnHold {
                    retry_after_secs: 2
                })
            ),
            "a clock set back a day leaves the earned wait"
        );
        clock.advance(86_400 + 2);
        assert_eq!(
            store.unlock_profile(p.id, Some("4711")).unwrap().name,
            "Ada",
            "after the wait the right PIN unlocks"
        );
        assert!(
            matches!(
                store.unlock_profile(p.id, Some("0000")),
                Err(Error::WrongPin)
            ),
            "the right PIN starts the count over: the next wrong one waits nothing"
        );
        let all_pins_at_full_wait = 10_000 * super::super::instructor::MAX_WAIT_SECS;
        assert!(
            all_pins_at_full_wait > 30 * 86_400,
            "guessing all 10,000 PINs takes weeks, not minutes"
        );
    }

    #[test]
    fn pin_is_hashed_with_argon2id_and_checked() {
        let (_dir, mut store, _) = open_temp();
        let p = store.create_profile(&new("Ada", Some("4711"))).unwrap();
        assert!(
            p.has_pin,
            "a profile created with a PIN must say it has one"
        );
        let stored: String = store
            .conn
            .query_row("SELECT pin_hash FROM profiles WHERE id = ?1", [p.id], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(
            stored.starts_with("$argon2id$"),
            "the PIN must be stored as an argon2id hash, got {stored}"
        );
        assert!(
            !stored.contains("4711"),
            "the PIN itself must never be stored"
        );
        assert_eq!(
            store.unlock_profile(p.id, Some("4711")).unwrap().name,
            "Ada",
            "the right PIN must unlock"
        );
        let wrong = store.unlock_profile(p.id, Some("1234")).unwrap_err();
        assert!(
            matches!(wrong, Error::WrongPin),
            "a wrong PIN must be WrongPin, got {wrong:?}"
        );
        assert!(
            matches!(store.unlock_profile(p.id, None), Err(Error::WrongPin)),
            "no PIN must not unlock a PIN profile"
        );
        assert_eq!(
            wrong.to_string(),
            "That PIN is not right. Try again.",
            "the message is what the learner reads"
        );
    }

    #[test]
    fn pin_can_be_changed_and_removed_only_with_the_current_one() {
        let (_dir, mut store, _) = open_temp();
        let p = store.create_profile(&new("Bo", Some("1111"))).unwrap();
        assert!(
            matches!(
                store.set_profile_pin(p.id, Some("0000"), None),
                Err(Error::WrongPin)
            ),
            "removing a PIN needs the current one"
        );
        store
            .set_profile_pin(p.id, Some("1111"), Some("2222"))
            .unwrap();
        assert!(
            store.unlock_profile(p.id, Some("2222")).is_ok(),
            "the new PIN must unlock"
        );
        let p = store.set_profile_pin(p.id, Some("2222"), None).unwrap();
        assert!(!p.has_pin, "a removed PIN must be gone");
        assert!(
            store.unlock_profile(p.id, None).is_ok(),
            "a profile without a PIN opens without one"
        );
    }

    #[test]
    fn deleting_a_profile_needs_its_pin_and_removes_its_progress() {
        let (_dir, mut store, _) = open_temp();
        store
            .install_course(&crate::progress::testing::course(), "en")
            .unwrap();
        let p = store.create_profile(&new("Eva", Some("9999"))).unwrap();
        let a = store.start_attempt(p.id, "c", "m1", "en").unwrap();
        store
            .save_answer(
                a.id,
                "q1",
                &crate::quiz::Answer::Single { option: "b".into() },
                "en",
            )
            .unwrap();
        assert!(
            matches!(
                store.delete_profile(p.id, Some("0000")),
                Err(Error::WrongPin)
            ),
            "deleting needs the PIN"
        );
        assert!(
            store.attempt(a.id, "en").is_ok(),
            "a refused delete keeps everything"
        );
        store.delete_profile(p.id, Some("9999")).unwrap();
        assert!(
            matches!(store.profile(p.id), Err(Error::NotFound { .. })),
            "the profile is gone"
        );
        let left: i64 = store
            .conn
            .query_row("SELECT count(*) FROM answers", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0, "its answers go with it");
    }

    #[test]
    fn names_are_unique_regardless_of_case_and_preferences_persist() {
        let (_dir, mut store, _) = open_temp();
        let p = store.create_profile(&new("  Cia  ", None)).unwrap();
        assert_eq!(p.name, "Cia", "surrounding spaces are trimmed");
        let dup = store.create_profile(&new("cia", None)).unwrap_err();
        assert!(
            matches!(dup, Error::ProfileExists { .. }),
            "a duplicate name must be ProfileExists, got {dup:?}"
        );
        assert!(
            matches!(
                store.create_profile(&new("   ", None)),
                Err(Error::ProfileNameMissing)
            ),
            "an empty name is refused"
        );
        assert!(
            matches!(
                store.create_profile(&new("Dan", Some("12"))),
                Err(Error::PinInvalid { .. })
            ),
            "a too short PIN is refused"
        );
        let p = store
            .set_profile_preferences(p.id, Some("en"), Theme::Light)
            .unwrap();
        assert_eq!(
            (p.language.as_deref(), p.theme),
            (Some("en"), Theme::Light),
            "preferences must be saved"
        );
        assert!(
            matches!(store.profile(ProfileId(999)), Err(Error::NotFound { .. })),
            "an unknown profile id is NotFound"
        );
        assert!(
            matches!(
                store.unlock_profile(ProfileId(999), None),
                Err(Error::NotFound { .. })
            ),
            "unlocking an unknown profile is NotFound"
        );
    }

    /// Ada (PIN 4711) on a boot clock at 1000 s into boot "boot-a", after
    /// five wrong PINs (both clocks moved on between them); the last earned
    /// an 8 s wait.
    fn ada_after_five_wrong_pins() -> (
        tempfile::TempDir,
        Store,
        TestClock,
        TestBootClock,
        ProfileId,
    ) {
        let (dir, mut store, clock) = open_temp();
        let boot = TestBootClock::at("boot-a", 1000.0);
        store.set_boot_clock(boot.clock());
        let p = store.create_profile(&new("Ada", Some("4711"))).unwrap();
        for n in 1..=5 {
            if n > 1 {
                clock.advance(MAX_WAIT_SECS);
                boot.advance(MAX_WAIT_SECS as f64);
            }
            assert!(
                matches!(
                    store.unlock_profile(p.id, Some("0000")),
                    Err(Error::WrongPin)
                ),
                "wrong PIN {n} is checked and refused"
            );
        }
        assert_eq!(wait_after(5), 8);
        (dir, store, clock, boot, p.id)
    }

    /// The seconds the right PIN must still wait; `None` when it unlocks.
    fn on_hold(store: &Store, id: ProfileId) -> Option<i64> {
        match store.unlock_profile(id, Some("4711")) {
            Err(Error::PinOnHold { retry_after_secs }) => Some(retry_after_secs),
            Ok(_) => None,
            other => panic!("the right PIN unlocks or waits, got {other:?}"),
        }
    }

    #[test]
    fn setting_the_wall_clock_a_day_ahead_does_not_end_a_pin_wait_within_a_boot() {
        let (_dir, store, clock, boot, ada) = ada_after_five_wrong_pins();
        clock.advance(86_400);
        assert_eq!(
            on_hold(&store, ada),
            Some(8),
            "a clock set a day ahead leaves the whole 8 s wait"
        );
        boot.advance(7.0);
        assert_eq!(
            on_hold(&store, ada),
            Some(1),
            "the boot clock counts the wait down"
        );
        boot.advance(1.0);
        assert_eq!(
            on_hold(&store, ada),
            None,
            "once the boot clock passes the wait, the right PIN unlocks"
        );
    }

    #[test]
    fn setting_the_wall_clock_a_day_back_does_not_lengthen_a_pin_wait_within_a_boot() {
        let (_dir, store, clock, boot, ada) = ada_after_five_wrong_pins();
        clock.advance(-86_400);
        assert_eq!(on_hold(&store, ada), Some(8), "the earned 8 s, not a day's");
        clock.advance(8);
        boot.advance(8.0);
        assert_eq!(
            on_hold(&store, ada),
            None,
            "8 s later the PIN is checked again, although the wall clock is still a day behind the stored end"
        );
    }

    #[test]
    fn after_a_restart_of_the_machine_a_pin_wait_follows_the_wall_clock_bounded() {
        let (dir, store, clock, boot, ada) = ada_after_five_wrong_pins();
        clock.advance(86_400);
        assert_eq!(
            on_hold(&store, ada),
            Some(8),
            "within the boot the wall clock is ignored"
        );
        // The app closes, the machine restarts with the clock two days back.
        drop(store);
        clock.advance(-2 * 86_400);
        boot.reboot("boot-b");
        let mut store = Store::open_with(
            dir.path(),
            crate::storage::StoreOptions {
                keep_backups: 3,
                backup_every: None,
                clock: clock.clock(),
                boot_clock: boot.clock(),
            },
        )
        .unwrap();
        assert_eq!(
            on_hold(&store, ada),
            Some(8),
            "the wall-clock rule, bounded: 8 s, never two days"
        );
        clock.advance(86_400 + 3);
        assert_eq!(
            on_hold(&store, ada),
            Some(5),
            "the stored wall-clock end counts down"
        );
        clock.advance(5);
        assert_eq!(
            on_hold(&store, ada),
            None,
            "and ends the wait in the new boot"
        );
        store.set_boot_clock(crate::storage::no_boot_clock());
        assert!(
            matches!(
                store.unlock_profile(ada, Some("0000")),
                Err(Error::WrongPin)
            ),
            "the right PIN started the count over"
        );
    }
}
