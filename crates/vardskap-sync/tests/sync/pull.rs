//! The instructor's pull: against Ralph, against a conformant LRS (a small
//! one here whose `since` filters on `stored`, as xAPI says), and against
//! hostile servers.

use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use vardskap_sync::testing::{Ralph, new_uuid, peak_rss_bytes, statement_id};
use vardskap_sync::{
    BatchOutcome, ItemOutcome, Pending, PullError, PullLimit, PullLimits, PullRequest, Pulled,
    Target, pull_statements, send_batch,
};

use crate::proxy::{Fault, FaultProxy, read_request};
use crate::test_client;

fn class_iri(class: &str) -> String {
    format!("https://id.vardskap.app/xapi/classes/{class}")
}

/// `2026-01-15T10:00:00Z` plus `n` seconds (n under 14 hours).
fn stamp(n: u64) -> String {
    format!(
        "2026-01-15T{:02}:{:02}:{:02}Z",
        10 + n / 3600,
        n / 60 % 60,
        n % 60
    )
}

/// A quiz answer of a class, shaped like docs/xapi-examples.json: the course
/// and the class in `grouping`, the quiz and module in `parent`.
fn class_statement(class: &str, learner: &str, timestamp: &str) -> (String, String) {
    let id = new_uuid();
    let course = "https://id.vardskap.app/xapi/courses/c";
    let body = json!({
        "id": id,
        "actor": {"objectType": "Agent", "name": learner,
                  "account": {"homePage": "https://lrs.example.org", "name": learner}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en": "answered"}},
        "object": {"objectType": "Activity", "id": format!("{course}/modules/m1/quiz/q1"),
            "definition": {"type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                "interactionType": "choice", "correctResponsesPattern": ["b"]}},
        "result": {"response": "b", "success": true},
        "context": {
            "contextActivities": {
                "grouping": [
                    {"objectType": "Activity", "id": course,
                     "definition": {"type": "http://adlnet.gov/expapi/activities/course",
                                    "name": {"en": "Course"}}},
                    {"objectType": "Activity", "id": class_iri(class),
                     "definition": {"type": "http://id.tincanapi.com/activitytype/school-class",
                                    "name": {"und": format!("Class {class}")}}}
                ],
                "parent": [
                    {"objectType": "Activity", "id": format!("{course}/modules/m1/quiz"),
                     "definition": {"type": "http://adlnet.gov/expapi/activities/assessment"}},
                    {"objectType": "Activity", "id": format!("{course}/modules/m1"),
                     "definition": {"type": "http://adlnet.gov/expapi/activities/module"}}
                ]
            },
            "extensions": {"https://id.vardskap.app/xapi/extensions/attempt": 1},
            "language": "en", "platform": "Värdskap", "registration": new_uuid()
        },
        "timestamp": timestamp,
    });
    (id, body.to_string())
}

/// Posts statements to Ralph (as alice) and checks they were stored.
async fn post(ralph: &Ralph, statements: &[(String, String)]) {
    let items: Vec<Pending> = statements
        .iter()
        .enumerate()
        .map(|(i, (_, body))| Pending {
            key: i as i64,
            body: body.clone(),
        })
        .collect();
    let client = test_client(Duration::from_secs(30));
    match send_batch(&client, &ralph.target(), &items).await {
        BatchOutcome::Done(done) => {
            assert_eq!(done.len(), items.len());
            assert!(
                done.iter().all(|(_, o)| *o == ItemOutcome::Sent),
                "{done:?}"
            );
        }
        other => panic!("{other:?}\n{}", ralph.log()),
    }
}

async fn pull(
    target: &Target,
    class: &str,
    since: Option<&str>,
    limits: &PullLimits,
) -> Result<Pulled, PullError> {
    let activity = class_iri(class);
    pull_statements(
        &test_client(Duration::from_secs(30)),
        &PullRequest {
            target,
            activity: &activity,
            since,
        },
        limits,
    )
    .await
}

/// The ids of what was pulled, checking each comes once.
fn ids(pulled: &Pulled) -> HashSet<String> {
    let ids: Vec<String> = pulled
        .statements
        .iter()
        .map(|s| statement_id(s).expect("an id"))
        .collect();
    let set: HashSet<String> = ids.iter().cloned().collect();
    assert_eq!(set.len(), ids.len(), "a statement came twice");
    set
}

fn id_set(statements: &[(String, String)]) -> HashSet<String> {
    statements.iter().map(|(id, _)| id.clone()).collect()
}

fn with_page_size(page_size: usize) -> PullLimits {
    PullLimits {
        page_size,
        ..PullLimits::default()
    }
}

#[tokio::test]
async fn a_pull_brings_exactly_the_class_statements_page_by_page() {
    let ralph = Ralph::start();
    // Two classes interleaved in the LRS, and a third of 50 statements.
    let mut a = Vec::new();
    let mut b = Vec::new();
    for n in 0..30 {
        a.push(class_statement(
            "ht26-a",
            &format!("learner-{}", n % 3),
            &stamp(n),
        ));
        if n < 20 {
            b.push(class_statement(
                "ht26-b",
                &format!("learner-{}", n % 4),
                &stamp(n),
            ));
        }
    }
    let mixed: Vec<_> = a
        .iter()
        .zip(&b)
        .flat_map(|(x, y)| [x.clone(), y.clone()])
        .collect();
    post(&ralph, &mixed).await;
    post(&ralph, &a[20..]).await;
    let c: Vec<_> = (0..50)
        .map(|n| class_statement("ht26-c", &format!("learner-{}", n % 5), &stamp(100 + n)))
        .collect();
    post(&ralph, &c).await;

    let target = ralph.target();
    let pulled = pull(&target, "ht26-a", None, &PullLimits::default())
        .await
        .unwrap();
    assert_eq!(ids(&pulled), id_set(&a));
    assert_eq!((pulled.pages, pulled.skipped), (1, 0));
    // Ralph filters `since` on `timestamp`: the probe finds out, so the next
    // pull is a full one.
    assert_eq!(pulled.next_since, None);
    // As Ralph stored them.
    let first: Value = serde_json::from_str(&pulled.statements[0]).unwrap();
    assert!(first.get("stored").is_some() && first.get("authority").is_some());

    let pulled = pull(&target, "ht26-b", None, &with_page_size(3))
        .await
        .unwrap();
    assert_eq!(ids(&pulled), id_set(&b));
    // 20 by 3: 6 full pages, then 2 without `more`.
    assert_eq!(pulled.pages, 7);

    // 50 by 7: 7 full pages, then 1 without `more`.
    let pulled = pull(&target, "ht26-c", None, &with_page_size(7))
        .await
        .unwrap();
    assert_eq!(ids(&pulled), id_set(&c));
    assert_eq!(pulled.pages, 8);
    // 50 by 10: 5 full pages; Ralph then offers a `more` to an empty page.
    let pulled = pull(&target, "ht26-c", None, &with_page_size(10))
        .await
        .unwrap();
    assert_eq!(ids(&pulled), id_set(&c));
    assert_eq!(pulled.pages, 6);

    // A class with nothing yet.
    let pulled = pull(&target, "ht26-none", None, &PullLimits::default())
        .await
        .unwrap();
    assert_eq!((pulled.statements.len(), pulled.next_since), (0, None));
}

#[tokio::test]
async fn the_next_pull_loses_nothing_sent_late_with_an_old_timestamp() {
    let ralph = Ralph::start();
    let target = ralph.target();
    let first: Vec<_> = (0..20)
        .map(|n| class_statement("ht26-a", &format!("learner-{}", n % 4), &stamp(1000 + n)))
        .collect();
    post(&ralph, &first).await;
    let p1 = pull(&target, "ht26-a", None, &with_page_size(7))
        .await
        .unwrap();
    assert_eq!(ids(&p1), id_set(&first));

    // Later: new statements, and a laptop that was offline for a week syncs
    // what it made then.
    let mut later: Vec<_> = (0..5)
        .map(|n| class_statement("ht26-a", "learner-1", &stamp(5000 + n)))
        .collect();
    let offline: Vec<_> = (0..3)
        .map(|n| class_statement("ht26-a", "learner-9", &format!("2026-01-08T09:00:0{n}Z")))
        .collect();
    later.extend(offline.iter().cloned());
    post(&ralph, &later).await;

    let p2 = pull(
        &target,
        "ht26-a",
        p1.next_since.as_deref(),
        &with_page_size(7),
    )
    .await
    .unwrap();
    let got = ids(&p1).union(&ids(&p2)).cloned().collect::<HashSet<_>>();
    let all = id_set(&first).union(&id_set(&later)).cloned().collect();
    assert_eq!(got, all, "a statement was lost");
    assert!(id_set(&offline).is_subset(&ids(&p2)));

    // Why: the naive `since`, the latest timestamp seen, loses the late
    // statements with Ralph (it filters on timestamp). The pull notices and
    // says to pull everything next time.
    let naive = stamp(1019);
    let p3 = pull(&target, "ht26-a", Some(&naive), &with_page_size(7))
        .await
        .unwrap();
    assert_eq!(ids(&p3), id_set(&later[..5]));
    assert_eq!(p3.next_since, None);
    let p4 = pull(
        &target,
        "ht26-a",
        p3.next_since.as_deref(),
        &with_page_size(7),
    )
    .await
    .unwrap();
    assert_eq!(ids(&p4), all);
}

#[tokio::test]
async fn a_wrong_password_is_refused() {
    let ralph = Ralph::start();
    post(&ralph, &[class_statement("ht26-a", "learner-1", &stamp(0))]).await;
    let wrong = Target {
        password: "not the secret".into(),
        ..ralph.target()
    };
    let err = pull(&wrong, "ht26-a", None, &PullLimits::default())
        .await
        .unwrap_err();
    assert_eq!(err, PullError::Refused { status: 401 });
    // The other user reads it.
    let pulled = pull(&ralph.target_as(1), "ht26-a", None, &PullLimits::default())
        .await
        .unwrap();
    assert_eq!(pulled.statements.len(), 1);
    // A `since` without a time zone never reaches Ralph (it answers 500).
    let err = pull(
        &ralph.target(),
        "ht26-a",
        Some("2026-01-15T10:00:00"),
        &PullLimits::default(),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, PullError::Unreachable { .. }), "{err:?}");
}

// A conformant LRS: `since` and `until` filter on `stored`, newest first.

/// `2026-03-01T00:00:00.000Z` plus `secs` (under 28 days).
fn stored_at(secs: u64) -> String {
    format!(
        "2026-03-{:02}T{:02}:{:02}:{:02}.000Z",
        1 + secs / 86_400,
        secs / 3600 % 24,
        secs / 60 % 60,
        secs % 60
    )
}

struct SpecLrs {
    port: u16,
    statements: Arc<Mutex<Vec<Value>>>,
    /// Seconds after 2026-03-01T00:00:00Z.
    clock: Mutex<u64>,
    /// The path and query of each GET.
    requests: Arc<Mutex<Vec<String>>>,
    task: JoinHandle<()>,
}

impl Drop for SpecLrs {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl SpecLrs {
    async fn start() -> SpecLrs {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let statements = Arc::new(Mutex::new(Vec::new()));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let task = tokio::spawn({
            let (statements, requests) = (statements.clone(), requests.clone());
            async move {
                loop {
                    let Ok((mut socket, _)) = listener.accept().await else {
                        continue;
                    };
                    let (statements, requests) = (statements.clone(), requests.clone());
                    tokio::spawn(async move {
                        let Some(request) = read_request(&mut socket).await else {
                            return;
                        };
                        let (status, body) = spec_answer(&request, &statements, &requests);
                        let text = format!(
                            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                            body.len()
                        );
                        let _ = socket.write_all(text.as_bytes()).await;
                        let _ = socket.shutdown().await;
                    });
                }
            }
        });
        SpecLrs {
            port,
            statements,
            clock: Mutex::new(86_400),
            requests,
            task,
        }
    }

    fn target(&self) -> Target {
        Target {
            endpoint: format!("http://127.0.0.1:{}/xAPI/", self.port),
            username: "alice".into(),
            password: "secret".into(),
        }
    }

    /// Stores statements, one second apart.
    fn store(&self, statements: &[(String, String)]) {
        let mut clock = self.clock.lock().unwrap();
        for (_, body) in statements {
            let mut s: Value = serde_json::from_str(body).unwrap();
            s["stored"] = json!(stored_at(*clock));
            *clock += 1;
            self.statements.lock().unwrap().push(s);
        }
    }

    fn advance(&self, secs: u64) {
        *self.clock.lock().unwrap() += secs;
    }

    /// GETs with an `until` so far: the probes.
    fn probes(&self) -> usize {
        let requests = self.requests.lock().unwrap();
        requests.iter().filter(|r| r.contains("until=")).count()
    }
}

fn spec_answer(
    request: &[u8],
    statements: &Mutex<Vec<Value>>,
    requests: &Mutex<Vec<String>>,
) -> (u16, String) {
    let head = String::from_utf8_lossy(request);
    if !head.to_ascii_lowercase().contains(&format!(
        "authorization: basic {}",
        "YWxpY2U6c2VjcmV0".to_ascii_lowercase()
    )) {
        return (401, r#"{"error":"unauthorized"}"#.into());
    }
    let path = head.split_whitespace().nth(1).unwrap_or("").to_owned();
    requests.lock().unwrap().push(path.clone());
    let url = reqwest::Url::parse(&format!("http://lrs{path}")).unwrap();
    let query: BTreeMap<String, String> = url.query_pairs().into_owned().collect();
    let allowed = [
        "activity",
        "related_activities",
        "limit",
        "since",
        "until",
        "offset",
    ];
    if let Some(bad) = query.keys().find(|k| !allowed.contains(&k.as_str())) {
        return (400, format!(r#"{{"error":"unknown parameter {bad}"}}"#));
    }
    let activity = format!(r#""id":"{}""#, query["activity"]);
    let limit: usize = query["limit"].parse().unwrap();
    let offset: usize = query.get("offset").map_or(0, |o| o.parse().unwrap());
    // Same-format UTC times compare as strings.
    let stored = |s: &Value| s["stored"].as_str().unwrap().to_owned();
    let mut found: Vec<Value> = statements
        .lock()
        .unwrap()
        .iter()
        .filter(|s| s.to_string().contains(&activity))
        .filter(|s| query.get("since").is_none_or(|t| stored(s) > *t))
        .filter(|s| query.get("until").is_none_or(|t| stored(s) <= *t))
        .cloned()
        .collect();
    found.sort_by_key(|s| std::cmp::Reverse(stored(s)));
    let page: Vec<Value> = found.iter().skip(offset).take(limit).cloned().collect();
    let mut reply = json!({"statements": page});
    if offset + limit < found.len() {
        let mut next = url.clone();
        next.query_pairs_mut()
            .clear()
            .extend_pairs(query.iter().filter(|(k, _)| *k != "offset"))
            .append_pair("offset", &(offset + limit).to_string());
        reply["more"] = json!(format!("{}?{}", next.path(), next.query().unwrap()));
    }
    (200, reply.to_string())
}

#[tokio::test]
async fn a_conformant_lrs_is_pulled_incrementally_and_loses_nothing() {
    let lrs = SpecLrs::start().await;
    let target = lrs.target();
    let limits = with_page_size(4);
    let first: Vec<_> = (0..10)
        .map(|n| class_statement("ht26-a", &format!("learner-{}", n % 3), &stamp(n)))
        .collect();
    let other: Vec<_> = (0..5)
        .map(|n| class_statement("ht26-b", "learner-1", &stamp(n)))
        .collect();
    lrs.store(&first);
    lrs.store(&other);

    // A full pull: the probe finds `since` filters on `stored`, so the next
    // pull starts 15 minutes before the latest `stored` seen.
    let p1 = pull(&target, "ht26-a", None, &limits).await.unwrap();
    assert_eq!(ids(&p1), id_set(&first));
    assert_eq!(p1.pages, 3);
    assert_eq!(lrs.probes(), 1);
    // The last of class a was stored at 2026-03-02T00:00:09.
    assert_eq!(p1.next_since.as_deref(), Some("2026-03-01T23:45:09.000Z"));

    // Two hours later: new statements, and the week-offline laptop's.
    lrs.advance(7200);
    let new: Vec<_> = (0..3)
        .map(|n| class_statement("ht26-a", "learner-1", &stamp(5000 + n)))
        .collect();
    let offline = class_statement("ht26-a", "learner-9", "2026-01-08T09:00:00Z");
    lrs.store(&new);
    lrs.store(std::slice::from_ref(&offline));
    let p2 = pull(&target, "ht26-a", p1.next_since.as_deref(), &limits)
        .await
        .unwrap();
    let mut expected = id_set(&first);
    expected.extend(id_set(&new));
    expected.insert(offline.0.clone());
    // Everything stored since, the overlap again: nothing lost.
    assert_eq!(ids(&p2), expected);
    // Statements whose timestamp is before `since` came (the offline
    // laptop's among them): that proves the filter is on `stored`, no probe
    // needed.
    assert_eq!(lrs.probes(), 1);
    // The offline laptop's was stored last, at 2026-03-02T02:00:18.
    assert_eq!(p2.next_since.as_deref(), Some("2026-03-02T01:45:18.000Z"));

    // Nothing new: only the overlap comes again; `since` stays.
    let p3 = pull(&target, "ht26-a", p2.next_since.as_deref(), &limits)
        .await
        .unwrap();
    let mut overlap = id_set(&new);
    overlap.insert(offline.0.clone());
    assert_eq!(ids(&p3), overlap);
    assert_eq!(p3.next_since, p2.next_since);

    // A day later, one more: what is new and the overlap, not the first ten.
    lrs.advance(86_400);
    let last = class_statement("ht26-a", "learner-2", &stamp(9000));
    lrs.store(std::slice::from_ref(&last));
    let p4 = pull(&target, "ht26-a", p3.next_since.as_deref(), &limits)
        .await
        .unwrap();
    overlap.insert(last.0.clone());
    assert_eq!(ids(&p4), overlap);
    assert_eq!(p4.next_since.as_deref(), Some("2026-03-03T01:45:19.000Z"));
    assert_eq!(lrs.probes(), 1);
}

// Hostile or broken servers.

const CLASS: &str = "https://id.vardskap.app/xapi/classes/x";

fn proxy_target(proxy: &FaultProxy) -> Target {
    Target {
        endpoint: proxy.endpoint(),
        username: "alice".into(),
        password: "secret".into(),
    }
}

async fn pull_from(proxy: &FaultProxy, limits: &PullLimits) -> Result<Pulled, PullError> {
    pull(&proxy_target(proxy), "x", None, limits).await
}

/// The number in `p=N` of a path, 0 without.
fn page_number(path: &str) -> u64 {
    path.split(['?', '&'])
        .find_map(|kv| kv.strip_prefix("p="))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn page_of(n: u64, more: &str) -> String {
    json!({"statements": [{"id": format!("00000000-0000-4000-8000-{n:012}"),
        "actor": {"mbox": "mailto:a@example.org"}, "verb": {"id": "http://x/v"},
        "object": {"id": CLASS}}], "more": more})
    .to_string()
}

#[tokio::test]
async fn refusals_and_failures_of_the_lrs() {
    for status in [401, 403] {
        let proxy = FaultProxy::start(Fault::Reply(status, r#"{"detail":"no"}"#)).await;
        let err = pull_from(&proxy, &PullLimits::default()).await.unwrap_err();
        assert_eq!(err, PullError::Refused { status });
    }
    let unreachable = |r: Result<Pulled, PullError>| match r {
        Err(PullError::Unreachable { reason }) => reason,
        other => panic!("{other:?}"),
    };
    let proxy = FaultProxy::start(Fault::Reply(
        400,
        r#"{"detail":"The following parameter is not allowed: `relatedActivities`"}"#,
    ))
    .await;
    assert_eq!(
        unreachable(pull_from(&proxy, &PullLimits::default()).await),
        "the LRS refused the query (400 Bad Request): \
         {\"detail\":\"The following parameter is not allowed: `relatedActivities`\"}"
    );
    for (fault, start) in [
        (
            Fault::Reply(500, "oops"),
            "the LRS answered (500 Internal Server Error): oops",
        ),
        (Fault::Reply(404, ""), "the LRS answered (404 Not Found)"),
        (Fault::Redirect, "the LRS answered (302 Found)"),
        (Fault::Reply(200, "<html>Log in</html>"), "malformed reply"),
        (
            Fault::Reply(200, r#"{"statements":"none"}"#),
            "malformed reply",
        ),
        (Fault::Drop, "no answer from the LRS"),
        (Fault::Garbage, "no answer from the LRS"),
    ] {
        let proxy = FaultProxy::start(fault.clone()).await;
        let reason = unreachable(pull_from(&proxy, &PullLimits::default()).await);
        assert!(reason.starts_with(start), "{fault:?}: {reason}");
        assert!(reason.len() < 400, "{reason}");
    }
    let proxy = FaultProxy::start(Fault::Slow(Duration::from_secs(20))).await;
    let started = Instant::now();
    let limits = PullLimits {
        timeout: Duration::from_millis(700),
        ..PullLimits::default()
    };
    assert_eq!(
        unreachable(pull_from(&proxy, &limits).await),
        "the LRS did not answer in time"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn a_huge_page_is_not_read() {
    const GIB: u64 = 1 << 30;
    // Announced: refused before reading.
    let proxy = FaultProxy::start(Fault::Huge(200, GIB)).await;
    let err = pull_from(&proxy, &PullLimits::default()).await.unwrap_err();
    assert_eq!(
        err,
        PullError::TooLarge {
            limit: PullLimit::PageBytes(32 << 20)
        }
    );
    // Not announced, never ending: read up to the limit.
    proxy.set(Fault::Endless(200));
    let limits = PullLimits {
        max_page_bytes: 1 << 20,
        ..PullLimits::default()
    };
    let started = Instant::now();
    let err = pull_from(&proxy, &limits).await.unwrap_err();
    assert_eq!(
        err,
        PullError::TooLarge {
            limit: PullLimit::PageBytes(1 << 20)
        }
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    let written = proxy
        .counters
        .huge_bytes
        .load(std::sync::atomic::Ordering::SeqCst);
    eprintln!(
        "huge pages: {written} bytes accepted by the client's socket, {:?}",
        started.elapsed()
    );
    assert!(written < 32 << 20, "{written} bytes went to the client");
    if let Some(peak) = peak_rss_bytes() {
        assert!(peak < 512 << 20, "peak RSS {peak} bytes");
    }
    assert_eq!(
        err.to_string(),
        "The LRS sent a page of statements over 1048576 bytes."
    );
}

#[tokio::test]
async fn more_links_that_loop_or_leave_are_not_followed() {
    // The same statement again and again under a new link each time.
    let proxy = FaultProxy::start(Fault::Dynamic(|path| {
        (
            200,
            page_of(0, &format!("/xAPI/statements?p={}", page_number(path) + 1)),
        )
    }))
    .await;
    match pull_from(&proxy, &PullLimits::default()).await {
        Err(PullError::Unreachable { reason }) => {
            assert!(reason.contains("no new statement"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(proxy.requests(), 2);

    // New statements, but a link to a page already read.
    let proxy = FaultProxy::start(Fault::Dynamic(|path| {
        (200, page_of(page_number(path), "/xAPI/statements?p=1"))
    }))
    .await;
    match pull_from(&proxy, &PullLimits::default()).await {
        Err(PullError::Unreachable { reason }) => {
            assert!(reason.contains("already read"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(proxy.requests(), 2);

    // New statements for ever: the statement cap ends it.
    let proxy = FaultProxy::start(Fault::Dynamic(|path| {
        let n = page_number(path);
        (200, page_of(n, &format!("/xAPI/statements?p={}", n + 1)))
    }))
    .await;
    let limits = PullLimits {
        max_statements: 25,
        ..PullLimits::default()
    };
    assert_eq!(
        pull_from(&proxy, &limits).await.unwrap_err(),
        PullError::TooLarge {
            limit: PullLimit::Statements(25)
        }
    );
    assert_eq!(proxy.requests(), 26);

    // Another host, a protocol-relative link, another port: the credential
    // stays home.
    for more in [
        "http://127.0.0.2:1/xAPI/statements?p=1",
        "//example.org/xAPI/statements?p=1",
        "http://127.0.0.1:1/xAPI/statements?p=1",
    ] {
        let page: &'static str = Box::leak(page_of(0, more).into_boxed_str());
        let proxy = FaultProxy::start(Fault::Reply(200, page)).await;
        match pull_from(&proxy, &PullLimits::default()).await {
            Err(PullError::Unreachable { reason }) => {
                assert!(reason.contains("another server"), "{more}: {reason}")
            }
            other => panic!("{more}: {other:?}"),
        }
        assert_eq!(proxy.requests(), 1);
    }
}

#[tokio::test]
async fn statements_of_other_classes_are_left_out() {
    // An LRS that ignores the filter.
    let proxy = FaultProxy::start(Fault::Dynamic(|_| {
        let mut page: Value = serde_json::from_str(&page_of(1, "")).unwrap();
        let mut foreign = page["statements"][0].clone();
        foreign["id"] = json!("00000000-0000-4000-8000-000000000002");
        foreign["object"]["id"] = json!("https://id.vardskap.app/xapi/classes/y");
        page["statements"].as_array_mut().unwrap().push(foreign);
        (200, page.to_string())
    }))
    .await;
    let pulled = pull_from(&proxy, &PullLimits::default()).await.unwrap();
    assert_eq!((pulled.statements.len(), pulled.skipped), (1, 1));
    assert_eq!(
        statement_id(&pulled.statements[0]).as_deref(),
        Some("00000000-0000-4000-8000-000000000001")
    );
}
