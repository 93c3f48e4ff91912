//! The GIFT reader. It follows Moodle's own importer (question/format/gift):
//! questions are separated by blank lines, `//` lines are comments, the
//! first `{…}` holds the answers and its contents decide the kind.

use std::collections::{BTreeMap, HashSet};

use super::text::{self, Format, Plain};
use super::{GiftImport, GiftMessage, Skipped};
use crate::content::layout::{self, IdAllocator};
use crate::content::messages::{
    GIFT_ANSWER_FEEDBACK, GIFT_ANSWER_NO_TEXT, GIFT_ANSWER_START, GIFT_BEST_NUMBER,
    GIFT_BRACE_NOT_CLOSED, GIFT_BRACE_NOT_OPENED, GIFT_CATCH_ALL, GIFT_DESCRIPTION,
    GIFT_DISTRACTOR, GIFT_ESSAY, GIFT_MEDIA, GIFT_NEEDS_TRANSLATION, GIFT_NO_ARROW, GIFT_NO_CREDIT,
    GIFT_NO_GENERAL_FEEDBACK, GIFT_NO_LANGUAGE, GIFT_NO_NUMBER, GIFT_NO_TEXT, GIFT_NONE_ACCEPTED,
    GIFT_NONE_RIGHT, GIFT_NOT_A_NUMBER, GIFT_NOT_ACCEPTED, GIFT_NOTHING_AFTER_ARROW,
    GIFT_NUMBER_FEEDBACK, GIFT_PARTIAL_ACCEPTED, GIFT_PARTIAL_NUMBER, GIFT_PARTIAL_WRONG,
    GIFT_SECOND_BLOCK, GIFT_SEVERAL_RIGHT, GIFT_SIDE_TWICE, GIFT_STRAY_TEXT, GIFT_TITLE_NOT_CLOSED,
    GIFT_TWO_ANSWERS, GIFT_TWO_PAIRS, GIFT_WRONG_NUMBER_FEEDBACK,
};
use crate::content::{AnswerOption, Lang, Pair, Question, QuestionBody, Text};
use crate::i18n::{self, Message, MessageArg, MessageArgs, message};

/// One question's text with GIFT escapes replaced by placeholders, and the
/// original line and column of each of its bytes.
#[derive(Default)]
struct Block {
    text: String,
    pos: Vec<(u32, u32)>,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

impl Block {
    fn push(&mut self, c: char, at: (u32, u32)) {
        self.text.push(c);
        self.pos.extend(std::iter::repeat_n(at, c.len_utf8()));
    }

    fn at(&self, offset: usize) -> (u32, u32) {
        self.pos
            .get(offset)
            .or(self.pos.last())
            .copied()
            .unwrap_or((0, 0))
    }

    fn all(&self) -> Span {
        Span {
            start: 0,
            end: self.text.len(),
        }
    }

