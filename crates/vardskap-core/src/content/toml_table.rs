//! Reading one TOML table of a course file key by key, from toml's spanned
//! parse tree, so that every missing key, wrong type, unknown key and missing
//! translation is reported with its position instead of stopping at the first.

use std::collections::BTreeMap;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Text;
use super::messages::{
    EMPTY_TEXT, MISSING_KEY, MISSING_TRANSLATION, NOT_BOOL, NOT_FINITE, NOT_NUMBER, NOT_STRING,
    NOT_STRING_LIST, NOT_TABLE, NOT_TABLE_LIST, NOT_TEXT, TOML_SYNTAX, UNDECLARED_LANGUAGE,
    UNKNOWN_KEY,
};
use super::source::{Located, Report, SourceFile};
use crate::i18n::{Message, MessageArg, MessageArgs, MessageId, message};

/// What a table is read against: its file, the report and the course's languages.
pub(crate) struct Ctx<'a> {
    pub file: &'a SourceFile,
    pub report: &'a mut Report,
    /// The declared languages; texts must have exactly these.
    pub langs: &'a [String],
}

impl Ctx<'_> {
    pub fn error(&mut self, offset: usize, message: Message) {
        self.report.error(self.file, offset, message);
    }

    pub fn fatal(&mut self, offset: usize, message: Message) {
        self.report.fatal(self.file, offset, message);
    }
}

/// Parses a whole TOML file. Syntax errors are reported (all the parser
/// recovers from) and make the file unusable.
pub(crate) fn parse_document<'i>(file: &'i SourceFile, report: &mut Report) -> Option<DeTable<'i>> {
    let (table, errors) = DeTable::parse_recoverable(&file.text);
    if errors.is_empty() {
        return Some(table.into_inner());
    }
    for error in errors {
        let offset = error.span().map(|s| s.start).unwrap_or(0);
        report.fatal(
            file,
            offset,
            message!(TOML_SYNTAX, detail = error.message().trim()),
        );
    }
    None
}

