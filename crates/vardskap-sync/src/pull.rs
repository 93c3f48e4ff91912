//! The instructor's pull: every statement of a class, read from the class's
//! LRS page by page.
//!
//! [`pull_statements`] GETs `<endpoint>statements?activity=<class>&
//! related_activities=true&limit=<page>[&since=<since>]` with the
//! instructor's read credential and follows `more` until an empty page or a
//! page without `more`. Everything the LRS sends is outside input: a page is
//! read up to [`PullLimits::max_page_bytes`], a pull keeps at most
//! [`PullLimits::max_statements`], a `more` link is followed only to the
//! endpoint's own origin (the credential never goes elsewhere), and a `more`
//! that repeats a page, or a page that brings no statement not already
//! received, ends the pull with an error instead of looping. Statements that do
//! not mention the class at all (an LRS that ignored the filter) are left out
//! and counted ([`Pulled::skipped`]).
//!
//! # Which `since` to send next time
//!
//! The aim is that an incremental pull never loses a statement. The store
//! that keeps the pulled statements de-duplicates them by id, so fetching a
//! statement again costs only bandwidth, while missing one is a hole in the
//! instructor's view that nothing would ever fill.
//!
//! xAPI says `since` filters on `stored`, the time the LRS stored the
//! statement, which grows as statements arrive. With such an LRS, "the latest
//! `stored` seen, minus an overlap" ([`PullLimits::stored_overlap`], for
//! statements stored concurrently and committed late) is a safe `since`: a
//! statement that arrives later gets a later `stored`, whatever its
//! `timestamp`.
//!
//! But some LRSs filter `since` on `timestamp`, the time the learner's app
//! made the statement (Ralph 5.1.0 does). A timestamp comes from the learner's
//! clock and is old when the learner's laptop was offline: a laptop that was
//! offline for a week sends week-old timestamps today. With such an LRS *no*
//! `since` is safe: however wide an overlap window, a laptop that stayed
//! offline longer than the window would have its statements filtered out
//! forever. The only lossless pull there is a full one.
//!
//! So the rule is: **`next_since` is the latest `stored` seen minus the
//! overlap, but only when the LRS has shown that it filters on `stored`;
//! otherwise `next_since` is `None` and the next pull is a full one.** After
//! a pull, one small probe request asks for the class's statements with
//! `since` one second before a received statement X's `stored` and `until`
//! one second after it, choosing an X whose `timestamp` is at least two
//! seconds before its `stored`. An LRS that filters on `stored` returns X; one
//! that filters on `timestamp` does not (X's timestamp is before `since`).
//! Anything else (no such X, an error, X not on the probe's first pages) also
//! gives `None`: when in doubt, pull everything. An incremental pull checks
//! again: a received statement whose `timestamp` is not after the `since`
//! sent proves the filter is on `stored`; failing that, the probe is repeated,
//! and if the LRS now filters on `timestamp` (it was replaced), `next_since`
//! is `None`, so the next full pull fetches whatever this one missed.
//!
//! The trade-off: with an LRS like Ralph every pull fetches the class's whole
//! history (bounded by the limits, pages of [`PullLimits::page_size`]); with
//! a conformant LRS a pull fetches only what was stored since the last one
//! plus the overlap. `since` must be a `next_since` from an earlier pull of
//! the same class from the same LRS, or `None`.

use std::collections::HashSet;
use std::fmt;
use std::time::Duration;

use reqwest::header::{ACCEPT, HeaderValue};
use reqwest::{Client, Url};
use serde_json::Value;

use crate::Target;
use crate::send::{XAPI_VERSION, describe, read_capped, snippet, statements_url};

/// What to pull.
#[derive(Clone, Copy, Debug)]
pub struct PullRequest<'a> {
    /// The LRS and the instructor's read credential.
    pub target: &'a Target,
    /// The class activity's IRI, e.g.
    /// `https://id.vardskap.app/xapi/classes/ht26-a`; statements that mention
    /// it anywhere (object, context activities, sub-statement) are pulled.
    pub activity: &'a str,
    /// A [`Pulled::next_since`] from the last pull of this class from this
    /// LRS, or `None` for a full pull. An RFC 3339 time with a time zone.
    pub since: Option<&'a str>,
}

