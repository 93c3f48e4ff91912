//! The points and critical choices along the paths of a role-play, found by
//! dynamic programming over its graph instead of by listing paths (a chain of
//! n diamonds has 2^n of them). The course validator uses it to check that
//! every ending is earned by its path; the engine's pass rule uses the same
//! threshold ([`earned_enough`]), so the two cannot drift.
//!
//! Points are totals: a choice is worth the sum of its points over all
//! competencies.
//!
//! Loops. A learner can go round a loop any number of times, so a "best path"
//! is only defined with a rule for loops. The rule here: a loop (a group of
//! nodes that can all reach one another) is walked once, taking each of its
//! choices at most once. The best case takes every choice in the loop that
//! gives points, the worst case every choice that takes points away. So the
//! figures bound every path that makes no choice twice, and they are exact
//! for a scenario without loops (as authored scenarios are).

use std::collections::{BTreeMap, HashMap, VecDeque};

use crate::content::{EndingKind, Scenario};

/// Points differ by rounding only below this: `0.1 + 0.2` must count as `0.3`.
const EPSILON: f64 = 1e-9;

/// The points a run needs to pass, given the best path's points: half of
/// them. When no path earns anything (the best is 0 or below) nothing less
/// than the best is asked.
pub fn pass_points(best: f64) -> f64 {
    if best > 0.0 { best / 2.0 } else { best }
}

/// The one threshold of both the validator and the engine: `earned` points
/// are enough when they reach [`pass_points`] of the best path's `best`.
pub fn earned_enough(earned: f64, best: f64) -> bool {
    earned + EPSILON >= pass_points(best)
}

/// The most points (summed over competencies) any path from the start to an
/// ending earns, under the loop rule of this module; 0 when no ending can be
/// reached.
pub fn best_total(scenario: &Scenario) -> f64 {
    Graph::of(scenario).map_or(0.0, |g| g.best().unwrap_or(0.0))
}

/// Whether a finished run passes: its ending is good or mixed, it made no
/// critical choice, and it earned at least half of the best path's points.
pub fn run_passes(
    scenario: &Scenario,
    ending: EndingKind,
    critical: bool,
    points: &BTreeMap<String, f64>,
) -> bool {
    matches!(ending, EndingKind::Good | EndingKind::Mixed)
        && !critical
        && earned_enough(points.values().sum(), best_total(scenario))
}

/// A scenario as a graph of indices: what the analysis needs and no text.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    pub start: usize,
    pub nodes: Vec<Vertex>,
}

#[derive(Debug, Clone, Default)]
pub struct Vertex {
    pub ending: Option<EndingKind>,
    /// In the author's order; a choice whose `next` names no node is left out
    /// by whoever builds the graph, so `to` is always a node index.
    pub choices: Vec<Edge>,
}

#[derive(Debug, Clone, Copy)]
pub struct Edge {
    /// The choice's index in its node's `choices` as authored.
    pub choice: usize,
    pub to: usize,
    /// The choice's points summed over competencies.
    pub points: f64,
    pub critical: bool,
}

/// One choice on a path: the node's index and the choice's authored index.
pub type Hop = (usize, usize);

/// One concrete path from the start, for an author to follow.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Witness {
    /// The choices in order.
    pub hops: Vec<Hop>,
    /// Choices in loops that the figure counts once (see the module doc):
    /// empty for a path through no loop.
    pub loops: Vec<Hop>,
}

impl Graph {
    /// The graph of a scenario; `None` when its start names no node.
    pub fn of(scenario: &Scenario) -> Option<Graph> {
        let index: HashMap<&str, usize> = scenario
            .nodes
            .iter()
            .enumerate()
            .rev()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let start = *index.get(scenario.start.as_str())?;
        let nodes = scenario
            .nodes
            .iter()
            .map(|n| Vertex {
                ending: n.ending.as_ref().map(|e| e.kind),
                choices: n
                    .choices
                    .iter()
                    .enumerate()
                    .filter_map(|(i, c)| {
                        Some(Edge {
                            choice: i,
                            to: *index.get(c.next.as_str())?,
                            points: c.points.values().sum(),
                            critical: c.critical,
                        })
                    })
                    .collect(),
            })
            .collect();
        Some(Graph { start, nodes })
    }

