//! Lesson Markdown to sanitised HTML, once, at load: pulldown-cmark (tables,
//! strikethrough, footnotes) and then ammonia with an explicit allow-list.
//! Images are resolved inside the course folder and rewritten to
//! `media://<course-relative path>`; the learner's view (`view.rs`) points
//! those at the shell's `vardskap-media` scheme, which serves the file from
//! the installed course's folder (`media.rs`). Whatever the
//! sanitiser would remove is also reported to the author, with its line.

use std::borrow::Cow;
use std::cell::RefCell;
use std::path::{Path, PathBuf};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::messages::{
    HTML_ATTRIBUTE, HTML_IMAGE, HTML_TAG, HTML_VALUE, IMAGE_MISSING, IMAGE_NO_ALT,
    IMAGE_NOT_RELATIVE, IMAGE_OUTSIDE, LESSON_NO_TITLE, LINK_HTTP, LINK_NOT_ALLOWED,
    NESTED_TOO_DEEP, SANITISED,
};
use super::source::{Report, SourceFile};
use crate::i18n::message;

/// The scheme of image sources in rendered lessons: `media://` followed by
/// the image's path relative to the course folder (URL-escaped).
pub const MEDIA_SCHEME: &str = "media://";

/// Tags a lesson may contain: what pulldown-cmark produces for our options
/// plus a few harmless inline tags authors write by hand.
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Attributes per tag; no tag has any other (no `style`, no `on…`).
const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "title"]),
    ("abbr", &["title"]),
    ("div", &["class", "id"]),
    ("img", &["src", "alt", "title"]),
    ("ol", &["start"]),
    ("sup", &["class"]),
    // A language change inside a lesson (an English title in Swedish text):
    // `<span lang="en">Moments of Truth</span>`, so a screen reader switches voice.
    ("span", &["lang"]),
];

/// Values of allowed attributes that are allowed too. The same rule drives
/// ammonia's filter and the author's diagnostics, so they cannot disagree.
fn value_allowed(tag: &str, attribute: &str, value: &str) -> bool {
    match (tag, attribute) {
        ("a", "href") => link_allowed(value),
        ("img", "src") => value.starts_with(MEDIA_SCHEME),
        ("div", "class") => value == "footnote-definition",
        ("sup", "class") => value == "footnote-reference" || value == "footnote-definition-label",
        ("div", "id") => value.starts_with(FOOTNOTE_PREFIX),
        ("ol", "start") => !value.is_empty() && value.chars().all(|c| c.is_ascii_digit()),
        ("span", "lang") => language_tag(value),
        _ => true,
    }
}

/// A BCP 47 language tag as authors write one: `en`, `sv`, `en-GB`, `se`.
fn language_tag(value: &str) -> bool {
    let mut parts = value.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Footnote ids get a prefix so author labels cannot clash with the app's ids.
const FOOTNOTE_PREFIX: &str = "fn-";

fn link_allowed(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("mailto:") || lower.starts_with('#')
}

/// Relative URLs: only `#anchors` (footnotes) stay; images were made absolute.
fn anchors_only(url: &str) -> Option<Cow<'_, str>> {
    url.starts_with('#').then_some(Cow::Borrowed(url))
}

fn attribute_allowed(tag: &str, attribute: &str) -> bool {
    TAG_ATTRIBUTES
        .iter()
        .any(|(t, attrs)| *t == tag && attrs.contains(&attribute))
}

/// The configured ammonia cleaner; build once per load and reuse.
pub(crate) struct Sanitiser {
    cleaner: ammonia::Builder<'static>,
}

impl Sanitiser {
    pub fn new() -> Self {
        let mut cleaner = ammonia::Builder::empty();
        cleaner
            .tags(TAGS.iter().copied().collect())
            .tag_attributes(
                TAG_ATTRIBUTES
                    .iter()
                    .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
                    .collect(),
            )
            .url_schemes(
                ["https", "mailto", MEDIA_SCHEME.trim_end_matches("://")]
                    .into_iter()
                    .collect(),
            )
            .url_relative(ammonia::UrlRelative::Custom(Box::new(anchors_only)))
            .link_rel(None)
            .strip_comments(true)
            .attribute_filter(|tag, attribute, value| {
                value_allowed(tag, attribute, value).then_some(value.into())
            });
        Sanitiser { cleaner }
    }

