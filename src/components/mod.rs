//! Pieces of UI shared by several pages. One component per file.

pub mod help_area;
pub mod language_picker;
pub mod link;
pub mod page_title;
pub mod quick_exit;
