//! Test support (feature `testing`): a real LRS on loopback, an in-memory
//! outbox and sample statements, for this crate's tests and the CLI's and the
//! shell's.
//!
//! The LRS is Ralph (ralph-malph 5.1.0, filesystem backend), installed in a
//! virtual environment by `scripts/setup-lrs.sh` and started through
//! `scripts/lrs.py` (see docs/testing-with-an-lrs.md). [`Ralph::start`] fails,
//! with a message saying to run that script, when it is not installed: a test
//! that needs an LRS never passes without one.
//!
//! The helpers talk HTTP with the standard library only (blocking, short
//! calls), so they work from plain and from async tests alike.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

use crate::{BatchOutcome, ItemOutcome, Outbox, Pending, Target};

/// The users of every test LRS: (user name, password, mbox). Both passwords
/// are "secret" (bcrypt at cost 4, so checking one is quick).
pub const USERS: [(&str, &str, &str); 2] = [
    ("alice", "secret", "mailto:alice@example.org"),
    ("bob", "secret", "mailto:bob@example.org"),
];

/// bcrypt("secret"), cost 4.
const SECRET_HASH: &str = "$2b$04$si1In0LikAc3LVIjRcHL3u3b/.KlccmjMjksp7a9XSTUYX5wlSqDy";

/// How long Ralph may take to be ready.
const READY_DEADLINE: Duration = Duration::from_secs(30);

/// The repository's root (this crate is crates/vardskap-sync).
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Where scripts/setup-lrs.sh puts Ralph: `$VARDSKAP_RALPH_VENV`, else
/// target/ralph-venv in the repository.
pub fn venv_dir() -> PathBuf {
    match std::env::var_os("VARDSKAP_RALPH_VENV") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                repo_root().join(dir)
            }
        }
        _ => repo_root().join("target/ralph-venv"),
    }
}

/// A Ralph LRS on a loopback port, in a temporary directory of its own (its
/// statements, users, history and log), killed when dropped.
pub struct Ralph {
    dir: tempfile::TempDir,
    port: u16,
    child: Option<Child>,
}

impl Ralph {
    /// Starts an LRS and waits until it answers; panics (failing the test)
    /// with the reason, e.g. that scripts/setup-lrs.sh must be run first.
    pub fn start() -> Ralph {
        Ralph::try_start().unwrap_or_else(|e| panic!("{e}"))
    }

