//! Against Ralph: exactly once, conflicts, refused statements, a crash.

use std::collections::HashSet;
use std::io::Write;
use std::time::Duration;

use serde_json::Value;
use vardskap_sync::testing::{MemOutbox, Ralph, USERS, sample_statement, statement_id};
use vardskap_sync::{BatchOutcome, ItemOutcome, Pending, send_batch, sync_once};

use crate::proxy::{Fault, FaultProxy};
use crate::test_client;

fn assert_each_once(ralph: &Ralph, ids: &[String]) {
    let counts = ralph.count_by_id().unwrap();
    let twice: Vec<_> = counts.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "stored more than once: {twice:?}");
    let missing: Vec<_> = ids.iter().filter(|id| !counts.contains_key(*id)).collect();
    assert!(
        missing.is_empty(),
        "{} of {} missing, e.g. {:?}",
        missing.len(),
        ids.len(),
        missing.first()
    );
    assert_eq!(
        counts.len(),
        ids.len(),
        "statements the test did not send are stored"
    );
}

/// POSTs raw bytes as the client does, for looking at Ralph's own answer.
async fn raw_post(ralph: &Ralph, body: String) -> (u16, String) {
    let target = ralph.target();
    let reply = test_client(Duration::from_secs(30))
        .post(format!("{}statements", target.endpoint))
        .basic_auth(&target.username, Some(&target.password))
        .header("X-Experience-API-Version", "1.0.3")
        .header("Content-Type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    (reply.status().as_u16(), reply.text().await.unwrap())
}

#[tokio::test]
async fn a_batch_arrives_exactly_once_and_a_resend_stores_nothing_more() {
    let ralph = Ralph::start();
    let client = test_client(Duration::from_secs(30));
    let (mut outbox, ids) =
        MemOutbox::with_samples(ralph.target(), "0d6c1f7e-5b0a-4c2e-9a57-3f1e2d4c5b6a", 120);
    let bodies: Vec<Pending> = outbox
        .waiting
        .iter()
        .map(|(&key, body)| Pending {
            key,
            body: body.clone(),
        })
        .collect();

    let report = sync_once(&client, &mut outbox, 50).await;
    assert_eq!(report.problem, None, "{}", ralph.log());
    assert_eq!(
        (
            report.sent,
            report.conflicts,
            report.quarantined,
            report.batches
        ),
        (120, 0, 0, 3)
    );
    assert!(outbox.waiting.is_empty());
    assert_each_once(&ralph, &ids);

    // The same bytes again, in one request: Ralph says 204, all are sent,
    // nothing is stored twice.
    let joined = format!(
        "[{}]",
        bodies
            .iter()
            .map(|p| p.body.as_str())
            .collect::<Vec<_>>()
            .join(",")
    );
    assert_eq!(raw_post(&ralph, joined).await, (204, String::new()));
    match send_batch(&client, &ralph.target(), &bodies).await {
        BatchOutcome::Done(items) => {
            assert_eq!(items.len(), 120);
            assert!(items.iter().all(|(_, o)| *o == ItemOutcome::Sent));
        }
        other => panic!("{other:?}"),
    }
    assert_each_once(&ralph, &ids);

    // Old and new together: Ralph stores the new ones and answers 200 with
    // only their ids.
    let (new_id, new_body) = sample_statement("learner-2", 7);
    let mixed = format!("[{},{},{}]", bodies[0].body, new_body, bodies[1].body);
    let (status, reply) = raw_post(&ralph, mixed).await;
    assert_eq!((status, reply), (200, format!("[\"{new_id}\"]")));
    let (new_id2, new_body2) = sample_statement("learner-2", 8);
    let mixed = [
        bodies[2].clone(),
        Pending {
            key: 1000,
            body: new_body2,
        },
        bodies[3].clone(),
    ];
    match send_batch(&client, &ralph.target(), &mixed).await {
        BatchOutcome::Done(items) => assert!(items.iter().all(|(_, o)| *o == ItemOutcome::Sent)),
        other => panic!("{other:?}"),
    }
    let mut all = ids.clone();
    all.extend([new_id, new_id2]);
    assert_each_once(&ralph, &all);
}

#[tokio::test]
async fn the_second_user_sends_as_itself() {
    let ralph = Ralph::start();
    let client = test_client(Duration::from_secs(30));
    let (mut outbox, ids) = MemOutbox::with_samples(ralph.target_as(1), "learner-b", 3);
    let report = sync_once(&client, &mut outbox, 10).await;
    assert_eq!((report.sent, report.problem), (3, None));
    let stored = ralph.statements().unwrap();
    assert_eq!(stored.len(), 3);
    for statement in &stored {
        assert!(ids.contains(&statement["id"].as_str().unwrap().to_owned()));
        assert_eq!(statement["authority"]["mbox"], USERS[1].2, "{statement}");
    }
}

#[tokio::test]
async fn a_conflicting_statement_is_set_aside_and_the_other_nine_are_sent() {
    let ralph = Ralph::start();
    let client = test_client(Duration::from_secs(30));
    let (mut outbox, ids) = MemOutbox::with_samples(ralph.target(), "learner-c", 10);
    let (&key4, body4) = outbox.waiting.iter().nth(4).unwrap();
    // Another statement with the same id is already stored.
    let mut other: Value = serde_json::from_str(body4).unwrap();
    other["result"] = serde_json::json!({"success": false, "response": "o2"});
    let other = Pending {
        key: 99,
        body: other.to_string(),
    };
    assert_eq!(
        send_batch(&client, &ralph.target(), &[other]).await,
        BatchOutcome::Done(vec![(99, ItemOutcome::Sent)])
    );

    let report = sync_once(&client, &mut outbox, 10).await;
    assert_eq!(report.problem, None);
    assert_eq!(
        (report.sent, report.conflicts, report.quarantined),
        (9, 1, 0)
    );
    assert_eq!(outbox.conflicts.len(), 1);
    let (key, reason) = &outbox.conflicts[0];
    assert_eq!(*key, key4);
    assert!(
        reason.starts_with("LRS answered 409 Conflict: "),
        "{reason}"
    );
    assert!(reason.contains(&ids[4]), "{reason}");
    assert_eq!(outbox.sent.len(), 9);
    assert!(!outbox.sent.contains(&key4));
    assert_each_once(&ralph, &ids);
    // The LRS keeps the statement it had.
    let kept = ralph
        .statements()
        .unwrap()
        .into_iter()
        .find(|s| s["id"] == ids[4].as_str())
        .unwrap();
    assert_eq!(kept["result"]["response"], "o2");
}

#[tokio::test]
async fn a_malformed_statement_is_isolated_and_the_other_nine_are_sent() {
    let ralph = Ralph::start();
    let client = test_client(Duration::from_secs(30));
    let mut outbox = MemOutbox::new(ralph.target());
    let mut ids = Vec::new();
    let mut bad_key = 0;
    for n in 0..10 {
        let (id, body) = sample_statement("learner-d", n);
        if n == 6 {
            let mut v: Value = serde_json::from_str(&body).unwrap();
            v.as_object_mut().unwrap().remove("verb");
            bad_key = outbox.push(v.to_string());
        } else {
            outbox.push(body);
            ids.push(id);
        }
    }
    let report = sync_once(&client, &mut outbox, 10).await;
    assert_eq!(report.problem, None);
    assert_eq!(
        (report.sent, report.conflicts, report.quarantined),
        (9, 0, 1)
    );
    let (key, reason) = &outbox.quarantined[0];
    assert_eq!(*key, bad_key);
    assert!(
        reason.starts_with("LRS answered 422 Unprocessable Entity: "),
        "{reason}"
    );
    assert!(reason.contains("verb"), "{reason}");
    assert!(reason.chars().count() <= 260, "{reason}");
    assert_each_once(&ralph, &ids);
}

fn stored_lines(ralph: &Ralph) -> usize {
    std::fs::read(ralph.data_file())
        .map(|d| d.iter().filter(|&&b| b == b'\n').count())
        .unwrap_or(0)
}

/// Syncs in a task and SIGKILLs Ralph once the data file holds at least
/// `kill_at` statements and `then` has passed (0: at once); the sync must
/// stop on an unreachable LRS.
async fn sync_until_killed(
    ralph: &mut Ralph,
    outbox: MemOutbox,
    kill_at: usize,
    then: Duration,
) -> MemOutbox {
    let client = test_client(Duration::from_secs(30));
    let task = tokio::spawn(async move {
        let mut outbox = outbox;
        let report = sync_once(&client, &mut outbox, 50).await;
        (outbox, report)
    });
    let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
    loop {
        let lines = stored_lines(ralph);
        if lines >= kill_at {
            break;
        }
        assert!(
            !task.is_finished(),
            "the sync ended before the kill ({lines} stored)"
        );
        assert!(
            tokio::time::Instant::now() < deadline,
            "no progress: {lines} stored"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    tokio::time::sleep(then).await;
    ralph.kill();
    let (outbox, report) = task.await.unwrap();
    assert!(
        matches!(
            report.problem,
            Some(vardskap_sync::Problem::Unreachable { .. })
        ),
        "{report:?}"
    );
    eprintln!(
        "killed at {} stored, {} confirmed to the client",
        stored_lines(ralph),
        outbox.sent.len()
    );
    outbox
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_sync_and_restart_leave_every_statement_stored_once() {
    let mut ralph = Ralph::start();
    let (outbox, ids) = MemOutbox::with_samples(ralph.target(), "learner-e", 2000);

    // 1. Killed while handling a request (a batch takes Ralph tens of ms).
    let outbox = sync_until_killed(&mut ralph, outbox, 300, Duration::from_millis(15)).await;
    assert!(outbox.sent.len() < 2000 && outbox.waiting.len() + outbox.sent.len() == 2000);

    // 2. Killed half-way through writing a batch: a torn last line, the
    // start of a statement that is still waiting. lrs.py cuts it on start.
    let torn = outbox.waiting.values().next().unwrap()[..300].to_owned();
    std::fs::OpenOptions::new()
        .append(true)
        .open(ralph.data_file())
        .unwrap()
        .write_all(torn.as_bytes())
        .unwrap();
    ralph.restart().unwrap();
    assert!(
        ralph.log().contains("lrs.py: cut a torn last line"),
        "{}",
        ralph.log()
    );

    // 3. A reply lost on the way: Ralph stored the batch, the client did not
    // hear it; the resend is recognised.
    let proxy = FaultProxy::start(Fault::LoseReply(ralph.port())).await;
    let mut outbox = outbox;
    outbox.target.endpoint = proxy.endpoint();
    let before = (stored_lines(&ralph), outbox.sent.len());
    let report = sync_once(&test_client(Duration::from_secs(30)), &mut outbox, 50).await;
    assert!(
        matches!(
            report.problem,
            Some(vardskap_sync::Problem::Unreachable { .. })
        ),
        "{report:?}"
    );
    // The batch is the oldest 50 waiting. When the kill of step 1 landed
    // after Ralph stored a batch and before the client heard it, those are
    // already stored (identical, so Ralph stores nothing new): only the
    // part of the batch beyond what is stored adds lines.
    let expected = before.0 + (before.1 + 50).saturating_sub(before.0);
    // Ralph may finish appending the batch to its file just after its reply
    // left (the proxy dropped it): wait for the lines, up to 10 s.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while stored_lines(&ralph) < expected && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        (stored_lines(&ralph), outbox.sent.len()),
        (expected, before.1),
        "stored, not confirmed"
    );
    proxy.set(Fault::Forward(ralph.port()));

    // 4. Killed right after a batch was stored.
    let outbox = sync_until_killed(&mut ralph, outbox, 1200, Duration::ZERO).await;
    ralph.restart().unwrap();

    let mut outbox = outbox;
    let report = sync_once(&test_client(Duration::from_secs(30)), &mut outbox, 50).await;
    assert_eq!(report.problem, None, "{}", ralph.log());
    assert_eq!((outbox.sent.len(), outbox.waiting.len()), (2000, 0));
    assert!(outbox.conflicts.is_empty() && outbox.quarantined.is_empty());
    let keys: HashSet<i64> = outbox.sent.iter().copied().collect();
    assert_eq!(keys.len(), 2000, "a statement was recorded twice");
    assert_each_once(&ralph, &ids);
}

#[test]
fn sample_statements_carry_an_id_a_timestamp_and_an_account() {
    let (id, body) = sample_statement("learner-f", 90_061);
    assert_eq!(statement_id(&body).as_deref(), Some(id.as_str()));
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["timestamp"], "2026-01-16T11:01:01Z");
    assert_eq!(v["actor"]["account"]["name"], "learner-f");
    let id = id.as_bytes();
    assert_eq!((id.len(), id[14], id[8], id[13]), (36, b'4', b'-', b'-'));
    assert!(matches!(id[19], b'8' | b'9' | b'a' | b'b'));
}
