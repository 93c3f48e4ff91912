//! The rules of the course format that look past one key: ids, references,
//! answer keys that can be satisfied, numbers in range and scenario graphs
//! that can be walked to a good ending. Each rule reports at the offending
//! key or value and never stops the others.

use std::collections::{BTreeSet, HashMap, VecDeque};

use super::layout::is_slug;
use super::messages::{
    AT_LEAST_TWO, CRITICAL_ENDS_WELL, DEAD_END, DISTINCTION, DISTINCTION_BELOW_PASS, DUPLICATE_ID,
    ENDING_UNREACHABLE, GOOD_ENDING_CHEAP, LOOP, NO_CORRECT_MULTIPLE, NO_CORRECT_SINGLE,
    NO_GOOD_ENDING, NODE_UNREACHABLE, NOT_SLUG, PASS_MARK, POINTS, RESERVED_MODULE_ID, SAME_TEXT,
    SECOND_CORRECT, TOLERANCE, UNKNOWN_COMPETENCY, UNKNOWN_NEXT, UNKNOWN_START,
};
use super::source::Located;
use super::toml_table::Ctx;
use super::{Choice, EndingKind, Text};
use crate::i18n::{Message, MessageArgs, message};
use crate::scenario::paths::{self, Analysis, Hop, Witness};

/// Each id is a slug and none is used twice within its scope in one file;
/// `what` says whose ids they are (`question`, `node` …, see `check-idOf`).
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
                message!(DUPLICATE_ID, what = what, id = &id.value, line = line),
            );
        } else {
            seen.insert(&id.value, id.span.start);
        }
    }
}

/// `what` as in [`ids`], or `scenarioFile` and `lessonFile` for an id that
/// is a file's name.
pub(crate) fn not_a_slug(what: &str, id: &str) -> Message {
    message!(NOT_SLUG, what = what, id = id)
}

pub(crate) fn pass_mark(cx: &mut Ctx, mark: &Located<f64>) {
    if !(mark.value > 0.0 && mark.value <= 1.0) {
        cx.error(
            mark.span.start,
            message!(PASS_MARK, value = mark.value.to_string()),
        );
    }
}

pub(crate) fn points(cx: &mut Ctx, points: &Located<f64>) {
    if points.value <= 0.0 {
        cx.error(
            points.span.start,
            message!(POINTS, value = points.value.to_string()),
        );
    }
}

pub(crate) fn tolerance(cx: &mut Ctx, tolerance: &Located<f64>) {
    if tolerance.value < 0.0 {
        cx.error(
            tolerance.span.start,
            message!(TOLERANCE, value = tolerance.value.to_string()),
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
            message!(UNKNOWN_COMPETENCY, competency = &id.value, known = list),
        );
    }
}

/// Options, items or pairs (by `kind`): a question needs at least two to be
/// a question.
pub(crate) fn at_least_two(cx: &mut Ctx, at: usize, count: usize, kind: &str) {
    if count < 2 {
        cx.error(at, message!(AT_LEAST_TWO, kind = kind, count = count));
    }
}

/// `corrects` lists where each option marked `correct = true` says so.
pub(crate) fn correct_options(cx: &mut Ctx, at: usize, single: bool, corrects: &[usize]) {
    match (single, corrects) {
        (_, []) => cx.error(
            at,
            if single {
                message!(NO_CORRECT_SINGLE)
            } else {
                message!(NO_CORRECT_MULTIPLE)
            },
        ),
        (true, [_, extra @ ..]) => {
            for &at in extra {
                cx.error(at, message!(SECOND_CORRECT));
            }
        }
        _ => {}
    }
}

