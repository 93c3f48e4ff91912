//! Renders a [`Certificate`] as an A4 PDF with krilla. DejaVu Sans is compiled
//! in (assets/fonts, with its licence) and embedded as a subset, with a
//! ToUnicode map, so Swedish letters render and can be copied or searched.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::Certificate;
use crate::{Error, Result, i18n};

static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 64.0;
/// Where rows stop and a new page starts, above the code at the foot.
const ROWS_END: f32 = HEIGHT - 150.0;

/// The words of the certificate in its language, from the catalogue
/// (`certificate-*`; English for a language without one).
struct Words {
    title: String,
    certifies: String,
    completed: String,
    version: String,
    date: String,
    modules: String,
    best: String,
    competencies: String,
    mastery: String,
    code: String,
    how_to_check: String,
    continued: String,
    outcomes: String,
    final_test: String,
    grade: String,
}

impl Words {
    fn new(lang: &str) -> Words {
        let word = |id: &str| i18n::tr(lang, id, &[]);
        Words {
            title: word("certificate-title"),
            certifies: word("certificate-certifies"),
            completed: word("certificate-completed"),
            version: word("certificate-version"),
            date: word("certificate-date"),
            modules: word("certificate-modules"),
            best: word("certificate-best"),
            competencies: word("certificate-competencies"),
            mastery: word("certificate-mastery"),
            code: word("certificate-code"),
            how_to_check: word("certificate-howToCheck"),
            continued: word("certificate-continued"),
            outcomes: word("certificate-outcomes"),
            final_test: word("certificate-finalTest"),
            grade: word("certificate-grade"),
        }
    }
}

/// The bundled font, to measure text with and to draw it: also what the
/// class report (`class_view::pdf`) writes with. `Err` says why it cannot be
/// used, for a reason only a developer can fix.
pub(crate) fn font() -> std::result::Result<(Measure<'static>, Font), String> {
    let face =
        ttf_parser::Face::parse(FONT, 0).map_err(|e| format!("the font could not be read: {e}"))?;
    let font = Font::new(FONT.to_vec().into(), 0)
        .ok_or_else(|| "the font could not be loaded".to_string())?;
    Ok((Measure(face), font))
}

/// Measures text in the embedded font (krilla draws; it does not measure).
pub(crate) struct Measure<'a>(ttf_parser::Face<'a>);

impl Measure<'_> {
    /// One character's advance in font units (0 for one the font lacks).
    fn advance(&self, c: char) -> f32 {
        self.0
            .glyph_index(c)
            .and_then(|g| self.0.glyph_hor_advance(g))
            .map_or(0.0, f32::from)
    }

    fn scale(&self, size: f32) -> f32 {
        size / f32::from(self.0.units_per_em())
    }

    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text.chars().map(|c| self.advance(c)).sum();
        units * self.scale(size)
    }

    /// The font has a glyph for `c`.
    #[cfg(test)]
    pub(crate) fn has(&self, c: char) -> bool {
        self.0.glyph_index(c).is_some()
    }

    /// `text` cut with "…" to fit `max` points. Reads no further than the
    /// cut, so a huge text costs no more than a short one.
    pub(crate) fn fit(&self, text: &str, size: f32, max: f32) -> String {
        let scale = self.scale(size);
        let room = max - self.advance('…') * scale;
        let mut width = 0.0;
        // Where a cut with "…" after it still fits.
        let mut cut = 0;
        for (i, c) in text.char_indices() {
            width += self.advance(c) * scale;
            if width > max {
                return format!("{}…", text[..cut].trim_end());
            }
            if width <= room {
                cut = i + c.len_utf8();
            }
        }
        text.to_string()
    }

    /// `text` broken at spaces into lines of at most `max` points.
    pub(crate) fn wrap(&self, text: &str, size: f32, max: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size) <= max || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines.into_iter().map(|l| self.fit(&l, size, max)).collect()
    }
}

