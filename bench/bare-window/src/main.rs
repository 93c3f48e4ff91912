//! A bare Tauri window that loads a page, makes one IPC call and reports
//! ready, with the same benchmark hook as the app (`bench_ready`).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// The one IPC call the page makes before it counts as loaded.
#[tauri::command]
fn greet(name: String) -> String {
    format!("Hello, {name}!")
}

/// Same contract as the app's: `VARDSKAP_BENCH_EXIT_WHEN_READY=1` exits,
/// `VARDSKAP_BENCH_READY_FILE=<path>` creates that file.
#[tauri::command]
async fn bench_ready() -> Result<(), String> {
    if let Some(path) = std::env::var_os("VARDSKAP_BENCH_READY_FILE") {
        std::fs::write(&path, b"ready\n").map_err(|err| err.to_string())?;
    }
    if std::env::var_os("VARDSKAP_BENCH_EXIT_WHEN_READY").is_some_and(|v| v == "1") {
        std::process::exit(0);
    }
    Ok(())
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![greet, bench_ready])
        .run(tauri::generate_context!())
        .unwrap_or_else(|err| {
            eprintln!("bare window could not start: {err}");
            std::process::exit(1);
        });
}
