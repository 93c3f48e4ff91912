//! Course packages: a `.vdsk` file is a zip of a course folder, made for
//! students by an instructor. Unpacking treats the file as hostile: unsafe
//! names, links, duplicates and oversized contents are refused before
//! anything reaches the target folder.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::{Component, Path, PathBuf};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::content::layout::COURSE_FILE;
use crate::{Error, Result};

const MIB: u64 = 1024 * 1024;

/// How much a package may hold. Checked when packing too, so that every
/// package we make can be opened again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_entries: usize,
    /// Decompressed bytes of all files together.
    pub max_total_bytes: u64,
    /// Decompressed bytes of one file.
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entries: 10_000,
            max_total_bytes: 200 * MIB,
            max_file_bytes: 50 * MIB,
        }
    }
}

/// What [`pack`] wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PackSummary {
    pub package: String,
    pub files: usize,
    /// Bytes of the course's files.
    pub bytes: u64,
    /// Bytes of the package file.
    pub package_bytes: u64,
}

/// What [`unpack`] extracted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UnpackSummary {
    /// The new course folder.
    pub course_dir: String,
    pub files: usize,
    /// Decompressed bytes written.
    pub bytes: u64,
}

/// Packs the course folder `course_dir` into the zip file `out_file`, if the
/// course loads without a problem (else `Error::InvalidContent`).
///
/// Hidden files and folders (`.git`, `.DS_Store`) are left out; a symbolic
/// link is refused. The package is written to a temporary file next to
/// `out_file` and renamed into place, and is byte-for-byte the same for the
/// same course (entries sorted, timestamps fixed).
pub fn pack(course_dir: &Path, out_file: &Path) -> Result<PackSummary> {
    pack_with_limits(course_dir, out_file, &Limits::default())
}

pub fn pack_with_limits(
    course_dir: &Path,
    out_file: &Path,
    limits: &Limits,
) -> Result<PackSummary> {
    if !course_dir.join(COURSE_FILE).is_file() {
        return Err(Error::NotACourseFolder {
            path: course_dir.display().to_string(),
        });
    }
    // Students get only courses that open.
    check_course(course_dir)?;
    let skip = fs::canonicalize(out_file).ok();
    let mut files = Vec::new();
    collect(course_dir, "", skip.as_deref(), &mut files)?;

    if files.len() > limits.max_entries {
        return Err(Error::PackageTooManyFiles {
            count: files.len(),
            max: limits.max_entries,
        });
    }
    let mut total = 0u64;
    for (name, path) in &files {
        let size = fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
        if size > limits.max_file_bytes {
            return Err(Error::PackageFileTooLarge {
                name: name.clone(),
                size: size_text(size),
                max: size_text(limits.max_file_bytes),
            });
        }
        total += size;
    }
    if total > limits.max_total_bytes {
        return Err(Error::PackageTooLarge {
            size: size_text(total),
            max: size_text(limits.max_total_bytes),
        });
    }

    let parent = parent_of(out_file);
    fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let tmp = crate::whole_file::temp_beside(out_file)?;
    let mut zip = ZipWriter::new(tmp);
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .unix_permissions(0o644)
        .last_modified_time(zip::DateTime::default());
    for (name, path) in &files {
        zip.start_file(name.as_str(), options)
            .map_err(|e| zip_error(out_file, e))?;
        let mut source = File::open(path).map_err(|e| Error::io(path, e))?;
        io::copy(&mut source, &mut zip).map_err(|e| Error::io(path, e))?;
    }
    let tmp = zip.finish().map_err(|e| zip_error(out_file, e))?;
    crate::whole_file::persist(tmp, out_file)?;
    let package_bytes = fs::metadata(out_file)
        .map_err(|e| Error::io(out_file, e))?
        .len();
    Ok(PackSummary {
        package: out_file.display().to_string(),
        files: files.len(),
        bytes: total,
        package_bytes,
    })
}

/// Files under `dir` as (zip name, path), sorted by name.
fn collect(
    dir: &Path,
    prefix: &str,
    skip: Option<&Path>,
    out: &mut Vec<(String, PathBuf)>,
) -> Result<()> {
    let mut entries = fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .collect::<io::Result<Vec<_>>>()
        .map_err(|e| Error::io(dir, e))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            return Err(Error::NameNotUnicode {
                path: path.display().to_string(),
            });
        };
        if name.starts_with('.') {
            continue;
        }
        let rel = format!("{prefix}{name}");
        let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if kind.is_symlink() {
            return Err(Error::SymlinkInCourse { name: rel });
        } else if kind.is_dir() {
            collect(&path, &format!("{rel}/"), skip, out)?;
        } else if kind.is_file() {
            if skip.is_some_and(|s| fs::canonicalize(&path).is_ok_and(|p| p == s)) {
                continue;
            }
            out.push((rel, path));
        }
    }
    Ok(())
}

