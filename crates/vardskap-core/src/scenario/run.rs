//! The state of one play-through of a scenario, and its debrief.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::NodeView;
use super::paths::{best_total, pass_points, run_passes};
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
    /// Points earned, summed over competencies.
    pub earned_total: f64,
    /// The best path's points summed over competencies, see [`best_total`].
    pub best_total: f64,
    /// The points a run needs to pass: half of `best_total`, see [`pass_points`].
    pub pass_total: f64,
    /// The ending is good or mixed, no critical choice was made and at least
    /// `pass_total` points were earned ([`run_passes`]).
    pub passed: bool,
    /// Every choice actually made, in order: the ending's debrief says only
    /// what every path to it did, so this recaps the learner's own path.
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
        scenario
            .node(&scenario.start)
            .or_not_found("scenario node", &scenario.start)?;
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
    pub fn replay<S: AsRef<str>>(
        scenario: &Scenario,
        choices: impl IntoIterator<Item = S>,
    ) -> Result<Run> {
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
            (
                choice.points.clone(),
                choice.feedback.get(lang).to_string(),
                choice.critical,
            )
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
        scenario
            .node(&self.current)
            .is_some_and(|n| n.ending.is_some())
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
            let at = scenario
                .node(&step.node)
                .or_not_found("scenario node", &step.node)?;
            let choice = at
                .choices
                .iter()
                .find(|c| c.id == step.choice)
                .or_not_found("scenario choice", &step.choice)?;
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
        let best = best_total(scenario);
        Ok(Some(Debrief {
            scenario_id: scenario.id.clone(),
            ending: ending.kind,
            text: ending.debrief.get(lang).to_string(),
            earned_total: points.values().sum(),
            best_total: best,
            pass_total: pass_points(best),
            passed: run_passes(scenario, ending.kind, self.critical, &self.points),
            points,
            max_points: max,
            critical: self.critical,
            steps,
        }))
    }

    /// Validates and applies one choice; the run is untouched on error.
    fn advance<'s>(
        &mut self,
        scenario: &'s Scenario,
        choice_id: &str,
    ) -> Result<&'s crate::content::Choice> {
        self.check_scenario(scenario)?;
        let node = self.current_node(scenario)?;
        if node.ending.is_some() {
            return Err(Error::RunEnded {
                scenario: scenario.id.clone(),
                node: node.id.clone(),
            });
        }
        let choice = node
            .choices
            .iter()
            .find(|c| c.id == choice_id)
            .ok_or_else(|| Error::NotAChoice {
                choice: choice_id.to_string(),
                node: node.id.clone(),
                scenario: scenario.id.clone(),
            })?;
        scenario
            .node(&choice.next)
            .or_not_found("scenario node", &choice.next)?;
        self.path.push(PathStep {
            node: node.id.clone(),
            choice: choice.id.clone(),
        });
        for (competency, p) in &choice.points {
            *self.points.entry(competency.clone()).or_insert(0.0) += p;
        }
        self.critical |= choice.critical;
        self.current = choice.next.clone();
        Ok(choice)
    }

    fn current_node<'s>(&self, scenario: &'s Scenario) -> Result<&'s Node> {
        scenario
            .node(&self.current)
            .or_not_found("scenario node", &self.current)
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
    let index: HashMap<&str, usize> = scenario
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
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
            let Some(&to) = index.get(choice.next.as_str()) else {
                continue;
            };
            if mark[to] != Mark::Done {
                continue; // a loop back onto the path
            }
            let via: BTreeMap<String, f64> = zero
                .keys()
                .map(|c| {
                    (
                        c.clone(),
                        choice.points.get(c).copied().unwrap_or(0.0)
                            + best[to].get(c).copied().unwrap_or(0.0),
                    )
                })
                .collect();
            here = Some(match here {
                None => via,
                Some(so_far) => so_far
                    .into_iter()
                    .map(|(c, p)| {
                        let v = via.get(&c).copied().unwrap_or(0.0);
                        (c, p.max(v))
                    })
                    .collect(),
            });
        }
        best[at] = here.unwrap_or_else(|| zero.clone());
        mark[at] = Mark::Done;
        stack.pop();
    }
    best.swap_remove(start)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::collections::BTreeMap;

    use super::{Run, max_points};
    use crate::Error;
    use crate::content::{Choice, Ending, EndingKind, Node, Scenario, Text};

    fn t(s: &str) -> Text {
        Text::from_pairs([("sv", s), ("en", s)])
    }

    fn choice(id: &str, next: &str, points: &[(&str, f64)], critical: bool) -> Choice {
        Choice {
            id: id.to_string(),
            text: t(&format!("choose {id}")),
            next: next.to_string(),
            points: points.iter().map(|(c, p)| (c.to_string(), *p)).collect(),
            feedback: t(&format!("feedback {id}")),
            critical,
        }
    }

    fn node(id: &str, choices: Vec<Choice>) -> Node {
        Node {
            shuffle: true,
            id: id.to_string(),
            speaker: Some(t("Besökare")),
            text: t(&format!("at {id}")),
            choices,
            ending: None,
        }
    }

    fn ending(id: &str, kind: EndingKind) -> Node {
        Node {
            shuffle: true,
            id: id.to_string(),
            speaker: None,
            text: t(&format!("at {id}")),
            choices: vec![],
            ending: Some(Ending {
                kind,
                debrief: t(&format!("debrief {id}")),
            }),
        }
    }

    /// door --greet(+2 welcome)/ignore(-1, critical)--> ask --help(+3)/point(+1)--> good/mixed;
    /// door --rush--> poor.
    fn reception() -> Scenario {
        Scenario {
            id: "reception".to_string(),
            title: t("Receptionen"),
            intro: None,
            start: "door".to_string(),
            nodes: vec![
                node(
                    "door",
                    vec![
                        choice("greet", "ask", &[("welcome", 2.0)], false),
                        choice("ignore", "ask", &[("welcome", -1.0)], true),
                        choice("rush", "end_poor", &[], false),
                    ],
                ),
                node(
                    "ask",
                    vec![
                        choice("help", "end_good", &[("service", 3.0)], false),
                        choice("point", "end_mixed", &[("service", 1.0)], false),
                    ],
                ),
                ending("end_good", EndingKind::Good),
                ending("end_mixed", EndingKind::Mixed),
                ending("end_poor", EndingKind::Poor),
            ],
        }
    }

    fn map(pairs: &[(&str, f64)]) -> BTreeMap<String, f64> {
        pairs.iter().map(|(c, p)| (c.to_string(), *p)).collect()
    }

    #[test]
    fn a_good_path_passes_with_its_points() {
        let s = reception();
        let mut run = Run::start(&s).unwrap();
        let first = run.choose(&s, "greet", "sv").unwrap();
        assert_eq!(
            first.feedback, "feedback greet",
            "the choice's feedback is shown right away"
        );
        assert_eq!(first.node.id, "ask", "the choice leads to its next node");
        assert!(first.debrief.is_none(), "no debrief before an ending");
        let last = run.choose(&s, "help", "sv").unwrap();
        let debrief = last.debrief.expect("reaching an ending gives a debrief");
        assert_eq!(
            debrief.ending,
            EndingKind::Good,
            "help leads to the good ending"
        );
        assert!(
            debrief.passed,
            "a good ending without a critical choice passes"
        );
        assert_eq!(
            debrief.points,
            map(&[("service", 3.0), ("welcome", 2.0)]),
            "points add up per competency"
        );
        assert_eq!(
            debrief.max_points,
            map(&[("service", 3.0), ("welcome", 2.0)]),
            "this path was the best one"
        );
        assert_eq!(
            debrief.text, "debrief end_good",
            "the ending's debrief text is shown"
        );
        let fed: Vec<&str> = debrief.steps.iter().map(|s| s.feedback.as_str()).collect();
        assert_eq!(
            fed,
            ["feedback greet", "feedback help"],
            "the debrief replays each step's feedback"
        );
        assert!(run.is_finished(&s), "the run is over at an ending");
    }

    #[test]
    fn a_critical_choice_fails_even_a_good_ending() {
        let s = reception();
        let mut run = Run::replay(&s, ["ignore"]).unwrap();
        let debrief = run.choose(&s, "help", "sv").unwrap().debrief.unwrap();
        assert_eq!(
            debrief.ending,
            EndingKind::Good,
            "the ending itself is good"
        );
        assert!(debrief.critical, "the critical choice is recorded");
        assert!(
            !debrief.passed,
            "a critical choice fails the scenario whatever the ending"
        );
        assert_eq!(debrief.points["welcome"], -1.0, "negative points count");
    }

    #[test]
    fn mixed_passes_and_poor_fails() {
        let s = reception();
        let mixed = Run::replay(&s, ["greet", "point"])
            .unwrap()
            .debrief(&s, "sv")
            .unwrap()
            .unwrap();
        assert!(
            mixed.passed,
            "a mixed ending without a critical choice passes"
        );
        let poor = Run::replay(&s, ["rush"])
            .unwrap()
            .debrief(&s, "sv")
            .unwrap()
            .unwrap();
        assert!(!poor.passed, "a poor ending fails");
        assert_eq!(
            poor.points,
            map(&[("service", 0.0), ("welcome", 0.0)]),
            "unearned competencies show as 0"
        );
    }

    #[test]
    fn an_ending_needs_half_of_the_best_paths_points() {
        let mut s = reception();
        // shrug: a good ending with nothing more; wait: into the questions with nothing.
        s.nodes[1]
            .choices
            .push(choice("shrug", "end_good", &[], false));
        s.nodes[0].choices.push(choice("wait", "ask", &[], false));
        let debrief = |path: &[&str]| {
            Run::replay(&s, path)
                .unwrap()
                .debrief(&s, "en")
                .unwrap()
                .unwrap()
        };

        let half = debrief(&["wait", "help"]);
        assert_eq!(
            (half.earned_total, half.best_total, half.pass_total),
            (3.0, 5.0, 2.5),
            "greet then help is the best path, 5 points in all; half of it is needed"
        );
        assert!(half.passed, "3 of 5 points reaches half of the best path");

        let good_but_poor_play = debrief(&["greet", "shrug"]);
        assert_eq!(
            good_but_poor_play.ending,
            EndingKind::Good,
            "shrug still ends well"
        );
        assert!(
            !good_but_poor_play.passed,
            "a good ending with 2 of 5 points is under half of the best path and does not pass"
        );

        let mixed = debrief(&["wait", "point"]);
        assert!(
            !mixed.passed,
            "a mixed ending with 1 of 5 points does not pass either"
        );

        let steps: Vec<(&str, &str)> = good_but_poor_play
            .steps
            .iter()
            .map(|st| (st.choice_id.as_str(), st.feedback.as_str()))
            .collect();
        assert_eq!(
            steps,
            [("greet", "feedback greet"), ("shrug", "feedback shrug")],
            "the debrief recaps the choices actually made, with their feedback"
        );
    }

    #[test]
    fn the_pass_rule_is_the_validators_threshold() {
        let s = reception();
        for path in [
            &["greet", "help"][..],
            &["greet", "point"],
            &["ignore", "help"],
            &["rush"],
        ] {
            let d = Run::replay(&s, path)
                .unwrap()
                .debrief(&s, "en")
                .unwrap()
                .unwrap();
            let by_rule = d.ending != EndingKind::Poor
                && !d.critical
                && crate::scenario::earned_enough(d.earned_total, d.best_total);
            assert_eq!(
                d.passed, by_rule,
                "{path:?}: passed is the shared rule, nothing else"
            );
        }
    }

    #[test]
    fn a_choice_from_another_node_is_rejected_and_changes_nothing() {
        let s = reception();
        let mut run = Run::start(&s).unwrap();
        let before = run.clone();
        let got = run.choose(&s, "help", "sv");
        assert!(
            matches!(got, Err(Error::NotAChoice { .. })),
            "help is not a choice at the door: {got:?}"
        );
        assert_eq!(run, before, "a rejected choice must not change the run");
    }

    #[test]
    fn no_choice_after_the_ending() {
        let s = reception();
        let mut run = Run::replay(&s, ["rush"]).unwrap();
        let got = run.choose(&s, "greet", "sv");
        assert!(
            matches!(got, Err(Error::RunEnded { .. })),
            "a finished run takes no more choices: {got:?}"
        );
    }

    #[test]
    fn a_run_is_bound_to_its_scenario() {
        let s = reception();
        let mut other = reception();
        other.id = "other".to_string();
        let mut run = Run::start(&s).unwrap();
        assert!(
            run.choose(&other, "greet", "sv").is_err(),
            "a run must not be continued in another scenario"
        );
    }

    #[test]
    fn replay_rebuilds_the_same_run() {
        let s = reception();
        let mut stepped = Run::start(&s).unwrap();
        stepped.choose(&s, "ignore", "sv").unwrap();
        stepped.choose(&s, "point", "sv").unwrap();
        let choices: Vec<String> = stepped.path.iter().map(|p| p.choice.clone()).collect();
        assert_eq!(
            Run::replay(&s, &choices).unwrap(),
            stepped,
            "replaying the path gives the same state"
        );
        let json = serde_json::to_string(&stepped).unwrap();
        let back: Run = serde_json::from_str(&json).unwrap();
        assert_eq!(back, stepped, "a run survives a round trip through JSON");
        assert!(
            Run::replay(&s, ["greet", "rush"]).is_err(),
            "a path that the graph does not allow is rejected"
        );
    }

    #[test]
    fn node_view_hides_what_choices_are_worth() {
        let s = reception();
        let view = Run::start(&s).unwrap().node(&s, "en").unwrap();
        assert_eq!(
            view.speaker.as_deref(),
            Some("Besökare"),
            "the speaker is shown"
        );
        assert_eq!(view.choices.len(), 3, "every choice is offered");
        let json = serde_json::to_string(&view).unwrap();
        for secret in [
            "points", "next", "critical", "welcome", "feedback", "\"ask\"",
        ] {
            assert!(
                !json.contains(secret),
                "the node view leaks {secret:?}: {json}"
            );
        }
    }

    #[test]
    fn max_points_survives_cycles_and_long_chains() {
        let mut s = reception();
        // "ask again" loops back to the door.
        s.nodes[1]
            .choices
            .push(choice("again", "door", &[("service", 10.0)], false));
        let max = max_points(&s);
        assert_eq!(
            max["service"], 3.0,
            "a loop is not followed, so its points cannot be earned twice"
        );

        let n = 20_000;
        let mut chain: Vec<Node> = (0..n)
            .map(|i| {
                node(
                    &format!("n{i}"),
                    vec![choice(
                        "c",
                        &format!("n{}", i + 1),
                        &[("welcome", 1.0)],
                        false,
                    )],
                )
            })
            .collect();
        chain.push(ending(&format!("n{n}"), EndingKind::Good));
        let long = Scenario {
            id: "long".into(),
            title: t("Long"),
            intro: None,
            start: "n0".into(),
            nodes: chain,
        };
        assert_eq!(
            max_points(&long)["welcome"],
            n as f64,
            "a long chain must not overflow the stack"
        );
    }
}