    /// The best path's points over all paths to any ending; `None` when no
    /// ending can be reached.
    pub fn best(&self) -> Option<f64> {
        let most = Extremes::new(self, Sense::Most, false);
        (0..self.nodes.len())
            .filter(|&i| self.nodes[i].ending.is_some())
            .filter_map(|i| most.at(i))
            .fold(None, |best: Option<f64>, p| {
                Some(best.map_or(p, |b| b.max(p)))
            })
    }

    /// Which nodes a path from the start reaches.
    pub fn reachable(&self) -> Vec<bool> {
        let mut seen = vec![false; self.nodes.len()];
        let mut queue = VecDeque::from([self.start]);
        if let Some(s) = seen.get_mut(self.start) {
            *s = true;
        }
        while let Some(at) = queue.pop_front() {
            for e in &self.nodes[at].choices {
                if !seen[e.to] {
                    seen[e.to] = true;
                    queue.push_back(e.to);
                }
            }
        }
        seen
    }
}

/// What the paths to each ending can bring, for the validator.
pub struct Analysis<'g> {
    graph: &'g Graph,
    best: Option<f64>,
    /// The fewest points on a path without a critical choice.
    fewest: Extremes<'g>,
    /// Breadth-first over (node, whether a critical choice was made): the
    /// state and the edge position that first reached each state.
    critical_parent: Vec<[Option<(usize, usize, usize)>; 2]>,
}

impl<'g> Analysis<'g> {
    pub fn new(graph: &'g Graph) -> Self {
        let n = graph.nodes.len();
        let mut seen = vec![[false; 2]; n];
        let mut parent = vec![[None; 2]; n];
        if graph.start < n {
            seen[graph.start][0] = true;
            let mut queue = VecDeque::from([(graph.start, 0usize)]);
            while let Some((at, flag)) = queue.pop_front() {
                for (pos, e) in graph.nodes[at].choices.iter().enumerate() {
                    let to_flag = flag.max(usize::from(e.critical));
                    if !seen[e.to][to_flag] {
                        seen[e.to][to_flag] = true;
                        parent[e.to][to_flag] = Some((at, flag, pos));
                        queue.push_back((e.to, to_flag));
                    }
                }
            }
        }
        Analysis {
            graph,
            best: graph.best(),
            fewest: Extremes::new(graph, Sense::Fewest, true),
            critical_parent: parent,
        }
    }

    /// The best path's points; `None` when no ending can be reached.
    pub fn best(&self) -> Option<f64> {
        self.best
    }

    /// A shortest path from the start to `node` that makes a critical
    /// choice, and the first critical choice on it, if there is such a path.
    pub fn critical_path(&self, node: usize) -> Option<(Witness, Hop)> {
        self.critical_parent.get(node)?[1]?;
        let mut hops = Vec::new();
        let mut first_critical = None;
        let (mut at, mut flag) = (node, 1usize);
        while let Some((from, from_flag, pos)) = self.critical_parent[at][flag] {
            let hop = (from, self.graph.nodes[from].choices[pos].choice);
            if from_flag == 0 && flag == 1 {
                first_critical = Some(hop);
            }
            hops.push(hop);
            (at, flag) = (from, from_flag);
        }
        hops.reverse();
        Some((
            Witness {
                hops,
                loops: Vec::new(),
            },
            first_critical?,
        ))
    }