/// A share as a whole per cent, written as `lang` writes it (the catalogue's
/// `certificate-percent`: Swedish puts a space before the sign).
fn percent(share: Option<f64>, lang: &str) -> String {
    match share {
        Some(s) => {
            let value = format!("{:.0}", s * 100.0);
            i18n::tr(lang, "certificate-percent", &[("percent", value.into())])
        }
        None => "–".to_string(),
    }
}

/// Draws on one page's surface in the bundled font (also the class report's).
pub(crate) struct Pen<'s, 'p> {
    pub(crate) surface: Surface<'p>,
    pub(crate) font: Font,
    pub(crate) measure: &'s Measure<'s>,
}

impl Pen<'_, '_> {
    /// The colour of the text and fills that follow.
    pub(crate) fn color(&mut self, r: u8, g: u8, b: u8) {
        self.surface.set_fill(Some(Fill {
            paint: rgb::Color::new(r, g, b).into(),
            ..Default::default()
        }));
    }

    /// `text` with its baseline's left end at (`x`, `y`).
    pub(crate) fn left(&mut self, x: f32, y: f32, size: f32, text: &str) {
        self.surface.draw_text(
            Point::from_xy(x, y),
            self.font.clone(),
            size,
            text,
            false,
            TextDirection::Auto,
        );
    }

    fn right(&mut self, x: f32, y: f32, size: f32, text: &str) {
        let w = self.measure.width(text, size);
        self.left(x - w, y, size, text);
    }

    fn centre(&mut self, y: f32, size: f32, text: &str) {
        let w = self.measure.width(text, size);
        self.left((WIDTH - w) / 2.0, y, size, text);
    }

    fn rule(&mut self, y: f32, width: f32) {
        self.line(MARGIN, WIDTH - MARGIN, y, width, (0x1f, 0x4e, 0x79));
    }

    /// A horizontal line from `x1` to `x2` at `y`, `width` points thick.
    pub(crate) fn line(&mut self, x1: f32, x2: f32, y: f32, width: f32, (r, g, b): (u8, u8, u8)) {
        let mut path = PathBuilder::new();
        path.move_to(x1, y);
        path.line_to(x2, y);
        if let Some(path) = path.finish() {
            self.surface.set_stroke(Some(Stroke {
                paint: rgb::Color::new(r, g, b).into(),
                width,
                ..Default::default()
            }));
            self.surface.draw_path(&path);
            self.surface.set_stroke(None);
        }
    }

    /// A filled rectangle, top left at (`x`, `y`), in the colour set last.
    pub(crate) fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        let Some(rect) = Rect::from_xywh(x, y, w, h) else {
            return;
        };
        let mut path = PathBuilder::new();
        path.push_rect(rect);
        if let Some(path) = path.finish() {
            self.surface.draw_path(&path);
        }
    }

    fn frame(&mut self) {
        let inset = 24.0;
        let Some(rect) = Rect::from_xywh(inset, inset, WIDTH - 2.0 * inset, HEIGHT - 2.0 * inset)
        else {
            return;
        };
        let mut path = PathBuilder::new();
        path.push_rect(rect);
        if let Some(path) = path.finish() {
            self.surface.set_fill(None);
            self.surface.set_stroke(Some(Stroke {
                paint: rgb::Color::new(0x1f, 0x4e, 0x79).into(),
                width: 2.0,
                ..Default::default()
            }));
            self.surface.draw_path(&path);
            self.surface.set_stroke(None);
        }
    }
}

/// One row of a table: a title on the left, a figure on the right.
struct Row {
    title: String,
    figure: String,
    kind: RowKind,
}

/// How a row is drawn.
#[derive(Clone, Copy, PartialEq)]
enum RowKind {
    /// A title with its figure.
    Figure,
    /// A module's title over its outcomes.
    Group,
    /// One line of an outcome; the first line of each carries the dash.
    Outcome { first: bool },
}

impl Row {
    fn figure(title: String, figure: String) -> Row {
        Row {
            title,
            figure,
            kind: RowKind::Figure,
        }
    }

