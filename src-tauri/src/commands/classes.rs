//! A learner's class: reading an invitation for the consent screen, joining
//! and leaving, and how sending the results to the class goes. The
//! invitation's credential stays in the session; the page sees only what the
//! consent screen shows.

use tauri::State;
use vardskap_core::xapi::{ActorName, ClassInvitationView, ClassStatus, UnsentStatement};

use super::Reply;
use crate::dialogs::Purpose;
use crate::state::ShellState;

/// Reads the invitation chosen in the dialog (`choose_file` with
/// `classInvitation`) for the consent screen; nothing is joined yet.
#[tauri::command]
pub async fn read_class_invitation(state: State<'_, ShellState>) -> Reply<ClassInvitationView> {
    let path = state.take_grant(Purpose::ClassInvitation)?;
    state.with(|s| s.read_class_invitation(&path))
}

/// Whether the app was opened with a class invitation (or one was opened
/// with the running app) that `read_class_invitation` has not read yet.
#[tauri::command]
pub async fn class_invitation_waiting(state: State<'_, ShellState>) -> Reply<bool> {
    Ok(state.has_grant(Purpose::ClassInvitation))
}

/// Joins the class of the invitation just read, under the name chosen on the
/// consent screen; from now on the learner's work in its course is sent.
#[tauri::command]
pub async fn join_class(state: State<'_, ShellState>, name: ActorName) -> Reply<ClassStatus> {
    let status = state.with(|s| s.join_class(&name))?;
    state.send_now();
    Ok(status)
}

/// Leaves the learner's class in `course`: nothing more is sent.
#[tauri::command]
pub async fn leave_class(state: State<'_, ShellState>, course: String) -> Reply<()> {
    state.with(|s| s.leave_class(&course))
}

/// The learner's classes and how sending to each goes.
#[tauri::command]
pub async fn class_status(state: State<'_, ShellState>) -> Reply<Vec<ClassStatus>> {
    state.with(|s| s.class_status())
}

/// The learner's own statements that are not sent yet.
#[tauri::command]
pub async fn unsent_statements(state: State<'_, ShellState>) -> Reply<Vec<UnsentStatement>> {
    state.with(|s| s.unsent_statements())
}

/// "Send now": tries at once, also a credential that was refused before.
#[tauri::command]
pub async fn send_now(state: State<'_, ShellState>) -> Reply<()> {
    state.with(|s| s.send_now())?;
    state.send_now();
    Ok(())
}
