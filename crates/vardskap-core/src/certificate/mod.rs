//! The course certificate: what a learner who passed a course can show, as a
//! PDF with a verification code. The code is a SHA-256 over the certified
//! facts, so it can be checked against an exported results file (`verify`).
//!
//! The facts, as canonical JSON: `["vardskap-certificate/1", learner name,
//! course id, course version, date (YYYY-MM-DD, UTC), [[module id, best score,
//! max] or [module id, null, null] for a module without questions, … in course
//! order]]`, each module's best graded attempt among those submitted by the end
//! of that date. The code is the first 8 bytes of the hash as upper-case hex in
//! groups of four: `XXXX-XXXX-XXXX-XXXX`.

pub(crate) mod pdf;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::export::{self, ResultsFile, parse_iso_utc};
use crate::final_test::{FINAL_TEST_ID, FinalGrade};
use crate::progress::ProfileId;
use crate::storage::{Store, Timestamp};
use crate::{Error, Result};

const FACTS_FORMAT: &str = "vardskap-certificate/1";
const DAY: Timestamp = 24 * 60 * 60;
/// The most days `verify` tries: about 110 years of results.
const MAX_DAYS: i64 = 40_000;

/// A module on the certificate with its best graded attempt.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CertifiedModule {
    pub id: String,
    pub title: String,
    /// Best attempt's (score, max, share); `None` for a module without questions.
    pub best_score: Option<f64>,
    pub best_max: Option<f64>,
    pub best_share: Option<f64>,
    /// The module's learning outcomes in the certificate's language, as
    /// module.toml lists them; not part of the verification code (they are
    /// course content, fixed by the course version).
    pub outcomes: Vec<String>,
}

/// A competency on the certificate with the learner's mastery.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CertifiedCompetency {
    pub id: String,
    pub title: String,
    /// 0..=1; `None` when nothing in it was answered or played.
    pub mastery: Option<f64>,
}

/// A certificate of a passed course, in one language.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Certificate {
    pub learner: String,
    pub course_id: String,
    pub course_title: String,
    pub version: String,
    /// The language of the certificate's text.
    pub lang: String,
    /// The day it was issued, YYYY-MM-DD (UTC).
    pub date: String,
    /// Every module of the course (all passed), in course order.
    pub modules: Vec<CertifiedModule>,
    pub competencies: Vec<CertifiedCompetency>,
    /// The final test's best attempt and grade, when the course has a final test.
    pub final_test: Option<CertifiedFinal>,
    /// `XXXX-XXXX-XXXX-XXXX`, see the module docs.
    pub code: String,
}

/// The final test on the certificate: the best attempt and the grade it earned.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CertifiedFinal {
    pub grade: FinalGrade,
    /// The grade's name in the certificate's language ("Väl godkänd", "Pass with distinction").
    pub grade_label: String,
    pub best_score: f64,
    pub best_max: f64,
    pub best_share: f64,
}

/// One module's best (score, max) by some time.
type Best = Option<(f64, f64)>;

/// The UTC day of `secs` as YYYY-MM-DD (also the class report's dates).
pub(crate) fn day_of(secs: Timestamp) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "0000-00-00".to_string())
}

fn share(score: f64, max: f64) -> f64 {
    if max > 0.0 {
        (score / max).clamp(0.0, 1.0)
    } else {
        1.0
    }
}

/// Best (score, max) per module among attempts submitted by `end`: the highest
/// share, the earliest of equal ones (as the results view counts it). A
/// course with a final test lists it last, under the id `final`.
fn bests_by(file: &ResultsFile, end: Timestamp) -> Vec<(String, Best)> {
    let best_of = |attempts: &mut dyn Iterator<Item = &export::AttemptEntry>| {
        attempts
            .filter(|a| parse_iso_utc(&a.submitted_at).is_some_and(|t| t <= end))
            .fold(None, |best: Best, a| match best {
                Some((s, x)) if share(s, x) >= share(a.score, a.max) => best,
                _ => Some((a.score, a.max)),
            })
    };
    let mut bests: Vec<(String, Best)> = file
        .modules
        .iter()
        .map(|m| {
            let best = best_of(&mut m.attempts.iter());
            let best = if m.has_questions { best } else { None };
            (m.id.clone(), best)
        })
        .collect();
    if let Some(test) = &file.final_test {
        let best = best_of(&mut test.attempts.iter().map(|a| &a.attempt));
        bests.push((FINAL_TEST_ID.to_string(), best));
    }
    bests
}

