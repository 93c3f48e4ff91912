//! The state of one play-through of a scenario, and its debrief.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::NodeView;
use crate::content::{EndingKind, Node, Scenario};
use crate::error::OrNotFound;
use crate::{Error, Result};

/// One play-through of a scenario. Plain data in no language: a store can
/// save it as JSON (or keep only the choice ids and [`Run::replay`] them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Run {
    pub scenario_id: String,
    /// The node the learner is at; an ending node once the run is over.
    pub current: String,
    /// Every choice made so far, in order.
    pub path: Vec<PathStep>,
    /// Points earned so far per competency id (may be negative).
    pub points: BTreeMap<String, f64>,
    /// A critical choice was made: the scenario is failed whatever the score.
    pub critical: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PathStep {
    /// The node the choice was made at.
    pub node: String,
    pub choice: String,
}

/// What one choice did, in one language: shown right after choosing.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Step {
    pub choice_id: String,
    pub feedback: String,
    /// Points this choice gave per competency.
    pub points: BTreeMap<String, f64>,
    pub critical: bool,
    /// The node the choice led to, now current.
    pub node: NodeView,
    /// Set when the choice led to an ending.
    pub debrief: Option<Debrief>,
}

/// The end of a run, in one language.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Debrief {
    pub scenario_id: String,
    pub ending: EndingKind,
    /// The ending's debrief text.
    pub text: String,
    /// Points earned per competency, with 0 for every competency the scenario
    /// could have given points in.
    pub points: BTreeMap<String, f64>,
    /// The most points reachable per competency, see [`max_points`].
    pub max_points: BTreeMap<String, f64>,
    /// A critical choice was made.
    pub critical: bool,
    /// The ending is good or mixed and no critical choice was made.
    pub passed: bool,
    /// Every choice, for the learner to look back on.
    pub steps: Vec<DebriefStep>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DebriefStep {
    pub node_id: String,
    pub node_text: String,
    pub choice_id: String,
    pub choice_text: String,
    pub feedback: String,
    pub points: BTreeMap<String, f64>,
    pub critical: bool,
}

impl Run {
    /// A new run at the scenario's start node.
    pub fn start(scenario: &Scenario) -> Result<Run> {
        scenario.node(&scenario.start).or_not_found("scenario node", &scenario.start)?;
        Ok(Run {
            scenario_id: scenario.id.clone(),
            current: scenario.start.clone(),
            path: Vec::new(),
            points: BTreeMap::new(),
            critical: false,
        })
    }

    /// Rebuilds a run from the choice ids made so far, checking each one, so a
    /// store may keep only the path.
    pub fn replay<S: AsRef<str>>(scenario: &Scenario, choices: impl IntoIterator<Item = S>) -> Result<Run> {
        let mut run = Run::start(scenario)?;
        for choice in choices {
            run.advance(scenario, choice.as_ref())?;
        }
        Ok(run)
    }

    /// Makes the choice `choice_id` at the current node. Fails, leaving the run
    /// unchanged, if the run belongs to another scenario, is over, or the
    /// current node has no such choice.
    pub fn choose(&mut self, scenario: &Scenario, choice_id: &str, lang: &str) -> Result<Step> {
        let (choice_points, feedback, critical) = {
            let choice = self.advance(scenario, choice_id)?;
            (choice.points.clone(), choice.feedback.get(lang).to_string(), choice.critical)
        };
        let node = self.current_node(scenario)?;
        Ok(Step {
            choice_id: choice_id.to_string(),
            feedback,
            points: choice_points,
            critical,
            node: NodeView::new(node, lang),
            debrief: self.debrief(scenario, lang)?,
        })
    }

    /// The current node as the learner sees it.
    pub fn node(&self, scenario: &Scenario, lang: &str) -> Result<NodeView> {
        Ok(NodeView::new(self.current_node(scenario)?, lang))
    }

    /// The run has reached an ending.
    pub fn is_finished(&self, scenario: &Scenario) -> bool {
        scenario.node(&self.current).is_some_and(|n| n.ending.is_some())
    }

    /// The debrief once the run has reached an ending, `None` before.
    pub fn debrief(&self, scenario: &Scenario, lang: &str) -> Result<Option<Debrief>> {
        self.check_scenario(scenario)?;
        let node = self.current_node(scenario)?;
        let Some(ending) = &node.ending else {
            return Ok(None);
        };
        let max = max_points(scenario);
        let mut points: BTreeMap<String, f64> = max.keys().map(|c| (c.clone(), 0.0)).collect();
        points.extend(self.points.iter().map(|(c, p)| (c.clone(), *p)));
        let mut steps = Vec::with_capacity(self.path.len());
        for step in &self.path {
            let at = scenario.node(&step.node).or_not_found("scenario node", &step.node)?;
            let choice = at.choices.iter().find(|c| c.id == step.choice).or_not_found("scenario choice", &step.choice)?;
            steps.push(DebriefStep {
                node_id: at.id.clone(),
                node_text: at.text.get(lang).to_string(),
                choice_id: choice.id.clone(),
                choice_text: choice.text.get(lang).to_string(),
                feedback: choice.feedback.get(lang).to_string(),
                points: choice.points.clone(),
                critical: choice.critical,
            });
        }
        Ok(Some(Debrief {
            scenario_id: scenario.id.clone(),
            ending: ending.kind,
            text: ending.debrief.get(lang).to_string(),
            points,
            max_points: max,
            critical: self.critical,
            passed: matches!(ending.kind, EndingKind::Good | EndingKind::Mixed) && !self.critical,
            steps,
        }))
    }

