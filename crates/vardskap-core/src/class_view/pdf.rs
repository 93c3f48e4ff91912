//! The class report as a PDF to print or pass on (issue 16, item 5): what the
//! class view shows, from the same [`ClassReport`], so paper and screen agree
//! to the per cent. On A4 landscape pages: a title (class, course, date), the
//! class table (learners × modules with the report's `best_percent`, the
//! final-test grade and whether the course is passed), class mastery per
//! competency, the item analysis and the role-play patterns. It is drawn
//! with the certificate's bundled font and pen (`certificate::pdf`), and
//! every word is the catalogue's (`classReport-…`, and the class view's own
//! `classes-…` for what the screen says too).
//!
//! The pages are laid out first, as lists of drawing operations (`Op`),
//! then drawn: the footer can say "page 3 of 17", and tests can check that
//! every text stays in its box. A text too long for its place is cut with
//! "…"; a table goes on over as many pages as it needs, under its heading
//! ("continued") and its header row again. A course with more modules than
//! a page is wide has its class table in several bands of modules.

use std::borrow::Cow;

use krilla::Document;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;

use super::report::{ClassReport, ItemAnalysis, ItemFlag, ItemSource, LearnerRow, percent};
use crate::certificate::day_of;
use crate::certificate::pdf::{Measure, Pen, font};
use crate::final_test::FinalGrade;
use crate::i18n::{self, MessageArg};
use crate::storage::Timestamp;
use crate::{Error, Result};

/// A4 landscape, in points.
const WIDTH: f32 = 842.0;
const HEIGHT: f32 = 595.0;
const MARGIN: f32 = 36.0;
const RIGHT: f32 = WIDTH - MARGIN;
const TEXT_WIDTH: f32 = RIGHT - MARGIN;
/// Where a page's content starts (the top of its first line).
const TOP: f32 = MARGIN;
/// Content ends here; below is the footer.
const BOTTOM: f32 = HEIGHT - MARGIN - 14.0;
/// The footer's baseline.
const FOOTER: f32 = HEIGHT - MARGIN + 4.0;
/// Between a cell's text and its column's edges.
const PAD: f32 = 3.0;

/// Type sizes.
const BODY: f32 = 8.5;
const SMALL: f32 = 7.5;
const HEADING: f32 = 13.0;
/// A table row of body text, and a row of small text under it.
const ROW: f32 = 13.0;
const SUB_ROW: f32 = 11.0;
/// A header row's line of small text.
const HEADER_LINE: f32 = 9.0;
/// At most this many lines of a column's title.
const HEADER_LINES: usize = 3;
/// A section heading's height, rule included.
const HEADING_SPACE: f32 = 22.0;
/// Space after a table.
const GAP: f32 = 16.0;

/// The class table's widths: the learner's column, a module's (at least and
/// at most), and the columns after the modules.
const LEARNER_WIDTH: f32 = 150.0;
const LEARNER_WIDTH_MAX: f32 = 230.0;
const MODULE_MIN: f32 = 43.0;
const MODULE_MAX: f32 = 64.0;
/// Right of a module's per cent: its pass mark (✓).
const CHECK_WIDTH: f32 = 11.0;
const FINAL_WIDTH: f32 = 96.0;
const PASSED_WIDTH: f32 = 52.0;
const COURSE_WIDTH: f32 = 62.0;
const LAST_WIDTH: f32 = 62.0;

type Rgb = (u8, u8, u8);
const INK: Rgb = (0, 0, 0);
const BLUE: Rgb = (0x1f, 0x4e, 0x79);
const MUTED: Rgb = (0x55, 0x55, 0x55);
const HAIRLINE: Rgb = (0xc8, 0xd0, 0xd8);
const SHADE: Rgb = (0xee, 0xf2, 0xf7);
const FLAGGED: Rgb = (0xfd, 0xf0, 0xd5);
const BAR: Rgb = (0x4a, 0x7d, 0xb0);
const BAR_BACK: Rgb = (0xdd, 0xe4, 0xec);

/// The mark of a passed module in the class table.
const CHECK: &str = "✓";

/// One drawing operation of a page, in points from the page's top left.
#[derive(Debug, Clone, PartialEq)]
enum Op {
    /// Text with its baseline's left end at (`x`, `y`), already cut to stay
    /// within its box, from `from` to `to`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        color: Rgb,
        text: String,
        from: f32,
        to: f32,
    },
    /// A horizontal line.
    Line {
        x1: f32,
        x2: f32,
        y: f32,
        width: f32,
        color: Rgb,
    },
    /// A filled rectangle, top left at (`x`, `y`).
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
}