/// What a pull brought.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pulled {
    /// Each statement's JSON (compact, as parsed from the page), in the order
    /// received, each id once.
    pub statements: Vec<String>,
    /// What to send as `since` next time (RFC 3339, UTC, `Z`); `None`: pull
    /// everything next time. See the module's documentation.
    pub next_since: Option<String>,
    /// Pages read (requests that returned statements or ended the list).
    pub pages: usize,
    /// Statements the LRS sent that do not mention the class, left out.
    pub skipped: usize,
}

/// The bounds of a pull.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PullLimits {
    /// The `limit` asked for per page (an LRS may send fewer; Ralph sends at
    /// most 100). At least 1.
    pub page_size: usize,
    /// A page's body is read up to this many bytes; a larger page ends the
    /// pull ([`PullError::TooLarge`]) without being read further.
    pub max_page_bytes: usize,
    /// A pull keeps at most this many statements; more end it
    /// ([`PullError::TooLarge`]).
    pub max_statements: usize,
    /// How long one page may take, from sending the request to the end of
    /// the body (the client's connect timeout applies too).
    pub timeout: Duration,
    /// Subtracted from the latest `stored` seen to make `next_since`, for
    /// statements the LRS stored at about the same time but made visible
    /// later.
    pub stored_overlap: Duration,
}

impl Default for PullLimits {
    /// Pages of 500, 32 MiB a page, 2,000,000 statements, 120 s a page, an
    /// overlap of 15 minutes.
    fn default() -> Self {
        PullLimits {
            page_size: 500,
            max_page_bytes: 32 << 20,
            max_statements: 2_000_000,
            timeout: Duration::from_secs(120),
            stored_overlap: Duration::from_secs(15 * 60),
        }
    }
}

/// Which bound of [`PullLimits`] a pull went over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PullLimit {
    /// A page was larger than this many bytes.
    PageBytes(usize),
    /// The class has more than this many statements.
    Statements(usize),
}

/// Why a pull failed. Nothing of a failed pull is returned: pull again later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PullError {
    /// 401/403: the credential was refused.
    Refused {
        /// The HTTP status.
        status: u16,
    },
    /// The LRS could not be reached or did not answer usefully: 400 (with
    /// the LRS's reason), another 4xx, 5xx, a redirect, a timeout, no
    /// connection, a malformed page, a `more` link to another server or one
    /// that goes round in circles.
    Unreachable {
        /// A short phrase for a log or a status line.
        reason: String,
    },
    /// A bound of [`PullLimits`] was reached.
    TooLarge {
        /// Which one.
        limit: PullLimit,
    },
}

impl fmt::Display for PullError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PullError::Refused { status } => write!(
                f,
                "The LRS refused the user name or password (HTTP {status})."
            ),
            PullError::Unreachable { reason } => {
                write!(f, "Cannot read the class's statements: {reason}.")
            }
            PullError::TooLarge {
                limit: PullLimit::PageBytes(n),
            } => write!(f, "The LRS sent a page of statements over {n} bytes."),
            PullError::TooLarge {
                limit: PullLimit::Statements(n),
            } => write!(f, "The class has more than {n} statements in the LRS."),
        }
    }
}

impl std::error::Error for PullError {}

/// How many pages the probe reads at most.
const PROBE_PAGES: usize = 3;

/// The probe's statement was stored at least this long after its timestamp.
const PROBE_MIN_LAG_MS: i64 = 2_000;

