//! The system file dialogs, opened by the shell itself. Every path a command
//! reads or writes comes from here (or from a folder granted here earlier),
//! never from the webview: the web page can ask for a dialog and say which
//! file name to propose, but it cannot name a path.
//!
//! The end-to-end tests cannot drive a native GTK dialog. A binary built with
//! the `e2e-dialogs` feature (never a default or release build: a test here
//! checks the default features, and `make build-e2e` checks that the plain
//! binary does not contain the variable's name) answers from a queue file named in `VARDSKAP_E2E_DIALOGS`
//! instead, and records each request beside it; see tests/e2e/lib/dialog.mjs.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::CommandError;

/// What a path is chosen for. It fixes the dialog's kind and the files it
/// offers, and which one command may then use the path (see
/// `ShellState::grant`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Purpose {
    /// Where to save the learner's results as CSV (`save_results`).
    ResultsCsv,
    /// Where to save the learner's results as JSON (`save_results`).
    ResultsJson,
    /// Where to save the certificate PDF (`save_certificate`).
    Certificate,
    /// A `.vdsk` package to install (`import_course_package`).
    ImportPackage,
    /// Where to save an installed course as a package (`export_course_package`).
    ExportPackage,
    /// A course folder to edit: kept for every editor command until another is chosen.
    EditorFolder,
    /// The folder in which `editor_create` makes a new course folder.
    EditorParent,
    /// A GIFT file to import into the editor (`editor_import_gift`).
    GiftFile,
    /// Where to save the editor's course as a package (`editor_pack`).
    EditorPackage,
    /// A class invitation to read for the consent screen (`read_class_invitation`).
    ClassInvitation,
    /// Where to save a class's invitation file (`export_class_invitation`).
    ClassInvitationExport,
    /// Learners' results files to import into a class (`import_class_results`; several at once).
    ResultsFiles,
    /// Where to save a class's table as CSV (`save_class_export`).
    ClassTableCsv,
    /// Where to save a class's table as JSON (`save_class_export`).
    ClassTableJson,
    /// Where to save a class's item analysis as CSV (`save_class_export`).
    ItemAnalysisCsv,
    /// Where to save a class's item analysis as JSON (`save_class_export`).
    ItemAnalysisJson,
    /// Where to save a class's printable report as PDF (`save_class_report_pdf`).
    ClassReportPdf,
}

impl Purpose {
    /// The dialog for this purpose, with the UI's words for its title and
    /// its file filter, and (for a save) the proposed file name.
    pub fn request(self, labels: Labels) -> Request {
        let Labels {
            title,
            filter,
            default_name,
        } = labels;
        // The page's words are shown, never trusted for their size.
        let title = title.map(|t| bounded(&t));
        let filter = bounded(&filter.unwrap_or_default());
        let name = default_name.as_deref().unwrap_or("");
        match self {
            Purpose::ResultsCsv => Request::save_file(self, title, name, filter, "csv"),
            Purpose::ResultsJson => Request::save_file(self, title, name, filter, "json"),
            Purpose::Certificate | Purpose::ClassReportPdf => {
                Request::save_file(self, title, name, filter, "pdf")
            }
            Purpose::ExportPackage | Purpose::EditorPackage => {
                Request::save_file(self, title, name, filter, "vdsk")
            }
            Purpose::ImportPackage => Request::open_file(self, title, filter, &["vdsk"]),
            Purpose::GiftFile => Request::open_file(self, title, filter, &["gift", "txt"]),
            Purpose::ClassInvitation => {
                Request::open_file(self, title, filter, &["vdsk-class", "json"])
            }
            Purpose::ClassInvitationExport => {
                Request::save_file(self, title, name, filter, "vdsk-class")
            }
            Purpose::ResultsFiles => {
                let mut request = Request::open_file(self, title, filter, &["json"]);
                request.kind = Kind::OpenFiles;
                request
            }
            Purpose::ClassTableCsv | Purpose::ItemAnalysisCsv => {
                Request::save_file(self, title, name, filter, "csv")
            }
            Purpose::ClassTableJson | Purpose::ItemAnalysisJson => {
                Request::save_file(self, title, name, filter, "json")
            }
            Purpose::EditorFolder | Purpose::EditorParent => Request::open_folder(self, title),
        }
    }
}

/// The most characters of a dialog's title or filter name that are shown.
const MAX_LABEL_CHARS: usize = 200;

fn bounded(text: &str) -> String {
    text.chars().take(MAX_LABEL_CHARS).collect()
}

/// The words a dialog shows, from the UI (in its language): never a path.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Labels {
    #[ts(optional)]
    pub title: Option<String>,
    /// The name of the files offered ("Course package").
    #[ts(optional)]
    pub filter: Option<String>,
    /// For a save dialog: the file name to propose (only its last part is used).
    #[ts(optional)]
    pub default_name: Option<String>,
}

