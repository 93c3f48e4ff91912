//! Every sentence of the course check and of the GIFT import, as the code
//! names it: the catalogue's message (`check-…`, `giftImport-…` in
//! `locales/<lang>.ftl`) and the names of its placeholders. A problem is made
//! with `message!(NAME, placeholder = value, …)`; it keeps the id and the
//! values, so it can be said in any language of the catalogue (the CLI's
//! `--lang`, the editor's problems panel). A test checks that each one is in
//! every catalogue with exactly these placeholders.
//!
//! Code words fill some placeholders and the catalogue chooses the words:
//! `table` (`course.toml`, `competency`, `final`, `lesson`, `question`,
//! `option`, `item`, `pair`, `scenario`, `node`, `choice`), `found` (a TOML
//! type), `what` (whose id), `kind` (a question kind), `group`, `side`.

use crate::i18n::MessageId;

macro_rules! messages {
    ($($name:ident = $id:literal $(($($param:ident),*))?;)*) => {
        $(pub(crate) const $name: MessageId = MessageId {
            id: $id,
            params: &[$($(stringify!($param)),*)?],
        };)*
        /// Every message above, for the test that the catalogues have them.
        #[cfg(test)]
        pub(crate) const ALL: &[MessageId] = &[$($name),*];
    };
}

