//! Where a problem is: one course file's text with a line index that turns
//! byte offsets (from TOML spans or Markdown events) into 1-based line and
//! column, and the report that collects every diagnostic of a load.

use std::ops::Range;

use super::Diagnostic;
use super::messages::MORE_PROBLEMS;
use crate::i18n::{Message, message};

/// A value read from a file, with the byte range it came from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Located<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Located<T> {
    pub fn new(value: T, span: Range<usize>) -> Self {
        Located { value, span }
    }
}

/// One file of the course: its course-relative path and its text.
pub(crate) struct SourceFile {
    /// Relative to the course folder, `/`-separated.
    pub path: String,
    pub text: String,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset. Offsets past
    /// the end or inside a character are clamped, never a panic.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let col = self
            .text
            .get(start..)
            .map(|rest| {
                rest.char_indices()
                    .take_while(|(i, _)| start + i < offset)
                    .count()
            })
            .unwrap_or(0);
        (to_u32(line + 1), to_u32(col + 1))
    }

    pub fn diagnostic_at(&self, offset: usize, message: Message) -> Diagnostic {
        let (line, column) = self.line_col(offset);
        Diagnostic::new(self.path.clone(), line, column, message)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Every problem found in a course. `broken` records that some file could not
/// be read into the model at all, so no [`super::Course`] can be returned.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub broken: bool,
    /// Located problems reported per file, to stop at [`MAX_PROBLEMS_PER_FILE`].
    per_file: std::collections::HashMap<String, usize>,
}

/// Located problems kept per file. Past it an author learns how many more
/// there are, in one line: a hostile file with a million bad tags must not
/// make a million diagnostics (each one counts its column from its line's
/// start, so that would also be quadratic on a long line).
pub(crate) const MAX_PROBLEMS_PER_FILE: usize = 100;

impl Report {
    /// A rule is broken; the model can still be built.
    pub fn error(&mut self, file: &SourceFile, offset: usize, message: Message) {
        let count = self.per_file.entry(file.path.clone()).or_insert(0);
        *count += 1;
        if *count <= MAX_PROBLEMS_PER_FILE {
            self.diagnostics.push(file.diagnostic_at(offset, message));
        }
    }

    /// A required value is missing or has the wrong shape: no model.
    pub fn fatal(&mut self, file: &SourceFile, offset: usize, message: Message) {
        self.broken = true;
        self.error(file, offset, message);
    }

    /// A rule about a whole file (its name, its presence) is broken.
    pub fn error_file(&mut self, path: impl Into<String>, message: Message) {
        self.diagnostics.push(Diagnostic::file(path, message));
    }

    /// A whole file is missing or unreadable: no model.
    pub fn fatal_file(&mut self, path: impl Into<String>, message: Message) {
        self.broken = true;
        self.diagnostics.push(Diagnostic::file(path, message));
    }

    /// In file order, then by position: the order an author fixes them in.
    pub fn into_sorted(mut self) -> (Vec<Diagnostic>, bool) {
        for (path, count) in &self.per_file {
            if *count > MAX_PROBLEMS_PER_FILE {
                self.diagnostics.push(Diagnostic::file(
                    path.clone(),
                    message!(
                        MORE_PROBLEMS,
                        more = count - MAX_PROBLEMS_PER_FILE,
                        max = MAX_PROBLEMS_PER_FILE
                    ),
                ));
            }
        }
        self.diagnostics.sort_by(|a, b| {
            (a.path.as_str(), a.line, a.column).cmp(&(b.path.as_str(), b.line, b.column))
        });
        self.diagnostics.dedup();
        (self.diagnostics, self.broken)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("a.toml", "x = 1\ntitle = \"åäö\" y\n".to_string());
        assert_eq!(file.line_col(0), (1, 1), "offset 0 is the first character");
        assert_eq!(
            file.line_col(6),
            (2, 1),
            "just after a newline is column 1 of the next line"
        );
        let y = file.text.find(" y").unwrap_or(0) + 1;
        assert_eq!(file.line_col(y), (2, 15), "å, ä and ö are one column each");
    }

    #[test]
    fn line_col_never_panics_out_of_range() {
        let file = SourceFile::new("a.toml", "ö\n".to_string());
        assert_eq!(
            file.line_col(1),
            (1, 2),
            "an offset inside a character rounds up to the next"
        );
        assert_eq!(
            file.line_col(999),
            (2, 1),
            "an offset past the end is clamped to the end"
        );
        let empty = SourceFile::new("b.toml", String::new());
        assert_eq!(empty.line_col(5), (1, 1), "an empty file has one line");
    }
}
