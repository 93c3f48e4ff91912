//! `vardskap --version`: the real binary prints its version and exits
//! without opening a window (no display is needed for it).

#![allow(clippy::unwrap_used)]

use std::process::Command;

#[test]
fn version_prints_the_version_and_exits_0_without_a_window() {
    for flag in ["--version", "-V"] {
        let out = Command::new(env!("CARGO_BIN_EXE_vardskap"))
            .arg(flag)
            // No display: the app would fail to open a window, so a 0 exit
            // with the version shows that it did not try.
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env("VARDSKAP_DATA_DIR", "/nonexistent/vardskap-version-test")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{flag}: {out:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            concat!("vardskap ", env!("CARGO_PKG_VERSION"), "\n"),
            "{flag}"
        );
        assert!(out.stderr.is_empty(), "{flag}: nothing on stderr: {out:?}");
    }
}