/// The words of the report in its language, each looked up once.
struct Words {
    lang: String,
    title: String,
    continued: String,
    table: String,
    modules: String,
    legend: String,
    modules_passed: String,
    mastery: String,
    items: String,
    items_note: String,
    module: String,
    role_plays: String,
    learners: String,
    learner: String,
    final_test: String,
    passed_course: String,
    last_activity: String,
    passed: String,
    not_passed: String,
    grades: [String; 3],
    competency: String,
    share: String,
    answers: String,
    question: String,
    facility: String,
    discrimination: String,
    flags_title: String,
    flags: [String; 5],
    key: String,
    scenario: String,
    runs: String,
    endings: String,
    pass_share: String,
    critical_choices: String,
    no_data: String,
    /// No figure (the class view's "–").
    none: String,
    /// 0 % to 100 %, as the language writes them.
    percents: Vec<String>,
}

impl Words {
    fn new(lang: &str) -> Words {
        let word = |id: &str| i18n::tr(lang, id, &[]);
        Words {
            lang: lang.to_string(),
            title: word("classReport-title"),
            continued: word("classReport-continued"),
            table: word("classReport-table"),
            modules: word("classReport-modules"),
            legend: word("classReport-legend"),
            modules_passed: word("classReport-modulesPassed"),
            mastery: word("classReport-mastery"),
            items: word("classReport-items"),
            items_note: word("classReport-itemsNote"),
            module: word("classReport-module"),
            role_plays: word("classReport-rolePlays"),
            learners: word("classReport-learners"),
            learner: word("classes-learner"),
            final_test: word("classes-final"),
            passed_course: word("classes-passedCourse"),
            last_activity: word("classes-lastActivity"),
            passed: word("classes-passed"),
            not_passed: word("classes-notPassed"),
            grades: [
                word("classes-grade-fail"),
                word("classes-grade-pass"),
                word("classes-grade-distinction"),
            ],
            competency: word("classes-competency"),
            share: word("classes-share"),
            answers: word("classes-answers"),
            question: word("classes-question"),
            facility: word("classes-facility"),
            discrimination: word("classes-discrimination"),
            flags_title: word("classes-flags"),
            flags: [
                word("classes-flag-too_hard"),
                word("classes-flag-too_easy"),
                word("classes-flag-weak_discrimination"),
                word("classes-flag-negative_discrimination"),
                word("classes-flag-unchosen_distractor"),
            ],
            key: word("classes-key"),
            scenario: word("classes-scenario"),
            runs: word("classes-runs"),
            endings: word("classes-endings"),
            pass_share: word("classes-passShare"),
            critical_choices: word("classes-criticalChoices"),
            no_data: word("classes-noData"),
            none: word("classes-noAttempt"),
            percents: (0..=100_u32)
                .map(|p| {
                    i18n::tr(
                        lang,
                        "classReport-percent",
                        &[("percent", p.to_string().into())],
                    )
                })
                .collect(),
        }
    }

    fn tr(&self, id: &str, args: &[(&str, MessageArg)]) -> String {
        i18n::tr(&self.lang, id, args)
    }

    /// A whole per cent of the report, or "–" for none.
    fn percent(&self, p: Option<u32>) -> String {
        p.and_then(|p| self.percents.get(p as usize))
            .cloned()
            .unwrap_or_else(|| self.none.clone())
    }

    /// A share 0..=1 as the whole per cent the report would show.
    fn share(&self, share: f64) -> String {
        self.percent(Some(percent(share)))
    }

    /// A figure to two decimals (a discrimination, already rounded), with
    /// the language's decimal sign and a true minus.
    fn hundredths(&self, value: f64) -> String {
        let cents = (value.abs() * 100.0).round();
        // A correlation: at most 100 hundredths, so the cast is exact.
        let cents = cents.min(1e6) as u32;
        let sign = if value < 0.0 && cents > 0 { "−" } else { "" };
        self.tr(
            "classReport-decimal",
            &[
                ("sign", sign.into()),
                ("whole", (cents / 100).to_string().into()),
                ("fraction", format!("{:02}", cents % 100).into()),
            ],
        )
    }

    fn grade(&self, grade: FinalGrade) -> &str {
        match grade {
            FinalGrade::Fail => &self.grades[0],
            FinalGrade::Pass => &self.grades[1],
            FinalGrade::Distinction => &self.grades[2],
        }
    }

