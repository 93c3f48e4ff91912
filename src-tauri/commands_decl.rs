// The one declaration of the app's commands is the `#[tauri::command]`
// functions in `src/commands/*.rs`. This file reads them (with syn) and makes
// everything else from them:
//
// - the handler list (`generate_handler!`), by build.rs into OUT_DIR;
// - the permission set the window is granted (`permissions/app.toml`), by
//   build.rs;
// - the typed TypeScript client `ui/src/lib/bindings/commands.ts` (each
//   command's argument and reply types, its doc comment), by the test
//   `export_bindings_commands` that `make bindings` runs with ts-rs's.
//
// It is included (`include!`) by build.rs and by that test, so it uses
// nothing but std and syn.

/// One command: where it is, what it takes and gives.
#[derive(Clone)]
pub struct Command {
    /// The file (area) under src/commands, e.g. "learner".
    pub area: String,
    /// The Rust (and IPC) name, e.g. "start_attempt".
    pub name: String,
    /// The feature the command needs (`#[cfg(feature = "...")]`), if any.
    pub feature: Option<String>,
    /// Arguments from the page: (Rust name, Rust type), in order.
    pub args: Vec<(String, syn::Type)>,
    /// T of `Reply<T>`.
    pub reply: syn::Type,
    /// The doc comment, line by line.
    pub docs: Vec<String>,
}

/// The commands in `dir` (src/commands), by file name and then source order.
pub fn read_commands(dir: &std::path::Path) -> Result<Vec<Command>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    let mut commands = Vec::new();
    for file in files {
        let area = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let parsed = syn::parse_file(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        for item in parsed.items {
            let syn::Item::Fn(f) = item else { continue };
            if !f.attrs.iter().any(is_command_attr) {
                continue;
            }
            commands.push(command(&area, &f).map_err(|e| format!("{}: {}: {e}", file.display(), f.sig.ident))?);
        }
    }
    let mut names: Vec<&str> = commands.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
        return Err(format!("two commands are called {}", w[0]));
    }
    Ok(commands)
}

fn is_command_attr(attr: &syn::Attribute) -> bool {
    let path = attr.path();
    path.segments.len() == 2 && path.segments[0].ident == "tauri" && path.segments[1].ident == "command"
}

fn command(area: &str, f: &syn::ItemFn) -> Result<Command, String> {
    let mut feature = None;
    let mut docs = Vec::new();
    for attr in &f.attrs {
        if attr.path().is_ident("doc") {
            if let syn::Meta::NameValue(nv) = &attr.meta
                && let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = &nv.value
            {
                docs.push(s.value().strip_prefix(' ').unwrap_or(&s.value()).to_string());
            }
        } else if attr.path().is_ident("cfg") {
            let text = attr.meta.require_list().map_err(|e| e.to_string())?.tokens.to_string();
            let name = text
                .strip_prefix("feature = \"")
                .and_then(|t| t.strip_suffix('"'))
                .ok_or_else(|| format!("only #[cfg(feature = \"…\")] is understood, not {text}"))?;
            feature = Some(name.to_string());
        }
    }
    let mut args = Vec::new();
    for input in &f.sig.inputs {
        let syn::FnArg::Typed(pat) = input else { return Err("a command takes no self".into()) };
        let syn::Pat::Ident(ident) = &*pat.pat else { return Err("arguments must be plain names".into()) };
        if is_injected(&pat.ty) {
            continue;
        }
        args.push((ident.ident.to_string(), (*pat.ty).clone()));
    }
    let syn::ReturnType::Type(_, ret) = &f.sig.output else { return Err("a command returns Reply<T>".into()) };
    let reply = generic_arg(ret, "Reply").ok_or("a command returns Reply<T>")?;
    Ok(Command { area: area.to_string(), name: f.sig.ident.to_string(), feature, args, reply, docs })
}

/// Arguments Tauri fills in itself: the state, the app handle, the window.
fn is_injected(ty: &syn::Type) -> bool {
    last_segment(ty).is_some_and(|s| ["State", "AppHandle", "Window", "WebviewWindow", "Webview"].contains(&s.ident.to_string().as_str()))
}

fn last_segment(ty: &syn::Type) -> Option<&syn::PathSegment> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last(),
        syn::Type::Reference(r) => last_segment(&r.elem),
        _ => None,
    }
}

/// `T` of `Wrapper<T>` when `ty` is that wrapper.
fn generic_arg(ty: &syn::Type, wrapper: &str) -> Option<syn::Type> {
    let segment = last_segment(ty)?;
    if segment.ident != wrapper {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &segment.arguments else { return None };
    args.args.iter().find_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t.clone()),
        _ => None,
    })
}

/// The `generate_handler!` call for the commands whose features are on.
pub fn handler_source(commands: &[Command], feature_on: impl Fn(&str) -> bool) -> String {
    let mut out = String::from("tauri::generate_handler![\n");
    for c in commands {
        if c.feature.as_deref().is_none_or(&feature_on) {
            out.push_str(&format!("    commands::{}::{},\n", c.area, c.name));
        }
    }
    out.push(']');
    out
}