    pub fn clean(&self, html: &str) -> String {
        self.cleaner.clean(html).to_string()
    }
}

impl Default for Sanitiser {
    fn default() -> Self {
        Self::new()
    }
}

/// Renders Markdown that is not a lesson file (no title, no images), e.g. a
/// preview: pulldown-cmark, then the same sanitiser as lessons.
pub fn markdown_to_html(markdown: &str) -> String {
    let sanitiser = Sanitiser::new();
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        Parser::new_ext(markdown, options()).map(normalise),
    );
    sanitiser.clean(&html)
}

/// A rendered lesson file.
pub(crate) struct LessonPage {
    /// From the `# ` heading on the first line; `None` when there is none.
    pub title: Option<String>,
    /// Sanitised HTML of everything after the title.
    pub html: String,
}

/// Where lesson images may come from.
pub(crate) struct MediaRoot {
    pub dir: PathBuf,
    /// The course folder with symlinks resolved, to refuse links that leave it.
    canonical: Option<PathBuf>,
}

impl MediaRoot {
    pub fn new(dir: &Path) -> Self {
        MediaRoot {
            dir: dir.to_path_buf(),
            canonical: dir.canonicalize().ok(),
        }
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// Rewrites that keep pulldown-cmark's output inside the allow-list:
/// table alignment would be a `style`, code languages a class, and footnote
/// labels become prefixed ids.
fn normalise(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Start(Tag::Table(aligns)) => Event::Start(Tag::Table(vec![
                pulldown_cmark::Alignment::None;
                aligns.len()
            ])),
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced("".into())))
        }
        Event::FootnoteReference(label) => {
            Event::FootnoteReference(format!("{FOOTNOTE_PREFIX}{label}").into())
        }
        Event::Start(Tag::FootnoteDefinition(label)) => Event::Start(Tag::FootnoteDefinition(
            format!("{FOOTNOTE_PREFIX}{label}").into(),
        )),
        other => other,
    }
}

/// The lesson's title: the first line, which must be `# Title`.
fn title(text: &str) -> Option<String> {
    let first = text.lines().next()?;
    let rest = first.strip_prefix("# ")?;
    let title = rest.trim().trim_end_matches('#').trim();
    (!title.is_empty()).then(|| title.to_string())
}