    fn flag(&self, flag: ItemFlag) -> &str {
        match flag {
            ItemFlag::TooHard => &self.flags[0],
            ItemFlag::TooEasy => &self.flags[1],
            ItemFlag::WeakDiscrimination => &self.flags[2],
            ItemFlag::NegativeDiscrimination => &self.flags[3],
            ItemFlag::UnchosenDistractor => &self.flags[4],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
}

/// A table's column: where it is and its title (wrapped into the header).
struct Column {
    x: f32,
    width: f32,
    align: Align,
    title: String,
}

impl Column {
    fn new(x: f32, width: f32, align: Align, title: impl Into<String>) -> Column {
        Column {
            x,
            width,
            align,
            title: title.into(),
        }
    }

    /// A cell of this column in body text.
    fn cell(&self, text: impl Into<String>) -> Cell {
        Cell {
            x: self.x,
            width: self.width,
            align: self.align,
            size: BODY,
            color: INK,
            text: text.into(),
            suffix: String::new(),
        }
    }

    /// A cell of this column in small muted text (an option's or a choice's line).
    fn small(&self, text: impl Into<String>) -> Cell {
        Cell {
            size: SMALL,
            color: MUTED,
            ..self.cell(text)
        }
    }
}

/// Text in a box of a row; cut to fit when drawn.
struct Cell {
    x: f32,
    width: f32,
    align: Align,
    size: f32,
    color: Rgb,
    text: String,
    /// Drawn after `text` and never cut with it (a count, "(key)").
    suffix: String,
}

impl Cell {
    /// Text across the page's width, from its left margin.
    fn across(size: f32, color: Rgb, text: impl Into<String>) -> Cell {
        Cell {
            x: MARGIN - PAD,
            width: TEXT_WIDTH + 2.0 * PAD,
            align: Align::Left,
            size,
            color,
            text: text.into(),
            suffix: String::new(),
        }
    }

    fn with_suffix(mut self, suffix: String) -> Cell {
        self.suffix = suffix;
        self
    }

    /// The cell moved right by `by` points (and as much narrower).
    fn indented(mut self, by: f32) -> Cell {
        self.x += by;
        self.width -= by;
        self
    }
}

/// One line of a table.
struct Row {
    height: f32,
    cells: Vec<Cell>,
    /// Rectangles drawn under the text (a bar of a chart): x, width, share of
    /// the row's height, colour.
    fills: Vec<(f32, f32, f32, Rgb)>,
}

impl Row {
    fn new(height: f32, cells: Vec<Cell>) -> Row {
        Row {
            height,
            cells,
            fills: Vec::new(),
        }
    }
}

/// Rows kept together on a page: a learner's line, or a question with its
/// options.
struct Block {
    rows: Vec<Row>,
    shade: Option<Rgb>,
    /// A hairline above the block, between it and the one before.
    rule: bool,
}

impl Block {
    fn height(&self) -> f32 {
        self.rows.iter().map(|r| r.height).sum()
    }
}

struct Table {
    heading: String,
    /// A line of explanation under the heading (on its first page).
    note: Option<String>,
    columns: Vec<Column>,
    blocks: Vec<Block>,
}

/// Pages being laid out.
struct Layout<'m> {
    measure: &'m Measure<'m>,
    continued: String,
    pages: Vec<Vec<Op>>,
    /// The top of the next line on the last page.
    y: f32,
}

impl<'m> Layout<'m> {
    fn new(measure: &'m Measure<'m>, continued: String) -> Layout<'m> {
        Layout {
            measure,
            continued,
            pages: vec![Vec::new()],
            y: TOP,
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Nothing is on the last page yet.
    fn fresh(&self) -> bool {
        self.y <= TOP
    }

    /// `cell` with its baseline at `y`.
    fn text(&mut self, cell: &Cell, y: f32) {
        if let Some(op) = self.place(cell, y) {
            self.ops().push(op);
        }
    }

    /// The operation drawing `cell` with its baseline at `y`: its text cut
    /// with "…" to fit (its suffix kept whole), control characters shown as
    /// spaces; `None` for nothing to draw.
    fn place(&self, cell: &Cell, y: f32) -> Option<Op> {
        let room = (cell.width - 2.0 * PAD).max(0.0);
        let size = cell.size;
        let text: Cow<str> = if cell.suffix.is_empty() {
            Cow::Borrowed(&cell.text)
        } else {
            let before = (room - self.measure.width(&cell.suffix, size)).max(0.0);
            Cow::Owned(format!(
                "{}{}",
                self.measure.fit(&cell.text, size, before),
                cell.suffix
            ))
        };
        let mut fitted = self.measure.fit(&text, size, room);
        if fitted.chars().any(char::is_control) {
            let clean: String = fitted
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            fitted = self.measure.fit(&clean, size, room);
        }
        if fitted.trim().is_empty() {
            return None;
        }
        let x = match cell.align {
            Align::Left => cell.x + PAD,
            Align::Right => cell.x + cell.width - PAD - self.measure.width(&fitted, size),
        };
        Some(Op::Text {
            x,
            y,
            size,
            color: cell.color,
            text: fitted,
            from: cell.x,
            to: cell.x + cell.width,
        })
    }

    fn line(&mut self, x1: f32, x2: f32, y: f32, width: f32, color: Rgb) {
        self.ops().push(Op::Line {
            x1,
            x2,
            y,
            width,
            color,
        });
    }

    fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.ops().push(Op::Fill { x, y, w, h, color });
    }

