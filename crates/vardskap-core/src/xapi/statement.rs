//! xAPI 1.0.3 statements for the learner's events, built as JSON and
//! serialized once. docs/xapi.md is the profile: every verb, activity type
//! and extension used here, with an example of each statement.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::content::{
    Choice, Course, EndingKind, Lesson, Module, Node, Question, QuestionBody, Scenario, Text,
};
use crate::quiz::Answer;

/// The namespace of Värdskap's activity ids, activity types and extensions.
/// An IRI here names something; it need not resolve.
pub const IRI_BASE: &str = "https://id.vardskap.app/xapi";

/// ADL and community verbs, with their display names.
pub mod verbs {
    pub const EXPERIENCED: (&str, &str, &str) = (
        "http://adlnet.gov/expapi/verbs/experienced",
        "experienced",
        "upplevde",
    );
    pub const ANSWERED: (&str, &str, &str) = (
        "http://adlnet.gov/expapi/verbs/answered",
        "answered",
        "svarade",
    );
    pub const RESPONDED: (&str, &str, &str) = (
        "http://adlnet.gov/expapi/verbs/responded",
        "responded",
        "valde",
    );
    pub const PASSED: (&str, &str, &str) =
        ("http://adlnet.gov/expapi/verbs/passed", "passed", "klarade");
    pub const FAILED: (&str, &str, &str) = (
        "http://adlnet.gov/expapi/verbs/failed",
        "failed",
        "klarade inte",
    );
    pub const COMPLETED: (&str, &str, &str) = (
        "http://adlnet.gov/expapi/verbs/completed",
        "completed",
        "slutförde",
    );
    pub const EARNED: (&str, &str, &str) =
        ("http://id.tincanapi.com/verb/earned", "earned", "fick");
}

/// Activity types.
pub mod types {
    pub const COURSE: &str = "http://adlnet.gov/expapi/activities/course";
    pub const MODULE: &str = "http://adlnet.gov/expapi/activities/module";
    pub const LESSON: &str = "http://adlnet.gov/expapi/activities/lesson";
    pub const ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";
    pub const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
    pub const SIMULATION: &str = "http://adlnet.gov/expapi/activities/simulation";
    pub const CLASS: &str = "http://id.tincanapi.com/activitytype/school-class";
    pub const CERTIFICATE: &str = "https://id.vardskap.app/xapi/activity-types/certificate";
}

/// Extensions.
pub mod extensions {
    /// cmi5's pass mark of an assessment, a share 0–1 (context extension).
    pub const MASTERY_SCORE: &str = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
    /// Role-play: points earned per competency id (result extension).
    pub const COMPETENCY_POINTS: &str = "https://id.vardskap.app/xapi/extensions/competency-points";
    /// Role-play: the ids of the critical choices made (result extension).
    pub const CRITICAL_CHOICES: &str = "https://id.vardskap.app/xapi/extensions/critical-choices";
    /// Role-play: the ending reached: good, mixed or poor (result extension).
    pub const ENDING: &str = "https://id.vardskap.app/xapi/extensions/ending";
    /// Role-play step: points this choice gave per competency (result extension).
    pub const CHOICE_POINTS: &str = "https://id.vardskap.app/xapi/extensions/choice-points";
    /// Final test: the grade (fail, pass, distinction) (result extension).
    pub const GRADE: &str = "https://id.vardskap.app/xapi/extensions/grade";
    /// Quiz and final test: the attempt a statement belongs to, a number
    /// unique per learner (context extension), so a class view can put an
    /// attempt's answers and result together.
    pub const ATTEMPT: &str = "https://id.vardskap.app/xapi/extensions/attempt";
}

/// The longest free-text response kept in a statement (characters).
const MAX_RESPONSE_CHARS: usize = 1_000;

/// Stable activity ids under the course's IRI.
pub struct Iris<'a> {
    pub course: &'a str,
}

