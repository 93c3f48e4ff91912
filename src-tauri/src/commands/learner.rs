//! A learner's work in the session's course: lessons, quizzes, the final
//! test, role-plays, practice and results. The session knows the course and
//! the learner, and checks that attempts and runs are theirs.

use tauri::State;
use vardskap_core::content::LessonView;
use vardskap_core::progress::{
    AnswerSaved, AttemptDetail, AttemptId, AttemptView, CourseResults, ModuleResult,
    ResultsHistory, ReviewAnswered, ReviewItem, ScenarioPlay, ScenarioRunDetail, ScenarioRunId,
};
use vardskap_core::quiz::Answer;
use vardskap_core::scenario::Step;

use super::Reply;
use crate::state::ShellState;

#[tauri::command]
pub async fn course_results(state: State<'_, ShellState>, lang: String) -> Reply<CourseResults> {
    state.with(|s| s.course_results(&lang))
}

/// A lesson of the session's course; its images are served by the media scheme.
#[tauri::command]
pub async fn lesson(
    state: State<'_, ShellState>,
    module: String,
    lesson: String,
    lang: String,
) -> Reply<LessonView> {
    state.with(|s| {
        s.lesson(&module, &lesson, &lang, |course| {
            crate::media::media_base(&format!("course/{course}/"))
        })
    })
}

/// Starts a quiz attempt, or resumes the unfinished one with its answers.
#[tauri::command]
pub async fn start_attempt(
    state: State<'_, ShellState>,
    module: String,
    lang: String,
) -> Reply<AttemptView> {
    state.with(|s| s.start_attempt(&module, &lang))
}

/// Starts the course's final test (once every module is passed), or resumes
/// the unfinished attempt with its drawn questions and answers. Answers and
/// the submission go through `save_answer` and `submit_attempt`.
#[tauri::command]
pub async fn start_final_test(state: State<'_, ShellState>, lang: String) -> Reply<AttemptView> {
    state.with(|s| s.start_final_test(&lang))
}

/// Saves one answer durably; the reply comes only once it is on disk.
#[tauri::command]
pub async fn save_answer(
    state: State<'_, ShellState>,
    attempt: AttemptId,
    question: String,
    answer: Answer,
    lang: String,
) -> Reply<AnswerSaved> {
    state.with(|s| s.save_answer(attempt, &question, &answer, &lang))
}

#[tauri::command]
pub async fn submit_attempt(
    state: State<'_, ShellState>,
    attempt: AttemptId,
    lang: String,
) -> Reply<ModuleResult> {
    state.with(|s| s.submit_attempt(attempt, &lang))
}

#[tauri::command]
pub async fn module_result(
    state: State<'_, ShellState>,
    attempt: AttemptId,
    lang: String,
) -> Reply<ModuleResult> {
    state.with(|s| s.module_result(attempt, &lang))
}

#[tauri::command]
pub async fn start_scenario(
    state: State<'_, ShellState>,
    module: String,
    scenario: String,
    lang: String,
) -> Reply<ScenarioPlay> {
    state.with(|s| s.start_scenario(&module, &scenario, &lang))
}

#[tauri::command]
pub async fn choose_in_scenario(
    state: State<'_, ShellState>,
    run: ScenarioRunId,
    choice: String,
    lang: String,
) -> Reply<Step> {
    state.with(|s| s.choose_in_scenario(run, &choice, &lang))
}

#[tauri::command]
pub async fn reviews_due(state: State<'_, ShellState>, lang: String) -> Reply<Vec<ReviewItem>> {
    state.with(|s| s.reviews_due(&lang))
}

/// Answers a practice question; `course` is the due item's own course.
#[tauri::command]
pub async fn answer_review(
    state: State<'_, ShellState>,
    course: String,
    module: String,
    question: String,
    answer: Answer,
    lang: String,
) -> Reply<ReviewAnswered> {
    state.with(|s| s.answer_review(&course, &module, &question, &answer, &lang))
}

#[tauri::command]
pub async fn results_history(state: State<'_, ShellState>, lang: String) -> Reply<ResultsHistory> {
    state.with(|s| s.results_history(&lang))
}

#[tauri::command]
pub async fn attempt_detail(
    state: State<'_, ShellState>,
    attempt: AttemptId,
    lang: String,
) -> Reply<AttemptDetail> {
    state.with(|s| s.attempt_detail(attempt, &lang))
}

#[tauri::command]
pub async fn scenario_run_detail(
    state: State<'_, ShellState>,
    run: ScenarioRunId,
    lang: String,
) -> Reply<ScenarioRunDetail> {
    state.with(|s| s.scenario_run_detail(run, &lang))
}