    /// Starts an LRS on a free port and waits (at most 30 s) until it
    /// answers.
    pub fn try_start() -> Result<Ralph, String> {
        let python = venv_dir().join("bin/python");
        let stamp = venv_dir().join(".vardskap-ralph-5.1.0");
        if !python.exists() || !stamp.exists() {
            return Err(format!(
                "Ralph, the LRS the sync tests run against, is not installed in {}: \
                 run scripts/setup-lrs.sh (make setup-test does) and test again",
                venv_dir().display()
            ));
        }
        let dir = tempfile::Builder::new()
            .prefix("vardskap-ralph-")
            .tempdir()
            .map_err(|e| format!("cannot make a directory for Ralph: {e}"))?;
        fs::create_dir_all(dir.path().join("app"))
            .and_then(|()| fs::create_dir_all(dir.path().join("data")))
            .map_err(|e| format!("cannot make Ralph's directories: {e}"))?;
        let users: Vec<Value> = USERS
            .iter()
            .map(|(user, _, mbox)| {
                json!({"agent": {"mbox": mbox, "objectType": "Agent"}, "scopes": ["all"],
                       "hash": SECRET_HASH, "username": user})
            })
            .collect();
        fs::write(
            dir.path().join("app/auth.json"),
            Value::Array(users).to_string(),
        )
        .map_err(|e| format!("cannot write Ralph's users: {e}"))?;
        let mut ralph = Ralph {
            dir,
            port: 0,
            child: None,
        };
        // A free port may be taken between asking and Ralph binding it.
        let mut last = String::new();
        for _ in 0..3 {
            ralph.port = free_port()?;
            match ralph.launch() {
                Ok(()) => return Ok(ralph),
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    /// The port it listens on (127.0.0.1).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The xAPI endpoint: `http://127.0.0.1:PORT/xAPI/`.
    pub fn endpoint(&self) -> String {
        format!("{}/xAPI/", self.base_url())
    }

    /// A target for the first user (alice).
    pub fn target(&self) -> Target {
        self.target_as(0)
    }

    /// A target for one of [`USERS`] (0: alice, 1: bob).
    pub fn target_as(&self, user: usize) -> Target {
        let (username, password, _) = USERS[user];
        Target {
            endpoint: self.endpoint(),
            username: username.to_owned(),
            password: password.to_owned(),
        }
    }

    /// Its directory (app/ with the users and history, data/ with the
    /// statements, server.log).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The file the statements are appended to.
    pub fn data_file(&self) -> PathBuf {
        self.dir.path().join("data/fs_lrs.jsonl")
    }

    /// The server's output so far (for a failing test's message).
    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    /// Whether the server process is running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.as_mut().map(Child::try_wait), Some(Ok(None)))
    }

    /// Kills the server at once (SIGKILL) and reaps it. Its data stays.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Kills the server if it runs and starts it again on the same
    /// directory and port; waits until it answers.
    pub fn restart(&mut self) -> Result<(), String> {
        self.kill();
        // The port is free again once the process is reaped; uvicorn binds
        // with SO_REUSEADDR, so connections in TIME_WAIT do not matter.
        self.launch()
    }

    fn launch(&mut self) -> Result<(), String> {
        let dir = self.dir.path();
        let log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("server.log"))
            .map_err(|e| format!("cannot open Ralph's log: {e}"))?;
        let log2 = log
            .try_clone()
            .map_err(|e| format!("cannot open Ralph's log: {e}"))?;
        let mut command = Command::new(venv_dir().join("bin/python"));
        command
            .arg(repo_root().join("scripts/lrs.py"))
            .arg(self.port.to_string())
            .arg("--exit-with-parent")
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log2)
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .env("RALPH_APP_DIR", dir.join("app"))
            .env("RALPH_AUTH_FILE", dir.join("app/auth.json"))
            .env("RALPH_HISTORY_FILE", dir.join("app/history.json"))
            .env(
                "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH",
                dir.join("data"),
            )
            .env("PYTHONDONTWRITEBYTECODE", "1");
        let child = command
            .spawn()
            .map_err(|e| format!("cannot start Ralph ({}): {e}", venv_dir().display()))?;
        self.child = Some(child);
        let start = Instant::now();
        loop {
            if let Ok((200, _)) = http_get(self.port, "/__heartbeat__", None) {
                return Ok(());
            }
            if !self.is_running() {
                self.kill();
                return Err(format!(
                    "Ralph exited before it was ready (port {}); its log:\n{}",
                    self.port,
                    self.log()
                ));
            }
            if start.elapsed() > READY_DEADLINE {
                self.kill();
                return Err(format!(
                    "Ralph was not ready within {READY_DEADLINE:?} (port {}); its log:\n{}",
                    self.port,
                    self.log()
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Every statement the LRS holds, read as the first user with
    /// `GET /xAPI/statements?limit=0` (0: all), following `more`.
    pub fn statements(&self) -> Result<Vec<Value>, String> {
        let (user, password, _) = USERS[0];
        let mut all = Vec::new();
        let mut path = "/xAPI/statements?limit=0".to_owned();
        for _ in 0..100_000 {
            let (status, body) = http_get(self.port, &path, Some((user, password)))?;
            if status != 200 {
                return Err(format!(
                    "GET {path}: {status} {}",
                    String::from_utf8_lossy(&body)
                ));
            }
            let mut page: Value =
                serde_json::from_slice(&body).map_err(|e| format!("GET {path}: not JSON: {e}"))?;
            match page.get_mut("statements").map(Value::take) {
                // An empty page ends the list (Ralph 5.1.0 sends `more` after
                // an empty page when limit=0).
                Some(Value::Array(list)) if list.is_empty() => return Ok(all),
                Some(Value::Array(list)) => all.extend(list),
                _ => return Err(format!("GET {path}: no statements list")),
            }
            match page.get("more").and_then(Value::as_str) {
                Some(more) if !more.is_empty() => path = more.to_owned(),
                _ => return Ok(all),
            }
        }
        Err("GET statements: more than 100,000 pages".to_owned())
    }

    /// How many times each statement id is stored.
    pub fn count_by_id(&self) -> Result<HashMap<String, usize>, String> {
        let mut counts = HashMap::new();
        for statement in self.statements()? {
            let id = statement
                .get("id")
                .and_then(Value::as_str)
                .ok_or("a stored statement without an id")?;
            *counts.entry(id.to_owned()).or_insert(0) += 1;
        }
        Ok(counts)
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        self.kill();
    }
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free loopback port: {e}"))
}

/// A blocking `GET` on 127.0.0.1 (HTTP/1.1, one request per connection):
/// the status and the body.
pub fn http_get(
    port: u16,
    path: &str,
    auth: Option<(&str, &str)>,
) -> Result<(u16, Vec<u8>), String> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let fail = |e: std::io::Error| format!("GET {path}: {e}");
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).map_err(fail)?;
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(fail)?;
    let mut request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    if let Some((user, password)) = auth {
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        request.push_str(&format!("Authorization: Basic {token}\r\n"));
    }
    request.push_str("X-Experience-API-Version: 1.0.3\r\n\r\n");
    stream.write_all(request.as_bytes()).map_err(fail)?;
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).map_err(fail)?;
    let head_end = reply
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("GET {path}: no complete reply"))?;
    let head = String::from_utf8_lossy(&reply[..head_end]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| format!("GET {path}: no status"))?;
    let body = reply[head_end + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        Ok((
            status,
            dechunk(&body).ok_or_else(|| format!("GET {path}: bad chunks"))?,
        ))
    } else {
        Ok((status, body))
    }
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..)?;
    }
}