    /// A section's heading with a rule under it.
    fn heading(&mut self, text: &str) {
        let y = self.y;
        self.text(&Cell::across(HEADING, BLUE, text), y + 13.0);
        self.line(MARGIN, RIGHT, y + 17.0, 0.8, BLUE);
        self.y += HEADING_SPACE;
    }

    /// A line of small muted text across the page.
    fn note(&mut self, text: &str) {
        let y = self.y;
        self.text(&Cell::across(SMALL, MUTED, text), y + 8.0);
        self.y += 12.0;
    }

    /// Each column's title as the lines of the header.
    fn header_lines(&self, columns: &[Column]) -> Vec<Vec<String>> {
        columns
            .iter()
            .map(|c| {
                let room = (c.width - 2.0 * PAD).max(1.0);
                let mut lines = self.measure.wrap(&c.title, SMALL, room);
                if lines.len() > HEADER_LINES {
                    let rest = lines.split_off(HEADER_LINES - 1).join(" ");
                    lines.push(self.measure.fit(&rest, SMALL, room));
                }
                lines
            })
            .collect()
    }

    fn header_height(lines: &[Vec<String>]) -> f32 {
        let most = lines.iter().map(Vec::len).max().unwrap_or(0);
        if most == 0 {
            0.0
        } else {
            most as f32 * HEADER_LINE + 5.0
        }
    }

    fn header(&mut self, columns: &[Column], lines: &[Vec<String>]) {
        let height = Self::header_height(lines);
        if height == 0.0 {
            return;
        }
        let top = self.y;
        for (column, lines) in columns.iter().zip(lines) {
            for (i, line) in lines.iter().enumerate() {
                let cell = Cell {
                    color: BLUE,
                    ..column.small(line.as_str())
                };
                self.text(&cell, top + 7.0 + i as f32 * HEADER_LINE);
            }
        }
        self.line(MARGIN, RIGHT, top + height - 1.5, 0.6, BLUE);
        self.y += height;
    }

    /// A table: its heading, note and header, then its blocks, each kept on
    /// one page (a block taller than a page goes on row by row). On every
    /// new page the heading says "continued" and the header comes again.
    fn table(&mut self, table: &Table) {
        let lines = self.header_lines(&table.columns);
        let header = Self::header_height(&lines);
        let note = if table.note.is_some() { 12.0 } else { 0.0 };
        let first = table.blocks.first().map_or(0.0, Block::height);
        if !self.fresh() && self.y + HEADING_SPACE + note + header + first > BOTTOM {
            self.new_page();
        }
        self.heading(&table.heading);
        if let Some(text) = &table.note {
            self.note(text);
        }
        self.header(&table.columns, &lines);
        let continued = format!("{} ({})", table.heading, self.continued);
        let mut body_top = self.y;
        let go_on = |layout: &mut Layout, body_top: &mut f32| {
            layout.new_page();
            layout.heading(&continued);
            layout.header(&table.columns, &lines);
            *body_top = layout.y;
        };
        for block in &table.blocks {
            if self.y > body_top && self.y + block.height() > BOTTOM {
                go_on(self, &mut body_top);
            }
            if block.rule && self.y > body_top {
                let y = self.y;
                self.line(MARGIN, RIGHT, y, 0.3, HAIRLINE);
            }
            for row in &block.rows {
                if self.y > body_top && self.y + row.height > BOTTOM {
                    go_on(self, &mut body_top);
                }
                let top = self.y;
                if let Some(shade) = block.shade {
                    self.fill(MARGIN, top, TEXT_WIDTH, row.height, shade);
                }
                for &(x, w, share, color) in &row.fills {
                    let h = row.height * share;
                    self.fill(x, top + (row.height - h) / 2.0, w, h, color);
                }
                for cell in &row.cells {
                    self.text(cell, top + row.height / 2.0 + cell.size * 0.35);
                }
                self.y += row.height;
            }
        }
        self.y += GAP;
    }