    fn s(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    fn trim(&self, span: Span) -> Span {
        let s = self.s(span);
        let start = span.start + (s.len() - s.trim_start().len());
        Span {
            start,
            end: start + s.trim().len(),
        }
    }

    fn find(&self, span: Span, pat: &str) -> Option<usize> {
        self.s(span).find(pat).map(|i| span.start + i)
    }

    fn rfind(&self, span: Span, pat: &str) -> Option<usize> {
        self.s(span).rfind(pat).map(|i| span.start + i)
    }

    fn from(&self, span: Span, start: usize) -> Span {
        Span {
            start: start.min(span.end),
            end: span.end,
        }
    }

    fn until(&self, span: Span, end: usize) -> Span {
        Span {
            start: span.start,
            end: end.max(span.start),
        }
    }

    /// Splits `span` before every one of `markers`, which stay at the start
    /// of their piece. Text before the first marker is the first piece.
    fn split(&self, span: Span, markers: &[char]) -> Vec<Span> {
        let mut pieces = Vec::new();
        let mut start = span.start;
        for (i, c) in self.s(span).char_indices() {
            let at = span.start + i;
            if markers.contains(&c) && at > span.start {
                pieces.push(Span { start, end: at });
                start = at;
            }
        }
        pieces.push(Span {
            start,
            end: span.end,
        });
        pieces
    }

    /// `span` without its first character if that is `marker`, trimmed.
    fn strip(&self, span: Span, marker: char) -> Option<Span> {
        self.s(span)
            .starts_with(marker)
            .then(|| self.trim(self.from(span, span.start + marker.len_utf8())))
    }
}

/// Splits the file into question blocks at blank lines, dropping comments.
fn blocks(input: &str) -> Vec<Block> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut blocks = Vec::new();
    let mut current = Block::default();
    for (index, raw) in input.lines().enumerate() {
        let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            if !current.text.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        if !current.text.is_empty() {
            let last = current.at(current.text.len());
            current.push('\n', (last.0, last.1 + 1));
        }
        let indent = raw[..raw.len() - raw.trim_start().len()].chars().count();
        let mut chars = trimmed.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            let column = u32::try_from(indent + i + 1).unwrap_or(u32::MAX);
            let escaped = if c == '\\' {
                chars.peek().and_then(|(_, next)| text::placeholder(*next))
            } else {
                None
            };
            match escaped {
                Some(placeholder) => {
                    chars.next();
                    current.push(placeholder, (line, column));
                }
                None => current.push(c, (line, column)),
            }
        }
    }
    if !current.text.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// Trailing text that finishes the sentence around a missing word.
const SENTENCE_END: [char; 8] = ['.', ',', '?', '!', '…', ')', ':', ';'];

struct Reader<'a> {
    competency: &'a str,
    languages: &'a [Lang],
    out: GiftImport,
    ids: IdAllocator,
}

/// What a question's answers become, and how to name the right answer when
/// the author wrote no general feedback.
struct Parsed {
    body: QuestionBody,
    right_answer: RightAnswer,
}

enum RightAnswer {
    Options(Vec<String>),
    Truth(bool),
    Accepted(Vec<String>),
    Number { answer: f64, tolerance: f64 },
    Pairs(Vec<(String, String)>),
}

type Found<T> = Result<T, GiftMessage>;

pub(super) fn parse(input: &str, competency: &str, languages: &[Lang]) -> GiftImport {
    let mut reader = Reader {
        competency,
        languages,
        out: GiftImport::default(),
        ids: IdAllocator::default(),
    };
    if languages.is_empty() {
        reader
            .out
            .problems
            .push(GiftMessage::new((0, 0), message!(GIFT_NO_LANGUAGE)));
        return reader.out;
    }
    for block in blocks(input) {
        reader.block(&block);
    }
    if let [first, others @ ..] = languages
        && !others.is_empty()
        && !reader.out.questions.is_empty()
    {
        let others = others.join(", ");
        reader.out.notes.push(GiftMessage::new(
            (0, 0),
            message!(GIFT_NEEDS_TRANSLATION, first = first, others = others),
        ));
    }
    reader.out
}

