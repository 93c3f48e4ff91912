//! The background sync: notify, backoff, send now, shutdown.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use vardskap_sync::testing::{MemOutbox, Ralph, sample_statement};
use vardskap_sync::{Outbox, Problem, SyncConfig, SyncStatus, Syncer, Target};

use crate::proxy::{Fault, FaultProxy};
use crate::test_client;

/// Waits (at most 20 s) until the status satisfies `done`.
async fn until(syncer: &Syncer, what: &str, done: impl Fn(&SyncStatus) -> bool) -> SyncStatus {
    let mut rx = syncer.subscribe();
    let wait = rx.wait_for(|s| done(s));
    match tokio::time::timeout(Duration::from_secs(20), wait).await {
        Ok(Ok(status)) => status.clone(),
        _ => panic!("timed out waiting for {what}: {:?}", syncer.status()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_background_sync_sends_backs_off_and_sends_now() {
    let ralph = Ralph::start();
    let proxy = FaultProxy::start(Fault::Reply(503, "")).await;
    let target = Target {
        endpoint: proxy.endpoint(),
        ..ralph.target()
    };
    let outbox = Arc::new(Mutex::new(MemOutbox::new(target)));
    // The app's view: a shared outbox behind a std Mutex, as a trait object.
    let shared: Arc<Mutex<dyn Outbox + Send>> = outbox.clone();
    let config = SyncConfig {
        batch: 20,
        backoff_base: Duration::from_secs(60),
        backoff_cap: Duration::from_secs(60),
    };
    let syncer = Syncer::spawn(test_client(Duration::from_secs(10)), shared, config);

    // It runs once at start: nothing waits.
    let status = until(&syncer, "the first run", |s| s.runs == 1).await;
    assert_eq!(status.last.as_ref().unwrap().problem, None);
    assert_eq!(status.retry_in, None);

    // A statement is added while the LRS is down: the run fails and backs off.
    let ids: Vec<String> = (0..30)
        .map(|n| {
            let (id, body) = sample_statement("learner-s", n);
            outbox.lock().unwrap().push(body);
            id
        })
        .collect();
    syncer.notify();
    let status = until(&syncer, "the failed run", |s| s.runs == 2).await;
    assert!(matches!(
        status.last.as_ref().unwrap().problem,
        Some(Problem::Unreachable { .. })
    ));
    let retry = status.retry_in.unwrap();
    assert!(
        retry >= Duration::from_millis(500) && retry <= Duration::from_secs(60),
        "{retry:?}"
    );
    assert_eq!(proxy.requests(), 1);

    // Another statement while backing off: no request before the delay.
    let (id, body) = sample_statement("learner-s", 30);
    outbox.lock().unwrap().push(body);
    syncer.notify();
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(syncer.status().runs, 2);
    assert_eq!(proxy.requests(), 1);

    // The LRS is back and the user presses "send now".
    proxy.set(Fault::Forward(ralph.port()));
    syncer.send_now();
    let status = until(&syncer, "the run after send now", |s| s.runs == 3).await;
    let report = status.last.unwrap();
    assert_eq!((report.sent, report.problem), (31, None));
    assert_eq!(status.retry_in, None);
    assert!(outbox.lock().unwrap().waiting.is_empty());

    // Later statements go at once (backoff reset).
    let (id2, body2) = sample_statement("learner-s", 31);
    outbox.lock().unwrap().push(body2);
    syncer.notify();
    let status = until(&syncer, "the run after notify", |s| s.runs == 4).await;
    assert_eq!(status.last.unwrap().sent, 1);

    syncer.shutdown().await;
    let counts = ralph.count_by_id().unwrap();
    assert_eq!(counts.len(), 32);
    assert!(
        ids.iter()
            .chain([&id, &id2])
            .all(|id| counts.get(id) == Some(&1))
    );
}

#[tokio::test]
async fn dropping_the_syncer_stops_it() {
    let proxy = FaultProxy::start(Fault::Reply(204, "")).await;
    let target = Target {
        endpoint: proxy.endpoint(),
        username: "a".into(),
        password: "b".into(),
    };
    let outbox = Arc::new(Mutex::new(MemOutbox::new(target)));
    let syncer = Syncer::spawn(
        test_client(Duration::from_secs(5)),
        outbox.clone(),
        SyncConfig::default(),
    );
    until(&syncer, "the first run", |s| s.runs == 1).await;
    drop(syncer);
    tokio::time::sleep(Duration::from_millis(50)).await;
    // The task is gone and no longer holds the outbox.
    assert_eq!(Arc::strong_count(&outbox), 1);
}