/// `permissions/app.toml`: the set of every command, granted to the window.
pub fn permissions_source(commands: &[Command]) -> String {
    let mut out = String::from(
        "# Generated by build.rs from the #[tauri::command] functions in src/commands/:\n\
         # do not edit. tauri-build makes allow-<command> for each, and the main\n\
         # window's capability grants this set and nothing else of the app's.\n\
         [[set]]\n\
         identifier = \"app-commands\"\n\
         description = \"Every command of the app's UI.\"\n\
         permissions = [\n",
    );
    for c in commands {
        out.push_str(&format!("  \"allow-{}\",\n", c.name.replace('_', "-")));
    }
    out.push_str("]\n");
    out
}

/// `snake_case` → `camelCase`, as Tauri names arguments on the wire.
pub fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for ch in name.chars() {
        if ch == '_' {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// In `imports`: Tauri's `Channel`, imported from its package, not from a binding.
const CHANNEL: &str = "@tauri-apps/api/core Channel";

/// The TypeScript of a Rust type; named types are collected in `imports`.
/// `known` says whether ts-rs exported a binding of that name.
pub fn ts_type(
    ty: &syn::Type,
    imports: &mut std::collections::BTreeSet<String>,
    known: &dyn Fn(&str) -> bool,
) -> Result<String, String> {
    if let syn::Type::Tuple(t) = ty
        && t.elems.is_empty()
    {
        return Ok("void".into());
    }
    if let syn::Type::Reference(r) = ty {
        return ts_type(&r.elem, imports, known);
    }
    let segment = last_segment(ty).ok_or("a type the client generator does not know (use a named type)")?;
    let name = segment.ident.to_string();
    if let Some(inner) = generic_arg(ty, "Option") {
        return Ok(format!("{} | null", ts_type(&inner, imports, known)?));
    }
    // A channel the page makes and the shell sends on (`new Channel<T>()` in the page).
    if let Some(inner) = generic_arg(ty, "Channel") {
        imports.insert(CHANNEL.into());
        return Ok(format!("Channel<{}>", ts_type(&inner, imports, known)?));
    }
    if let Some(inner) = generic_arg(ty, "Vec") {
        let item = ts_type(&inner, imports, known)?;
        return Ok(if item.contains(' ') { format!("({item})[]") } else { format!("{item}[]") });
    }
    Ok(match name.as_str() {
        "String" | "str" | "PathBuf" => "string".into(),
        "bool" => "boolean".into(),
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "f32" | "f64" | "usize" | "isize" => "number".into(),
        _ if known(&name) => {
            imports.insert(name.clone());
            name
        }
        // Ids are numbers on the wire (type aliases, which ts-rs does not export).
        _ if name.ends_with("Id") => "number".into(),
        _ => return Err(format!("no TypeScript binding for {name}: export it with ts-rs")),
    })
}

/// The typed client: one function per command, arguments in the Rust order.
pub fn client_source(commands: &[Command], known: &dyn Fn(&str) -> bool) -> Result<String, String> {
    let mut imports = std::collections::BTreeSet::new();
    let mut body = String::new();
    for c in commands {
        let mut params = Vec::new();
        let mut names = Vec::new();
        for (name, ty) in &c.args {
            let js = camel(name);
            params.push(format!("{js}: {}", ts_type(ty, &mut imports, known)?));
            names.push(js);
        }
        let reply = ts_type(&c.reply, &mut imports, known)?;
        if !c.docs.is_empty() {
            body.push_str("  /**\n");
            for line in &c.docs {
                body.push_str(&format!("   * {}\n", line.trim_end()).replace("   * \n", "   *\n"));
            }
            body.push_str("   */\n");
        }
        let args = if names.is_empty() { String::new() } else { format!(", {{ {} }}", names.join(", ")) };
        body.push_str(&format!(
            "  {}: ({}) => call<{reply}>('{}'{args}),\n",
            camel(&c.name),
            params.join(", "),
            c.name
        ));
    }
    let mut out = String::from(
        "// Generated from the #[tauri::command] functions in src-tauri/src/commands/\n\
         // by `make bindings` (src-tauri/commands_decl.rs): do not edit.\n\
         import { call } from '../ipc';\n",
    );
    for name in &imports {
        if name == CHANNEL {
            out.push_str("import type { Channel } from '@tauri-apps/api/core';\n");
        } else {
            out.push_str(&format!("import type {{ {name} }} from './{name}';\n"));
        }
    }
    out.push_str("\n/** Every command of the shell, typed. Errors are thrown as `ApiError` (see ../ipc). */\nexport const commands = {\n");
    out.push_str(&body);
    out.push_str("};\n");
    Ok(out)
}
