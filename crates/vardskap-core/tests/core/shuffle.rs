//! Shuffling on the built-in course through a real store file: learners get
//! a module's options in their own orders, an attempt and a role-play run
//! keep their order when the app is restarted, and what a learner arranges
//! (ordering items, matching sides) is shown under tokens that still grade.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use vardskap_core::content::{Course, QuestionBody, load_course};
use vardskap_core::progress::{AttemptView, NewProfile, ProfileId};
use vardskap_core::quiz::{Answer, ViewBody};
use vardskap_core::storage::Store;

fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn learner(store: &mut Store, name: &str) -> ProfileId {
    store
        .create_profile(&NewProfile {
            name: name.into(),
            ..Default::default()
        })
        .unwrap()
        .id
}

/// A store in `dir` with the built-in course installed, and the course.
fn store_with_course(dir: &Path) -> (Store, Course) {
    let mut store = Store::open(dir).unwrap();
    let course = load_course(&content_dir()).unwrap();
    store.install_course_folder(&content_dir(), "sv").unwrap();
    (store, course)
}

/// Question id -> the texts of its options in the order the attempt shows them.
fn option_orders(attempt: &AttemptView) -> BTreeMap<String, Vec<String>> {
    attempt
        .questions
        .iter()
        .filter_map(|q| match &q.body {
            ViewBody::Single { options } | ViewBody::Multiple { options } => Some((
                q.id.clone(),
                options.iter().map(|o| o.text.clone()).collect(),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn learners_get_options_in_their_own_orders_and_a_resumed_attempt_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, course) = store_with_course(dir.path());
    let module = &course.modules[0];
    let shuffled: Vec<&str> = module
        .questions
        .iter()
        .filter(|q| {
            q.shuffle
                && matches!(&q.body, QuestionBody::Single { options } | QuestionBody::Multiple { options } if options.len() >= 3)
        })
        .map(|q| q.id.as_str())
        .collect();
    assert!(
        !shuffled.is_empty(),
        "module {} needs a shuffled question with three or more options for this test",
        module.id
    );

    let first = learner(&mut store, "Alva");
    let a = store
        .start_attempt(first, &course.id, &module.id, "sv")
        .unwrap();
    let a_orders = option_orders(&a);
    // A random seed per attempt: another learner could by chance see every
    // order alike, so up to four more learners are asked (the chance that all
    // match is far below one in a million).
    let differs = ["Bo", "Cleo", "Dan", "Eira"].iter().any(|name| {
        let p = learner(&mut store, name);
        let b = store
            .start_attempt(p, &course.id, &module.id, "sv")
            .unwrap();
        let b_orders = option_orders(&b);
        assert_eq!(
            a_orders.keys().collect::<Vec<_>>(),
            b_orders.keys().collect::<Vec<_>>(),
            "every learner gets the same questions"
        );
        shuffled.iter().any(|id| a_orders[*id] != b_orders[*id])
    });
    assert!(
        differs,
        "two learners' attempts must show some question's options in different orders"
    );

    for q in &module.questions {
        let (QuestionBody::Single { options } | QuestionBody::Multiple { options }) = &q.body
        else {
            continue;
        };
        let mut shown = a_orders[&q.id].clone();
        let mut authored: Vec<String> = options
            .iter()
            .map(|o| o.text.get("sv").to_string())
            .collect();
        if !q.shuffle {
            assert_eq!(
                shown, authored,
                "{} says shuffle = false: the author's order",
                q.id
            );
        }
        shown.sort();
        authored.sort();
        assert_eq!(shown, authored, "{} shows every option once", q.id);
    }

    // Answer one question, close the store (the app quits) and open it again.
    let single = module
        .questions
        .iter()
        .find(|q| matches!(q.body, QuestionBody::Single { .. }))
        .unwrap();
    let QuestionBody::Single { options } = &single.body else {
        unreachable!()
    };
    let picked = Answer::Single {
        option: options[0].id.clone(),
    };
    store.save_answer(a.id, &single.id, &picked, "sv").unwrap();
    drop(store);
    let mut store = Store::open(dir.path()).unwrap();
    let resumed = store
        .start_attempt(first, &course.id, &module.id, "sv")
        .unwrap();
    assert!(
        resumed.resumed,
        "the open attempt is resumed after a restart"
    );
    assert_eq!(
        resumed.questions, a.questions,
        "a resumed attempt shows every question with the same order and ids"
    );
    assert_eq!(
        resumed
            .answers
            .iter()
            .map(|s| (&s.question_id, &s.answer))
            .collect::<Vec<_>>(),
        [(&single.id, &picked)],
        "the saved answer comes back by option id"
    );
}

/// Answers every ordering and matching question of the course's modules
/// from the view alone, by text, as a learner who knows the material does.
fn by_text(
    course: &Course,
    module: usize,
    view: &vardskap_core::quiz::QuestionView,
) -> Option<Answer> {
    let question = course.modules[module]
        .questions
        .iter()
        .find(|q| q.id == view.id)?;
    match (&question.body, &view.body) {
        (QuestionBody::Ordering { items: key }, ViewBody::Ordering { items }) => {
            Some(Answer::Ordering {
                items: key
                    .iter()
                    .map(|k| {
                        items
                            .iter()
                            .find(|i| i.text == k.text.get("sv"))
                            .unwrap()
                            .id
                            .clone()
                    })
                    .collect(),
            })
        }
        (QuestionBody::Matching { pairs: key }, ViewBody::Matching { left, right }) => {
            Some(Answer::Matching {
                pairs: key
                    .iter()
                    .map(|k| {
                        let l = left.iter().find(|l| l.text == k.left.get("sv")).unwrap();
                        let r = right.iter().find(|r| r.text == k.right.get("sv")).unwrap();
                        (l.id.clone(), r.id.clone())
                    })
                    .collect(),
            })
        }
        _ => None,
    }
}

#[test]
fn ordering_and_matching_answered_by_text_through_tokens_get_full_marks() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, course) = store_with_course(dir.path());
    let p = learner(&mut store, "Alva");
    let mut answered = 0;
    for (m, module) in course.modules.iter().enumerate() {
        let attempt = store
            .start_attempt(p, &course.id, &module.id, "sv")
            .unwrap();
        for view in &attempt.questions {
            let Some(answer) = by_text(&course, m, view) else {
                continue;
            };
            let json = serde_json::to_string(view).unwrap();
            let question = module.questions.iter().find(|q| q.id == view.id).unwrap();
            let author_ids: Vec<&str> = match &question.body {
                QuestionBody::Ordering { items } => items.iter().map(|i| i.id.as_str()).collect(),
                QuestionBody::Matching { pairs } => pairs.iter().map(|p| p.id.as_str()).collect(),
                _ => unreachable!("only ordering and matching are answered by text"),
            };
            for id in author_ids {
                assert!(
                    !json.contains(&format!("\"id\":\"{id}\"")),
                    "{}: the view shows the author's id {id}: {json}",
                    view.id
                );
            }
            store
                .save_answer(attempt.id, &view.id, &answer, "sv")
                .unwrap();
            answered += 1;
        }
        let result = store.submit_attempt(attempt.id, "sv").unwrap();
        assert!(
            !result.to_review.iter().any(|id| {
                module.questions.iter().any(|q| {
                    &q.id == id
                        && matches!(
                            q.body,
                            QuestionBody::Ordering { .. } | QuestionBody::Matching { .. }
                        )
                })
            }),
            "module {}: an ordering or matching question answered by text must be fully right: {:?}",
            module.id,
            result.to_review
        );
    }
    assert!(
        answered >= 2,
        "the built-in course has ordering and matching questions to try"
    );
}

#[test]
fn a_role_play_run_keeps_its_choice_order_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, course) = store_with_course(dir.path());
    let module = course
        .modules
        .iter()
        .find(|m| !m.scenarios.is_empty())
        .unwrap();
    let scenario = &module.scenarios[0];
    let p = learner(&mut store, "Alva");
    let run = store
        .start_scenario(p, &course.id, &module.id, &scenario.id, "sv")
        .unwrap();
    let start = scenario.node(&scenario.start).unwrap();
    let mut shown: Vec<&str> = run.node.choices.iter().map(|c| c.id.as_str()).collect();
    let mut authored: Vec<&str> = start.choices.iter().map(|c| c.id.as_str()).collect();
    shown.sort_unstable();
    authored.sort_unstable();
    assert_eq!(
        shown, authored,
        "the start node shows each of its choices once"
    );
    drop(store);
    let mut store = Store::open(dir.path()).unwrap();
    let resumed = store
        .start_scenario(p, &course.id, &module.id, &scenario.id, "sv")
        .unwrap();
    assert!(
        resumed.resumed,
        "the unfinished run is resumed after a restart"
    );
    assert_eq!(
        resumed.node, run.node,
        "a resumed run shows its choices in the same order"
    );
}