/// What kind of dialog, and what it shows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    pub purpose: Purpose,
    pub kind: Kind,
    /// The dialog's title, in the UI's language.
    pub title: Option<String>,
    /// Files offered: a name (in the UI's language) and extensions without dots.
    pub filters: Vec<Filter>,
    /// The file name proposed by a save dialog.
    pub default_path: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Kind {
    OpenFile,
    /// Several files at once.
    OpenFiles,
    OpenFolder,
    SaveFile,
}

#[derive(Debug, Clone, Serialize)]
pub struct Filter {
    pub name: String,
    pub extensions: Vec<String>,
}

impl Request {
    fn open_file(
        purpose: Purpose,
        title: Option<String>,
        filter_name: String,
        extensions: &[&str],
    ) -> Self {
        Request {
            purpose,
            kind: Kind::OpenFile,
            title,
            filters: vec![filter(filter_name, extensions)],
            default_path: None,
        }
    }

    fn open_folder(purpose: Purpose, title: Option<String>) -> Self {
        Request {
            purpose,
            kind: Kind::OpenFolder,
            title,
            filters: Vec::new(),
            default_path: None,
        }
    }

    /// A save dialog proposing `default_name` (only its last component, with
    /// `extension` added when it lacks it).
    fn save_file(
        purpose: Purpose,
        title: Option<String>,
        default_name: &str,
        filter_name: String,
        extension: &str,
    ) -> Self {
        let name = file_name_only(default_name);
        let name = if name.is_empty() {
            "vardskap".to_string()
        } else {
            name
        };
        let suffix = format!(".{extension}");
        let default_path = if name.to_lowercase().ends_with(&suffix) {
            name
        } else {
            format!("{name}{suffix}")
        };
        Request {
            purpose,
            kind: Kind::SaveFile,
            title,
            filters: vec![filter(filter_name, &[extension])],
            default_path: Some(default_path),
        }
    }
}

fn filter(name: String, extensions: &[&str]) -> Filter {
    let name = if name.trim().is_empty() {
        extensions.join(", ")
    } else {
        name
    };
    Filter {
        name,
        extensions: extensions.iter().map(|e| e.to_string()).collect(),
    }
}

/// The last component of a proposed file name, with characters that would
/// make a path or trouble on some system replaced: a proposal never points
/// the dialog anywhere but its own folder.
fn file_name_only(proposed: &str) -> String {
    let last = proposed.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .take(120)
        .collect();
    cleaned
        .trim_matches(|c: char| c == '.' || c.is_whitespace())
        .to_string()
}

/// Opens the dialog and waits for the user: the chosen paths (one, or
/// several for `Kind::OpenFiles`), or `None` when they cancelled.
pub async fn pick_many<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
    request: Request,
) -> Result<Option<Vec<PathBuf>>, CommandError> {
    #[cfg(feature = "e2e-dialogs")]
    if let Some(queue) = std::env::var_os("VARDSKAP_E2E_DIALOGS") {
        return test_answers::answer(std::path::Path::new(&queue), &request);
    }
    native(app, request).await
}

