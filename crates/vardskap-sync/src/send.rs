//! One batch to one LRS: the HTTP request, the reading of the reply, and the
//! splitting of a refused batch to find the statement at fault.

use std::collections::VecDeque;
use std::ops::Range;
use std::time::Duration;

use reqwest::header::{CONTENT_TYPE, HeaderValue};
use reqwest::{Client, ClientBuilder, Response, StatusCode, Url};

use crate::{BatchOutcome, ItemOutcome, Pending, Target};

/// At most this many statements go in one request; a longer batch is sent in
/// several requests.
pub const MAX_BATCH: usize = 500;

/// A request's body is kept under this many bytes (4 MiB) by sending fewer
/// statements in it; a single statement larger than that is sent alone (and
/// an LRS may refuse it with 413, which quarantines it).
pub const MAX_REQUEST_BYTES: usize = 4 << 20;

/// At most this much of an LRS's reply body is read (64 KiB); the rest is
/// never read (the connection is dropped). The reply is outside input.
pub const MAX_REPLY_BYTES: usize = 64 << 10;

/// A reason quotes at most this many characters of the LRS's reply.
pub const MAX_REASON_CHARS: usize = 200;

/// The xAPI version this crate speaks.
pub(crate) const XAPI_VERSION: &str = "1.0.3";

/// How the HTTP client is set up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientOptions {
    /// How long connecting (TCP and TLS) may take.
    pub connect_timeout: Duration,
    /// How long a whole request may take, from connecting to the end of the
    /// reply: a slower LRS counts as unreachable.
    pub timeout: Duration,
}

impl Default for ClientOptions {
    /// 10 s to connect, 30 s in all.
    fn default() -> Self {
        ClientOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
        }
    }
}

/// A client builder set up for an LRS: the timeouts, no redirects (a POST
/// redirected to a login page must not count as sent), rustls with the
/// system's root certificates. The caller may add to it (a root certificate,
/// a proxy) before building.
pub fn client_builder(options: &ClientOptions) -> ClientBuilder {
    Client::builder()
        .connect_timeout(options.connect_timeout)
        .timeout(options.timeout)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("vardskap-sync/", env!("CARGO_PKG_VERSION")))
        // Under the 5 s keep-alive of uvicorn and Apache: an idle connection is
        // dropped here before the server drops it under a request.
        .pool_idle_timeout(Duration::from_secs(4))
}

/// A client for [`send_batch`], built by [`client_builder`]. Fails when the
/// TLS set-up fails (e.g. no usable root certificate on the system).
pub fn client(options: &ClientOptions) -> Result<Client, String> {
    client_builder(options)
        .build()
        .map_err(|e| format!("cannot set up the HTTP client: {}", error_chain(&e)))
}