    /// Validates and applies one choice; the run is untouched on error.
    fn advance<'s>(&mut self, scenario: &'s Scenario, choice_id: &str) -> Result<&'s crate::content::Choice> {
        self.check_scenario(scenario)?;
        let node = self.current_node(scenario)?;
        if node.ending.is_some() {
            return Err(Error::Invalid(format!(
                "scenario \"{}\" is over: node \"{}\" is an ending",
                scenario.id, node.id
            )));
        }
        let choice = node.choices.iter().find(|c| c.id == choice_id).ok_or_else(|| {
            Error::Invalid(format!(
                "\"{choice_id}\" is not a choice at node \"{}\" of scenario \"{}\"",
                node.id, scenario.id
            ))
        })?;
        scenario.node(&choice.next).or_not_found("scenario node", &choice.next)?;
        self.path.push(PathStep { node: node.id.clone(), choice: choice.id.clone() });
        for (competency, p) in &choice.points {
            *self.points.entry(competency.clone()).or_insert(0.0) += p;
        }
        self.critical |= choice.critical;
        self.current = choice.next.clone();
        Ok(choice)
    }

    fn current_node<'s>(&self, scenario: &'s Scenario) -> Result<&'s Node> {
        scenario.node(&self.current).or_not_found("scenario node", &self.current)
    }

    fn check_scenario(&self, scenario: &Scenario) -> Result<()> {
        if self.scenario_id == scenario.id {
            Ok(())
        } else {
            Err(Error::Invalid(format!(
                "this run is of scenario \"{}\", not \"{}\"",
                self.scenario_id, scenario.id
            )))
        }
    }
}

/// The most points reachable per competency from the start, each competency
/// on its own best path. Exact when the graph has no cycles (as authored
/// scenarios have); a choice that loops back to a node already on the path is
/// left out, so with cycles it is the best over paths that visit no node twice
/// along the search. Every competency a choice names is present, even at 0.
pub fn max_points(scenario: &Scenario) -> BTreeMap<String, f64> {
    let index: HashMap<&str, usize> = scenario.nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
    let zero: BTreeMap<String, f64> = scenario
        .nodes
        .iter()
        .flat_map(|n| &n.choices)
        .flat_map(|c| c.points.keys())
        .map(|c| (c.clone(), 0.0))
        .collect();
    let Some(&start) = index.get(scenario.start.as_str()) else {
        return zero;
    };

    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Done,
    }
    let mut mark = vec![Mark::New; scenario.nodes.len()];
    let mut best: Vec<BTreeMap<String, f64>> = vec![BTreeMap::new(); scenario.nodes.len()];
    // Iterative post-order DFS: a long chain of nodes in a course file must
    // not overflow the stack.
    let mut stack = vec![(start, 0usize)];
    mark[start] = Mark::OnPath;
    while let Some((at, next_choice)) = stack.last_mut() {
        let node = &scenario.nodes[*at];
        if let Some(choice) = node.choices.get(*next_choice) {
            *next_choice += 1;
            if let Some(&to) = index.get(choice.next.as_str())
                && mark[to] == Mark::New
            {
                mark[to] = Mark::OnPath;
                stack.push((to, 0));
            }
            continue;
        }
        let at = *at;
        let mut here: Option<BTreeMap<String, f64>> = None;
        for choice in &node.choices {
            let Some(&to) = index.get(choice.next.as_str()) else { continue };
            if mark[to] != Mark::Done {
                continue; // a loop back onto the path
            }
            let via: BTreeMap<String, f64> = zero
                .keys()
                .map(|c| (c.clone(), choice.points.get(c).copied().unwrap_or(0.0) + best[to].get(c).copied().unwrap_or(0.0)))
                .collect();
            here = Some(match here {
                None => via,
                Some(so_far) => so_far.into_iter().map(|(c, p)| {
                    let v = via.get(&c).copied().unwrap_or(0.0);
                    (c, p.max(v))
                }).collect(),
            });
        }
        best[at] = here.unwrap_or_else(|| zero.clone());
        mark[at] = Mark::Done;
        stack.pop();
    }
    best.swap_remove(start)
}