    /// Every page's footer: what the report is, and "page n of m".
    fn footers(&mut self, left: &str, words: &Words) {
        let pages = self.pages.len();
        let quarter = TEXT_WIDTH / 4.0;
        for page in 0..pages {
            let number = words.tr(
                "classReport-page",
                &[("page", (page + 1).into()), ("pages", pages.into())],
            );
            let left = Cell {
                width: 3.0 * quarter,
                ..Cell::across(SMALL, MUTED, left)
            };
            let right = Cell {
                x: RIGHT - quarter + PAD,
                width: quarter,
                align: Align::Right,
                ..Cell::across(SMALL, MUTED, number)
            };
            let ops = [
                Some(Op::Line {
                    x1: MARGIN,
                    x2: RIGHT,
                    y: FOOTER - 10.0,
                    width: 0.4,
                    color: HAIRLINE,
                }),
                self.place(&left, FOOTER),
                self.place(&right, FOOTER),
            ];
            self.pages[page].extend(ops.into_iter().flatten());
        }
    }
}

/// The first page's title: the report, the class, its course and the date.
fn title(layout: &mut Layout, report: &ClassReport, class_name: &str, date: &str, words: &Words) {
    let y = layout.y;
    let course = words.tr(
        "classReport-course",
        &[
            ("title", report.course_title.as_str().into()),
            ("version", report.course_version.as_str().into()),
        ],
    );
    let date = words.tr("classReport-date", &[("date", date.into())]);
    let learners = words.tr(
        "classes-learnerCount",
        &[("count", report.rows.len().into())],
    );
    layout.text(&Cell::across(11.0, BLUE, words.title.as_str()), y + 11.0);
    layout.text(&Cell::across(22.0, INK, class_name), y + 36.0);
    layout.text(&Cell::across(10.0, MUTED, course), y + 54.0);
    layout.text(
        &Cell::across(10.0, MUTED, format!("{date}  ·  {learners}")),
        y + 68.0,
    );
    layout.line(MARGIN, RIGHT, y + 78.0, 1.0, BLUE);
    layout.y = y + 78.0 + GAP;
}

/// The modules by number, as the class table's columns name them.
fn module_key(report: &ClassReport, words: &Words) -> Table {
    let half = TEXT_WIDTH / 2.0;
    let columns = vec![
        Column::new(MARGIN - PAD, half, Align::Left, ""),
        Column::new(MARGIN - PAD + half, half, Align::Left, ""),
    ];
    let entries: Vec<String> = report
        .modules
        .iter()
        .enumerate()
        .map(|(i, m)| {
            words.tr(
                "classReport-moduleKey",
                &[
                    ("number", (i + 1).into()),
                    ("title", m.title.as_str().into()),
                    ("percent", words.share(m.pass_mark).into()),
                ],
            )
        })
        .collect();
    let down = entries.len().div_ceil(2);
    let blocks = (0..down)
        .map(|i| {
            let cells = [entries.get(i), entries.get(i + down)]
                .into_iter()
                .zip(&columns)
                .filter_map(|(entry, column)| entry.map(|e| column.cell(e.as_str())))
                .collect();
            Block {
                rows: vec![Row::new(SUB_ROW + 1.0, cells)],
                shade: None,
                rule: false,
            }
        })
        .collect();
    Table {
        heading: words.modules.clone(),
        note: None,
        columns,
        blocks,
    }
}

/// The class table's modules in bands that fit across a page: each band
/// holds what fits beside the learner's column, the last one also the
/// final test, modules passed, course passed and last activity.
fn bands(modules: usize, has_final_test: bool) -> Vec<std::ops::Range<usize>> {
    let plain = ((TEXT_WIDTH - LEARNER_WIDTH) / MODULE_MIN).floor() as usize;
    let last =
        ((TEXT_WIDTH - LEARNER_WIDTH - extras_width(has_final_test)) / MODULE_MIN).floor() as usize;
    let mut out = Vec::new();
    let mut start = 0;
    while modules - start > last {
        let end = (start + plain).min(modules);
        out.push(start..end);
        start = end;
    }
    out.push(start..modules);
    out
}

/// The columns after the modules.
fn extras_width(has_final_test: bool) -> f32 {
    let final_test = if has_final_test { FINAL_WIDTH } else { 0.0 };
    final_test + PASSED_WIDTH + COURSE_WIDTH + LAST_WIDTH
}

/// The class table of the modules in `band` (with the columns after them
/// when `last`).
fn class_table(
    report: &ClassReport,
    words: &Words,
    band: std::ops::Range<usize>,
    last: bool,
    banded: bool,
) -> Table {
    let extras = if last {
        extras_width(report.has_final_test)
    } else {
        0.0
    };
    let n = band.len();
    let room = TEXT_WIDTH - LEARNER_WIDTH - extras;
    let module_width = if n == 0 {
        MODULE_MAX
    } else {
        (room / n as f32).clamp(MODULE_MIN, MODULE_MAX)
    };
    let learner_width =
        (TEXT_WIDTH - extras - module_width * n as f32).clamp(LEARNER_WIDTH, LEARNER_WIDTH_MAX);
    let mut columns = vec![Column::new(
        MARGIN,
        learner_width,
        Align::Left,
        words.learner.as_str(),
    )];
    let mut x = MARGIN + learner_width;
    for i in band.clone() {
        let title = format!("{}. {}", i + 1, report.modules[i].title);
        columns.push(Column::new(x, module_width, Align::Right, title));
        x += module_width;
    }
    let mut extra = |width: f32, align: Align, title: &str| {
        columns.push(Column::new(x, width, align, title));
        x += width;
    };
    if last {
        if report.has_final_test {
            extra(FINAL_WIDTH, Align::Left, &words.final_test);
        }
        extra(PASSED_WIDTH, Align::Right, &words.modules_passed);
        extra(COURSE_WIDTH, Align::Left, &words.passed_course);
        extra(LAST_WIDTH, Align::Right, &words.last_activity);
    }
    let blocks = report
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| Block {
            rows: vec![learner_line(
                report,
                words,
                row,
                &columns,
                band.clone(),
                last,
            )],
            shade: (i % 2 == 1).then_some(SHADE),
            rule: false,
        })
        .collect();
    let heading = if banded {
        words.tr(
            "classReport-tableModules",
            &[
                ("first", (band.start + 1).into()),
                ("last", band.end.into()),
            ],
        )
    } else {
        words.table.clone()
    };
    Table {
        heading,
        note: Some(words.legend.clone()),
        columns,
        blocks,
    }
}

