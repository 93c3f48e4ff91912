//! How a short-text answer and the accepted answers are made comparable.

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// Normalises `text` for comparison with an accepted answer: trims, collapses
/// runs of whitespace to one space, lower-cases unless `case_sensitive`, and
/// removes diacritics only if `ignore_diacritics` (so "å" stays "å" by default:
/// in Swedish it is a letter of its own, not an "a" with a mark).
///
/// The result is always in Unicode NFC, so a precomposed "å" and an "a" followed
/// by a combining ring (as some keyboards and macOS file names produce) compare
/// equal whatever the flags.
pub fn normalize_text(text: &str, case_sensitive: bool, ignore_diacritics: bool) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let cased = if case_sensitive {
        collapsed
    } else {
        collapsed.to_lowercase()
    };
    if ignore_diacritics {
        cased
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .nfc()
            .collect()
    } else {
        cased.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_text;

    #[test]
    fn whitespace_is_trimmed_and_collapsed() {
        assert_eq!(
            normalize_text("  god \t  morgon\n", true, false),
            "god morgon",
            "leading/trailing whitespace is dropped and inner runs count as one space"
        );
    }

    #[test]
    fn case_folds_only_when_insensitive() {
        assert_eq!(
            normalize_text("Välkommen", false, false),
            "välkommen",
            "case folds by default"
        );
        assert_eq!(
            normalize_text("Välkommen", true, false),
            "Välkommen",
            "a case-sensitive question keeps the learner's capitals"
        );
    }

    #[test]
    fn swedish_letters_are_kept_unless_author_opts_in() {
        assert_eq!(
            normalize_text("Åkerö", false, false),
            "åkerö",
            "å and ö are letters in Swedish and must not fold to a and o by default"
        );
        assert_eq!(
            normalize_text("Åkerö café", false, true),
            "akero cafe",
            "with ignore_diacritics the author accepts letters without their marks"
        );
    }

    #[test]
    fn composed_and_decomposed_forms_compare_equal() {
        let decomposed = "a\u{030A}ret"; // "a" + combining ring above
        assert_eq!(
            normalize_text(decomposed, false, false),
            normalize_text("året", false, false),
            "NFD input from some keyboards must match the NFC accepted answer"
        );
    }
}
