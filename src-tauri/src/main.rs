// Hide the console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // `vardskap --version` prints the version and opens no window.
    if vardskap_lib::version_requested(std::env::args_os()) {
        println!("vardskap {}", vardskap_lib::VERSION);
        return;
    }
    vardskap_lib::run();
}
