//! Thin Tauri commands: take arguments, reach the state, make one core call,
//! convert the error.

use tauri::State;
use vardskap_core::content::{self, CourseOverview};

use crate::{CommandError, state::AppState};

#[tauri::command]
pub fn course_overview(state: State<'_, AppState>, lang: String) -> Result<CourseOverview, CommandError> {
    Ok(content::course_overview(&state.content_dir, &lang)?)
}
