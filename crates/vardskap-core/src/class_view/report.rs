//! The class report: pure functions of a course and a class's records
//! (`records.rs`), with no SQL and no storage. What the instructor's class view
//! shows, and what its exports (`export.rs`) write, is computed here once:
//!
//! - the roster and the class table (learners × modules: best share, pass
//!   state, attempts, last activity; the final-test grade and whether the
//!   course is passed), by the app's own pass rules (`progress::rules`);
//! - class mastery per competency;
//! - item analysis per question (facility, point-biserial discrimination,
//!   how often each option was chosen, and flags for a course designer);
//! - role-play patterns per scenario (endings, pass share, the most frequent
//!   critical choices);
//! - one learner's page ([`learner_report`]).
//!
//! Figures the screen shows as per cent are carried already rounded
//! ([`percent`]) next to the share they come from, so the screen and the
//! exports cannot round differently.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::records::{AnswerRecord, AttemptRecord, ClassRecords, LearnerKey, RunRecord};
use crate::content::{Course, EndingKind, Module, QuestionBody, QuestionKind, Scenario};
use crate::final_test::{FINAL_TEST_ID, FinalGrade};
use crate::progress::CompetencyMastery;
use crate::progress::mastery::mastery;
use crate::progress::rules::{attempt_passes, module_standing, pass_mark, share};
use crate::progress::{ProfileId, ScenarioRunId};
use crate::scenario::{best_total, earned_enough, run_passes};
use crate::storage::Timestamp;
use crate::storage::answers::GradedAnswer;
use crate::storage::scenario_runs::ScenarioRunRow;

/// Fewer answers than this give no discrimination and no facility flag: one
/// or two learners say nothing about a question.
pub const MIN_ANSWERS: u32 = 5;
/// A question answered right less often than this (whole per cent) is too hard.
pub const TOO_HARD_BELOW_PERCENT: u32 = 20;
/// A question answered right more often than this (whole per cent) is too easy.
pub const TOO_EASY_ABOVE_PERCENT: u32 = 95;
/// A discrimination (as shown, to two decimals) below this is weak.
pub const WEAK_DISCRIMINATION_BELOW: f64 = 0.2;
/// A distractor nobody chose is flagged only when at least this many
/// answers with a known choice were counted.
pub const MIN_RESPONSES_FOR_DISTRACTORS: u32 = 10;

/// A share 0..=1 as the whole per cent the screen and the exports show,
/// rounded half up: 0.125 → 13, 0.0049 → 0, 0.995 → 100; 0 is 0 (a share of
/// zero is a figure, never a missing value). Shares outside 0..=1 are
/// clamped. A float a hair under a half (0.285 * 100 = 28.4999…) still
/// rounds up: the rule is `floor(share * 100 + 0.5 + 1e-9)`, in JavaScript
/// `Math.floor(share * 100 + 0.5 + 1e-9)`. The report already carries every
/// per cent it shows (`…Percent` fields); the UI need not round at all.
pub fn percent(share: f64) -> u32 {
    if share.is_nan() {
        return 0;
    }
    let p = (share.clamp(0.0, 1.0) * 100.0 + 0.5 + 1e-9).floor();
    // 0..=100 after the clamp, so the cast is exact.
    p as u32
}

/// A correlation as shown: two decimals, rounded half up by the same rule as
/// [`percent`] (`floor(r * 100 + 0.5 + 1e-9) / 100`), e.g. 0.425 → 0.43,
/// -0.425 → -0.42.
pub fn hundredths(r: f64) -> f64 {
    let h = (r * 100.0 + 0.5 + 1e-9).floor() / 100.0;
    // No "-0" on the screen or in a file.
    if h == 0.0 { 0.0 } else { h }
}

/// The class view of one course.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClassReport {
    pub course_id: String,
    /// The version of the course the report was computed with (the
    /// instructor's copy; learners may have worked in another).
    pub course_version: String,
    pub course_title: String,
    /// The language titles, prompts and option texts are in.
    pub lang: String,
    /// Every learner of the class, by name (case-insensitive), then key.
    pub roster: Vec<LearnerKey>,
    /// The table's module columns, in course order.
    pub modules: Vec<ModuleColumn>,
    /// The course has a final test (each row then has `finalTest`).
    pub has_final_test: bool,
    /// One row per learner, in roster order.
    pub rows: Vec<LearnerRow>,
    /// Per competency, in course order.
    pub mastery: Vec<ClassMastery>,
    /// Every module question in course order, then the final test's bank.
    pub items: Vec<ItemAnalysis>,
    /// Every scenario, in course order.
    pub role_plays: Vec<RolePlayPattern>,
}

/// A module as a column of the class table.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ModuleColumn {
    pub module_id: String,
    pub title: String,
    /// Share of points needed, 0..=1.
    pub pass_mark: f64,
    pub has_questions: bool,
    pub scenarios: u32,
}

