//! `sync` against a real LRS (Ralph on loopback): two learners' data folders
//! (two laptops of one class) are sent, and the LRS holds exactly their
//! statements, each once; a refused password and an LRS that is down leave
//! everything waiting.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;
use vardskap_core::progress::NewProfile;
use vardskap_core::quiz::Answer;
use vardskap_core::storage::{Store, StoreOptions};
use vardskap_core::xapi::{ActorName, ClassInvitation};
use vardskap_sync::testing::{Ralph, http_get};

use super::path;
use super::results::course;

fn invitation(endpoint: &str, username: &str, password: &str) -> ClassInvitation {
    let json = serde_json::json!({
        "format": "vardskap-class", "version": 1,
        "class": { "id": "ht26-a", "name": "Värdskap HT26 A" },
        "course": { "id": "vardskap", "version": "1.2.0" },
        "lrs": { "endpoint": endpoint, "username": username, "password": password },
        "homePage": "https://hb.example.org"
    });
    ClassInvitation::parse(json.to_string().as_bytes(), "test.vdsk-class").unwrap()
}

/// A laptop's data folder: `name` joined the class and passed both modules.
/// Returns the folder and the ids of the statements it made.
fn laptop(name: &str, class: &ClassInvitation) -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_with(
        dir.path(),
        StoreOptions {
            backup_every: None,
            ..Default::default()
        },
    )
    .unwrap();
    store.install_course(&course(), "sv").unwrap();
    let p = store
        .create_profile(&NewProfile {
            name: name.into(),
            ..Default::default()
        })
        .unwrap();
    store
        .join_class(p.id, class, &ActorName::ProfileName)
        .unwrap();
    for m in ["m1", "m2"] {
        let a = store.start_attempt(p.id, "vardskap", m, "sv").unwrap();
        for q in ["q0", "q1"] {
            store
                .save_answer(a.id, q, &Answer::Numeric { value: 1.0 }, "sv")
                .unwrap();
        }
        store.submit_attempt(a.id, "sv").unwrap();
    }
    let ids = store
        .unsent_statements(p.id)
        .unwrap()
        .into_iter()
        .map(|s| s.statement_id)
        .collect();
    (dir, ids)
}

fn sync(dir: &Path) -> (i32, String, String) {
    super::results::cli(&["sync", "--data-dir", path(dir)], None)
}

fn waiting(dir: &Path) -> u64 {
    let store = Store::open_with(
        dir,
        StoreOptions {
            backup_every: None,
            ..Default::default()
        },
    )
    .unwrap();
    store.outbox_waiting_total().unwrap()
}

/// The statements the LRS holds for one account, asked for with `agent=`.
fn statements_of(ralph: &Ralph, account: &str) -> Vec<Value> {
    let agent = serde_json::json!({
        "objectType": "Agent",
        "account": { "homePage": "https://hb.example.org", "name": account }
    })
    .to_string();
    let query: String = percent(&agent);
    let (status, body) = http_get(
        ralph.port(),
        &format!("/xAPI/statements?limit=0&agent={query}"),
        Some(("alice", "secret")),
    )
    .unwrap();
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let page: Value = serde_json::from_slice(&body).unwrap();
    page["statements"].as_array().unwrap().clone()
}

fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn two_laptops_of_a_class_sync_and_the_lrs_holds_exactly_their_statements_once() {
    let ralph = Ralph::start();
    let class = invitation(&ralph.endpoint(), "alice", "secret");
    let (ada, ada_ids) = laptop("Ada", &class);
    let (bo, bo_ids) = laptop("Bo", &class);
    // Per laptop: 4 answers, passed + completed twice, the certificate.
    assert_eq!(ada_ids.len(), 9);

    for dir in [ada.path(), bo.path()] {
        let (code, out, err) = sync(dir);
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.contains("sent 9,"), "{out}");
        assert_eq!(waiting(dir), 0);
    }
    // Again: nothing waits, nothing is sent twice.
    let (code, out, _) = sync(ada.path());
    assert_eq!(code, 0);
    assert!(out.contains("sent 0,"), "{out}");

    let counts = ralph.count_by_id().unwrap();
    let expected: HashMap<String, usize> = ada_ids
        .iter()
        .chain(&bo_ids)
        .map(|id| (id.clone(), 1))
        .collect();
    assert_eq!(
        counts, expected,
        "every statement exactly once, and no other"
    );

    // Asked for one learner, the LRS gives exactly theirs.
    let stored = ralph.statements().unwrap();
    let account_of = |id: &str| {
        stored
            .iter()
            .find(|s| s["id"] == id)
            .map(|s| s["actor"]["account"]["name"].as_str().unwrap().to_string())
            .unwrap()
    };
    let ada_account = account_of(&ada_ids[0]);
    let mut got: Vec<String> = statements_of(&ralph, &ada_account)
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    got.sort();
    let mut want = ada_ids.clone();
    want.sort();
    assert_eq!(got, want);
    assert_ne!(ada_account, account_of(&bo_ids[0]));
}

#[test]
fn a_refused_password_or_an_lrs_that_is_down_keeps_everything_waiting() {
    let ralph = Ralph::start();
    let (refused, ids) = laptop("Ada", &invitation(&ralph.endpoint(), "alice", "wrong"));
    let (code, out, err) = sync(refused.path());
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("refused"), "{err}");
    assert_eq!(waiting(refused.path()), ids.len() as u64);

    // A port nobody listens on.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let (down, ids) = laptop(
        "Bo",
        &invitation(
            &format!("http://127.0.0.1:{closed}/xAPI/"),
            "alice",
            "secret",
        ),
    );
    let (code, out, err) = sync(down.path());
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(waiting(down.path()), ids.len() as u64);
    assert!(ralph.count_by_id().unwrap().is_empty());
}

#[test]
fn sync_explains_a_folder_without_data() {
    let empty = tempfile::tempdir().unwrap();
    let (code, _, err) = sync(empty.path());
    assert_eq!(code, 2);
    assert!(err.contains("holds no Värdskap progress"), "{err}");
}
