//! Giving back what start-up freed (issue 17: idle memory).
//!
//! glibc's allocator keeps the memory a thread frees in that thread's arena
//! for later use, and returns it to the system only from the top of the
//! arena. The store's open (migrations, the quick check, the backup at start,
//! the built-in course's install) runs on a thread of its own and frees most
//! of what it allocated, but what stays live sits above it, so the freed
//! pages stayed resident: 4.9 MB of the shell's 93 MB in an idle window
//! (docs/benchmarks.md). `malloc_trim(0)` hands the free pages of every
//! arena back; live allocations are untouched.

/// Hands the allocator's free pages back to the system, where the allocator
/// keeps them (glibc); elsewhere nothing. True when memory was returned.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn release_freed() -> bool {
    // SAFETY: malloc_trim takes no pointers and only works on glibc's own
    // free lists, under each arena's lock, so any thread may call it at any
    // time; it does not touch live allocations.
    unsafe { libc::malloc_trim(0) == 1 }
}

/// Elsewhere (macOS, Windows, musl) the allocators return freed memory
/// themselves or offer no such call.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn release_freed() -> bool {
    false
}

/// Once per run, when the first page has loaded and the store is open (the
/// two bursts of start-up allocation are then over), releases what they
/// freed, on a thread of its own so the page never waits for it.
pub fn release_after_start<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        let app = app.clone();
        std::thread::spawn(move || {
            tauri::Manager::state::<crate::state::ShellState>(&app).wait_opened();
            release_freed();
        });
    });
}
