//! The addresses where each app starts: what the footer and the home page
//! link to. Each app knows its own pages (`questionnaires::route`,
//! `class::screen`, `services::route`); these are the only addresses every
//! app knows.

/// The home page (questionnaires app).
pub const HOME: &str = "/";
/// The young person's questionnaire (questionnaires app).
pub const STUDENT: &str = "/eleve";
/// The family questionnaire (questionnaires app).
pub const FAMILY: &str = "/famille";
/// The class climate survey (class app).
pub const CLASS: &str = "/classe";
/// A student answering the class survey on their own phone (the class
/// survey's student app).
pub const CLASS_STUDENT: &str = "/classe/repondre";
/// Support services (services app).
pub const SERVICES: &str = "/services";
/// What the apps keep, and erasing it (services app).
pub const PRIVACY: &str = "/confidentialite";
/// For coordinators: published directories, trying a file (coordination app).
pub const COORDINATION: &str = "/coordination";
/// The person's kept results (history app).
pub const HISTORY: &str = "/historique";