/// The verification code of the certified facts.
fn code_of(
    learner: &str,
    course_id: &str,
    version: &str,
    date: &str,
    modules: &[(String, Best)],
) -> String {
    let modules: Vec<(&str, Option<f64>, Option<f64>)> = modules
        .iter()
        .map(|(id, best)| (id.as_str(), best.map(|b| b.0), best.map(|b| b.1)))
        .collect();
    let facts = (FACTS_FORMAT, learner, course_id, version, date, modules);
    // A tuple of strings and numbers always serialises; the fallback keeps this total.
    let canonical = serde_json::to_string(&facts).unwrap_or_default();
    let hash = Sha256::digest(canonical.as_bytes());
    let hex: String = hash.iter().take(8).map(|b| format!("{b:02X}")).collect();
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as typed by a person: dashes and spaces dropped, upper case.
fn normalise_code(code: &str) -> Result<String> {
    let plain: String = code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if plain.len() == 16 && plain.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(plain)
    } else {
        Err(Error::NotAVerificationCode {
            code: code.to_string(),
        })
    }
}

impl Certificate {
    /// The certificate of a learner who passed `course_id`, dated today (UTC),
    /// in `lang`. A course not passed yet is [`Error::CourseNotPassed`].
    pub fn for_profile(
        store: &Store,
        profile: ProfileId,
        course_id: &str,
        lang: &str,
    ) -> Result<Certificate> {
        let results = store.course_results(profile, course_id, lang)?;
        if !results.passed {
            let final_title = crate::final_test::title(&[lang.to_string()])
                .get(lang)
                .to_string();
            let missing: Vec<String> = results
                .modules
                .iter()
                .filter(|m| !m.passed)
                .map(|m| m.title.clone())
                .chain(
                    results
                        .final_test
                        .as_ref()
                        .filter(|f| !f.passed)
                        .map(|_| final_title),
                )
                .collect();
            return Err(Error::CourseNotPassed {
                course: results.title.clone(),
                missing: if missing.is_empty() {
                    "the course has no modules".to_string()
                } else {
                    missing.join(", ")
                },
            });
        }
        let file = export::results_file(store, profile, course_id)?;
        let course = store.course(course_id)?;
        let outcomes_of = |id: &str| -> Vec<String> {
            course
                .modules
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.outcomes.iter().map(|o| o.get(lang).to_string()).collect())
                .unwrap_or_default()
        };
        let now = store.now();
        let date = day_of(now);
        let bests = bests_by(&file, now);
        let code = code_of(
            &file.profile.name,
            &file.course.id,
            &file.course.version,
            &date,
            &bests,
        );
        let modules = results
            .modules
            .iter()
            .zip(&bests)
            .map(|(m, (_, best))| CertifiedModule {
                id: m.module_id.clone(),
                title: m.title.clone(),
                best_score: best.map(|b| b.0),
                best_max: best.map(|b| b.1),
                best_share: best.map(|(s, x)| share(s, x)),
                outcomes: outcomes_of(&m.module_id),
            })
            .collect();
        Ok(Certificate {
            learner: file.profile.name,
            course_id: file.course.id,
            course_title: results.title,
            version: file.course.version,
            lang: lang.to_string(),
            date,
            modules,
            final_test: results.final_test.as_ref().and_then(|f| {
                let (best, grade) = (f.best.as_ref()?, f.grade?);
                Some(CertifiedFinal {
                    grade,
                    grade_label: grade.label(lang),
                    best_score: best.score,
                    best_max: best.max,
                    best_share: best.share,
                })
            }),
            competencies: results
                .mastery
                .iter()
                .map(|c| CertifiedCompetency {
                    id: c.competency_id.clone(),
                    title: c.title.clone(),
                    mastery: c.share,
                })
                .collect(),
            code,
        })
    }

    /// The certificate as an A4 PDF with DejaVu Sans embedded; long lists
    /// (many modules, their outcomes) go on to further pages.
    pub fn to_pdf(&self) -> Result<Vec<u8>> {
        pdf::render(self)
    }
}