/// Opens the package `file` into the new course folder `out_dir`.
///
/// Every entry is checked and extracted into a temporary folder beside
/// `out_dir`, which is renamed into place only when all of them passed and
/// the result is a course that loads without a problem (else that error,
/// `Error::InvalidContent` for a broken course); otherwise nothing is left behind. `out_dir` must
/// not exist, or be an empty folder. A package whose files sit in one
/// top-level folder (a zipped course folder) is accepted too.
pub fn unpack(file: &Path, out_dir: &Path) -> Result<UnpackSummary> {
    unpack_with_limits(file, out_dir, &Limits::default())
}

pub fn unpack_with_limits(file: &Path, out_dir: &Path, limits: &Limits) -> Result<UnpackSummary> {
    let refuse = |reason: String| Error::PackageRefused {
        file: file.display().to_string(),
        reason,
    };

    let size = fs::metadata(file).map_err(|e| Error::io(file, e))?.len();
    // Headers add a little to the contents; a package far larger than what it
    // may hold is refused before it is read.
    let headroom = u64::try_from(limits.max_entries)
        .unwrap_or(u64::MAX)
        .saturating_mul(1024);
    if size > limits.max_total_bytes.saturating_add(headroom) {
        return Err(refuse(format!(
            "the file is {}, more than a package may hold",
            size_text(size)
        )));
    }
    // The zip reader parses the whole central directory before anything can
    // be counted: read what the end records claim first, and refuse a
    // package that claims more entries than it may hold.
    if let Some(claimed) = claimed_entries(file).map_err(|e| Error::io(file, e))?
        && claimed > u64::try_from(limits.max_entries).unwrap_or(u64::MAX)
    {
        return Err(refuse(format!(
            "it has more than {} entries (its directory claims {claimed})",
            limits.max_entries
        )));
    }
    let reader = BufReader::new(File::open(file).map_err(|e| Error::io(file, e))?);
    let mut archive = ZipArchive::new(reader)
        .map_err(|e| refuse(format!("it is not a readable zip file ({e})")))?;
    check_directory(file, &mut archive, limits).map_err(refuse)?;

    if out_dir.exists() && !is_empty_dir(out_dir) {
        return Err(Error::FolderTaken {
            path: out_dir.display().to_string(),
            purpose: "unpack",
        });
    }
    let parent = parent_of(out_dir);
    let made = MadeFolders::create(parent)?;
    let staging = tempfile::Builder::new()
        .prefix(".vdsk-")
        .tempdir_in(parent)
        .map_err(|e| Error::io(parent, e))?;

    let mut files = 0;
    let mut total = 0u64;
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|e| refuse(format!("entry {index} cannot be read ({e})")))?;
        let name = entry.name().to_string();
        let rel = safe_name(&name, entry.enclosed_name()).map_err(refuse)?;
        if entry.encrypted() {
            return Err(refuse(format!("{name:?} is encrypted")));
        }
        if entry.is_symlink() {
            return Err(refuse(format!("{name:?} is a symbolic link")));
        }
        if entry
            .unix_mode()
            .is_some_and(|mode| !matches!(mode & 0o170_000, 0 | 0o100_000 | 0o040_000))
        {
            return Err(refuse(format!("{name:?} is not a plain file or folder")));
        }
        let target = staging.path().join(&rel);
        if entry.is_dir() {
            fs::create_dir_all(&target).map_err(|e| Error::io(&target, e))?;
            continue;
        }
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
        }
        let mut out = File::create_new(&target).map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => refuse(format!("{name:?} appears twice")),
            _ => Error::io(&target, e),
        })?;
        // Count what actually comes out of the decompressor: the sizes in the
        // headers are the packer's claim, not a fact.
        let allowed = limits
            .max_file_bytes
            .min(limits.max_total_bytes.saturating_sub(total));
        let written = io::copy(&mut (&mut entry).take(allowed + 1), &mut out)
            .map_err(|e| refuse(format!("{name:?} is damaged ({e})")))?;
        if written > allowed {
            return Err(refuse(if allowed == limits.max_file_bytes {
                format!(
                    "{name:?} unpacks to more than {}, the most one file may hold",
                    size_text(limits.max_file_bytes)
                )
            } else {
                format!(
                    "its files unpack to more than {}, the most a package may hold",
                    size_text(limits.max_total_bytes)
                )
            }));
        }
        total += written;
        files += 1;
    }

    let root =
        course_root(staging.path()).ok_or_else(|| refuse("it holds no course.toml".into()))?;
    check_course(&root)?;

    if out_dir.exists() {
        fs::remove_dir(out_dir).map_err(|e| Error::io(out_dir, e))?;
    }
    if root == staging.path() {
        let kept = staging.keep();
        if let Err(e) = fs::rename(&kept, out_dir) {
            let _ = fs::remove_dir_all(&kept);
            return Err(Error::io(out_dir, e));
        }
    } else {
        fs::rename(&root, out_dir).map_err(|e| Error::io(out_dir, e))?;
    }
    made.keep();
    Ok(UnpackSummary {
        course_dir: out_dir.display().to_string(),
        files,
        bytes: total,
    })
}

