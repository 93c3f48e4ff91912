//! `vardskap-cli`: authoring and admin commands over the core.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version") => {
            println!("vardskap-cli {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: vardskap-cli <command> [args]\n  --version");
            ExitCode::from(2)
        }
    }
}
