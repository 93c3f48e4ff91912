//! The window stays on the app's own pages. A link to an https page (in a
//! lesson, say) opens in the system browser; any other navigation away from
//! the app is refused.

use tauri::{Manager, Runtime};
use tauri_plugin_opener::OpenerExt;

/// Where a navigation goes, as far as the guard is concerned.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// One of the app's own pages: allowed.
    App,
    /// A web page: shown in the system browser instead.
    Browser,
    /// Anything else (file:, http:, javascript:, other schemes): refused.
    Refused,
}

/// The app's pages are served from `tauri://localhost` (Linux, macOS) or
/// `http(s)://tauri.localhost` (Windows); a development build from Vite.
pub fn target(url: &tauri::Url) -> Target {
    let host = url.host_str().unwrap_or("");
    match url.scheme() {
        "tauri" if host == "localhost" => Target::App,
        "http" | "https" if host == "tauri.localhost" => Target::App,
        "http" if cfg!(debug_assertions) && host == "localhost" && url.port() == Some(5173) => {
            Target::App
        }
        "https" => Target::Browser,
        _ => Target::Refused,
    }
}

pub fn guard<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|webview, url| match target(url) {
            Target::App => true,
            Target::Browser => {
                if let Err(err) = webview.opener().open_url(url.as_str(), None::<&str>) {
                    eprintln!("Värdskap could not open {url} in the browser: {err}");
                }
                false
            }
            Target::Refused => false,
        })
        .build()
}

/// Brings the main window to the front (a second launch asked for the app).
pub fn focus_main<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(url: &str) -> Target {
        target(&tauri::Url::parse(url).expect("a valid url"))
    }

    #[test]
    fn the_window_keeps_to_the_apps_own_pages() {
        assert_eq!(of("tauri://localhost/"), Target::App);
        assert_eq!(of("tauri://localhost/editor"), Target::App);
        assert_eq!(of("http://tauri.localhost/"), Target::App);
        assert_eq!(
            of("https://www.boras.se/"),
            Target::Browser,
            "a lesson's https link opens in the browser"
        );
        assert_eq!(
            of("http://example.com/"),
            Target::Refused,
            "plain http is neither shown nor opened"
        );
        assert_eq!(of("file:///etc/passwd"), Target::Refused);
        assert_eq!(of("tauri://evil.example/"), Target::Refused);
        assert_eq!(
            of("https://tauri.localhost.evil.example/"),
            Target::Browser,
            "a look-alike host is a web page, not the app"
        );
        assert_eq!(of("javascript:alert(1)"), Target::Refused);
        assert_eq!(
            of("vardskap-media://localhost/course/x/a.png"),
            Target::Refused,
            "media are loaded, never navigated to"
        );
    }
}
