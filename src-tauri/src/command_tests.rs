//! The shell's commands, called as the page calls them (through Tauri's IPC,
//! on its mock runtime): no command takes a path from the page, a path chosen
//! in a dialog serves one command once, ids are looked up and never joined
//! into paths, and a long import leaves the other commands free.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

use crate::dialogs::Purpose;
use crate::state::ShellState;

fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content")
}

/// The app with its real command list and state, on a fresh data folder.
fn app(data_dir: &Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = mock_builder()
        .invoke_handler(crate::handler())
        .manage(ShellState::opened_now(
            content_dir(),
            data_dir.to_path_buf(),
        ))
        .build(mock_context(noop_assets()))
        .expect("the mock app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("a window");
    (app, window)
}

fn call(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        tauri::webview::InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

fn message(err: &Value) -> String {
    err.get("message")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// Signs a new learner in and unlocks instructor mode.
fn learner_and_instructor(window: &WebviewWindow<MockRuntime>) {
    call(
        window,
        "create_profile",
        json!({ "profile": { "name": "Elin" } }),
    )
    .unwrap();
    call(
        window,
        "set_instructor_passphrase",
        json!({ "passphrase": "en lång lösenfras", "current": null }),
    )
    .unwrap();
}

fn builtin_id(app: &tauri::App<MockRuntime>) -> String {
    app.state::<ShellState>()
        .with(|s| Ok(s.course_id()?.to_string()))
        .unwrap()
}

#[test]
fn no_command_takes_a_path_from_the_page() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, window) = app(&tmp.path().join("data"));
    learner_and_instructor(&window);
    let course = builtin_id(&app);
    let target = tmp.path().join("chosen-by-the-page");

    // What the page might send: a path in every argument name it could use.
    // Each command works only with a path chosen in the dialog, so with no
    // dialog answered every one is refused, and nothing is written.
    let p = target.display().to_string();
    let refused = [
        ("save_results", json!({ "format": "csv", "path": p })),
        ("save_certificate", json!({ "lang": "sv", "path": p })),
        (
            "save_class_report_pdf",
            json!({ "id": 1, "lang": "sv", "path": p }),
        ),
        ("import_course_package", json!({ "lang": "sv", "path": p })),
        (
            "export_course_package",
            json!({ "course": course, "path": p }),
        ),
        (
            "editor_create",
            json!({ "parent": p, "id": "ny", "languages": ["sv"], "title": { "sv": "Ny" } }),
        ),
        (
            "editor_import_gift",
            json!({ "file": p, "languages": ["sv"], "competency": "c", "taken": [] }),
        ),
        ("editor_pack", json!({ "folder": p, "file": p })),
        ("editor_open", json!({ "folder": p })),
        (
            "editor_render_lesson",
            json!({ "folder": p, "moduleDir": "01-m", "markdown": "# T" }),
        ),
    ];
    for (cmd, args) in refused {
        let err = call(&window, cmd, args).expect_err(cmd);
        let said = message(&err);
        assert!(
            said.contains("Choose a file in the dialog first")
                || said.contains("Open a course folder first"),
            "{cmd} must ask for a dialog choice, said: {err}"
        );
    }
    assert!(!target.exists(), "no command wrote to a path the page gave");
}

#[test]
fn a_chosen_path_serves_one_command_once() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, window) = app(&tmp.path().join("data"));
    learner_and_instructor(&window);
    let course = builtin_id(&app);
    let state = app.state::<ShellState>();

    let file = tmp.path().join("kurs.vdsk");
    state.grant(Purpose::ExportPackage, file.clone());
    call(
        &window,
        "export_course_package",
        json!({ "course": course }),
    )
    .expect("the export writes where the dialog pointed");
    assert!(file.is_file(), "the package is at the chosen path");

    let again = call(
        &window,
        "export_course_package",
        json!({ "course": course }),
    )
    .expect_err("a second export needs a new choice");
    assert!(message(&again).contains("Choose a file"), "{again}");

    // A path chosen for one purpose is not another command's to use.
    let elsewhere = tmp.path().join("results.csv");
    state.grant(Purpose::ResultsCsv, elsewhere.clone());
    assert!(
        call(
            &window,
            "export_course_package",
            json!({ "course": course })
        )
        .is_err()
    );
    assert!(!elsewhere.exists());
    call(&window, "save_results", json!({ "format": "csv" }))
        .expect("the results go where they were meant to");
    assert!(elsewhere.is_file());
}

