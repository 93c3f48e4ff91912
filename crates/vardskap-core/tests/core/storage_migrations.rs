//! Every released schema version's fixture database (tests/fixtures/db,
//! written by src/storage/fixtures.rs) migrates to the latest schema with its
//! data intact, after a backup of the old file.

use std::path::Path;
use std::sync::{Arc, Mutex};

use vardskap_core::Error;
use vardskap_core::progress::AttemptState;
use vardskap_core::quiz::Answer;
use vardskap_core::storage::{
    BootClock, BootInstant, DB_FILE, SCHEMA_VERSION, Store, StoreOptions,
};

/// A boot clock the test moves by hand, apart from the wall clock.
#[derive(Clone)]
struct HandBootClock(Arc<Mutex<BootInstant>>);

impl HandBootClock {
    fn at(boot_id: &str, secs: f64) -> Self {
        HandBootClock(Arc::new(Mutex::new(BootInstant {
            boot_id: boot_id.into(),
            secs,
        })))
    }
    fn advance(&self, secs: f64) {
        self.0.lock().unwrap().secs += secs;
    }
    fn clock(&self) -> BootClock {
        let t = Arc::clone(&self.0);
        Box::new(move || Some(t.lock().unwrap().clone()))
    }
}

fn copy_fixture(version: usize, data_dir: &Path) {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/db/v{version}.sqlite3"));
    std::fs::copy(&fixture, data_dir.join(DB_FILE)).unwrap();
}

#[test]
fn v1_fixture_migrates_to_the_latest_schema_with_data_intact() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(1, dir.path());
    let mut store = Store::open(dir.path()).unwrap();

    let version: usize = store_version(dir.path());
    assert_eq!(
        version, SCHEMA_VERSION,
        "opening must migrate the v1 fixture to the latest schema"
    );
    let backups = store.backups().unwrap();
    assert!(
        backups
            .iter()
            .any(|b| b.label == format!("before-v{SCHEMA_VERSION}")),
        "a backup must be taken before migrating, got {backups:?}"
    );
    let old = rusqlite::Connection::open(
        &backups
            .iter()
            .find(|b| b.label.starts_with("before"))
            .unwrap()
            .path,
    )
    .unwrap();
    let old_version: i64 = old
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        old_version, 1,
        "the pre-migration backup must hold the v1 database as it was"
    );

    let profiles = store.profiles().unwrap();
    let names: Vec<&str> = profiles.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ada", "Bo"], "both profiles survive");
    let ada = profiles[0].id;
    assert!(
        store.unlock_profile(ada, Some("1234")).is_ok(),
        "Ada's PIN hash survives and still verifies"
    );
    assert!(
        matches!(
            store.unlock_profile(ada, Some("0000")),
            Err(Error::WrongPin)
        ),
        "a wrong PIN still fails"
    );
    assert_eq!(
        profiles[0].language.as_deref(),
        Some("sv"),
        "preferences survive"
    );

    let results = store.course_results(ada, "c", "en").unwrap();
    let m1 = &results.modules[0];
    assert_eq!(m1.attempts, 1, "Ada's graded attempt survives");
    assert_eq!(
        m1.best.as_ref().map(|b| (b.score, b.max)),
        Some((1.0, 2.0)),
        "its score survives"
    );
    let welcome = results
        .mastery
        .iter()
        .find(|m| m.competency_id == "welcome")
        .unwrap();
    assert_eq!(
        (welcome.score, welcome.max, welcome.answers),
        (1.0, 1.0, 1),
        "the v3 migration fills the question totals from the answers already graded"
    );
    assert_eq!(
        results.modules[1].open_attempt,
        Some(vardskap_core::progress::AttemptId(2)),
        "Ada's open attempt survives"
    );

    let resumed = store.start_attempt(ada, "c", "m2", "en").unwrap();
    assert_eq!(
        (resumed.id, resumed.state),
        (vardskap_core::progress::AttemptId(2), AttemptState::Started),
        "the open attempt resumes"
    );
    assert_eq!(resumed.answers.len(), 1, "its saved answer comes back");
    assert_eq!(
        resumed.answers[0].answer,
        Answer::ShortText {
            text: "hello".into()
        },
        "with the text given"
    );
    let result = store.submit_attempt(resumed.id, "en").unwrap();
    assert_eq!(result.score, 2.0, "the old answer grades as before");

    // Tables added after v1 work on the migrated file.
    let run = store.start_scenario(ada, "c", "m2", "s1", "en").unwrap();
    store.choose_in_scenario(run.run_id, "greet", "en").unwrap();
    assert!(
        store.integrity_ok().unwrap(),
        "the migrated database passes integrity_check"
    );
}

