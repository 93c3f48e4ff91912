//! Thin Tauri commands, by area: take arguments, reach the session, make one
//! core call, convert the error. The UI reaches them only through
//! `ui/src/lib/api.ts`; `lib.rs` lists them and `permissions/app.toml`
//! grants them (a test keeps the two lists equal).

pub mod about;
pub mod class_view;
pub mod classes;
pub mod editor;
pub mod files;
pub mod instructor;
pub mod learner;
pub mod profiles;

use crate::CommandError;

pub type Reply<T> = Result<T, CommandError>;

/// Runs slow work (reading, unpacking, writing files) on a thread meant for
/// blocking, so the async runtime's few threads stay free for other commands.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Reply<T> + Send + 'static,
) -> Reply<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|err| {
            CommandError::new(
                vardskap_core::ErrorKind::Io,
                format!("The work stopped unexpectedly: {err}"),
            )
        })?
}