#[test]
fn an_export_packs_only_an_installed_course() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, window) = app(&tmp.path().join("data"));
    learner_and_instructor(&window);
    let state = app.state::<ShellState>();
    for id in ["../..", "..", "../../etc", "not-installed"] {
        let file = tmp.path().join("out.vdsk");
        state.grant(Purpose::ExportPackage, file.clone());
        let err = call(&window, "export_course_package", json!({ "course": id })).expect_err(id);
        assert_eq!(
            err.get("kind").and_then(Value::as_str),
            Some("NotFound"),
            "{id}: {err}"
        );
        assert!(!file.exists(), "{id}: nothing was packed");
    }
}

#[test]
fn editor_commands_work_only_in_the_chosen_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, window) = app(&tmp.path().join("data"));
    learner_and_instructor(&window);
    let state = app.state::<ShellState>();
    let err = call(&window, "editor_open", json!({})).expect_err("no folder chosen yet");
    assert!(
        message(&err).contains("Open a course folder first"),
        "{err}"
    );

    state.grant(Purpose::EditorParent, tmp.path().to_path_buf());
    let created = call(
        &window,
        "editor_create",
        json!({ "id": "ny-kurs", "languages": ["sv"], "title": { "sv": "Ny kurs" } }),
    )
    .unwrap();
    let folder = tmp.path().join("ny-kurs");
    assert_eq!(
        created["folder"].as_str().map(PathBuf::from),
        Some(folder.clone())
    );
    // The created folder is the editor's from now on.
    let opened = call(&window, "editor_open", json!({})).unwrap();
    assert_eq!(opened["folder"], created["folder"]);
    call(
        &window,
        "editor_check",
        json!({ "course": opened["course"] }),
    )
    .expect("a check of the open course");
    call(&window, "editor_close", json!({})).unwrap();
    assert!(
        call(&window, "editor_open", json!({})).is_err(),
        "closing forgets the folder"
    );

    // A learner (instructor mode locked) gets nothing, even with a folder.
    state.set_editor_folder(Some(folder));
    call(&window, "lock_instructor", json!({})).unwrap();
    let locked = call(&window, "editor_open", json!({})).expect_err("locked");
    assert_eq!(
        locked.get("kind").and_then(Value::as_str),
        Some("InstructorLocked")
    );
}

#[test]
fn a_long_import_leaves_the_other_commands_free() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, window) = app(&tmp.path().join("data"));
    learner_and_instructor(&window);
    // A named pipe as the package: the import blocks in opening it until a
    // writer comes, which is as long as the test wants the import to take.
    let fifo = tmp.path().join("slow.vdsk");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    app.state::<ShellState>()
        .grant(Purpose::ImportPackage, fifo.clone());

    let importing = window.clone();
    let import = std::thread::spawn(move || {
        call(&importing, "import_course_package", json!({ "lang": "sv" }))
    });

    // While the import waits, other commands answer. Before the import was
    // moved off the session, this waited for the import: the watchdog below
    // turns that into a failure instead of a hang.
    let (tx, rx) = mpsc::channel();
    let other = window.clone();
    std::thread::spawn(move || {
        tx.send(call(&other, "list_profiles", json!({}))).ok();
    });
    let answered = rx.recv_timeout(Duration::from_secs(60));
    // Let the import go (the writer opens and closes the pipe: an empty
    // file, refused), whatever happened above.
    drop(std::fs::OpenOptions::new().write(true).open(&fifo).unwrap());
    let profiles = answered
        .expect("list_profiles must answer while an import is under way")
        .unwrap();
    assert_eq!(profiles.as_array().map(Vec::len), Some(1));
    assert!(
        import.join().unwrap().is_err(),
        "the empty package is refused"
    );
}