/// Pulls a class's statements (see the module's documentation).
pub async fn pull_statements(
    client: &Client,
    request: &PullRequest<'_>,
    limits: &PullLimits,
) -> Result<Pulled, PullError> {
    let base = statements_url(&request.target.endpoint)
        .map_err(|reason| PullError::Unreachable { reason })?;
    let since_ms = match request.since {
        None => None,
        Some(text) => Some(parse_time(text).ok_or_else(|| PullError::Unreachable {
            reason: format!(
                "the time to pull from, {:?}, is not an RFC 3339 time with a time zone",
                snippet(text.as_bytes())
            ),
        })?),
    };
    let mut url = base.clone();
    {
        let mut query = url.query_pairs_mut();
        query
            .append_pair("activity", request.activity)
            .append_pair("related_activities", "true")
            .append_pair("limit", &limits.page_size.max(1).to_string());
        if let Some(ms) = since_ms {
            query.append_pair("since", &format_time(ms));
        }
    }

    let mut pulled = Pulled {
        statements: Vec::new(),
        next_since: None,
        pages: 0,
        skipped: 0,
    };
    let mut ids: HashSet<String> = HashSet::new();
    let mut seen_urls: HashSet<String> = HashSet::new();
    let mut max_stored: Option<i64> = None;
    // The statement with the longest lag from timestamp to stored.
    let mut probe: Option<Stamped> = None;
    let mut proven = false;
    loop {
        seen_urls.insert(url.as_str().to_owned());
        let page = fetch_page(client, &url, request.target, limits).await?;
        pulled.pages += 1;
        if page.statements.is_empty() {
            break;
        }
        let mut fresh = 0;
        for statement in page.statements {
            let stamped = Stamped::of(&statement);
            if let Some(id) = &stamped.id
                && !ids.insert(id.clone())
            {
                continue;
            }
            fresh += 1;
            // Left-out statements count too: an LRS that ignores the filter
            // must not keep the pull going for ever.
            if pulled.statements.len() + pulled.skipped >= limits.max_statements {
                return Err(PullError::TooLarge {
                    limit: PullLimit::Statements(limits.max_statements),
                });
            }
            if !mentions(&statement, request.activity) {
                pulled.skipped += 1;
                continue;
            }
            if let Some(stored) = stamped.stored {
                max_stored = Some(max_stored.map_or(stored, |m| m.max(stored)));
            }
            if let (Some(since), Some(timestamp)) = (since_ms, stamped.timestamp)
                && timestamp <= since
            {
                proven = true;
            }
            if stamped.id.is_some()
                && stamped.lag().is_some_and(|lag| {
                    lag >= PROBE_MIN_LAG_MS && probe.as_ref().is_none_or(|p| p.lag() < Some(lag))
                })
            {
                probe = Some(stamped);
            }
            pulled.statements.push(statement.to_string());
        }
        let Some(more) = page.more else { break };
        if fresh == 0 {
            return Err(PullError::Unreachable {
                reason: "the LRS's pages go round in circles (a page with no new statement)"
                    .to_owned(),
            });
        }
        url = next_url(&base, &more)?;
        if seen_urls.contains(url.as_str()) {
            return Err(PullError::Unreachable {
                reason:
                    "the LRS's pages go round in circles (a `more` link to a page already read)"
                        .to_owned(),
            });
        }
    }

    let on_stored = proven
        || match (&probe, since_ms) {
            (Some(x), _) => filters_on_stored(client, &base, request, x, limits).await,
            // An incremental pull with nothing to probe: the `since` came
            // from a pull that proved the filter.
            (None, Some(_)) => true,
            (None, None) => false,
        };
    let overlap = i64::try_from(limits.stored_overlap.as_millis()).unwrap_or(i64::MAX);
    pulled.next_since = if on_stored {
        let latest = max_stored.map(|m| m.saturating_sub(overlap));
        match (since_ms, latest) {
            (Some(s), Some(l)) => Some(s.max(l)),
            (s, l) => s.or(l),
        }
        .map(format_time)
    } else {
        None
    };
    Ok(pulled)
}

/// A statement's id and times (milliseconds since 1970, where parseable).
#[derive(Clone, Debug)]
struct Stamped {
    id: Option<String>,
    timestamp: Option<i64>,
    stored: Option<i64>,
}

impl Stamped {
    fn of(statement: &Value) -> Stamped {
        let time = |key: &str| {
            statement
                .get(key)
                .and_then(Value::as_str)
                .and_then(parse_time)
        };
        Stamped {
            id: statement
                .get("id")
                .and_then(Value::as_str)
                .map(str::to_owned),
            timestamp: time("timestamp"),
            stored: time("stored"),
        }
    }