/// One learner's line of the class table.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LearnerRow {
    pub learner: LearnerKey,
    /// One cell per module, in course order.
    pub modules: Vec<ModuleCell>,
    /// The final test's cell (module id `final`), when the course has one.
    pub final_test: Option<ModuleCell>,
    /// The best final-test attempt's grade; `None` before a graded attempt
    /// (or when the course has no final test).
    pub final_grade: Option<FinalGrade>,
    /// Modules passed, of `modules.len()`.
    pub modules_passed: u32,
    /// Every module is passed, and the final test when the course has one.
    pub course_passed: bool,
    /// The learner's last activity of any kind.
    pub last_activity: Option<Timestamp>,
}

/// One learner in one module (or the final test).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ModuleCell {
    pub module_id: String,
    /// The best graded attempt's score / max (the earliest of equal ones),
    /// 0..=1; `None` when there is no attempt, never 0 for "not tried".
    pub best_share: Option<f64>,
    /// `best_share` as shown, [`percent`].
    pub best_percent: Option<u32>,
    /// Passed by the app's rule: the best attempt reaches the pass mark and
    /// the latest run of none of the module's scenarios made a critical
    /// choice (a module without questions: the latest run of every scenario
    /// passed). For the final test: the best grade is a pass.
    pub passed: bool,
    /// The latest finished run of one of the module's scenarios made a critical choice.
    pub critical_choice: bool,
    /// Graded attempts.
    pub attempts: u32,
    /// Finished role-play runs in the module.
    pub runs: u32,
    /// The latest graded attempt or finished run in the module.
    pub last_activity: Option<Timestamp>,
}

/// How the class masters one competency.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClassMastery {
    pub competency_id: String,
    pub title: String,
    /// Graded answers in this competency, over the whole class (retakes and
    /// the final test included).
    pub answers: u32,
    /// The mean of those answers' score / max; `None` without answers.
    pub share: Option<f64>,
    pub percent: Option<u32>,
}

/// Where a question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ItemSource {
    /// A module's quiz (its final-test answers count here too, were its id in the bank).
    Quiz,
    /// The final test's bank.
    FinalTest,
}

/// Something about a question a course designer should look at. The UI words each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ItemFlag {
    /// Facility under [`TOO_HARD_BELOW_PERCENT`] (at least [`MIN_ANSWERS`] answers).
    TooHard,
    /// Facility over [`TOO_EASY_ABOVE_PERCENT`] (at least [`MIN_ANSWERS`] answers).
    TooEasy,
    /// Discrimination from 0 up to under [`WEAK_DISCRIMINATION_BELOW`].
    WeakDiscrimination,
    /// Discrimination below 0: those who did well elsewhere did worse here.
    NegativeDiscrimination,
    /// An option that is not a key was chosen by nobody (at least
    /// [`MIN_RESPONSES_FOR_DISTRACTORS`] known choices).
    UnchosenDistractor,
}

/// Item analysis of one question, as in Moodle's quiz statistics.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ItemAnalysis {
    /// The question's module (a bank question's: the module it tests).
    pub module_id: String,
    pub question_id: String,
    pub source: ItemSource,
    pub kind: QuestionKind,
    pub competency_id: String,
    /// The prompt in the report's language.
    pub prompt: String,
    /// Graded answers.
    pub answers: u32,
    /// Answers whose choice is known (results files do not keep it); the
    /// options' counts are over these.
    pub responses: u32,
    /// The mean of score / max over the answers, 0..=1; `None` without answers.
    pub facility: Option<f64>,
    pub facility_percent: Option<u32>,
    /// The point-biserial (Pearson) correlation between this question's
    /// score share and the rest of the attempt's score (the attempt's score
    /// minus this question's), over the attempts with this question, shown
    /// to two decimals ([`hundredths`]); `None` under [`MIN_ANSWERS`]
    /// answers or when either side does not vary.
    pub discrimination: Option<f64>,
    /// Choice and true/false questions: every option in the author's order
    /// (true/false: `true`, then `false`); empty for other kinds.
    pub options: Vec<OptionCount>,
    pub flags: Vec<ItemFlag>,
}

/// How often one option was chosen.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OptionCount {
    /// The option id (`true` / `false` for a true/false question).
    pub option_id: String,
    /// Its text in the report's language.
    pub text: String,
    /// A right answer.
    pub key: bool,
    /// Answers that chose it.
    pub count: u32,
    /// `count` of the question's `responses`, [`percent`]; `None` without responses.
    pub percent: Option<u32>,
}

/// What a class did in one role-play.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RolePlayPattern {
    pub module_id: String,
    pub scenario_id: String,
    pub title: String,
    /// Finished runs, every run of every learner.
    pub runs: u32,
    /// Learners with at least one finished run.
    pub learners: u32,
    pub good: u32,
    pub mixed: u32,
    pub poor: u32,
    /// Runs that passed by the engine's rule (`scenario::run_passes`: a good
    /// or mixed ending, no critical choice, half the best path's points).
    pub passed: u32,
    /// `passed` / `runs`; `None` without runs.
    pub pass_share: Option<f64>,
    pub pass_percent: Option<u32>,
    /// The most frequent critical choices, most frequent first (ties by id), at most 5.
    pub critical_choices: Vec<ChoiceCount>,
}

