//! The `vardskap-media` scheme: lesson images served from the installed
//! course's folder or from the folder open in the editor, read once per
//! request instead of copied into every lesson's HTML.
//!
//! URLs (Linux, macOS: `vardskap-media://localhost/…`; Windows, Android:
//! `http://vardskap-media.localhost/…`):
//! - `/course/<course-id>/<path>`: `<data dir>/courses/<course-id>/<path>`
//! - `/editor/<path>`: `<editor folder>/<path>`, when a folder is open
//!
//! The core checks the path (`content::media_file`); anything refused or
//! missing is a bare 404.

use std::path::{Path, PathBuf};

use tauri::http::{Method, Request, Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};
use vardskap_core::content;

use crate::state::ShellState;

/// The scheme's name, as registered on the builder.
pub const SCHEME: &str = "vardskap-media";

/// The URL prefix under which lesson HTML points at the files of `area`
/// (`course/<id>/` or `editor/`), as the platform's webview spells a custom
/// scheme.
pub fn media_base(area: &str) -> String {
    if cfg!(any(windows, target_os = "android")) {
        format!("http://{SCHEME}.localhost/{area}")
    } else {
        format!("{SCHEME}://localhost/{area}")
    }
}

/// Whether a response may be kept by the webview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caching {
    /// An installed course's file: changes only when the course is
    /// installed again, so the webview revalidates (and, without
    /// validators, fetches again) rather than keeping it blindly.
    Course,
    /// The editor's folder: the author may replace a file at any moment.
    Editor,
}

/// The folder that the URL path `uri_path` (still percent-escaped) reads
/// from, the path inside it, and how the answer may be cached; `None` for
/// an unknown area, a course id that is not a plain slug or not an
/// installed course's folder, or the editor area when no folder is open.
fn area<'p>(
    data_dir: &Path,
    editor_folder: Option<&Path>,
    uri_path: &'p str,
) -> Option<(PathBuf, &'p str, Caching)> {
    let path = uri_path.strip_prefix('/')?;
    if let Some(rest) = path.strip_prefix("course/") {
        let (id, inside) = rest.split_once('/')?;
        // Ids are slugs: [a-z0-9-], no dots, no escapes.
        if !content::is_slug(id) {
            return None;
        }
        let root = data_dir.join("courses").join(id);
        // The app installs course folders; a link in their place is not one.
        if std::fs::symlink_metadata(&root)
            .ok()?
            .file_type()
            .is_symlink()
        {
            return None;
        }
        return Some((root, inside, Caching::Course));
    }
    let inside = path.strip_prefix("editor/")?;
    Some((editor_folder?.to_path_buf(), inside, Caching::Editor))
}

/// The bytes, type and caching of the file `uri_path` names.
fn load(
    data_dir: &Path,
    editor_folder: Option<&Path>,
    uri_path: &str,
) -> Option<(Vec<u8>, &'static str, Caching)> {
    let (root, inside, caching) = area(data_dir, editor_folder, uri_path)?;
    let (bytes, mime) = content::read_media(&root, inside).ok()?;
    Some((bytes, mime, caching))
}

/// The answer to one request of the scheme: the file for a GET of a
/// servable path, else 404 (405 for another method), with no detail.
pub fn respond(state: &ShellState, request: &Request<Vec<u8>>) -> Response<Vec<u8>> {
    if request.method() != Method::GET {
        return bare(StatusCode::METHOD_NOT_ALLOWED);
    }
    let editor_folder = state.editor_folder();
    let Some((bytes, mime, caching)) = load(
        &state.data_dir,
        editor_folder.as_deref(),
        request.uri().path(),
    ) else {
        return bare(StatusCode::NOT_FOUND);
    };
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, mime)
        .header(
            header::CACHE_CONTROL,
            match caching {
                Caching::Course => "no-cache",
                Caching::Editor => "no-store",
            },
        )
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        // An SVG opened as a document runs nothing and loads nothing.
        .header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        )
        .body(bytes)
        .unwrap_or_else(|_| bare(StatusCode::INTERNAL_SERVER_ERROR))
}

fn bare(status: StatusCode) -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

