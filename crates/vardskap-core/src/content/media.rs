//! Course images, served by path instead of copied into each lesson: the
//! URL a rendered lesson uses for a `media://` image, and the checks that
//! keep a request for such a URL inside the course folder.
//!
//! Both sides read a path the same way: `/`-separated segments, each
//! percent-decoded on its own, none empty, `.` or `..`, none holding `/`,
//! `\`, `:` or NUL once decoded, and the last naming an image (svg, png,
//! jpg, jpeg, gif, webp).

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use crate::{Error, Result};

/// The largest image served: a package's own limit for one file
/// (`package::Limits::default().max_file_bytes`), so every image a package
/// may carry can be shown, and nothing larger is read into memory.
pub const MAX_MEDIA_BYTES: u64 = 50 << 20;

/// What stays unescaped in a segment of a media URL: the unreserved
/// characters of RFC 3986. The result is safe as-is in a URL path and in a
/// double-quoted HTML attribute.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The image type of a file name, by its extension.
fn image_mime(name: &str) -> Option<&'static str> {
    let (_, extension) = name.rsplit_once('.')?;
    Some(match extension.to_ascii_lowercase().as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        _ => return None,
    })
}

/// The decoded segments of a percent-escaped, `/`-separated image path and
/// the image's type, or `None` when the path is refused (see the module
/// documentation).
pub(crate) fn image_path(escaped: &str) -> Option<(Vec<String>, &'static str)> {
    let mut segments = Vec::new();
    for raw in escaped.split('/') {
        let segment = percent_decode_str(raw).decode_utf8().ok()?;
        if matches!(segment.as_ref(), "" | "." | "..") || segment.contains(['/', '\\', ':', '\0']) {
            return None;
        }
        segments.push(segment.into_owned());
    }
    let mime = image_mime(segments.last()?)?;
    Some((segments, mime))
}

/// `base` followed by the image path `escaped` (as found in a `media://`
/// source), each segment escaped again so that only unreserved characters
/// remain; `None` when the path is refused.
pub(crate) fn media_url(base: &str, escaped: &str) -> Option<String> {
    let (segments, _) = image_path(escaped)?;
    let mut url = String::with_capacity(base.len() + escaped.len());
    url.push_str(base);
    for (i, segment) in segments.iter().enumerate() {
        if i > 0 {
            url.push('/');
        }
        url.extend(utf8_percent_encode(segment, SEGMENT));
    }
    Some(url)
}

/// The file under the course folder `root` that the URL path `url_path`
/// (percent-escaped, relative to the folder, no leading `/`) names, with its
/// image type. Refused, as `NotFound`: a path that is not a plain image path
/// (see the module documentation), a symbolic link at any step below `root`
/// (the loader refuses them too; this is a second lock), a file whose real
/// path is not inside the real `root`, anything but a regular file, and a
/// file over [`MAX_MEDIA_BYTES`].
pub fn media_file(root: &Path, url_path: &str) -> Result<(PathBuf, &'static str)> {
    let refused = || Error::NotFound {
        what: "media file",
        id: url_path.chars().take(200).collect(),
    };
    let (segments, mime) = image_path(url_path).ok_or_else(refused)?;
    let mut path = root.to_path_buf();
    for segment in &segments {
        path.push(segment);
        let kind = std::fs::symlink_metadata(&path)
            .map_err(|_| refused())?
            .file_type();
        if kind.is_symlink() {
            return Err(refused());
        }
    }
    let real_root = root.canonicalize().map_err(|_| refused())?;
    let real = path.canonicalize().map_err(|_| refused())?;
    if !real.starts_with(&real_root) {
        return Err(refused());
    }
    let meta = std::fs::metadata(&real).map_err(|_| refused())?;
    if !meta.is_file() || meta.len() > MAX_MEDIA_BYTES {
        return Err(refused());
    }
    Ok((real, mime))
}

