//! Counts of what a course holds, per module, and whether each declared
//! language is complete in it: what `vardskap-cli stats` prints.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Course, Module, QuestionBody, Text};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CourseStats {
    pub id: String,
    pub version: String,
    pub languages: Vec<String>,
    pub modules: Vec<ModuleStats>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModuleStats {
    pub id: String,
    pub dir: String,
    pub lessons: usize,
    /// Questions per kind (`single`, `numeric`, …); kinds with none are left out.
    pub questions: BTreeMap<String, usize>,
    pub scenarios: usize,
    /// For each declared language: every text, lesson and accepted-answer
    /// list of the module has it.
    pub languages_complete: BTreeMap<String, bool>,
}

pub fn course_stats(course: &Course) -> CourseStats {
    CourseStats {
        id: course.id.clone(),
        version: course.version.clone(),
        languages: course.languages.clone(),
        modules: course
            .modules
            .iter()
            .map(|m| module_stats(m, &course.languages))
            .collect(),
    }
}

fn module_stats(module: &Module, langs: &[String]) -> ModuleStats {
    let mut questions = BTreeMap::new();
    for q in &module.questions {
        *questions.entry(q.kind().as_str().to_string()).or_insert(0) += 1;
    }
    let texts = module_texts(module);
    let languages_complete = langs
        .iter()
        .map(|lang| {
            let texts_ok = texts
                .iter()
                .all(|t| t.0.get(lang).is_some_and(|s| !s.trim().is_empty()));
            let accept_ok = module.questions.iter().all(|q| match &q.body {
                QuestionBody::ShortText { accept, .. } => {
                    accept.get(lang).is_some_and(|a| !a.is_empty())
                }
                _ => true,
            });
            (lang.clone(), texts_ok && accept_ok)
        })
        .collect();
    ModuleStats {
        id: module.id.clone(),
        dir: module.dir.clone(),
        lessons: module.lessons.len(),
        questions,
        scenarios: module.scenarios.len(),
        languages_complete,
    }
}

/// Every localised text of a module.
fn module_texts(module: &Module) -> Vec<&Text> {
    let mut texts = vec![&module.title];
    texts.extend(&module.summary);
    for lesson in &module.lessons {
        texts.extend([&lesson.title, &lesson.markdown]);
    }
    for q in &module.questions {
        texts.extend([&q.prompt, &q.explanation]);
        match &q.body {
            QuestionBody::Single { options } | QuestionBody::Multiple { options } => {
                for o in options {
                    texts.push(&o.text);
                    texts.extend(&o.feedback);
                }
            }
            QuestionBody::TrueFalse {
                feedback_true,
                feedback_false,
                ..
            } => {
                texts.extend(feedback_true);
                texts.extend(feedback_false);
            }
            QuestionBody::ShortText { .. } => {}
            QuestionBody::Numeric { unit, .. } => texts.extend(unit),
            QuestionBody::Ordering { items } => texts.extend(items.iter().map(|i| &i.text)),
            QuestionBody::Matching { pairs } => {
                for p in pairs {
                    texts.extend([&p.left, &p.right]);
                }
            }
        }
    }
    for s in &module.scenarios {
        texts.push(&s.title);
        texts.extend(&s.intro);
        for n in &s.nodes {
            texts.push(&n.text);
            texts.extend(&n.speaker);
            texts.extend(n.ending.as_ref().map(|e| &e.debrief));
            for c in &n.choices {
                texts.extend([&c.text, &c.feedback]);
            }
        }
    }
    texts
}