/// Renders one lesson file, reporting every problem in it: a missing title,
/// images that are missing, outside the course or without alt text, and raw
/// HTML or links that the sanitiser would change.
pub(crate) fn render_lesson(
    file: &SourceFile,
    media: &MediaRoot,
    sanitiser: &Sanitiser,
    report: &mut Report,
) -> LessonPage {
    let text = file.text.as_str();
    let title = title(text);
    if title.is_none() {
        report.error(file, 0, message!(LESSON_NO_TITLE));
    }
    let lesson_dir = file.path.rsplit_once('/').map(|(dir, _)| dir).unwrap_or("");
    let problems_before = report.diagnostics.len();

    let mut events = Vec::new();
    let mut skipping_title = false;
    let mut raw_block: Vec<(usize, String)> = Vec::new();
    let mut image: Option<(usize, String, String)> = None;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match &event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if range.start == 0 && title.is_some() => {
                skipping_title = true;
                continue;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if skipping_title => {
                skipping_title = false;
                continue;
            }
            _ if skipping_title => continue,
            Event::Html(html) => raw_block.push((range.start, html.to_string())),
            Event::End(TagEnd::HtmlBlock) => {
                check_raw_html(file, report, &std::mem::take(&mut raw_block))
            }
            Event::InlineHtml(html) => {
                check_raw_html(file, report, &[(range.start, html.to_string())])
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                check_link(file, report, range.start, dest_url)
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let src = resolve_image(file, report, media, lesson_dir, range.start, dest_url);
                image = Some((range.start, dest_url.to_string(), String::new()));
                if let Event::Start(Tag::Image {
                    link_type,
                    title,
                    id,
                    ..
                }) = event
                {
                    let dest_url = src
                        .map(|s| format!("{MEDIA_SCHEME}{s}"))
                        .unwrap_or_default()
                        .into();
                    events.push(Event::Start(Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
                continue;
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, alt)) = image.as_mut() {
                    alt.push_str(t);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((at, src, alt)) = image.take()
                    && alt.trim().is_empty()
                {
                    report.error(file, at, message!(IMAGE_NO_ALT, image = src));
                }
            }
            _ => {}
        }
        events.push(normalise(event));
    }
    if !raw_block.is_empty() {
        check_raw_html(file, report, &raw_block);
    }

    let mut rendered = String::new();
    pulldown_cmark::html::push_html(&mut rendered, events.into_iter());
    // The sanitiser's tree builder and its serialiser get slow (and deep) on
    // deeply nested elements; no lesson needs more than a few levels.
    if nesting_depth(&rendered) > MAX_NESTING {
        report.error(
            file,
            deep_nesting_at(text),
            message!(NESTED_TOO_DEEP, max = MAX_NESTING),
        );
        return LessonPage {
            title,
            html: String::new(),
        };
    }
    let html = sanitiser.clean(&rendered);
    // A safety net under the located checks: if the sanitiser still changed a
    // tag or attribute and nothing above said why, say so for the file.
    if report.diagnostics.len() == problems_before {
        let (mut before, mut after) = (start_tags(&rendered), start_tags(&html));
        before.sort();
        after.sort();
        if let Some(lost) = first_missing(&before, &after) {
            report.error(file, 0, message!(SANITISED, tag = &lost.0));
        }
    }
    LessonPage { title, html }
}

fn check_link(file: &SourceFile, report: &mut Report, at: usize, url: &str) {
    if link_allowed(url) {
        return;
    }
    let message = if url.to_ascii_lowercase().starts_with("http://") {
        message!(LINK_HTTP, url = url)
    } else {
        message!(LINK_NOT_ALLOWED, url = url)
    };
    report.error(file, at, message);
}

/// The image's course-relative path when it is a file inside the course.
fn resolve_image(
    file: &SourceFile,
    report: &mut Report,
    media: &MediaRoot,
    lesson_dir: &str,
    at: usize,
    url: &str,
) -> Option<String> {
    let has_scheme = url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if has_scheme || url.starts_with('/') || url.contains('\\') {
        report.error(file, at, message!(IMAGE_NOT_RELATIVE, image = url));
        return None;
    }
    let mut parts: Vec<&str> = lesson_dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in url.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    report.error(file, at, message!(IMAGE_OUTSIDE, image = url));
                    return None;
                }
            }
            _ => parts.push(part),
        }
    }
    let relative = parts.join("/");
    let path = media.dir.join(&relative);
    if !path.is_file() {
        report.error(file, at, message!(IMAGE_MISSING, file = &relative));
        return None;
    }
    // A symlink inside the course may still lead out of it.
    if let (Some(root), Ok(real)) = (&media.canonical, path.canonicalize())
        && !real.starts_with(root)
    {
        report.error(file, at, message!(IMAGE_OUTSIDE, image = url));
        return None;
    }
    Some(relative)
}

/// Reports every tag, attribute or value in raw HTML that the sanitiser
/// would remove. `pieces` are consecutive raw HTML events with their offsets.
fn check_raw_html(file: &SourceFile, report: &mut Report, pieces: &[(usize, String)]) {
    let mut joined = String::new();
    let mut starts = Vec::new();
    for (offset, piece) in pieces {
        starts.push((joined.len(), *offset));
        joined.push_str(piece);
    }
    // `starts` is sorted by its first field: a binary search keeps a block of
    // 100,000 lines linear-logarithmic rather than quadratic.
    let source_offset = |i: usize| {
        let (from, offset) = starts
            .get(
                starts
                    .partition_point(|(from, _)| *from <= i)
                    .saturating_sub(1),
            )
            .copied()
            .unwrap_or((0, 0));
        offset + (i - from)
    };
    let lower = joined.to_ascii_lowercase();
    let mut searched_from: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    for (name, attributes) in start_tags(&joined) {
        // Find this tag in the source: the next `<name` after the previous one.
        let from = searched_from.get(&name).copied().unwrap_or(0);
        let found = lower
            .get(from..)
            .and_then(|rest| rest.find(&format!("<{name}")))
            .map(|i| from + i);
        searched_from.insert(name.clone(), found.map(|i| i + 1).unwrap_or(from));
        let at = source_offset(found.unwrap_or(0));
        if !TAGS.contains(&name.as_str()) {
            report.error(file, at, message!(HTML_TAG, tag = &name));
            continue;
        }
        for (attribute, value) in attributes {
            if !attribute_allowed(&name, &attribute) {
                report.error(
                    file,
                    at,
                    message!(HTML_ATTRIBUTE, attribute = &attribute, tag = &name),
                );
            } else if !value_allowed(&name, &attribute, &value) {
                let message = match (name.as_str(), attribute.as_str()) {
                    ("a", "href") => message!(LINK_NOT_ALLOWED, url = &value),
                    ("img", _) => message!(HTML_IMAGE),
                    _ => message!(
                        HTML_VALUE,
                        value = &value,
                        attribute = &attribute,
                        tag = &name
                    ),
                };
                report.error(file, at, message);
            }
        }
    }
}

