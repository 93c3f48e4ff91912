//! How fast the sync sends statements to a real LRS (Ralph on loopback, see
//! docs/testing-with-an-lrs.md; run scripts/setup-lrs.sh first).
//!
//! ```text
//! cargo run -p vardskap-sync --example throughput --release
//! cargo run -p vardskap-sync --example throughput --release -- --statements 5000 --batch 100 --batch 50
//! cargo run -p vardskap-sync --example throughput --release -- --outboxes 200 --parallel 16 --statements 50000
//! ```
//!
//! The first form sends `--statements` (5,000) from one outbox, once per
//! `--batch` (100 and 50), each to a fresh LRS. With `--outboxes K`, the
//! statements are spread over K outboxes (K learners' machines) that sync at
//! the same time, at most `--parallel P` at once (default: all), each
//! retrying with backoff until it is empty, to one LRS. Each run then reads
//! every statement back and checks that each is stored exactly once.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;
use vardskap_sync::testing::{MemOutbox, Ralph};
use vardskap_sync::{Backoff, BatchOutcome, Client, Outbox, Pending, Target, sync_once};

struct Args {
    statements: u64,
    batches: Vec<usize>,
    outboxes: Option<u64>,
    parallel: Option<usize>,
    timeout: Duration,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        statements: 5000,
        batches: Vec::new(),
        outboxes: None,
        parallel: None,
        timeout: Duration::from_secs(30),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .ok_or_else(|| format!("{flag} needs a value"))?
                .parse::<u64>()
                .map_err(|e| format!("{flag}: {e}"))
        };
        match flag.as_str() {
            "--statements" => args.statements = value()?,
            "--batch" => args.batches.push(value()? as usize),
            "--outboxes" => args.outboxes = Some(value()?),
            "--parallel" => args.parallel = Some(value()? as usize),
            "--timeout-secs" => args.timeout = Duration::from_secs(value()?),
            _ => {
                return Err(format!(
                    "unknown argument {flag}; use --statements N, --batch B (repeatable), \
                     --outboxes K, --parallel P, --timeout-secs S"
                ));
            }
        }
    }
    if args.batches.is_empty() {
        args.batches = if args.outboxes.is_some() {
            vec![50]
        } else {
            vec![100, 50]
        };
    }
    Ok(args)
}

/// An outbox that notes when each batch was recorded.
struct Timed {
    inner: MemOutbox,
    marks: Vec<(usize, Instant)>,
}

impl Outbox for Timed {
    fn next_batch(&mut self, max: usize) -> Result<Option<(Target, Vec<Pending>)>, String> {
        self.inner.next_batch(max)
    }

    fn record(&mut self, target: &Target, outcome: &BatchOutcome) -> Result<(), String> {
        self.inner.record(target, outcome)?;
        self.marks.push((self.inner.sent.len(), Instant::now()));
        Ok(())
    }
}

fn client(timeout: Duration) -> Client {
    vardskap_sync::client_builder(&vardskap_sync::ClientOptions {
        connect_timeout: Duration::from_secs(10),
        timeout,
    })
    .no_proxy()
    .build()
    .expect("client")
}

fn check_once(ralph: &Ralph, ids: &[String]) -> Result<(), String> {
    let counts = ralph.count_by_id()?;
    let twice = counts.values().filter(|&&n| n > 1).count();
    let wanted: HashSet<&String> = ids.iter().collect();
    let missing = ids.iter().filter(|id| !counts.contains_key(*id)).count();
    let foreign = counts.keys().filter(|id| !wanted.contains(id)).count();
    if twice + missing + foreign > 0 {
        return Err(format!(
            "{twice} stored more than once, {missing} missing, {foreign} unexpected"
        ));
    }
    Ok(())
}

fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

