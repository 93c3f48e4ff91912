//! The rules of the course format that look past one key: ids, references,
//! answer keys that can be satisfied, numbers in range and scenario graphs
//! that can be walked to a good ending. Each rule reports at the offending
//! key or value and never stops the others.

use std::collections::{BTreeSet, HashMap, VecDeque};

use super::layout::is_slug;
use super::source::Located;
use super::toml_table::Ctx;
use super::{Choice, EndingKind, Text};
use crate::scenario::paths::{self, Analysis, Hop, Witness};

/// Each id is a slug and none is used twice within its scope in one file.
pub(crate) fn ids<'a>(
    cx: &mut Ctx,
    what: &str,
    ids: impl IntoIterator<Item = &'a Located<String>>,
) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for id in ids {
        if !is_slug(&id.value) {
            cx.error(id.span.start, not_a_slug(what, &id.value));
        }
        if let Some(&first) = seen.get(id.value.as_str()) {
            let (line, _) = cx.file.line_col(first);
            cx.error(
                id.span.start,
                format!(
                    "duplicate {what} id `{}` (first used on line {line})",
                    id.value
                ),
            );
        } else {
            seen.insert(&id.value, id.span.start);
        }
    }
}

pub(crate) fn not_a_slug(what: &str, id: &str) -> String {
    format!(
        "{what} id `{id}` is not a slug: use lower-case letters a-z, digits and `-`, starting with a letter or digit"
    )
}

pub(crate) fn pass_mark(cx: &mut Ctx, mark: &Located<f64>) {
    if !(mark.value > 0.0 && mark.value <= 1.0) {
        cx.error(
            mark.span.start,
            format!("`pass_mark` must be a share of the points, above 0 and at most 1 (e.g. 0.8), not {}", mark.value),
        );
    }
}

pub(crate) fn points(cx: &mut Ctx, points: &Located<f64>) {
    if points.value <= 0.0 {
        cx.error(
            points.span.start,
            format!("`points` must be above 0, not {}", points.value),
        );
    }
}

pub(crate) fn tolerance(cx: &mut Ctx, tolerance: &Located<f64>) {
    if tolerance.value < 0.0 {
        cx.error(
            tolerance.span.start,
            format!("`tolerance` cannot be negative ({})", tolerance.value),
        );
    }
}

/// `competencies` is `None` when course.toml could not be read: then every
/// reference would look wrong, so none is reported.
pub(crate) fn competency_ref(
    cx: &mut Ctx,
    competencies: Option<&BTreeSet<String>>,
    id: &Located<String>,
) {
    if let Some(known) = competencies
        && !known.contains(&id.value)
    {
        let list = known
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        cx.error(
            id.span.start,
            format!(
                "unknown competency `{}` (course.toml declares: {list})",
                id.value
            ),
        );
    }
}

/// Options, items or pairs: a question needs at least two to be a question.
pub(crate) fn at_least_two(cx: &mut Ctx, at: usize, count: usize, kind: &str, what: &str) {
    if count < 2 {
        cx.error(
            at,
            format!("a {kind} question needs at least 2 {what}, it has {count}"),
        );
    }
}

/// `corrects` lists where each option marked `correct = true` says so.
pub(crate) fn correct_options(cx: &mut Ctx, at: usize, single: bool, corrects: &[usize]) {
    match (single, corrects) {
        (_, []) => cx.error(
            at,
            if single {
                "no option is marked `correct = true`; a single-choice question needs exactly one"
            } else {
                "no option is marked `correct = true`; a multiple-choice question needs at least one"
            },
        ),
        (true, [_, extra @ ..]) => {
            for &at in extra {
                cx.error(at, "a single-choice question has exactly one correct option; this is a second one");
            }
        }
        _ => {}
    }
}

/// Two items (or two sides of pairs) that read the same in some language
/// make the answer key impossible to tell apart.
pub(crate) fn distinct_texts(cx: &mut Ctx, what: &str, texts: &[(usize, &Text)]) {
    let langs = cx.langs;
    for lang in langs {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for &(at, text) in texts {
            let Some(s) = text.0.get(lang) else { continue };
            let key = s.trim().to_lowercase();
            if let Some(&first) = seen.get(&key) {
                let (line, _) = cx.file.line_col(first);
                cx.error(
                    at,
                    format!("this {what} reads the same in `{lang}` as the one on line {line}; learners cannot tell them apart"),
                );
            } else {
                seen.insert(key, at);
            }
        }
    }
}