/// The deepest element nesting a lesson may have, Markdown and raw HTML together.
pub(crate) const MAX_NESTING: usize = 100;

/// Elements that never hold content, so they open no level.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// How deeply the elements of `html` nest, by one pass of the HTML tokenizer.
fn nesting_depth(html: &str) -> usize {
    let tokenizer = Tokenizer::new(DepthSink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.deepest.get()
}

#[derive(Default)]
struct DepthSink {
    depth: std::cell::Cell<usize>,
    deepest: std::cell::Cell<usize>,
}

impl TokenSink for DepthSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(tag) = token
            && !VOID.contains(&&*tag.name)
        {
            match tag.kind {
                TagKind::StartTag if !tag.self_closing => {
                    self.depth.set(self.depth.get() + 1);
                    self.deepest.set(self.deepest.get().max(self.depth.get()));
                }
                TagKind::EndTag => self.depth.set(self.depth.get().saturating_sub(1)),
                TagKind::StartTag => {}
            }
        }
        TokenSinkResult::Continue
    }
}

/// Where the source first nests too deeply, for the author: a rough count of
/// `<tag` and `</tag` and of `>` quote markers at line starts (HTML and
/// Markdown's usual ways to nest). The start of the file when neither explains it.
fn deep_nesting_at(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    for (i, pair) in bytes.windows(2).enumerate() {
        match pair {
            [b'<', b'/'] => depth = depth.saturating_sub(1),
            [b'<', c] if c.is_ascii_alphabetic() => depth += 1,
            _ => {}
        }
        if depth > MAX_NESTING {
            return i;
        }
    }
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let quotes = line
            .bytes()
            .take_while(|b| *b == b'>' || *b == b' ')
            .filter(|b| *b == b'>')
            .count();
        if quotes > MAX_NESTING / 2 {
            return line_start;
        }
        line_start += line.len();
    }
    0
}

type StartTag = (String, Vec<(String, String)>);

/// The first tag of sorted `before` that sorted `after` has none of: one
/// merge walk, linear in the number of tags (it was a scan per tag).
fn first_missing<'a>(before: &'a [StartTag], after: &[StartTag]) -> Option<&'a StartTag> {
    let mut rest = after.iter().peekable();
    for tag in before {
        while rest.next_if(|t| *t < tag).is_some() {}
        if rest.peek() != Some(&tag) {
            return Some(tag);
        }
    }
    None
}

