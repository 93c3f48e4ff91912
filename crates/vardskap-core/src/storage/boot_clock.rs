//! The boot clock: seconds since the machine booted, with the id of that boot.
//! Unlike the wall clock it does not move when someone sets the date, so a
//! stored wait after wrong tries (instructor passphrase, learner PIN) is also
//! kept as a point on this clock, and within one boot only this clock decides
//! when it ends (see `progress::instructor::seconds_left`).
//!
//! Linux: the boot id is `/proc/sys/kernel/random/boot_id` (a new random UUID
//! at every boot) and the seconds are the first field of `/proc/uptime`
//! (CLOCK_BOOTTIME: it counts suspend and ignores changes of the wall clock).
//! Elsewhere, or when `/proc` is missing or odd, there is no boot clock
//! (`None`) and waits follow the wall clock, bounded by the wait earned.

use std::io::Read;
use std::path::Path;

/// A moment on the boot clock.
#[derive(Debug, Clone, PartialEq)]
pub struct BootInstant {
    /// Which boot of the machine; another id means the machine restarted.
    pub boot_id: String,
    /// Seconds since that boot.
    pub secs: f64,
}

/// Where the store reads the boot clock from; tests inject one they move
/// by hand (or one that answers `None`, as on a system without `/proc`).
pub type BootClock = Box<dyn Fn() -> Option<BootInstant> + Send>;

/// The machine's boot clock ([`boot_now`]).
pub fn system_boot_clock() -> BootClock {
    Box::new(boot_now)
}

/// A boot clock that never answers: waits follow the wall clock alone.
pub fn no_boot_clock() -> BootClock {
    Box::new(|| None)
}

const BOOT_ID: &str = "/proc/sys/kernel/random/boot_id";
const UPTIME: &str = "/proc/uptime";

/// The boot clock now, or `None` where it cannot be read (not Linux, no
/// `/proc`, or content that is not what the kernel writes).
pub fn boot_now() -> Option<BootInstant> {
    let boot_id = parse_boot_id(&read_small(Path::new(BOOT_ID))?)?;
    let secs = parse_uptime(&read_small(Path::new(UPTIME))?)?;
    Some(BootInstant { boot_id, secs })
}

/// At most 128 bytes of a small file as text (both files are under 40).
fn read_small(path: &Path) -> Option<String> {
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::with_capacity(64);
    file.take(128).read_to_end(&mut bytes).ok()?;
    String::from_utf8(bytes).ok()
}

/// The boot id as the kernel writes it: a UUID (hex digits and dashes) and
/// a newline. Anything else is no boot id.
fn parse_boot_id(text: &str) -> Option<String> {
    let id = text.trim();
    let plausible = (16..=64).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
        && id.bytes().any(|b| b.is_ascii_hexdigit());
    plausible.then(|| id.to_ascii_lowercase())
}

/// The first field of `/proc/uptime` ("12345.67 23456.78"): finite, not negative.
fn parse_uptime(text: &str) -> Option<f64> {
    let secs: f64 = text.split_ascii_whitespace().next()?.parse().ok()?;
    (secs.is_finite() && secs >= 0.0).then_some(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boot_id_is_a_uuid_or_nothing() {
        assert_eq!(
            parse_boot_id("5B1B6C32-2F6A-4E7B-9C1D-0F4B1A2C3D4E\n").as_deref(),
            Some("5b1b6c32-2f6a-4e7b-9c1d-0f4b1a2c3d4e"),
            "the kernel's UUID with its newline"
        );
        for odd in [
            "",
            "\n",
            "----------------------",
            "not a uuid at all, no",
            "abc",
            &"a".repeat(100),
        ] {
            assert_eq!(parse_boot_id(odd), None, "{odd:?} is no boot id");
        }
    }

    #[test]
    fn uptime_is_the_first_field_finite_and_not_negative() {
        assert_eq!(parse_uptime("12345.67 23456.78\n"), Some(12345.67));
        assert_eq!(parse_uptime("0.00 0.00"), Some(0.0));
        for odd in [
            "", " ", "-1.0 2.0", "NaN 1", "inf 1", "1e999 1", "twelve 1", "\u{0}",
        ] {
            assert_eq!(parse_uptime(odd), None, "{odd:?} is no uptime");
        }
    }

    #[test]
    fn reading_a_missing_file_is_none_not_a_panic() {
        assert_eq!(read_small(Path::new("/no/such/dir/uptime")), None);
    }

    #[test]
    fn the_system_boot_clock_reads_linux_proc_and_stands_still_for_the_wall_clock() {
        let Some(first) = boot_now() else {
            // No /proc here (macOS, Windows, a sandbox): waits use the wall clock.
            assert!(
                !Path::new(UPTIME).exists() || !Path::new(BOOT_ID).exists(),
                "with both /proc files present the boot clock must read"
            );
            return;
        };
        let second = boot_now().unwrap_or_else(|| panic!("the boot clock read once, then not"));
        assert_eq!(first.boot_id, second.boot_id, "the same boot");
        assert!(
            second.secs >= first.secs,
            "the boot clock never goes back: {} then {}",
            first.secs,
            second.secs
        );
    }
}