/// Folders created for the target's parent, removed again if unpacking
/// fails, so that a refused package leaves no trace at all.
struct MadeFolders(Vec<PathBuf>);

impl MadeFolders {
    fn create(path: &Path) -> Result<Self> {
        let missing = path
            .ancestors()
            .take_while(|p| !p.as_os_str().is_empty() && !p.exists())
            .map(Path::to_path_buf);
        let made = MadeFolders(missing.collect());
        fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        Ok(made)
    }

    fn keep(mut self) {
        self.0.clear();
    }
}

impl Drop for MadeFolders {
    fn drop(&mut self) {
        // Deepest first; a folder someone else filled meanwhile stays.
        for folder in &self.0 {
            let _ = fs::remove_dir(folder);
        }
    }
}

/// The folder must be a course that loads without a problem.
fn check_course(root: &Path) -> Result<()> {
    crate::content::load_course(root).map(|_| ())
}

/// Refuses what the central directory alone gives away: too many entries and
/// names that appear twice. The zip crate keeps only the last of two entries
/// with one name, so the directory is walked here to see every one of them.
fn check_directory<R: Read + Seek>(
    file: &Path,
    archive: &mut ZipArchive<R>,
    limits: &Limits,
) -> Result<(), String> {
    let raw = central_names(file, archive.central_directory_start(), limits.max_entries)
        .map_err(|e| format!("its directory cannot be read ({e})"))?;
    if raw.len() > limits.max_entries || archive.len() > limits.max_entries {
        return Err(format!("it has more than {} entries", limits.max_entries));
    }
    let mut seen = HashSet::new();
    for name in &raw {
        if !seen.insert(name.as_slice()) {
            return Err(format!("{:?} appears twice", String::from_utf8_lossy(name)));
        }
    }
    // Names differing only in case or in Unicode normal form would
    // overwrite each other on Windows and macOS.
    let mut folded = HashSet::new();
    for name in archive.file_names() {
        let key: String = name
            .trim_end_matches('/')
            .nfc()
            .collect::<String>()
            .to_lowercase();
        if !folded.insert(key) {
            return Err(format!(
                "{name:?} appears twice (letter case or Unicode form aside)"
            ));
        }
    }
    // Two entries pointing at one stored data stream (overlapping entries, as
    // in "zip bombs" that reuse one compressed block) are refused.
    let mut starts = HashSet::new();
    for index in 0..archive.len() {
        let start = archive
            .by_index_raw(index)
            .map_err(|e| format!("entry {index} cannot be read ({e})"))?
            .header_start();
        if !starts.insert(start) {
            return Err("two of its entries share one stored data stream".into());
        }
    }
    if raw.len() != archive.len() {
        return Err("its directory lists entries twice".into());
    }
    Ok(())
}

/// The number of entries the end-of-central-directory records claim (the
/// zip64 record's when the classic one defers to it), read from the last
/// 64 KiB of the file only; `None` when no end record is found (the zip
/// reader then refuses the file in its own words).
fn claimed_entries(file: &Path) -> io::Result<Option<u64>> {
    const EOCD: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    const LOCATOR: [u8; 4] = [0x50, 0x4b, 0x06, 0x07];
    const ZIP64_EOCD: [u8; 4] = [0x50, 0x4b, 0x06, 0x06];
    let mut f = File::open(file)?;
    let len = f.metadata()?.len();
    // The end record is 22 bytes plus a comment of at most 65,535.
    let tail_len = len.min(22 + 65_535);
    f.seek(SeekFrom::Start(len - tail_len))?;
    let mut tail = vec![0u8; usize::try_from(tail_len).unwrap_or(0)];
    f.read_exact(&mut tail)?;
    let Some(at) = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail[i..i + 4] == EOCD)
    else {
        return Ok(None);
    };
    let u16_at = |b: &[u8], i: usize| u64::from(u16::from_le_bytes([b[i], b[i + 1]]));
    let u64_at = |b: &[u8], i: usize| {
        let mut x = [0u8; 8];
        x.copy_from_slice(&b[i..i + 8]);
        u64::from_le_bytes(x)
    };
    let entries = u16_at(&tail, at + 10);
    if entries != 0xFFFF {
        return Ok(Some(entries));
    }
    // Zip64: a 20-byte locator just before the end record gives the offset
    // of the zip64 end record, whose entry count is 8 bytes at offset 32.
    let Some(locator) = at.checked_sub(20).map(|l| &tail[l..l + 20]) else {
        return Ok(Some(entries));
    };
    if locator[..4] != LOCATOR {
        return Ok(Some(entries));
    }
    let record_at = u64_at(locator, 8);
    if record_at.saturating_add(56) > len {
        return Ok(Some(u64::MAX));
    }
    f.seek(SeekFrom::Start(record_at))?;
    let mut record = [0u8; 56];
    f.read_exact(&mut record)?;
    if record[..4] != ZIP64_EOCD {
        return Ok(Some(u64::MAX));
    }
    Ok(Some(u64_at(&record, 32)))
}

