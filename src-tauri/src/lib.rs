//! The desktop shell: window, thin commands, plugins. All domain logic lives
//! in `vardskap-core`.

#[cfg(test)]
mod command_tests;
mod commands;
mod dialogs;
mod error;
mod media;
mod memory;
mod navigation;
#[cfg(target_os = "linux")]
mod raster;
mod startup_timing;
mod state;

pub use error::CommandError;

/// Opens the app's window and runs until it closes. Call it first thing in
/// `main`, before any other thread starts (it may set an environment
/// variable for WebKit: see `raster`).
pub fn run() {
    #[cfg(target_os = "linux")]
    raster::choose_before_threads();
    startup_timing::mark("run");
    tauri::Builder::default()
        // First, so a second launch hands over before opening anything: the
        // running window comes to the front and the new process exits.
        .plugin(single_instance())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(navigation::guard())
        .register_asynchronous_uri_scheme_protocol(media::SCHEME, media::handle)
        .setup(|app| {
            startup_timing::mark("setup");
            let state = state::ShellState::open(app)?;
            // Opened with a class invitation (a double-click on a .vdsk-class):
            // the join screen reads it once a learner is signed in.
            let args: Vec<_> = std::env::args_os().collect();
            if let Some(file) = class_invitation_arg(args.iter().cloned()) {
                state.grant(dialogs::Purpose::ClassInvitation, file);
            }
            // Opened with a course package (a double-click on a .vdsk): the
            // instructor's screen offers to import it once unlocked.
            if let Some(file) = course_package_arg(args) {
                state.grant(dialogs::Purpose::ImportPackage, file);
            }
            tauri::Manager::manage(app, state);
            state::ShellState::open_store_in_background(app);
            startup_timing::mark("setup_done");
            Ok(())
        })
        .on_page_load(|webview, payload| match payload.event() {
            tauri::webview::PageLoadEvent::Started => startup_timing::mark("page_load_started"),
            tauri::webview::PageLoadEvent::Finished => {
                startup_timing::mark("page_load_finished");
                memory::release_after_start(tauri::Manager::app_handle(webview));
            }
        })
        .invoke_handler(handler())
        .run(tauri::generate_context!())
        .unwrap_or_else(|err| {
            eprintln!("Värdskap could not start: {err}");
            std::process::exit(1);
        });
}

/// One app per data folder: a second launch on the same folder brings the
/// open window up and exits. The key is the app's id, plus the folder when
/// one is given (`--data-dir`, `VARDSKAP_DATA_DIR`), so copies on other
/// folders (the tests run one after another) never hand over to each other.
/// (The key's folder part is used on Linux, where the plugin uses D-Bus; the
/// data-folder lock in the core holds on every system.)
fn single_instance<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    let mut builder = tauri_plugin_single_instance::Builder::new().callback(|app, args, cwd| {
        navigation::focus_main(app);
        // A class invitation opened while the app runs goes to the open window.
        let args: Vec<_> = args.into_iter().map(std::ffi::OsString::from).collect();
        // (The page hears of it on its `watch_handovers` channel, not through
        // Tauri's events: listening to an event costs the shell 4-5 MB, the
        // JavaScript engine it starts to run the listener's script.)
        let state = tauri::Manager::state::<state::ShellState>(app);
        if let Some(file) = class_invitation_arg(args.iter().cloned()) {
            state.hand_over(
                dialogs::Purpose::ClassInvitation,
                std::path::Path::new(&cwd).join(file),
            );
        }
        // A course package opened while the app runs goes to the instructor's screen.
        if let Some(file) = course_package_arg(args) {
            state.hand_over(
                dialogs::Purpose::ImportPackage,
                std::path::Path::new(&cwd).join(file),
            );
        }
    });
    if let Some(dir) = state::data_dir_override() {
        builder = builder.dbus_id(format!(
            "se.boras.vardskap.data{:016x}",
            fnv1a(dir.as_os_str().as_encoded_bytes())
        ));
    }
    builder.build()
}

/// The class invitation the app was opened with: the first argument (after
/// the program) ending in `.vdsk-class` that names a file, outside the
/// `--data-dir` option's value.
fn class_invitation_arg(
    args: impl IntoIterator<Item = std::ffi::OsString>,
) -> Option<std::path::PathBuf> {
    file_arg(args, "vdsk-class")
}

/// The course package the app was opened with: the first argument ending in
/// `.vdsk` that names a file, outside the `--data-dir` option's value.
fn course_package_arg(
    args: impl IntoIterator<Item = std::ffi::OsString>,
) -> Option<std::path::PathBuf> {
    file_arg(args, "vdsk")
}

/// The first argument (after the program) with the extension `ext` (in any
/// case) that names a file, outside the `--data-dir` option's value.
fn file_arg(
    args: impl IntoIterator<Item = std::ffi::OsString>,
    ext: &str,
) -> Option<std::path::PathBuf> {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            args.next();
            continue;
        }
        let path = std::path::PathBuf::from(&arg);
        let has_ext = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(ext));
        if has_ext && path.is_file() {
            return Some(path);
        }
    }
    None
}

/// The app's version, as `vardskap --version` and the About screen say it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Whether the app was started to print its version (`--version` or `-V`,
/// outside the `--data-dir` option's value): then it prints `vardskap X.Y.Z`
/// and exits without opening a window (main.rs).
pub fn version_requested(args: impl IntoIterator<Item = std::ffi::OsString>) -> bool {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            args.next();
        } else if arg == "--version" || arg == "-V" {
            return true;
        }
    }
    false
}