/// Saves the certificate of a learner who passed `course_id` as a PDF at
/// `path` (chosen in a save dialog), written atomically.
pub fn write_pdf(
    store: &Store,
    profile: ProfileId,
    course_id: &str,
    lang: &str,
    path: &std::path::Path,
) -> Result<()> {
    let pdf = Certificate::for_profile(store, profile, course_id, lang)?.to_pdf()?;
    export::write_atomically(path, &pdf)
}

/// Whether `code` is the verification code of a certificate made from the
/// results in `results_json` (a file of [`export::results_json`]) on any day
/// from the first result up to the day the file was written. An edited
/// certificate (name, course, version, date or scores) or edited results no
/// longer match. A code that is not 16 hex digits, or a file that is not a
/// results file, is an error rather than `false`.
pub fn verify(results_json: &str, code: &str) -> Result<bool> {
    let wanted = normalise_code(code)?;
    let file = export::parse_results(results_json)?;
    let generated = parse_iso_utc(&file.generated_at).ok_or_else(|| Error::ResultsFileDamaged {
        detail: format!("generatedAt \"{}\"", file.generated_at),
    })?;
    let first = file
        .modules
        .iter()
        .flat_map(|m| &m.attempts)
        .filter_map(|a| parse_iso_utc(&a.submitted_at))
        .chain(
            file.scenario_runs
                .iter()
                .filter_map(|r| parse_iso_utc(&r.finished_at)),
        )
        .min()
        .unwrap_or(generated)
        .min(generated);
    let (first_day, last_day) = (first.div_euclid(DAY), generated.div_euclid(DAY));
    if last_day - first_day > MAX_DAYS {
        return Err(Error::ResultsSpanTooLong { max_days: MAX_DAYS });
    }
    for day in first_day..=last_day {
        let end = day * DAY + DAY - 1;
        let bests = bests_by(&file, end);
        let code = code_of(
            &file.profile.name,
            &file.course.id,
            &file.course.version,
            &day_of(end),
            &bests,
        );
        if code.replace('-', "") == wanted {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_certified_fact_changes_the_code() {
        let modules = vec![("m".to_string(), Some((3.0, 4.0))), ("s".to_string(), None)];
        let base = code_of("Åsa", "c", "1.0.0", "2026-01-01", &modules);
        assert_eq!(
            base,
            code_of("Åsa", "c", "1.0.0", "2026-01-01", &modules),
            "the code is a pure function of the facts"
        );
        let better = vec![("m".to_string(), Some((4.0, 4.0))), ("s".to_string(), None)];
        for (what, other) in [
            ("name", code_of("Asa", "c", "1.0.0", "2026-01-01", &modules)),
            (
                "course",
                code_of("Åsa", "d", "1.0.0", "2026-01-01", &modules),
            ),
            (
                "version",
                code_of("Åsa", "c", "1.0.1", "2026-01-01", &modules),
            ),
            ("date", code_of("Åsa", "c", "1.0.0", "2026-01-02", &modules)),
            ("score", code_of("Åsa", "c", "1.0.0", "2026-01-01", &better)),
        ] {
            assert_ne!(base, other, "a changed {what} must change the code");
        }
        assert_eq!(
            normalise_code(&base.to_lowercase()).ok(),
            Some(base.replace('-', "")),
            "a typed code is read without dashes, in upper case"
        );
    }
}
