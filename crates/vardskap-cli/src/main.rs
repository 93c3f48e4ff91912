//! `vardskap-cli`: authoring and admin commands over the core.
//!
//! Exit codes: 0 success, 1 the course (or package, or GIFT file) has
//! problems (for `validate --strict` also warnings), 2 bad arguments, an
//! unknown id or a file or folder that cannot be read.
//! `verify-certificate`: 0 the code matches, 1 it does not, 2 usage.
//! `export-results` and `certificate`: 0 written, 1 the store refused (no such
//! profile, wrong PIN, course not passed), 2 usage.
//!
//! The tool speaks English unless `--lang` (before the command) asks for
//! another language of the catalogue: its own sentences are the `cli-…`
//! messages of `locales/<lang>.ftl`, and the core's errors their `.detail`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

mod preview;
mod sync;

use clap::{Parser, Subcommand, ValueEnum};
use vardskap_core::Error;
use vardskap_core::certificate;
use vardskap_core::content::{
    Course, CourseStats, Diagnostic, check_course, course_stats, layout, lint_course_dir,
};
use vardskap_core::export;
use vardskap_core::gift::{self, ImportSummary};
use vardskap_core::i18n::{self, MessageArg};
use vardskap_core::package;
use vardskap_core::progress::Profile;
use vardskap_core::session::Session;
use vardskap_core::storage::{DB_FILE, Store, StoreOptions};

#[derive(Parser)]
#[command(
    name = "vardskap-cli",
    version,
    about = "Authoring and admin commands for Värdskap courses"
)]
struct Cli {
    /// Language of the tool's messages: en (the default) or sv. Give it
    /// before the command, as in `vardskap-cli --lang sv validate <dir>`.
    #[arg(long, value_name = "LANG", default_value = i18n::FALLBACK, value_parser = catalogue_language)]
    lang: String,
    #[command(subcommand)]
    command: Command,
}

/// A language the catalogue has.
fn catalogue_language(lang: &str) -> Result<String, String> {
    let known: Vec<&str> = i18n::CATALOGUES.iter().map(|&(l, _)| l).collect();
    if known.contains(&lang) {
        Ok(lang.to_string())
    } else {
        Err(format!("the messages are in {}", known.join(", ")))
    }
}

/// The language of the tool's sentences, set once from `--lang`.
static LANG: OnceLock<String> = OnceLock::new();

pub(crate) fn lang() -> &'static str {
    LANG.get().map_or(i18n::FALLBACK, String::as_str)
}

/// The catalogue's message `id` (a `cli-…` one) in the tool's language.
pub(crate) fn say(id: &str, args: &[(&str, MessageArg)]) -> String {
    i18n::tr(lang(), id, args)
}

/// A text placeholder's value.
pub(crate) fn text(value: impl std::fmt::Display) -> MessageArg {
    MessageArg::Text(value.to_string())
}