/// FNV-1a, 64 bits: a stable short name for a folder path.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Every command the page may call: the `#[tauri::command]` functions in
/// `commands/`, listed by build.rs (bench_ready only with the `bench` feature).
pub(crate) fn handler<R: tauri::Runtime>()
-> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    include!(concat!(env!("OUT_DIR"), "/handler.rs"))
}

#[cfg(test)]
mod client {
    //! Writes the typed TypeScript client of the commands (run by `make bindings`).
    #![allow(dead_code, clippy::unwrap_used)]
    include!("../commands_decl.rs");

    #[test]
    fn export_bindings_commands() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let commands = read_commands(&root.join("src/commands")).unwrap();
        let bindings = root.join("../ui/src/lib/bindings");
        let known = |name: &str| bindings.join(format!("{name}.ts")).is_file();
        let client = client_source(&commands, &known).unwrap();
        std::fs::write(bindings.join("commands.ts"), client).unwrap();
    }

    #[test]
    fn the_permission_set_names_every_command_and_only_those() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let commands = read_commands(&root.join("src/commands")).unwrap();
        let committed = std::fs::read_to_string(root.join("permissions/app.toml")).unwrap();
        assert_eq!(
            committed,
            permissions_source(&commands),
            "permissions/app.toml is made by build.rs from src/commands"
        );
        assert!(
            commands.len() > 40,
            "the commands were found ({})",
            commands.len()
        );
        let bench: Vec<_> = commands
            .iter()
            .filter(|c| c.feature.is_some())
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(
            bench,
            ["bench_ready"],
            "only the benchmark hook depends on a feature"
        );
    }
}

#[cfg(test)]
mod arg_tests {
    use super::{class_invitation_arg, course_package_arg, version_requested};

    #[test]
    fn the_version_is_asked_for_with_version_or_v_anywhere_but_as_the_data_folder() {
        let args = |list: &[&str]| {
            std::iter::once("vardskap")
                .chain(list.iter().copied())
                .map(std::ffi::OsString::from)
                .collect::<Vec<_>>()
        };
        assert!(version_requested(args(&["--version"])));
        assert!(version_requested(args(&["-V"])));
        assert!(version_requested(args(&[
            "--data-dir",
            "/tmp/d",
            "--version"
        ])));
        assert!(!version_requested(args(&[])));
        assert!(!version_requested(args(&["--data-dir", "--version"])));
        assert!(!version_requested(args(&["kurs.vdsk-class"])));
        assert!(
            !version_requested(vec!["--version".into()]),
            "the program's own name is not an argument"
        );
    }

    #[test]
    fn the_app_is_opened_with_an_existing_class_invitation_only() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("Klass A.VDSK-CLASS");
        std::fs::write(&file, "{}").unwrap_or_else(|e| panic!("{e}"));
        let args = |list: &[&std::path::Path]| {
            std::iter::once("vardskap".into())
                .chain(list.iter().map(|p| p.as_os_str().to_owned()))
                .collect::<Vec<std::ffi::OsString>>()
        };
        assert_eq!(class_invitation_arg(args(&[&file])), Some(file.clone()));
        let data = std::path::Path::new("--data-dir");
        assert_eq!(
            class_invitation_arg(args(&[data, &file])),
            None,
            "the data folder's name is not an invitation"
        );
        assert_eq!(
            class_invitation_arg(args(&[data, dir.path(), &file])),
            Some(file.clone())
        );
        let missing = dir.path().join("gone.vdsk-class");
        assert_eq!(class_invitation_arg(args(&[&missing])), None);
        assert_eq!(class_invitation_arg(args(&[dir.path()])), None);
    }

    #[test]
    fn the_app_is_opened_with_an_existing_course_package_only() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let package = dir.path().join("Gott värdskap.VDSK");
        let invitation = dir.path().join("klass.vdsk-class");
        for file in [&package, &invitation] {
            std::fs::write(file, "PK").unwrap_or_else(|e| panic!("{e}"));
        }
        let args = |list: &[&std::path::Path]| {
            std::iter::once("vardskap".into())
                .chain(list.iter().map(|p| p.as_os_str().to_owned()))
                .collect::<Vec<std::ffi::OsString>>()
        };
        assert_eq!(course_package_arg(args(&[&package])), Some(package.clone()));
        assert_eq!(
            course_package_arg(args(&[&invitation])),
            None,
            "a class invitation is not a course package"
        );
        assert_eq!(
            class_invitation_arg(args(&[&package])),
            None,
            "nor is a course package an invitation"
        );
        // Both at once: each goes where it belongs.
        let both = args(&[&invitation, &package]);
        assert_eq!(course_package_arg(both.clone()), Some(package.clone()));
        assert_eq!(class_invitation_arg(both), Some(invitation.clone()));
        let data = std::path::Path::new("--data-dir");
        assert_eq!(
            course_package_arg(args(&[data, &package])),
            None,
            "the data folder's name is not a package"
        );
        assert_eq!(
            course_package_arg(args(&[data, dir.path(), &package])),
            Some(package.clone())
        );
        let missing = dir.path().join("gone.vdsk");
        assert_eq!(course_package_arg(args(&[&missing])), None);
        assert_eq!(course_package_arg(args(&[dir.path()])), None);
    }
}