/// One table being read. Keys are taken one by one; [`Fields::finish`]
/// reports every key nobody took.
pub(crate) struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    /// Where the table starts, for "missing key" problems.
    at: usize,
    taken: Vec<&'t str>,
    /// What the table is, as a code word the catalogue words (`check-table`):
    /// `question`, `node`, a file name such as `course.toml` …
    what: &'static str,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub fn new(table: &'t DeTable<'i>, at: usize, what: &'static str) -> Self {
        Fields {
            table,
            at,
            taken: Vec::new(),
            what,
        }
    }

    pub fn at(&self) -> usize {
        self.at
    }

    fn take(
        &mut self,
        key: &str,
    ) -> Option<(
        &'t Spanned<std::borrow::Cow<'i, str>>,
        &'t Spanned<DeValue<'i>>,
    )> {
        let (k, v) = self.table.get_key_value(key)?;
        self.taken.push(k.get_ref().as_ref());
        Some((k, v))
    }

    /// Marks keys as read without reading them (their shape is unknown).
    pub fn skip(&mut self, keys: &[&str]) {
        for key in keys {
            let _ = self.take(key);
        }
    }

    /// A string value without taking the key, for messages.
    pub fn peek_str(&self, key: &str) -> String {
        self.table
            .get(key)
            .and_then(|v| v.get_ref().as_str())
            .unwrap_or("")
            .to_string()
    }

    pub fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    /// Where `key` is written, or the table's start when it is not.
    pub fn key_at(&self, key: &str) -> usize {
        self.table
            .get_key_value(key)
            .map(|(k, _)| k.span().start)
            .unwrap_or(self.at)
    }

    fn missing(&self, cx: &mut Ctx, key: &str) {
        cx.fatal(self.at, message!(MISSING_KEY, table = self.what, key = key));
    }

    fn wrong_type(cx: &mut Ctx, key: &str, value: &Spanned<DeValue>, want: MessageId) {
        wrong_type_with(cx, key, value, want, Vec::new());
    }

    pub fn opt_str(&mut self, cx: &mut Ctx, key: &str) -> Option<Located<String>> {
        let (_, value) = self.take(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(Located::new(s.to_string(), value.span())),
            _ => {
                Self::wrong_type(cx, key, value, NOT_STRING);
                None
            }
        }
    }

    pub fn str(&mut self, cx: &mut Ctx, key: &str) -> Option<Located<String>> {
        let found = self.opt_str(cx, key);
        if !self.has(key) {
            self.missing(cx, key);
        }
        found
    }

    pub fn opt_bool(&mut self, cx: &mut Ctx, key: &str) -> Option<bool> {
        let (_, value) = self.take(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                Self::wrong_type(cx, key, value, NOT_BOOL);
                None
            }
        }
    }

    pub fn bool(&mut self, cx: &mut Ctx, key: &str) -> Option<bool> {
        let found = self.opt_bool(cx, key);
        if !self.has(key) {
            self.missing(cx, key);
        }
        found
    }

    pub fn opt_num(&mut self, cx: &mut Ctx, key: &str) -> Option<Located<f64>> {
        let (_, value) = self.take(key)?;
        number(cx, key, value).map(|n| Located::new(n, value.span()))
    }

    pub fn num(&mut self, cx: &mut Ctx, key: &str) -> Option<Located<f64>> {
        let found = self.opt_num(cx, key);
        if !self.has(key) {
            self.missing(cx, key);
        }
        found
    }

    /// A required localised text. Missing translations are reported but keep
    /// the model buildable; a wrong shape does not.
    pub fn text(&mut self, cx: &mut Ctx, key: &str) -> Text {
        let found = self.opt_text(cx, key);
        if !self.has(key) {
            self.missing(cx, key);
        }
        found.unwrap_or_default()
    }

    pub fn opt_text(&mut self, cx: &mut Ctx, key: &str) -> Option<Text> {
        let (k, value) = self.take(key)?;
        let DeValue::Table(table) = value.get_ref() else {
            let example = example_langs(cx.langs);
            wrong_type_with(cx, key, value, NOT_TEXT, vec![("example", example.into())]);
            return None;
        };
        Some(text_of(cx, key, k.span().start, table))
    }

    /// An array of any values, e.g. `outcomes = [{ sv = "…" }, …]`, with
    /// where it starts; `want` (with `args` besides `key` and `found`) says
    /// what is expected when it is not an array.
    pub fn opt_array(
        &mut self,
        cx: &mut Ctx,
        key: &str,
        want: MessageId,
        args: MessageArgs,
    ) -> Option<(usize, Vec<&'t Spanned<DeValue<'i>>>)> {
        let (_, value) = self.take(key)?;
        match value.get_ref() {
            DeValue::Array(items) => Some((value.span().start, items.iter().collect())),
            _ => {
                wrong_type_with(cx, key, value, want, args);
                None
            }
        }
    }

    /// An inline table or sub-table, e.g. `points = { welcome = 2 }`.
    pub fn opt_table(&mut self, cx: &mut Ctx, key: &str) -> Option<(usize, &'t DeTable<'i>)> {
        let (_, value) = self.take(key)?;
        match value.get_ref() {
            DeValue::Table(t) => Some((value.span().start, t)),
            _ => {
                Self::wrong_type(cx, key, value, NOT_TABLE);
                None
            }
        }
    }

    /// An array of tables, `[[key]]`. Each comes with where it starts.
    pub fn tables(&mut self, cx: &mut Ctx, key: &str) -> Vec<(usize, &'t DeTable<'i>)> {
        let Some((_, value)) = self.take(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            Self::wrong_type(cx, key, value, NOT_TABLE_LIST);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((item.span().start, t)),
                _ => Self::wrong_type(cx, key, item, NOT_TABLE),
            }
        }
        out
    }

    /// An array of strings, e.g. `languages = ["sv", "en"]`.
    pub fn opt_str_list(
        &mut self,
        cx: &mut Ctx,
        key: &str,
    ) -> Option<Located<Vec<Located<String>>>> {
        let (_, value) = self.take(key)?;
        string_list(cx, key, value)
    }

    /// Reports every key that was not taken. `other_kind` may give a better
    /// message for a key that belongs to another variant of the table.
    pub fn finish(self, cx: &mut Ctx, other_kind: impl Fn(&str) -> Option<Message>) {
        for key in self.table.keys() {
            let name = key.get_ref().as_ref();
            if self.taken.contains(&name) {
                continue;
            }
            let message = other_kind(name)
                .unwrap_or_else(|| message!(UNKNOWN_KEY, key = name, table = self.what));
            cx.error(key.span().start, message);
        }
    }
}