/// The raw names of the central directory's entries, at most `max + 1` of them.
fn central_names(file: &Path, start: u64, max: usize) -> io::Result<Vec<Vec<u8>>> {
    const SIGNATURE: [u8; 4] = [0x50, 0x4b, 0x01, 0x02];
    let mut reader = BufReader::new(File::open(file)?);
    reader.seek(SeekFrom::Start(start))?;
    let mut names = Vec::new();
    while names.len() <= max {
        let mut head = [0u8; 46];
        match reader.read_exact(&mut head) {
            Ok(()) if head[..4] == SIGNATURE => {}
            _ => break,
        }
        let field = |at: usize| u16::from_le_bytes([head[at], head[at + 1]]);
        let mut name = vec![0; usize::from(field(28))];
        reader.read_exact(&mut name)?;
        reader.seek_relative(i64::from(field(30)) + i64::from(field(32)))?;
        names.push(name);
    }
    Ok(names)
}

/// The entry's path inside the course, or why it is refused.
fn safe_name(name: &str, enclosed: Option<PathBuf>) -> Result<PathBuf, String> {
    if name.starts_with('/') || name.contains('\\') || name.contains('\0') {
        return Err(format!("{name:?} is not a safe path inside the course"));
    }
    if name.split('/').any(|part| part == "..") {
        return Err(format!("{name:?} points outside the course (`..`)"));
    }
    for part in name.split('/').filter(|p| !p.is_empty()) {
        if let Some(why) = unportable_part(part) {
            return Err(format!(
                "{name:?} cannot be written on every computer: {why}"
            ));
        }
    }
    let path = enclosed.ok_or_else(|| format!("{name:?} is not a safe path inside the course"))?;
    let plain = path
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !plain || path.as_os_str().is_empty() {
        return Err(format!("{name:?} is not a safe path inside the course"));
    }
    Ok(path)
}

/// Why a file or folder name would be unsafe or different on Windows or
/// macOS, or `None`: Windows' reserved device names (with any extension),
/// a trailing dot or space (Windows drops them, so two names become one),
/// and `:` (an NTFS alternate data stream).
fn unportable_part(part: &str) -> Option<&'static str> {
    const RESERVED: [&str; 22] = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
        "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    if part.contains(':') {
        return Some("a name cannot contain `:`");
    }
    if part.ends_with('.') || part.ends_with(' ') {
        return Some("a name cannot end with a dot or a space");
    }
    let stem = part
        .split('.')
        .next()
        .unwrap_or(part)
        .trim_end()
        .to_lowercase();
    if RESERVED.contains(&stem.as_str()) {
        return Some("it is a name Windows reserves for a device");
    }
    None
}

/// The folder holding course.toml: the package's top, or its only folder.
fn course_root(staging: &Path) -> Option<PathBuf> {
    if staging.join(COURSE_FILE).is_file() {
        return Some(staging.to_path_buf());
    }
    let mut entries = fs::read_dir(staging).ok()?.filter_map(|e| e.ok());
    let only = entries.next()?;
    if entries.next().is_some() {
        return None;
    }
    let path = only.path();
    (path.is_dir() && path.join(COURSE_FILE).is_file()).then_some(path)
}

fn is_empty_dir(path: &Path) -> bool {
    fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}

fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn zip_error(path: &Path, e: zip::result::ZipError) -> Error {
    match e {
        zip::result::ZipError::Io(e) => Error::io(path, e),
        other => Error::Invalid(format!("{}: {other}", path.display())),
    }
}

fn size_text(bytes: u64) -> String {
    if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}
