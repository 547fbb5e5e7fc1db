//! Language packs: every language but the reference one, as a file of its
//! own beside the app, so that adding a language costs nothing on the
//! first load.
//!
//! At build time [`split`] writes an app's content with its French texts
//! only, each [`LocalizedText`](crate::text::LocalizedText) and the
//! catalog's texts numbered in the order they are written, and gathers the
//! other languages' texts into one [`Pack`] per language, in that same
//! order. In the browser every app fetches all its packs after its first
//! view, the same files for everyone whatever language the person reads
//! (nothing a request carries depends on their choice), and [`install`]s
//! them; until a pack is there, its texts fall back to French, never to a
//! key.

use std::cell::RefCell;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The most languages an app can declare (French included).
pub const MAX_LANGUAGES: usize = 8;

/// The texts of one language for one app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pack {
    /// The catalog's texts, in the order of its sorted keys.
    pub catalog: Vec<String>,
    /// Every content text, by its number.
    pub texts: Vec<String>,
}

/// The packs installed, by language position.
static INSTALLED: [OnceLock<Pack>; MAX_LANGUAGES] = [const { OnceLock::new() }; MAX_LANGUAGES];

/// Makes `pack` the texts of the language at `language`. False if that
/// position cannot hold a pack (the reference language, or too far) or one
/// is there already.
pub fn install(language: usize, pack: Pack) -> bool {
    language > 0 && language < MAX_LANGUAGES && INSTALLED[language].set(pack).is_ok()
}

/// Whether the pack of `language` is installed.
pub fn installed(language: usize) -> bool {
    INSTALLED.get(language).is_some_and(|slot| slot.get().is_some())
}

/// Content text number `number` in the language at `language`, if its pack is there.
pub(crate) fn text(language: usize, number: u32) -> Option<&'static str> {
    let pack = INSTALLED.get(language)?.get()?;
    pack.texts.get(number as usize).map(String::as_str)
}

/// The catalog text at `at` in the language at `language`, if its pack is there.
pub(crate) fn catalog_text(language: usize, at: usize) -> Option<&'static str> {
    let pack = INSTALLED.get(language)?.get()?;
    pack.catalog.get(at).map(String::as_str)
}

/// The number of a text written whole (every language inline).
pub(crate) const WHOLE: u32 = u32::MAX;

/// What a split gathers while the content is written.
struct Splitting {
    /// Per language after the reference one.
    packs: Vec<Pack>,
}

thread_local! {
    static SPLITTING: RefCell<Option<Splitting>> = const { RefCell::new(None) };
}

/// Writes `value` with its reference texts only, and the other `languages
/// - 1` languages' texts as packs: the bytes, then one pack per language
///   after the reference one.
pub fn split<T: Serialize>(value: &T, languages: usize) -> Result<(Vec<u8>, Vec<Pack>), postcard::Error> {
    SPLITTING.with(|s| {
        *s.borrow_mut() = Some(Splitting {
            packs: vec![Pack::default(); languages.saturating_sub(1)],
        })
    });
    let bytes = postcard::to_allocvec(value);
    let packs = SPLITTING
        .with(|s| s.borrow_mut().take())
        .map(|s| s.packs)
        .unwrap_or_default();
    Ok((bytes?, packs))
}

/// While splitting: moves `texts` after the first into the packs and gives
/// the number they get; `None` when not splitting (written whole).
pub(crate) fn take_text(texts: &[String]) -> Option<u32> {
    SPLITTING.with(|s| {
        let mut s = s.borrow_mut();
        let splitting = s.as_mut()?;
        let number = splitting.packs.first().map_or(0, |p| p.texts.len()) as u32;
        for (pack, text) in splitting.packs.iter_mut().zip(texts.iter().skip(1)) {
            pack.texts.push(text.clone());
        }
        Some(number)
    })
}

/// While splitting: moves the catalog's texts of every language after the
/// first into the packs; false when not splitting.
pub(crate) fn take_catalog(texts: &[Vec<String>]) -> bool {
    SPLITTING.with(|s| {
        let mut s = s.borrow_mut();
        let Some(splitting) = s.as_mut() else {
            return false;
        };
        for (pack, language) in splitting.packs.iter_mut().zip(texts.iter().skip(1)) {
            pack.catalog = language.clone();
        }
        true
    })
}