async fn native<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
    request: Request,
) -> Result<Option<Vec<PathBuf>>, CommandError> {
    use tauri::Manager;
    use tauri_plugin_dialog::DialogExt;

    let mut builder = app.dialog().file();
    if let Some(window) = app.get_webview_window("main") {
        builder = builder.set_parent(&window);
    }
    if let Some(title) = &request.title {
        builder = builder.set_title(title);
    }
    for f in &request.filters {
        let extensions: Vec<&str> = f.extensions.iter().map(String::as_str).collect();
        builder = builder.add_filter(&f.name, &extensions);
    }
    if let Some(name) = &request.default_path {
        builder = builder.set_file_name(name);
    }
    let kind = request.kind;
    // The blocking calls wait for the user; they must not hold up the
    // async runtime's threads (nor run on the main thread, which draws it).
    let picked = tauri::async_runtime::spawn_blocking(move || match kind {
        Kind::OpenFile => builder.blocking_pick_file().map(|p| vec![p]),
        Kind::OpenFiles => builder.blocking_pick_files(),
        Kind::OpenFolder => builder.blocking_pick_folder().map(|p| vec![p]),
        Kind::SaveFile => builder.blocking_save_file().map(|p| vec![p]),
    })
    .await
    .map_err(|err| {
        CommandError::new(
            vardskap_core::ErrorKind::Io,
            format!("The file dialog failed: {err}"),
        )
    })?;
    match picked {
        None => Ok(None),
        Some(paths) => paths
            .into_iter()
            .map(|path| {
                path.into_path().map_err(|err| {
                    CommandError::new(
                        vardskap_core::ErrorKind::Io,
                        format!("The chosen file cannot be used: {err}"),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
    }
}

/// Test-only answers, compiled into the e2e binary alone.
#[cfg(feature = "e2e-dialogs")]
mod test_answers {
    use std::io::Write;
    use std::path::{Path, PathBuf};

    use super::Request;
    use crate::CommandError;

    /// Takes the first line of `queue` (a JSON string: the path the user
    /// picked; an array of strings: the files picked in a dialog for several;
    /// `null`: cancelled) and records the request in `<queue>.calls`.
    /// An empty queue is an error, so a test never hangs on a dialog.
    pub fn answer(queue: &Path, request: &Request) -> Result<Option<Vec<PathBuf>>, CommandError> {
        let fail = |what: String| CommandError::new(vardskap_core::ErrorKind::Io, what);
        let calls = PathBuf::from(format!("{}.calls", queue.display()));
        let mut log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&calls)
            .map_err(|e| {
                fail(format!(
                    "cannot record the dialog in {}: {e}",
                    calls.display()
                ))
            })?;
        let record = serde_json::to_string(request).map_err(|e| fail(e.to_string()))?;
        writeln!(log, "{record}").map_err(|e| fail(e.to_string()))?;

        let text = std::fs::read_to_string(queue).unwrap_or_default();
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let Some(first) = lines.next() else {
            return Err(fail(format!(
                "no answer queued for the {:?} dialog",
                request.kind
            )));
        };
        let rest: Vec<&str> = lines.collect();
        let rest = if rest.is_empty() {
            String::new()
        } else {
            format!("{}\n", rest.join("\n"))
        };
        std::fs::write(queue, rest).map_err(|e| fail(e.to_string()))?;
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Answer {
            One(String),
            Many(Vec<String>),
        }
        let answer: Option<Answer> = serde_json::from_str(first)
            .map_err(|e| fail(format!("bad queued answer {first}: {e}")))?;
        Ok(answer.map(|a| match a {
            Answer::One(path) => vec![PathBuf::from(path)],
            Answer::Many(paths) => paths.into_iter().map(PathBuf::from).collect(),
        }))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_proposed_name_never_leaves_the_dialogs_folder() {
        let proposed = |name: &str| {
            let labels = Labels {
                default_name: Some(name.into()),
                ..Default::default()
            };
            Purpose::Certificate.request(labels).default_path.unwrap()
        };
        assert_eq!(proposed("Elin intyg"), "Elin intyg.pdf");
        assert_eq!(proposed("../../etc/passwd"), "passwd.pdf");
        assert_eq!(proposed("C:\\Users\\x\\evil"), "evil.pdf");
        assert_eq!(proposed("a:b*c?"), "a_b_c_.pdf");
        assert_eq!(
            proposed("results.PDF"),
            "results.PDF",
            "an extension already there is kept"
        );
        assert_eq!(proposed(".."), "vardskap.pdf", "nothing left: a plain name");
        let report = Purpose::ClassReportPdf.request(Labels {
            default_name: Some("ht26-a".into()),
            ..Default::default()
        });
        assert_eq!(report.kind, Kind::SaveFile);
        assert_eq!(
            report.default_path.as_deref(),
            Some("ht26-a.pdf"),
            "the class report is saved as a PDF"
        );
        assert_eq!(
            proposed(&"x".repeat(1000)).len(),
            124,
            "a long proposal is cut"
        );
    }

    #[test]
    fn a_dialogs_words_from_the_page_are_bounded() {
        let huge = "å".repeat(1_000_000);
        let labels = Labels {
            title: Some(huge.clone()),
            filter: Some(huge),
            default_name: None,
        };
        let request = Purpose::ImportPackage.request(labels);
        assert_eq!(request.title.unwrap().chars().count(), MAX_LABEL_CHARS);
        assert_eq!(request.filters[0].name.chars().count(), MAX_LABEL_CHARS);
    }

    #[test]
    fn the_test_answers_are_never_in_a_default_build() {
        // A plain `cargo build` (and `cargo tauri build`) uses the default
        // features; the release binary is also checked by `make dist`.
        let manifest = include_str!("../Cargo.toml");
        let default = manifest
            .lines()
            .find(|l| l.trim_start().starts_with("default ="))
            .expect("Cargo.toml names its default features");
        assert!(
            !default.contains("e2e-dialogs"),
            "default features must not answer dialogs from a file: {default}"
        );
        assert!(
            manifest.contains("e2e-dialogs = []"),
            "the feature exists, so the e2e build can ask for it"
        );
    }
}