fn store_version(dir: &Path) -> usize {
    let conn = rusqlite::Connection::open(dir.join(DB_FILE)).unwrap();
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    usize::try_from(v).unwrap()
}

/// The passphrase `src/storage/fixtures.rs` stored in the v4 fixture.
const V4_PASSPHRASE: &str = "fixture passphrase";

#[test]
fn v4_fixture_migrates_to_the_latest_schema_with_data_intact() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(4, dir.path());
    let mut store = Store::open(dir.path()).unwrap();

    assert_eq!(
        store_version(dir.path()),
        SCHEMA_VERSION,
        "opening must migrate the v4 fixture to the latest schema"
    );
    let backups = store.backups().unwrap();
    let before = backups
        .iter()
        .find(|b| b.label == format!("before-v{SCHEMA_VERSION}"));
    if SCHEMA_VERSION > 4 {
        let before =
            before.unwrap_or_else(|| panic!("a backup must precede the migration: {backups:?}"));
        let old = rusqlite::Connection::open(&before.path).unwrap();
        let old_version: i64 = old
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            old_version, 4,
            "the pre-migration backup must hold the v4 database as it was"
        );
    }

    let profiles = store.profiles().unwrap();
    let names: Vec<&str> = profiles.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ada", "Bo"], "both profiles survive");
    let (ada, bo) = (profiles[0].id, profiles[1].id);
    assert!(
        store.unlock_profile(ada, Some("1234")).is_ok(),
        "Ada's PIN hash survives and still verifies"
    );
    assert_eq!(
        (profiles[0].language.as_deref(), profiles[0].theme),
        (Some("sv"), vardskap_core::progress::Theme::Dark),
        "Ada's preferences survive"
    );

    let results = store.course_results(ada, "c", "en").unwrap();
    let m1 = &results.modules[0];
    assert_eq!(
        (m1.attempts, m1.best.as_ref().map(|b| (b.score, b.max))),
        (1, Some((1.0, 2.0))),
        "Ada's graded attempt and its score survive"
    );
    let welcome = results
        .mastery
        .iter()
        .find(|m| m.competency_id == "welcome")
        .unwrap();
    assert_eq!(
        (welcome.score, welcome.max, welcome.answers),
        (1.0, 1.0, 1),
        "the question totals the v3 trigger kept survive"
    );
    assert_eq!(
        results.modules[1].open_attempt,
        Some(vardskap_core::progress::AttemptId(2)),
        "Ada's open attempt survives"
    );
    assert_eq!(results.reviews_due, 1, "Ada's review card is still due");
    let due = store.reviews_due(ada, "en").unwrap();
    assert_eq!(
        due.iter()
            .map(|d| (d.module_id.as_str(), d.question.id.as_str()))
            .collect::<Vec<_>>(),
        [("m1", "q2")],
        "the card of the question Ada got wrong is in her review queue"
    );

    let history = store.results_history(ada, "c", "en").unwrap();
    assert_eq!(
        history
            .scenario_runs
            .iter()
            .map(|r| (r.run_id.0, r.passed))
            .collect::<Vec<_>>(),
        [(1, true)],
        "Ada's finished role-play run survives with its good ending"
    );
    let resumed = store.start_scenario(bo, "c", "m2", "s1", "en").unwrap();
    assert_eq!(
        (resumed.run_id, resumed.resumed),
        (vardskap_core::progress::ScenarioRunId(2), true),
        "Bo's unfinished run resumes"
    );

    let status = store.instructor_status().unwrap();
    assert!(status.passphrase_set, "the instructor passphrase survives");
    // Waits end on the boot clock within a boot: this test moves it by hand.
    let boot = HandBootClock::at("v4-test-boot", 100.0);
    store.set_boot_clock(boot.clock());
    assert!(
        matches!(
            store.unlock_instructor("not the passphrase"),
            Err(Error::WrongPassphrase {
                retry_after_secs: 0
            })
        ),
        "a wrong passphrase is still refused"
    );
    assert!(
        matches!(
            store.unlock_instructor("not it either"),
            Err(Error::WrongPassphrase {
                retry_after_secs: 2
            })
        ),
        "the wrong try stored in v4 still counts: this is the third in a row, which waits"
    );
    let later = i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    )
    .unwrap()
        + 60;
    store.set_clock(Box::new(move || later));
    boot.advance(60.0);
    assert!(
        store.unlock_instructor(V4_PASSPHRASE).is_ok(),
        "the stored passphrase hash still verifies"
    );

    assert_eq!(
        (
            store.chosen_course(ada).unwrap(),
            store.chosen_course(bo).unwrap()
        ),
        (None, None),
        "nobody chose a course before v5, so everyone starts on the default course"
    );
    store.choose_course(ada, "c").unwrap();
    assert_eq!(
        store.chosen_course(ada).unwrap().as_deref(),
        Some("c"),
        "a course can be chosen on the migrated file"
    );

    let attempt = store.start_attempt(ada, "c", "m2", "en").unwrap();
    assert_eq!(
        attempt.id,
        vardskap_core::progress::AttemptId(2),
        "the open attempt resumes"
    );
    let graded = store.submit_attempt(attempt.id, "en").unwrap();
    assert_eq!(graded.score, 2.0, "the old answer grades as before");
    assert!(
        store.integrity_ok().unwrap(),
        "the migrated database passes integrity_check"
    );
}

