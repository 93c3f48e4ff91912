//! `vardskap-cli`: authoring and admin commands over the core.
//!
//! Exit codes: 0 success, 1 the course has problems, 2 bad arguments or a
//! folder that cannot be read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use vardskap_core::content::{Course, CourseStats, Diagnostic, check_course, course_stats};

#[derive(Parser)]
#[command(
    name = "vardskap-cli",
    version,
    about = "Authoring and admin commands for Värdskap courses"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a course folder; print every problem as `path:line:col: message`.
    Validate {
        /// The course folder (the one holding course.toml).
        course_dir: PathBuf,
    },
    /// Per module: lessons, questions by kind, scenarios, complete languages.
    Stats {
        /// The course folder (the one holding course.toml).
        course_dir: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

const USAGE_ERROR: u8 = 2;
const PROBLEMS: u8 = 1;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // clap prints usage and picks the code: 0 for --help/--version, 2 for errors.
        Err(e) => e.exit(),
    };
    match cli.command {
        Command::Validate { course_dir } => {
            readable(&course_dir).map_or_else(|c| c, |()| validate(&course_dir))
        }
        Command::Stats { course_dir, json } => {
            readable(&course_dir).map_or_else(|c| c, |()| stats(&course_dir, json))
        }
    }
}

/// A folder we can list, or exit code 2 with a message.
fn readable(dir: &Path) -> Result<(), ExitCode> {
    match std::fs::read_dir(dir) {
        Ok(_) => Ok(()),
        Err(e) => {
            eprintln!(
                "error: cannot read the course folder {}: {e}",
                dir.display()
            );
            eprintln!("usage: vardskap-cli <validate|stats> <course-dir>  (see --help)");
            Err(ExitCode::from(USAGE_ERROR))
        }
    }
}

fn validate(dir: &Path) -> ExitCode {
    match check_course(dir) {
        (Some(course), problems) if problems.is_empty() => {
            println!("{}: {}", dir.display(), summary(&course));
            ExitCode::SUCCESS
        }
        (_, problems) => {
            print_problems(&problems);
            ExitCode::from(PROBLEMS)
        }
    }
}

fn print_problems(problems: &[Diagnostic]) {
    for p in problems {
        println!("{p}");
    }
    eprintln!(
        "{} problem{}",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
}

fn summary(course: &Course) -> String {
    let count = |f: fn(&vardskap_core::content::Module) -> usize| {
        course.modules.iter().map(f).sum::<usize>()
    };
    format!(
        "course `{}` {} is valid: {} modules, {} lessons, {} questions, {} scenarios in {}",
        course.id,
        course.version,
        course.modules.len(),
        count(|m| m.lessons.len()),
        count(|m| m.questions.len()),
        count(|m| m.scenarios.len()),
        course.languages.join(", "),
    )
}

fn stats(dir: &Path, json: bool) -> ExitCode {
    let (course, problems) = check_course(dir);
    let Some(course) = course else {
        print_problems(&problems);
        return ExitCode::from(PROBLEMS);
    };
    let stats = course_stats(&course);
    if json {
        match serde_json::to_string_pretty(&stats) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(PROBLEMS);
            }
        }
    } else {
        print!("{}", table(&stats));
    }
    if !problems.is_empty() {
        eprintln!(
            "note: the course has {} problem(s); run `vardskap-cli validate` to list them",
            problems.len()
        );
    }
    ExitCode::SUCCESS
}

fn table(stats: &CourseStats) -> String {
    let mut out = format!(
        "{} {} ({})\n",
        stats.id,
        stats.version,
        stats.languages.join(", ")
    );
    let rows: Vec<[String; 5]> = stats
        .modules
        .iter()
        .map(|m| {
            let total: usize = m.questions.values().sum();
            let kinds: Vec<String> = m
                .questions
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            let questions = if kinds.is_empty() {
                "0".to_string()
            } else {
                format!("{total} ({})", kinds.join(", "))
            };
            let langs: Vec<String> = stats
                .languages
                .iter()
                .map(|l| {
                    let ok = m.languages_complete.get(l).copied().unwrap_or(false);
                    format!("{l} {}", if ok { "complete" } else { "INCOMPLETE" })
                })
                .collect();
            [
                m.dir.clone(),
                m.lessons.to_string(),
                questions,
                m.scenarios.to_string(),
                langs.join(", "),
            ]
        })
        .collect();
    let header = ["module", "lessons", "questions", "scenarios", "languages"].map(String::from);
    let widths: Vec<usize> = (0..5)
        .map(|i| {
            std::iter::once(&header)
                .chain(&rows)
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}
