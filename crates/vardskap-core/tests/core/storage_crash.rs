//! Crash safety: a child process (examples/crash_writer.rs) saves answers in a
//! loop and acknowledges each one on stdout after `save_answer` returned; we
//! SIGKILL it at random moments, over and over, and after every kill check
//! that each acknowledged answer is on disk and the database is intact. The
//! learner is in a class, so each submission also writes its xAPI statements:
//! after every kill the outbox holds exactly the statements of the graded
//! attempts (written in the grading's own transaction, never one without the
//! other).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OptionalExtension};
use vardskap_core::progress::NewProfile;
use vardskap_core::storage::{DB_FILE, Store};

use super::common::numeric_course;

const KILLS: usize = 200;

/// The example binary next to this test binary (`target/<profile>/examples`);
/// built on demand when the test was run without building examples.
fn writer_binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(Path::parent).unwrap();
    let bin = profile_dir
        .join("examples")
        .join(format!("crash_writer{}", std::env::consts::EXE_SUFFIX));
    if !bin.exists() {
        let status = Command::new(env!("CARGO"))
            .args(["build", "-p", "vardskap-core", "--example", "crash_writer"])
            .status()
            .unwrap();
        assert!(
            status.success(),
            "building the crash_writer example must succeed"
        );
    }
    assert!(
        bin.exists(),
        "the crash_writer example must exist at {}",
        bin.display()
    );
    bin
}

fn spawn(
    bin: &Path,
    dir: &Path,
    profile: vardskap_core::progress::ProfileId,
) -> (Child, mpsc::Receiver<String>) {
    let mut child = Command::new(bin)
        .args([dir.to_str().unwrap(), &profile.to_string(), "crash", "m"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (child, rx)
}

#[test]
fn acknowledged_answers_survive_sigkill_and_the_database_stays_intact() {
    let started = Instant::now();
    let bin = writer_binary();
    let dir = tempfile::tempdir().unwrap();
    let profile = {
        let mut store = Store::open(dir.path()).unwrap();
        store
            .install_course(&numeric_course("crash", 8), "en")
            .unwrap();
        let id = store
            .create_profile(&NewProfile {
                name: "Crash".into(),
                ..Default::default()
            })
            .unwrap()
            .id;
        let invitation = vardskap_core::xapi::ClassInvitation::parse(
            br#"{"format":"vardskap-class","version":1,"class":{"id":"c","name":"C"},
                "course":{"id":"crash","version":"1"},
                "lrs":{"endpoint":"http://127.0.0.1:9/xAPI/","username":"u","password":"p"}}"#,
            "crash.vdsk-class",
        )
        .unwrap();
        store
            .join_class(
                id,
                &invitation,
                &vardskap_core::xapi::ActorName::ProfileName,
            )
            .unwrap();
        id
    };
    let mut rng = fastrand::Rng::with_seed(0x5eed);
    // Highest acknowledged value per (attempt, question), over all children.
    let mut acked: HashMap<(i64, String), f64> = HashMap::new();
    let mut total_acks = 0usize;
    let mut max_graded = 0i64;

    for kill in 0..KILLS {
        let (mut child, rx) = spawn(&bin, dir.path(), profile);
        // Wait until the child is writing, let it acknowledge a random number
        // of answers more, then kill it a random moment later. The kill point
        // is drawn from the child's progress, not from the clock alone: an
        // attempt is submitted after its 24th answer, and a window of
        // milliseconds after the first answer saw no attempt submitted at all
        // when the disk was busy (every commit waits for its sync).
        let first = rx.recv_timeout(Duration::from_secs(20));
        assert!(
            first.is_ok(),
            "child {kill} must start acknowledging answers (did it fail? see stderr)"
        );
        let mut lines: Vec<String> = first.into_iter().collect();
        let more = rng.usize(0..36);
        while lines.len() <= more {
            match rx.recv_timeout(Duration::from_secs(20)) {
                Ok(line) => lines.push(line),
                Err(_) => break,
            }
        }
        std::thread::sleep(Duration::from_micros(rng.u64(0..3_000)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        for line in lines.into_iter().chain(rx.iter()) {
            let parts: Vec<&str> = line.split(' ').collect();
            let ["ack", attempt, question, value, _round] = parts.as_slice() else {
                panic!("unexpected line from the child: {line:?}");
            };
            let key = (attempt.parse::<i64>().unwrap(), question.to_string());
            let value: f64 = value.parse().unwrap();
            let slot = acked.entry(key).or_insert(value);
            *slot = slot.max(value);
            total_acks += 1;
        }

        let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "integrity_check must pass after kill {kill}");
        let mut stmt = conn
            .prepare_cached("SELECT answer FROM answers WHERE attempt_id = ?1 AND question_id = ?2")
            .unwrap();
        for ((attempt, question), want) in &acked {
            let stored: Option<String> = stmt
                .query_row(rusqlite::params![attempt, question], |r| r.get(0))
                .optional()
                .unwrap();
            let stored = stored.unwrap_or_else(|| {
                panic!("acknowledged answer {attempt}/{question} is missing after kill {kill}")
            });
            let value: serde_json::Value = serde_json::from_str(&stored).unwrap();
            let got = value["value"].as_f64().unwrap();
            assert!(
                got >= *want,
                "after kill {kill}, {attempt}/{question} holds {got}, older than the acknowledged {want}"
            );
        }
        // The outbox matches the graded attempts exactly: per attempt, one
        // `answered` per answered question, `passed` or `failed`, `completed`.
        let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        let graded = count("SELECT COUNT(*) FROM attempts WHERE state = 'graded'");
        let graded_answers = count(
            "SELECT COUNT(*) FROM answers a JOIN attempts t ON t.id = a.attempt_id WHERE t.state = 'graded'",
        );
        assert_eq!(
            count("SELECT COUNT(*) FROM outbox WHERE verb = 'completed'"),
            graded,
            "after kill {kill}: one completed statement per graded attempt"
        );
        assert_eq!(
            count("SELECT COUNT(*) FROM outbox WHERE verb IN ('passed', 'failed')"),
            graded,
            "after kill {kill}: one result statement per graded attempt"
        );
        assert_eq!(
            count("SELECT COUNT(*) FROM outbox WHERE verb = 'answered'"),
            graded_answers,
            "after kill {kill}: one answered statement per graded answer"
        );
        max_graded = max_graded.max(graded);
    }
    assert!(
        max_graded > 0,
        "some attempts must have been graded (and told) between the kills"
    );
    assert!(
        total_acks > KILLS,
        "the children must have acknowledged answers ({total_acks})"
    );
    // The store still opens (quick_check, migrations) and resumes after all that.
    let store = Store::open(dir.path()).unwrap();
    assert!(
        store.integrity_ok().unwrap(),
        "the store must pass integrity_check at the end"
    );
    eprintln!(
        "crash test: {KILLS} kills, {total_acks} acknowledged saves, {:.1?}",
        started.elapsed()
    );
}