async fn one_outbox(args: &Args, batch: usize) -> Result<(), String> {
    let ralph = Ralph::try_start()?;
    let (inner, ids) = MemOutbox::with_samples(ralph.target(), "learner-0", args.statements);
    let bytes: usize = inner.waiting.values().map(String::len).sum();
    let mut outbox = Timed {
        inner,
        marks: Vec::new(),
    };
    let client = client(args.timeout);
    let start = Instant::now();
    let report = sync_once(&client, &mut outbox, batch).await;
    let elapsed = start.elapsed();
    if let Some(problem) = report.problem {
        return Err(format!("the sync stopped: {problem}"));
    }
    println!(
        "{} statements ({} KiB) in batches of {batch}: {:.2} s, {:.0} statements/s",
        report.sent,
        bytes / 1024,
        elapsed.as_secs_f64(),
        rate(report.sent, elapsed)
    );
    // The fs backend reads its whole file on every POST: the rate falls as
    // the store grows. Show the first and the last thousand.
    let at = |sent: usize| {
        outbox
            .marks
            .iter()
            .find(|(n, _)| *n >= sent)
            .map(|(n, t)| (*n, *t))
    };
    let n = report.sent;
    if n >= 2000
        && let (Some((a, ta)), Some((b, tb)), Some((c, tc))) =
            (at(1000), at(n.saturating_sub(1000)), at(n))
    {
        println!(
            "  first {a}: {:.0}/s; last {}: {:.0}/s",
            rate(a, ta - start),
            c - b,
            rate(c - b, tc - tb)
        );
    }
    check_once(&ralph, &ids)?;
    println!("  read back: each stored exactly once");
    Ok(())
}

async fn many_outboxes(args: &Args, outboxes: u64, batch: usize) -> Result<(), String> {
    let ralph = Ralph::try_start()?;
    let per = args.statements / outboxes;
    let parallel = args.parallel.unwrap_or(outboxes as usize).max(1);
    let client = client(args.timeout);
    let gate = Arc::new(Semaphore::new(parallel));
    let mut all_ids = Vec::new();
    let mut tasks = Vec::new();
    let start = Instant::now();
    for k in 0..outboxes {
        let (mut outbox, ids) =
            MemOutbox::with_samples(ralph.target(), &format!("learner-{k}"), per);
        all_ids.extend(ids);
        let (client, gate) = (client.clone(), gate.clone());
        tasks.push(tokio::spawn(async move {
            let _permit = gate.acquire_owned().await.expect("gate");
            // As the background sync would: retry with backoff until empty.
            let mut backoff = Backoff::default();
            let mut failures = Vec::new();
            loop {
                let report = sync_once(&client, &mut outbox, batch).await;
                match report.problem {
                    None => break,
                    Some(problem) => {
                        failures.push(problem.to_string());
                        tokio::time::sleep(backoff.next_delay()).await;
                    }
                }
            }
            (outbox.sent.len(), failures, start.elapsed())
        }));
    }
    let mut sent = 0;
    let mut failures = Vec::new();
    let mut slowest = Duration::ZERO;
    for task in tasks {
        let (n, f, done) = task.await.map_err(|e| e.to_string())?;
        sent += n;
        failures.extend(f);
        slowest = slowest.max(done);
    }
    let elapsed = start.elapsed();
    println!(
        "{sent} statements from {outboxes} outboxes ({per} each, batches of {batch}, {parallel} at a time): \
         {:.1} s, {:.0} statements/s; {} failed runs retried",
        elapsed.as_secs_f64(),
        rate(sent, elapsed),
        failures.len()
    );
    let mut kinds: Vec<&String> = failures.iter().collect();
    kinds.sort();
    kinds.dedup_by(|a, b| a.split(": ").nth(1) == b.split(": ").nth(1));
    for kind in kinds.iter().take(5) {
        println!("  e.g. {kind}");
    }
    let size = std::fs::metadata(ralph.data_file())
        .map(|m| m.len())
        .unwrap_or(0);
    println!("  LRS file: {} MiB", size >> 20);
    check_once(&ralph, &all_ids)?;
    println!("  read back: each of {} stored exactly once", all_ids.len());
    Ok(())
}

#[tokio::main]
async fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    for &batch in &args.batches {
        let result = match args.outboxes {
            Some(k) => many_outboxes(&args, k.max(1), batch).await,
            None => one_outbox(&args, batch).await,
        };
        if let Err(e) = result {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
