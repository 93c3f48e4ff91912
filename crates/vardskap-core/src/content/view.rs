//! What a learner sees of a course's structure and lessons, in one language:
//! the outline for the course home and a lesson whose images point at the
//! shell's media URLs. Nothing here carries an answer key.

use std::path::Path;

use serde::Serialize;

use super::markdown::{MediaRoot, Sanitiser, render_lesson};
use super::media::media_url;
use super::source::{Report, SourceFile};
use super::time::{lesson_minutes, module_minutes};
use super::{Course, FeedbackMode, Lesson, MEDIA_SCHEME, Module};
use crate::Result;
use crate::error::OrNotFound;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CourseOutline {
    pub id: String,
    pub version: String,
    pub title: String,
    pub description: Option<String>,
    pub languages: Vec<String>,
    pub competencies: Vec<CompetencyLink>,
    pub modules: Vec<ModuleOutline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CompetencyLink {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ModuleOutline {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub feedback: FeedbackMode,
    /// What a learner can do after the module, in the language asked.
    pub outcomes: Vec<String>,
    /// Estimated minutes for the whole module (see `content::time`).
    pub minutes: u32,
    pub lessons: Vec<LessonLink>,
    pub questions: u32,
    pub scenarios: Vec<ScenarioLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LessonLink {
    pub id: String,
    pub title: String,
    /// Reading minutes: the author's or estimated from the words.
    pub minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScenarioLink {
    pub id: String,
    pub title: String,
    /// How many endings of each kind; lets the home show "2 endings" without the graph.
    pub endings: u32,
}

/// A lesson ready to show: sanitised HTML whose images are URLs under the
/// media base the shell gave (the files are served, not inlined).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LessonView {
    pub module_id: String,
    pub module_title: String,
    pub id: String,
    pub title: String,
    pub html: String,
    /// 1-based position among the module's lessons, and their count.
    pub position: u32,
    pub count: u32,
    pub previous: Option<LessonLink>,
    pub next: Option<LessonLink>,
    /// The module's outcomes, shown as the module starts (on its first lesson).
    pub outcomes: Vec<String>,
}

pub fn course_outline(course: &Course, lang: &str) -> CourseOutline {
    CourseOutline {
        id: course.id.clone(),
        version: course.version.clone(),
        title: course.title.get(lang).to_string(),
        description: course.description.as_ref().map(|d| d.get(lang).to_string()),
        languages: course.languages.clone(),
        competencies: course
            .competencies
            .iter()
            .map(|c| CompetencyLink {
                id: c.id.clone(),
                title: c.title.get(lang).to_string(),
            })
            .collect(),
        modules: course
            .modules
            .iter()
            .map(|m| module_outline(m, lang))
            .collect(),
    }
}

fn module_outline(module: &Module, lang: &str) -> ModuleOutline {
    ModuleOutline {
        id: module.id.clone(),
        title: module.title.get(lang).to_string(),
        summary: module.summary.as_ref().map(|s| s.get(lang).to_string()),
        feedback: module.feedback,
        outcomes: module
            .outcomes
            .iter()
            .map(|o| o.get(lang).to_string())
            .collect(),
        minutes: module_minutes(module, lang),
        lessons: module
            .lessons
            .iter()
            .map(|l| lesson_link(l, lang))
            .collect(),
        questions: u32::try_from(module.questions.len()).unwrap_or(u32::MAX),
        scenarios: module
            .scenarios
            .iter()
            .map(|s| ScenarioLink {
                id: s.id.clone(),
                title: s.title.get(lang).to_string(),
                endings: u32::try_from(s.nodes.iter().filter(|n| n.ending.is_some()).count())
                    .unwrap_or(u32::MAX),
            })
            .collect(),
    }
}

/// The lesson `lesson_id` of `module_id`, each `media://<path>` image
/// source rewritten to `<media_base><path>` (see [`with_media_base`]);
/// without a base every image keeps only its alt text.
pub fn lesson_view(
    course: &Course,
    media_base: Option<&str>,
    module_id: &str,
    lesson_id: &str,
    lang: &str,
) -> Result<LessonView> {
    let module = course
        .modules
        .iter()
        .find(|m| m.id == module_id)
        .or_not_found("module", module_id)?;
    let index = module
        .lessons
        .iter()
        .position(|l| l.id == lesson_id)
        .or_not_found("lesson", lesson_id)?;
    let lesson = &module.lessons[index];
    let link = |i: usize| module.lessons.get(i).map(|l| lesson_link(l, lang));
    Ok(LessonView {
        module_id: module.id.clone(),
        module_title: module.title.get(lang).to_string(),
        id: lesson.id.clone(),
        title: lesson.title.get(lang).to_string(),
        html: with_media_base(lesson.html.get(lang), media_base),
        position: u32::try_from(index + 1).unwrap_or(u32::MAX),
        count: u32::try_from(module.lessons.len()).unwrap_or(u32::MAX),
        previous: index.checked_sub(1).and_then(link),
        next: link(index + 1),
        outcomes: module
            .outcomes
            .iter()
            .map(|o| o.get(lang).to_string())
            .collect(),
    })
}

fn lesson_link(lesson: &Lesson, lang: &str) -> LessonLink {
    LessonLink {
        id: lesson.id.clone(),
        title: lesson.title.get(lang).to_string(),
        minutes: lesson_minutes(lesson, lang),
    }
}

/// A lesson's Markdown as the learner will see it, before it is saved: the
/// title from its first line and the sanitised HTML, images resolved in the
/// course folder `course_dir` (paths relative to the lesson file of the
/// module folder `module_dir`, as in a saved lesson) and pointing under
/// `media_base`, as in [`lesson_view`].
pub fn lesson_preview(
    markdown: &str,
    module_dir: &str,
    course_dir: &Path,
    media_base: &str,
) -> (Option<String>, String) {
    let path = format!("{}/preview.md", super::layout::lessons_path(module_dir));
    let file = SourceFile::new(path, markdown.to_string());
    let page = render_lesson(
        &file,
        &MediaRoot::new(course_dir),
        &Sanitiser::new(),
        &mut Report::default(),
    );
    (page.title, with_media_base(&page.html, Some(media_base)))
}

/// Replaces each `src="media://<path>"` of sanitised HTML by
/// `src="<base><path>"`, the path checked and escaped again by
/// [`media_url`] and the base escaped for the attribute. The HTML grows by
/// the base's length per image, whatever the image's size. A refused path,
/// or any path when there is no base, leaves `src=""` and the alt text.
fn with_media_base(html: &str, base: Option<&str>) -> String {
    let needle = format!("src=\"{MEDIA_SCHEME}");
    let base = base.map(attribute_text);
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(&needle) {
        out.push_str(&rest[..at]);
        let after = &rest[at + needle.len()..];
        let Some(end) = after.find('"') else {
            out.push_str(&rest[at..]);
            return out;
        };
        // The sanitiser writes `&` in attributes as `&amp;`.
        let escaped = after[..end].replace("&amp;", "&");
        out.push_str("src=\"");
        if let Some(url) = base.as_deref().and_then(|b| media_url(b, &escaped)) {
            out.push_str(&url);
        }
        out.push('"');
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// `text` escaped for a double-quoted HTML attribute.
fn attribute_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::content::Text;

    fn builtin() -> Course {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        crate::content::load_course(&dir).unwrap()
    }

    #[test]
    fn outline_lists_every_module_lesson_and_scenario_in_the_language_asked() {
        let course = builtin();
        let sv = course_outline(&course, "sv");
        let en = course_outline(&course, "en");
        assert_eq!(
            sv.modules.len(),
            course.modules.len(),
            "every module is on the home"
        );
        assert_eq!(sv.title, "Gott värdskap i Borås", "the Swedish title");
        assert_eq!(en.title, "Good hosting in Borås", "the English title");
        for (m, o) in course.modules.iter().zip(&sv.modules) {
            assert_eq!(o.lessons.len(), m.lessons.len(), "lessons of {}", m.id);
            assert_eq!(
                o.scenarios.len(),
                m.scenarios.len(),
                "scenarios of {}",
                m.id
            );
        }
    }

    #[test]
    fn outline_carries_minutes_and_outcomes_in_the_language_asked() {
        let mut course = builtin();
        let module = &mut course.modules[0];
        module.outcomes = vec![
            Text::from_pairs([("sv", "hälsa en gäst välkommen"), ("en", "welcome a guest")]),
            Text::from_pairs([("sv", "förklara värdskap"), ("en", "explain hostmanship")]),
        ];
        module.lessons[0].minutes = Some(42);
        let sv = course_outline(&course, "sv");
        let en = course_outline(&course, "en");
        assert_eq!(
            sv.modules[0].outcomes,
            ["hälsa en gäst välkommen", "förklara värdskap"],
            "Swedish outcomes in order"
        );
        assert_eq!(
            en.modules[0].outcomes,
            ["welcome a guest", "explain hostmanship"],
            "English outcomes in order"
        );
        assert_eq!(
            sv.modules[0].lessons[0].minutes, 42,
            "the author's minutes are shown as they are"
        );
        let module = &course.modules[0];
        for (o, m) in sv.modules.iter().zip(&course.modules) {
            assert_eq!(
                o.minutes,
                module_minutes(m, "sv"),
                "{}: the module's time is the core's estimate",
                m.id
            );
            let lessons: u32 = o.lessons.iter().map(|l| l.minutes).sum();
            assert!(
                o.minutes >= lessons + u32::try_from(m.questions.len()).unwrap(),
                "{}: a module takes at least its lessons and a minute per question",
                m.id
            );
        }
        let second = module
            .lessons
            .get(1)
            .map(|l| l.id.clone())
            .unwrap_or_else(|| module.lessons[0].id.clone());
        let view = lesson_view(&course, None, &module.id, &second, "en").unwrap();
        assert_eq!(
            view.outcomes,
            ["welcome a guest", "explain hostmanship"],
            "the lesson view carries its module's outcomes"
        );
    }

    const BASE: &str = "vardskap-media://localhost/course/gott-vardskap-boras/";

    #[test]
    fn lesson_view_points_images_at_the_media_base_and_links_neighbours() {
        let course = builtin();
        let module = course
            .modules
            .iter()
            .find(|m| {
                m.lessons
                    .iter()
                    .any(|l| l.html.get("sv").contains(MEDIA_SCHEME))
            })
            .expect("the built-in course has a lesson with an image");
        let lesson = module
            .lessons
            .iter()
            .find(|l| l.html.get("sv").contains(MEDIA_SCHEME))
            .unwrap();
        let view = lesson_view(&course, Some(BASE), &module.id, &lesson.id, "sv").unwrap();
        assert!(
            !view.html.contains(&format!("src=\"{MEDIA_SCHEME}")),
            "every media:// source is replaced"
        );
        assert!(
            view.html
                .contains(&format!("src=\"{BASE}modules/{}/", module.dir)),
            "the image is a URL under the base, by its course-relative path: {}",
            view.html
        );
        assert!(!view.html.contains("data:"), "nothing is inlined");
        let first =
            lesson_view(&course, Some(BASE), &module.id, &module.lessons[0].id, "sv").unwrap();
        assert!(
            first.previous.is_none(),
            "the first lesson has no previous one"
        );
        assert_eq!(first.position, 1, "positions are 1-based");
        let without_base = lesson_view(&course, None, &module.id, &lesson.id, "sv").unwrap();
        assert!(
            without_base.html.contains("src=\"\""),
            "without a base the image keeps only its alt text"
        );
        assert!(without_base.html.contains("alt=\""), "and its alt text");
    }

    #[test]
    fn unknown_ids_and_escaping_paths_are_refused() {
        let course = builtin();
        let err = lesson_view(&course, None, "no-such-module", "x", "sv").unwrap_err();
        assert!(
            err.to_string().contains("no-such-module"),
            "names the missing module: {err}"
        );
        let html = "<p><img src=\"media://..%2FCargo.toml\" alt=\"a\"><img src=\"media://a/../b.png\" alt=\"b\">\
                    <img src=\"media://Cargo.toml\" alt=\"c\"><img src=\"media://a//b.png\" alt=\"d\"></p>";
        assert_eq!(
            with_media_base(html, Some(BASE)),
            "<p><img src=\"\" alt=\"a\"><img src=\"\" alt=\"b\"><img src=\"\" alt=\"c\"><img src=\"\" alt=\"d\"></p>",
            "paths out of the course, empty segments and non-images lose their source and keep their alt text"
        );
    }

    #[test]
    fn sources_are_escaped_for_the_attribute() {
        let html = "<img src=\"media://m/x&amp;y%22%3E%3Cscript%3E.png\" alt=\"a\">";
        assert_eq!(
            with_media_base(html, Some("b/\"><x>&")),
            "<img src=\"b/&quot;&gt;&lt;x&gt;&amp;m/x%26y%22%3E%3Cscript%3E.png\" alt=\"a\">",
            "neither the base nor the path can close the attribute"
        );
    }

    #[test]
    fn the_html_does_not_grow_with_the_image() {
        let html = "<img src=\"media://m/a.png\" alt=\"a\">".repeat(300);
        let out = with_media_base(&html, Some(BASE));
        assert_eq!(
            out.matches(BASE).count(),
            300,
            "every reference is rewritten"
        );
        assert_eq!(
            out.len(),
            html.len() + 300 * (BASE.len() - MEDIA_SCHEME.len()),
            "each reference grows by the base alone, not by the file"
        );
    }
}
