//! Turns a piece of GIFT text (question, answer or feedback, in any of
//! Moodle's text formats) into the plain text our prompts hold. Anything
//! HTML-like goes through ammonia first, so no markup survives.

use std::collections::HashSet;

/// GIFT's escaped characters, held as private-use placeholders while the
/// question is split on its unescaped control characters.
const ESCAPES: [(char, char); 8] = [
    ('\\', '\u{E000}'),
    ('~', '\u{E001}'),
    ('=', '\u{E002}'),
    ('#', '\u{E003}'),
    ('{', '\u{E004}'),
    ('}', '\u{E005}'),
    (':', '\u{E006}'),
    ('n', '\u{E007}'),
];

/// The placeholder for an escaped character after a backslash, if GIFT
/// escapes it (`\n` is a line break, the others are themselves).
pub(crate) fn placeholder(escaped: char) -> Option<char> {
    ESCAPES.iter().find(|(c, _)| *c == escaped).map(|(_, p)| *p)
}

const NEWLINE_PLACEHOLDER: char = '\u{E007}';

/// Moodle's text formats, picked by a leading `[html]`, `[moodle]`,
/// `[plain]` or `[markdown]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// Moodle's own: HTML allowed, line breaks kept. The default.
    Moodle,
    Html,
    Plain,
    Markdown,
}

/// Splits a leading format marker off `text` (already trimmed). An unknown
/// marker is left in the text, as Moodle does.
pub(crate) fn split_format(text: &str, default: Format) -> (Format, &str) {
    let Some(rest) = text.strip_prefix('[') else {
        return (default, text);
    };
    let Some(end) = rest.find(']') else {
        return (default, text);
    };
    let format = match &rest[..end] {
        "html" => Format::Html,
        "moodle" => Format::Moodle,
        "plain" => Format::Plain,
        "markdown" => Format::Markdown,
        _ => return (default, text),
    };
    (format, rest[end + 1..].trim())
}

/// What [`to_plain`] made of a piece of text.
pub(crate) struct Plain {
    pub text: String,
    /// The text linked to or embedded media, which a plain prompt cannot show.
    pub lost_media: bool,
}

/// Plain text for `text` (placeholders still in) written in `format`.
pub(crate) fn to_plain(text: &str, format: Format) -> Plain {
    match format {
        Format::Plain => Plain {
            text: tidy_lines(&restore(text, "\n")),
            lost_media: false,
        },
        Format::Html => from_html(&restore(text, "<br>")),
        // Moodle and Markdown text show line breaks where the author made them.
        Format::Moodle | Format::Markdown => {
            from_html(&restore(text, "<br>").replace('\n', "<br>"))
        }
    }
}

/// Puts the escaped characters back; `newline` stands for `\n`.
pub(crate) fn restore(text: &str, newline: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == NEWLINE_PLACEHOLDER {
            out.push_str(newline);
        } else if let Some((original, _)) = ESCAPES.iter().find(|(_, p)| *p == c) {
            out.push(*original);
        } else {
            out.push(c);
        }
    }
    out
}

/// Block-level tags become line breaks; every other tag goes, with the
/// contents of scripts and styles.
const BREAKING_TAGS: [&str; 16] = [
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

const MEDIA_TAGS: [&str; 8] = [
    "<img", "<a ", "<audio", "<video", "<object", "<embed", "<iframe", "<source",
];

fn from_html(html: &str) -> Plain {
    let lower = html.to_ascii_lowercase();
    let lost_media = MEDIA_TAGS.iter().any(|tag| lower.contains(tag));
    let cleaned = ammonia::Builder::empty()
        .add_tags(BREAKING_TAGS)
        .clean_content_tags(HashSet::from(["script", "style", "title", "noscript"]))
        .clean(html)
        .to_string();
    // ammonia's output escapes every `<` of the text, so each `<` left opens
    // one of the bare tags allowed above.
    let mut out = String::new();
    let mut rest = cleaned.as_str();
    while let Some(open) = rest.find('<') {
        push_text(&mut out, &rest[..open]);
        out.push('\n');
        rest = match rest[open..].find('>') {
            Some(close) => &rest[open + close + 1..],
            None => "",
        };
    }
    push_text(&mut out, rest);
    Plain {
        text: tidy_lines(&out),
        lost_media,
    }
}

/// Decodes entities and collapses white space as a browser would.
fn push_text(out: &mut String, html_text: &str) {
    let decoded = html_escape::decode_html_entities(html_text);
    let mut last_space = out.ends_with(' ');
    for c in decoded.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
}

/// Trims every line and keeps at most one empty line between paragraphs.
fn tidy_lines(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_loses_every_tag_and_script_body_but_keeps_readable_text() {
        let html = "<p>Hello <b>there</b> &amp; <i>welcome</i></p><script>alert('x')</script>\
                    <img src=x onerror=alert(1)><p>Second&nbsp;line &lt;3</p>";
        let plain = to_plain(html, Format::Html);
        assert_eq!(
            plain.text, "Hello there & welcome\n\nSecond line <3",
            "tags go, entities decode, paragraphs stay apart"
        );
        assert!(
            plain.lost_media,
            "an <img> cannot be shown in a plain prompt, so the author is told"
        );
    }

    #[test]
    fn html_source_line_breaks_are_only_white_space() {
        let plain = to_plain("one\ntwo<br/>three", Format::Html);
        assert_eq!(
            plain.text, "one two\nthree",
            "in HTML only <br> breaks a line"
        );
    }

    #[test]
    fn moodle_format_keeps_the_author_s_line_breaks() {
        let plain = to_plain("one\ntwo \u{E007}three", Format::Moodle);
        assert_eq!(
            plain.text, "one\ntwo\nthree",
            "Moodle's format turns line breaks and \\n into breaks"
        );
    }

    #[test]
    fn plain_text_is_taken_literally() {
        let plain = to_plain("a <b> &amp; \u{E002}", Format::Plain);
        assert_eq!(
            plain.text, "a <b> &amp; =",
            "plain text is not HTML: nothing is decoded or removed"
        );
    }

    #[test]
    fn format_markers_are_recognised_and_unknown_ones_kept() {
        assert_eq!(
            split_format("[html]<b>x</b>", Format::Moodle),
            (Format::Html, "<b>x</b>"),
            "html marker"
        );
        assert_eq!(
            split_format("[markdown] *x*", Format::Html),
            (Format::Markdown, "*x*"),
            "markdown marker"
        );
        assert_eq!(
            split_format("[note] x", Format::Plain),
            (Format::Plain, "[note] x"),
            "unknown stays text"
        );
    }
}
