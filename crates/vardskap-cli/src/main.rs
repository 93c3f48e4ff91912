//! `vardskap-cli`: authoring and admin commands over the core.
//!
//! Exit codes: 0 success, 1 the course (or package, or GIFT file) has
//! problems, 2 bad arguments or a file or folder that cannot be read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use vardskap_core::Error;
use vardskap_core::content::{Course, CourseStats, Diagnostic, check_course, course_stats};
use vardskap_core::gift::{self, ImportSummary};
use vardskap_core::package;

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
    /// Append the questions of a Moodle GIFT file to a module's quiz.toml.
    ImportGift {
        /// The GIFT file (UTF-8 text).
        file: PathBuf,
        /// The module folder (the one holding module.toml) inside a course.
        #[arg(long, value_name = "MODULE_DIR")]
        into: PathBuf,
        /// Competency of the imported questions; the course's first when left out.
        #[arg(long, value_name = "ID")]
        competency: Option<String>,
    },
    /// Pack a course folder into one package file for students.
    Pack {
        /// The course folder (the one holding course.toml).
        course_dir: PathBuf,
        /// The package file to write, e.g. course.vdsk.
        #[arg(short, long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Open a package file into a new course folder.
    Unpack {
        /// The package file.
        file: PathBuf,
        /// The new folder (must not exist, or be empty).
        #[arg(short, long, value_name = "DIR")]
        out: PathBuf,
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
        Command::ImportGift {
            file,
            into,
            competency,
        } => import_gift(&file, &into, competency),
        Command::Pack { course_dir, out } => {
            readable(&course_dir).map_or_else(|c| c, |()| pack(&course_dir, &out))
        }
        Command::Unpack { file, out } => unpack(&file, &out),
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
            eprintln!("usage: vardskap-cli <validate|stats|pack> <course-dir>  (see --help)");
            Err(ExitCode::from(USAGE_ERROR))
        }
    }
}

/// A file we can open for reading, or exit code 2 with a message.
fn readable_file(file: &Path, usage: &str) -> Result<(), ExitCode> {
    let opened = std::fs::File::open(file).and_then(|f| f.metadata());
    let problem = match opened {
        Ok(meta) if meta.is_file() => return Ok(()),
        Ok(_) => "it is not a file".to_string(),
        Err(e) => e.to_string(),
    };
    eprintln!("error: cannot read {}: {problem}", file.display());
    eprintln!("usage: {usage}  (see --help)");
    Err(ExitCode::from(USAGE_ERROR))
}

fn usage_error(message: &str, usage: &str) -> ExitCode {
    eprintln!("error: {message}");
    eprintln!("usage: {usage}  (see --help)");
    ExitCode::from(USAGE_ERROR)
}

/// The core's error as the CLI reports it: every diagnostic of an invalid
/// course on stdout, anything else as one line on stderr.
fn report_error(error: &Error, context: &str) -> ExitCode {
    match error {
        Error::InvalidContent(problems) => {
            print_problems(problems);
            eprintln!("error: {context}: the course has problems (listed above)");
        }
        other => eprintln!("error: {other}"),
    }
    ExitCode::from(PROBLEMS)
}

const IMPORT_USAGE: &str =
    "vardskap-cli import-gift <file.gift> --into <module-dir> [--competency <id>]";

