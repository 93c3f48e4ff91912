//! The one catalogue of words: `locales/<lang>.ftl` at the top of the
//! repository, in Fluent's syntax, one file per language with the same
//! messages. The core (error sentences, the certificate, a new course's first
//! words) reads them here; the UI reads the same files. They are compiled in,
//! and parsed once on first use: constant data, not state.
//!
//! A message id is the UI's key with `-` for `.` (`recovery-title` is
//! `t('recovery.title')`); `id.attribute` names an attribute, as
//! `errors-NotFound.detail`.

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// Every language of the catalogue with its file. English comes first: it is
/// what a language without a catalogue, or a message missing from one, gets.
pub const CATALOGUES: &[(&str, &str)] = &[
    ("en", include_str!("../../../locales/en.ftl")),
    ("sv", include_str!("../../../locales/sv.ftl")),
];

/// The language the core writes in when nobody asked for another (the CLI,
/// logs, `Error`'s `Display`).
pub const FALLBACK: &str = "en";

/// A value for a placeholder of a message: text, or a whole number (which
/// plural forms can select on).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(untagged)]
#[ts(export)]
pub enum MessageArg {
    Text(String),
    Number(i64),
}

impl From<&str> for MessageArg {
    fn from(text: &str) -> Self {
        MessageArg::Text(text.to_string())
    }
}

impl From<String> for MessageArg {
    fn from(text: String) -> Self {
        MessageArg::Text(text)
    }
}

impl From<&String> for MessageArg {
    fn from(text: &String) -> Self {
        MessageArg::Text(text.clone())
    }
}

impl From<i64> for MessageArg {
    fn from(n: i64) -> Self {
        MessageArg::Number(n)
    }
}

impl From<u32> for MessageArg {
    fn from(n: u32) -> Self {
        MessageArg::Number(i64::from(n))
    }
}

impl From<u64> for MessageArg {
    fn from(n: u64) -> Self {
        MessageArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<usize> for MessageArg {
    fn from(n: usize) -> Self {
        MessageArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// The placeholders of one message, by name (without Fluent's `$`).
pub type MessageArgs = Vec<(&'static str, MessageArg)>;

/// A message of the catalogue as the code names it: its id and the names of
/// its placeholders (a test checks both against every catalogue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageId {
    pub id: &'static str,
    pub params: &'static [&'static str],
}

impl MessageId {
    /// The message with the values of its placeholders, named as declared
    /// (a debug build checks that every one is given, and no other). The
    /// [`message!`] macro writes this call.
    pub fn with(self, args: MessageArgs) -> Message {
        debug_assert!(
            args.len() == self.params.len()
                && args.iter().all(|(name, _)| self.params.contains(name)),
            "{} fills {:?}, not {:?}",
            self.id,
            self.params,
            args.iter().map(|(name, _)| name).collect::<Vec<_>>()
        );
        Message { id: self.id, args }
    }
}

/// A sentence of the catalogue before it is said in a language: the message
/// and the values of its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: MessageArgs,
}

impl Message {
    /// The sentence in `lang` (else in English).
    pub fn say(&self, lang: &str) -> String {
        tr(lang, self.id, &self.args)
    }

    /// The placeholders by name, as they cross to the UI.
    pub fn params(&self) -> Params {
        self.args
            .iter()
            .map(|(name, value)| ((*name).to_string(), value.clone()))
            .collect()
    }
}

/// `message!(ID, name = value, …)`: the [`MessageId`] `ID` with its
/// placeholders filled, each value turned into a [`MessageArg`].
macro_rules! message {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $id.with(vec![$((stringify!($name), $crate::i18n::MessageArg::from($value))),*])
    };
}
pub(crate) use message;

/// A message's placeholders by name, as a serialised problem carries them
/// beside its id (the UI fills the same catalogue with them).
pub type Params = std::collections::BTreeMap<String, MessageArg>;

/// Message `id` in `lang`, filled from `params` (see [`tr`]).
pub fn tr_params(lang: &str, id: &str, params: &Params) -> String {
    let args: Vec<(&str, MessageArg)> = params
        .iter()
        .map(|(name, value)| (name.as_str(), value.clone()))
        .collect();
    tr(lang, id, &args)
}

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<Vec<(&'static str, Bundle)>> = LazyLock::new(|| {
    CATALOGUES
        .iter()
        .map(|&(lang, source)| {
            let resource = FluentResource::try_new(source.to_string())
                .unwrap_or_else(|(resource, _)| resource); // the tests keep them error-free
            let id = lang.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Plain text: no Unicode isolation marks around placeholders.
            bundle.set_use_isolating(false);
            // Duplicate ids are refused by the tests; the first one wins here.
            let _ = bundle.add_resource(resource);
            (lang, bundle)
        })
        .collect()
});

fn bundle(lang: &str) -> Option<&'static Bundle> {
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    BUNDLES.iter().find(|(l, _)| *l == primary).map(|(_, b)| b)
}

