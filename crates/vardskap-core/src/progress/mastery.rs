//! Mastery per competency: every graded answer a learner gave in a course
//! (retakes included) plus the points of the latest finished run of each
//! scenario, as a share of what was possible.

use std::collections::BTreeMap;

use serde::Serialize;

use super::rules::latest_finished;
use crate::content::Course;
use crate::scenario::max_points;
use crate::storage::answers::GradedAnswer;
use crate::storage::scenario_runs::ScenarioRunRow;

/// How well a learner masters one competency.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CompetencyMastery {
    pub competency_id: String,
    pub title: String,
    /// Quiz points earned over all graded answers in this competency.
    pub score: f64,
    /// Quiz points possible over those answers.
    pub max: f64,
    /// Graded answers counted.
    pub answers: u32,
    /// Points from the latest finished run of each scenario (may be negative).
    pub scenario_points: f64,
    /// The most those runs' scenarios could give in this competency.
    pub scenario_max: f64,
    /// (score + scenario points, clamped to 0..=scenario max) / (max + scenario max);
    /// `None` before anything in this competency was answered or played.
    pub share: Option<f64>,
}

pub(crate) fn mastery(
    course: &Course,
    graded: &[GradedAnswer],
    runs: &[ScenarioRunRow],
    lang: &str,
) -> Vec<CompetencyMastery> {
    // Which competency each (module, question) belongs to now; answers to
    // questions a newer version removed no longer count.
    let mut competency_of: BTreeMap<(&str, &str), &str> = BTreeMap::new();
    for module in &course.modules {
        for q in &module.questions {
            competency_of.insert((module.id.as_str(), q.id.as_str()), q.competency.as_str());
        }
    }
    // The final test's answers count too: its attempts are stored under its own id.
    for bank in course.final_test.iter().flat_map(|t| &t.questions) {
        let q = &bank.question;
        competency_of.insert(
            (crate::final_test::FINAL_TEST_ID, q.id.as_str()),
            q.competency.as_str(),
        );
    }
    let mut quiz: BTreeMap<&str, (f64, f64, u32)> = BTreeMap::new();
    for a in graded {
        if let Some(c) = competency_of.get(&(a.module_id.as_str(), a.question_id.as_str())) {
            let e = quiz.entry(c).or_insert((0.0, 0.0, 0));
            e.0 += a.score;
            e.1 += a.max_score;
            e.2 += a.count;
        }
    }
    let mut played: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for module in &course.modules {
        let in_module = runs.iter().filter(|r| r.module_id == module.id);
        let latest = latest_finished(in_module);
        for scenario in &module.scenarios {
            let Some(run) = latest.get(scenario.id.as_str()) else {
                continue;
            };
            for (c, m) in max_points(scenario) {
                played.entry(c).or_insert((0.0, 0.0)).1 += m.max(0.0);
            }
            for (c, p) in &run.points {
                played.entry(c.clone()).or_insert((0.0, 0.0)).0 += p;
            }
        }
    }
    course
        .competencies
        .iter()
        .map(|c| {
            let (score, max, answers) = quiz.get(c.id.as_str()).copied().unwrap_or((0.0, 0.0, 0));
            let (scenario_points, scenario_max) = played.get(&c.id).copied().unwrap_or((0.0, 0.0));
            let total = max + scenario_max;
            let share = (answers > 0 || scenario_max > 0.0).then(|| {
                if total > 0.0 {
                    ((score + scenario_points.clamp(0.0, scenario_max)) / total).clamp(0.0, 1.0)
                } else {
                    0.0
                }
            });
            CompetencyMastery {
                competency_id: c.id.clone(),
                title: c.title.get(lang).to_string(),
                score,
                max,
                answers,
                scenario_points,
                scenario_max,
                share,
            }
        })
        .collect()
}