/// Two items (or two sides of pairs) that read the same in some language
/// make the answer key impossible to tell apart. `what` is `item`, `left` or
/// `right`.
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
                    message!(SAME_TEXT, what = what, lang = lang, line = line),
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
                None => cx.error(next.span.start, message!(UNKNOWN_NEXT, node = &next.value)),
            }
        }
        if node.ending.is_none() && node.next.is_empty() {
            cx.error(
                node.id.span.start,
                message!(DEAD_END, node = &node.id.value),
            );
        }
    }
    let Some(start) = start else { return };
    let Some(&first) = index.get(start.value.as_str()) else {
        cx.error(
            start.span.start,
            message!(UNKNOWN_START, node = &start.value),
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
                message!(ENDING_UNREACHABLE, node = &node.id.value),
            );
        } else if !reachable[i] {
            cx.error(
                node.id.span.start,
                message!(NODE_UNREACHABLE, node = &node.id.value),
            );
        } else if !ends_somewhere[i] && !node.next.is_empty() {
            cx.error(node.id.span.start, message!(LOOP, node = &node.id.value));
        }
    }
    let good: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].ending == Some(EndingKind::Good))
        .collect();
    if !walk(&good, &reverse)[first] {
        cx.error(start.span.start, message!(NO_GOOD_ENDING));
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
            let mut args: MessageArgs = vec![
                ("ending", (&node.id.value).into()),
                ("choice", (&nodes[at].choices[choice].id).into()),
                ("node", (&nodes[at].id.value).into()),
            ];
            args.extend(path_args(nodes, &path));
            cx.error(node.ending_at, CRITICAL_ENDS_WELL.with(args));
        }
        if let Some((fewest, path)) = analysis.fewest_path(i)
            && !paths::earned_enough(fewest, best)
        {
            let mut args: MessageArgs = vec![
                ("ending", (&node.id.value).into()),
                ("points", figure(fewest).into()),
                ("best", figure(best).into()),
            ];
            args.extend(path_args(nodes, &path));
            cx.error(node.ending_at, GOOD_ENDING_CHEAP.with(args));
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

/// A path as choice ids, `a → b → c`, for the catalogue's `check-path`: a
/// long one keeps its first and last steps (`head` and `tail`, with `more`
/// left out between them), and the choices counted once round a loop are
/// named after it (`loop`, with `loopMore` not named; `loopCount` of them).
fn path_args(nodes: &[GraphNode], path: &Witness) -> MessageArgs {
    const KEEP: usize = 8;
    let name = |&(at, choice): &Hop| format!("`{}`", nodes[at].choices[choice].id);
    let chain = |hops: &[Hop]| hops.iter().map(name).collect::<Vec<_>>().join(" → ");
    let hops = &path.hops;
    let (head, more, tail) = if hops.len() <= 2 * KEEP {
        (chain(hops), 0, String::new())
    } else {
        (
            chain(&hops[..KEEP]),
            hops.len() - 2 * KEEP,
            chain(&hops[hops.len() - KEEP..]),
        )
    };
    let counted: Vec<String> = path.loops.iter().take(KEEP).map(name).collect();
    vec![
        ("steps", hops.len().into()),
        ("head", head.into()),
        ("more", more.into()),
        ("tail", tail.into()),
        ("loopCount", path.loops.len().into()),
        ("loop", counted.join(", ").into()),
        ("loopMore", path.loops.len().saturating_sub(KEEP).into()),
    ]
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
            message!(DISTINCTION, value = distinction.value.to_string()),
        );
    } else if let Some(mark) = pass_mark
        && distinction.value < mark.value
    {
        cx.error(
            distinction.span.start,
            message!(
                DISTINCTION_BELOW_PASS,
                distinction = distinction.value.to_string(),
                passMark = mark.value.to_string()
            ),
        );
    }
}

/// No module may use the id under which final-test attempts are stored.
pub(crate) fn module_id_not_reserved(cx: &mut Ctx, id: &Located<String>) {
    if id.value == crate::final_test::FINAL_TEST_ID {
        cx.error(id.span.start, message!(RESERVED_MODULE_ID, id = &id.value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Text;
    use crate::i18n::tr;

    /// `check-path` in `lang` for a path of `hops` choices round `loops`,
    /// all of one node whose choices are `c0`, `c1`, …
    fn path(lang: &str, hops: usize, loops: usize) -> String {
        let choice = |i: usize| Choice {
            id: format!("c{i}"),
            text: Text::default(),
            next: "n".into(),
            points: Default::default(),
            feedback: Text::default(),
            critical: false,
        };
        let choices: Vec<Choice> = (0..20).map(choice).collect();
        let id = Located::new("n".to_string(), 0..1);
        let nodes = [GraphNode {
            id: &id,
            next: Vec::new(),
            choices: &choices,
            ending: None,
            ending_at: 0,
        }];
        let witness = Witness {
            hops: (0..hops).map(|c| (0, c)).collect(),
            loops: (0..loops).map(|c| (0, c)).collect(),
        };
        tr(lang, "check-path", &path_args(&nodes, &witness))
    }

    #[test]
    fn a_path_is_named_by_its_choices_short_and_in_each_language() {
        assert_eq!(path("en", 0, 0), "(no choice)", "the start is the ending");
        assert_eq!(path("sv", 0, 0), "(inget val)");
        assert_eq!(path("en", 3, 0), "`c0` → `c1` → `c2`", "a short path whole");
        let head = "`c0` → `c1` → `c2` → `c3` → `c4` → `c5` → `c6` → `c7`";
        let tail = "`c12` → `c13` → `c14` → `c15` → `c16` → `c17` → `c18` → `c19`";
        assert_eq!(
            path("en", 20, 0),
            format!("{head} → … (4 more) … → {tail}"),
            "a long one keeps its first and last eight steps"
        );
        assert_eq!(path("sv", 20, 0), format!("{head} → … (4 till) … → {tail}"));
        assert_eq!(
            path("en", 2, 1),
            "`c0` → `c1`, counting once round its loop `c0`",
            "a loop's choices are named after the path"
        );
        assert_eq!(
            path("en", 2, 10),
            format!(
                "`c0` → `c1`, counting once round its loop {} and 2 more",
                head.replace(" →", ",")
            ),
            "a long loop names eight"
        );
        assert_eq!(
            path("sv", 2, 10),
            format!(
                "`c0` → `c1`, med ett varv runt slingan {} och 2 till",
                head.replace(" →", ",")
            )
        );
    }
}
