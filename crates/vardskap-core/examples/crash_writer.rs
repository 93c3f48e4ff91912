//! The child process of the crash-safety test (`tests/core/crash.rs`): saves
//! answers to an installed course as fast as it can and prints
//! `ack <attempt> <question> <value>` after each `save_answer` has returned,
//! until it is killed. Values only grow, so the parent can check that every
//! acknowledged answer (or a later one) survived the kill.
//!
//! Usage: `crash_writer <data_dir> <profile_id> <course_id> <module_id>`

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use vardskap_core::quiz::Answer;
use vardskap_core::storage::{Store, StoreOptions};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crash_writer: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, profile, course, module] = args.as_slice() else {
        return Err("usage: crash_writer <data_dir> <profile_id> <course_id> <module_id>".into());
    };
    let profile = vardskap_core::progress::ProfileId(profile.parse()?);
    let mut store = Store::open_with(
        Path::new(dir),
        StoreOptions {
            backup_every: None,
            ..Default::default()
        },
    )?;
    let mut out = std::io::stdout().lock();
    loop {
        // Resumes the attempt a previous child was killed in.
        let attempt = store.start_attempt(profile, course, module, "en")?;
        let mut value = attempt
            .answers
            .iter()
            .filter_map(|a| match a.answer {
                Answer::Numeric { value } => Some(value),
                _ => None,
            })
            .fold(0.0_f64, f64::max);
        for round in 0..3 {
            for q in &attempt.questions {
                value += 1.0;
                store.save_answer(attempt.id, &q.id, &Answer::Numeric { value }, "en")?;
                writeln!(out, "ack {} {} {value} {round}", attempt.id, q.id)?;
                out.flush()?;
            }
        }
        store.submit_attempt(attempt.id, "en")?;
    }
}
