//! The final course test: which bank questions one attempt draws (balanced
//! across modules, then spread across competencies, fixed by the attempt's
//! secret seed) and the grade a score earns (Underkänd, Godkänd, Väl godkänd).
//! Attempts themselves are ordinary quiz attempts under the reserved module id
//! [`FINAL_TEST_ID`]; `progress` stores and grades them.

use std::collections::BTreeMap;

use rand::seq::SliceRandom;
use rand_chacha::{ChaCha8Rng, rand_core::SeedableRng};
use serde::{Deserialize, Serialize};

use crate::content::{Course, FeedbackMode, FinalTest, Module, Text};
use crate::i18n;

/// The module id under which final-test attempts are stored. No module of a
/// course may use it (the loader refuses it).
pub const FINAL_TEST_ID: &str = "final";

/// Slack for float sums (0.1 + 0.2 points) when comparing with a mark, as the pass rules use.
const EPSILON: f64 = 1e-9;

/// Mixed into the attempt's seed so the draw does not correlate with the
/// shuffles `quiz::view` derives from the same seed.
const DRAW_SALT: u64 = 0x6669_6e61_6c2d_7465; // "final-te"

/// The grade of a final-test attempt. Swedish names are the official ones.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FinalGrade {
    /// Underkänd: below the pass mark.
    Fail,
    /// Godkänd: at least the pass mark.
    Pass,
    /// Väl godkänd: at least the distinction mark.
    Distinction,
}

impl FinalGrade {
    /// The grade `score` out of `max` earns: exactly `pass_mark` is Godkänd,
    /// exactly `distinction` is Väl godkänd. A test with no points counts as full.
    pub fn of(score: f64, max: f64, pass_mark: f64, distinction: f64) -> FinalGrade {
        let share = if max > 0.0 {
            (score / max).clamp(0.0, 1.0)
        } else {
            1.0
        };
        if share + EPSILON >= distinction {
            FinalGrade::Distinction
        } else if share + EPSILON >= pass_mark {
            FinalGrade::Pass
        } else {
            FinalGrade::Fail
        }
    }

    pub fn passed(self) -> bool {
        self != FinalGrade::Fail
    }

    /// The grade's name in `lang` (the catalogue's `final-grade-…`, English
    /// for a language it does not have), for documents the core writes
    /// itself, such as the certificate.
    pub fn label(self, lang: &str) -> String {
        let id = match self {
            FinalGrade::Fail => "final-grade-fail",
            FinalGrade::Pass => "final-grade-pass",
            FinalGrade::Distinction => "final-grade-distinction",
        };
        i18n::tr(lang, id, &[])
    }
}

/// Draws `test.draw` questions for one attempt and returns their indices in
/// `test.questions`, in the order the learner sees them.
///
/// Balance comes first: modules take turns, one question each per round in a
/// seeded order, so every module gets as equal a share as its part of the bank
/// allows (counts differ by at most one between modules that still had
/// questions left). Within a module the question taken is one of the
/// competency drawn least so far across the whole test, so competencies are
/// spread as well; ties go to the module's seeded shuffle. The same `seed`
/// always gives the same draw; no question is drawn twice; a bank smaller
/// than `draw` is drawn whole (the loader refuses such a course).
pub fn draw(test: &FinalTest, seed: u64) -> Vec<usize> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ DRAW_SALT);
    // Modules in order of their first bank question, each with its questions shuffled.
    let mut modules: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, q) in test.questions.iter().enumerate() {
        match modules.iter_mut().find(|(m, _)| *m == q.module) {
            Some((_, list)) => list.push(i),
            None => modules.push((q.module.as_str(), vec![i])),
        }
    }
    for (_, list) in &mut modules {
        list.shuffle(&mut rng);
    }
    modules.shuffle(&mut rng);

    let wanted = usize::try_from(test.draw)
        .unwrap_or(usize::MAX)
        .min(test.questions.len());
    let mut taken_per_competency: BTreeMap<&str, usize> = BTreeMap::new();
    let mut drawn = Vec::with_capacity(wanted);
    while drawn.len() < wanted {
        let before = drawn.len();
        for (_, left) in &mut modules {
            if drawn.len() == wanted {
                break;
            }
            let least_drawn = left.iter().enumerate().min_by_key(|&(_, &i)| {
                let competency = test.questions[i].question.competency.as_str();
                taken_per_competency.get(competency).copied().unwrap_or(0)
            });
            let Some((at, &index)) = least_drawn else {
                continue;
            };
            left.remove(at);
            *taken_per_competency
                .entry(test.questions[index].question.competency.as_str())
                .or_default() += 1;
            drawn.push(index);
        }
        if drawn.len() == before {
            break;
        }
    }
    // Rounds list the modules in the same order every time; the learner sees them mixed.
    drawn.shuffle(&mut rng);
    drawn
}

