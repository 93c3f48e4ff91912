//! The pass rules, as pure functions: a module is passed when its best attempt
//! reaches its pass mark and the latest finished run of none of its scenarios
//! made a critical choice; a course is passed when all its modules are.

use std::collections::BTreeMap;

use crate::content::{Course, Module};
use crate::scenario::run_passes;
use crate::storage::scenario_runs::ScenarioRunRow;

/// Slack for float sums (0.1 + 0.2 points) when comparing with a pass mark.
const EPSILON: f64 = 1e-9;

/// The share of points needed in `module`: its own pass mark, else the course's.
pub fn pass_mark(course: &Course, module: &Module) -> f64 {
    module.pass_mark.unwrap_or(course.pass_mark)
}

/// Score as a share of max; a quiz with no points counts as full.
pub(crate) fn share(score: f64, max: f64) -> f64 {
    if max > 0.0 {
        (score / max).clamp(0.0, 1.0)
    } else {
        1.0
    }
}

/// Whether `score` out of `max` reaches `pass_mark`.
pub fn attempt_passes(score: f64, max: f64, pass_mark: f64) -> bool {
    share(score, max) + EPSILON >= pass_mark
}

/// The latest finished run of each scenario, by scenario id.
pub(crate) fn latest_finished<'r>(
    runs: impl IntoIterator<Item = &'r ScenarioRunRow>,
) -> BTreeMap<&'r str, &'r ScenarioRunRow> {
    let mut latest = BTreeMap::new();
    for run in runs {
        if run.ending.is_some() {
            // Runs come oldest first, so a later one replaces an earlier one.
            latest.insert(run.scenario_id.as_str(), run);
        }
    }
    latest
}

/// How a module stands for one learner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Standing {
    pub passed: bool,
    /// The latest finished run of one of the module's scenarios made a critical choice.
    pub critical: bool,
}

/// `best` is the best graded attempt's (score, max); `runs` are the learner's
/// scenario runs in this module. A module without questions is passed when the
/// latest finished run of every scenario in it passed (`scenario::run_passes`,
/// as `scenario::Debrief::passed` says); a lesson-only module always is.
pub(crate) fn module_standing(
    course: &Course,
    module: &Module,
    best: Option<(f64, f64)>,
    runs: &[&ScenarioRunRow],
) -> Standing {
    let latest = latest_finished(runs.iter().copied());
    let in_module = |id: &str| module.scenarios.iter().any(|s| s.id == id);
    let critical = latest.iter().any(|(id, run)| in_module(id) && run.critical);
    let quiz_ok = if module.questions.is_empty() {
        module.scenarios.iter().all(|s| {
            latest.get(s.id.as_str()).is_some_and(|run| {
                run.ending
                    .is_some_and(|ending| run_passes(s, ending, run.critical, &run.points))
            })
        })
    } else {
        best.is_some_and(|(score, max)| attempt_passes(score, max, pass_mark(course, module)))
    };
    Standing {
        passed: quiz_ok && !critical,
        critical,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::EndingKind;
    use crate::progress::testing;

    /// A run that earned testing::scenario's best 2 points.
    fn run(id: i64, scenario: &str, ending: Option<EndingKind>, critical: bool) -> ScenarioRunRow {
        ScenarioRunRow {
            id: crate::progress::ScenarioRunId(id),
            profile_id: crate::progress::ProfileId(1),
            course_id: "c".into(),
            module_id: "s".into(),
            scenario_id: scenario.into(),
            path: vec![],
            points: BTreeMap::from([("welcome".to_string(), 2.0)]),
            ending,
            critical,
            started_at: 0,
            finished_at: ending.map(|_| 0),
        }
    }

    #[test]
    fn a_scenario_only_module_needs_a_passed_latest_run_of_every_scenario() {
        let course = testing::course();
        let m = testing::module(
            "s",
            crate::content::FeedbackMode::Immediate,
            vec![],
            vec![testing::scenario("s1")],
        );
        let standing = |runs: &[ScenarioRunRow]| {
            module_standing(&course, &m, None, &runs.iter().collect::<Vec<_>>())
        };
        assert!(
            !standing(&[]).passed,
            "an unplayed scenario does not pass the module"
        );
        assert!(
            !standing(&[run(1, "s1", None, false)]).passed,
            "an unfinished run does not count"
        );
        assert!(
            !standing(&[run(1, "s1", Some(EndingKind::Poor), false)]).passed,
            "a poor ending fails"
        );
        assert!(
            standing(&[run(1, "s1", Some(EndingKind::Mixed), false)]).passed,
            "a mixed ending passes"
        );
        let mut unearned = run(1, "s1", Some(EndingKind::Good), false);
        unearned.points.clear();
        assert!(
            !standing(&[unearned]).passed,
            "a good ending with under half of the best path's points fails, as the debrief says"
        );
        let later_critical = [
            run(1, "s1", Some(EndingKind::Good), false),
            run(2, "s1", Some(EndingKind::Poor), true),
        ];
        let s = standing(&later_critical);
        assert!(
            !s.passed && s.critical,
            "the latest finished run counts, and its critical choice blocks"
        );
        let lessons_only =
            testing::module("l", crate::content::FeedbackMode::Immediate, vec![], vec![]);
        assert!(
            module_standing(&course, &lessons_only, None, &[]).passed,
            "a lesson-only module is passed"
        );
    }

    #[test]
    fn pass_mark_is_reached_despite_float_sums() {
        assert!(
            attempt_passes(0.1 + 0.2 + 0.5, 1.0, 0.8),
            "0.8 reached through float sums must pass at 0.8"
        );
        assert!(
            !attempt_passes(0.79, 1.0, 0.8),
            "just below the mark must fail"
        );
        assert!(
            attempt_passes(0.0, 0.0, 0.8),
            "a quiz worth nothing cannot be failed"
        );
    }
}