/// Message `id` (or `id.attribute`) in `lang` with `args` filled in. A
/// language without a catalogue, or a message missing from it, is said in
/// English; an id missing from every catalogue comes back as itself.
pub fn tr(lang: &str, id: &str, args: &[(&str, MessageArg)]) -> String {
    let fluent_args = (!args.is_empty()).then(|| {
        let mut fa = FluentArgs::with_capacity(args.len());
        for (name, arg) in args {
            fa.set(
                *name,
                match arg {
                    MessageArg::Text(t) => FluentValue::from(t.as_str()),
                    MessageArg::Number(n) => FluentValue::from(*n),
                },
            );
        }
        fa
    });
    [lang, FALLBACK]
        .into_iter()
        .filter_map(bundle)
        .find_map(|b| format(b, id, fluent_args.as_ref()))
        .map_or_else(|| id.to_string(), Cow::into_owned)
}

fn format<'b>(bundle: &'b Bundle, id: &str, args: Option<&FluentArgs>) -> Option<Cow<'b, str>> {
    let (message, attribute) = match id.split_once('.') {
        Some((message, attribute)) => (message, Some(attribute)),
        None => (id, None),
    };
    let message = bundle.get_message(message)?;
    let pattern = match attribute {
        Some(name) => message.get_attribute(name)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, args, &mut errors))
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

    use super::*;

    /// `id` or `id.attribute` → its pattern, for one catalogue.
    fn patterns(lang: &str, source: &'static str) -> BTreeMap<String, Pattern<&'static str>> {
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("{lang}.ftl must parse: {errors:?}"));
        let mut out = BTreeMap::new();
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let id = m.id.name;
                    if let Some(value) = m.value {
                        assert!(
                            out.insert(id.to_string(), value).is_none(),
                            "{lang}: {id} is defined twice"
                        );
                    }
                    for attribute in m.attributes {
                        let key = format!("{id}.{}", attribute.id.name);
                        assert!(
                            out.insert(key.clone(), attribute.value).is_none(),
                            "{lang}: {key} twice"
                        );
                    }
                }
                Entry::Term(t) => panic!(
                    "{lang}: term -{} — the UI's keys are messages only",
                    t.id.name
                ),
                Entry::Junk { content } => {
                    panic!("{lang}.ftl has a line Fluent cannot read: {content}")
                }
                _ => {}
            }
        }
        out
    }

    fn all() -> Vec<(&'static str, BTreeMap<String, Pattern<&'static str>>)> {
        CATALOGUES
            .iter()
            .map(|&(lang, source)| (lang, patterns(lang, source)))
            .collect()
    }

    /// The variables a pattern needs, also through the messages it refers to.
    fn variables(
        catalogue: &BTreeMap<String, Pattern<&'static str>>,
        pattern: &Pattern<&'static str>,
        out: &mut BTreeSet<String>,
        depth: usize,
    ) {
        assert!(depth < 10, "message references must not loop");
        fn inline(
            catalogue: &BTreeMap<String, Pattern<&'static str>>,
            e: &InlineExpression<&'static str>,
            out: &mut BTreeSet<String>,
            depth: usize,
        ) {
            match e {
                InlineExpression::VariableReference { id } => {
                    out.insert(id.name.to_string());
                }
                InlineExpression::MessageReference { id, attribute } => {
                    let key = match attribute {
                        Some(a) => format!("{}.{}", id.name, a.name),
                        None => id.name.to_string(),
                    };
                    let target = catalogue
                        .get(&key)
                        .unwrap_or_else(|| panic!("{key} is referred to but missing"));
                    variables(catalogue, target, out, depth + 1);
                }
                InlineExpression::FunctionReference { arguments, .. } => {
                    for a in &arguments.positional {
                        inline(catalogue, a, out, depth);
                    }
                    for a in &arguments.named {
                        inline(catalogue, &a.value, out, depth);
                    }
                }
                InlineExpression::Placeable { expression } => {
                    expr(catalogue, expression, out, depth)
                }
                _ => {}
            }
        }
        fn expr(
            catalogue: &BTreeMap<String, Pattern<&'static str>>,
            e: &Expression<&'static str>,
            out: &mut BTreeSet<String>,
            depth: usize,
        ) {
            match e {
                Expression::Inline(i) => inline(catalogue, i, out, depth),
                Expression::Select { selector, variants } => {
                    inline(catalogue, selector, out, depth);
                    for v in variants {
                        variables(catalogue, &v.value, out, depth);
                    }
                }
            }
        }
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                expr(catalogue, expression, out, depth);
            }
        }
    }

    #[test]
    fn every_language_has_the_same_messages_and_attributes() {
        let all = all();
        let (_, english) = &all[0];
        for (lang, catalogue) in &all[1..] {
            let missing: Vec<_> = english
                .keys()
                .filter(|k| !catalogue.contains_key(*k))
                .collect();
            let extra: Vec<_> = catalogue
                .keys()
                .filter(|k| !english.contains_key(*k))
                .collect();
            assert!(
                missing.is_empty(),
                "{lang}.ftl lacks what en.ftl has: {missing:?}"
            );
            assert!(
                extra.is_empty(),
                "{lang}.ftl has what en.ftl lacks: {extra:?}"
            );
        }
        assert!(
            english.len() > 400,
            "the whole UI catalogue is in the files, not only the core's words"
        );
    }

    #[test]
    fn every_language_uses_the_same_placeholders() {
        let all = all();
        let (_, english) = &all[0];
        for (lang, catalogue) in &all[1..] {
            for (key, pattern) in english {
                let (mut want, mut got) = (BTreeSet::new(), BTreeSet::new());
                variables(english, pattern, &mut want, 0);
                let Some(theirs) = catalogue.get(key) else {
                    continue; // told by every_language_has_the_same_messages_and_attributes
                };
                variables(catalogue, theirs, &mut got, 0);
                assert_eq!(
                    got, want,
                    "{lang}: {key} must fill the same placeholders as in English"
                );
            }
        }
    }

    #[test]
    fn nothing_is_empty() {
        for (lang, catalogue) in all() {
            for (key, pattern) in &catalogue {
                let has_words = pattern.elements.iter().any(|e| match e {
                    PatternElement::TextElement { value } => !value.trim().is_empty(),
                    PatternElement::Placeable { .. } => true,
                });
                assert!(has_words, "{lang}: {key} must say something");
            }
        }
    }

    #[test]
    fn every_message_formats_in_every_language_without_errors() {
        for (lang, catalogue) in all() {
            let bundle = bundle(lang).expect("a bundle per catalogue");
            for (key, pattern) in &catalogue {
                let mut names = BTreeSet::new();
                variables(&catalogue, pattern, &mut names, 0);
                let mut args = FluentArgs::new();
                for name in names {
                    args.set(name, FluentValue::from(2));
                }
                let (message, attribute) = key
                    .split_once('.')
                    .map_or((key.as_str(), None), |(m, a)| (m, Some(a)));
                let message = bundle
                    .get_message(message)
                    .expect("every message is in the bundle");
                let pattern = match attribute {
                    Some(a) => message
                        .get_attribute(a)
                        .expect("and its attributes")
                        .value(),
                    None => message.value().expect("and its value"),
                };
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang}: {key} → {text:?}: {errors:?}");
                assert!(
                    !text.contains('\u{2068}'),
                    "{lang}: {key} has no isolation marks"
                );
            }
        }
    }

    #[test]
    fn every_check_message_is_in_every_catalogue_with_its_placeholders() {
        let all = all();
        for message in crate::content::messages::ALL {
            let declared: BTreeSet<String> =
                message.params.iter().map(|p| (*p).to_string()).collect();
            for (lang, catalogue) in &all {
                let pattern = catalogue.get(message.id).unwrap_or_else(|| {
                    panic!("{lang}.ftl lacks {}, which the code says", message.id)
                });
                let mut used = BTreeSet::new();
                variables(catalogue, pattern, &mut used, 0);
                assert_eq!(
                    used, declared,
                    "{lang}: {} must fill the placeholders content::messages declares",
                    message.id
                );
            }
        }
        let ids: BTreeSet<&str> = crate::content::messages::ALL.iter().map(|m| m.id).collect();
        assert_eq!(
            ids.len(),
            crate::content::messages::ALL.len(),
            "no message is declared twice"
        );
        let (_, english) = &all[0];
        let helpers = [
            "check-table",
            "check-aTable",
            "check-found",
            "check-idOf",
            "check-path",
        ];
        let unused: Vec<&String> = english
            .keys()
            .filter(|k| k.starts_with("check-") || k.starts_with("giftImport-"))
            .filter(|k| !ids.contains(k.as_str()) && !helpers.contains(&k.as_str()))
            .collect();
        assert!(
            unused.is_empty(),
            "every check message of the catalogue is one the code uses: {unused:?}"
        );
    }

    #[test]
    fn words_come_in_the_language_asked_for_else_in_english() {
        assert_eq!(
            tr("sv", "quiz-true", &[]),
            "Sant",
            "Swedish words from sv.ftl"
        );
        assert_eq!(
            tr("en", "quiz-true", &[]),
            "True",
            "English words from en.ftl"
        );
        assert_eq!(
            tr("de", "quiz-true", &[]),
            "True",
            "a language without a catalogue is said in English"
        );
        assert_eq!(
            tr("sv-SE", "quiz-true", &[]),
            "Sant",
            "a region does not hide the language"
        );
        assert_eq!(
            tr("sv", "no-such-message", &[]),
            "no-such-message",
            "a missing id shows as itself"
        );
        assert_eq!(
            tr(
                "sv",
                "errors-NotFound.detail",
                &[("what", "module".into()), ("id", "m9".into())]
            ),
            "module ”m9” hittades inte",
            "an attribute is named id.attribute, and placeholders are filled"
        );
        assert_eq!(
            tr("en", "home-moduleNumber", &[("n", 12345_i64.into())]),
            "Module 12345",
            "numbers are written plainly, as the UI writes them (no digit grouping)"
        );
    }
}