impl Reader<'_> {
    fn block(&mut self, b: &Block) {
        let all = b.trim(b.all());
        if b.s(all).starts_with("$CATEGORY:") {
            let line_end = b.find(all, "\n").unwrap_or(all.end);
            let name = text::restore(
                b.s(Span {
                    start: all.start + "$CATEGORY:".len(),
                    end: line_end,
                }),
                " ",
            );
            self.out.categories.push(name.trim().to_string());
            let rest = b.trim(b.from(all, line_end));
            if rest.start < rest.end {
                self.question(b, rest);
            }
            return;
        }
        self.question(b, all);
    }

    fn question(&mut self, b: &Block, span: Span) {
        if let Err(problem) = self.try_question(b, span) {
            self.out.problems.push(problem);
        }
    }

    fn try_question(&mut self, b: &Block, span: Span) -> Found<()> {
        let line = b.at(span.start).0;
        let mut rest = span;
        let mut title = None;
        if b.s(span).starts_with("::") {
            let inner = b.from(span, span.start + 2);
            let end = b
                .find(inner, "::")
                .ok_or_else(|| problem(b, span.start, message!(GIFT_TITLE_NOT_CLOSED)))?;
            title = Some(
                text::restore(b.s(b.until(inner, end)), " ")
                    .trim()
                    .to_string(),
            );
            rest = b.trim(b.from(span, end + 2));
        }

        let open = b.find(rest, "{");
        let close = b.find(rest, "}");
        let (open, close) = match (open, close) {
            (None, None) => {
                self.out
                    .skipped
                    .push(Skipped::new(line, "description", title, GIFT_DESCRIPTION));
                return Ok(());
            }
            (Some(open), Some(close)) if open < close => (open, close),
            (Some(open), None) => return Err(problem(b, open, message!(GIFT_BRACE_NOT_CLOSED))),
            (_, Some(close)) => {
                return Err(problem(b, close, message!(GIFT_BRACE_NOT_OPENED)));
            }
        };
        let after = b.trim(b.from(rest, close + 1));
        if let Some(extra) = b.find(after, "{").or_else(|| b.find(after, "}")) {
            return Err(problem(b, extra, message!(GIFT_SECOND_BLOCK)));
        }

        let mut answers = b.trim(Span {
            start: open + 1,
            end: close,
        });
        let mut general = None;
        if let Some(mark) = b.rfind(answers, "####") {
            general = Some(b.trim(b.from(answers, mark + 4)));
            answers = b.trim(b.until(answers, mark));
        }
        if b.s(answers).is_empty() {
            self.out
                .skipped
                .push(Skipped::new(line, "essay", title, GIFT_ESSAY));
            return Ok(());
        }

        // A missing-word question keeps a blank where its answers stood.
        let after_text = b.s(after);
        let blank = !after_text.is_empty()
            && (after_text.chars().any(char::is_alphanumeric)
                || after_text
                    .chars()
                    .all(|c| c.is_whitespace() || SENTENCE_END.contains(&c)));
        let before_raw = b.s(b.until(rest, open));
        let prompt_source = if blank {
            format!("{before_raw}_____{}", b.s(b.from(rest, close + 1)))
        } else {
            if !after_text.is_empty() {
                self.out.problems.push(problem(
                    b,
                    after.start,
                    message!(GIFT_STRAY_TEXT, text = after_text),
                ));
            }
            before_raw.to_string()
        };
        let (format, prompt_source) = text::split_format(prompt_source.trim(), Format::Moodle);
        let prompt = text::to_plain(prompt_source, format);
        if prompt.text.is_empty() {
            return Err(problem(b, span.start, message!(GIFT_NO_TEXT)));
        }
        if prompt.lost_media {
            self.note(line, message!(GIFT_MEDIA));
        }

        let kind_text = b.s(answers);
        let parsed = if kind_text.starts_with('#') {
            self.numeric(b, b.from(answers, answers.start + 1), format, line)?
        } else if kind_text.contains('~') {
            self.choice(b, answers, format, line)?
        } else if kind_text.contains('=') && kind_text.contains("->") {
            self.matching(b, answers, format, line)?
        } else {
            let head = kind_text.split('#').next().unwrap_or("").trim();
            match head {
                "T" | "TRUE" => self.true_false(b, answers, true, format),
                "F" | "FALSE" => self.true_false(b, answers, false, format),
                _ => self.short_answer(b, answers, format, line)?,
            }
        };

        let explanation = match general.map(|g| self.plain(b, g, format)) {
            Some(text) if !text.is_empty() => self.localised(&text),
            _ => {
                self.note(line, message!(GIFT_NO_GENERAL_FEEDBACK));
                self.right_answer_text(&parsed.right_answer)
            }
        };
        let id = self.unique_id(title.as_deref());
        self.out.question_lines.push(line);
        self.out.questions.push(Question {
            shuffle: true,
            id,
            competency: self.competency.to_string(),
            points: 1.0,
            prompt: self.localised(&prompt.text),
            explanation,
            body: parsed.body,
        });
        Ok(())
    }

    /// `~wrong =right ~%50%partly` (single) or weights only (multiple).
    fn choice(&mut self, b: &Block, answers: Span, format: Format, line: u32) -> Found<Parsed> {
        let single = b.s(answers).contains('=');
        let mut pieces = b.split(answers, &['~', '=']);
        if let Some(first) = pieces.first().copied()
            && !b.s(first).starts_with(['~', '='])
        {
            if !b.s(b.trim(first)).is_empty() {
                return Err(problem(b, first.start, message!(GIFT_ANSWER_START)));
            }
            pieces.remove(0);
        }
        if pieces.len() < 2 {
            return Err(problem(b, answers.start, message!(GIFT_TWO_ANSWERS)));
        }
        let mut options = Vec::new();
        let mut right = Vec::new();
        for (index, piece) in pieces.iter().enumerate() {
            let (weight, piece) = match (b.strip(*piece, '='), b.strip(*piece, '~')) {
                (Some(piece), _) => weight(b, piece).unwrap_or((100.0, piece)),
                (None, Some(piece)) => weight(b, piece).unwrap_or((0.0, piece)),
                (None, None) => (0.0, b.trim(*piece)),
            };
            let (answer, feedback) = split_feedback(b, piece);
            let answer_text = self.plain(b, answer, format);
            if answer_text.is_empty() {
                return Err(problem(b, piece.start, message!(GIFT_ANSWER_NO_TEXT)));
            }
            let correct = if single {
                weight >= 100.0
            } else {
                weight > 0.0
            };
            if single && weight > 0.0 && weight < 100.0 {
                self.note(
                    line,
                    message!(
                        GIFT_PARTIAL_WRONG,
                        answer = &answer_text,
                        weight = weight.to_string()
                    ),
                );
            }
            if correct {
                right.push(answer_text.clone());
            }
            let feedback = feedback
                .map(|f| self.plain(b, f, format))
                .filter(|f| !f.is_empty());
            options.push(AnswerOption {
                id: option_id(index),
                text: self.localised(&answer_text),
                correct,
                feedback: feedback.map(|f| self.localised(&f)),
            });
        }
        if right.is_empty() {
            return Err(problem(b, answers.start, message!(GIFT_NONE_RIGHT)));
        }
        let body = if single && right.len() == 1 {
            QuestionBody::Single { options }
        } else {
            if single {
                self.note(line, message!(GIFT_SEVERAL_RIGHT));
            }
            QuestionBody::Multiple { options }
        };
        Ok(Parsed {
            body,
            right_answer: RightAnswer::Options(right),
        })
    }

    /// `{T}`, `{FALSE#feedback for a wrong answer#feedback for a right one}`.
    fn true_false(&mut self, b: &Block, answers: Span, answer: bool, format: Format) -> Parsed {
        let (_, feedback) = split_feedback(b, answers);
        let (wrong, right) = match feedback {
            // Moodle's second feedback runs to the end, `#` and all.
            Some(rest) => match split_feedback(b, rest) {
                (wrong, Some(right)) => (Some(wrong), Some(right)),
                (wrong, None) => (Some(wrong), None),
            },
            None => (None, None),
        };
        let wrong = wrong
            .map(|w| self.plain(b, w, format))
            .filter(|t| !t.is_empty());
        let right = right
            .map(|r| self.plain(b, r, format))
            .filter(|t| !t.is_empty());
        let (on_true, on_false) = if answer {
            (right, wrong)
        } else {
            (wrong, right)
        };
        Parsed {
            body: QuestionBody::TrueFalse {
                answer,
                feedback_true: on_true.map(|t| self.localised(&t)),
                feedback_false: on_false.map(|t| self.localised(&t)),
            },
            right_answer: RightAnswer::Truth(answer),
        }
    }

    /// `{=answer =%50%partly right#feedback}`; any answer without `=` is right too.
    fn short_answer(
        &mut self,
        b: &Block,
        answers: Span,
        format: Format,
        line: u32,
    ) -> Found<Parsed> {
        let mut accepted = Vec::new();
        for piece in b.split(answers, &['=']) {
            let piece = b.strip(piece, '=').unwrap_or_else(|| b.trim(piece));
            if b.s(piece).is_empty() {
                continue;
            }
            let (weight, piece) = weight(b, piece).unwrap_or((100.0, piece));
            let (answer, feedback) = split_feedback(b, piece);
            let answer_text = self.plain(b, answer, format);
            let feedback = feedback
                .map(|f| self.plain(b, f, format))
                .filter(|f| !f.is_empty());
            if answer_text == "*" {
                self.note(line, message!(GIFT_CATCH_ALL));
            } else if weight <= 0.0 || answer_text.is_empty() {
                self.note(
                    line,
                    message!(
                        GIFT_NOT_ACCEPTED,
                        answer = &answer_text,
                        weight = weight.to_string()
                    ),
                );
            } else {
                if weight < 100.0 {
                    self.note(
                        line,
                        message!(
                            GIFT_PARTIAL_ACCEPTED,
                            answer = &answer_text,
                            weight = weight.to_string()
                        ),
                    );
                }
                if feedback.is_some() {
                    self.note(line, message!(GIFT_ANSWER_FEEDBACK, answer = &answer_text));
                }
                accepted.push(answer_text);
            }
        }
        if accepted.is_empty() {
            return Err(problem(b, answers.start, message!(GIFT_NONE_ACCEPTED)));
        }
        let accept = self
            .languages
            .iter()
            .map(|l| (l.clone(), accepted.clone()))
            .collect::<BTreeMap<_, _>>();
        Ok(Parsed {
            body: QuestionBody::ShortText {
                accept,
                case_sensitive: false,
                ignore_diacritics: false,
            },
            right_answer: RightAnswer::Accepted(accepted),
        })
    }

    /// `{#answer:tolerance}`, `{#min..max}`, `{#=a =%50%b ~#feedback when wrong}`.
    fn numeric(&mut self, b: &Block, answers: Span, format: Format, line: u32) -> Found<Parsed> {
        let mut answers = b.trim(answers);
        if let Some(wrong) = b.find(answers, "~") {
            self.note(line, message!(GIFT_WRONG_NUMBER_FEEDBACK));
            answers = b.trim(b.until(answers, wrong));
        }
        let mut best: Option<(f64, f64, f64)> = None;
        let mut count = 0;
        for piece in b.split(answers, &['=']) {
            let piece = b.strip(piece, '=').unwrap_or_else(|| b.trim(piece));
            if b.s(piece).is_empty() {
                continue;
            }
            count += 1;
            let (weight, piece) = weight(b, piece).unwrap_or((100.0, piece));
            let (value, feedback) = split_feedback(b, piece);
            if feedback.is_some_and(|f| !self.plain(b, f, format).is_empty()) {
                self.note(line, message!(GIFT_NUMBER_FEEDBACK));
            }
            let value_text = text::restore(b.s(value), "");
            let (answer, tolerance) = numeric_value(value_text.trim()).ok_or_else(|| {
                problem(
                    b,
                    value.start,
                    message!(GIFT_NOT_A_NUMBER, value = &value_text),
                )
            })?;
            if best.is_none_or(|(w, _, _)| weight > w) {
                best = Some((weight, answer, tolerance));
            }
        }
        let Some((weight, answer, tolerance)) = best else {
            return Err(problem(b, answers.start, message!(GIFT_NO_NUMBER)));
        };
        if weight <= 0.0 {
            return Err(problem(b, answers.start, message!(GIFT_NO_CREDIT)));
        }
        if count > 1 {
            self.note(line, message!(GIFT_BEST_NUMBER));
        }
        if weight < 100.0 {
            self.note(
                line,
                message!(GIFT_PARTIAL_NUMBER, weight = weight.to_string()),
            );
        }
        Ok(Parsed {
            body: QuestionBody::Numeric {
                answer,
                tolerance,
                unit: None,
            },
            right_answer: RightAnswer::Number { answer, tolerance },
        })
    }

    /// `{=left -> right =other -> match = -> distractor}`.
    fn matching(&mut self, b: &Block, answers: Span, format: Format, line: u32) -> Found<Parsed> {
        let mut pairs = Vec::new();
        let mut shown = Vec::new();
        let (mut lefts, mut rights) = (HashSet::new(), HashSet::new());
        for piece in b.split(answers, &['=']) {
            let piece = b.strip(piece, '=').unwrap_or_else(|| b.trim(piece));
            if b.s(piece).is_empty() {
                continue;
            }
            let arrow = b
                .find(piece, "->")
                .ok_or_else(|| problem(b, piece.start, message!(GIFT_NO_ARROW)))?;
            let left = self.plain(b, b.until(piece, arrow), format);
            let right = text::restore(b.s(b.from(piece, arrow + 2)), " ")
                .trim()
                .to_string();
            if right.is_empty() {
                return Err(problem(b, arrow, message!(GIFT_NOTHING_AFTER_ARROW)));
            }
            if left.is_empty() {
                self.note(line, message!(GIFT_DISTRACTOR, answer = &right));
                continue;
            }
            // The loader refuses two left or two right sides that read the
            // same (trimmed, in any case: content::validate::distinct_texts);
            // Moodle lets pairs share a right side.
            let side = if !lefts.insert(left.trim().to_lowercase()) {
                Some(("left", &left))
            } else if !rights.insert(right.trim().to_lowercase()) {
                Some(("right", &right))
            } else {
                None
            };
            if let Some((side, text)) = side {
                return Err(problem(
                    b,
                    piece.start,
                    message!(GIFT_SIDE_TWICE, side = side, text = text),
                ));
            }
            shown.push((left.clone(), right.clone()));
            pairs.push(Pair {
                id: option_id(pairs.len()),
                left: self.localised(&left),
                right: self.localised(&right),
            });
        }
        if pairs.len() < 2 {
            return Err(problem(b, answers.start, message!(GIFT_TWO_PAIRS)));
        }
        Ok(Parsed {
            body: QuestionBody::Matching { pairs },
            right_answer: RightAnswer::Pairs(shown),
        })
    }

    /// Plain text of an answer or feedback piece, which may carry its own format marker.
    fn plain(&self, b: &Block, span: Span, default: Format) -> String {
        let (format, source) = text::split_format(b.s(b.trim(span)), default);
        let Plain { text, .. } = text::to_plain(source, format);
        text
    }

    fn localised(&self, s: &str) -> Text {
        Text(
            self.languages
                .iter()
                .map(|l| (l.clone(), s.to_string()))
                .collect(),
        )
    }

    fn note(&mut self, line: u32, message: Message) {
        self.out.notes.push(GiftMessage::new((line, 0), message));
    }

    fn unique_id(&mut self, title: Option<&str>) -> String {
        let base = title
            .map(layout::slugify)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("q-{}", self.out.questions.len() + 1));
        self.ids.claim(&base)
    }

    /// Names the right answer, in each language's own words (the catalogue's
    /// `gift-…` messages; English for a language it does not have).
    fn right_answer_text(&self, right: &RightAnswer) -> Text {
        let joined = |list: &[String]| MessageArg::Text(list.join(", "));
        let (id, args): (&str, MessageArgs) = match right {
            RightAnswer::Options(list) => (
                "gift-rightOptions",
                vec![("count", list.len().into()), ("answers", joined(list))],
            ),
            RightAnswer::Truth(answer) => (
                "gift-rightTruth",
                vec![("value", answer.to_string().into())],
            ),
            RightAnswer::Accepted(list) => ("gift-accepted", vec![("answers", joined(list))]),
            RightAnswer::Number { answer, tolerance } if *tolerance > 0.0 => (
                "gift-rightNumberWithin",
                vec![
                    ("answer", answer.to_string().into()),
                    ("tolerance", tolerance.to_string().into()),
                ],
            ),
            RightAnswer::Number { answer, .. } => (
                "gift-rightNumber",
                vec![("answer", answer.to_string().into())],
            ),
            RightAnswer::Pairs(pairs) => {
                let list = pairs
                    .iter()
                    .map(|(l, r)| format!("{l} → {r}"))
                    .collect::<Vec<_>>();
                ("gift-rightPairs", vec![("pairs", list.join("; ").into())])
            }
        };
        Text(
            self.languages
                .iter()
                .map(|l| (l.clone(), i18n::tr(l, id, &args)))
                .collect(),
        )
    }
}