messages! {
    WARNING = "check-warning";
    MORE_PROBLEMS = "check-moreProblems" (more, max);
    TOML_SYNTAX = "check-tomlSyntax" (detail);
    MISSING_KEY = "check-missingKey" (table, key);
    UNKNOWN_KEY = "check-unknownKey" (key, table);
    NOT_STRING = "check-notString" (key, found);
    NOT_BOOL = "check-notBool" (key, found);
    NOT_NUMBER = "check-notNumber" (key, found);
    NOT_TABLE = "check-notTable" (key, found);
    NOT_TEXT = "check-notText" (key, example, found);
    NOT_TABLE_LIST = "check-notTableList" (key, found);
    NOT_STRING_LIST = "check-notStringList" (key, found);
    NOT_TEXT_LIST = "check-notTextList" (key, example, found);
    NOT_FINITE = "check-notFinite" (key);
    UNDECLARED_LANGUAGE = "check-undeclaredLanguage" (lang, languages);
    EMPTY_TEXT = "check-emptyText" (key, lang);
    MISSING_TRANSLATION = "check-missingTranslation" (key, lang);
    VERSION = "check-version" (version);
    NO_COMPETENCY = "check-noCompetency";
    DRAW_NOT_WHOLE = "check-drawNotWhole" (value);
    FINAL_MODULE_NOT_STRING = "check-finalModuleNotString";
    FINAL_MODULE_MISSING = "check-finalModuleMissing";
    FINAL_NO_QUESTIONS = "check-finalNoQuestions";
    NO_LANGUAGES = "check-noLanguages";
    LANGUAGES_EMPTY = "check-languagesEmpty";
    NOT_LANGUAGE_CODE = "check-notLanguageCode" (lang);
    LANGUAGE_TWICE = "check-languageTwice" (lang);
    FEEDBACK_MODE = "check-feedbackMode" (value);
    OUTCOME_NOT_TEXT = "check-outcomeNotText" (example, found);
    LESSON_NOT_TABLE = "check-lessonNotTable" (lesson);
    MINUTES = "check-minutes" (max, value);
    UNKNOWN_KIND = "check-unknownKind" (kind, kinds);
    KEY_OF_OTHER_KIND = "check-keyOfOtherKind" (key, kind, kinds);
    NO_ACCEPT = "check-noAccept";
    ACCEPT_EMPTY = "check-acceptEmpty" (lang);
    ACCEPT_BLANK = "check-acceptBlank";
    ACCEPT_MISSING_LANGUAGE = "check-acceptMissingLanguage" (lang);
    NO_NODES = "check-noNodes";
    ENDING_KIND = "check-endingKind" (value);
    ENDING_NEEDS_DEBRIEF = "check-endingNeedsDebrief";
    DEBRIEF_WITHOUT_ENDING = "check-debriefWithoutEnding";
    ENDING_WITH_CHOICES = "check-endingWithChoices";
    NOT_SLUG = "check-notSlug" (what, id);
    DUPLICATE_ID = "check-duplicateId" (what, id, line);
    PASS_MARK = "check-passMark" (value);
    POINTS = "check-points" (value);
    TOLERANCE = "check-tolerance" (value);
    UNKNOWN_COMPETENCY = "check-unknownCompetency" (competency, known);
    AT_LEAST_TWO = "check-atLeastTwo" (kind, count);
    NO_CORRECT_SINGLE = "check-noCorrectSingle";
    NO_CORRECT_MULTIPLE = "check-noCorrectMultiple";
    SECOND_CORRECT = "check-secondCorrect";
    SAME_TEXT = "check-sameText" (what, lang, line);
    UNKNOWN_NEXT = "check-unknownNext" (node);
    DEAD_END = "check-deadEnd" (node);
    UNKNOWN_START = "check-unknownStart" (node);
    ENDING_UNREACHABLE = "check-endingUnreachable" (node);
    NODE_UNREACHABLE = "check-nodeUnreachable" (node);
    LOOP = "check-loop" (node);
    NO_GOOD_ENDING = "check-noGoodEnding";
    CRITICAL_ENDS_WELL = "check-criticalEndsWell" (ending, choice, node, more, steps, head, tail, loopCount, loop, loopMore);
    GOOD_ENDING_CHEAP = "check-goodEndingCheap" (ending, points, best, more, steps, head, tail, loopCount, loop, loopMore);
    DISTINCTION = "check-distinction" (value);
    DISTINCTION_BELOW_PASS = "check-distinctionBelowPass" (distinction, passMark);
    RESERVED_MODULE_ID = "check-reservedModuleId" (id);
    UNREADABLE = "check-unreadable";
    NO_MODULES = "check-noModules";
    DUPLICATE_MODULE = "check-duplicateModule" (id, file);
    EMPTY_MODULE = "check-emptyModule";
    FINAL_FILE_MISSING = "check-finalFileMissing";
    FINAL_HEAD_MISSING = "check-finalHeadMissing";
    UNKNOWN_MODULE = "check-unknownModule" (module, known);
    FINAL_ID_TAKEN = "check-finalIdTaken" (id, module);
    DRAW_TOO_MANY = "check-drawTooMany" (draw, count);
    LESSON_FILE_NAME = "check-lessonFileName";
    DUPLICATE_LESSON = "check-duplicateLesson" (id, number);
    LESSON_MISSING_LANGUAGE = "check-lessonMissingLanguage" (lesson, lang);
    FILE_TOO_LARGE = "check-fileTooLarge" (max);
    FILE_IS_LINK = "check-fileIsLink";
    FILE_MISSING = "check-fileMissing";
    CANNOT_READ_FILE = "check-cannotReadFile" (detail);
    CANNOT_READ_FOLDER = "check-cannotReadFolder" (detail);
    LINK_SKIPPED = "check-linkSkipped";
    NAME_NOT_UTF8 = "check-nameNotUtf8" (name);
    LESSON_SETTING_UNKNOWN = "check-lessonSettingUnknown" (lesson, count, known);
    NOT_UTF8 = "check-notUtf8";
    LESSON_NO_TITLE = "check-lessonNoTitle";
    IMAGE_NO_ALT = "check-imageNoAlt" (image);
    NESTED_TOO_DEEP = "check-nestedTooDeep" (max);
    SANITISED = "check-sanitised" (tag);
    LINK_HTTP = "check-linkHttp" (url);
    LINK_NOT_ALLOWED = "check-linkNotAllowed" (url);
    IMAGE_NOT_RELATIVE = "check-imageNotRelative" (image);
    IMAGE_OUTSIDE = "check-imageOutside" (image);
    IMAGE_MISSING = "check-imageMissing" (file);
    HTML_TAG = "check-htmlTag" (tag);
    HTML_ATTRIBUTE = "check-htmlAttribute" (attribute, tag);
    HTML_IMAGE = "check-htmlImage";
    HTML_VALUE = "check-htmlValue" (value, attribute, tag);
    LINT_SAME_OPTION = "check-lintSameOption" (option, first, lang);
    LINT_LONGEST_KEY = "check-lintLongestKey" (lang, length, longestWrong);
    LINT_PROMPT_GIVES_KEY = "check-lintPromptGivesKey" (promptWord, word, option, lang);
    LINT_MOSTLY_CORRECT = "check-lintMostlyCorrect" (correct, total);
    LINT_YEAR = "check-lintYear" (answer);
    LINT_TRUE_FALSE = "check-lintTrueFalse" (count, total, group, value);
    LANGUAGE_CODE = "check-languageCode" (lang);
    MODULE_FOLDER_NAME = "check-moduleFolderName" (folder);
    MODULE_FOLDER_TWICE = "check-moduleFolderTwice" (path);
    LESSON_ID_FILE_NAME = "check-lessonIdFileName" (id);
    SCENARIO_ID_FILE_NAME = "check-scenarioIdFileName" (id);
    DUPLICATE_SCENARIO = "check-duplicateScenario" (id);

    // The GIFT import (`giftImport-…`).
    GIFT_NO_LANGUAGE = "giftImport-noLanguage";
    GIFT_NEEDS_TRANSLATION = "giftImport-needsTranslation" (first, others);
    GIFT_TITLE_NOT_CLOSED = "giftImport-titleNotClosed";
    GIFT_DESCRIPTION = "giftImport-description";
    GIFT_ESSAY = "giftImport-essay";
    GIFT_BRACE_NOT_CLOSED = "giftImport-braceNotClosed";
    GIFT_BRACE_NOT_OPENED = "giftImport-braceNotOpened";
    GIFT_SECOND_BLOCK = "giftImport-secondBlock";
    GIFT_STRAY_TEXT = "giftImport-strayText" (text);
    GIFT_NO_TEXT = "giftImport-noText";
    GIFT_MEDIA = "giftImport-media";
    GIFT_NO_GENERAL_FEEDBACK = "giftImport-noGeneralFeedback";
    GIFT_ANSWER_START = "giftImport-answerStart";
    GIFT_TWO_ANSWERS = "giftImport-twoAnswers";
    GIFT_ANSWER_NO_TEXT = "giftImport-answerNoText";
    GIFT_PARTIAL_WRONG = "giftImport-partialWrong" (answer, weight);
    GIFT_NONE_RIGHT = "giftImport-noneRight";
    GIFT_SEVERAL_RIGHT = "giftImport-severalRight";
    GIFT_CATCH_ALL = "giftImport-catchAll";
    GIFT_NOT_ACCEPTED = "giftImport-notAccepted" (answer, weight);
    GIFT_PARTIAL_ACCEPTED = "giftImport-partialAccepted" (answer, weight);
    GIFT_ANSWER_FEEDBACK = "giftImport-answerFeedback" (answer);
    GIFT_NONE_ACCEPTED = "giftImport-noneAccepted";
    GIFT_WRONG_NUMBER_FEEDBACK = "giftImport-wrongNumberFeedback";
    GIFT_NUMBER_FEEDBACK = "giftImport-numberFeedback";
    GIFT_NOT_A_NUMBER = "giftImport-notANumber" (value);
    GIFT_NO_NUMBER = "giftImport-noNumber";
    GIFT_NO_CREDIT = "giftImport-noCredit";
    GIFT_BEST_NUMBER = "giftImport-bestNumber";
    GIFT_PARTIAL_NUMBER = "giftImport-partialNumber" (weight);
    GIFT_NO_ARROW = "giftImport-noArrow";
    GIFT_NOTHING_AFTER_ARROW = "giftImport-nothingAfterArrow";
    GIFT_DISTRACTOR = "giftImport-distractor" (answer);
    GIFT_SIDE_TWICE = "giftImport-sideTwice" (side, text);
    GIFT_TWO_PAIRS = "giftImport-twoPairs";
}