/// A course package the app was opened with (a double-click on a `.vdsk`)
/// waits, by its file name, until an unlocked instructor imports it; a
/// locked instructor's try leaves it waiting.
#[test]
fn an_opened_course_package_waits_for_the_unlocked_instructors_import() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, window) = app(&tmp.path().join("data"));
    let none = call(&window, "course_package_waiting", json!({})).unwrap();
    assert_eq!(none, Value::Null, "nothing opened yet");

    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../crates/vardskap-core/tests/fixtures/valid");
    let package = tmp.path().join("Ny kurs.vdsk");
    vardskap_core::package::pack(&fixture, &package).unwrap();
    // What lib.rs does with a .vdsk among the arguments.
    app.state::<ShellState>()
        .grant(Purpose::ImportPackage, package.clone());
    let waiting = call(&window, "course_package_waiting", json!({})).unwrap();
    assert_eq!(
        waiting,
        json!("Ny kurs.vdsk"),
        "only its name reaches the page"
    );

    learner_and_instructor(&window);
    call(&window, "lock_instructor", json!({})).unwrap();
    let locked = call(&window, "import_course_package", json!({ "lang": "sv" }))
        .expect_err("a locked instructor imports nothing");
    assert_eq!(
        locked.get("kind").and_then(Value::as_str),
        Some("InstructorLocked")
    );
    assert_eq!(
        call(&window, "course_package_waiting", json!({})).unwrap(),
        waiting,
        "still waiting for the unlock"
    );

    call(
        &window,
        "unlock_instructor",
        json!({ "passphrase": "en lång lösenfras" }),
    )
    .unwrap();
    let installed = call(&window, "import_course_package", json!({ "lang": "sv" })).unwrap();
    assert!(installed["title"].is_string(), "{installed}");
    assert_eq!(
        call(&window, "course_package_waiting", json!({})).unwrap(),
        Value::Null,
        "imported once"
    );
}

/// A file handed to the running app (a second launch with it) is granted
/// like a chosen one, and the page hears its purpose on the channel it gave
/// `watch_handovers`; before the page watches, the file waits all the same.
#[test]
fn a_file_handed_to_the_running_app_is_granted_and_told_on_the_pages_channel() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, window) = app(&tmp.path().join("data"));
    let state = app.state::<ShellState>();
    let invitation = tmp.path().join("klass.vdsk-class");
    let package = tmp.path().join("Ny kurs.vdsk");

    // Nobody watches yet: granted, nothing sent (and nothing fails).
    state.hand_over(Purpose::ImportPackage, package.clone());
    assert_eq!(
        call(&window, "course_package_waiting", json!({})).unwrap(),
        json!("Ny kurs.vdsk")
    );

    // The page's channel, as the command receives it from the page.
    assert_eq!(
        call(
            &window,
            "watch_handovers",
            json!({ "channel": "__CHANNEL__:7" })
        )
        .unwrap(),
        Value::Null
    );
    // A channel the test can read, as a reloaded page's would replace it.
    let (heard, hear) = mpsc::channel();
    state.watch_handovers(tauri::ipc::Channel::new(move |body| {
        heard.send(body.deserialize::<Value>().unwrap()).unwrap();
        Ok(())
    }));
    state.hand_over(Purpose::ClassInvitation, invitation.clone());
    state.hand_over(Purpose::ImportPackage, package);
    let told: Vec<Value> = hear.try_iter().collect();
    assert_eq!(told, [json!("classInvitation"), json!("importPackage")]);
    assert_eq!(
        state.take_grant(Purpose::ClassInvitation).unwrap(),
        invitation,
        "the invitation is granted for the join screen's one read"
    );
}