fn problem(b: &Block, offset: usize, message: Message) -> GiftMessage {
    GiftMessage::new(b.at(offset), message)
}

/// A leading `%50%` or `%-33.3%` weight and the rest of the piece.
fn weight(b: &Block, piece: Span) -> Option<(f64, Span)> {
    let rest = b.s(piece).strip_prefix('%')?;
    let end = rest.find('%')?;
    let value: f64 = rest[..end]
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())?;
    Some((value, b.trim(b.from(piece, piece.start + end + 2))))
}

/// The answer and its `#feedback`, split at the first `#`.
fn split_feedback(b: &Block, piece: Span) -> (Span, Option<Span>) {
    match b.find(piece, "#") {
        Some(mark) => (
            b.trim(b.until(piece, mark)),
            Some(b.trim(b.from(piece, mark + 1))),
        ),
        None => (piece, None),
    }
}

/// `3`, `3:0.5` or `1..5` as (answer, tolerance).
fn numeric_value(text: &str) -> Option<(f64, f64)> {
    let number = |s: &str| s.trim().parse::<f64>().ok().filter(|v| v.is_finite());
    let (answer, tolerance) = if let Some((min, max)) =
        text.split_once("..").filter(|(min, _)| !min.is_empty())
    {
        let (min, max) = (number(min)?, number(max)?);
        ((min + max) / 2.0, (max - min).abs() / 2.0)
    } else if let Some((answer, tolerance)) = text.split_once(':').filter(|(a, _)| !a.is_empty()) {
        (number(answer)?, number(tolerance)?)
    } else {
        (number(text)?, 0.0)
    };
    (tolerance >= 0.0).then_some((answer, tolerance))
}

