//! Scenario runs over the store: every choice is replayed against the
//! scenario (the UI is never trusted with points) and committed before the
//! learner sees its feedback, so a run resumes after a crash.

use serde::Serialize;

use super::{ProfileId, ScenarioRunId, find_module};
use crate::{Error, Result};
use crate::content::{Course, Scenario};
use crate::error::OrNotFound;
use crate::scenario::{Debrief, NodeView, Run, Step};
use crate::storage::Store;
use crate::storage::scenario_runs::{self, ScenarioRunRow};

/// A scenario run as the learner sees it when starting or resuming it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScenarioPlay {
    pub run_id: ScenarioRunId,
    pub course_id: String,
    pub module_id: String,
    pub scenario_id: String,
    pub title: String,
    pub intro: Option<String>,
    /// The node the learner is at.
    pub node: NodeView,
    /// Choices made so far.
    pub choices_made: u32,
    pub resumed: bool,
}

fn find_scenario<'c>(
    course: &'c Course,
    module_id: &str,
    scenario_id: &str,
) -> Result<&'c Scenario> {
    find_module(course, module_id)?
        .scenarios
        .iter()
        .find(|s| s.id == scenario_id)
        .or_not_found("scenario", scenario_id)
}

fn replay(scenario: &Scenario, row: &ScenarioRunRow) -> Result<Run> {
    Run::replay(scenario, &row.path)
}

impl Store {
    /// Starts a run of a scenario, or resumes the learner's unfinished one.
    pub fn start_scenario(
        &mut self,
        profile: ProfileId,
        course_id: &str,
        module_id: &str,
        scenario_id: &str,
        lang: &str,
    ) -> Result<ScenarioPlay> {
        self.profile(profile)?;
        let course = self.cached_course(course_id)?;
        let scenario = find_scenario(&course, module_id, scenario_id)?;
        let now = self.now();
        let (row, resumed) = self.transact(|tx| {
            if let Some(open) =
                scenario_runs::unfinished(tx, profile, course_id, module_id, scenario_id)?
            {
                return Ok((open, true));
            }
            let id = scenario_runs::insert(tx, profile, course_id, module_id, scenario_id, now)?;
            Ok((
                scenario_runs::get(tx, id)?.or_not_found("scenario run", id)?,
                false,
            ))
        })?;
        // A resumed path that a newer course version broke starts over.
        let run = match replay(scenario, &row) {
            Ok(run) => run,
            Err(_) => Run::start(scenario)?,
        };
        Ok(ScenarioPlay {
            run_id: row.id,
            course_id: course_id.to_string(),
            module_id: module_id.to_string(),
            scenario_id: scenario_id.to_string(),
            title: scenario.title.get(lang).to_string(),
            intro: scenario.intro.as_ref().map(|t| t.get(lang).to_string()),
            node: run.node(scenario, lang)?,
            choices_made: u32::try_from(run.path.len()).unwrap_or(u32::MAX),
            resumed,
        })
    }

    /// Makes a choice in a run; the run (path, points, ending, critical flag)
    /// is committed before the step's feedback is returned.
    pub fn choose_in_scenario(
        &mut self,
        run_id: ScenarioRunId,
        choice_id: &str,
        lang: &str,
    ) -> Result<Step> {
        let row = scenario_runs::get(&self.conn, run_id)?.or_not_found("scenario run", run_id)?;
        if row.ending.is_some() {
            // A finished run is history: choosing again must not rewrite its
            // ending (or erase a critical choice). Play it again instead.
            return Err(Error::Invalid(
                "This role-play has already ended. Start it again to play it once more.".into(),
            ));
        }
        let course = self.cached_course(&row.course_id)?;
        let scenario = find_scenario(&course, &row.module_id, &row.scenario_id)?;
        let mut run = replay(scenario, &row).or_else(|_| Run::start(scenario))?;
        let step = run.choose(scenario, choice_id, lang)?;
        let ending = step.debrief.as_ref().map(|d| d.ending);
        let path: Vec<String> = run.path.iter().map(|p| p.choice.clone()).collect();
        let now = self.now();
        self.transact(|tx| {
            scenario_runs::update(tx, run_id, &path, &run.points, ending, run.critical, now)
        })?;
        Ok(step)
    }

    /// The debrief of a finished run; `None` while it is unfinished.
    pub fn scenario_debrief(&self, run_id: ScenarioRunId, lang: &str) -> Result<Option<Debrief>> {
        let row = scenario_runs::get(&self.conn, run_id)?.or_not_found("scenario run", run_id)?;
        let course = self.cached_course(&row.course_id)?;
        let scenario = find_scenario(&course, &row.module_id, &row.scenario_id)?;
        replay(scenario, &row)?.debrief(scenario, lang)
    }
}
