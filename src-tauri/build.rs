//! The app's commands are declared once, as the `#[tauri::command]` functions
//! in `src/commands/`. From them this script makes the handler list (in
//! OUT_DIR, included by lib.rs) and the permission set the window is granted
//! (`permissions/app.toml`), so a command is callable exactly when it exists.
//! The TypeScript client comes from the same reading (commands_decl.rs).

include!("commands_decl.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/commands");
    println!("cargo:rerun-if-changed=commands_decl.rs");
    let commands =
        read_commands(std::path::Path::new("src/commands")).unwrap_or_else(|err| panic!("{err}"));

    let feature_on = |name: &str| {
        std::env::var_os(format!(
            "CARGO_FEATURE_{}",
            name.to_uppercase().replace('-', "_")
        ))
        .is_some()
    };
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let handler = handler_source(&commands, feature_on);
    std::fs::write(std::path::Path::new(&out_dir).join("handler.rs"), handler)
        .expect("write the handler list");

    // Written only when it changes, so an unchanged build touches nothing.
    let permissions = permissions_source(&commands);
    let path = "permissions/app.toml";
    if std::fs::read_to_string(path).ok().as_deref() != Some(permissions.as_str()) {
        std::fs::write(path, &permissions).expect("write permissions/app.toml");
    }

    link_order();

    let names: Vec<&'static str> = commands
        .iter()
        .map(|c| &*Box::leak(c.name.clone().into_boxed_str()))
        .collect();
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(Box::leak(names.into_boxed_slice())),
    ))
    .expect("tauri build script failed");
}

/// The start-up order (issue 17: idle memory). `VARDSKAP_LINK_MAP=<file>`
/// has the linker write its map; `VARDSKAP_LINK_ORDER=<file>`, a symbol
/// ordering file (packaging/linux/startup-order.txt, which
/// scripts/startup-order.sh makes), has lld place the functions a start runs
/// first and side by side, so the pages a start maps in hold start-up code
/// and little else. The release scripts (dist.sh, bench-app.sh) set it on
/// x86_64 Linux, where Rust links with lld; GNU ld has no such option.
fn link_order() {
    println!("cargo:rerun-if-env-changed=VARDSKAP_LINK_MAP");
    println!("cargo:rerun-if-env-changed=VARDSKAP_LINK_ORDER");
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(map) = set("VARDSKAP_LINK_MAP") {
        println!(
            "cargo:rustc-link-arg-bins=-Wl,-Map={}",
            map.to_string_lossy()
        );
    }
    if let Some(order) = set("VARDSKAP_LINK_ORDER") {
        let order = order.to_string_lossy();
        println!("cargo:rerun-if-changed={order}");
        println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={order}");
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}
