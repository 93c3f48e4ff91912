//! `vardskap-cli sync`: sends what waits in a data folder's outbox to each
//! class's Learning Record Store, once, and reports it (a computer lab's
//! scheduled job, or a last push before a laptop is handed back).

use std::path::Path;
use std::process::ExitCode;

use vardskap_core::storage::{DB_FILE, Store, StoreOptions};
use vardskap_sync::{ClientOptions, Problem, StoreOutbox, sync_once};

use crate::{number, print_error, say, text};

/// Statements per request.
const BATCH: usize = 100;

/// Exit codes: 0 everything waiting was sent (or set aside by the LRS and
/// reported), 1 an LRS could not be reached or refused the credential (the
/// statements still wait), 2 usage or a data folder that cannot be opened.
pub fn run(data_dir: &Path) -> ExitCode {
    if !data_dir.join(DB_FILE).is_file() {
        let args = [("dir", text(data_dir.display())), ("file", text(DB_FILE))];
        print_error(say("cli-noProgress", &args));
        return ExitCode::from(2);
    }
    let options = StoreOptions {
        backup_every: None,
        ..Default::default()
    };
    let store = match Store::open_with(data_dir, options) {
        Ok(store) => store,
        Err(e) => {
            print_error(e.message(crate::lang()));
            return ExitCode::from(2);
        }
    };
    let client = match vardskap_sync::client(&ClientOptions::default()) {
        Ok(client) => client,
        Err(e) => {
            print_error(say("cli-syncOutbox", &[("reason", text(e))]));
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            print_error(say("cli-syncOutbox", &[("reason", text(e))]));
            return ExitCode::from(2);
        }
    };
    let mut outbox = StoreOutbox::new(store);
    let report = runtime.block_on(sync_once(&client, &mut outbox, BATCH));
    let waiting = outbox.store().outbox_waiting_total().unwrap_or(0);
    let set_aside = report.conflicts + report.quarantined;
    println!(
        "{}",
        say(
            "cli-syncReport",
            &[
                ("sent", number(report.sent as u64)),
                ("setAside", number(set_aside as u64)),
                ("waiting", number(waiting)),
            ],
        )
    );
    let Some(problem) = report.problem else {
        return ExitCode::SUCCESS;
    };
    print_error(match problem {
        Problem::Unreachable { endpoint, reason } => say(
            "cli-syncUnreachable",
            &[("endpoint", text(endpoint)), ("reason", text(reason))],
        ),
        Problem::Refused { endpoint, status } => say(
            "cli-syncRefused",
            &[
                ("endpoint", text(endpoint)),
                ("status", number(u64::from(status))),
            ],
        ),
        Problem::Outbox(reason) => say("cli-syncOutbox", &[("reason", text(reason))]),
    });
    ExitCode::from(1)
}