/// Joining a class as the page does it: the invitation is read from the file
/// chosen in the dialog (its password never reaches the page), joined under
/// a pseudonym, and what the learner does then is sent in the background to
/// the class's LRS (a real Ralph on loopback) without any call from the page.
#[test]
fn a_class_is_joined_from_the_dialog_and_its_statements_are_sent_in_the_background() {
    let lrs = vardskap_sync::testing::Ralph::start();
    let tmp = tempfile::tempdir().unwrap();
    let (app, window) = app(&tmp.path().join("data"));
    // As at start: nothing waits, so the sync starts only when the class is joined.
    app.state::<ShellState>().arm_sync(app.handle());
    call(
        &window,
        "create_profile",
        json!({ "profile": { "name": "Kim" } }),
    )
    .unwrap();
    let course = builtin_id(&app);
    let target = lrs.target();
    let invitation = tmp.path().join("klass.vdsk-class");
    std::fs::write(
        &invitation,
        json!({
            "format": "vardskap-class", "version": 1,
            "class": { "id": "ht26-a", "name": "HT26 A" },
            "course": { "id": course, "version": "1.0.0" },
            "lrs": { "endpoint": target.endpoint, "username": target.username, "password": target.password }
        })
        .to_string(),
    )
    .unwrap();

    let err = call(&window, "read_class_invitation", json!({})).expect_err("no dialog yet");
    assert!(message(&err).contains("Choose a file in the dialog first"));
    app.state::<ShellState>()
        .grant(Purpose::ClassInvitation, invitation.clone());
    let view = call(&window, "read_class_invitation", json!({})).unwrap();
    assert_eq!(view["className"], "HT26 A");
    assert!(
        !view.to_string().contains(&target.password),
        "the password stays in the shell: {view}"
    );
    let joined = call(
        &window,
        "join_class",
        json!({ "name": { "kind": "pseudonym", "name": "Gäst 7" } }),
    )
    .unwrap();
    assert_eq!(joined["actorName"], "Gäst 7");
    assert!(!joined.to_string().contains(&target.password));

    // Reading a lesson is an event: its statement is sent without the page asking.
    let outline = call(&window, "course_outline", json!({ "lang": "sv" })).unwrap();
    let module = outline["modules"][0]["id"].as_str().unwrap().to_string();
    let lesson = outline["modules"][0]["lessons"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    call(
        &window,
        "lesson",
        json!({ "module": module, "lesson": lesson, "lang": "sv" }),
    )
    .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let status = call(&window, "class_status", json!({})).unwrap();
        if status[0]["sent"] == 1 && status[0]["waiting"] == 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the statement was not sent within 30 s: {status}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let stored = lrs.statements().unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(
        stored[0]["verb"]["id"],
        "http://adlnet.gov/expapi/verbs/experienced"
    );
    assert_eq!(stored[0]["actor"]["name"], "Gäst 7");
    assert_eq!(
        call(&window, "unsent_statements", json!({})).unwrap(),
        json!([])
    );

    call(&window, "leave_class", json!({ "course": course })).unwrap();
    assert_eq!(call(&window, "class_status", json!({})).unwrap(), json!([]));
}

#[test]
fn about_names_the_version_the_course_and_the_data_folder_signed_out_or_in() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, window) = app(dir.path());
    let about = call(&window, "about_app", json!({ "lang": "en" })).unwrap();
    assert_eq!(about["appVersion"], env!("CARGO_PKG_VERSION"));
    assert_eq!(about["dataDir"], dir.path().display().to_string());
    assert_eq!(
        about["course"],
        json!({ "id": "gott-vardskap-boras", "title": "Good hosting in Borås", "version": "1.0.0" }),
        "signed out: the built-in course"
    );
    call(
        &window,
        "create_profile",
        json!({ "profile": { "name": "Elin" } }),
    )
    .unwrap();
    let about = call(&window, "about_app", json!({ "lang": "sv" })).unwrap();
    assert_eq!(about["course"]["title"], "Gott värdskap i Borås");

    // The mock app embeds no page, so it has no licence list.
    let err = call(&window, "licences", json!({})).unwrap_err();
    assert_eq!(err["kind"], "NotFound", "{err}");
}

/// The first screen's one round trip: the profiles, no error, no backup
/// warning, and the course package the app was opened with.
#[test]
fn startup_answers_everything_the_first_screen_needs() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, window) = app(&tmp.path().join("data"));
    let first = call(&window, "startup", json!({})).unwrap();
    assert_eq!(first["error"], Value::Null);
    assert_eq!(first["backupWarning"], Value::Null);
    assert_eq!(first["profiles"], json!([]));
    assert_eq!(first["coursePackage"], Value::Null);

    call(
        &window,
        "create_profile",
        json!({ "profile": { "name": "Ada" } }),
    )
    .unwrap();
    let package = tmp.path().join("Kurs.vdsk");
    std::fs::write(&package, b"PK").unwrap();
    app.state::<ShellState>()
        .grant(Purpose::ImportPackage, package);
    let again = call(&window, "startup", json!({})).unwrap();
    assert_eq!(again["profiles"][0]["name"], json!("Ada"));
    assert_eq!(again["coursePackage"], json!("Kurs.vdsk"));
}