    fn lag(&self) -> Option<i64> {
        Some(self.stored? - self.timestamp?)
    }
}

/// Whether the LRS filters `since` on `stored`: it returns statement `x`
/// (stored at least [`PROBE_MIN_LAG_MS`] after its timestamp) when asked for
/// the class's statements since one second before `x`'s `stored`. Any
/// failure counts as no.
async fn filters_on_stored(
    client: &Client,
    base: &Url,
    request: &PullRequest<'_>,
    x: &Stamped,
    limits: &PullLimits,
) -> bool {
    let (Some(id), Some(stored)) = (&x.id, x.stored) else {
        return false;
    };
    let mut url = base.clone();
    url.query_pairs_mut()
        .append_pair("activity", request.activity)
        .append_pair("related_activities", "true")
        .append_pair("limit", &limits.page_size.max(1).to_string())
        .append_pair("since", &format_time(stored - 1_000))
        .append_pair("until", &format_time(stored + 1_000));
    for _ in 0..PROBE_PAGES {
        let Ok(page) = fetch_page(client, &url, request.target, limits).await else {
            return false;
        };
        if page
            .statements
            .iter()
            .any(|s| s.get("id").and_then(Value::as_str) == Some(id))
        {
            return true;
        }
        match page.more {
            Some(more) if !page.statements.is_empty() => match next_url(base, &more) {
                Ok(next) if next != url => url = next,
                _ => return false,
            },
            _ => return false,
        }
    }
    false
}

/// One page of statements.
struct Page {
    statements: Vec<Value>,
    /// A non-empty `more`.
    more: Option<String>,
}

async fn fetch_page(
    client: &Client,
    url: &Url,
    target: &Target,
    limits: &PullLimits,
) -> Result<Page, PullError> {
    let response = client
        .get(url.clone())
        .basic_auth(&target.username, Some(&target.password))
        .header("X-Experience-API-Version", XAPI_VERSION)
        .header(ACCEPT, HeaderValue::from_static("application/json"))
        .timeout(limits.timeout)
        .send()
        .await
        .map_err(|e| PullError::Unreachable {
            reason: describe(&e),
        })?;
    let status = response.status();
    let code = status.as_u16();
    if code == 401 || code == 403 {
        return Err(PullError::Refused { status: code });
    }
    if code != 200 {
        // Only the start of an error's body is read.
        let (body, _) = read_capped(response, 4 << 10).await;
        let text = snippet(&body);
        let what = if code == 400 {
            "the LRS refused the query"
        } else {
            "the LRS answered"
        };
        return Err(PullError::Unreachable {
            reason: if text.is_empty() {
                format!("{what} ({status})")
            } else {
                format!("{what} ({status}): {text}")
            },
        });
    }
    let too_large = PullError::TooLarge {
        limit: PullLimit::PageBytes(limits.max_page_bytes),
    };
    if response
        .content_length()
        .is_some_and(|n| n > limits.max_page_bytes as u64)
    {
        return Err(too_large);
    }
    let body = match read_capped(response, limits.max_page_bytes).await {
        (body, Ok(true)) => body,
        (_, Ok(false)) => return Err(too_large),
        (_, Err(e)) => {
            return Err(PullError::Unreachable {
                reason: format!("a page broke off: {}", describe(&e)),
            });
        }
    };
    parse_page(&body).map_err(|reason| PullError::Unreachable { reason })
}

/// A StatementResult: `{"statements": [objects], "more": "..."}`.
fn parse_page(body: &[u8]) -> Result<Page, String> {
    let malformed = || {
        format!(
            "malformed reply: the LRS answered 200 without a list of statements: {}",
            snippet(body)
        )
    };
    let Ok(Value::Object(mut page)) = serde_json::from_slice::<Value>(body) else {
        return Err(malformed());
    };
    let Some(Value::Array(statements)) = page.remove("statements") else {
        return Err(malformed());
    };
    if !statements.iter().all(Value::is_object) {
        return Err(malformed());
    }
    let more = match page.remove("more") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => Some(s),
        Some(_) => return Err(malformed()),
    };
    Ok(Page { statements, more })
}