#[test]
fn v5_fixture_opens_with_each_learners_chosen_course() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(5, dir.path());
    let mut store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store_version(dir.path()),
        SCHEMA_VERSION,
        "the v5 fixture opens at the latest schema"
    );
    let profiles = store.profiles().unwrap();
    let (ada, bo) = (profiles[0].id, profiles[1].id);
    assert_eq!(
        store.chosen_course(ada).unwrap().as_deref(),
        Some("c"),
        "Ada's chosen course survives"
    );
    assert_eq!(store.chosen_course(bo).unwrap(), None, "Bo chose none");
    let results = store.course_results(ada, "c", "en").unwrap();
    assert_eq!(
        results.modules[0].best.as_ref().map(|b| (b.score, b.max)),
        Some((1.0, 2.0)),
        "the v4 progress is still there"
    );
    assert!(
        store.unlock_instructor(V4_PASSPHRASE).is_ok(),
        "the instructor passphrase still verifies"
    );
    assert!(
        store.integrity_ok().unwrap(),
        "the database passes integrity_check"
    );
}

#[test]
fn v6_fixture_keeps_a_pin_wait_that_is_bounded_by_the_tries() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(6, dir.path());
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store_version(dir.path()),
        SCHEMA_VERSION,
        "the v6 fixture opens at the latest schema"
    );
    let ada = store.profiles().unwrap()[0].id;
    // The stored wait ended at time 2000, long ago: the PIN is checked again.
    assert!(
        matches!(
            store.unlock_profile(ada, Some("0000")),
            Err(Error::WrongPin)
        ),
        "an old wait is over; a wrong PIN is just wrong"
    );
    assert!(
        matches!(
            store.unlock_profile(ada, Some("0000")),
            Err(Error::PinOnHold { .. })
        ),
        "the stored count of wrong tries goes on: the fifth try waits"
    );
    assert!(
        store.integrity_ok().unwrap(),
        "the database passes integrity_check"
    );
}

/// Unix time the v7 fixture's waits were set at (the wall clock); they end 8 s later.
const V7_SET_AT: i64 = 1_700_000_000;
/// The boot they were set in (`src/storage/fixtures.rs`), 1000 s into it.
const V7_BOOT_ID: &str = "7e57b007-0000-4000-8000-000000000007";

fn open_at(dir: &Path, wall: i64, boot: &HandBootClock) -> Store {
    Store::open_with(
        dir,
        StoreOptions {
            backup_every: None,
            clock: Box::new(move || wall),
            boot_clock: boot.clock(),
            ..Default::default()
        },
    )
    .unwrap()
}