/// The final test of `course` for the attempt with `seed`, as a module the quiz
/// machinery can run: the drawn questions, deferred feedback and the test's
/// pass mark. `None` when the course has no final test.
pub(crate) fn attempt_module(course: &Course, seed: u64) -> Option<Module> {
    let test = course.final_test.as_ref()?;
    let questions = draw(test, seed)
        .into_iter()
        .map(|i| test.questions[i].question.clone())
        .collect();
    Some(Module {
        id: FINAL_TEST_ID.to_string(),
        dir: String::new(),
        title: title(&course.languages),
        summary: None,
        feedback: FeedbackMode::Deferred,
        pass_mark: Some(test.pass_mark),
        outcomes: Vec::new(),
        lessons: Vec::new(),
        questions,
        scenarios: Vec::new(),
    })
}

/// The final test's name in each of the course's languages (the catalogue's
/// `final-title`), where results name the test as a module.
pub(crate) fn title(languages: &[String]) -> Text {
    Text(
        languages
            .iter()
            .map(|l| (l.clone(), i18n::tr(l, "final-title", &[])))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{BankQuestion, Question, QuestionBody};
    use proptest::prelude::*;

    fn bank(modules: &[(&str, &[&str])]) -> FinalTest {
        let mut questions = Vec::new();
        for (module, competencies) in modules {
            for (i, competency) in competencies.iter().enumerate() {
                questions.push(BankQuestion {
                    module: module.to_string(),
                    question: Question {
                        id: format!("{module}-{i}"),
                        competency: competency.to_string(),
                        points: 1.0,
                        prompt: Text::from_pairs([("en", "?")]),
                        explanation: Text::from_pairs([("en", "!")]),
                        shuffle: true,
                        body: QuestionBody::TrueFalse {
                            answer: true,
                            feedback_true: None,
                            feedback_false: None,
                        },
                    },
                });
            }
        }
        FinalTest {
            draw: 0,
            pass_mark: 0.7,
            distinction: 0.9,
            questions,
        }
    }

    fn per_module(test: &FinalTest, drawn: &[usize]) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for &i in drawn {
            *counts.entry(test.questions[i].module.clone()).or_default() += 1;
        }
        counts
    }

    #[test]
    fn exactly_the_marks_earn_their_grades() {
        let g = |score| FinalGrade::of(score, 10.0, 0.7, 0.9);
        assert_eq!(
            g(6.99),
            FinalGrade::Fail,
            "just under the pass mark is Underkänd"
        );
        assert_eq!(g(7.0), FinalGrade::Pass, "exactly the pass mark is Godkänd");
        assert_eq!(
            g(8.99),
            FinalGrade::Pass,
            "just under distinction stays Godkänd"
        );
        assert_eq!(
            g(9.0),
            FinalGrade::Distinction,
            "exactly distinction is Väl godkänd"
        );
        assert_eq!(
            g(10.0),
            FinalGrade::Distinction,
            "full marks are Väl godkänd"
        );
        assert_eq!(
            FinalGrade::of(0.1 + 0.2 + 0.4, 1.0, 0.7, 0.9),
            FinalGrade::Pass,
            "float sums that print as the pass mark reach it"
        );
        assert_eq!(
            FinalGrade::of(7.0, 10.0, 0.7, 0.7),
            FinalGrade::Distinction,
            "when both marks are equal, reaching them is a distinction"
        );
        assert!(
            !FinalGrade::Fail.passed(),
            "Underkänd does not pass the course"
        );
        assert!(
            FinalGrade::Pass.passed() && FinalGrade::Distinction.passed(),
            "Godkänd and Väl godkänd pass"
        );
        assert_eq!(
            FinalGrade::Distinction.label("sv"),
            "Väl godkänd",
            "the Swedish name is the official one"
        );
        assert_eq!(
            FinalGrade::Fail.label("fi"),
            "Fail",
            "English names for other languages"
        );
        assert_eq!(
            title(&["sv".into(), "fi".into()]),
            Text::from_pairs([("sv", "Sluttest"), ("fi", "Final test")]),
            "the test's name too"
        );
    }

    #[test]
    fn a_draw_is_the_same_for_a_seed_and_differs_between_seeds() {
        let mut test = bank(&[("a", &["x"; 10]), ("b", &["x"; 10]), ("c", &["x"; 10])]);
        test.draw = 9;
        assert_eq!(
            draw(&test, 42),
            draw(&test, 42),
            "a resumed attempt must get the same questions"
        );
        let distinct: std::collections::BTreeSet<Vec<usize>> =
            (0..20).map(|seed| draw(&test, seed)).collect();
        assert!(
            distinct.len() > 10,
            "different attempts must get different draws, got {} of 20",
            distinct.len()
        );
    }

    #[test]
    fn modules_share_the_draw_equally_and_a_small_module_gives_all_it_has() {
        let mut test = bank(&[("a", &["x"; 10]), ("b", &["x"; 2]), ("c", &["x"; 10])]);
        test.draw = 12;
        for seed in 0..50 {
            let counts = per_module(&test, &draw(&test, seed));
            assert_eq!(
                counts["b"], 2,
                "a module with two questions gives both (seed {seed})"
            );
            assert_eq!(
                (counts["a"], counts["c"]),
                (5, 5),
                "the rest is split evenly (seed {seed})"
            );
        }
    }

    #[test]
    fn within_a_module_competencies_are_spread() {
        // One module, three competencies of very different sizes.
        let mut competencies = vec!["x"; 12];
        competencies.extend(["y"; 3]);
        competencies.extend(["z"; 3]);
        let mut test = bank(&[("a", &competencies)]);
        test.draw = 6;
        for seed in 0..50 {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for i in draw(&test, seed) {
                *counts
                    .entry(test.questions[i].question.competency.as_str())
                    .or_default() += 1;
            }
            assert_eq!(
                counts,
                BTreeMap::from([("x", 2), ("y", 2), ("z", 2)]),
                "six questions over three competencies take two of each, not mostly the large one (seed {seed})"
            );
        }
    }

    #[test]
    fn a_bank_smaller_than_the_draw_is_drawn_whole() {
        let mut test = bank(&[("a", &["x"; 2]), ("b", &["y"; 1])]);
        test.draw = 10;
        let mut got = draw(&test, 7);
        got.sort_unstable();
        assert_eq!(got, vec![0, 1, 2], "every question once, none twice");
    }

    proptest! {
        #[test]
        fn a_draw_is_distinct_and_balanced(
            sizes in proptest::collection::vec(1usize..8, 1..6),
            draw_count in 1u32..30,
            seed in any::<u64>(),
        ) {
            let names = ["m1", "m2", "m3", "m4", "m5", "m6"];
            let comps = ["c1", "c2", "c3"];
            let lists: Vec<Vec<&str>> = sizes
                .iter()
                .map(|&n| (0..n).map(|i| comps[i % comps.len()]).collect())
                .collect();
            let spec: Vec<(&str, &[&str])> = lists
                .iter()
                .enumerate()
                .map(|(m, list)| (names[m], list.as_slice()))
                .collect();
            let mut test = bank(&spec);
            test.draw = draw_count;
            let drawn = draw(&test, seed);
            let want = (draw_count as usize).min(test.questions.len());
            prop_assert_eq!(drawn.len(), want, "always `draw` questions when the bank has them");
            let unique: std::collections::BTreeSet<usize> = drawn.iter().copied().collect();
            prop_assert_eq!(unique.len(), drawn.len(), "no question twice");
            let counts = per_module(&test, &drawn);
            // Modules not drawn whole are the ones that could have given more:
            // among them, counts differ by at most one, and none has fewer than
            // a module drawn whole.
            let open: Vec<usize> = spec
                .iter()
                .map(|(m, list)| (counts.get(*m).copied().unwrap_or(0), list.len()))
                .filter(|(got, size)| got < size)
                .map(|(got, _)| got)
                .collect();
            if let (Some(lo), Some(hi)) = (open.iter().min(), open.iter().max()) {
                prop_assert!(hi - lo <= 1, "per-module counts differ by at most one where the bank allows: {:?}", counts);
                for (m, list) in &spec {
                    let got = counts.get(*m).copied().unwrap_or(0);
                    prop_assert!(got == list.len() || got + 1 >= *hi, "module {} got {} while another got {}", m, got, hi);
                }
            }
        }
    }
}