/// A role-play choice and how often it was made.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChoiceCount {
    pub choice_id: String,
    /// Its text in the report's language; the id when the course no longer has it.
    pub text: String,
    pub count: u32,
}

/// One learner's page.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LearnerReport {
    /// Their line of the class table.
    pub row: LearnerRow,
    /// In course order.
    pub modules: Vec<LearnerModule>,
    /// The final test, when the course has one.
    pub final_test: Option<LearnerModule>,
    /// Mastery per competency as the learner's own app computes it (graded
    /// answers plus the latest run of each scenario).
    pub mastery: Vec<CompetencyMastery>,
    /// Finished role-play runs, oldest first.
    pub runs: Vec<LearnerRun>,
}

/// One learner in one module (or the final test), for their page.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LearnerModule {
    pub module_id: String,
    pub title: String,
    pub pass_mark: f64,
    /// The table's cell: best share, pass state, attempts, last activity.
    pub cell: ModuleCell,
    /// The most recent graded attempt's share.
    pub last_share: Option<f64>,
    pub last_percent: Option<u32>,
    /// Every graded attempt, oldest first: the points of a chart over time.
    pub attempts: Vec<AttemptPoint>,
}

/// A graded attempt as a point of a chart. (Named ClassAttemptPoint in
/// TypeScript: the learner's own history has an `AttemptPoint` too.)
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "ClassAttemptPoint")]
pub struct AttemptPoint {
    /// The attempt's number, unique per learner.
    pub attempt: i64,
    pub submitted_at: Timestamp,
    pub score: f64,
    pub max: f64,
    /// score / max, 0..=1.
    pub share: f64,
    pub percent: u32,
    /// This attempt reached the pass mark (the final test: a pass grade).
    pub passed: bool,
    /// A final-test attempt's grade.
    pub grade: Option<FinalGrade>,
}

/// A finished role-play run, for a learner's page.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LearnerRun {
    pub module_id: String,
    pub scenario_id: String,
    /// The scenario's title; its id when the course no longer has it.
    pub title: String,
    pub finished_at: Timestamp,
    pub ending: EndingKind,
    /// By the engine's rule, as in [`RolePlayPattern::passed`].
    pub passed: bool,
    pub points: BTreeMap<String, f64>,
    /// The critical choices made, each with count 1.
    pub critical_choices: Vec<ChoiceCount>,
}

/// What one learner did, gathered from the records.
#[derive(Default)]
struct LearnerData<'r> {
    /// Oldest first (submitted, then attempt number).
    attempts: Vec<&'r AttemptRecord>,
    /// Oldest first (finished).
    runs: Vec<&'r RunRecord>,
}

/// The records grouped by learner: the roster, and each learner's records
/// at the same position.
struct Grouped<'r> {
    roster: Vec<LearnerKey>,
    data: Vec<LearnerData<'r>>,
}

/// Builds [`Grouped`], one slot per learner key.
struct Slots<'r, 'o> {
    only: Option<&'o str>,
    slot: HashMap<&'r str, usize>,
    /// The last key asked for and its slot: a learner's records mostly come together.
    last: Option<(&'r str, usize)>,
    grouped: Grouped<'r>,
}

impl<'r> Slots<'r, '_> {
    /// The slot of `key` (a new one, named by the key, for a learner the
    /// roster does not name); `None` for a learner left out.
    fn of(&mut self, key: &'r str) -> Option<usize> {
        if let Some((last, i)) = self.last
            && last == key
        {
            return Some(i);
        }
        if self.only.is_some_and(|o| o != key) {
            return None;
        }
        let i = *self.slot.entry(key).or_insert_with(|| {
            self.grouped.roster.push(LearnerKey {
                key: key.to_string(),
                name: key.to_string(),
            });
            self.grouped.data.push(LearnerData::default());
            self.grouped.roster.len() - 1
        });
        self.last = Some((key, i));
        Some(i)
    }
}

