//! How WebKit draws the page where there is no GPU (issue 17: idle memory).
//! Linux only: elsewhere WebKitGTK is not the engine (WebView2, WKWebView).
//!
//! WebKitGTK (2.46 and later) draws pages with Skia, on the GPU through
//! OpenGL by default. Without a GPU, Mesa emulates OpenGL on the CPU
//! (llvmpipe), compiling every shader Skia asks for with LLVM: the web
//! process then holds Mesa, LLVM's code and the compiled shaders, about
//! 25 MB of the app's idle memory and a third of its web process's growth
//! over a bare window's (docs/benchmarks.md, "Fourth round"). Skia's own CPU
//! rasterizer draws the same pages without any of that, and no slower, since
//! the "GPU" was the CPU anyway. So on a machine with no GPU the app asks
//! WebKit for CPU raster; with a GPU WebKit's default stands.
//!
//! The choice is an environment variable the web process reads when WebKit
//! starts it, so it is made before the window exists. A variable the user
//! set (either way) is left alone. Programs the app starts inherit it (the
//! browser a web link opens in, through `xdg-open`): on a machine without a
//! GPU that is the better choice for a WebKit browser too. A render node the
//! user may not open (not in the `render` group) still counts as a GPU, so
//! such a machine keeps WebKit's default, as it did before.

/// WebKitGTK's switch to Skia's CPU rasterizer (read by the web process).
const CPU_RENDERING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Where Linux lists the GPUs' render nodes (`renderD128`, …).
const DRI_DIR: &str = "/dev/dri";

/// Whether the app should ask WebKit for CPU raster: nobody chose already,
/// and OpenGL would run on the CPU (no render node, or Mesa told to use its
/// software rasterizer).
fn cpu_raster_wanted(
    chosen_already: bool,
    has_render_node: bool,
    software_gl_forced: bool,
) -> bool {
    !chosen_already && (!has_render_node || software_gl_forced)
}

/// True when `dir` lists a GPU render node. An unreadable or missing folder
/// (containers, Xvfb machines) has none.
fn has_render_node(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// Mesa's documented switch to its software rasterizer, read as Mesa reads
/// a boolean variable (`debug_parse_bool_option`): on for "1", or "y",
/// "yes", "t", "true" in any case; off otherwise.
fn software_gl_forced(value: Option<std::ffi::OsString>) -> bool {
    value.is_some_and(|v| {
        v == "1"
            || v.to_str().is_some_and(|v| {
                ["y", "yes", "t", "true"]
                    .iter()
                    .any(|on| v.eq_ignore_ascii_case(on))
            })
    })
}

/// Chooses CPU raster where it is wanted (see the module's note).
///
/// Must run before the process starts any thread (first thing in `run`,
/// which `main` calls first): it sets an environment variable.
#[allow(unsafe_code)]
pub fn choose_before_threads() {
    if cpu_raster_wanted(
        std::env::var_os(CPU_RENDERING).is_some(),
        has_render_node(std::path::Path::new(DRI_DIR)),
        software_gl_forced(std::env::var_os("LIBGL_ALWAYS_SOFTWARE")),
    ) {
        // SAFETY: setting a variable races only with other threads reading
        // or writing the environment; this runs before the process has
        // started any (the function's contract, kept by `run`).
        unsafe { std::env::set_var(CPU_RENDERING, "1") }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn cpu_raster_only_where_opengl_would_run_on_the_cpu_and_nobody_chose() {
        // No GPU: Mesa would emulate one.
        assert!(cpu_raster_wanted(false, false, false));
        // A GPU, but Mesa told to use its software rasterizer.
        assert!(cpu_raster_wanted(false, true, true));
        // A GPU: WebKit's default (GPU raster) stands.
        assert!(!cpu_raster_wanted(false, true, false));
        // The user chose, either way: left alone.
        assert!(!cpu_raster_wanted(true, false, false));
        assert!(!cpu_raster_wanted(true, true, true));
    }

    #[test]
    fn a_render_node_is_found_by_its_name_and_a_missing_folder_has_none() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("dri");
        assert!(!has_render_node(&dir), "a missing folder");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("card0"), b"").unwrap();
        assert!(
            !has_render_node(&dir),
            "a display card without a render node"
        );
        std::fs::write(dir.join("renderD128"), b"").unwrap();
        assert!(has_render_node(&dir));
    }

    #[test]
    fn mesa_software_switch_reads_as_mesa_reads_it() {
        assert!(!software_gl_forced(None));
        assert!(!software_gl_forced(Some("".into())));
        assert!(!software_gl_forced(Some("0".into())));
        assert!(software_gl_forced(Some("1".into())));
        assert!(software_gl_forced(Some("true".into())));
        assert!(software_gl_forced(Some("yes".into())));
        assert!(software_gl_forced(Some("TRUE".into())));
        assert!(software_gl_forced(Some("t".into())));
        assert!(!software_gl_forced(Some("false".into())));
        assert!(!software_gl_forced(Some("2".into())));
    }
}
