//! Counts of what a course holds, per module, whether each declared
//! language is complete in it, and where and how long the answer keys are
//! (a key that is usually first, or usually the longest, can be guessed):
//! what `vardskap-cli stats` prints.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{AnswerOption, Course, Module, Question, QuestionBody, Text};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CourseStats {
    pub id: String,
    pub version: String,
    pub languages: Vec<String>,
    pub modules: Vec<ModuleStats>,
    /// Key figures over every module's questions (not the final test's bank).
    pub keys: KeyStats,
}

/// Where the answer keys are and how long they are, in the author's order
/// (learners may see another order, but a pattern in the files is still a
/// pattern an author repeats).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyStats {
    pub single: KeyPositions,
    pub multiple: KeyPositions,
    /// Lengths in the course's first language.
    pub key_length: KeyLength,
    pub true_false: TrueFalseKeys,
}

/// Positions of the correct options of single- or multiple-choice questions.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyPositions {
    pub questions: usize,
    /// `atPosition[i]`: how many correct options are at position `i + 1`.
    pub at_position: Vec<usize>,
    /// Share of the questions with a correct option at position 1; none
    /// without questions.
    pub first_share: Option<f64>,
    /// Share of the questions whose correct options all come before every
    /// wrong one (for single choice: the key is first).
    pub keys_first_share: Option<f64>,
}

/// How long the keys of single-choice questions are next to their options.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyLength {
    /// The language the characters were counted in.
    pub lang: String,
    pub questions: usize,
    /// Share of questions whose key is a longest option (ties included).
    pub longest_share: Option<f64>,
    /// Share of questions whose key is longer than every other option.
    pub only_longest_share: Option<f64>,
    /// Mean key length divided by mean option length; 1 is no cue.
    pub key_to_option_ratio: Option<f64>,
}

/// The keys of true/false questions.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrueFalseKeys {
    pub questions: usize,
    #[serde(rename = "true")]
    pub true_keys: usize,
    #[serde(rename = "false")]
    pub false_keys: usize,
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
    pub keys: KeyStats,
}

pub fn course_stats(course: &Course) -> CourseStats {
    let lang = course.languages.first().map_or("", String::as_str);
    let all: Vec<&Question> = course.modules.iter().flat_map(|m| &m.questions).collect();
    CourseStats {
        keys: key_stats(&all, lang),
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
    let lang = langs.first().map_or("", String::as_str);
    let keys = key_stats(&module.questions.iter().collect::<Vec<_>>(), lang);
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
        keys,
    }
}

/// The key figures of `questions`, lengths counted in `lang`.
pub fn key_stats(questions: &[&Question], lang: &str) -> KeyStats {
    let mut single = Vec::new();
    let mut multiple = Vec::new();
    let mut true_false = TrueFalseKeys::default();
    for q in questions {
        match &q.body {
            QuestionBody::Single { options } => single.push(options.as_slice()),
            QuestionBody::Multiple { options } => multiple.push(options.as_slice()),
            QuestionBody::TrueFalse { answer, .. } => {
                true_false.questions += 1;
                if *answer {
                    true_false.true_keys += 1;
                } else {
                    true_false.false_keys += 1;
                }
            }
            _ => {}
        }
    }
    KeyStats {
        key_length: key_length(&single, lang),
        single: key_positions(&single),
        multiple: key_positions(&multiple),
        true_false,
    }
}

#[allow(clippy::cast_precision_loss)]
fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn key_positions(questions: &[&[AnswerOption]]) -> KeyPositions {
    let mut at_position = vec![0; questions.iter().map(|o| o.len()).max().unwrap_or(0)];
    let mut first = 0;
    let mut keys_first = 0;
    for options in questions {
        for (i, o) in options.iter().enumerate() {
            if o.correct {
                at_position[i] += 1;
            }
        }
        if options.first().is_some_and(|o| o.correct) {
            first += 1;
        }
        // Correct, then wrong: no correct option after the first wrong one.
        let wrong_at = options
            .iter()
            .position(|o| !o.correct)
            .unwrap_or(options.len());
        if options[wrong_at..].iter().all(|o| !o.correct) && wrong_at > 0 {
            keys_first += 1;
        }
    }
    KeyPositions {
        questions: questions.len(),
        at_position,
        first_share: share(first, questions.len()),
        keys_first_share: share(keys_first, questions.len()),
    }
}