/// Groups the records by learner, for everyone or `only` one learner. The
/// roster holds every named learner once (the first name wins) and anyone
/// the records know only by key, named by it; it is sorted by name
/// (case-insensitive), then key.
fn group<'r>(records: &'r ClassRecords, only: Option<&str>) -> Grouped<'r> {
    let mut slots = Slots {
        only,
        slot: HashMap::with_capacity(records.learners.len()),
        last: None,
        grouped: Grouped {
            roster: Vec::with_capacity(records.learners.len()),
            data: Vec::with_capacity(records.learners.len()),
        },
    };
    for l in &records.learners {
        if only.is_none_or(|o| o == l.key) && !slots.slot.contains_key(l.key.as_str()) {
            slots
                .slot
                .insert(l.key.as_str(), slots.grouped.roster.len());
            slots.grouped.roster.push(l.clone());
            slots.grouped.data.push(LearnerData::default());
        }
    }
    for a in &records.attempts {
        if let Some(i) = slots.of(a.learner.as_str()) {
            slots.grouped.data[i].attempts.push(a);
        }
    }
    for r in &records.runs {
        if let Some(i) = slots.of(r.learner.as_str()) {
            slots.grouped.data[i].runs.push(r);
        }
    }
    let Grouped { roster, mut data } = slots.grouped;
    for d in &mut data {
        d.attempts.sort_by_key(|a| (a.submitted_at, a.attempt));
        d.runs.sort_by_key(|r| r.finished_at);
    }
    let mut order: Vec<usize> = (0..roster.len()).collect();
    order.sort_by_cached_key(|&i| {
        let l = &roster[i];
        (l.name.to_lowercase(), l.name.clone(), l.key.clone())
    });
    let mut taken: Vec<Option<(LearnerKey, LearnerData<'r>)>> =
        roster.into_iter().zip(data).map(Some).collect();
    let (roster, data) = order.into_iter().filter_map(|i| taken[i].take()).unzip();
    Grouped { roster, data }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A run from a results file is critical without naming its choices.
fn critical(run: &RunRecord) -> bool {
    run.critical || !run.critical_choices.is_empty()
}

/// A record's run as the store's row, for the rules written over those.
fn as_row(run: &RunRecord, i: usize) -> ScenarioRunRow {
    ScenarioRunRow {
        id: ScenarioRunId(i64::try_from(i).unwrap_or(i64::MAX)),
        profile_id: ProfileId(0),
        course_id: String::new(),
        module_id: run.module.clone(),
        scenario_id: run.scenario.clone(),
        path: Vec::new(),
        points: run.points.clone(),
        ending: Some(run.ending),
        critical: critical(run),
        started_at: run.finished_at,
        finished_at: Some(run.finished_at),
    }
}

fn run_passed(course: &Course, run: &RunRecord) -> bool {
    find_scenario(course, &run.module, &run.scenario).map_or(run.passed, |s| {
        run_passes(s, run.ending, critical(run), &run.points)
    })
}

fn find_scenario<'c>(course: &'c Course, module: &str, scenario: &str) -> Option<&'c Scenario> {
    course
        .modules
        .iter()
        .find(|m| m.id == module)?
        .scenarios
        .iter()
        .find(|s| s.id == scenario)
}

/// A choice's text in `lang`, from the scenario's nodes; the id when not found.
fn choice_text(scenario: Option<&Scenario>, choice: &str, lang: &str) -> String {
    scenario
        .and_then(|s| {
            s.nodes
                .iter()
                .flat_map(|n| &n.choices)
                .find(|c| c.id == choice)
        })
        .map_or_else(|| choice.to_string(), |c| c.text.get(lang).to_string())
}

/// The best of `attempts` (highest share, the earliest of equal ones), as
/// `progress` picks it; `attempts` are oldest first.
fn best_of<'r>(attempts: &[&'r AttemptRecord]) -> Option<&'r AttemptRecord> {
    attempts
        .iter()
        .copied()
        .fold(None, |best: Option<&AttemptRecord>, a| match best {
            Some(b) if share(b.score, b.max) >= share(a.score, a.max) => Some(b),
            _ => Some(a),
        })
}

fn latest(times: impl IntoIterator<Item = Timestamp>) -> Option<Timestamp> {
    times.into_iter().max()
}

/// One learner's module, with what the page adds to the table's cell.
struct Standing<'r> {
    cell: ModuleCell,
    last: Option<&'r AttemptRecord>,
    attempts: Vec<&'r AttemptRecord>,
}

fn module_cell<'r>(
    course: &Course,
    module: &Module,
    data: Option<&LearnerData<'r>>,
    rows: &[ScenarioRunRow],
) -> Standing<'r> {
    let attempts: Vec<&AttemptRecord> = data
        .map(|d| {
            d.attempts
                .iter()
                .copied()
                .filter(|a| a.module == module.id)
                .collect()
        })
        .unwrap_or_default();
    let runs: Vec<&ScenarioRunRow> = rows.iter().filter(|r| r.module_id == module.id).collect();
    let best = best_of(&attempts);
    let standing = module_standing(course, module, best.map(|b| (b.score, b.max)), &runs);
    let best_share = best.map(|b| share(b.score, b.max));
    let last_activity = latest(
        attempts
            .iter()
            .map(|a| a.submitted_at)
            .chain(runs.iter().filter_map(|r| r.finished_at)),
    );
    Standing {
        cell: ModuleCell {
            module_id: module.id.clone(),
            best_share,
            best_percent: best_share.map(percent),
            passed: standing.passed,
            critical_choice: standing.critical,
            attempts: count(attempts.len()),
            runs: count(runs.len()),
            last_activity,
        },
        last: attempts.last().copied(),
        attempts,
    }
}