    /// The fewest points on a path from the start to `node` that makes no
    /// critical choice, with one such path.
    pub fn fewest_path(&self, node: usize) -> Option<(f64, Witness)> {
        Some((self.fewest.at(node)?, self.fewest.witness(node)?))
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Sense {
    Most,
    Fewest,
}

impl Sense {
    fn better(self, a: f64, b: f64) -> bool {
        match self {
            Sense::Most => a > b,
            Sense::Fewest => a < b,
        }
    }

    /// What one choice inside a loop adds under the loop rule.
    fn in_loop(self, points: f64) -> f64 {
        match self {
            Sense::Most => points.max(0.0),
            Sense::Fewest => points.min(0.0),
        }
    }
}

/// The most or fewest points on arrival at each node, over the condensation
/// of the graph into its loops (strongly connected components).
struct Extremes<'g> {
    graph: &'g Graph,
    sense: Sense,
    skip_critical: bool,
    /// The component of each node reached from the start; `None` if unreached.
    component: Vec<Option<usize>>,
    /// What walking each component once adds (the loop rule).
    inside: Vec<f64>,
    /// Points on arrival at each component.
    arrive: Vec<Option<f64>>,
    /// The choice that leads into each component on the extreme path.
    entered_by: Vec<Option<Hop>>,
}

impl<'g> Extremes<'g> {
    fn new(graph: &'g Graph, sense: Sense, skip_critical: bool) -> Self {
        let (component, count) = components(graph, skip_critical);
        let mut inside = vec![0.0; count];
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
        for (at, c) in component.iter().enumerate() {
            let Some(c) = *c else { continue };
            members[c].push(at);
            for e in graph.nodes[at].choices.iter() {
                if (skip_critical && e.critical) || component[e.to] != Some(c) {
                    continue;
                }
                inside[c] += sense.in_loop(e.points);
            }
        }
        let mut arrive: Vec<Option<f64>> = vec![None; count];
        let mut entered_by = vec![None; count];
        if let Some(first) = component.get(graph.start).copied().flatten() {
            arrive[first] = Some(0.0);
        }
        // Tarjan numbers components sinks first, so the highest number comes
        // first in topological order.
        for c in (0..count).rev() {
            let Some(here) = arrive[c] else { continue };
            let leave = here + inside[c];
            for &at in &members[c] {
                for e in &graph.nodes[at].choices {
                    if skip_critical && e.critical {
                        continue;
                    }
                    let Some(to) = component[e.to] else { continue };
                    if to == c {
                        continue;
                    }
                    let via = leave + e.points;
                    if arrive[to].is_none_or(|so_far| sense.better(via, so_far)) && !via.is_nan() {
                        arrive[to] = Some(via);
                        entered_by[to] = Some((at, e.choice));
                    }
                }
            }
        }
        Extremes {
            graph,
            sense,
            skip_critical,
            component,
            inside,
            arrive,
            entered_by,
        }
    }

    /// Points on arrival at `node`, under the loop rule.
    fn at(&self, node: usize) -> Option<f64> {
        self.arrive[(*self.component.get(node)?)?]
    }

    fn usable(&self, e: &Edge) -> bool {
        !(self.skip_critical && e.critical)
    }

    /// The path that gives [`Extremes::at`]: the choices between components
    /// as the programme chose them, joined inside each loop by a shortest
    /// walk from where the path enters to where it leaves.
    fn witness(&self, node: usize) -> Option<Witness> {
        let mut c = (*self.component.get(node)?)?;
        self.arrive[c]?;
        let mut between = Vec::new();
        while let Some((from, choice)) = self.entered_by[c] {
            between.push((from, choice));
            c = self.component[from]?;
        }
        between.reverse();
        let mut witness = Witness::default();
        let mut at = self.graph.start;
        let exits = between.iter().map(|&(from, _)| from).chain([node]);
        let mut steps = between.iter().copied();
        for exit in exits {
            let here = self.component[at]?;
            witness.hops.extend(self.walk_inside(here, at, exit)?);
            if self.inside[here] != 0.0 {
                witness.loops.extend(self.counted_inside(here));
            }
            if let Some((from, choice)) = steps.next() {
                witness.hops.push((from, choice));
                at = self.graph.nodes[from]
                    .choices
                    .iter()
                    .find(|e| e.choice == choice)?
                    .to;
            }
        }
        Some(witness)
    }

    /// Breadth-first inside component `c` from `from` to `to`.
    fn walk_inside(&self, c: usize, from: usize, to: usize) -> Option<Vec<Hop>> {
        if from == to {
            return Some(Vec::new());
        }
        let mut parent: HashMap<usize, Hop> = HashMap::new();
        let mut queue = VecDeque::from([from]);
        while let Some(at) = queue.pop_front() {
            for e in &self.graph.nodes[at].choices {
                if !self.usable(e) || self.component[e.to] != Some(c) || e.to == from {
                    continue;
                }
                if let std::collections::hash_map::Entry::Vacant(slot) = parent.entry(e.to) {
                    slot.insert((at, e.choice));
                    if e.to == to {
                        let mut hops = Vec::new();
                        let mut back = to;
                        while back != from {
                            let hop = parent[&back];
                            hops.push(hop);
                            back = hop.0;
                        }
                        hops.reverse();
                        return Some(hops);
                    }
                    queue.push_back(e.to);
                }
            }
        }
        None
    }

