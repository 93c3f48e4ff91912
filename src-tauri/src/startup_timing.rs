//! Where start-up time goes, for `scripts/bench-app.sh` (feature `bench`
//! only; in other builds `mark` does nothing and costs nothing).
//!
//! The shell notes the wall-clock time (ms since the Unix epoch) of a few
//! moments; when the page reports ready, `write` puts them beside the page's
//! own marks (navigation and resource timing, `performance.mark`) in the file
//! named by `VARDSKAP_BENCH_TIMINGS`, one JSON line per start.

#[cfg(feature = "bench")]
mod imp {
    use std::sync::Mutex;
    use std::time::{SystemTime, UNIX_EPOCH};

    static MARKS: Mutex<Vec<(&'static str, f64)>> = Mutex::new(Vec::new());

    pub fn mark(name: &'static str) {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or_default();
        if let Ok(mut marks) = MARKS.lock() {
            marks.push((name, now));
        }
    }

    /// The page's timings are at most this long: the page is ours, but the
    /// argument still comes over IPC.
    const MAX_PAGE_TIMINGS: usize = 64 * 1024;

    pub fn write(page: Option<&str>) -> std::io::Result<()> {
        let Some(path) = std::env::var_os("VARDSKAP_BENCH_TIMINGS") else {
            return Ok(());
        };
        mark("ready");
        let shell: serde_json::Map<String, serde_json::Value> = MARKS
            .lock()
            .map(|m| {
                m.iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).into()))
                    .collect()
            })
            .unwrap_or_default();
        let page = page
            .filter(|p| p.len() <= MAX_PAGE_TIMINGS)
            .and_then(|p| serde_json::from_str::<serde_json::Value>(p).ok())
            .unwrap_or(serde_json::Value::Null);
        let line = serde_json::json!({ "shell": shell, "page": page }).to_string();
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)?;
        std::io::Write::write_all(&mut file, format!("{line}\n").as_bytes())
    }
}

#[cfg(feature = "bench")]
pub use imp::{mark, write};

#[cfg(not(feature = "bench"))]
#[inline(always)]
pub fn mark(_name: &'static str) {}
