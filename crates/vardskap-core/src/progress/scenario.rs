//! Scenario runs over the store: every choice is replayed against the
//! scenario (the UI is never trusted with points) and committed before the
//! learner sees its feedback, so a run resumes after a crash. Each run shows
//! the choices in its own order, fixed by a seed derived from its row.

use blake2::digest::consts::U8;
use blake2::{Blake2b, Digest};
use serde::Serialize;

use super::{ProfileId, ScenarioRunId, find_module};
use crate::content::{Course, Scenario};
use crate::error::OrNotFound;
use crate::scenario::{self, Debrief, NodeView, Run, Step};
use crate::storage::Store;
use crate::storage::scenario_runs::{self, ScenarioRunRow};
use crate::xapi;
use crate::{Error, Result};

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

/// The seed of a run's choice order: a hash of what the row already holds
/// (its id, learner and start time), so no schema change is needed, the order
/// is the same whenever the run is resumed, and another run (a new id) gets
/// another order.
fn run_seed(row: &ScenarioRunRow) -> u64 {
    let mut hash = Blake2b::<U8>::new();
    hash.update(b"vardskap/scenario-run-seed/v1");
    for part in [row.id.0, row.profile_id.0, row.started_at] {
        hash.update(part.to_le_bytes());
    }
    u64::from_le_bytes(hash.finalize().into())
}

