//! The class view's exports: the class table and the item analysis, as CSV
//! (RFC 4180, CRLF, for spreadsheets) and as JSON, made from a
//! [`ClassReport`] and holding exactly what the screen shows.
//!
//! Both formats are made from the same lines ([`ClassTableLine`],
//! [`ItemAnalysisLine`]): a JSON file is an array of objects whose keys are
//! the CSV's column names, in the same order, with the same values. In the
//! CSV:
//!
//! - every column is always present, in every row, whatever the data;
//! - a per cent is a whole number rounded half up ([`percent`]), the figure
//!   the screen shows; a share of 0 is written `0`;
//! - a missing value (no attempt, no answer, too few answers) is an empty
//!   cell, `null` in JSON; it is never written 0;
//! - booleans are `true` / `false`, times ISO-8601 UTC (`2026-05-04T13:45:00Z`),
//!   a discrimination two decimals (`0.43`, `-0.12`; [`hundredths`]);
//! - text cells that a spreadsheet would run as a formula (`=`, `+`, `-`,
//!   `@`, tab, carriage return first) get a leading `'`, as in the learner's
//!   results CSV ([`crate::export::csv_text`]); JSON keeps the text as it is.
//!
//! [`percent`]: super::report::percent
//! [`hundredths`]: super::report::hundredths

use serde::Serialize;

use super::report::{ClassReport, ItemFlag, ItemSource, LearnerRow, ModuleCell, OptionCount};
use crate::export::{csv_text, iso_utc};
use crate::final_test::{FINAL_TEST_ID, FinalGrade};
use crate::{Error, Result};

/// The class table's columns, in order:
///
/// | column | value |
/// |---|---|
/// | `learner` | the name the learner consented to |
/// | `learner_key` | `lrs:<account>` or `file:<profile name>` |
/// | `module` | the module id; `final` for the final test |
/// | `module_title` | its title in the report's language |
/// | `best_percent` | the best graded attempt's score as whole per cent; empty without an attempt |
/// | `passed` | the module is passed by the app's rule (final test: a pass grade) |
/// | `attempts` | graded attempts |
/// | `runs` | finished role-play runs in the module (0 for the final test) |
/// | `critical_choice` | the latest run of one of the module's role-plays made a critical choice |
/// | `last_activity` | the latest attempt or run in the module; empty when none |
/// | `final_grade` | the learner's final-test grade, `fail`, `pass` or `distinction`; empty before one (or without a final test) |
/// | `course_passed` | every module, and the final test when there is one, is passed |
/// | `learner_last_activity` | the learner's last activity of any kind; empty when none is known |
///
/// One row per learner and module, learners in roster order (by name),
/// modules in course order, then the learner's final-test row when the
/// course has a final test. The learner's columns repeat on each of their rows.
pub const CLASS_TABLE_COLUMNS: [&str; 13] = [
    "learner",
    "learner_key",
    "module",
    "module_title",
    "best_percent",
    "passed",
    "attempts",
    "runs",
    "critical_choice",
    "last_activity",
    "final_grade",
    "course_passed",
    "learner_last_activity",
];

/// The item analysis's columns, in order:
///
/// | column | value |
/// |---|---|
/// | `module` | the question's module (a bank question's: the module it tests) |
/// | `question` | the question id |
/// | `source` | `quiz` or `final_test` (the final test's bank) |
/// | `kind` | `single`, `multiple`, `true_false`, `short_text`, `numeric`, `ordering`, `matching` |
/// | `competency` | the competency id |
/// | `prompt` | the prompt in the report's language |
/// | `answers` | graded answers |
/// | `responses` | answers whose choice is known (results files do not keep it) |
/// | `facility_percent` | the mean score share as whole per cent; empty without answers |
/// | `discrimination` | point-biserial correlation with the rest of the attempt, two decimals; empty under 5 answers or without variance |
/// | `flags` | what to look at, `;`-separated: `too_hard`, `too_easy`, `weak_discrimination`, `negative_discrimination`, `unchosen_distractor` (JSON: an array) |
/// | `option` | an option id (`true` / `false` for true/false); empty for other kinds |
/// | `option_text` | its text in the report's language |
/// | `option_key` | the option is a right answer; empty without an option |
/// | `option_count` | answers that chose it; empty without an option |
/// | `option_percent` | `option_count` of `responses` as whole per cent; empty without an option or without responses |
///
/// One row per question and option (a question without options: one row
/// with the option columns empty), questions in course order then the final
/// test's bank; the question's columns repeat on each of its rows.
pub const ITEM_ANALYSIS_COLUMNS: [&str; 16] = [
    "module",
    "question",
    "source",
    "kind",
    "competency",
    "prompt",
    "answers",
    "responses",
    "facility_percent",
    "discrimination",
    "flags",
    "option",
    "option_text",
    "option_key",
    "option_count",
    "option_percent",
];

