//! Pieces of UI shared by several pages. One component per file.

pub mod answers_file;
pub mod family_chart;
pub mod help_area;
pub mod language_picker;
pub mod link;
pub mod page_title;
pub mod question;
pub mod quick_exit;
pub mod safety_net;
pub mod service_card;
pub mod suggestions;
