//! Role-play scenarios from the learner's side: a [`Run`] walks a scenario's
//! graph one choice at a time, keeping serialisable state, and ends with a
//! [`Debrief`]. The learner sees [`NodeView`]s, which hide what a choice is worth.

mod run;
mod view;

pub use run::{Debrief, DebriefStep, PathStep, Run, Step, max_points};
pub use view::{ChoiceView, NodeView};