/// The final test's cell and the best grade; `None` without a final test.
fn final_cell<'r>(
    course: &Course,
    data: Option<&LearnerData<'r>>,
) -> Option<(Standing<'r>, Option<FinalGrade>)> {
    let test = course.final_test.as_ref()?;
    let attempts: Vec<&AttemptRecord> = data
        .map(|d| {
            d.attempts
                .iter()
                .copied()
                .filter(|a| a.module == FINAL_TEST_ID)
                .collect()
        })
        .unwrap_or_default();
    let best = best_of(&attempts);
    let grade = best.map(|b| FinalGrade::of(b.score, b.max, test.pass_mark, test.distinction));
    let best_share = best.map(|b| share(b.score, b.max));
    Some((
        Standing {
            cell: ModuleCell {
                module_id: FINAL_TEST_ID.to_string(),
                best_share,
                best_percent: best_share.map(percent),
                passed: grade.is_some_and(FinalGrade::passed),
                critical_choice: false,
                attempts: count(attempts.len()),
                runs: 0,
                last_activity: latest(attempts.iter().map(|a| a.submitted_at)),
            },
            last: attempts.last().copied(),
            attempts,
        },
        grade,
    ))
}

/// A learner's row, with the per-module standings the page needs.
fn learner_row<'r>(
    course: &Course,
    records: &ClassRecords,
    learner: &LearnerKey,
    data: Option<&LearnerData<'r>>,
) -> (LearnerRow, Vec<Standing<'r>>, Option<Standing<'r>>) {
    let rows: Vec<ScenarioRunRow> = data
        .map(|d| {
            d.runs
                .iter()
                .enumerate()
                .map(|(i, r)| as_row(r, i))
                .collect()
        })
        .unwrap_or_default();
    let standings: Vec<Standing<'r>> = course
        .modules
        .iter()
        .map(|m| module_cell(course, m, data, &rows))
        .collect();
    let final_test = final_cell(course, data);
    let modules_passed = count(standings.iter().filter(|s| s.cell.passed).count());
    // progress::final_test::course_passed's rule, over the cells.
    let course_passed = !standings.is_empty()
        && standings.iter().all(|s| s.cell.passed)
        && final_test.as_ref().is_none_or(|(f, _)| f.cell.passed);
    let last_activity = records
        .last_activity
        .get(&learner.key)
        .copied()
        .or_else(|| {
            data.and_then(|d| {
                latest(
                    d.attempts
                        .iter()
                        .map(|a| a.submitted_at)
                        .chain(d.runs.iter().map(|r| r.finished_at)),
                )
            })
        });
    let (final_standing, final_grade) = match final_test {
        Some((s, g)) => (Some(s), g),
        None => (None, None),
    };
    let row = LearnerRow {
        learner: learner.clone(),
        modules: standings.iter().map(|s| s.cell.clone()).collect(),
        final_test: final_standing.as_ref().map(|s| s.cell.clone()),
        final_grade,
        modules_passed,
        course_passed,
        last_activity,
    };
    (row, standings, final_standing)
}

/// Running sums for one question's facility and discrimination.
#[derive(Default, Clone)]
struct ItemSums {
    n: u32,
    /// Welford's running means and co-moments of x (this question's share)
    /// and y (the rest of the attempt's score).
    mean_x: f64,
    mean_y: f64,
    m2_x: f64,
    m2_y: f64,
    c_xy: f64,
    responses: u32,
    options: Vec<u32>,
}

impl ItemSums {
    fn add(&mut self, x: f64, y: f64) {
        self.n += 1;
        let n = f64::from(self.n);
        let dx = x - self.mean_x;
        let dy = y - self.mean_y;
        self.mean_x += dx / n;
        self.mean_y += dy / n;
        self.m2_x += dx * (x - self.mean_x);
        self.m2_y += dy * (y - self.mean_y);
        self.c_xy += dx * (y - self.mean_y);
    }

    fn correlation(&self) -> Option<f64> {
        // Below this a sum of squares is rounding, not variance.
        const NO_VARIANCE: f64 = 1e-12;
        if self.n < MIN_ANSWERS || self.m2_x <= NO_VARIANCE || self.m2_y <= NO_VARIANCE {
            return None;
        }
        Some((self.c_xy / (self.m2_x * self.m2_y).sqrt()).clamp(-1.0, 1.0))
    }
}

/// A question of the course as an item, with how its options are read.
struct ItemDef<'c> {
    module: &'c str,
    question: &'c crate::content::Question,
    source: ItemSource,
    /// (option id, text, key), in the author's order.
    options: Vec<(String, String, bool)>,
}