/// The statements resource of an xAPI endpoint: the endpoint (with a final `/`
/// added when missing) joined with `statements`. Only http and https are
/// accepted.
pub fn statements_url(endpoint: &str) -> Result<Url, String> {
    let mut url =
        Url::parse(endpoint.trim()).map_err(|e| format!("the LRS address is not a URL: {e}"))?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(format!(
            "the LRS address must start with http:// or https://, not {}:",
            url.scheme()
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("the LRS address has no host".to_owned());
    }
    url.set_query(None);
    url.set_fragment(None);
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    url.join("statements")
        .map_err(|e| format!("the LRS address is not a URL: {e}"))
}

/// Sends a batch of statements to a target and says what became of each.
///
/// The statements are POSTed as one JSON array (`[body1,body2,...]`, the
/// stored bytes joined by commas) with `X-Experience-API-Version: 1.0.3` and
/// Basic auth; a batch over [`MAX_BATCH`] statements or [`MAX_REQUEST_BYTES`]
/// is sent in several requests. The LRS's answer:
///
/// - 2xx: all sent. A 200 must carry a JSON array of ids (at most one per
///   statement: an LRS may list only those it newly stored); anything else,
///   e.g. a captive portal's page, counts as a malformed reply (unreachable).
/// - 409, 400, 413, 422: the batch is split in halves, each sent in turn, so
///   the statement at fault is found and the others are sent; a single
///   statement answered 409 is a [`ItemOutcome::Conflict`], otherwise
///   [`ItemOutcome::Quarantined`].
/// - 401, 403: [`BatchOutcome::Refused`].
/// - anything else (5xx, 408, 429, 3xx, other 4xx such as 404, which say the
///   endpoint is wrong rather than a statement), a timeout, no connection, a
///   malformed reply: [`BatchOutcome::Unreachable`].
///
/// When a split batch stops on a refusal or an unreachable LRS after part of
/// it was confirmed, the answer is `Done` with only the confirmed statements
/// (always the first ones of `items`); the others stay waiting and are sent
/// again later, identically.
pub async fn send_batch(client: &Client, target: &Target, items: &[Pending]) -> BatchOutcome {
    let url = match statements_url(&target.endpoint) {
        Ok(url) => url,
        Err(reason) => return BatchOutcome::Unreachable { reason },
    };
    let mut done: Vec<(i64, ItemOutcome)> = Vec::with_capacity(items.len());
    // Ranges of `items` still to send, in order: the front is always the
    // first statement not yet settled, so `done` is a prefix of `items`.
    let mut work: VecDeque<Range<usize>> = request_ranges(items).into();
    while let Some(range) = work.pop_front() {
        let part = &items[range.clone()];
        match post(client, &url, target, part).await {
            Reply::Stored => done.extend(part.iter().map(|p| (p.key, ItemOutcome::Sent))),
            Reply::Rejected { conflict, reason } => {
                if part.len() > 1 {
                    let mid = range.start + part.len() / 2;
                    work.push_front(mid..range.end);
                    work.push_front(range.start..mid);
                } else {
                    let outcome = if conflict {
                        ItemOutcome::Conflict(reason)
                    } else {
                        ItemOutcome::Quarantined(reason)
                    };
                    done.push((part[0].key, outcome));
                }
            }
            Reply::Refused(status) if done.is_empty() => return BatchOutcome::Refused { status },
            Reply::Unreachable(reason) if done.is_empty() => {
                return BatchOutcome::Unreachable { reason };
            }
            Reply::Refused(_) | Reply::Unreachable(_) => break,
        }
    }
    BatchOutcome::Done(done)
}

/// Consecutive ranges of `items`, each within [`MAX_BATCH`] statements and
/// [`MAX_REQUEST_BYTES`] (a lone larger statement gets a range of its own).
fn request_ranges(items: &[Pending]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut bytes = 2; // the brackets
    for (i, item) in items.iter().enumerate() {
        let len = item.body.len() + 1; // and a comma
        if i > start && (i - start >= MAX_BATCH || bytes + len > MAX_REQUEST_BYTES) {
            ranges.push(start..i);
            start = i;
            bytes = 2;
        }
        bytes += len;
    }
    if start < items.len() {
        ranges.push(start..items.len());
    }
    ranges
}

/// The LRS's answer to one request, classified.
enum Reply {
    Stored,
    /// The LRS refused the statements (409 when `conflict`).
    Rejected {
        conflict: bool,
        reason: String,
    },
    Refused(u16),
    Unreachable(String),
}

async fn post(client: &Client, url: &Url, target: &Target, items: &[Pending]) -> Reply {
    let mut body = Vec::with_capacity(items.iter().map(|p| p.body.len() + 1).sum::<usize>() + 2);
    body.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            body.push(b',');
        }
        body.extend_from_slice(item.body.as_bytes());
    }
    body.push(b']');
    let request = client
        .post(url.clone())
        .basic_auth(&target.username, Some(&target.password))
        .header("X-Experience-API-Version", XAPI_VERSION)
        .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
        .body(body);
    let response = match request.send().await {
        Ok(response) => response,
        Err(e) => return Reply::Unreachable(describe(&e)),
    };
    let status = response.status();
    let reply = read_capped(response, MAX_REPLY_BYTES).await;
    classify(status, reply, items.len())
}

/// Reads at most `cap` bytes of a reply body: whether the whole body was read
/// (`Ok(true)`) and the bytes; an error while reading is kept with what was
/// read before it.
pub(crate) async fn read_capped(
    mut response: Response,
    cap: usize,
) -> (Vec<u8>, Result<bool, reqwest::Error>) {
    let mut bytes = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                let room = cap - bytes.len();
                if chunk.len() > room {
                    bytes.extend_from_slice(&chunk[..room]);
                    // Dropping the response closes the connection unread.
                    return (bytes, Ok(false));
                }
                bytes.extend_from_slice(&chunk);
            }
            Ok(None) => return (bytes, Ok(true)),
            Err(e) => return (bytes, Err(e)),
        }
    }
}

fn classify(
    status: StatusCode,
    (body, read): (Vec<u8>, Result<bool, reqwest::Error>),
    sent: usize,
) -> Reply {
    let code = status.as_u16();
    match code {
        204 => Reply::Stored,
        200..=299 => match read {
            Ok(true) if is_id_list(&body, sent) => Reply::Stored,
            Ok(true) => Reply::Unreachable(format!(
                "malformed reply: the LRS answered {code} without a list of statement ids: {}",
                snippet(&body)
            )),
            Ok(false) => Reply::Unreachable(format!(
                "malformed reply: the LRS answered {code} with more than {MAX_REPLY_BYTES} bytes"
            )),
            Err(e) => Reply::Unreachable(format!(
                "the LRS answered {code} but its reply broke off: {}",
                describe(&e)
            )),
        },
        401 | 403 => Reply::Refused(code),
        400 | 409 | 413 | 422 => Reply::Rejected {
            conflict: code == 409,
            reason: reason(status, &body),
        },
        _ => Reply::Unreachable(reason(status, &body)),
    }
}