fn key_length(questions: &[&[AnswerOption]], lang: &str) -> KeyLength {
    let length = |o: &AnswerOption| o.text.get(lang).trim().chars().count();
    let (mut longest, mut only_longest) = (0, 0);
    let (mut key_total, mut keys) = (0, 0);
    let (mut option_total, mut options_seen) = (0, 0);
    for options in questions {
        let Some(key) = options.iter().find(|o| o.correct) else {
            continue;
        };
        let key_len = length(key);
        let other_max = options
            .iter()
            .filter(|o| !std::ptr::eq(*o, key))
            .map(length)
            .max()
            .unwrap_or(0);
        if key_len >= other_max {
            longest += 1;
        }
        if key_len > other_max {
            only_longest += 1;
        }
        key_total += key_len;
        keys += 1;
        option_total += options.iter().map(length).sum::<usize>();
        options_seen += options.len();
    }
    let ratio = match (share(key_total, keys), share(option_total, options_seen)) {
        (Some(key_mean), Some(option_mean)) if option_mean > 0.0 => Some(key_mean / option_mean),
        _ => None,
    };
    KeyLength {
        lang: lang.to_string(),
        questions: questions.len(),
        longest_share: share(longest, questions.len()),
        only_longest_share: share(only_longest, questions.len()),
        key_to_option_ratio: ratio,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Text;

    fn option(id: &str, text: &str, correct: bool) -> AnswerOption {
        AnswerOption {
            id: id.into(),
            text: Text::from_pairs([("sv", text)]),
            correct,
            feedback: None,
        }
    }

    fn question(id: &str, body: QuestionBody) -> Question {
        Question {
            id: id.into(),
            competency: "c".into(),
            points: 1.0,
            prompt: Text::from_pairs([("sv", "?")]),
            explanation: Text::from_pairs([("sv", ".")]),
            shuffle: true,
            body,
        }
    }

    fn single(id: &str, options: &[(&str, bool)]) -> Question {
        let options = options
            .iter()
            .enumerate()
            .map(|(i, (text, correct))| option(&format!("o{i}"), text, *correct))
            .collect();
        question(id, QuestionBody::Single { options })
    }

    #[test]
    fn key_positions_count_where_the_keys_are() {
        let qs = [
            single(
                "a",
                &[("Långt rätt svar", true), ("Fel", false), ("Nej", false)],
            ),
            single("b", &[("Fel", false), ("Rätt", true), ("Nej", false)]),
            single("c", &[("Rätt", true), ("Fel svar", false)]),
        ];
        let refs: Vec<&Question> = qs.iter().collect();
        let keys = key_stats(&refs, "sv");
        assert_eq!(
            keys.single.at_position,
            vec![2, 1, 0],
            "two keys first, one second, none third"
        );
        assert_eq!(
            keys.single.first_share,
            Some(2.0 / 3.0),
            "two of three keys are first"
        );
        assert_eq!(
            keys.key_length.longest_share,
            Some(2.0 / 3.0),
            "the keys of a and b are longest, c's key is shorter than `Fel svar`"
        );
        assert_eq!(
            keys.key_length.only_longest_share,
            Some(2.0 / 3.0),
            "a and b's keys are strictly longer than their other options"
        );
        assert!(
            keys.key_length.key_to_option_ratio.is_some_and(|r| r > 1.0),
            "keys are longer than the average option: {:?}",
            keys.key_length.key_to_option_ratio
        );
    }

    #[test]
    fn multiple_choice_keys_before_the_wrong_ones_are_counted() {
        let before = question(
            "m1",
            QuestionBody::Multiple {
                options: vec![
                    option("a", "A", true),
                    option("b", "B", true),
                    option("c", "C", false),
                ],
            },
        );
        let mixed = question(
            "m2",
            QuestionBody::Multiple {
                options: vec![
                    option("a", "A", false),
                    option("b", "B", true),
                    option("c", "C", true),
                ],
            },
        );
        let keys = key_stats(&[&before, &mixed], "sv");
        assert_eq!(
            keys.multiple.at_position,
            vec![1, 2, 1],
            "correct options counted at each position"
        );
        assert_eq!(
            keys.multiple.keys_first_share,
            Some(0.5),
            "only m1 lists every correct option first"
        );
        assert_eq!(
            keys.multiple.first_share,
            Some(0.5),
            "only m1 has a correct option first"
        );
    }

    #[test]
    fn true_false_keys_are_counted_and_empty_shares_are_none() {
        let tf = |id: &str, answer| {
            question(
                id,
                QuestionBody::TrueFalse {
                    answer,
                    feedback_true: None,
                    feedback_false: None,
                },
            )
        };
        let qs = [tf("a", true), tf("b", false), tf("c", false)];
        let refs: Vec<&Question> = qs.iter().collect();
        let keys = key_stats(&refs, "sv");
        assert_eq!(
            (
                keys.true_false.questions,
                keys.true_false.true_keys,
                keys.true_false.false_keys
            ),
            (3, 1, 2),
            "one true and two false keys"
        );
        assert_eq!(
            keys.single.first_share, None,
            "no single-choice questions: no share, not 0"
        );
    }
}
