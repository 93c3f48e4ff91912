//! The instructor's classes and class view: create a class and export its
//! invitation, fetch its statements from the LRS (in the background of the
//! command, never holding the session while the network works), import
//! learners' results files, and the report with its exports. Instructor
//! mode only (the session checks).

use serde::Serialize;
use tauri::State;
use vardskap_core::class_view::classes::{InstructorClass, NewClass};
use vardskap_core::class_view::report::{self, ClassReport, LearnerReport};
use vardskap_core::class_view::results_files::FileImport;
use vardskap_core::class_view::{export, pdf};
use vardskap_sync::{ClientOptions, PullError, PullLimits, PullRequest, Target};

use super::{Reply, blocking};
use crate::CommandError;
use crate::dialogs::Purpose;
use crate::state::ShellState;

#[tauri::command]
pub async fn instructor_classes(state: State<'_, ShellState>) -> Reply<Vec<InstructorClass>> {
    state.with(|s| s.instructor_classes())
}

#[tauri::command]
pub async fn create_instructor_class(
    state: State<'_, ShellState>,
    new_class: NewClass,
) -> Reply<InstructorClass> {
    state.with(|s| s.create_instructor_class(&new_class))
}

#[tauri::command]
pub async fn delete_instructor_class(state: State<'_, ShellState>, id: i64) -> Reply<()> {
    state.with(|s| s.delete_instructor_class(id))
}

/// Saves the class's invitation where the instructor chose
/// (`choose_file` with `classInvitationExport`).
#[tauri::command]
pub async fn export_class_invitation(state: State<'_, ShellState>, id: i64) -> Reply<()> {
    let path = state.take_grant(Purpose::ClassInvitationExport)?;
    state.with(|s| s.write_class_invitation(id, &path))
}

/// What a fetch from the class's LRS brought.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClassPull {
    /// Statements new to this computer.
    #[ts(type = "number")]
    pub new: u64,
    /// Why nothing could be fetched (the cached figures stay), in English.
    pub problem: Option<String>,
}

/// Fetches the class's statements from its LRS: new ones since the last
/// fetch, de-duplicated by id. The session is only held to read the target
/// and to store what came.
#[tauri::command]
pub async fn pull_class(state: State<'_, ShellState>, id: i64) -> Reply<ClassPull> {
    let pull = state.with(|s| s.class_pull_target(id))?;
    let client = vardskap_sync::client(&ClientOptions::default())
        .map_err(|e| CommandError::new(vardskap_core::ErrorKind::Io, e))?;
    let target = Target {
        endpoint: pull.endpoint.clone(),
        username: pull.username.clone(),
        password: pull.password.clone(),
    };
    let request = PullRequest {
        target: &target,
        activity: &pull.activity,
        since: pull.since.as_deref(),
    };
    match vardskap_sync::pull_statements(&client, &request, &PullLimits::default()).await {
        Ok(pulled) => {
            let summary = state.with(|s| {
                s.store_pulled_statements(id, &pulled.statements, pulled.next_since.as_deref())
            })?;
            Ok(ClassPull {
                new: summary.new,
                problem: None,
            })
        }
        Err(err) => {
            let message = match &err {
                PullError::Refused { .. } | PullError::Unreachable { .. } => err.to_string(),
                PullError::TooLarge { .. } => err.to_string(),
            };
            state.with(|s| s.record_pull_failure(id, &message))?;
            Ok(ClassPull {
                new: 0,
                problem: Some(message),
            })
        }
    }
}

/// Imports the results files chosen together (`choose_file` with `resultsFiles`).
#[tauri::command]
pub async fn import_class_results(state: State<'_, ShellState>, id: i64) -> Reply<Vec<FileImport>> {
    let paths = state.take_many_grants(Purpose::ResultsFiles)?;
    state.with(|s| s.import_results_files(id, &paths))
}

#[tauri::command]
pub async fn class_report(
    state: State<'_, ShellState>,
    id: i64,
    lang: String,
) -> Reply<ClassReport> {
    let (course, records) = state.with(|s| s.class_records(id))?;
    blocking(move || Ok(report::class_report(&course, &records, &lang))).await
}

#[tauri::command]
pub async fn learner_report(
    state: State<'_, ShellState>,
    id: i64,
    learner: String,
    lang: String,
) -> Reply<LearnerReport> {
    let (course, records) = state.with(|s| s.class_records(id))?;
    report::learner_report(&course, &records, &learner, &lang).ok_or_else(|| {
        vardskap_core::Error::NotFound {
            what: "learner",
            id: learner,
        }
        .into()
    })
}

#[tauri::command]
pub async fn remove_class_learner(
    state: State<'_, ShellState>,
    id: i64,
    learner: String,
) -> Reply<()> {
    state.with(|s| s.remove_class_learner(id, &learner))
}

/// Saves the class table or the item analysis as CSV or JSON where the
/// instructor chose (`choose_file` with the same purpose): exactly what the
/// screen shows.
#[tauri::command]
pub async fn save_class_export(
    state: State<'_, ShellState>,
    id: i64,
    purpose: Purpose,
    lang: String,
) -> Reply<()> {
    let make: fn(&ClassReport) -> vardskap_core::Result<String> = match purpose {
        Purpose::ClassTableCsv => export::class_table_csv,
        Purpose::ClassTableJson => export::class_table_json,
        Purpose::ItemAnalysisCsv => export::item_analysis_csv,
        Purpose::ItemAnalysisJson => export::item_analysis_json,
        _ => {
            return Err(CommandError::new(
                vardskap_core::ErrorKind::Invalid,
                "That is not a class export.",
            ));
        }
    };
    let path = state.take_grant(purpose)?;
    let (course, records) = state.with(|s| s.class_records(id))?;
    let text = make(&report::class_report(&course, &records, &lang))?;
    vardskap_core::whole_file::write(&path, text.as_bytes())?;
    Ok(())
}

/// Saves the printable class report as a PDF where the instructor chose
/// (`choose_file` with `classReportPdf`): the report the screen shows, in
/// `lang`, dated today.
#[tauri::command]
pub async fn save_class_report_pdf(
    state: State<'_, ShellState>,
    id: i64,
    lang: String,
) -> Reply<()> {
    let path = state.take_grant(Purpose::ClassReportPdf)?;
    let (course, records) = state.with(|s| s.class_records(id))?;
    let class = state.with(|s| s.instructor_class(id))?;
    blocking(move || {
        let report = report::class_report(&course, &records, &lang);
        let now = vardskap_core::storage::system_clock()();
        let bytes = pdf::class_report_pdf(&report, &class.name, now, &lang)?;
        vardskap_core::whole_file::write(&path, &bytes)?;
        Ok(())
    })
    .await
}