/// Whether a 200 reply is what xAPI says: a JSON array of statement ids, at
/// most one per statement sent.
fn is_id_list(body: &[u8], sent: usize) -> bool {
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(serde_json::Value::Array(ids)) => {
            ids.len() <= sent && ids.iter().all(serde_json::Value::is_string)
        }
        _ => false,
    }
}

/// `"<status>: <start of the reply>"`.
fn reason(status: StatusCode, body: &[u8]) -> String {
    let text = snippet(body);
    if text.is_empty() {
        format!("LRS answered {status}")
    } else {
        format!("LRS answered {status}: {text}")
    }
}

/// At most [`MAX_REASON_CHARS`] characters of a reply (then `…`), on one
/// line, without control characters.
pub(crate) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out = String::new();
    let mut count = 0;
    for word in text.split_whitespace() {
        let mut chars = word.chars().filter(|c| !c.is_control()).peekable();
        if chars.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
            count += 1;
        }
        for c in chars {
            if count >= MAX_REASON_CHARS {
                out.push('…');
                return out;
            }
            out.push(c);
            count += 1;
        }
    }
    out
}

/// A short sentence for a failed request.
pub(crate) fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "the LRS did not answer in time".to_owned()
    } else if e.is_connect() {
        format!("cannot connect to the LRS: {}", error_chain(e))
    } else {
        format!("no answer from the LRS: {}", error_chain(e))
    }
}

/// An error and its sources, joined by ": ", skipping repeats.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut next: Option<&dyn std::error::Error> = Some(e);
    while let Some(err) = next {
        let text = err.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        next = err.source();
    }
    let mut all = parts.join(": ");
    if all.chars().count() > 2 * MAX_REASON_CHARS {
        all = all.chars().take(2 * MAX_REASON_CHARS).collect::<String>() + "…";
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(lens: &[usize]) -> Vec<Pending> {
        lens.iter()
            .enumerate()
            .map(|(i, &n)| Pending {
                key: i as i64,
                body: "x".repeat(n),
            })
            .collect()
    }

    #[test]
    fn statements_url_adds_the_slash() {
        let u = |e: &str| statements_url(e).map(|u| u.to_string());
        assert_eq!(
            u("http://127.0.0.1:8100/xAPI/").as_deref(),
            Ok("http://127.0.0.1:8100/xAPI/statements")
        );
        assert_eq!(
            u("https://lrs.example.org/xAPI").as_deref(),
            Ok("https://lrs.example.org/xAPI/statements")
        );
        assert_eq!(
            u("https://lrs.example.org").as_deref(),
            Ok("https://lrs.example.org/statements")
        );
        assert_eq!(
            u(" https://lrs.example.org/data/xAPI/?x=1#f ").as_deref(),
            Ok("https://lrs.example.org/data/xAPI/statements")
        );
        assert!(u("ftp://lrs.example.org/").is_err());
        assert!(u("file:///etc/passwd").is_err());
        assert!(u("lrs.example.org/xAPI").is_err());
        assert!(u("").is_err());
    }

    #[test]
    fn ranges_respect_the_count_and_byte_caps() {
        let none: Vec<Range<usize>> = Vec::new();
        assert_eq!(request_ranges(&[]), none);
        assert_eq!(request_ranges(&items(&[10; 3])), vec![0..3]);
        let many = items(&vec![10; MAX_BATCH * 2 + 1]);
        assert_eq!(
            request_ranges(&many),
            vec![
                0..MAX_BATCH,
                MAX_BATCH..2 * MAX_BATCH,
                2 * MAX_BATCH..2 * MAX_BATCH + 1
            ]
        );
        let big = MAX_REQUEST_BYTES / 2;
        // Two halves do not fit with brackets and commas; a giant goes alone.
        assert_eq!(
            request_ranges(&items(&[big, big, 5, MAX_REQUEST_BYTES * 2, 5])),
            vec![0..1, 1..3, 3..4, 4..5]
        );
    }

    #[test]
    fn snippet_is_short_and_on_one_line() {
        assert_eq!(snippet(b"  a\n\n b\tc \x07 "), "a b c");
        let long = snippet("é".repeat(10_000).as_bytes());
        assert_eq!(long.chars().count(), MAX_REASON_CHARS + 1);
        assert!(long.ends_with('…'));
        assert_eq!(snippet(&[0xff, b'a']), "\u{fffd}a");
    }

    #[test]
    fn a_200_needs_an_id_list() {
        assert!(is_id_list(br#"["a","b"]"#, 2));
        assert!(is_id_list(br#"["a"]"#, 2));
        assert!(is_id_list(b"[]", 2));
        assert!(!is_id_list(br#"["a","b","c"]"#, 2));
        assert!(!is_id_list(br#"[1]"#, 2));
        assert!(!is_id_list(
            b"<html>Welcome to the school network</html>",
            2
        ));
        assert!(!is_id_list(b"", 2));
    }
}