/// One scenario node as the graph rules see it.
pub(crate) struct GraphNode<'a> {
    pub id: &'a Located<String>,
    /// The `next` of each of `choices`, in the same order.
    pub next: Vec<&'a Located<String>>,
    pub choices: &'a [Choice],
    pub ending: Option<EndingKind>,
    /// Where the `ending` key is written (the node's table when it has none).
    pub ending_at: usize,
}

/// Walks the graph: references, reachability from `start`, nodes that lead
/// nowhere (no choices and no ending, or loops with no way out), a path
/// to a good ending, and whether every ending is earned by its paths
/// ([`earned_endings`]).
pub(crate) fn scenario_graph(cx: &mut Ctx, start: Option<&Located<String>>, nodes: &[GraphNode]) {
    let index: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .rev()
        .map(|(i, n)| (n.id.value.as_str(), i))
        .collect();
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (i, node) in nodes.iter().enumerate() {
        for next in &node.next {
            match index.get(next.value.as_str()) {
                Some(&j) => edges[i].push(j),
                None => cx.error(
                    next.span.start,
                    format!("`next` names no node of this scenario: `{}`", next.value),
                ),
            }
        }
        if node.ending.is_none() && node.next.is_empty() {
            cx.error(
                node.id.span.start,
                format!(
                    "node `{}` has neither choices nor an ending: it leads nowhere",
                    node.id.value
                ),
            );
        }
    }
    let Some(start) = start else { return };
    let Some(&first) = index.get(start.value.as_str()) else {
        cx.error(
            start.span.start,
            format!("`start` names no node of this scenario: `{}`", start.value),
        );
        return;
    };
    let reachable = walk(&[first], &edges);
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (i, out) in edges.iter().enumerate() {
        for &j in out {
            reverse[j].push(i);
        }
    }
    let endings: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].ending.is_some())
        .collect();
    let ends_somewhere = walk(&endings, &reverse);
    for (i, node) in nodes.iter().enumerate() {
        if !reachable[i] && node.ending.is_some() {
            cx.error(
                node.ending_at,
                format!(
                    "the ending `{}` cannot be reached: no path from `start` leads to it",
                    node.id.value
                ),
            );
        } else if !reachable[i] {
            cx.error(
                node.id.span.start,
                format!("node `{}` cannot be reached from `start`", node.id.value),
            );
        } else if !ends_somewhere[i] && !node.next.is_empty() {
            cx.error(
                node.id.span.start,
                format!("from node `{}` no path leads to an ending: its choices only go round in a loop", node.id.value),
            );
        }
    }
    let good: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].ending == Some(EndingKind::Good))
        .collect();
    if !walk(&good, &reverse)[first] {
        cx.error(
            start.span.start,
            "no path from `start` leads to a `good` ending",
        );
    }
    let graph = paths::Graph {
        start: first,
        nodes: nodes
            .iter()
            .map(|node| paths::Vertex {
                ending: node.ending,
                choices: node
                    .choices
                    .iter()
                    .zip(&node.next)
                    .enumerate()
                    .filter_map(|(choice, (c, next))| {
                        Some(paths::Edge {
                            choice,
                            to: *index.get(next.value.as_str())?,
                            points: c.points.values().sum(),
                            critical: c.critical,
                        })
                    })
                    .collect(),
            })
            .collect(),
    };
    earned_endings(cx, nodes, &graph);
}

