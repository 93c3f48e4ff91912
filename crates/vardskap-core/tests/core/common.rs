//! Small course builders shared by the integration tests.

use vardskap_core::content::{
    Competency, Course, FeedbackMode, Module, Question, QuestionBody, Text,
};

pub fn t(s: &str) -> Text {
    Text::from_pairs([("sv", s), ("en", s)])
}

pub fn numeric(id: &str) -> Question {
    Question {
        shuffle: true,
        id: id.into(),
        competency: "welcome".into(),
        points: 1.0,
        prompt: t(id),
        explanation: t("why"),
        body: QuestionBody::Numeric {
            answer: 1.0,
            tolerance: 0.0,
            unit: None,
        },
    }
}

/// Course `id` with one deferred module "m" of `questions` numeric questions.
pub fn numeric_course(id: &str, questions: usize) -> Course {
    Course {
        final_test: None,
        id: id.into(),
        version: "1.0.0".into(),
        languages: vec!["sv".into(), "en".into()],
        title: t("Course"),
        description: None,
        pass_mark: 0.8,
        competencies: vec![Competency {
            id: "welcome".into(),
            title: t("Welcome"),
            description: None,
        }],
        modules: vec![Module {
            outcomes: Vec::new(),
            id: "m".into(),
            dir: "01-m".into(),
            title: t("Module"),
            summary: None,
            feedback: FeedbackMode::Deferred,
            pass_mark: None,
            lessons: vec![],
            questions: (0..questions).map(|i| numeric(&format!("q{i}"))).collect(),
            scenarios: vec![],
        }],
    }
}