/// A random UUID, version 4, in lower-case hex.
pub fn new_uuid() -> String {
    let mut n = fastrand::u128(..);
    n = (n & !(0xf << 76)) | (0x4 << 76); // version 4
    n = (n & !(0x3 << 62)) | (0x2 << 62); // variant 10
    let h = format!("{n:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// A quiz-answer statement as the app makes them: a fresh id, an `account`
/// actor (`learner` is the account's name), a timestamp with `Z` (the `n`th
/// second after 2026-01-15T10:00:00Z, within January). Returns the id and
/// the compact JSON.
pub fn sample_statement(learner: &str, n: u64) -> (String, String) {
    let id = new_uuid();
    let s = n % (16 * 86_400) + 10 * 3600;
    let timestamp = format!(
        "2026-01-{:02}T{:02}:{:02}:{:02}Z",
        15 + s / 86_400,
        s / 3600 % 24,
        s / 60 % 60,
        s % 60
    );
    let q = n % 20 + 1;
    let body = json!({
        "id": id,
        "actor": {"objectType": "Agent", "name": format!("Learner {learner}"),
                  "account": {"homePage": "https://vardskap.example.org", "name": learner}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
        "object": {"objectType": "Activity", "id": format!("https://example.org/course/mod-1/quiz/q-{q}"),
            "definition": {"type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                "name": {"en-US": format!("Question {q}")}, "interactionType": "choice",
                "correctResponsesPattern": ["co2"],
                "choices": [{"id": "o2", "description": {"en-US": "Oxygen"}},
                            {"id": "co2", "description": {"en-US": "Carbon dioxide"}}]}},
        "result": {"success": true, "score": {"scaled": 1.0}, "response": "co2"},
        "context": {"registration": "0b8e2f4a-7d3c-4e5f-8a9b-1c2d3e4f5a6b",
            "contextActivities": {"parent": [{"objectType": "Activity", "id": "https://example.org/course/mod-1",
                "definition": {"type": "http://adlnet.gov/expapi/activities/module"}}]}},
        "timestamp": timestamp,
    });
    (id, body.to_string())
}

/// The `id` of a statement's JSON.
pub fn statement_id(body: &str) -> Option<String> {
    serde_json::from_str::<Value>(body)
        .ok()?
        .get("id")?
        .as_str()
        .map(str::to_owned)
}

/// An outbox in memory, for one target, that keeps what became of each
/// statement. Its [`Outbox::record`] fails on a key it does not hold waiting
/// (a statement recorded twice).
#[derive(Debug)]
pub struct MemOutbox {
    /// Where its statements go.
    pub target: Target,
    /// Waiting statements by key (keys grow: oldest first).
    pub waiting: BTreeMap<i64, String>,
    /// Keys confirmed sent, in order.
    pub sent: Vec<i64>,
    /// Keys set aside on a conflict, with the reason.
    pub conflicts: Vec<(i64, String)>,
    /// Keys set aside as refused, with the reason.
    pub quarantined: Vec<(i64, String)>,
    /// Set by a `Refused` outcome: nothing more is offered while it is set.
    pub refused: Option<u16>,
    /// The reasons of `Unreachable` outcomes, in order.
    pub unreachable: Vec<String>,
    /// Batches handed out.
    pub batches: usize,
    next_key: i64,
}

impl MemOutbox {
    /// An empty outbox for a target.
    pub fn new(target: Target) -> Self {
        MemOutbox {
            target,
            waiting: BTreeMap::new(),
            sent: Vec::new(),
            conflicts: Vec::new(),
            quarantined: Vec::new(),
            refused: None,
            unreachable: Vec::new(),
            batches: 0,
            next_key: 1,
        }
    }

    /// An outbox holding `n` [`sample_statement`]s of one learner; also
    /// returns their ids in order.
    pub fn with_samples(target: Target, learner: &str, n: u64) -> (Self, Vec<String>) {
        let mut outbox = MemOutbox::new(target);
        let ids = (0..n)
            .map(|i| {
                let (id, body) = sample_statement(learner, i);
                outbox.push(body);
                id
            })
            .collect();
        (outbox, ids)
    }

    /// Adds a statement; returns its key.
    pub fn push(&mut self, body: String) -> i64 {
        let key = self.next_key;
        self.next_key += 1;
        self.waiting.insert(key, body);
        key
    }
}

impl Outbox for MemOutbox {
    fn next_batch(&mut self, max: usize) -> Result<Option<(Target, Vec<Pending>)>, String> {
        if self.refused.is_some() || self.waiting.is_empty() {
            return Ok(None);
        }
        self.batches += 1;
        let items = self
            .waiting
            .iter()
            .take(max)
            .map(|(&key, body)| Pending {
                key,
                body: body.clone(),
            })
            .collect();
        Ok(Some((self.target.clone(), items)))
    }

    fn record(&mut self, target: &Target, outcome: &BatchOutcome) -> Result<(), String> {
        if *target != self.target {
            return Err(format!("unknown target {target:?}"));
        }
        match outcome {
            BatchOutcome::Done(items) => {
                for (key, item) in items {
                    if self.waiting.remove(key).is_none() {
                        return Err(format!("statement {key} recorded but not waiting"));
                    }
                    match item {
                        ItemOutcome::Sent => self.sent.push(*key),
                        ItemOutcome::Conflict(r) => self.conflicts.push((*key, r.clone())),
                        ItemOutcome::Quarantined(r) => self.quarantined.push((*key, r.clone())),
                    }
                }
            }
            BatchOutcome::Refused { status } => self.refused = Some(*status),
            BatchOutcome::Unreachable { reason } => self.unreachable.push(reason.clone()),
        }
        Ok(())
    }
}

/// Peak resident memory of this process (VmHWM), in bytes, where /proc tells.
pub fn peak_rss_bytes() -> Option<u64> {
    let mut status = String::new();
    File::open("/proc/self/status")
        .ok()?
        .read_to_string(&mut status)
        .ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