/// The run's current node as the learner sees it: choices in the run's order.
fn current_view(scenario: &Scenario, run: &Run, seed: u64, lang: &str) -> Result<NodeView> {
    let node = scenario
        .node(&run.current)
        .or_not_found("scenario node", &run.current)?;
    Ok(scenario::shuffled(node, lang, seed))
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
            node: current_view(scenario, &run, run_seed(&row), lang)?,
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
            let node = self
                .cached_course(&row.course_id)
                .ok()
                .and_then(|course| {
                    let scenario = find_scenario(&course, &row.module_id, &row.scenario_id).ok()?;
                    replay(scenario, &row).ok().map(|run| run.current)
                })
                .unwrap_or_default();
            return Err(Error::RunEnded {
                scenario: row.scenario_id.clone(),
                node,
            });
        }
        let course = self.cached_course(&row.course_id)?;
        let scenario = find_scenario(&course, &row.module_id, &row.scenario_id)?;
        let mut run = replay(scenario, &row).or_else(|_| Run::start(scenario))?;
        let at = run.current.clone();
        let mut step = run.choose(scenario, choice_id, lang)?;
        step.node = current_view(scenario, &run, run_seed(&row), lang)?;
        let ending = step.debrief.as_ref().map(|d| d.ending);
        let path: Vec<String> = run.path.iter().map(|p| p.choice.clone()).collect();
        let now = self.now();
        let module = find_module(&course, &row.module_id)?;
        let recorded = self.transact(|tx| {
            scenario_runs::update(tx, run_id, &path, &run.points, ending, run.critical, now)?;
            let mut recorded = false;
            if let Some(node) = scenario.node(&at)
                && let Some(choice) = node.choices.iter().find(|c| c.id == choice_id)
            {
                recorded |= xapi::record(
                    tx,
                    &course,
                    row.profile_id,
                    &xapi::Event::ScenarioStep {
                        module,
                        scenario,
                        node,
                        choice,
                    },
                    lang,
                    now,
                )?;
            }
            if let Some(debrief) = &step.debrief {
                let critical_choices = debrief
                    .steps
                    .iter()
                    .filter(|s| s.critical)
                    .map(|s| s.choice_id.clone())
                    .collect();
                recorded |= xapi::record(
                    tx,
                    &course,
                    row.profile_id,
                    &xapi::Event::ScenarioEnded {
                        module,
                        scenario,
                        ending: debrief.ending,
                        passed: debrief.passed,
                        points: &debrief.points,
                        earned: debrief.earned_total,
                        best: debrief.best_total,
                        critical_choices,
                    },
                    lang,
                    now,
                )?;
                recorded |= super::results::record_certificate_if_earned(
                    tx,
                    &course,
                    row.profile_id,
                    lang,
                    now,
                )?;
            }
            Ok(recorded)
        })?;
        if recorded {
            self.note_outbox_added();
        }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use crate::progress::testing::{course, store_with_learner};
    use crate::scenario::NodeView;

    fn order(node: &NodeView) -> Vec<String> {
        node.choices.iter().map(|c| c.id.clone()).collect()
    }

    /// Course "c" with scenario s1 made of two decision points of six
    /// choices each (start -> middle -> good), and `middle_shuffles` on the second.
    fn six_choice_course(middle_shuffles: bool) -> crate::content::Course {
        let mut c = course();
        let s = &mut c.modules[1].scenarios[0];
        let template = s.nodes[0].choices[0].clone();
        let choices = |next: &str| -> Vec<crate::content::Choice> {
            (0..6)
                .map(|i| {
                    let mut choice = template.clone();
                    choice.id = format!("val{i}");
                    choice.next = next.into();
                    choice
                })
                .collect()
        };
        let mut middle = s.nodes[0].clone();
        middle.id = "middle".into();
        middle.choices = choices("good");
        middle.shuffle = middle_shuffles;
        s.nodes[0].choices = choices("middle");
        s.nodes.push(middle);
        c
    }

    #[test]
    fn a_run_keeps_its_choice_order_when_resumed_and_other_runs_get_others() {
        let (_d, mut store, clock, p) = store_with_learner("Ada");
        store
            .install_course(&six_choice_course(true), "en")
            .unwrap();
        let authors: Vec<String> = (0..6).map(|i| format!("val{i}")).collect();

        let run = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
        let mut sorted = order(&run.node);
        sorted.sort();
        assert_eq!(
            sorted, authors,
            "every choice is shown once, by its author id"
        );
        let step = store.choose_in_scenario(run.run_id, "val0", "en").unwrap();
        assert_eq!(step.node.id, "middle", "the choice leads on");
        let resumed = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
        assert!(resumed.resumed, "the unfinished run is resumed");
        assert_eq!(
            order(&resumed.node),
            order(&step.node),
            "a resumed run shows the node's choices in the order the step showed"
        );

        let mut seen = vec![(order(&run.node), order(&step.node))];
        store.choose_in_scenario(run.run_id, "val0", "en").unwrap();
        for _ in 0..3 {
            clock.advance(60);
            let again = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
            assert!(!again.resumed, "a finished run is not resumed");
            let step = store
                .choose_in_scenario(again.run_id, "val1", "en")
                .unwrap();
            seen.push((order(&again.node), order(&step.node)));
            store
                .choose_in_scenario(again.run_id, "val1", "en")
                .unwrap();
        }
        assert!(
            seen.iter().any(|s| s.0 != seen[0].0) && seen.iter().any(|s| s.1 != seen[0].1),
            "four runs must not all show the same order at both nodes: {seen:?}"
        );
        assert!(
            seen.iter().any(|(start, middle)| start != middle),
            "the nodes of one run are not shuffled alike: {seen:?}"
        );
    }

    #[test]
    fn a_node_with_shuffle_false_keeps_the_authors_order_in_every_run() {
        let (_d, mut store, clock, p) = store_with_learner("Ada");
        store
            .install_course(&six_choice_course(false), "en")
            .unwrap();
        let authors: Vec<String> = (0..6).map(|i| format!("val{i}")).collect();
        for _ in 0..3 {
            clock.advance(60);
            let run = store.start_scenario(p, "c", "m2", "s1", "en").unwrap();
            let step = store.choose_in_scenario(run.run_id, "val2", "en").unwrap();
            assert_eq!(
                order(&step.node),
                authors,
                "shuffle = false keeps the author's order (a scale) in every run"
            );
            store.choose_in_scenario(run.run_id, "val2", "en").unwrap();
        }
    }
}
