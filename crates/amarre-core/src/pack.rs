//! Language packs: every language but the reference one, and the
//! reference language's easy-read texts, as files of their own beside the
//! app, so that adding a language or an easy-read text costs nothing on the
//! first load.
//!
//! At build time [`split`] writes an app's content with its usual French
//! texts only, each [`LocalizedText`](crate::text::LocalizedText) and the
//! catalog's texts numbered in the order they are written, and gathers the
//! other languages' texts into one [`Pack`] per language, in that same
//! order. The pack at position 0, the reference language's own, holds its
//! easy-read texts (an [`EasyText`](crate::text::EasyText)'s variant, a
//! catalog key ending in `.easy`), the same numbers, empty elsewhere.
//!
//! In the browser every app fetches all its packs after its first
//! view, the same files for everyone whatever language the person reads
//! (nothing a request carries depends on their choice), and [`install`]s
//! them; until a pack is there, its texts fall back to French (an easy-read
//! text to its usual wording), never to a key.

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

/// Makes `pack` the texts of the language at `language` (at 0: the
/// reference language's easy-read texts). False if that position is too
/// far or holds a pack already.
pub fn install(language: usize, pack: Pack) -> bool {
    language < MAX_LANGUAGES && INSTALLED[language].set(pack).is_ok()
}

/// Whether the pack of `language` is installed.
pub fn installed(language: usize) -> bool {
    INSTALLED.get(language).is_some_and(|slot| slot.get().is_some())
}

/// Content text number `number` in the language at `language`, if its pack is there.
pub(crate) fn text(language: usize, number: u32) -> Option<&'static str> {
    let pack = INSTALLED.get(language)?.get()?;
    pack.texts
        .get(number as usize)
        .map(String::as_str)
        .filter(|t| !t.is_empty())
}

/// The catalog text at `at` in the language at `language`, if its pack is there.
pub(crate) fn catalog_text(language: usize, at: usize) -> Option<&'static str> {
    let pack = INSTALLED.get(language)?.get()?;
    pack.catalog.get(at).map(String::as_str).filter(|t| !t.is_empty())
}

/// The number of a text written whole (every language inline).
pub(crate) const WHOLE: u32 = u32::MAX;

/// What a split gathers while the content is written.
struct Splitting {
    /// By language position; at 0 the reference language's easy-read texts.
    packs: Vec<Pack>,
    /// Whether the text being written is an easy-read variant.
    easy: bool,
}

thread_local! {
    static SPLITTING: RefCell<Option<Splitting>> = const { RefCell::new(None) };
}

/// Writes `value` with its usual reference texts only: the bytes, then one
/// pack per language position (at 0 the reference language's easy-read
/// texts, then the other `languages - 1` languages).
pub fn split<T: Serialize>(value: &T, languages: usize) -> Result<(Vec<u8>, Vec<Pack>), postcard::Error> {
    SPLITTING.with(|s| {
        *s.borrow_mut() = Some(Splitting {
            packs: vec![Pack::default(); languages.max(1)],
            easy: false,
        })
    });
    let bytes = postcard::to_allocvec(value);
    let packs = SPLITTING
        .with(|s| s.borrow_mut().take())
        .map(|s| s.packs)
        .unwrap_or_default();
    Ok((bytes?, packs))
}

/// While splitting, the texts written inside `write` are easy-read variants.
pub(crate) fn easy_read<R>(write: impl FnOnce() -> R) -> R {
    let set = |easy| {
        SPLITTING.with(|s| {
            if let Some(splitting) = s.borrow_mut().as_mut() {
                splitting.easy = easy;
            }
        })
    };
    set(true);
    let written = write();
    set(false);
    written
}

/// While splitting: moves `texts` into the packs (all of them for an
/// easy-read variant, those after the first otherwise) and gives the
/// number they get and how many stay inline; `None` when not splitting
/// (written whole).
pub(crate) fn take_text(texts: &[String]) -> Option<(u32, usize)> {
    SPLITTING.with(|s| {
        let mut s = s.borrow_mut();
        let splitting = s.as_mut()?;
        let number = splitting.packs.first().map_or(0, |p| p.texts.len()) as u32;
        let (first, others) = splitting.packs.split_first_mut()?;
        first.texts.push(if splitting.easy {
            texts.first().cloned().unwrap_or_default()
        } else {
            String::new()
        });
        for (pack, text) in others.iter_mut().zip(texts.iter().skip(1)) {
            pack.texts.push(text.clone());
        }
        Some((number, if splitting.easy { 0 } else { texts.len().min(1) }))
    })
}

/// While splitting: moves the catalog's texts of every language after the
/// first into the packs, and the reference language's easy-read texts
/// (keys ending in `.easy`) into the pack at 0. Gives the reference texts
/// that stay inline; `None` when not splitting.
pub(crate) fn take_catalog(keys: &[String], texts: &[Vec<String>]) -> Option<Vec<String>> {
    SPLITTING.with(|s| {
        let mut s = s.borrow_mut();
        let splitting = s.as_mut()?;
        let reference = texts.first().cloned().unwrap_or_default();
        let (first, others) = splitting.packs.split_first_mut()?;
        let is_easy = |at: usize| keys.get(at).is_some_and(|k| k.ends_with(".easy"));
        first.catalog = reference
            .iter()
            .enumerate()
            .map(|(at, text)| if is_easy(at) { text.clone() } else { String::new() })
            .collect();
        for (pack, language) in others.iter_mut().zip(texts.iter().skip(1)) {
            pack.catalog = language.clone();
        }
        Some(
            reference
                .into_iter()
                .enumerate()
                .map(|(at, text)| if is_easy(at) { String::new() } else { text })
                .collect(),
        )
    })
}
