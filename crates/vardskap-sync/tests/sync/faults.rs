//! Against the fault proxy: what a failing or hostile LRS gets.

use std::time::{Duration, Instant};

use vardskap_sync::testing::{MemOutbox, peak_rss_bytes, sample_statement};
use vardskap_sync::{
    BatchOutcome, ItemOutcome, MAX_REASON_CHARS, Outbox, Pending, Problem, Target, send_batch,
    sync_once,
};

use crate::proxy::{Fault, FaultProxy};
use crate::test_client;

fn target(proxy: &FaultProxy) -> Target {
    Target {
        endpoint: proxy.endpoint(),
        username: "alice".into(),
        password: "secret".into(),
    }
}

fn outbox_of(proxy: &FaultProxy, n: u64) -> MemOutbox {
    MemOutbox::with_samples(target(proxy), "learner-x", n).0
}

fn one(n: u64) -> Vec<Pending> {
    vec![Pending {
        key: 1,
        body: sample_statement("learner-y", n).1,
    }]
}

/// The outbox still holds all `n` statements and recorded nothing per item.
fn untouched(outbox: &MemOutbox, n: usize) {
    assert_eq!(outbox.waiting.len(), n);
    assert!(outbox.sent.is_empty() && outbox.conflicts.is_empty() && outbox.quarantined.is_empty());
}

fn unreachable_reason(report: &vardskap_sync::SyncReport) -> &str {
    match &report.problem {
        Some(Problem::Unreachable { reason, .. }) => reason,
        other => panic!("expected unreachable, got {other:?}"),
    }
}

#[tokio::test]
async fn a_refused_credential_stops_and_leaves_the_outbox_untouched() {
    for status in [401, 403] {
        let proxy = FaultProxy::start(Fault::Reply(
            status,
            r#"{"detail":"Invalid authentication credentials"}"#,
        ))
        .await;
        let mut outbox = outbox_of(&proxy, 5);
        let report = sync_once(&test_client(Duration::from_secs(5)), &mut outbox, 100).await;
        assert_eq!(
            report.problem,
            Some(Problem::Refused {
                endpoint: proxy.endpoint(),
                status
            })
        );
        assert_eq!((report.sent, report.batches), (0, 1));
        untouched(&outbox, 5);
        assert_eq!(outbox.refused, Some(status));
        assert_eq!(proxy.requests(), 1);
    }
}