/// The URL of a `more` link: relative to the endpoint's origin (xAPI: a path
/// and query), or absolute on that same origin. Another scheme, host or port
/// is refused: the credential goes to the endpoint only.
fn next_url(base: &Url, more: &str) -> Result<Url, PullError> {
    let url = base.join(more.trim()).map_err(|_| PullError::Unreachable {
        reason: format!(
            "the LRS's link to the next page is not a URL: {}",
            snippet(more.as_bytes())
        ),
    })?;
    if url.origin() != base.origin() {
        return Err(PullError::Unreachable {
            reason: format!(
                "the LRS's link to the next page points to another server ({})",
                snippet(url.origin().ascii_serialization().as_bytes())
            ),
        });
    }
    Ok(url)
}

/// Whether a statement mentions the activity where xAPI's
/// `related_activities` looks: the object, any context activity, or the same
/// in a sub-statement object.
fn mentions(statement: &Value, activity: &str) -> bool {
    let object = statement.get("object");
    if object.and_then(|o| o.get("id")).and_then(Value::as_str) == Some(activity) {
        return true;
    }
    if let Some(Value::Object(lists)) = statement.pointer("/context/contextActivities") {
        for list in lists.values() {
            let hit = |a: &Value| a.get("id").and_then(Value::as_str) == Some(activity);
            let found = match list {
                Value::Array(items) => items.iter().any(hit),
                single => hit(single),
            };
            if found {
                return true;
            }
        }
    }
    match object {
        Some(o) if o.get("objectType").and_then(Value::as_str) == Some("SubStatement") => {
            mentions(o, activity)
        }
        _ => false,
    }
}

