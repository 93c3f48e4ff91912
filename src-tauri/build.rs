//! Generates the app's command permissions from the one list in
//! `permissions/app.toml`, so a command cannot be callable without being listed.

fn main() {
    println!("cargo:rerun-if-changed=permissions/app.toml");
    let commands = app_commands().unwrap_or_else(|err| panic!("permissions/app.toml: {err}"));
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri build script failed");
}

fn app_commands() -> Result<&'static [&'static str], String> {
    let text = std::fs::read_to_string("permissions/app.toml").map_err(|e| e.to_string())?;
    let doc: toml::Table = toml::from_str(&text).map_err(|e| e.to_string())?;
    let sets = doc.get("set").and_then(|s| s.as_array()).ok_or("no [[set]]")?;
    let mut commands = Vec::new();
    for set in sets {
        for permission in set.get("permissions").and_then(|p| p.as_array()).ok_or("set without permissions")? {
            let name = permission.as_str().ok_or("permission is not a string")?;
            let command = name.strip_prefix("allow-").ok_or_else(|| format!("{name}: expected allow-<command>"))?;
            commands.push(&*Box::leak(command.replace('-', "_").into_boxed_str()));
        }
    }
    Ok(Box::leak(commands.into_boxed_slice()))
}
