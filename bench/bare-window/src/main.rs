//! A bare Tauri window that loads a page, makes one IPC call and reports
//! ready, with the same benchmark hook as the app (`bench_ready`).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// The one IPC call the page makes before it counts as loaded.
#[tauri::command]
fn greet(name: String) -> String {
    format!("Hello, {name}!")
}

/// When `main` began, in ms since the Unix epoch (for the time split).
static RUN_MS: std::sync::OnceLock<f64> = std::sync::OnceLock::new();

fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or_default()
}

/// Same contract as the app's: `VARDSKAP_BENCH_EXIT_WHEN_READY=1` exits,
/// `VARDSKAP_BENCH_READY_FILE=<path>` creates that file, and
/// `VARDSKAP_BENCH_TIMINGS=<path>` appends the start's timings (the page's
/// JSON beside the shell's `run` and `ready`), as scripts/bench_split.py reads them.
#[tauri::command]
async fn bench_ready(timings: Option<String>) -> Result<(), String> {
    if let Some(path) = std::env::var_os("VARDSKAP_BENCH_TIMINGS") {
        let page = timings
            .filter(|t| t.len() <= 64 * 1024 && t.starts_with('{') && t.ends_with('}'))
            .unwrap_or_else(|| "null".to_owned());
        let run = RUN_MS.get().copied().unwrap_or_default();
        let line = format!(
            "{{\"shell\":{{\"run\":{run},\"ready\":{}}},\"page\":{page}}}\n",
            now_ms()
        );
        use std::io::Write;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(line.as_bytes()))
            .map_err(|err| err.to_string())?;
    }
    if let Some(path) = std::env::var_os("VARDSKAP_BENCH_READY_FILE") {
        std::fs::write(&path, b"ready\n").map_err(|err| err.to_string())?;
    }
    if std::env::var_os("VARDSKAP_BENCH_EXIT_WHEN_READY").is_some_and(|v| v == "1") {
        std::process::exit(0);
    }
    Ok(())
}

fn main() {
    let _ = RUN_MS.set(now_ms());
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![greet, bench_ready])
        .run(tauri::generate_context!())
        .unwrap_or_else(|err| {
            eprintln!("bare window could not start: {err}");
            std::process::exit(1);
        });
}