/// Every ending is earned by each path to it: no path through a critical
/// choice ends well, and no path reaches a good ending with under half of
/// the best path's points (the engine's pass threshold,
/// [`paths::earned_enough`]). Reported at the ending, with one path as an
/// example for the author.
fn earned_endings(cx: &mut Ctx, nodes: &[GraphNode], graph: &paths::Graph) {
    let analysis = Analysis::new(graph);
    let Some(best) = analysis.best() else { return };
    for (i, node) in nodes.iter().enumerate() {
        if node.ending != Some(EndingKind::Good) {
            continue;
        }
        if let Some((path, (at, choice))) = analysis.critical_path(i) {
            cx.error(
                node.ending_at,
                format!(
                    "the good ending `{}` can be reached after the critical choice `{}` at node `{}` (path: {}); a critical choice must never end well",
                    node.id.value,
                    nodes[at].choices[choice].id,
                    nodes[at].id.value,
                    path_words(nodes, &path),
                ),
            );
        }
        if let Some((fewest, path)) = analysis.fewest_path(i)
            && !paths::earned_enough(fewest, best)
        {
            cx.error(
                node.ending_at,
                format!(
                    "the good ending `{}` can be reached with {} of {} points on the path {}; a good ending needs at least half of the best path's {}",
                    node.id.value,
                    figure(fewest),
                    figure(best),
                    path_words(nodes, &path),
                    figure(best),
                ),
            );
        }
    }
}

/// Points as an author wrote them: `14`, `2.5`, not `2.5000000000000004`.
fn figure(points: f64) -> String {
    let rounded = (points * 100.0).round() / 100.0;
    if rounded == 0.0 {
        "0".to_string()
    } else {
        rounded.to_string()
    }
}

/// A path as choice ids, `a → b → c`; a long one keeps its first and last
/// steps, and choices counted once round a loop are named after it.
fn path_words(nodes: &[GraphNode], path: &Witness) -> String {
    const KEEP: usize = 8;
    let name = |&(at, choice): &Hop| format!("`{}`", nodes[at].choices[choice].id);
    let hops = &path.hops;
    let mut words = if hops.is_empty() {
        "(no choice)".to_string()
    } else if hops.len() <= 2 * KEEP {
        hops.iter().map(name).collect::<Vec<_>>().join(" → ")
    } else {
        let head: Vec<String> = hops[..KEEP].iter().map(name).collect();
        let tail: Vec<String> = hops[hops.len() - KEEP..].iter().map(name).collect();
        format!(
            "{} → … ({} more) … → {}",
            head.join(" → "),
            hops.len() - 2 * KEEP,
            tail.join(" → ")
        )
    };
    if !path.loops.is_empty() {
        let counted: Vec<String> = path.loops.iter().take(KEEP).map(name).collect();
        let more = path.loops.len().saturating_sub(KEEP);
        words.push_str(&format!(
            ", counting once round its loop {}{}",
            counted.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    words
}

/// Breadth-first: which nodes can be reached from `from` along `edges`.
fn walk(from: &[usize], edges: &[Vec<usize>]) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    let mut queue: VecDeque<usize> = from.iter().copied().collect();
    for &i in from {
        seen[i] = true;
    }
    while let Some(i) = queue.pop_front() {
        for &j in &edges[i] {
            if !seen[j] {
                seen[j] = true;
                queue.push_back(j);
            }
        }
    }
    seen
}

/// `distinction` of `[final]`: a share like `pass_mark`, and not below the
/// test's `pass_mark` (a distinction that is easier than a pass means nothing).
pub(crate) fn final_distinction(
    cx: &mut Ctx,
    distinction: &Located<f64>,
    pass_mark: Option<&Located<f64>>,
) {
    if !(distinction.value > 0.0 && distinction.value <= 1.0) {
        cx.error(
            distinction.span.start,
            format!(
                "`distinction` must be a share of the points, above 0 and at most 1 (e.g. 0.9), not {}",
                distinction.value
            ),
        );
    } else if let Some(mark) = pass_mark
        && distinction.value < mark.value
    {
        cx.error(
            distinction.span.start,
            format!(
                "`distinction` ({}) is below `pass_mark` ({}): Väl godkänd needs at least the points of Godkänd",
                distinction.value, mark.value
            ),
        );
    }
}

/// No module may use the id under which final-test attempts are stored.
pub(crate) fn module_id_not_reserved(cx: &mut Ctx, id: &Located<String>) {
    if id.value == crate::final_test::FINAL_TEST_ID {
        cx.error(
            id.span.start,
            format!(
                "module id `{}` is reserved for the course's final test; choose another id",
                id.value
            ),
        );
    }
}