    /// Vertical space the row takes.
    fn height(&self) -> f32 {
        match self.kind {
            RowKind::Figure => 18.0,
            RowKind::Group => 17.0,
            RowKind::Outcome { .. } => 14.0,
        }
    }
}

/// From the first row's baseline to the last one's of the block that must
/// not be split: a module's title with its first outcome, or one outcome.
fn block_span(rows: &[Row]) -> f32 {
    let Some(first) = rows.first() else {
        return 0.0;
    };
    let skip = usize::from(first.kind == RowKind::Group);
    let lines = match rows.get(skip).map(|r| r.kind) {
        Some(RowKind::Outcome { first: true }) => {
            1 + rows[skip + 1..]
                .iter()
                .take_while(|r| r.kind == RowKind::Outcome { first: false })
                .count()
        }
        _ => 0,
    };
    rows[..(skip + lines).max(1)]
        .iter()
        .rev()
        .skip(1)
        .map(Row::height)
        .sum()
}

/// Left edge of an outcome's text, right of its dash.
const OUTCOME_INDENT: f32 = 24.0;

/// Each module with outcomes: its title, then each outcome wrapped into
/// short lines under a dash.
fn outcome_rows(cert: &Certificate, measure: &Measure, width: f32) -> Vec<Row> {
    let mut rows = Vec::new();
    for module in cert.modules.iter().filter(|m| !m.outcomes.is_empty()) {
        rows.push(Row {
            title: measure.fit(&module.title, 11.0, width),
            figure: String::new(),
            kind: RowKind::Group,
        });
        for outcome in &module.outcomes {
            let lines = measure.wrap(outcome, 10.0, width - OUTCOME_INDENT);
            for (i, line) in lines.into_iter().enumerate() {
                rows.push(Row {
                    title: line,
                    figure: String::new(),
                    kind: RowKind::Outcome { first: i == 0 },
                });
            }
        }
    }
    rows
}