impl Iris<'_> {
    pub fn course(&self) -> String {
        format!("{IRI_BASE}/courses/{}", enc(self.course))
    }
    pub fn module(&self, module: &str) -> String {
        format!("{}/modules/{}", self.course(), enc(module))
    }
    pub fn lesson(&self, module: &str, lesson: &str) -> String {
        format!("{}/lessons/{}", self.module(module), enc(lesson))
    }
    pub fn quiz(&self, module: &str) -> String {
        format!("{}/quiz", self.module(module))
    }
    pub fn question(&self, module: &str, question: &str) -> String {
        format!("{}/questions/{}", self.module(module), enc(question))
    }
    pub fn final_test(&self) -> String {
        format!("{}/final-test", self.course())
    }
    pub fn final_question(&self, module: &str, question: &str) -> String {
        format!(
            "{}/questions/{}/{}",
            self.final_test(),
            enc(module),
            enc(question)
        )
    }
    pub fn scenario(&self, module: &str, scenario: &str) -> String {
        format!("{}/scenarios/{}", self.module(module), enc(scenario))
    }
    pub fn node(&self, module: &str, scenario: &str, node: &str) -> String {
        format!("{}/nodes/{}", self.scenario(module, scenario), enc(node))
    }
    pub fn certificate(&self) -> String {
        format!("{}/certificate", self.course())
    }
}

/// The class's activity id (a grouping of every statement its learners send).
pub fn class_iri(class_id: &str) -> String {
    format!("{IRI_BASE}/classes/{}", enc(class_id))
}

/// Ids are slugs already; anything else is percent-encoded so an id stays one segment.
fn enc(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC)
        .to_string()
        .replace("%2D", "-")
        .replace("%5F", "_")
        .replace("%2E", ".")
}

/// Who the statements are about, and in which class.
pub struct Who<'a> {
    /// The profile's UUID: the account name.
    pub account: &'a str,
    /// The class's homePage: the account's system.
    pub home_page: &'a str,
    /// Display name or pseudonym, as the learner chose.
    pub name: &'a str,
    pub class_id: &'a str,
    pub class_name: &'a str,
    pub registration: &'a str,
}

/// One event of a learner's, as statements see it.
pub enum Event<'a> {
    LessonRead {
        module: &'a Module,
        lesson: &'a Lesson,
    },
    /// A graded answer; `module` is the question's module (in the final
    /// test, the module a bank question came from).
    Answered {
        module: &'a Module,
        question: &'a Question,
        answer: &'a Answer,
        score: f64,
        max: f64,
        final_test: bool,
        attempt: i64,
    },
    QuizFinished {
        module: &'a Module,
        attempt: i64,
        score: f64,
        max: f64,
        pass_mark: f64,
        passed: bool,
    },
    FinalTestFinished {
        attempt: i64,
        score: f64,
        max: f64,
        pass_mark: f64,
        passed: bool,
        grade: &'a str,
    },
    ScenarioStep {
        module: &'a Module,
        scenario: &'a Scenario,
        node: &'a Node,
        choice: &'a Choice,
    },
    ScenarioEnded {
        module: &'a Module,
        scenario: &'a Scenario,
        ending: EndingKind,
        passed: bool,
        points: &'a BTreeMap<String, f64>,
        earned: f64,
        best: f64,
        critical_choices: Vec<String>,
    },
    CertificateEarned,
}

/// A statement made for an event: its id, verb and activity (for the
/// learner's list of what waits) and its JSON, serialized once.
#[derive(Debug, Clone, PartialEq)]
pub struct Made {
    pub id: String,
    pub verb: &'static str,
    pub activity: String,
    pub body: String,
}