fn item_defs<'c>(course: &'c Course, lang: &str) -> Vec<ItemDef<'c>> {
    let options_of = |q: &crate::content::Question| match &q.body {
        QuestionBody::Single { options } | QuestionBody::Multiple { options } => options
            .iter()
            .map(|o| (o.id.clone(), o.text.get(lang).to_string(), o.correct))
            .collect(),
        QuestionBody::TrueFalse { answer, .. } => vec![
            (
                "true".to_string(),
                crate::i18n::tr(lang, "quiz-true", &[]),
                *answer,
            ),
            (
                "false".to_string(),
                crate::i18n::tr(lang, "quiz-false", &[]),
                !*answer,
            ),
        ],
        _ => Vec::new(),
    };
    let quiz = course.modules.iter().flat_map(|m| {
        m.questions
            .iter()
            .map(move |q| (m.id.as_str(), q, ItemSource::Quiz))
    });
    let bank = course
        .final_test
        .iter()
        .flat_map(|t| &t.questions)
        .map(|b| (b.module.as_str(), &b.question, ItemSource::FinalTest));
    quiz.chain(bank)
        .map(|(module, question, source)| ItemDef {
            module,
            question,
            source,
            options: options_of(question),
        })
        .collect()
}

fn count_response(sums: &mut ItemSums, def: &ItemDef<'_>, answer: &AnswerRecord) {
    let Some(response) = &answer.response else {
        return;
    };
    if def.options.is_empty() {
        return;
    }
    sums.responses += 1;
    if sums.options.is_empty() {
        sums.options = vec![0; def.options.len()];
    }
    // Ids are slugs, so `a[,]b` splits at its commas with the brackets
    // trimmed (faster than searching for "[,]").
    let chosen = response
        .split(',')
        .map(|s| s.trim_start_matches(']').trim_end_matches('[').trim())
        .filter(|s| !s.is_empty());
    for id in chosen {
        if let Some(i) = def.options.iter().position(|(o, _, _)| o == id) {
            sums.options[i] += 1;
        }
    }
}

fn item_analysis(def: &ItemDef<'_>, sums: &ItemSums, lang: &str) -> ItemAnalysis {
    let facility = (sums.n > 0).then_some(sums.mean_x);
    let facility_percent = facility.map(percent);
    let discrimination = sums.correlation().map(hundredths);
    let options: Vec<OptionCount> = def
        .options
        .iter()
        .enumerate()
        .map(|(i, (id, text, key))| {
            let chosen = sums.options.get(i).copied().unwrap_or(0);
            OptionCount {
                option_id: id.clone(),
                text: text.clone(),
                key: *key,
                count: chosen,
                percent: (sums.responses > 0)
                    .then(|| percent(f64::from(chosen) / f64::from(sums.responses))),
            }
        })
        .collect();
    let mut flags = Vec::new();
    if sums.n >= MIN_ANSWERS {
        match facility_percent {
            Some(p) if p < TOO_HARD_BELOW_PERCENT => flags.push(ItemFlag::TooHard),
            Some(p) if p > TOO_EASY_ABOVE_PERCENT => flags.push(ItemFlag::TooEasy),
            _ => {}
        }
    }
    match discrimination {
        Some(d) if d < 0.0 => flags.push(ItemFlag::NegativeDiscrimination),
        Some(d) if d < WEAK_DISCRIMINATION_BELOW => flags.push(ItemFlag::WeakDiscrimination),
        _ => {}
    }
    if sums.responses >= MIN_RESPONSES_FOR_DISTRACTORS
        && options.iter().any(|o| !o.key && o.count == 0)
    {
        flags.push(ItemFlag::UnchosenDistractor);
    }
    ItemAnalysis {
        module_id: def.module.to_string(),
        question_id: def.question.id.clone(),
        source: def.source,
        kind: def.question.kind(),
        competency_id: def.question.competency.clone(),
        prompt: def.question.prompt.get(lang).to_string(),
        answers: sums.n,
        responses: sums.responses,
        facility,
        facility_percent,
        discrimination,
        options,
        flags,
    }
}