pub(super) fn render(cert: &Certificate) -> Result<Vec<u8>> {
    let words = Words::new(&cert.lang);
    let (measure, font) = font().map_err(not_made)?;
    let settings = PageSettings::from_wh(WIDTH, HEIGHT)
        .ok_or_else(|| not_made("the page size is not valid"))?;
    let text_width = WIDTH - 2.0 * MARGIN;

    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!(
                "{} – {} – {}",
                words.title, cert.course_title, cert.learner
            ))
            .language(cert.lang.clone())
            .creator("Värdskap".to_string()),
    );

    // Every table row, each section starting with its heading.
    let mut sections: Vec<(String, String, Vec<Row>)> = vec![
        (
            words.modules.clone(),
            words.best.clone(),
            cert.modules
                .iter()
                .map(|m| Row::figure(m.title.clone(), percent(m.best_share, &cert.lang)))
                .collect(),
        ),
        (
            words.final_test.clone(),
            words.grade.clone(),
            cert.final_test
                .iter()
                .map(|f| {
                    let figure = format!(
                        "{} ({})",
                        f.grade_label,
                        percent(Some(f.best_share), &cert.lang)
                    );
                    Row::figure(words.best.clone(), figure)
                })
                .collect(),
        ),
        (
            words.competencies.clone(),
            words.mastery.clone(),
            cert.competencies
                .iter()
                .map(|c| Row::figure(c.title.clone(), percent(c.mastery, &cert.lang)))
                .collect(),
        ),
        (
            words.outcomes.clone(),
            String::new(),
            outcome_rows(cert, &measure, text_width),
        ),
    ];
    sections.retain(|(_, _, rows)| !rows.is_empty());

    let mut first_page = true;
    let mut pending = sections.into_iter().peekable();
    let mut carry: Option<(String, String, std::vec::IntoIter<Row>)> = None;
    loop {
        let mut page = document.start_page_with(settings.clone());
        {
            let mut pen = Pen {
                surface: page.surface(),
                font: font.clone(),
                measure: &measure,
            };
            pen.frame();
            let mut y = if first_page {
                pen.color(0x1f, 0x4e, 0x79);
                pen.centre(120.0, 30.0, &words.title);
                pen.rule(140.0, 1.0);
                pen.color(0x33, 0x33, 0x33);
                pen.centre(180.0, 13.0, &words.certifies);
                pen.color(0, 0, 0);
                pen.centre(222.0, 26.0, &measure.fit(&cert.learner, 26.0, text_width));
                pen.color(0x33, 0x33, 0x33);
                pen.centre(256.0, 13.0, &words.completed);
                pen.color(0, 0, 0);
                let mut y = 292.0;
                for line in measure.wrap(&cert.course_title, 18.0, text_width) {
                    pen.centre(y, 18.0, &line);
                    y += 24.0;
                }
                pen.color(0x33, 0x33, 0x33);
                pen.centre(
                    y + 2.0,
                    11.0,
                    &format!(
                        "{} {}  ·  {} {}",
                        words.version, cert.version, words.date, cert.date
                    ),
                );
                y + 44.0
            } else {
                MARGIN + 40.0
            };

            let mut page_full = false;
            while !page_full {
                let (heading, figure, mut rows) = match carry.take() {
                    Some(c) => c,
                    None => match pending.next() {
                        Some((h, f, rows)) => (h, f, rows.into_iter()),
                        None => break,
                    },
                };
                let label = if first_page || y > MARGIN + 40.0 {
                    heading.clone()
                } else {
                    format!("{heading} ({})", words.continued)
                };
                pen.color(0x1f, 0x4e, 0x79);
                pen.left(MARGIN, y, 14.0, &label);
                pen.right(WIDTH - MARGIN, y, 10.0, &figure);
                pen.rule(y + 6.0, 0.5);
                y += 24.0;
                pen.color(0, 0, 0);
                let mut drawn = 0;
                while y <= ROWS_END {
                    // An outcome's lines, and a module's title with its first
                    // outcome, stay on one page (unless a page cannot hold them).
                    if drawn > 0 && y + block_span(rows.as_slice()) > ROWS_END {
                        break;
                    }
                    let Some(row) = rows.next() else { break };
                    drawn += 1;
                    match row.kind {
                        RowKind::Figure => {
                            pen.left(
                                MARGIN,
                                y,
                                11.0,
                                &measure.fit(&row.title, 11.0, text_width - 70.0),
                            );
                            pen.right(WIDTH - MARGIN, y, 11.0, &row.figure);
                        }
                        RowKind::Group => {
                            pen.color(0x1f, 0x4e, 0x79);
                            pen.left(MARGIN, y + 3.0, 11.0, &row.title);
                            pen.color(0, 0, 0);
                        }
                        RowKind::Outcome { first } => {
                            pen.color(0x33, 0x33, 0x33);
                            if first {
                                pen.left(MARGIN + 10.0, y, 10.0, "–");
                            }
                            pen.left(MARGIN + OUTCOME_INDENT, y, 10.0, &row.title);
                            pen.color(0, 0, 0);
                        }
                    }
                    y += row.height();
                }
                let mut rest = rows.peekable();
                if rest.peek().is_some() {
                    carry = Some((heading, figure, rest.collect::<Vec<_>>().into_iter()));
                    page_full = true;
                }
                y += 22.0;
            }

            pen.color(0, 0, 0);
            pen.centre(
                HEIGHT - 110.0,
                12.0,
                &format!("{}: {}", words.code, cert.code),
            );
            pen.color(0x55, 0x55, 0x55);
            for (i, line) in measure
                .wrap(&words.how_to_check, 8.0, text_width)
                .iter()
                .enumerate()
            {
                pen.centre(HEIGHT - 92.0 + i as f32 * 11.0, 8.0, line);
            }
            // Dropping the surface writes the page's content.
        }
        page.finish();
        first_page = false;
        if carry.is_none() && pending.peek().is_none() {
            break;
        }
    }
    document.finish().map_err(|e| not_made(format!("{e:?}")))
}

