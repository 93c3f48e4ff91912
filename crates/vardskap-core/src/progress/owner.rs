//! Whose is it: the shell checks that an attempt or a scenario run belongs to
//! the signed-in learner before acting on it, so one profile can neither read
//! nor change another's work (ids are plain sequential numbers).

use crate::Result;
use crate::error::OrNotFound;
use crate::storage::{Store, attempts, scenario_runs};

use super::{AttemptId, ProfileId, ScenarioRunId};

impl Store {
    /// `Ok` when `attempt` is `profile`'s; otherwise the attempt is "not found",
    /// which tells another learner nothing about it.
    pub fn check_attempt_owner(&self, profile: ProfileId, attempt: AttemptId) -> Result<()> {
        attempts::get(&self.conn, attempt)?
            .filter(|row| row.profile_id == profile)
            .map(|_| ())
            .or_not_found("attempt", attempt)
    }

    /// `Ok` when the scenario run is `profile`'s; otherwise "not found".
    pub fn check_run_owner(&self, profile: ProfileId, run: ScenarioRunId) -> Result<()> {
        scenario_runs::get(&self.conn, run)?
            .filter(|row| row.profile_id == profile)
            .map(|_| ())
            .or_not_found("scenario run", run)
    }
}