/// A number placeholder's value (plural forms select on it).
pub(crate) fn number(n: u64) -> MessageArg {
    MessageArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

fn count(n: usize) -> MessageArg {
    MessageArg::from(n)
}

#[derive(Subcommand)]
enum Command {
    /// Check a course folder; print every problem as `path:line:col: message`,
    /// then the item lint's warnings as `path:line:col: warning: message`.
    Validate {
        /// The course folder (the one holding course.toml).
        course_dir: PathBuf,
        /// Fail (exit code 1) on warnings too.
        #[arg(long)]
        strict: bool,
    },
    /// Per module: lessons, questions by kind, scenarios, complete languages;
    /// with --json also where the answer keys are and how long they are.
    Stats {
        /// The course folder (the one holding course.toml).
        course_dir: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show a lesson, a question or a role-play node as a learner gets it,
    /// without its key.
    Preview {
        /// The course folder (the one holding course.toml).
        course_dir: PathBuf,
        /// `<module-id>/<lesson-id|question-id|scenario-id[#node-id]>`;
        /// a role-play shows its start node unless a node is given.
        #[arg(value_name = "MODULE/ITEM")]
        item: String,
        /// The shuffle seed (an attempt's or a run's); a new one when left out.
        #[arg(long)]
        seed: Option<u64>,
        /// The language; the course's first when left out.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// Print JSON (a lesson as its HTML) instead of text.
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
    /// Write a learner's results as CSV or as a JSON results file.
    ExportResults {
        #[command(flatten)]
        learner: LearnerArgs,
        #[arg(long, value_enum)]
        format: ResultsFormat,
        /// The file to write.
        #[arg(short, long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Write the course certificate (PDF) of a learner who passed the course.
    Certificate {
        #[command(flatten)]
        learner: LearnerArgs,
        /// Language of the certificate; the learner's own, else the course's first.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// The PDF file to write.
        #[arg(short, long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Send the statements waiting in a data folder's outbox to each class's
    /// Learning Record Store, once (exit 1 when an LRS cannot be reached).
    Sync {
        /// The app's data directory (else VARDSKAP_DATA_DIR).
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
    },
    /// Check a certificate's verification code against a JSON results file.
    VerifyCertificate {
        /// The learner's results file (export-results --format json).
        #[arg(long, value_name = "FILE")]
        results: PathBuf,
        /// The code printed on the certificate, e.g. 1A2B-3C4D-5E6F-7081.
        #[arg(long)]
        code: String,
    },
}

/// Which learner's results, in which data directory.
#[derive(clap::Args)]
struct LearnerArgs {
    /// The learner's profile name.
    #[arg(long, value_name = "NAME")]
    profile: String,
    /// The profile's PIN, when it has one.
    #[arg(long)]
    pin: Option<String>,
    /// The course id; may be left out when one course is installed.
    #[arg(long, value_name = "ID")]
    course: Option<String>,
    /// The app's data directory (else VARDSKAP_DATA_DIR).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ResultsFormat {
    Csv,
    Json,
}

impl From<ResultsFormat> for export::ResultsFormat {
    fn from(format: ResultsFormat) -> Self {
        match format {
            ResultsFormat::Csv => export::ResultsFormat::Csv,
            ResultsFormat::Json => export::ResultsFormat::Json,
        }
    }
}

const USAGE_ERROR: u8 = 2;
const PROBLEMS: u8 = 1;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // clap prints usage and picks the code: 0 for --help/--version, 2 for errors.
        Err(e) => e.exit(),
    };
    let _ = LANG.set(cli.lang);
    match cli.command {
        Command::Validate { course_dir, strict } => {
            readable(&course_dir).map_or_else(|c| c, |()| validate(&course_dir, strict))
        }
        Command::Preview {
            course_dir,
            item,
            seed,
            lang,
            json,
        } => readable(&course_dir).map_or_else(
            |c| c,
            |()| preview::run(&course_dir, &item, seed, lang.as_deref(), json),
        ),
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
        Command::ExportResults {
            learner,
            format,
            out,
        } => export_results(&learner, format, &out),
        Command::Certificate { learner, lang, out } => write_certificate(&learner, lang, &out),
        Command::VerifyCertificate { results, code } => verify_certificate(&results, &code),
        Command::Sync { data_dir } => {
            match data_dir.or_else(|| std::env::var_os("VARDSKAP_DATA_DIR").map(PathBuf::from)) {
                Some(dir) => sync::run(&dir),
                None => usage_error(
                    &say("cli-noDataDir", &[]),
                    "vardskap-cli sync --data-dir <dir>",
                ),
            }
        }
    }
}

const EXPORT_USAGE: &str =
    "vardskap-cli export-results --profile <name> --format csv|json -o <file> [--data-dir <dir>]";
const CERTIFICATE_USAGE: &str =
    "vardskap-cli certificate --profile <name> -o <file.pdf> [--data-dir <dir>]";
const VERIFY_USAGE: &str = "vardskap-cli verify-certificate --results <file.json> --code <CODE>";

/// The open store, the learner and the course id that `args` name.
/// The store in `data_dir`, opened in place when that is safe: the folder
/// is writable and the database is of this app's schema, so nothing is
/// migrated and a wrong PIN's wait is stored. Otherwise (a read-only folder,
/// an older app's database) a copy in `snapshot_dir` is read and the data
/// folder is left exactly as it is.
fn open_store(data_dir: &Path, snapshot_dir: &Path) -> vardskap_core::Result<Store> {
    let writable = tempfile::tempfile_in(data_dir).is_ok();
    if writable && Store::schema_version_of(data_dir)? == vardskap_core::storage::SCHEMA_VERSION {
        let options = StoreOptions {
            backup_every: None,
            ..Default::default()
        };
        return Store::open_with(data_dir, options);
    }
    Store::open_snapshot(data_dir, snapshot_dir)
}

/// The store in the data folder, as a session of the learner that `args`
/// name (signed in with their PIN, so wrong PINs wait as in the app) in the
/// course they name or the only one installed.
fn open_learner(
    args: &LearnerArgs,
    usage: &str,
    snapshot_dir: &Path,
) -> Result<(Session, Profile), ExitCode> {
    let data_dir = match args
        .data_dir
        .clone()
        .or_else(|| std::env::var_os("VARDSKAP_DATA_DIR").map(PathBuf::from))
    {
        Some(dir) => dir,
        None => return Err(usage_error(&say("cli-noDataDir", &[]), usage)),
    };
    // Opening would create an empty store; a wrong path is a mistake to report.
    if !data_dir.join(DB_FILE).is_file() {
        return Err(usage_error(
            &say(
                "cli-noProgress",
                &[("dir", text(data_dir.display())), ("file", text(DB_FILE))],
            ),
            usage,
        ));
    }
    let not_opened = |e: Error| report_error(&e, &say("cli-learnerNotOpened", &[]));
    let store = open_store(&data_dir, snapshot_dir).map_err(not_opened)?;
    let profiles = store.profiles().map_err(not_opened)?;
    let found = profiles
        .iter()
        .find(|p| p.name == args.profile)
        .or_else(|| {
            profiles
                .iter()
                .find(|p| p.name.to_lowercase() == args.profile.to_lowercase())
        });
    let Some(profile) = found else {
        let names: Vec<&str> = profiles.iter().map(|p| p.name.as_str()).collect();
        let names = if names.is_empty() {
            say("cli-noProfiles", &[])
        } else {
            names.join(", ")
        };
        return Err(usage_error(
            &say(
                "cli-noSuchProfile",
                &[("name", text(&args.profile)), ("names", text(names))],
            ),
            usage,
        ));
    };
    if profile.has_pin && args.pin.is_none() {
        return Err(usage_error(
            &say("cli-profileHasPin", &[("name", text(&profile.name))]),
            usage,
        ));
    }
    let id = profile.id;
    let mut session = Session::new(store);
    let profile = session
        .sign_in(id, args.pin.as_deref())
        .map_err(not_opened)?;
    let courses = session.installed_courses(lang()).map_err(not_opened)?;
    let course = match (&args.course, courses.as_slice()) {
        (Some(id), _) if courses.iter().any(|c| &c.id == id) => id.clone(),
        (Some(id), _) => {
            return Err(usage_error(
                &say("cli-courseNotInstalled", &[("id", text(id))]),
                usage,
            ));
        }
        (None, [only]) => only.id.clone(),
        (None, []) => return Err(usage_error(&say("cli-noCourseInstalled", &[]), usage)),
        (None, many) => {
            let ids: Vec<&str> = many.iter().map(|c| c.id.as_str()).collect();
            return Err(usage_error(
                &say("cli-severalCourses", &[("ids", text(ids.join(", ")))]),
                usage,
            ));
        }
    };
    session.work_in(&course).map_err(not_opened)?;
    Ok((session, profile))
}

/// Writes `out` whole or not at all: a temporary file beside it, renamed
/// into place, so a full disk or a kill never leaves half a results file.
fn write_file(out: &Path, bytes: &[u8]) -> ExitCode {
    match vardskap_core::whole_file::write(out, bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let reason = e.message(lang());
            let message = say(
                "cli-cannotWrite",
                &[("path", text(out.display())), ("reason", text(reason))],
            );
            print_error(message);
            ExitCode::from(USAGE_ERROR)
        }
    }
}

fn export_results(args: &LearnerArgs, format: ResultsFormat, out: &Path) -> ExitCode {
    let snapshot = tempfile::tempdir();
    let Ok(snapshot) = snapshot else {
        return no_temp_folder();
    };
    let (session, profile) = match open_learner(args, EXPORT_USAGE, snapshot.path()) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let course = session.course_id().unwrap_or_default().to_string();
    match session.results_text(format.into()) {
        Ok(results) => {
            let code = write_file(out, results.as_bytes());
            if code == ExitCode::SUCCESS {
                let args = [
                    ("name", text(&profile.name)),
                    ("course", text(&course)),
                    ("path", text(out.display())),
                ];
                println!("{}", say("cli-wroteResults", &args));
            }
            code
        }
        Err(e) => report_error(&e, &say("cli-noResults", &[])),
    }
}

fn write_certificate(args: &LearnerArgs, lang: Option<String>, out: &Path) -> ExitCode {
    let snapshot = tempfile::tempdir();
    let Ok(snapshot) = snapshot else {
        return no_temp_folder();
    };
    let (session, profile) = match open_learner(args, CERTIFICATE_USAGE, snapshot.path()) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let lang = match lang.or(profile.language.clone()) {
        Some(lang) => lang,
        None => match session.course() {
            Ok(c) => c.languages.first().cloned().unwrap_or_else(|| "en".into()),
            Err(e) => return report_error(&e, &say("cli-noCertificate", &[])),
        },
    };
    let pdf = session.certificate(&lang).and_then(|c| {
        let pdf = c.to_pdf()?;
        Ok((c, pdf))
    });
    match pdf {
        Ok((cert, pdf)) => {
            let code = write_file(out, &pdf);
            if code == ExitCode::SUCCESS {
                let args = [
                    ("name", text(&cert.learner)),
                    ("path", text(out.display())),
                    ("code", text(&cert.code)),
                ];
                println!("{}", say("cli-wroteCertificate", &args));
            }
            code
        }
        Err(e) => report_error(&e, &say("cli-noCertificate", &[])),
    }
}

fn verify_certificate(results: &Path, code: &str) -> ExitCode {
    if let Err(exit) = readable_file(results, VERIFY_USAGE) {
        return exit;
    }
    let json = match std::fs::read_to_string(results) {
        Ok(json) => json,
        Err(e) => {
            let args = [("path", text(results.display())), ("reason", text(e))];
            return usage_error(&say("cli-cannotRead", &args), VERIFY_USAGE);
        }
    };
    let path = [("path", text(results.display()))];
    match certificate::verify(&json, code) {
        Ok(true) => {
            println!("{}", say("cli-codeMatches", &path));
            ExitCode::SUCCESS
        }
        Ok(false) => {
            println!("{}", say("cli-codeDiffers", &path));
            ExitCode::from(PROBLEMS)
        }
        Err(e) => usage_error(&e.message(lang()), VERIFY_USAGE),
    }
}

/// A folder we can list, or exit code 2 with a message.
fn readable(dir: &Path) -> Result<(), ExitCode> {
    match std::fs::read_dir(dir) {
        Ok(_) => Ok(()),
        Err(e) => {
            let args = [("path", text(dir.display())), ("reason", text(e))];
            Err(usage_error(
                &say("cli-cannotReadCourse", &args),
                &say("cli-courseUsage", &[]),
            ))
        }
    }
}

/// A file we can open for reading, or exit code 2 with a message.
fn readable_file(file: &Path, usage: &str) -> Result<(), ExitCode> {
    let opened = std::fs::File::open(file).and_then(|f| f.metadata());
    let problem = match opened {
        Ok(meta) if meta.is_file() => return Ok(()),
        Ok(_) => say("cli-notAFile", &[]),
        Err(e) => e.to_string(),
    };
    let args = [("path", text(file.display())), ("reason", text(problem))];
    Err(usage_error(&say("cli-cannotRead", &args), usage))
}

fn usage_error(message: &str, usage: &str) -> ExitCode {
    print_error(message);
    eprintln!("{}", say("cli-usage", &[("usage", text(usage))]));
    ExitCode::from(USAGE_ERROR)
}

fn no_temp_folder() -> ExitCode {
    print_error(say("cli-noTempFolder", &[]));
    ExitCode::FAILURE
}

/// `error: …` on stderr, in the tool's language.
pub(crate) fn print_error(message: impl std::fmt::Display) {
    eprintln!("{}", say("cli-error", &[("message", text(message))]));
}

/// The core's error as the CLI reports it: every diagnostic of an invalid
/// course on stdout, anything else as one line on stderr.
fn report_error(error: &Error, context: &str) -> ExitCode {
    let message = match error {
        Error::InvalidContent(problems) => {
            print_problems(problems);
            say("cli-courseProblems", &[("context", text(context))])
        }
        other => other.message(lang()),
    };
    print_error(message);
    ExitCode::from(PROBLEMS)
}

const IMPORT_USAGE: &str =
    "vardskap-cli import-gift <file.gift> --into <module-dir> [--competency <id>]";

fn import_gift(file: &Path, module_dir: &Path, competency: Option<String>) -> ExitCode {
    if let Err(code) = readable_file(file, IMPORT_USAGE) {
        return code;
    }
    if !module_dir.join(layout::MODULE_FILE).is_file() {
        let args = [
            ("path", text(module_dir.display())),
            ("file", text(layout::MODULE_FILE)),
        ];
        return usage_error(&say("cli-notAModuleFolder", &args), IMPORT_USAGE);
    }
    let known = match course_competencies(module_dir) {
        Ok(known) => known,
        Err(message) => return usage_error(&message, IMPORT_USAGE),
    };
    let competency = match competency {
        Some(id) if known.contains(&id) => id,
        Some(id) => {
            let args = [("id", text(&id)), ("known", text(known.join(", ")))];
            return usage_error(&say("cli-noSuchCompetency", &args), IMPORT_USAGE);
        }
        None => match known.into_iter().next() {
            Some(first) => first,
            None => return usage_error(&say("cli-noCompetency", &[]), IMPORT_USAGE),
        },
    };
    // Empty languages: the core takes the course's own.
    match gift::import_into_module(file, module_dir, &competency, &[]) {
        Ok(summary) => print_import(file, &competency, &summary),
        Err(e) => report_error(&e, &say("cli-notImported", &[])),
    }
}

/// Competency ids declared in the module's course (`../../course.toml`), in order.
fn course_competencies(module_dir: &Path) -> Result<Vec<String>, String> {
    let course_dir = layout::course_of_module(module_dir);
    let head = layout::read_course_head(&course_dir).map_err(|e| {
        let args = [
            ("path", text(module_dir.display())),
            ("reason", text(e.message(lang()))),
        ];
        say("cli-cannotReadCourseOfModule", &args)
    })?;
    Ok(head.competencies.into_iter().map(|c| c.id).collect())
}

fn print_import(file: &Path, competency: &str, summary: &ImportSummary) -> ExitCode {
    let name = file.display();
    for q in &summary.imported {
        println!("{}: {} ({})", q.line, q.id, q.kind.as_str());
    }
    for s in &summary.skipped {
        let args = [("kind", text(&s.kind)), ("reason", text(s.reason(lang())))];
        println!("{name}:{}: {}", s.line, say("cli-skipped", &args));
    }
    for p in &summary.problems {
        let problem = p.message(lang());
        println!("{}: {problem}", located(&name, p.line, p.column));
    }
    for n in &summary.notes {
        let note = say("cli-note", &[("message", text(n.message(lang())))]);
        println!("{}: {note}", located(&name, n.line, n.column));
    }
    let imported = summary.imported.len();
    let args = [
        ("count", count(imported)),
        ("competency", text(competency)),
        ("file", text(&summary.quiz_file)),
        ("skipped", count(summary.skipped.len())),
        ("problems", count(summary.problems.len())),
    ];
    println!("{}", say("cli-imported", &args));
    if imported == 0 {
        let message = say("cli-nothingImported", &[("file", text(&name))]);
        print_error(message);
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

fn pack(course_dir: &Path, out: &Path) -> ExitCode {
    match package::pack(course_dir, out) {
        Ok(summary) => {
            let args = [
                ("files", count(summary.files)),
                ("bytes", number(summary.bytes)),
                ("package", text(&summary.package)),
                ("packageBytes", number(summary.package_bytes)),
            ];
            println!("{}", say("cli-packed", &args));
            ExitCode::SUCCESS
        }
        Err(e) => {
            let context = say("cli-notPacked", &[("path", text(course_dir.display()))]);
            report_error(&e, &context)
        }
    }
}

fn unpack(file: &Path, out: &Path) -> ExitCode {
    if let Err(code) = readable_file(file, "vardskap-cli unpack <file> -o <dir>") {
        return code;
    }
    match package::unpack(file, out) {
        Ok(summary) => {
            let args = [
                ("files", count(summary.files)),
                ("bytes", number(summary.bytes)),
                ("dir", text(&summary.course_dir)),
            ];
            println!("{}", say("cli-unpacked", &args));
            ExitCode::SUCCESS
        }
        Err(e) => report_error(
            &e,
            &say("cli-notUnpacked", &[("path", text(file.display()))]),
        ),
    }
}

/// Errors first, then the lint's warnings (of a course that could be read);
/// warnings fail only with `strict`.
fn validate(dir: &Path, strict: bool) -> ExitCode {
    let (course, mut problems) = check_course(dir);
    problems.retain(Diagnostic::is_error);
    let warnings = course
        .as_ref()
        .map(|c| lint_course_dir(c, dir))
        .unwrap_or_default();
    for p in problems.iter().chain(&warnings) {
        println!("{}", p.line_in(lang()));
    }
    let failed = !problems.is_empty() || course.is_none() || (strict && !warnings.is_empty());
    match &course {
        Some(course) if problems.is_empty() => {
            println!("{}: {}", dir.display(), summary(course));
        }
        _ => eprintln!(
            "{}",
            say("cli-problems", &[("count", count(problems.len()))])
        ),
    }
    if !warnings.is_empty() {
        let id = if strict {
            "cli-warningsFail"
        } else {
            "cli-warnings"
        };
        eprintln!("{}", say(id, &[("count", count(warnings.len()))]));
    }
    if failed {
        ExitCode::from(PROBLEMS)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_problems(problems: &[Diagnostic]) {
    for p in problems {
        println!("{}", p.line_in(lang()));
    }
    eprintln!(
        "{}",
        say("cli-problems", &[("count", count(problems.len()))])
    );
}

/// The note that a course has problems a command did not list.
pub(crate) fn problems_not_listed(problems: usize) -> String {
    let message = say("cli-problemsNotListed", &[("count", count(problems))]);
    say("cli-note", &[("message", text(message))])
}

fn summary(course: &Course) -> String {
    let sum = |f: fn(&vardskap_core::content::Module) -> usize| {
        count(course.modules.iter().map(f).sum::<usize>())
    };
    let args = [
        ("id", text(&course.id)),
        ("version", text(&course.version)),
        ("modules", count(course.modules.len())),
        ("lessons", sum(|m| m.lessons.len())),
        ("questions", sum(|m| m.questions.len())),
        ("scenarios", sum(|m| m.scenarios.len())),
        ("languages", text(course.languages.join(", "))),
    ];
    say("cli-valid", &args)
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
                print_error(e);
                return ExitCode::from(PROBLEMS);
            }
        }
    } else {
        print!("{}", table(&stats));
    }
    if !problems.is_empty() {
        eprintln!("{}", problems_not_listed(problems.len()));
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
                    let word = if ok { "cli-complete" } else { "cli-incomplete" };
                    format!("{l} {}", say(word, &[]))
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
    let header = [
        "cli-statsModule",
        "cli-statsLessons",
        "cli-statsQuestions",
        "cli-statsScenarios",
        "cli-statsLanguages",
    ]
    .map(|id| say(id, &[]));
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