/// Reports `lang_name`, written at `at`, when the course does not declare it.
pub(crate) fn declared_language(cx: &mut Ctx, lang_name: &str, at: usize) {
    if let Some(message) = undeclared_language(lang_name, cx.langs) {
        cx.error(at, message);
    }
}

/// The problem with `lang`, in a text or a lesson file's name, when the
/// course (whose languages are `langs`, none when unknown) does not declare it.
pub(crate) fn undeclared_language(lang: &str, langs: &[String]) -> Option<Message> {
    (!langs.is_empty() && !langs.iter().any(|l| l == lang)).then(|| {
        message!(
            UNDECLARED_LANGUAGE,
            lang = lang,
            languages = langs.join(", ")
        )
    })
}

/// The localised text in `table` (one string per language), named `key` in
/// messages; a missing translation is reported at `key_at`.
pub(crate) fn text_of(cx: &mut Ctx, key: &str, key_at: usize, table: &DeTable) -> Text {
    let mut text = BTreeMap::new();
    for (lang, s) in table {
        let lang_name = lang.get_ref().as_ref();
        declared_language(cx, lang_name, lang.span().start);
        match s.get_ref() {
            DeValue::String(t) if t.trim().is_empty() => {
                cx.error(
                    s.span().start,
                    message!(EMPTY_TEXT, key = key, lang = lang_name),
                );
            }
            DeValue::String(t) => {
                text.insert(lang_name.to_string(), t.to_string());
            }
            _ => Fields::wrong_type(cx, &format!("{key}.{lang_name}"), s, NOT_STRING),
        }
    }
    for lang in cx.langs {
        if !table.contains_key(lang.as_str()) {
            cx.error(
                key_at,
                message!(MISSING_TRANSLATION, key = key, lang = lang),
            );
        }
    }
    Text(text)
}

/// A TOML integer or float as f64; NaN and infinities are refused.
pub(crate) fn number(cx: &mut Ctx, key: &str, value: &Spanned<DeValue>) -> Option<f64> {
    let n = match value.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .ok()
            .map(|n| n as f64),
        DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
        _ => {
            Fields::wrong_type(cx, key, value, NOT_NUMBER);
            return None;
        }
    };
    match n {
        Some(n) if n.is_finite() => Some(n),
        _ => {
            cx.fatal(value.span().start, message!(NOT_FINITE, key = key));
            None
        }
    }
}

pub(crate) fn string_list(
    cx: &mut Ctx,
    key: &str,
    value: &Spanned<DeValue>,
) -> Option<Located<Vec<Located<String>>>> {
    let DeValue::Array(items) = value.get_ref() else {
        Fields::wrong_type(cx, key, value, NOT_STRING_LIST);
        return None;
    };
    let mut out = Vec::new();
    for item in items.iter() {
        match item.get_ref() {
            DeValue::String(s) => out.push(Located::new(s.to_string(), item.span())),
            _ => Fields::wrong_type(cx, key, item, NOT_STRING),
        }
    }
    Some(Located::new(out, value.span()))
}

/// Reports that `value` of `key` is not what `want` says (a `check-not…`
/// message, whose other placeholders are `args`); the type found is named as
/// `found`.
pub(crate) fn wrong_type_with(
    cx: &mut Ctx,
    key: &str,
    value: &Spanned<DeValue>,
    want: MessageId,
    mut args: MessageArgs,
) {
    args.push(("key", key.into()));
    args.push(("found", MessageArg::from(value.get_ref().type_str())));
    cx.fatal(value.span().start, want.with(args));
}

fn example_langs(langs: &[String]) -> String {
    let langs: Vec<String> = langs.iter().map(|l| format!("{l} = \"…\"")).collect();
    if langs.is_empty() {
        "en = \"…\"".to_string()
    } else {
        langs.join(", ")
    }
}
