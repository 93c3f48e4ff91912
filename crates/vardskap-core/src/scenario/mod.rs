//! Role-play scenarios from the learner's side: a [`Run`] walks a scenario's
//! graph one choice at a time, keeping serialisable state, and ends with a
//! [`Debrief`]. The learner sees [`NodeView`]s, which hide what a choice is worth.

pub mod paths;
mod run;
mod view;

pub use paths::{best_total, earned_enough, pass_points, run_passes};
pub use run::{Debrief, DebriefStep, PathStep, Run, Step, max_points};
pub use view::{ChoiceView, NodeView, shuffled};