/// An RFC 3339 time (`2026-01-15T10:00:00Z`, `…T10:00:00.123456+02:00`) as
/// milliseconds since 1970-01-01T00:00:00Z (fractions past the millisecond
/// are dropped). A time without a time zone is not accepted.
fn parse_time(text: &str) -> Option<i64> {
    let b = text.trim().as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = b.get(r)?;
        if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if b.get(4) != Some(&b'-')
        || b.get(7) != Some(&b'-')
        || !matches!(b.get(10), Some(b'T' | b't' | b' '))
        || b.get(13) != Some(&b':')
        || b.get(16) != Some(&b':')
    {
        return None;
    }
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut i = 19;
    let mut millis = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            if i - start < 3 {
                millis = millis * 10 + i64::from(b[i] - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        for _ in (i - start)..3 {
            millis *= 10;
        }
    }
    let offset_minutes = match b.get(i) {
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(&sign @ (b'+' | b'-')) if i + 6 == b.len() && b[i + 3] == b':' => {
            let (h, m) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = h * 60 + m;
            if sign == b'-' { -minutes } else { minutes }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1000 + millis)
}

/// Milliseconds since 1970 as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
fn format_time(ms: i64) -> String {
    let (days, rest) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rest / 3_600_000,
        rest / 60_000 % 60,
        rest / 1000 % 60,
        rest % 1000
    )
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn times_parse_and_format() {
        assert_eq!(parse_time("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_time("1970-01-01T00:00:01.5Z"), Some(1500));
        assert_eq!(
            parse_time("2026-01-15T10:00:00Z"),
            parse_time("2026-01-15T11:00:00+01:00")
        );
        assert_eq!(
            parse_time("2026-01-15T10:00:00.123456+00:00"),
            parse_time("2026-01-15T10:00:00.123Z")
        );
        assert_eq!(
            parse_time("2026-01-14T23:30:00-00:30"),
            parse_time("2026-01-15T00:00:00Z")
        );
        let t = parse_time("2026-02-28T23:59:59.999Z").expect("a time");
        assert_eq!(format_time(t), "2026-02-28T23:59:59.999Z");
        assert_eq!(format_time(t + 1), "2026-03-01T00:00:00.000Z");
        assert_eq!(
            format_time(parse_time("2024-02-29T12:00:00Z").expect("a time")),
            "2024-02-29T12:00:00.000Z"
        );
        assert_eq!(format_time(-1), "1969-12-31T23:59:59.999Z");
        for bad in [
            "2026-01-15T10:00:00",
            "2026-01-15",
            "2026-02-29T10:00:00Z",
            "2026-13-01T10:00:00Z",
            "2026-01-15T24:00:00Z",
            "2026-01-15T10:00:00.Z",
            "2026-01-15T10:00:00+0100",
            "2026-01-15T10:00:00Zjunk",
            "+026-01-15T10:00:00Z",
            "2026-01-15T10:00:00+01:0x",
            "",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn civil_dates_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn more_stays_on_the_endpoint_origin() {
        let base = statements_url("https://lrs.example.org:8443/xAPI/").expect("a URL");
        let ok = |m: &str| next_url(&base, m).map(|u| u.to_string());
        assert_eq!(
            ok("/xAPI/statements?limit=5&search_after=x").as_deref(),
            Ok("https://lrs.example.org:8443/xAPI/statements?limit=5&search_after=x")
        );
        assert_eq!(
            ok("https://lrs.example.org:8443/other/more/1").as_deref(),
            Ok("https://lrs.example.org:8443/other/more/1")
        );
        for bad in [
            "https://evil.example.org/xAPI/statements",
            "//evil.example.org/xAPI/statements",
            "http://lrs.example.org:8443/xAPI/statements",
            "https://lrs.example.org/xAPI/statements",
            "https://lrs.example.org:8443@evil.example.org/x",
            "file:///etc/passwd",
        ] {
            assert!(
                matches!(next_url(&base, bad), Err(PullError::Unreachable { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_statement_mentions_its_class_where_related_activities_looks() {
        let class = "https://id.vardskap.app/xapi/classes/a";
        let grouped = json!({"object": {"id": "x"}, "context": {"contextActivities": {
            "grouping": [{"id": "https://id.vardskap.app/xapi/courses/c"}, {"id": class}]}}});
        assert!(mentions(&grouped, class));
        assert!(!mentions(
            &grouped,
            "https://id.vardskap.app/xapi/classes/b"
        ));
        assert!(mentions(&json!({"object": {"id": class}}), class));
        assert!(mentions(
            &json!({"object": {"id": "y"}, "context": {"contextActivities": {"parent": {"id": class}}}}),
            class
        ));
        assert!(mentions(
            &json!({"object": {"objectType": "SubStatement", "object": {"id": "z"},
                "context": {"contextActivities": {"other": [{"id": class}]}}}}),
            class
        ));
        assert!(!mentions(&json!({"object": {"id": "y"}}), class));
        assert!(!mentions(&json!({}), class));
    }

    #[test]
    fn pages_are_checked() {
        let page = parse_page(br#"{"statements":[{"id":"a"}],"more":"/x"}"#).expect("a page");
        assert_eq!(
            (page.statements.len(), page.more.as_deref()),
            (1, Some("/x"))
        );
        let page = parse_page(br#"{"statements":[],"more":""}"#).expect("a page");
        assert!(page.statements.is_empty() && page.more.is_none());
        for bad in [
            &b"<html>Log in</html>"[..],
            b"[]",
            br#"{"more":"/x"}"#,
            br#"{"statements":[1]}"#,
            br#"{"statements":[],"more":5}"#,
            b"",
        ] {
            assert!(parse_page(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn errors_read_as_sentences() {
        assert_eq!(
            PullError::Refused { status: 401 }.to_string(),
            "The LRS refused the user name or password (HTTP 401)."
        );
        assert_eq!(
            PullError::TooLarge {
                limit: PullLimit::Statements(7)
            }
            .to_string(),
            "The class has more than 7 statements in the LRS."
        );
        assert!(
            PullError::Unreachable {
                reason: "the LRS did not answer in time".into()
            }
            .to_string()
            .ends_with("in time.")
        );
    }
}