/// Item analysis of every question and class mastery per competency, in one
/// pass over every answer of every attempt.
fn items_and_mastery(
    course: &Course,
    records: &ClassRecords,
    lang: &str,
) -> (Vec<ItemAnalysis>, Vec<ClassMastery>) {
    let defs = item_defs(course, lang);
    // A module's own question first: a final-test answer names its home
    // module, and counts for that module's question of the same id.
    let mut index: HashMap<(&str, &str), usize> = HashMap::with_capacity(defs.len());
    for (i, d) in defs.iter().enumerate() {
        index.entry((d.module, d.question.id.as_str())).or_insert(i);
    }
    let competency_index: HashMap<&str, usize> = course
        .competencies
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let item_competency: Vec<Option<usize>> = defs
        .iter()
        .map(|d| {
            competency_index
                .get(d.question.competency.as_str())
                .copied()
        })
        .collect();
    // The item each (module, question) counts for; a second item of the same
    // key (a bank question named like its module's) is never guessed.
    let first: Vec<bool> = defs
        .iter()
        .enumerate()
        .map(|(i, d)| index.get(&(d.module, d.question.id.as_str())) == Some(&i))
        .collect();
    let is_item = |i: usize, a: &AnswerRecord| {
        defs.get(i)
            .is_some_and(|d| first[i] && d.question.id == a.question && d.module == a.module)
    };
    let mut sums = vec![ItemSums::default(); defs.len()];
    let mut mastery_sums = vec![(0.0_f64, 0_u32); course.competencies.len()];
    for attempt in &records.attempts {
        // A quiz's answers mostly come in the module's question order: try
        // the item after the previous answer's before looking it up.
        let mut next = usize::MAX;
        for answer in &attempt.answers {
            let found = if is_item(next, answer) {
                Some(next)
            } else {
                index
                    .get(&(answer.module.as_str(), answer.question.as_str()))
                    .copied()
            };
            // Answers to questions the course no longer has do not count.
            let Some(i) = found else {
                continue;
            };
            next = i + 1;
            let x = share(answer.score, answer.max);
            sums[i].add(x, attempt.score - answer.score);
            count_response(&mut sums[i], &defs[i], answer);
            if let Some(c) = item_competency[i] {
                mastery_sums[c].0 += x;
                mastery_sums[c].1 += 1;
            }
        }
    }
    let items = defs
        .iter()
        .zip(&sums)
        .map(|(d, s)| item_analysis(d, s, lang))
        .collect();
    let mastery = course
        .competencies
        .iter()
        .zip(&mastery_sums)
        .map(|(c, &(total, answers))| {
            let share = (answers > 0).then(|| total / f64::from(answers));
            ClassMastery {
                competency_id: c.id.clone(),
                title: c.title.get(lang).to_string(),
                answers,
                share,
                percent: share.map(percent),
            }
        })
        .collect();
    (items, mastery)
}

fn role_plays(course: &Course, grouped: &Grouped<'_>, lang: &str) -> Vec<RolePlayPattern> {
    let mut slot: HashMap<(&str, &str), usize> = HashMap::new();
    let mut patterns = Vec::new();
    let mut scenarios = Vec::new();
    for m in &course.modules {
        for s in &m.scenarios {
            slot.insert((m.id.as_str(), s.id.as_str()), patterns.len());
            scenarios.push(s);
            patterns.push(RolePlayPattern {
                module_id: m.id.clone(),
                scenario_id: s.id.clone(),
                title: s.title.get(lang).to_string(),
                runs: 0,
                learners: 0,
                good: 0,
                mixed: 0,
                poor: 0,
                passed: 0,
                pass_share: None,
                pass_percent: None,
                critical_choices: Vec::new(),
            });
        }
    }
    // scenario::run_passes, with each scenario's best path found once.
    let best: Vec<f64> = scenarios.iter().map(|s| best_total(s)).collect();
    let passes = |best: f64, run: &RunRecord| {
        matches!(run.ending, EndingKind::Good | EndingKind::Mixed)
            && !critical(run)
            && earned_enough(run.points.values().sum(), best)
    };
    // The last learner (by position, from 1) counted in each scenario.
    let mut counted = vec![0_usize; patterns.len()];
    let mut choices: Vec<HashMap<&str, u32>> = vec![HashMap::new(); patterns.len()];
    let runs = grouped
        .data
        .iter()
        .enumerate()
        .flat_map(|(learner, d)| d.runs.iter().map(move |r| (learner + 1, r)));
    for (learner, run) in runs {
        let Some(&i) = slot.get(&(run.module.as_str(), run.scenario.as_str())) else {
            continue;
        };
        let p = &mut patterns[i];
        if counted[i] != learner {
            counted[i] = learner;
            p.learners += 1;
        }
        p.runs += 1;
        match run.ending {
            EndingKind::Good => p.good += 1,
            EndingKind::Mixed => p.mixed += 1,
            EndingKind::Poor => p.poor += 1,
        }
        if passes(best[i], run) {
            p.passed += 1;
        }
        for c in &run.critical_choices {
            *choices[i].entry(c.as_str()).or_default() += 1;
        }
    }
    for (i, p) in patterns.iter_mut().enumerate() {
        p.pass_share = (p.runs > 0).then(|| f64::from(p.passed) / f64::from(p.runs));
        p.pass_percent = p.pass_share.map(percent);
        let mut top: Vec<(&str, u32)> = choices[i].iter().map(|(&c, &n)| (c, n)).collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        p.critical_choices = top
            .into_iter()
            .take(5)
            .map(|(c, n)| ChoiceCount {
                choice_id: c.to_string(),
                text: choice_text(Some(scenarios[i]), c, lang),
                count: n,
            })
            .collect();
    }
    patterns
}

fn module_columns(course: &Course, lang: &str) -> Vec<ModuleColumn> {
    course
        .modules
        .iter()
        .map(|m| ModuleColumn {
            module_id: m.id.clone(),
            title: m.title.get(lang).to_string(),
            pass_mark: pass_mark(course, m),
            has_questions: !m.questions.is_empty(),
            scenarios: count(m.scenarios.len()),
        })
        .collect()
}