/// One learner's line of the class table.
fn learner_line(
    report: &ClassReport,
    words: &Words,
    row: &LearnerRow,
    columns: &[Column],
    band: std::ops::Range<usize>,
    last: bool,
) -> Row {
    let mut cells = vec![columns[0].cell(row.learner.name.as_str())];
    for (column, i) in columns[1..].iter().zip(band.clone()) {
        let Some(cell) = row.modules.get(i) else {
            continue;
        };
        // The figure, and the pass mark right of it in the column's last
        // points: their boxes share a padding.
        let mut figure = column.cell(words.percent(cell.best_percent));
        figure.width -= CHECK_WIDTH - PAD + 1.0;
        cells.push(figure);
        if cell.passed {
            cells.push(Cell {
                x: column.x + column.width - CHECK_WIDTH - PAD,
                width: CHECK_WIDTH + PAD,
                color: BLUE,
                ..column.cell(CHECK)
            });
        }
    }
    if last {
        let mut rest = columns[1 + band.len()..].iter();
        if report.has_final_test
            && let Some(column) = rest.next()
        {
            let text = match (row.final_grade, row.final_test.as_ref()) {
                (Some(grade), Some(cell)) => format!(
                    "{} ({})",
                    words.grade(grade),
                    words.percent(cell.best_percent)
                ),
                (Some(grade), None) => words.grade(grade).to_string(),
                (None, _) => words.none.clone(),
            };
            cells.push(column.cell(text));
        }
        if let Some(column) = rest.next() {
            let of = report.modules.len();
            cells.push(column.cell(format!("{} / {of}", row.modules_passed)));
        }
        if let Some(column) = rest.next() {
            let passed = if row.course_passed {
                &words.passed
            } else {
                &words.not_passed
            };
            cells.push(column.cell(passed.as_str()));
        }
        if let Some(column) = rest.next() {
            let day = row.last_activity.map_or_else(|| words.none.clone(), day_of);
            cells.push(column.cell(day));
        }
    }
    Row::new(ROW, cells)
}

fn mastery_table(report: &ClassReport, words: &Words) -> Table {
    let columns = vec![
        Column::new(MARGIN, 330.0, Align::Left, words.competency.as_str()),
        Column::new(MARGIN + 330.0, 70.0, Align::Right, words.share.as_str()),
        Column::new(MARGIN + 400.0, 260.0, Align::Left, ""),
        Column::new(MARGIN + 660.0, 70.0, Align::Right, words.answers.as_str()),
    ];
    let bar_x = columns[2].x + PAD * 2.0;
    let bar_w = columns[2].width - PAD * 4.0;
    let blocks = report
        .mastery
        .iter()
        .map(|m| {
            let mut row = Row::new(
                ROW + 1.0,
                vec![
                    columns[0].cell(m.title.as_str()),
                    columns[1].cell(words.percent(m.percent)),
                    columns[3].cell(m.answers.to_string()),
                ],
            );
            if let Some(p) = m.percent {
                row.fills.push((bar_x, bar_w, 0.5, BAR_BACK));
                row.fills
                    .push((bar_x, bar_w * p.min(100) as f32 / 100.0, 0.5, BAR));
            }
            Block {
                rows: vec![row],
                shade: None,
                rule: true,
            }
        })
        .collect();
    Table {
        heading: words.mastery.clone(),
        note: None,
        columns,
        blocks,
    }
}