/// The statements of `event` (one or two), with ids `ids()` and timestamp `timestamp` (RFC 3339).
pub fn statements(
    course: &Course,
    who: &Who<'_>,
    event: &Event<'_>,
    lang: &str,
    timestamp: &str,
    mut new_id: impl FnMut() -> String,
) -> Vec<Made> {
    let iris = Iris { course: &course.id };
    let mut out = Vec::with_capacity(2);
    let mut push = |verb: (&'static str, &'static str, &'static str),
                    object: Value,
                    name: String,
                    result: Option<Value>,
                    parents: Vec<Value>,
                    extensions: Option<Value>| {
        let id = new_id();
        let mut statement = Map::new();
        statement.insert("id".into(), json!(id));
        statement.insert("actor".into(), actor(who));
        statement.insert(
            "verb".into(),
            json!({ "id": verb.0, "display": { "en": verb.1, "sv": verb.2 } }),
        );
        statement.insert("object".into(), object);
        if let Some(result) = result {
            statement.insert("result".into(), result);
        }
        let mut context = Map::new();
        context.insert("registration".into(), json!(who.registration));
        context.insert("platform".into(), json!("Värdskap"));
        context.insert("language".into(), json!(lang));
        let mut grouping = vec![activity(&iris.course(), types::COURSE, &course.title)];
        grouping.push(json!({
            "objectType": "Activity",
            "id": class_iri(who.class_id),
            "definition": { "type": types::CLASS, "name": { "und": who.class_name } }
        }));
        let mut activities = Map::new();
        if !parents.is_empty() {
            activities.insert("parent".into(), Value::Array(parents));
        }
        activities.insert("grouping".into(), Value::Array(grouping));
        context.insert("contextActivities".into(), Value::Object(activities));
        if let Some(extensions) = extensions {
            context.insert("extensions".into(), extensions);
        }
        statement.insert("context".into(), Value::Object(context));
        statement.insert("timestamp".into(), json!(timestamp));
        let body = Value::Object(statement).to_string();
        out.push(Made {
            id,
            verb: verb.1,
            activity: name,
            body,
        });
    };
    let module_activity = |m: &Module| activity(&iris.module(&m.id), types::MODULE, &m.title);
    match event {
        Event::LessonRead { module, lesson } => push(
            verbs::EXPERIENCED,
            activity(
                &iris.lesson(&module.id, &lesson.id),
                types::LESSON,
                &lesson.title,
            ),
            lesson.title.get(lang).to_string(),
            None,
            vec![module_activity(module)],
            None,
        ),
        Event::Answered {
            module,
            question,
            answer,
            score,
            max,
            final_test,
            attempt,
        } => {
            let (id, parents) = if *final_test {
                (
                    iris.final_question(&module.id, &question.id),
                    vec![activity(
                        &iris.final_test(),
                        types::ASSESSMENT,
                        &course.title,
                    )],
                )
            } else {
                (
                    iris.question(&module.id, &question.id),
                    vec![
                        activity(&iris.quiz(&module.id), types::ASSESSMENT, &module.title),
                        module_activity(module),
                    ],
                )
            };
            push(
                verbs::ANSWERED,
                interaction(&id, question, lang),
                question.prompt.get(lang).to_string(),
                Some(json!({
                    "success": *score >= *max && *max > 0.0,
                    "response": response(question, answer),
                    "score": score_of(*score, *max),
                })),
                parents,
                Some(json!({ extensions::ATTEMPT: attempt })),
            );
        }
        Event::QuizFinished {
            module,
            attempt,
            score,
            max,
            pass_mark,
            passed,
        } => {
            let object = activity(&iris.quiz(&module.id), types::ASSESSMENT, &module.title);
            let name = module.title.get(lang).to_string();
            let extensions =
                json!({ extensions::MASTERY_SCORE: pass_mark, extensions::ATTEMPT: attempt });
            let verb = if *passed {
                verbs::PASSED
            } else {
                verbs::FAILED
            };
            let result = json!({
                "success": passed, "completion": true, "score": score_of(*score, *max)
            });
            push(
                verb,
                object.clone(),
                name.clone(),
                Some(result.clone()),
                vec![module_activity(module)],
                Some(extensions.clone()),
            );
            push(
                verbs::COMPLETED,
                object,
                name,
                Some(result),
                vec![module_activity(module)],
                Some(extensions),
            );
        }
        Event::FinalTestFinished {
            attempt,
            score,
            max,
            pass_mark,
            passed,
            grade,
        } => {
            let object = activity(&iris.final_test(), types::ASSESSMENT, &course.title);
            let name = course.title.get(lang).to_string();
            let extensions =
                json!({ extensions::MASTERY_SCORE: pass_mark, extensions::ATTEMPT: attempt });
            let verb = if *passed {
                verbs::PASSED
            } else {
                verbs::FAILED
            };
            let result = json!({
                "success": passed, "completion": true, "score": score_of(*score, *max),
                "extensions": { extensions::GRADE: grade }
            });
            push(
                verb,
                object.clone(),
                name.clone(),
                Some(result.clone()),
                vec![],
                Some(extensions.clone()),
            );
            push(
                verbs::COMPLETED,
                object,
                name,
                Some(result),
                vec![],
                Some(extensions),
            );
        }
        Event::ScenarioStep {
            module,
            scenario,
            node,
            choice,
        } => {
            let id = iris.node(&module.id, &scenario.id, &node.id);
            let object = json!({
                "objectType": "Activity",
                "id": id,
                "definition": {
                    "type": types::INTERACTION,
                    "name": lang_map(&scenario.title),
                    "description": lang_map(&node.text),
                    "interactionType": "choice",
                    "choices": node.choices.iter().map(|c| json!({
                        "id": c.id, "description": lang_map(&c.text)
                    })).collect::<Vec<_>>(),
                }
            });
            push(
                verbs::RESPONDED,
                object,
                scenario.title.get(lang).to_string(),
                Some(json!({
                    "response": choice.id,
                    "extensions": {
                        extensions::CHOICE_POINTS: choice.points,
                        extensions::CRITICAL_CHOICES:
                            if choice.critical { vec![choice.id.clone()] } else { vec![] },
                    }
                })),
                vec![
                    activity(
                        &iris.scenario(&module.id, &scenario.id),
                        types::SIMULATION,
                        &scenario.title,
                    ),
                    module_activity(module),
                ],
                None,
            );
        }
        Event::ScenarioEnded {
            module,
            scenario,
            ending,
            passed,
            points,
            earned,
            best,
            critical_choices,
        } => {
            let object = activity(
                &iris.scenario(&module.id, &scenario.id),
                types::SIMULATION,
                &scenario.title,
            );
            let name = scenario.title.get(lang).to_string();
            let ending = match ending {
                EndingKind::Good => "good",
                EndingKind::Mixed => "mixed",
                EndingKind::Poor => "poor",
            };
            let result = json!({
                "success": passed,
                "completion": true,
                "score": score_of(*earned, *best),
                "extensions": {
                    extensions::COMPETENCY_POINTS: points,
                    extensions::CRITICAL_CHOICES: critical_choices,
                    extensions::ENDING: ending,
                }
            });
            let verb = if *passed {
                verbs::PASSED
            } else {
                verbs::FAILED
            };
            push(
                verbs::COMPLETED,
                object.clone(),
                name.clone(),
                Some(result.clone()),
                vec![module_activity(module)],
                None,
            );
            push(
                verb,
                object,
                name,
                Some(result),
                vec![module_activity(module)],
                None,
            );
        }
        Event::CertificateEarned => push(
            verbs::EARNED,
            activity(&iris.certificate(), types::CERTIFICATE, &course.title),
            course.title.get(lang).to_string(),
            Some(json!({ "success": true, "completion": true })),
            vec![],
            None,
        ),
    }
    out
}

fn actor(who: &Who<'_>) -> Value {
    json!({
        "objectType": "Agent",
        "name": who.name,
        "account": { "homePage": who.home_page, "name": who.account },
    })
}

/// An xAPI language map from a course text (its keys are the course's
/// language tags, `sv` and `en`).
fn lang_map(text: &Text) -> Value {
    let map: Map<String, Value> = text
        .0
        .iter()
        .filter(|(_, s)| !s.is_empty())
        .map(|(lang, s)| (lang.clone(), Value::String(s.clone())))
        .collect();
    if map.is_empty() {
        json!({ "und": "-" })
    } else {
        Value::Object(map)
    }
}

fn activity(id: &str, kind: &str, name: &Text) -> Value {
    json!({
        "objectType": "Activity",
        "id": id,
        "definition": { "type": kind, "name": lang_map(name) },
    })
}

/// A score object: raw, min 0, max, and scaled clamped to xAPI's −1…1.
fn score_of(score: f64, max: f64) -> Value {
    let scaled = if max > 0.0 {
        (score / max).clamp(-1.0, 1.0)
    } else {
        0.0
    };
    // Four decimals: a share, not a float's noise.
    let scaled = (scaled * 10_000.0).round() / 10_000.0;
    if max > 0.0 && score >= 0.0 {
        json!({ "raw": score, "min": 0.0, "max": max, "scaled": scaled })
    } else {
        json!({ "scaled": scaled })
    }
}

/// A question as a cmi.interaction activity, with its correct response
/// pattern (sent only once the learner's answer is graded).
fn interaction(id: &str, question: &Question, lang: &str) -> Value {
    let mut definition = Map::new();
    definition.insert("type".into(), json!(types::INTERACTION));
    definition.insert("name".into(), lang_map(&question.prompt));
    let options = |options: &[crate::content::AnswerOption]| {
        options
            .iter()
            .map(|o| json!({ "id": o.id, "description": lang_map(&o.text) }))
            .collect::<Vec<_>>()
    };
    let (kind, pattern): (&str, Vec<String>) = match &question.body {
        QuestionBody::Single { options: opts } => {
            definition.insert("choices".into(), Value::Array(options(opts)));
            (
                "choice",
                opts.iter()
                    .filter(|o| o.correct)
                    .map(|o| o.id.clone())
                    .collect(),
            )
        }
        QuestionBody::Multiple { options: opts } => {
            definition.insert("choices".into(), Value::Array(options(opts)));
            let right: Vec<&str> = opts
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.id.as_str())
                .collect();
            ("choice", vec![right.join("[,]")])
        }
        QuestionBody::TrueFalse { answer, .. } => ("true-false", vec![answer.to_string()]),
        QuestionBody::ShortText {
            accept,
            case_sensitive,
            ..
        } => (
            "fill-in",
            accept
                .get(lang)
                .or_else(|| accept.values().next())
                .map(|list| {
                    list.iter()
                        .map(|a| format!("{{case_matters={case_sensitive}}}{a}"))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        QuestionBody::Numeric {
            answer, tolerance, ..
        } => (
            "numeric",
            vec![format!("{}[:]{}", answer - tolerance, answer + tolerance)],
        ),
        QuestionBody::Ordering { items } => {
            definition.insert(
                "choices".into(),
                Value::Array(
                    items
                        .iter()
                        .map(|i| json!({ "id": i.id, "description": lang_map(&i.text) }))
                        .collect(),
                ),
            );
            let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
            ("sequencing", vec![ids.join("[,]")])
        }
        QuestionBody::Matching { pairs } => {
            definition.insert(
                "source".into(),
                Value::Array(
                    pairs
                        .iter()
                        .map(|p| json!({ "id": p.id, "description": lang_map(&p.left) }))
                        .collect(),
                ),
            );
            definition.insert(
                "target".into(),
                Value::Array(
                    pairs
                        .iter()
                        .map(|p| json!({ "id": p.id, "description": lang_map(&p.right) }))
                        .collect(),
                ),
            );
            let right: Vec<String> = pairs.iter().map(|p| format!("{0}[.]{0}", p.id)).collect();
            ("matching", vec![right.join("[,]")])
        }
    };
    definition.insert("interactionType".into(), json!(kind));
    if !pattern.is_empty() {
        definition.insert("correctResponsesPattern".into(), json!(pattern));
    }
    json!({ "objectType": "Activity", "id": id, "definition": Value::Object(definition) })
}

/// The learner's answer in the interaction type's response format.
fn response(question: &Question, answer: &Answer) -> String {
    let _ = question;
    match answer {
        Answer::Single { option } => option.clone(),
        Answer::Multiple { options } => options.join("[,]"),
        Answer::TrueFalse { value } => value.to_string(),
        Answer::ShortText { text } => text.chars().take(MAX_RESPONSE_CHARS).collect(),
        Answer::Numeric { value } => value.to_string(),
        Answer::Ordering { items } => items.join("[,]"),
        Answer::Matching { pairs } => pairs
            .iter()
            .map(|(left, right)| format!("{left}[.]{right}"))
            .collect::<Vec<_>>()
            .join("[,]"),
    }
}

/// Seconds since the epoch as an xAPI timestamp (RFC 3339, UTC, `Z`).
pub fn timestamp(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
