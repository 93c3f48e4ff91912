//! Files written whole or not at all: a temporary file beside the target,
//! renamed over it, so a crash or a full disk leaves the old file (or none),
//! never half of one. The new file gets the old one's permissions, or a new
//! file's usual ones (the umask's), not the private mode of a temporary file.

use std::io::Write as _;
use std::path::Path;

use tempfile::NamedTempFile;

use crate::{Error, Result};

/// Writes `bytes` to `path` whole: see the module's documentation.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    persist(tmp, path)
}

/// A temporary file in `path`'s folder, with the permissions `path` has (or
/// a new file there would get), for a writer that streams into it before
/// [`persist`] puts it in place.
pub fn temp_beside(path: &Path) -> Result<NamedTempFile> {
    let parent = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // What `File::create` asks for; the umask narrows it as for any new file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder
        .tempfile_in(parent)
        .map_err(|e| Error::io(parent, e))?;
    #[cfg(unix)]
    if let Ok(old) = std::fs::metadata(path) {
        // Set exactly, not through the umask: a file the author made private stays so.
        tmp.as_file()
            .set_permissions(old.permissions())
            .map_err(|e| Error::io(path, e))?;
    }
    Ok(tmp)
}

/// Renames the finished temporary file over `path`.
pub fn persist(tmp: NamedTempFile, path: &Path) -> Result<()> {
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    /// The mode a new file gets here: made the ordinary way, through the umask.
    fn umask_default(dir: &Path) -> u32 {
        let probe = dir.join("probe");
        std::fs::write(&probe, b"").unwrap();
        mode(&probe)
    }

    #[test]
    fn a_rewritten_file_keeps_its_permissions() {
        let dir = tempfile::tempdir().unwrap();
        for old in [0o644, 0o640, 0o600, 0o664] {
            let path = dir.path().join(format!("quiz-{old:o}.toml"));
            std::fs::write(&path, b"old").unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(old)).unwrap();
            write(&path, b"new").unwrap();
            assert_eq!(
                std::fs::read(&path).unwrap(),
                b"new",
                "the content is replaced"
            );
            assert_eq!(
                mode(&path),
                old,
                "the file keeps mode {old:o}, not the temporary file's 600"
            );
        }
    }

    #[test]
    fn a_new_file_gets_the_umask_default_not_the_temporary_files_mode() {
        let dir = tempfile::tempdir().unwrap();
        let want = umask_default(dir.path());
        let path = dir.path().join("new.toml");
        write(&path, b"x").unwrap();
        assert_eq!(
            mode(&path),
            want,
            "a new file is made as any new file is, not private"
        );
    }
}