#[test]
fn v6_fixture_migrates_to_v7_and_a_new_pin_wait_holds_when_the_clock_is_set_ahead() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(6, dir.path());
    let boot = HandBootClock::at("v6-test-boot", 50.0);
    let mut store = open_at(dir.path(), V7_SET_AT, &boot);
    assert_eq!(
        store_version(dir.path()),
        SCHEMA_VERSION,
        "the v6 fixture opens at the latest schema"
    );
    let ada = store.profiles().unwrap()[0].id;
    let stored = |dir: &Path| -> (i64, Option<i64>, Option<String>, Option<f64>) {
        let conn = rusqlite::Connection::open(dir.join(DB_FILE)).unwrap();
        conn.query_row(
            "SELECT pin_failures, pin_locked_until, pin_lock_boot_id, pin_locked_until_uptime
             FROM profiles WHERE id = ?1",
            [ada],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap()
    };
    assert_eq!(
        stored(dir.path()),
        (3, Some(2000), None, None),
        "the v6 wait is kept as it was, with no boot-clock end"
    );
    assert!(
        matches!(
            store.unlock_profile(ada, Some("0000")),
            Err(Error::WrongPin)
        ),
        "the v6 wait (wall clock, long over) needs no boot clock: the PIN is checked"
    );
    assert_eq!(
        stored(dir.path()),
        (
            4,
            Some(V7_SET_AT + 4),
            Some("v6-test-boot".into()),
            Some(54.0)
        ),
        "the fourth wrong PIN's 4 s wait is stored on both clocks"
    );
    store.set_clock(Box::new(|| V7_SET_AT + 86_400));
    assert!(
        matches!(
            store.unlock_profile(ada, Some("1234")),
            Err(Error::PinOnHold {
                retry_after_secs: 4
            })
        ),
        "a clock set a day ahead leaves the whole wait on the migrated file"
    );
    boot.advance(4.0);
    assert!(
        store.unlock_profile(ada, Some("1234")).is_ok(),
        "the boot clock ends it"
    );
    assert!(
        store.integrity_ok().unwrap(),
        "the database passes integrity_check"
    );
}

#[test]
fn v7_fixture_keeps_waits_on_the_boot_clock_they_were_set_on() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(7, dir.path());
    // The same boot, 1000 s in as when the waits were set, the clock a day ahead.
    let boot = HandBootClock::at(V7_BOOT_ID, 1000.0);
    let mut store = open_at(dir.path(), V7_SET_AT + 86_400, &boot);
    assert_eq!(
        store_version(dir.path()),
        SCHEMA_VERSION,
        "the v7 fixture opens at the latest schema"
    );
    let ada = store.profiles().unwrap()[0].id;
    assert!(
        matches!(
            store.unlock_profile(ada, Some("1234")),
            Err(Error::PinOnHold {
                retry_after_secs: 8
            })
        ),
        "Ada's stored PIN wait holds in its boot, whatever the wall clock says"
    );
    assert_eq!(
        store.instructor_status().unwrap().retry_after_secs,
        8,
        "so does the instructor's"
    );
    boot.advance(8.0);
    assert!(
        store.unlock_profile(ada, Some("1234")).is_ok(),
        "8 s on the boot clock end Ada's wait"
    );
    assert!(
        store.unlock_instructor(V4_PASSPHRASE).is_ok(),
        "and the instructor's"
    );
    drop(store);

    // Another boot: the stored wall-clock end decides, bounded by the earned 8 s.
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(7, dir.path());
    let other_boot = HandBootClock::at("another-boot", 30.0);
    let store = open_at(dir.path(), V7_SET_AT - 86_400, &other_boot);
    assert!(
        matches!(
            store.unlock_profile(ada, Some("1234")),
            Err(Error::PinOnHold {
                retry_after_secs: 8
            })
        ),
        "after a restart with the clock a day back, the earned 8 s, not a day"
    );
    drop(store);
    let mut store = open_at(dir.path(), V7_SET_AT + 8, &other_boot);
    assert!(
        store.unlock_profile(ada, Some("1234")).is_ok(),
        "after a restart the wall clock ends the wait"
    );
    assert!(
        store.unlock_instructor(V4_PASSPHRASE).is_ok(),
        "the instructor's too"
    );
    assert!(
        store.integrity_ok().unwrap(),
        "the database passes integrity_check"
    );
}