/// The certificate could not be made, for a reason only a developer can fix.
fn not_made(detail: impl Into<String>) -> Error {
    Error::CertificateNotMade {
        detail: detail.into(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::certificate::CertifiedModule;

    fn certificate(outcomes_per_module: usize) -> Certificate {
        Certificate {
            learner: "Åsa Öberg".into(),
            course_id: "c".into(),
            course_title: "Gott värdskap i Borås".into(),
            version: "1.0.0".into(),
            lang: "sv".into(),
            date: "2026-01-01".into(),
            modules: (1..=8)
                .map(|n| CertifiedModule {
                    id: format!("m{n}"),
                    title: format!("Modul {n}"),
                    best_score: Some(3.0),
                    best_max: Some(4.0),
                    best_share: Some(0.75),
                    outcomes: (1..=outcomes_per_module)
                        .map(|i| format!("möta gäst nummer {i} med ett leende, en fråga och en tydlig väg vidare till det gästen söker i staden"))
                        .collect(),
                })
                .collect(),
            competencies: vec![],
            final_test: None,
            code: "ABCD-EF01-2345-6789".into(),
        }
    }

    fn measure() -> Measure<'static> {
        Measure(ttf_parser::Face::parse(FONT, 0).unwrap())
    }

    /// Pages of a PDF as krilla writes them (one `/Type /Page` object each).
    fn pages(pdf: &[u8]) -> usize {
        let needle = b"/Type /Page";
        pdf.windows(needle.len() + 1)
            .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
            .count()
    }

    #[test]
    fn the_words_come_from_the_catalogue_in_the_certificate_language() {
        assert_eq!(
            Words::new("sv").title,
            "Kursintyg",
            "a Swedish certificate is in Swedish"
        );
        assert_eq!(
            Words::new("en").title,
            "Certificate of completion",
            "an English one in English"
        );
        assert_eq!(
            Words::new("fi").grade,
            "Grade",
            "a language without a catalogue gets English"
        );
        let sv = Words::new("sv");
        for word in [
            &sv.certifies,
            &sv.completed,
            &sv.version,
            &sv.date,
            &sv.modules,
            &sv.best,
            &sv.competencies,
            &sv.mastery,
            &sv.code,
            &sv.how_to_check,
            &sv.continued,
            &sv.outcomes,
            &sv.final_test,
            &sv.grade,
        ] {
            assert!(
                !word.is_empty() && !word.starts_with("certificate-"),
                "every word is in the catalogue: {word}"
            );
        }
    }

    #[test]
    fn a_share_is_written_as_each_language_writes_per_cent() {
        assert_eq!(
            percent(Some(0.8), "sv"),
            "80 %",
            "Swedish puts a space first"
        );
        assert_eq!(percent(Some(0.755), "en"), "76%", "English does not");
        assert_eq!(percent(Some(1.0), "fi"), "100%", "English for the rest");
        assert_eq!(percent(None, "sv"), "–", "no figure yet");
    }

    #[test]
    fn outcomes_are_listed_and_the_certificate_grows_a_page_for_them() {
        let without = render(&certificate(0)).unwrap();
        let with = render(&certificate(3)).unwrap();
        assert_eq!(
            pages(&without),
            1,
            "eight modules and no outcomes fit one page"
        );
        assert!(
            pages(&with) >= 2,
            "24 outcomes of two lines each go on to a second page rather than off the first"
        );
        assert!(
            with.len() > without.len(),
            "the outcomes add text to the PDF"
        );
        let rows = outcome_rows(&certificate(3), &measure(), WIDTH - 2.0 * MARGIN);
        assert!(
            rows.iter()
                .any(|r| r.kind == RowKind::Outcome { first: false }),
            "the test outcomes are long enough to wrap"
        );
        let title_and_outcome = block_span(&rows);
        assert_eq!(
            title_and_outcome,
            rows[0].height() + rows[1].height(),
            "a module's title is kept with its first outcome's two lines"
        );
        assert_eq!(
            block_span(&rows[1..]),
            rows[1].height(),
            "an outcome's two lines are kept together"
        );
        assert_eq!(
            block_span(&[Row::figure("M".into(), "1".into())]),
            0.0,
            "a figure row is a block of its own"
        );
    }
}