fn items_table(report: &ClassReport, words: &Words, measure: &Measure) -> Table {
    let widths = [350.0, 70.0, 52.0, 58.0, 70.0];
    let mut x = MARGIN;
    let mut at = |w: f32| {
        let start = x;
        x += w;
        start
    };
    let columns = vec![
        Column::new(
            at(widths[0]),
            widths[0],
            Align::Left,
            words.question.as_str(),
        ),
        Column::new(at(widths[1]), widths[1], Align::Left, words.module.as_str()),
        Column::new(
            at(widths[2]),
            widths[2],
            Align::Right,
            words.answers.as_str(),
        ),
        Column::new(
            at(widths[3]),
            widths[3],
            Align::Right,
            words.facility.as_str(),
        ),
        Column::new(
            at(widths[4]),
            widths[4],
            Align::Right,
            words.discrimination.as_str(),
        ),
        Column::new(at(0.0), RIGHT - x, Align::Left, words.flags_title.as_str()),
    ];
    let blocks = report
        .items
        .iter()
        .map(|item| item_block(report, words, measure, item, &columns))
        .collect();
    Table {
        heading: words.items.clone(),
        note: Some(words.items_note.clone()),
        columns,
        blocks,
    }
}

/// A question's line, a line per option under it, and its flags in words
/// down the last column.
fn item_block(
    report: &ClassReport,
    words: &Words,
    measure: &Measure,
    item: &ItemAnalysis,
    columns: &[Column],
) -> Block {
    let [question, module, answers, facility, discrimination, flags] = columns else {
        return Block {
            rows: Vec::new(),
            shade: None,
            rule: false,
        };
    };
    let number = report
        .modules
        .iter()
        .position(|m| m.module_id == item.module_id)
        .map_or_else(|| item.module_id.clone(), |i| (i + 1).to_string());
    let module_text = match item.source {
        ItemSource::Quiz => number,
        ItemSource::FinalTest => format!("{number} · {}", words.final_test),
    };
    let mut rows = vec![Row::new(
        ROW,
        vec![
            question.cell(item.prompt.as_str()),
            module.cell(module_text),
            answers.cell(item.answers.to_string()),
            facility.cell(words.percent(item.facility_percent)),
            discrimination.cell(
                item.discrimination
                    .map_or_else(|| words.none.clone(), |d| words.hundredths(d)),
            ),
        ],
    )];
    for option in &item.options {
        let key = if option.key {
            format!(" ({})", words.key)
        } else {
            String::new()
        };
        rows.push(Row::new(
            SUB_ROW,
            vec![
                question
                    .small(option.text.as_str())
                    .with_suffix(key)
                    .indented(10.0),
                answers.small(option.count.to_string()),
                facility.small(words.percent(option.percent)),
            ],
        ));
    }
    let said: Vec<&str> = item.flags.iter().map(|&f| words.flag(f)).collect();
    let lines = if said.is_empty() {
        Vec::new()
    } else {
        measure.wrap(&said.join(", "), BODY, (flags.width - 2.0 * PAD).max(1.0))
    };
    for (i, line) in lines.into_iter().enumerate() {
        if i == rows.len() {
            rows.push(Row::new(SUB_ROW, Vec::new()));
        }
        rows[i].cells.push(flags.cell(line));
    }
    Block {
        rows,
        shade: (!item.flags.is_empty()).then_some(FLAGGED),
        rule: true,
    }
}

fn role_play_table(report: &ClassReport, words: &Words) -> Table {
    let widths = [220.0, 50.0, 60.0, 60.0, 110.0, 55.0];
    let mut x = MARGIN;
    let mut at = |w: f32| {
        let start = x;
        x += w;
        start
    };
    let columns = vec![
        Column::new(
            at(widths[0]),
            widths[0],
            Align::Left,
            words.scenario.as_str(),
        ),
        Column::new(at(widths[1]), widths[1], Align::Left, words.module.as_str()),
        Column::new(at(widths[2]), widths[2], Align::Right, words.runs.as_str()),
        Column::new(
            at(widths[3]),
            widths[3],
            Align::Right,
            words.learners.as_str(),
        ),
        Column::new(
            at(widths[4]),
            widths[4],
            Align::Right,
            words.endings.as_str(),
        ),
        Column::new(
            at(widths[5]),
            widths[5],
            Align::Right,
            words.pass_share.as_str(),
        ),
        Column::new(
            at(0.0),
            RIGHT - x,
            Align::Left,
            words.critical_choices.as_str(),
        ),
    ];
    let blocks = report
        .role_plays
        .iter()
        .map(|r| {
            let number = report
                .modules
                .iter()
                .position(|m| m.module_id == r.module_id)
                .map_or_else(|| r.module_id.clone(), |i| (i + 1).to_string());
            let mut rows = vec![Row::new(
                ROW,
                vec![
                    columns[0].cell(r.title.as_str()),
                    columns[1].cell(number),
                    columns[2].cell(r.runs.to_string()),
                    columns[3].cell(r.learners.to_string()),
                    columns[4].cell(format!("{} / {} / {}", r.good, r.mixed, r.poor)),
                    columns[5].cell(words.percent(r.pass_percent)),
                ],
            )];
            for (i, choice) in r.critical_choices.iter().enumerate() {
                let text = choice.text.as_str();
                let count = format!(" ({})", choice.count);
                if i == 0 {
                    rows[0].cells.push(columns[6].cell(text).with_suffix(count));
                } else {
                    rows.push(Row::new(
                        SUB_ROW,
                        vec![columns[6].small(text).with_suffix(count)],
                    ));
                }
            }
            Block {
                rows,
                shade: None,
                rule: true,
            }
        })
        .collect();
    Table {
        heading: words.role_plays.clone(),
        note: None,
        columns,
        blocks,
    }
}