/// The class report of `records` in `course`, with titles, prompts and
/// option texts in `lang` (falling back as [`crate::content::Text::get`] does).
///
/// Passing follows the app (`progress::rules`), with the instructor's copy of
/// the course: each attempt's pass is recomputed from its score and the
/// course's pass marks, not taken from the record. Answers, attempts and runs
/// in modules, questions or scenarios the course does not have are left out
/// of the table's cells, the item analysis and the role-play patterns.
pub fn class_report(course: &Course, records: &ClassRecords, lang: &str) -> ClassReport {
    let grouped = group(records, None);
    let rows = grouped
        .roster
        .iter()
        .zip(&grouped.data)
        .map(|(l, d)| learner_row(course, records, l, Some(d)).0)
        .collect();
    let (items, mastery) = items_and_mastery(course, records, lang);
    ClassReport {
        course_id: course.id.clone(),
        course_version: course.version.clone(),
        course_title: course.title.get(lang).to_string(),
        lang: lang.to_string(),
        roster: grouped.roster.clone(),
        modules: module_columns(course, lang),
        has_final_test: course.final_test.is_some(),
        rows,
        mastery,
        items,
        role_plays: role_plays(course, &grouped, lang),
    }
}

fn attempt_point(a: &AttemptRecord, passed: bool, grade: Option<FinalGrade>) -> AttemptPoint {
    let s = share(a.score, a.max);
    AttemptPoint {
        attempt: a.attempt,
        submitted_at: a.submitted_at,
        score: a.score,
        max: a.max,
        share: s,
        percent: percent(s),
        passed,
        grade,
    }
}

fn learner_module(
    module_id: &str,
    title: String,
    mark: f64,
    standing: Standing<'_>,
    point: impl Fn(&AttemptRecord) -> AttemptPoint,
) -> LearnerModule {
    let last_share = standing.last.map(|a| share(a.score, a.max));
    LearnerModule {
        module_id: module_id.to_string(),
        title,
        pass_mark: mark,
        cell: standing.cell,
        last_share,
        last_percent: last_share.map(percent),
        attempts: standing.attempts.iter().map(|a| point(a)).collect(),
    }
}

/// One learner's page; `None` when the class has no learner `learner_key`.
pub fn learner_report(
    course: &Course,
    records: &ClassRecords,
    learner_key: &str,
    lang: &str,
) -> Option<LearnerReport> {
    let grouped = group(records, Some(learner_key));
    let learner = grouped.roster.first()?;
    let data = grouped.data.first();
    let (row, standings, final_standing) = learner_row(course, records, learner, data);
    let modules = course
        .modules
        .iter()
        .zip(standings)
        .map(|(m, standing)| {
            let mark = pass_mark(course, m);
            learner_module(&m.id, m.title.get(lang).to_string(), mark, standing, |a| {
                attempt_point(a, attempt_passes(a.score, a.max, mark), None)
            })
        })
        .collect();
    let final_test = course
        .final_test
        .as_ref()
        .zip(final_standing)
        .map(|(test, standing)| {
            let title = crate::i18n::tr(lang, "final-title", &[]);
            learner_module(FINAL_TEST_ID, title, test.pass_mark, standing, |a| {
                let grade = FinalGrade::of(a.score, a.max, test.pass_mark, test.distinction);
                attempt_point(a, grade.passed(), Some(grade))
            })
        });
    let (graded, run_rows) = data.map_or_else(Default::default, |d| {
        let graded: Vec<GradedAnswer> = d
            .attempts
            .iter()
            .flat_map(|a| {
                a.answers.iter().map(move |ans| GradedAnswer {
                    // The store keeps a final-test answer under the test's id.
                    module_id: if a.module == FINAL_TEST_ID {
                        FINAL_TEST_ID.to_string()
                    } else {
                        ans.module.clone()
                    },
                    question_id: ans.question.clone(),
                    score: ans.score,
                    max_score: ans.max,
                    count: 1,
                })
            })
            .collect();
        let rows: Vec<ScenarioRunRow> = d
            .runs
            .iter()
            .enumerate()
            .map(|(i, r)| as_row(r, i))
            .collect();
        (graded, rows)
    });
    let runs = data
        .map(|d| d.runs.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|r| {
            let scenario = find_scenario(course, &r.module, &r.scenario);
            LearnerRun {
                module_id: r.module.clone(),
                scenario_id: r.scenario.clone(),
                title: scenario
                    .map_or_else(|| r.scenario.clone(), |s| s.title.get(lang).to_string()),
                finished_at: r.finished_at,
                ending: r.ending,
                passed: run_passed(course, r),
                points: r.points.clone(),
                critical_choices: r
                    .critical_choices
                    .iter()
                    .map(|c| ChoiceCount {
                        choice_id: c.clone(),
                        text: choice_text(scenario, c, lang),
                        count: 1,
                    })
                    .collect(),
            }
        })
        .collect();
    Some(LearnerReport {
        row,
        modules,
        final_test,
        mastery: mastery(course, &graded, &run_rows, lang),
        runs,
    })
}

#[cfg(test)]
mod tests;