fn import_gift(file: &Path, module_dir: &Path, competency: Option<String>) -> ExitCode {
    if let Err(code) = readable_file(file, IMPORT_USAGE) {
        return code;
    }
    if !module_dir.join("module.toml").is_file() {
        return usage_error(
            &format!(
                "{} is not a module folder: it has no module.toml",
                module_dir.display()
            ),
            IMPORT_USAGE,
        );
    }
    let known = match course_competencies(module_dir) {
        Ok(known) => known,
        Err(message) => return usage_error(&message, IMPORT_USAGE),
    };
    let competency = match competency {
        Some(id) if known.contains(&id) => id,
        Some(id) => {
            return usage_error(
                &format!(
                    "the course has no competency \"{id}\" (it has: {})",
                    known.join(", ")
                ),
                IMPORT_USAGE,
            );
        }
        None => match known.into_iter().next() {
            Some(first) => first,
            None => {
                return usage_error(
                    "the course declares no competency; add one to course.toml or give --competency",
                    IMPORT_USAGE,
                );
            }
        },
    };
    // Empty languages: the core takes the course's own.
    match gift::import_into_module(file, module_dir, &competency, &[]) {
        Ok(summary) => print_import(file, &competency, &summary),
        Err(e) => report_error(&e, "nothing was imported"),
    }
}

/// Competency ids declared in the module's course (`../../course.toml`), in order.
fn course_competencies(module_dir: &Path) -> Result<Vec<String>, String> {
    let course_file = module_dir.join("../../course.toml");
    let text = std::fs::read_to_string(&course_file).map_err(|e| {
        format!(
            "cannot read {} (a module folder sits in <course>/modules/): {e}",
            course_file.display()
        )
    })?;
    let table: toml::Table =
        toml::from_str(&text).map_err(|e| format!("{}: {}", course_file.display(), e.message()))?;
    let competencies = table
        .get("competency")
        .and_then(toml::Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    Ok(competencies
        .iter()
        .filter_map(|c| c.get("id").and_then(toml::Value::as_str))
        .map(str::to_string)
        .collect())
}

fn print_import(file: &Path, competency: &str, summary: &ImportSummary) -> ExitCode {
    let name = file.display();
    for q in &summary.imported {
        println!("{}: {} ({})", q.line, q.id, q.kind.as_str());
    }
    for s in &summary.skipped {
        println!("{name}:{}: skipped {}: {}", s.line, s.kind, s.reason);
    }
    for p in &summary.problems {
        println!("{}: {}", located(&name, p.line, p.column), p.message);
    }
    for n in &summary.notes {
        println!("{}: note: {}", located(&name, n.line, n.column), n.message);
    }
    let imported = summary.imported.len();
    println!(
        "imported {imported} question{} for competency `{competency}` into {}; skipped {}, {} problem{}",
        plural(imported),
        summary.quiz_file,
        summary.skipped.len(),
        summary.problems.len(),
        plural(summary.problems.len()),
    );
    if imported == 0 {
        eprintln!("error: nothing in {name} could be imported");
        ExitCode::from(PROBLEMS)
    } else {
        ExitCode::SUCCESS
    }
}

/// `file:line:col`, leaving out a 0 (the whole question or file).
fn located(file: &impl std::fmt::Display, line: u32, column: u32) -> String {
    match (line, column) {
        (0, _) => file.to_string(),
        (line, 0) => format!("{file}:{line}"),
        (line, column) => format!("{file}:{line}:{column}"),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn pack(course_dir: &Path, out: &Path) -> ExitCode {
    match package::pack(course_dir, out) {
        Ok(summary) => {
            println!(
                "packed {} file{} ({} bytes) into {} ({} bytes)",
                summary.files,
                plural(summary.files),
                summary.bytes,
                summary.package,
                summary.package_bytes
            );
            ExitCode::SUCCESS
        }
        Err(e) => report_error(&e, &format!("{} was not packed", course_dir.display())),
    }
}

fn unpack(file: &Path, out: &Path) -> ExitCode {
    if let Err(code) = readable_file(file, "vardskap-cli unpack <file> -o <dir>") {
        return code;
    }
    match package::unpack(file, out) {
        Ok(summary) => {
            println!(
                "opened {} file{} ({} bytes) into {}",
                summary.files,
                plural(summary.files),
                summary.bytes,
                summary.course_dir
            );
            ExitCode::SUCCESS
        }
        Err(e) => report_error(&e, &format!("{} was not opened", file.display())),
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
    eprintln!("{} problem{}", problems.len(), plural(problems.len()));
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
