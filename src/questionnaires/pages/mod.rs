//! One module per page of the questionnaires app ([`super::route`]).

pub mod home;
pub mod not_found;
pub mod questionnaire;
pub mod results;