/// The pages of the report, laid out.
fn lay_out(
    report: &ClassReport,
    class_name: &str,
    date: &str,
    words: &Words,
    measure: &Measure,
) -> Vec<Vec<Op>> {
    let mut layout = Layout::new(measure, words.continued.clone());
    title(&mut layout, report, class_name, date, words);
    if report.rows.is_empty() {
        layout.note(&words.no_data);
    } else {
        if !report.modules.is_empty() {
            layout.table(&module_key(report, words));
        }
        let bands = bands(report.modules.len(), report.has_final_test);
        let banded = bands.len() > 1;
        let count = bands.len();
        for (i, band) in bands.into_iter().enumerate() {
            layout.table(&class_table(report, words, band, i + 1 == count, banded));
        }
        if !report.mastery.is_empty() {
            layout.table(&mastery_table(report, words));
        }
        if !report.items.is_empty() {
            layout.table(&items_table(report, words, measure));
        }
        if !report.role_plays.is_empty() {
            layout.table(&role_play_table(report, words));
        }
    }
    let footer = format!(
        "{}  ·  {}  ·  {}  ·  {}",
        words.title, class_name, report.course_title, date
    );
    layout.footers(&footer, words);
    layout.pages
}

/// The class report as a PDF: A4 landscape pages in `lang` (the words; the
/// report's titles and prompts are in the report's language), dated
/// `generated_at` (its UTC day).
pub fn class_report_pdf(
    report: &ClassReport,
    class_name: &str,
    generated_at: Timestamp,
    lang: &str,
) -> Result<Vec<u8>> {
    let words = Words::new(lang);
    let (measure, font) = font().map_err(not_made)?;
    let date = day_of(generated_at);
    let pages = lay_out(report, class_name, &date, &words, &measure);

    let settings = PageSettings::from_wh(WIDTH, HEIGHT)
        .ok_or_else(|| not_made("the page size is not valid"))?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!(
                "{} – {} – {}",
                words.title, class_name, report.course_title
            ))
            .language(lang.to_string())
            .creator("Värdskap".to_string()),
    );
    for ops in &pages {
        let mut page = document.start_page_with(settings.clone());
        {
            let mut pen = Pen {
                surface: page.surface(),
                font: font.clone(),
                measure: &measure,
            };
            draw(&mut pen, ops);
            // Dropping the surface writes the page's content.
        }
        page.finish();
    }
    document.finish().map_err(|e| not_made(format!("{e:?}")))
}

fn draw(pen: &mut Pen, ops: &[Op]) {
    let mut color = None;
    for op in ops {
        match op {
            Op::Text {
                x,
                y,
                size,
                color: c,
                text,
                ..
            } => {
                if color != Some(*c) {
                    pen.color(c.0, c.1, c.2);
                    color = Some(*c);
                }
                pen.left(*x, *y, *size, text);
            }
            Op::Line {
                x1,
                x2,
                y,
                width,
                color,
            } => pen.line(*x1, *x2, *y, *width, *color),
            Op::Fill {
                x,
                y,
                w,
                h,
                color: c,
            } => {
                if color != Some(*c) {
                    pen.color(c.0, c.1, c.2);
                    color = Some(*c);
                }
                pen.fill_rect(*x, *y, *w, *h);
            }
        }
    }
}

/// The report could not be made, for a reason only a developer can fix.
fn not_made(detail: impl Into<String>) -> Error {
    Error::ClassReportNotMade {
        detail: detail.into(),
    }
}

#[cfg(test)]
mod tests;