/// A row of the class table export; its fields are [`CLASS_TABLE_COLUMNS`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassTableLine {
    pub learner: String,
    pub learner_key: String,
    pub module: String,
    pub module_title: String,
    pub best_percent: Option<u32>,
    pub passed: bool,
    pub attempts: u32,
    pub runs: u32,
    pub critical_choice: bool,
    pub last_activity: Option<String>,
    pub final_grade: Option<FinalGrade>,
    pub course_passed: bool,
    pub learner_last_activity: Option<String>,
}

/// A row of the item analysis export; its fields are [`ITEM_ANALYSIS_COLUMNS`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemAnalysisLine {
    pub module: String,
    pub question: String,
    pub source: ItemSource,
    pub kind: crate::content::QuestionKind,
    pub competency: String,
    pub prompt: String,
    pub answers: u32,
    pub responses: u32,
    pub facility_percent: Option<u32>,
    pub discrimination: Option<f64>,
    pub flags: Vec<ItemFlag>,
    pub option: Option<String>,
    pub option_text: Option<String>,
    pub option_key: Option<bool>,
    pub option_count: Option<u32>,
    pub option_percent: Option<u32>,
}

/// The code a value has in JSON (`fail`, `too_hard`, `final_test` …), for a CSV cell.
fn code(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

impl ClassTableLine {
    /// The CSV cells, in [`CLASS_TABLE_COLUMNS`] order.
    pub fn cells(&self) -> [String; 13] {
        [
            csv_text(&self.learner).into_owned(),
            csv_text(&self.learner_key).into_owned(),
            csv_text(&self.module).into_owned(),
            csv_text(&self.module_title).into_owned(),
            opt(self.best_percent),
            self.passed.to_string(),
            self.attempts.to_string(),
            self.runs.to_string(),
            self.critical_choice.to_string(),
            opt(self.last_activity.as_deref()),
            self.final_grade.map(|g| code(&g)).unwrap_or_default(),
            self.course_passed.to_string(),
            opt(self.learner_last_activity.as_deref()),
        ]
    }
}

impl ItemAnalysisLine {
    /// The CSV cells, in [`ITEM_ANALYSIS_COLUMNS`] order.
    pub fn cells(&self) -> [String; 16] {
        [
            csv_text(&self.module).into_owned(),
            csv_text(&self.question).into_owned(),
            code(&self.source),
            code(&self.kind),
            csv_text(&self.competency).into_owned(),
            csv_text(&self.prompt).into_owned(),
            self.answers.to_string(),
            self.responses.to_string(),
            opt(self.facility_percent),
            self.discrimination
                .map(|d| format!("{d:.2}"))
                .unwrap_or_default(),
            self.flags.iter().map(code).collect::<Vec<_>>().join(";"),
            self.option
                .as_deref()
                .map(|o| csv_text(o).into_owned())
                .unwrap_or_default(),
            self.option_text
                .as_deref()
                .map(|t| csv_text(t).into_owned())
                .unwrap_or_default(),
            opt(self.option_key),
            opt(self.option_count),
            opt(self.option_percent),
        ]
    }
}

fn table_line(row: &LearnerRow, cell: &ModuleCell, title: &str) -> ClassTableLine {
    ClassTableLine {
        learner: row.learner.name.clone(),
        learner_key: row.learner.key.clone(),
        module: cell.module_id.clone(),
        module_title: title.to_string(),
        best_percent: cell.best_percent,
        passed: cell.passed,
        attempts: cell.attempts,
        runs: cell.runs,
        critical_choice: cell.critical_choice,
        last_activity: cell.last_activity.map(iso_utc),
        final_grade: row.final_grade,
        course_passed: row.course_passed,
        learner_last_activity: row.last_activity.map(iso_utc),
    }
}

/// The class table as export lines, in the CSV's row order.
pub fn class_table_lines(report: &ClassReport) -> Vec<ClassTableLine> {
    let final_title = crate::i18n::tr(&report.lang, "final-title", &[]);
    let mut lines = Vec::with_capacity(report.rows.len() * (report.modules.len() + 1));
    for row in &report.rows {
        for (cell, column) in row.modules.iter().zip(&report.modules) {
            lines.push(table_line(row, cell, &column.title));
        }
        if let Some(cell) = &row.final_test {
            debug_assert_eq!(cell.module_id, FINAL_TEST_ID);
            lines.push(table_line(row, cell, &final_title));
        }
    }
    lines
}

/// The item analysis as export lines, in the CSV's row order.
pub fn item_analysis_lines(report: &ClassReport) -> Vec<ItemAnalysisLine> {
    let mut lines = Vec::new();
    for item in &report.items {
        let line = |option: Option<&OptionCount>| ItemAnalysisLine {
            module: item.module_id.clone(),
            question: item.question_id.clone(),
            source: item.source,
            kind: item.kind,
            competency: item.competency_id.clone(),
            prompt: item.prompt.clone(),
            answers: item.answers,
            responses: item.responses,
            facility_percent: item.facility_percent,
            discrimination: item.discrimination,
            flags: item.flags.clone(),
            option: option.map(|o| o.option_id.clone()),
            option_text: option.map(|o| o.text.clone()),
            option_key: option.map(|o| o.key),
            option_count: option.map(|o| o.count),
            option_percent: option.and_then(|o| o.percent),
        };
        if item.options.is_empty() {
            lines.push(line(None));
        } else {
            lines.extend(item.options.iter().map(|o| line(Some(o))));
        }
    }
    lines
}

/// An export that could not be written, with the writer's reason.
fn not_written(e: impl std::fmt::Display) -> Error {
    Error::ResultsNotWritten {
        detail: e.to_string(),
    }
}

fn csv_of<const N: usize>(
    header: [&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> Result<String> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    out.write_record(header).map_err(not_written)?;
    for row in rows {
        out.write_record(&row).map_err(not_written)?;
    }
    let bytes = out.into_inner().map_err(not_written)?;
    String::from_utf8(bytes).map_err(not_written)
}

/// The class table as CSV: [`CLASS_TABLE_COLUMNS`], then [`class_table_lines`].
pub fn class_table_csv(report: &ClassReport) -> Result<String> {
    csv_of(
        CLASS_TABLE_COLUMNS,
        class_table_lines(report).iter().map(ClassTableLine::cells),
    )
}

/// The class table as JSON: an array of [`class_table_lines`], each an
/// object with the CSV's columns as keys.
pub fn class_table_json(report: &ClassReport) -> Result<String> {
    serde_json::to_string_pretty(&class_table_lines(report)).map_err(not_written)
}

/// The item analysis as CSV: [`ITEM_ANALYSIS_COLUMNS`], then [`item_analysis_lines`].
pub fn item_analysis_csv(report: &ClassReport) -> Result<String> {
    csv_of(
        ITEM_ANALYSIS_COLUMNS,
        item_analysis_lines(report)
            .iter()
            .map(ItemAnalysisLine::cells),
    )
}

/// The item analysis as JSON: an array of [`item_analysis_lines`], each an
/// object with the CSV's columns as keys (`flags` an array of codes).
pub fn item_analysis_json(report: &ClassReport) -> Result<String> {
    serde_json::to_string_pretty(&item_analysis_lines(report)).map_err(not_written)
}
