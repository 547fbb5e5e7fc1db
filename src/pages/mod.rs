//! One module per route of the app shell ([`crate::app`]).

pub mod home;
pub mod not_found;
pub mod questionnaire;
pub mod results;