#[tokio::test]
async fn a_server_error_is_unreachable_and_leaves_the_outbox_untouched() {
    for (status, text) in [
        (500, "500 Internal Server Error"),
        (503, "503 Service Unavailable"),
        (429, "429 Too Many Requests"),
        (408, "408 Request Timeout"),
    ] {
        let proxy = FaultProxy::start(Fault::Reply(status, r#"{"detail":"down"}"#)).await;
        let mut outbox = outbox_of(&proxy, 5);
        let report = sync_once(&test_client(Duration::from_secs(5)), &mut outbox, 100).await;
        assert_eq!(
            unreachable_reason(&report),
            format!(r#"LRS answered {text}: {{"detail":"down"}}"#)
        );
        untouched(&outbox, 5);
        assert_eq!(outbox.unreachable.len(), 1);
        assert_eq!(proxy.requests(), 1, "a batch is not split on {status}");
    }
}

#[tokio::test]
async fn a_wrong_endpoint_or_a_redirect_quarantines_nothing() {
    for fault in [
        Fault::Reply(404, r#"{"detail":"Not Found"}"#),
        Fault::Reply(405, ""),
        Fault::Redirect,
    ] {
        let proxy = FaultProxy::start(fault.clone()).await;
        let mut outbox = outbox_of(&proxy, 4);
        let report = sync_once(&test_client(Duration::from_secs(5)), &mut outbox, 100).await;
        let reason = unreachable_reason(&report);
        assert!(reason.starts_with("LRS answered "), "{fault:?}: {reason}");
        untouched(&outbox, 4);
        assert_eq!(proxy.requests(), 1);
    }
}

#[tokio::test]
async fn a_slow_lrs_times_out() {
    let proxy = FaultProxy::start(Fault::Slow(Duration::from_secs(20))).await;
    let mut outbox = outbox_of(&proxy, 3);
    let started = Instant::now();
    let report = sync_once(&test_client(Duration::from_millis(700)), &mut outbox, 100).await;
    assert_eq!(
        unreachable_reason(&report),
        "the LRS did not answer in time"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    untouched(&outbox, 3);
}

#[tokio::test]
async fn a_dropped_connection_or_garbage_is_unreachable() {
    for fault in [Fault::Drop, Fault::Garbage] {
        let proxy = FaultProxy::start(fault.clone()).await;
        let mut outbox = outbox_of(&proxy, 3);
        let report = sync_once(&test_client(Duration::from_secs(5)), &mut outbox, 100).await;
        let reason = unreachable_reason(&report);
        assert!(
            reason.starts_with("no answer from the LRS"),
            "{fault:?}: {reason}"
        );
        untouched(&outbox, 3);
    }
}

#[tokio::test]
async fn nobody_listening_is_unreachable() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let t = Target {
        endpoint: format!("http://127.0.0.1:{port}/xAPI/"),
        username: "a".into(),
        password: "b".into(),
    };
    match send_batch(&test_client(Duration::from_secs(5)), &t, &one(0)).await {
        BatchOutcome::Unreachable { reason } => {
            assert!(reason.starts_with("cannot connect to the LRS"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    let bad = Target {
        endpoint: "ftp://127.0.0.1/xAPI/".into(),
        ..t
    };
    assert!(matches!(
        send_batch(&test_client(Duration::from_secs(5)), &bad, &one(0)).await,
        BatchOutcome::Unreachable { .. }
    ));
}

#[tokio::test]
async fn a_200_that_is_not_a_list_of_ids_is_not_taken_for_sent() {
    for body in [
        "<html><body>Log in to the school network</body></html>",
        "",
        r#"{"ok":true}"#,
        r#"["a","b","c","d"]"#,
    ] {
        let proxy = FaultProxy::start(Fault::Reply(200, body)).await;
        let mut outbox = outbox_of(&proxy, 3);
        let report = sync_once(&test_client(Duration::from_secs(5)), &mut outbox, 100).await;
        assert!(
            unreachable_reason(&report).starts_with("malformed reply"),
            "{body}"
        );
        untouched(&outbox, 3);
    }
    let proxy = FaultProxy::start(Fault::Reply(200, r#"["a","b"]"#)).await;
    let mut outbox = outbox_of(&proxy, 3);
    let report = sync_once(&test_client(Duration::from_secs(5)), &mut outbox, 100).await;
    assert_eq!((report.sent, report.problem), (3, None));
}

#[tokio::test]
async fn a_100_mb_reply_is_not_read() {
    const HUNDRED_MB: u64 = 100 << 20;
    let client = test_client(Duration::from_secs(30));
    // A refusal with a huge explanation: quarantined with a short reason.
    let proxy = FaultProxy::start(Fault::Huge(422, HUNDRED_MB)).await;
    let started = Instant::now();
    match send_batch(&client, &target(&proxy), &one(1)).await {
        BatchOutcome::Done(items) => match &items[..] {
            [(1, ItemOutcome::Quarantined(reason))] => {
                assert!(
                    reason.starts_with("LRS answered 422 Unprocessable Entity: xxxx"),
                    "{reason}"
                );
                assert!(
                    reason.chars().count() <= MAX_REASON_CHARS + 50,
                    "{} chars",
                    reason.chars().count()
                );
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    // A "success" and a server error with a huge body: neither is read whole.
    for (status, fault) in [
        (200, Fault::Huge(200, HUNDRED_MB)),
        (500, Fault::Huge(500, HUNDRED_MB)),
    ] {
        proxy.set(fault);
        match send_batch(&client, &target(&proxy), &one(2)).await {
            BatchOutcome::Unreachable { reason } => {
                assert!(reason.len() < 400, "{status}: {reason}")
            }
            other => panic!("{status}: {other:?}"),
        }
    }
    let elapsed = started.elapsed();
    // Give the proxy's writers a moment to notice the closed connections.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let written = proxy
        .counters
        .huge_bytes
        .load(std::sync::atomic::Ordering::SeqCst);
    eprintln!(
        "100 MB replies: {written} bytes accepted by the client's socket in all, {elapsed:?}"
    );
    // The client reads 64 KiB; the rest that was written sat in socket buffers.
    assert!(written < 48 << 20, "{written} bytes went to the client");
    if let Some(peak) = peak_rss_bytes() {
        eprintln!("peak RSS of the test process: {} MiB", peak >> 20);
        assert!(peak < HUNDRED_MB, "peak RSS {peak} bytes");
    }
}

#[tokio::test]
async fn a_failure_after_a_split_reports_the_confirmed_part_only() {
    let proxy = FaultProxy::start(Fault::Reply(500, "")).await;
    // 4 statements: refused whole (split), the first half stored, then 500.
    proxy.queue([
        Fault::Reply(422, r#"{"detail":"bad"}"#),
        Fault::Reply(200, "[]"),
    ]);
    let mut outbox = outbox_of(&proxy, 4);
    let keys: Vec<i64> = outbox.waiting.keys().copied().collect();
    let report = sync_once(&test_client(Duration::from_secs(5)), &mut outbox, 100).await;
    assert_eq!(report.sent, 2);
    assert!(unreachable_reason(&report).starts_with("LRS answered 500"));
    assert_eq!(outbox.sent, keys[..2]);
    assert_eq!(
        outbox.waiting.keys().copied().collect::<Vec<_>>(),
        keys[2..]
    );
    // 422 on 4, 200 on the first 2, 500 on the last 2, then 500 on those
    // again as the next batch (which ends the run).
    assert_eq!(proxy.requests(), 4);
    assert_eq!(report.batches, 2);

    // Refused half-way: the same.
    let proxy = FaultProxy::start(Fault::Reply(401, "")).await;
    proxy.queue([Fault::Reply(409, ""), Fault::Reply(204, "")]);
    let mut outbox = outbox_of(&proxy, 4);
    let report = sync_once(&test_client(Duration::from_secs(5)), &mut outbox, 100).await;
    assert_eq!(report.sent, 2);
    assert!(matches!(
        report.problem,
        Some(Problem::Refused { status: 401, .. })
    ));
    assert_eq!(outbox.waiting.len(), 2);
}

#[tokio::test]
async fn splitting_isolates_a_refused_statement_in_few_requests() {
    let proxy = FaultProxy::start(Fault::Reply(204, "")).await;
    // 8 statements, the 6th refused: 8 → 4 ok → 4 refused → 2 (5th, 6th)
    // refused → 5th ok → 6th refused alone → 7th-8th ok.
    proxy.queue([
        Fault::Reply(400, "bad"),
        Fault::Reply(204, ""),
        Fault::Reply(400, "bad"),
        Fault::Reply(400, "bad"),
        Fault::Reply(204, ""),
        Fault::Reply(413, "too large"),
    ]);
    let mut outbox = outbox_of(&proxy, 8);
    let keys: Vec<i64> = outbox.waiting.keys().copied().collect();
    let report = sync_once(&test_client(Duration::from_secs(5)), &mut outbox, 100).await;
    assert_eq!(
        (report.sent, report.quarantined, report.problem),
        (7, 1, None)
    );
    assert_eq!(
        outbox.quarantined,
        vec![(
            keys[5],
            "LRS answered 413 Payload Too Large: too large".to_owned()
        )]
    );
    assert_eq!(proxy.requests(), 7);
}

/// An outbox that forgets to set statements aside.
struct Forgetful(MemOutbox);

impl Outbox for Forgetful {
    fn next_batch(&mut self, max: usize) -> Result<Option<(Target, Vec<Pending>)>, String> {
        self.0.next_batch(max)
    }
    fn record(&mut self, _: &Target, _: &BatchOutcome) -> Result<(), String> {
        Ok(())
    }
}

#[tokio::test]
async fn an_outbox_that_offers_a_recorded_statement_again_stops_the_run() {
    let proxy = FaultProxy::start(Fault::Reply(204, "")).await;
    let mut outbox = Forgetful(outbox_of(&proxy, 3));
    let report = sync_once(&test_client(Duration::from_secs(5)), &mut outbox, 100).await;
    assert_eq!(report.sent, 3);
    assert!(
        matches!(&report.problem, Some(Problem::Outbox(m)) if m.contains("offered again")),
        "{report:?}"
    );
    assert_eq!(proxy.requests(), 1);
}