    /// The choices of component `c` that the loop rule counts.
    fn counted_inside(&self, c: usize) -> Vec<Hop> {
        let mut hops = Vec::new();
        for (at, comp) in self.component.iter().enumerate() {
            if *comp != Some(c) {
                continue;
            }
            for e in &self.graph.nodes[at].choices {
                if self.usable(e)
                    && self.component[e.to] == Some(c)
                    && self.sense.in_loop(e.points) != 0.0
                {
                    hops.push((at, e.choice));
                }
            }
        }
        hops
    }
}

/// Tarjan's strongly connected components of the nodes reached from the
/// start, iteratively (a long chain must not overflow the stack). Components
/// are numbered in the order they complete: every choice leads to a
/// component with the same or a lower number.
fn components(graph: &Graph, skip_critical: bool) -> (Vec<Option<usize>>, usize) {
    let n = graph.nodes.len();
    let mut component = vec![None; n];
    if graph.start >= n {
        return (component, 0);
    }
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next_index = 0;
    let mut count = 0;
    // (node, position in its choices)
    let mut calls = vec![(graph.start, 0usize)];
    index[graph.start] = 0;
    low[graph.start] = 0;
    next_index += 1;
    stack.push(graph.start);
    on_stack[graph.start] = true;
    while let Some(&mut (at, ref mut pos)) = calls.last_mut() {
        let choices = &graph.nodes[at].choices;
        if let Some(e) = choices.get(*pos) {
            *pos += 1;
            if skip_critical && e.critical {
                continue;
            }
            let to = e.to;
            if index[to] == usize::MAX {
                index[to] = next_index;
                low[to] = next_index;
                next_index += 1;
                stack.push(to);
                on_stack[to] = true;
                calls.push((to, 0));
            } else if on_stack[to] {
                low[at] = low[at].min(index[to]);
            }
            continue;
        }
        calls.pop();
        if let Some(&(parent, _)) = calls.last() {
            low[parent] = low[parent].min(low[at]);
        }
        if low[at] == index[at] {
            while let Some(member) = stack.pop() {
                on_stack[member] = false;
                component[member] = Some(count);
                if member == at {
                    break;
                }
            }
            count += 1;
        }
    }
    (component, count)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::time::{Duration, Instant};

    use super::*;

    fn edge(choice: usize, to: usize, points: f64, critical: bool) -> Edge {
        Edge {
            choice,
            to,
            points,
            critical,
        }
    }

    fn node(choices: Vec<Edge>) -> Vertex {
        Vertex {
            ending: None,
            choices,
        }
    }

    fn end(kind: EndingKind) -> Vertex {
        Vertex {
            ending: Some(kind),
            choices: vec![],
        }
    }

    /// 0 --a(+4)--> 1 --c(+3)--> 3 good
    /// 0 --b(0)---> 2 --d(0)---> 3 good
    ///              2 --e(crit)--> 4 poor
    fn small() -> Graph {
        Graph {
            start: 0,
            nodes: vec![
                node(vec![edge(0, 1, 4.0, false), edge(1, 2, 0.0, false)]),
                node(vec![edge(0, 3, 3.0, false)]),
                node(vec![edge(0, 3, 0.0, false), edge(1, 4, -1.0, true)]),
                end(EndingKind::Good),
                end(EndingKind::Poor),
            ],
        }
    }

    #[test]
    fn half_of_the_best_is_the_threshold() {
        assert!(earned_enough(7.0, 14.0), "exactly half passes");
        assert!(!earned_enough(6.5, 14.0), "under half fails");
        assert!(
            earned_enough(0.1 + 0.2, 0.6),
            "rounding must not fail an exact half"
        );
        assert!(
            earned_enough(0.0, 0.0),
            "a scenario without points asks for none"
        );
        assert!(
            earned_enough(-2.0, -2.0),
            "when every path loses points the best path still passes"
        );
        assert!(!earned_enough(-3.0, -2.0), "and a worse one does not");
    }

    #[test]
    fn the_fewest_and_the_most_points_with_a_path() {
        let g = small();
        let a = Analysis::new(&g);
        assert_eq!(a.best(), Some(7.0), "a then c is the best path");
        let (fewest, path) = a.fewest_path(3).unwrap();
        assert_eq!(fewest, 0.0, "b then d reaches the good ending with nothing");
        assert_eq!(path.hops, vec![(0, 1), (2, 0)], "the witness is b then d");
        assert!(path.loops.is_empty(), "no loop on this path");
        assert!(
            a.fewest_path(4).is_none(),
            "the poor ending is only reached through the critical choice"
        );
        let (crit, first) = a.critical_path(4).unwrap();
        assert_eq!(first, (2, 1), "the critical choice is e at node 2");
        assert_eq!(
            crit.hops,
            vec![(0, 1), (2, 1)],
            "the path to it goes through b"
        );
        assert!(
            a.critical_path(3).is_none(),
            "no critical choice leads on to the good ending"
        );
    }

    #[test]
    fn a_loop_is_walked_once() {
        // 0 --a(+2)--> 1 --b(+10)--> 0 (loop), 1 --c(+1)--> 2 good; 1 --d(-5)--> 0 (loop)
        let g = Graph {
            start: 0,
            nodes: vec![
                node(vec![edge(0, 1, 2.0, false)]),
                node(vec![
                    edge(0, 0, 10.0, false),
                    edge(1, 2, 1.0, false),
                    edge(2, 0, -5.0, false),
                ]),
                end(EndingKind::Good),
            ],
        };
        let a = Analysis::new(&g);
        assert_eq!(
            a.best(),
            Some(13.0),
            "the best takes the loop's +2 and +10 once, then +1"
        );
        let (fewest, path) = a.fewest_path(2).unwrap();
        assert_eq!(fewest, -4.0, "the worst takes the loop's -5 once, then +1");
        assert_eq!(
            path.hops,
            vec![(0, 0), (1, 1)],
            "the witness walks into the loop and out"
        );
        assert_eq!(
            path.loops,
            vec![(1, 2)],
            "and names the loop's choice it counts"
        );
    }

    #[test]
    fn a_critical_choice_inside_a_loop_is_found() {
        // 0 --a--> 1 --x(crit)--> 0; 1 --b--> 2 good
        let g = Graph {
            start: 0,
            nodes: vec![
                node(vec![edge(0, 1, 0.0, false)]),
                node(vec![edge(0, 0, 0.0, true), edge(1, 2, 1.0, false)]),
                end(EndingKind::Good),
            ],
        };
        let (path, first) = Analysis::new(&g).critical_path(2).unwrap();
        assert_eq!(first, (1, 0), "going round by x is critical");
        assert_eq!(
            path.hops,
            vec![(0, 0), (1, 0), (0, 0), (1, 1)],
            "a, x, a, b reaches the good ending"
        );
    }

    /// n diamonds: each level offers +1 or 0 and both meet again.
    fn diamonds(n: usize) -> Graph {
        let mut nodes = Vec::new();
        for level in 0..n {
            let top = 3 * level;
            nodes.push(node(vec![
                edge(0, top + 1, 1.0, false),
                edge(1, top + 2, 0.0, false),
            ]));
            nodes.push(node(vec![edge(0, top + 3, 0.0, false)]));
            nodes.push(node(vec![edge(0, top + 3, 0.0, false)]));
        }
        nodes.push(end(EndingKind::Good));
        Graph { start: 0, nodes }
    }

    #[test]
    fn exponentially_many_paths_are_checked_at_once() {
        let g = diamonds(60);
        let began = Instant::now();
        let a = Analysis::new(&g);
        assert_eq!(
            a.best(),
            Some(60.0),
            "the best path takes +1 at every level"
        );
        let (fewest, path) = a.fewest_path(180).unwrap();
        assert_eq!(fewest, 0.0, "the worst of 2^60 paths takes nothing");
        assert_eq!(path.hops.len(), 120, "its witness is one concrete path");
        assert!(
            began.elapsed() < Duration::from_secs(1),
            "2^60 paths must not be walked one by one ({:?})",
            began.elapsed()
        );
    }

    /// Every path of a graph without loops, walked one by one: (end node,
    /// points, a critical choice was made, the hops).
    fn every_path(g: &Graph) -> Vec<(usize, f64, bool, Vec<Hop>)> {
        let mut out = Vec::new();
        let mut stack = vec![(g.start, 0.0, false, Vec::new())];
        while let Some((at, points, critical, hops)) = stack.pop() {
            out.push((at, points, critical, hops.clone()));
            for e in &g.nodes[at].choices {
                let mut next = hops.clone();
                next.push((at, e.choice));
                stack.push((e.to, points + e.points, critical || e.critical, next));
            }
        }
        out
    }

    /// A random graph without loops: choices only lead to later nodes.
    fn dag() -> impl proptest::strategy::Strategy<Value = Graph> {
        use proptest::prelude::*;
        (2usize..9).prop_flat_map(|n| {
            let node = proptest::collection::vec(
                (1usize..9, -3i8..4, proptest::bool::weighted(0.2)),
                0..4,
            );
            (
                proptest::collection::vec(node, n),
                proptest::collection::vec(0u8..4, n),
            )
                .prop_map(move |(choices, kinds)| {
                    let nodes = choices
                        .into_iter()
                        .zip(kinds)
                        .enumerate()
                        .map(|(i, (cs, kind))| {
                            let choices: Vec<Edge> = cs
                                .into_iter()
                                .filter(|&(step, _, _)| i + step < n)
                                .enumerate()
                                .map(|(c, (step, p, crit))| edge(c, i + step, f64::from(p), crit))
                                .collect();
                            let ending = match kind {
                                _ if !choices.is_empty() => None,
                                0 => Some(EndingKind::Good),
                                1 => Some(EndingKind::Mixed),
                                2 => Some(EndingKind::Poor),
                                _ => None,
                            };
                            Vertex { ending, choices }
                        })
                        .collect();
                    Graph { start: 0, nodes }
                })
        })
    }

    proptest::proptest! {
        #[test]
        fn the_programme_agrees_with_walking_every_path(g in dag()) {
            let a = Analysis::new(&g);
            let paths = every_path(&g);
            let ends = |p: &&(usize, f64, bool, Vec<Hop>)| g.nodes[p.0].ending.is_some();
            let best = paths.iter().filter(ends).map(|p| p.1).fold(None, |b: Option<f64>, x| Some(b.map_or(x, |b| b.max(x))));
            proptest::prop_assert_eq!(a.best(), best, "the best path's points over every path to an ending");
            let worth = |hops: &[Hop]| -> f64 {
                hops.iter().map(|&(at, c)| g.nodes[at].choices.iter().find(|e| e.choice == c).unwrap().points).sum()
            };
            for node in 0..g.nodes.len() {
                let clean = paths.iter().filter(|p| p.0 == node && !p.2).map(|p| p.1).fold(None, |b: Option<f64>, x| Some(b.map_or(x, |b| b.min(x))));
                let got = a.fewest_path(node);
                proptest::prop_assert_eq!(got.as_ref().map(|f| f.0), clean, "the fewest points without a critical choice to node {}", node);
                if let Some((fewest, witness)) = got {
                    proptest::prop_assert_eq!(worth(&witness.hops), fewest, "the witness earns exactly the figure");
                }
                let critical = paths.iter().any(|p| p.0 == node && p.2);
                let got = a.critical_path(node);
                proptest::prop_assert_eq!(got.is_some(), critical, "a path through a critical choice reaches node {}", node);
                if let Some((witness, (at, c))) = got {
                    let crit = g.nodes[at].choices.iter().find(|e| e.choice == c).unwrap().critical;
                    proptest::prop_assert!(crit, "the named choice is critical");
                    proptest::prop_assert!(witness.hops.contains(&(at, c)), "and lies on the witness path");
                }
            }
        }
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let n = 50_000;
        let mut nodes: Vec<Vertex> = (0..n)
            .map(|i| node(vec![edge(0, i + 1, 1.0, false)]))
            .collect();
        nodes.push(end(EndingKind::Good));
        let g = Graph { start: 0, nodes };
        assert_eq!(
            Graph::best(&g),
            Some(n as f64),
            "every step of the chain counts"
        );
    }
}