/// Every start tag in `html` with its attributes (sorted, values decoded).
fn start_tags(html: &str) -> Vec<StartTag> {
    let tokenizer = Tokenizer::new(TagSink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.tags.into_inner()
}

#[derive(Default)]
struct TagSink {
    tags: RefCell<Vec<StartTag>>,
}

impl TokenSink for TagSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != TagKind::StartTag {
            return TokenSinkResult::Continue;
        }
        let name = tag.name.to_string();
        let mut attributes: Vec<(String, String)> = tag
            .attrs
            .iter()
            .map(|a| (a.name.local.to_string(), a.value.to_string()))
            .collect();
        attributes.sort();
        let next = match name.as_str() {
            // Their content is text, not tags, as a browser would read it.
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        };
        self.tags.borrow_mut().push((name, attributes));
        next
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// A course folder with one image, and a lesson rendered from `markdown`.
    fn render(markdown: &str) -> (LessonPage, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("modules/01-m/media")).unwrap();
        std::fs::write(dir.path().join("modules/01-m/media/entre.svg"), "<svg/>").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "x").unwrap();
        let file = SourceFile::new("modules/01-m/lessons/01-a.en.md", markdown.to_string());
        let mut report = Report::default();
        let page = render_lesson(
            &file,
            &MediaRoot::new(dir.path()),
            &Sanitiser::new(),
            &mut report,
        );
        (
            page,
            report.diagnostics.iter().map(ToString::to_string).collect(),
        )
    }

    const P: &str = "modules/01-m/lessons/01-a.en.md";

    #[test]
    fn dangerous_html_is_removed_and_each_removal_reported_with_its_line() {
        let markdown = "# Title\n\
            \n\
            <script>alert(1)</script>\n\
            \n\
            [click](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)\n\
            \n\
            <p onclick=\"steal()\">hi</p>\n\
            \n\
            <iframe src=\"https://evil.example\"></iframe>\n\
            \n\
            <form action=\"https://evil.example\"><input name=\"x\"></form>\n\
            \n\
            <style>body { display: none }</style>\n\
            \n\
            Text with <span style=\"color: red\">red</span> and <img src=\"x\" onerror=\"alert(1)\">.\n";
        let (page, problems) = render(markdown);
        for banned in [
            "<script",
            "alert",
            "javascript:",
            "data:",
            "onclick",
            "iframe",
            "<form",
            "<input",
            "<style",
            "style=",
            "onerror",
            "display",
        ] {
            assert!(
                !page.html.contains(banned),
                "`{banned}` must not survive sanitising: {}",
                page.html
            );
        }
        let want = [
            format!("{P}:3:1: raw HTML `<script>` is not allowed in lessons and would be removed"),
            format!(
                "{P}:5:1: link `javascript:alert(1)` is not allowed: links go to https:// pages, mailto: addresses or #anchors"
            ),
            format!(
                "{P}:5:34: link `data:text/html;base64,PHNjcmlwdD4=` is not allowed: links go to https:// pages, mailto: addresses or #anchors"
            ),
            format!(
                "{P}:7:1: attribute `onclick` on `<p>` is not allowed in lessons and would be removed"
            ),
            format!("{P}:9:1: raw HTML `<iframe>` is not allowed in lessons and would be removed"),
            format!("{P}:11:1: raw HTML `<form>` is not allowed in lessons and would be removed"),
            format!("{P}:11:37: raw HTML `<input>` is not allowed in lessons and would be removed"),
            format!("{P}:13:1: raw HTML `<style>` is not allowed in lessons and would be removed"),
            format!(
                "{P}:15:11: attribute `style` on `<span>` is not allowed in lessons and would be removed"
            ),
            format!(
                "{P}:15:51: attribute `onerror` on `<img>` is not allowed in lessons and would be removed"
            ),
            format!(
                "{P}:15:51: images in raw HTML are not supported; use Markdown: ![alt text](../media/file.svg)"
            ),
        ];
        assert_eq!(
            problems, want,
            "every removal is reported at the tag or link that causes it"
        );
    }

    #[test]
    fn a_language_change_is_kept_on_a_span() {
        let (page, problems) = render(
            "# T\n\nBoken kom på engelska som *<span lang=\"en\">Moments of Truth</span>*.\n",
        );
        assert_eq!(problems, Vec::<String>::new(), "lang on span is allowed");
        assert!(
            page.html
                .contains("<em><span lang=\"en\">Moments of Truth</span></em>"),
            "{}",
            page.html
        );
        let (page, problems) = render("# T\n\n<span lang=\"en x\" class=\"c\">text</span>\n");
        assert!(
            !page.html.contains("lang="),
            "not a language tag: {}",
            page.html
        );
        assert!(
            !page.html.contains("class="),
            "no other attribute on span: {}",
            page.html
        );
        assert_eq!(problems.len(), 2, "both are reported: {problems:?}");
        for tag in ["en", "sv", "en-GB", "se", "zh-Hant-TW"] {
            assert!(language_tag(tag), "{tag}");
        }
        for tag in ["", "e", "english", "en_GB", "en-", "\"en\"", "javascript:x"] {
            assert!(!language_tag(tag), "{tag}");
        }
    }

    #[test]
    fn ordinary_markdown_survives_sanitising() {
        let markdown = "# Välkommen\n\
            \n\
            ## Mål\n\
            \n\
            Some *emphasis*, **strong**, ~~gone~~ and `code`, a [link](https://www.boras.se) and a note.[^1]\n\
            \n\
            - one\n\
            - two\n\
            \n\
            3. three\n\
            \n\
            | a | b |\n\
            |:--|--:|\n\
            | 1 | 2 |\n\
            \n\
            ![The entrance](../media/entre.svg)\n\
            \n\
            [^1]: The footnote.\n";
        let (page, problems) = render(markdown);
        assert_eq!(
            problems,
            Vec::<String>::new(),
            "nothing in ordinary Markdown needs the sanitiser"
        );
        assert_eq!(
            page.title.as_deref(),
            Some("Välkommen"),
            "the first-line heading is the title"
        );
        assert!(
            !page.html.contains("<h1>"),
            "the title is not repeated in the body: {}",
            page.html
        );
        for kept in [
            "<h2>Mål</h2>",
            "<em>emphasis</em>",
            "<strong>strong</strong>",
            "<del>gone</del>",
            "<code>code</code>",
            "<a href=\"https://www.boras.se\">link</a>",
            "<li>one</li>",
            "<ol start=\"3\">",
            "<th>a</th>",
            "<td>2</td>",
            "<img src=\"media://modules/01-m/media/entre.svg\" alt=\"The entrance\">",
            "<sup class=\"footnote-reference\"><a href=\"#fn-1\">1</a></sup>",
            "<div class=\"footnote-definition\" id=\"fn-1\">",
        ] {
            assert!(
                page.html.contains(kept),
                "`{kept}` must survive sanitising: {}",
                page.html
            );
        }
    }

    #[test]
    fn images_must_exist_inside_the_course_and_have_alt_text() {
        let markdown = "# T\n\
            ![](../media/entre.svg)\n\
            ![Gone](../media/missing.png)\n\
            ![Root file](../../../secret.txt)\n\
            ![Far out](../../../../../etc/passwd)\n\
            ![Remote](https://example.com/a.png)\n";
        let (page, problems) = render(markdown);
        let want = [
            format!(
                "{P}:2:1: image `../media/entre.svg` has no alt text: describe it in the brackets, like ![The entrance](…)"
            ),
            format!("{P}:3:1: image file `modules/01-m/media/missing.png` does not exist"),
            format!("{P}:5:1: image `../../../../../etc/passwd` points outside the course folder"),
            format!(
                "{P}:6:1: image `https://example.com/a.png` must be a file in the course folder, written relative to the lesson with `/`, like ../media/entre.svg"
            ),
        ];
        assert_eq!(
            problems, want,
            "each image problem is reported where the image is"
        );
        assert!(
            page.html.contains("src=\"media://secret.txt\""),
            "a file inside the course folder resolves: {}",
            page.html
        );
        assert!(
            !page.html.contains("example.com"),
            "remote images are not loaded: {}",
            page.html
        );
    }

    #[test]
    fn a_lesson_without_a_title_line_is_reported() {
        let (page, problems) = render("Intro text\n# Late title\n");
        assert_eq!(
            page.title, None,
            "a heading that is not on the first line is not the title"
        );
        assert_eq!(
            problems,
            [format!(
                "{P}:1:1: a lesson starts with its title on the first line, like `# Vad är värdskap?`"
            )],
            "the missing title is reported at the first line"
        );
    }

    #[test]
    fn http_links_are_refused_and_mailto_kept() {
        let (page, problems) = render("# T\n\n[a](http://x.se) [b](mailto:info@boras.se)\n");
        assert_eq!(
            problems,
            [format!("{P}:3:1: link `http://x.se` must use https://")],
            "plain http is reported"
        );
        assert!(
            page.html.contains("href=\"mailto:info@boras.se\""),
            "mailto links survive: {}",
            page.html
        );
    }

    #[test]
    fn preview_rendering_is_sanitised_too() {
        let html = markdown_to_html("**hi** <script>x()</script> <a href=\"javascript:x()\">y</a>");
        assert!(
            html.contains("<strong>hi</strong>"),
            "Markdown is rendered: {html}"
        );
        assert!(
            !html.contains("script") && !html.contains("javascript"),
            "and sanitised: {html}"
        );
    }
}
