//! What the three apps share, in one place: the frame ([`shell`]) and the
//! plumbing under it, and the components more than one app shows.
//!
//! Plumbing:
//! - [`content`]: the content each app ships, baked at build time;
//! - [`locale`]: the reading language and easy-read switch, as reactive state;
//! - [`country`]: the country the person said they live in;
//! - [`navigation`], [`link`], [`address`]: pages and links;
//! - [`storage`]: the only module that touches browser storage;
//! - [`file`](mod@file): saving a file on the device, reading one the person picks;
//! - [`flow`]: a questionnaire being answered (the young person's, the
//!   family's, a student's class survey), saved as it goes where it may be;
//! - [`random`]: salts, ids and nonces from `crypto.getRandomValues`;
//! - [`directory`]: the directory in use and the person's place, shared by
//!   the services app and the questionnaires app's results;
//! - [`problems`]: what is wrong in a file the person gave, in their language;
//! - [`calm_failure`]: the panic hook's calm page, the last resort for a bug.
//!
//! Components: [`shell`], [`confirm`], [`consent`], [`help_area`], [`quick_exit`],
//! [`language_picker`], [`easy_read_switch`], [`page_title`], [`asking`], [`question`], [`safety_net`],
//! [`read_aloud`], [`service_card`], [`suggestions`].

pub mod address;
pub mod asking;
pub mod band;
pub mod browser;
pub mod calm_failure;
pub mod confirm;
pub mod consent;
pub mod content;
pub mod country;
pub mod directory;
pub mod easy_read_switch;
pub mod file;
pub mod flow;
pub mod handover;
pub mod help_area;
pub mod history_store;
pub mod language_picker;
pub mod link;
pub mod locale;
pub mod lock;
pub mod navigation;
pub mod packs;
pub mod page_title;
pub mod problems;
pub mod published;
pub mod question;
pub mod quick_exit;
pub mod random;
pub mod read_aloud;
pub mod safety_net;
pub mod service_card;
pub mod shell;
pub mod storage;
pub mod suggestions;