/// The scheme's handler for the builder: answers on a blocking thread, so
/// that reading a file never holds up the webview's thread.
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    tauri::async_runtime::spawn_blocking(move || {
        let response = match app.try_state::<ShellState>() {
            Some(state) => respond(&state, &request),
            None => bare(StatusCode::NOT_FOUND),
        };
        responder.respond(response);
    });
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// A data folder with one installed course holding one image, an
    /// editor folder with another, and a secret next to them.
    struct Folders {
        _tmp: tempfile::TempDir,
        data: PathBuf,
        editor: PathBuf,
    }

    fn folders() -> Folders {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        let course = data.join("courses/gott-vardskap/modules/01-m/media");
        std::fs::create_dir_all(&course).unwrap();
        std::fs::write(course.join("entre.png"), b"course png").unwrap();
        std::fs::write(data.join("courses/secret.png"), b"secret").unwrap();
        std::fs::write(data.join("vardskap.sqlite3"), b"db").unwrap();
        let editor = tmp.path().join("editor");
        std::fs::create_dir_all(editor.join("media")).unwrap();
        std::fs::write(editor.join("media/bild.svg"), b"<svg/>").unwrap();
        Folders {
            _tmp: tmp,
            data,
            editor,
        }
    }

    fn get(f: &Folders, editor: bool, path: &str) -> Option<Vec<u8>> {
        load(&f.data, editor.then_some(f.editor.as_path()), path).map(|(bytes, _, _)| bytes)
    }

    #[test]
    fn the_base_is_the_platforms_spelling_of_the_scheme() {
        let base = media_base("course/x/");
        if cfg!(windows) {
            assert_eq!(
                base, "http://vardskap-media.localhost/course/x/",
                "Windows serves custom schemes over http"
            );
        } else {
            assert_eq!(
                base, "vardskap-media://localhost/course/x/",
                "WebKit takes the scheme as it is"
            );
        }
        let uri: tauri::http::Uri = format!("{base}modules/01-m/media/entre.png")
            .parse()
            .unwrap();
        assert_eq!(
            uri.path(),
            "/course/x/modules/01-m/media/entre.png",
            "the handler sees the area and the path"
        );
    }

    #[test]
    fn course_and_editor_files_are_served_with_their_type_and_caching() {
        let f = folders();
        let (bytes, mime, caching) = load(
            &f.data,
            None,
            "/course/gott-vardskap/modules/01-m/media/entre.png",
        )
        .unwrap();
        assert_eq!(
            (bytes.as_slice(), mime, caching),
            (&b"course png"[..], "image/png", Caching::Course),
            "a course image"
        );
        let (bytes, mime, caching) =
            load(&f.data, Some(&f.editor), "/editor/media/bild.svg").unwrap();
        assert_eq!(
            (bytes.as_slice(), mime, caching),
            (&b"<svg/>"[..], "image/svg+xml", Caching::Editor),
            "an editor image"
        );
    }

    #[test]
    fn traversal_in_any_spelling_is_refused() {
        let f = folders();
        for path in [
            "/course/gott-vardskap/../secret.png",
            "/course/gott-vardskap/%2e%2e/secret.png",
            "/course/gott-vardskap/%2E%2E/%2E%2E/vardskap.sqlite3",
            "/course/gott-vardskap/modules%2F..%2F..%2Fsecret.png",
            "/course/gott-vardskap/modules%2f01-m%2fmedia%2fentre.png",
            "/course/gott-vardskap/modules%5C..%5C..%5Csecret.png",
            "/course/gott-vardskap//modules/01-m/media/entre.png",
            "/course/%2e%2e/secret.png",
            "/course/../courses/secret.png",
            "/course/gott-vardskap",
            "/course/gott-vardskap/",
            "/editor/../data/courses/secret.png",
            "/editor/%2e%2e/data/courses/secret.png",
        ] {
            assert_eq!(get(&f, true, path), None, "`{path}` must be refused");
        }
    }

    #[test]
    fn only_plain_course_ids_are_looked_up() {
        let f = folders();
        for id in [
            "no-such-course",
            "Gott-vardskap",
            "gott.vardskap",
            "gott%2Dvardskap",
            "-x",
            ".",
            "",
        ] {
            let path = format!("/course/{id}/modules/01-m/media/entre.png");
            assert_eq!(
                get(&f, false, &path),
                None,
                "course id `{id}` must be refused"
            );
        }
    }

    #[test]
    fn the_editor_area_needs_a_granted_folder() {
        let f = folders();
        assert_eq!(
            get(&f, false, "/editor/media/bild.svg"),
            None,
            "no folder open in the editor: nothing is served"
        );
        assert!(
            get(&f, true, "/editor/media/bild.svg").is_some(),
            "the open folder's image is served"
        );
        for path in ["/other/media/bild.svg", "/editor", "media/bild.svg", "/"] {
            assert_eq!(get(&f, true, path), None, "`{path}` is no area");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_pointing_out_is_refused() {
        let f = folders();
        let media = f.data.join("courses/gott-vardskap/modules/01-m/media");
        std::os::unix::fs::symlink(f.data.join("courses/secret.png"), media.join("link.png"))
            .unwrap();
        std::os::unix::fs::symlink(&f.data, media.join("up")).unwrap();
        assert_eq!(
            get(
                &f,
                false,
                "/course/gott-vardskap/modules/01-m/media/link.png"
            ),
            None,
            "a linked file is not followed"
        );
        assert_eq!(
            get(
                &f,
                false,
                "/course/gott-vardskap/modules/01-m/media/up/courses/secret.png"
            ),
            None,
            "a linked folder is not entered"
        );
        let outside = f.data.parent().unwrap().join("outside");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("x.png"), b"x").unwrap();
        std::os::unix::fs::symlink(&outside, f.data.join("courses/linked")).unwrap();
        assert_eq!(
            get(&f, false, "/course/linked/x.png"),
            None,
            "a course folder that is a link out is not entered"
        );
    }
}