/// The bytes and image type of [`media_file`]`(root, url_path)`, read whole
/// but never more than [`MAX_MEDIA_BYTES`] (a file that grew past it since
/// the check is refused).
pub fn read_media(root: &Path, url_path: &str) -> Result<(Vec<u8>, &'static str)> {
    let (path, mime) = media_file(root, url_path)?;
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let mut bytes = Vec::new();
    File::open(&path)
        .map_err(io)?
        .take(MAX_MEDIA_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_MEDIA_BYTES {
        return Err(Error::NotFound {
            what: "media file",
            id: url_path.chars().take(200).collect(),
        });
    }
    Ok((bytes, mime))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// A course-like folder with one image, one text file and a subfolder.
    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("modules/01-m/media")).unwrap();
        std::fs::write(dir.path().join("modules/01-m/media/entré bild.png"), b"png").unwrap();
        std::fs::write(dir.path().join("modules/01-m/media/notes.txt"), b"text").unwrap();
        std::fs::write(dir.path().join("course.toml"), b"id = \"x\"").unwrap();
        dir
    }

    fn refused(root: &Path, url_path: &str) -> bool {
        matches!(media_file(root, url_path), Err(Error::NotFound { .. }))
    }

    #[test]
    fn the_size_limit_is_the_packages_own() {
        assert_eq!(
            MAX_MEDIA_BYTES,
            crate::package::Limits::default().max_file_bytes,
            "an image a package may carry must also be servable"
        );
    }

    #[test]
    fn an_escaped_image_path_is_found_with_its_type() {
        let dir = folder();
        let (path, mime) =
            media_file(dir.path(), "modules/01-m/media/entr%C3%A9%20bild.png").unwrap();
        assert_eq!(mime, "image/png", "the type comes from the extension");
        assert!(
            path.ends_with("modules/01-m/media/entré bild.png"),
            "escapes are decoded: {}",
            path.display()
        );
        let (bytes, _) =
            read_media(dir.path(), "modules/01-m/media/entr%C3%A9%20bild.png").unwrap();
        assert_eq!(bytes, b"png", "the file's bytes are read");
    }

    #[test]
    fn paths_that_could_leave_the_folder_are_refused() {
        let dir = folder();
        let root = dir.path().join("modules");
        for path in [
            "../course.toml",
            "01-m/../../course.toml",
            "%2e%2e/course.toml",
            "%2E%2E/%2e%2e/etc/x.png",
            "01-m%2F..%2F..%2Fx.png",
            "01-m%2fmedia%2fentr%C3%A9%20bild.png",
            "01-m%5C..%5Cx.png",
            "01-m\\media\\x.png",
            "./01-m/media/entr%C3%A9%20bild.png",
            "01-m//media/entr%C3%A9%20bild.png",
            "",
            "/etc/x.png",
            "%2Fetc%2Fx.png",
            "C:/x.png",
            "01-m/media/x.png%00.png",
            "01-m/media/entr%C3%A9%20bild.png/",
        ] {
            assert!(refused(&root, path), "`{path}` must be refused");
        }
    }

    #[test]
    fn only_existing_regular_image_files_are_served() {
        let dir = folder();
        assert!(refused(dir.path(), "course.toml"), "not an image type");
        assert!(
            refused(dir.path(), "modules/01-m/media/notes.txt"),
            "not an image type"
        );
        assert!(
            refused(dir.path(), "modules/01-m/media/missing.png"),
            "a missing file"
        );
        std::fs::create_dir_all(dir.path().join("modules/01-m/media/folder.png")).unwrap();
        assert!(
            refused(dir.path(), "modules/01-m/media/folder.png"),
            "a folder named like an image"
        );
        assert!(
            refused(dir.path(), "modules/01-m/media/%FF.png"),
            "escapes that are not UTF-8"
        );
    }

    #[test]
    fn an_image_over_the_limit_is_refused() {
        let dir = folder();
        let big = File::create(dir.path().join("big.png")).unwrap();
        big.set_len(MAX_MEDIA_BYTES + 1).unwrap();
        assert!(
            refused(dir.path(), "big.png"),
            "a file over the limit is not read"
        );
        let fits = File::create(dir.path().join("fits.png")).unwrap();
        fits.set_len(1024).unwrap();
        assert!(
            media_file(dir.path(), "fits.png").is_ok(),
            "a file within the limit is served"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_refused_even_inside_the_folder() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.png"), b"secret").unwrap();
        let dir = folder();
        let media = dir.path().join("modules/01-m/media");
        std::os::unix::fs::symlink(outside.path().join("secret.png"), media.join("out.png"))
            .unwrap();
        std::os::unix::fs::symlink(outside.path(), media.join("outdir")).unwrap();
        std::os::unix::fs::symlink(media.join("entré bild.png"), media.join("in.png")).unwrap();
        assert!(
            refused(dir.path(), "modules/01-m/media/out.png"),
            "a link to a file outside"
        );
        assert!(
            refused(dir.path(), "modules/01-m/media/outdir/secret.png"),
            "a linked folder outside"
        );
        assert!(
            refused(dir.path(), "modules/01-m/media/in.png"),
            "a link, even to a file inside"
        );
    }

    #[test]
    fn media_urls_are_escaped_again_and_safe_in_an_attribute() {
        assert_eq!(
            media_url(
                "vardskap-media://localhost/course/c/",
                "modules/01-m/media/entr%C3%A9.png"
            )
            .as_deref(),
            Some("vardskap-media://localhost/course/c/modules/01-m/media/entr%C3%A9.png"),
            "an escaped path stays as it was"
        );
        assert_eq!(
            media_url("b/", "a/x\"y'<z>&%20?#.png").as_deref(),
            Some("b/a/x%22y%27%3Cz%3E%26%20%3F%23.png"),
            "quotes, brackets, ampersands, ? and # are escaped"
        );
        assert_eq!(media_url("b/", "a/../x.png"), None, "a path out is refused");
        assert_eq!(media_url("b/", "a/x.txt"), None, "only images");
        assert_eq!(
            media_url("b/", "a%2Fb.png"),
            None,
            "an escaped slash is refused"
        );
    }
}
