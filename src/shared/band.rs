//! A family's band in words: the UI key that names it, the same in the
//! results and in the history.

use amarre_core::scoring::Band;

/// The UI key naming a band.
pub fn band_key(band: Band) -> &'static str {
    match band {
        Band::Fine => "r.band.fine",
        Band::Watch => "r.band.watch",
        Band::TalkAboutIt => "r.band.talk",
        Band::NotEnoughAnswers => "r.band.not_enough",
    }
}