/// `a`, `b`, … `z`, then `o27`, `o28`, …
fn option_id(index: usize) -> String {
    match u8::try_from(index).ok().filter(|i| *i < 26) {
        Some(i) => char::from(b'a' + i).to_string(),
        None => format!("o{}", index + 1),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::content::QuestionKind;

    fn en(text: &str) -> GiftImport {
        parse(text, "welcome", &["en".to_string()])
    }

    fn only(import: &GiftImport) -> &Question {
        assert_eq!(
            import.questions.len(),
            1,
            "one question expected: {import:?}"
        );
        &import.questions[0]
    }

    #[test]
    fn escapes_are_taken_literally_and_n_breaks_the_line() {
        let import = en(r"::Esc:: 1 \= 1\: \{yes\} \~ \# \\ done\nnext {T}");
        assert_eq!(
            only(&import).prompt.get("en"),
            "1 = 1: {yes} ~ # \\ done\nnext",
            "escaped characters lose their meaning"
        );
    }

    #[test]
    fn missing_word_keeps_a_blank_and_stray_symbols_are_reported() {
        let import = en("Grant is buried in {=the tomb ~the park}.\n\nWhat? {T}\";");
        assert_eq!(
            import.questions[0].prompt.get("en"),
            "Grant is buried in _____.",
            "text after the answers makes a blank"
        );
        assert_eq!(
            import.questions[1].prompt.get("en"),
            "What?",
            "stray symbols are not part of the prompt"
        );
        assert_eq!(
            import.problems.len(),
            1,
            "the stray `\";` is reported: {:?}",
            import.problems
        );
        assert_eq!(
            (import.problems[0].line, import.problems[0].column),
            (3, 10),
            "at the stray text's own place"
        );
    }

    #[test]
    fn numeric_ranges_become_midpoint_and_half_width() {
        let import = en("::R:: Pick {#1..2}\n\n::T:: E {#2.72:0.01}\n\n::M:: Two {#=%50%5 =7:1}");
        let bodies = import
            .questions
            .iter()
            .map(|q| q.body.clone())
            .collect::<Vec<_>>();
        assert_eq!(
            bodies,
            vec![
                QuestionBody::Numeric {
                    answer: 1.5,
                    tolerance: 0.5,
                    unit: None
                },
                QuestionBody::Numeric {
                    answer: 2.72,
                    tolerance: 0.01,
                    unit: None
                },
                QuestionBody::Numeric {
                    answer: 7.0,
                    tolerance: 1.0,
                    unit: None
                },
            ],
            "ranges, margins and the best of several answers"
        );
    }

    #[test]
    fn malformed_questions_are_problems_and_the_rest_still_imports() {
        let import = en(
            "::A:: Broken {=x ~y\n\n::B:: Not a number {#abc}\n\n::C:: Fine {T}\n\n::D:: None right {~a ~b}",
        );
        let ids = import
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .collect::<Vec<_>>();
        assert_eq!(ids, vec!["c"], "only the well-formed question is imported");
        let lines = import.problems.iter().map(|p| p.line).collect::<Vec<_>>();
        assert_eq!(
            lines,
            vec![1, 3, 7],
            "each broken question is reported at its line: {:?}",
            import.problems
        );
    }

    #[test]
    fn ids_are_unique_slugs_and_untitled_questions_are_numbered() {
        let import = en("::Välkommen hem:: A {T}\n\n::Välkommen hem:: B {F}\n\nC {T}");
        let ids = import
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .collect::<Vec<_>>();
        assert_eq!(
            ids,
            vec!["valkommen-hem", "valkommen-hem-2", "q-3"],
            "ids must be slugs and unique in the import"
        );
    }

    #[test]
    fn several_right_answers_make_a_multiple_question() {
        let import = en("Primary colours? {=red =blue ~green}");
        assert_eq!(
            only(&import).kind(),
            QuestionKind::Multiple,
            "two `=` answers cannot be a single-choice question"
        );
    }

    #[test]
    fn every_prefix_of_moodle_s_files_reads_without_panicking() {
        for name in [
            "moodle-questions.gift.txt",
            "moodle-questions_in_category.gift.txt",
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/gift")
                .join(name);
            let full = std::fs::read_to_string(path).unwrap();
            for (cut, _) in full.char_indices() {
                let import = en(&full[..cut]);
                let empty = import
                    .questions
                    .iter()
                    .find(|q| q.prompt.get("en").is_empty());
                assert!(
                    empty.is_none(),
                    "a cut file must not yield a question without text: {empty:?}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_without_panicking(text in "[{}=~#:%>\\\\\\[\\]a-c0-9. \n\t/-]{0,160}") {
            let import = parse(&text, "welcome", &["sv".to_string(), "en".to_string()]);
            proptest::prop_assert_eq!(import.questions.len(), import.question_lines.len(), "a line for every question");
            for q in &import.questions {
                proptest::prop_assert!(!q.prompt.get("en").is_empty(), "no question without text");
                proptest::prop_assert!(!q.explanation.get("en").is_empty(), "no question without explanation");
            }
        }
    }

    #[test]
    fn every_language_gets_the_text_and_a_translation_note() {
        let import = parse("Hej {T}", "welcome", &["sv".to_string(), "en".to_string()]);
        let q = only(&import);
        assert_eq!(
            q.prompt,
            Text::from_pairs([("sv", "Hej"), ("en", "Hej")]),
            "all languages are filled"
        );
        assert_eq!(
            q.explanation,
            Text::from_pairs([("sv", "Rätt svar: sant"), ("en", "Right answer: true")]),
            "the generated explanation speaks each language"
        );
        assert!(
            import
                .notes
                .iter()
                .any(|n| n.message.contains("needs translation")),
            "notes: {:?}",
            import.notes
        );
    }
}
