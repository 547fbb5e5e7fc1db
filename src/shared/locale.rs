//! Which language the person reads the app in, as reactive state shared
//! through context, and the [`Locale`] handle components use to get words.
//!
//! The choice starts from what the browser prefers, can be changed with the
//! picker, and is kept for the tab's life only (session storage). Changing it
//! also sets `<html lang>` and `dir`, so screen readers speak the right
//! language and right-to-left languages lay out correctly.

use leptos::prelude::*;

use crate::shared::content::Content;
use crate::shared::storage::{self, StoredItem};
use amarre_core::language::Language;
use amarre_core::questionnaire::Audience;
use amarre_core::text::{EasyText, LocalizedText};

/// The reading language and the content it reads from. Cheap to copy into
/// every closure of a view.
#[derive(Clone, Copy)]
pub struct Locale {
    language: RwSignal<usize>,
    easy: RwSignal<bool>,
    content: &'static Content,
}

impl Locale {
    /// A locale starting in the language at position `language`.
    pub fn new(content: &'static Content, language: usize) -> Locale {
        let easy = storage::read_text(StoredItem::EasyRead).ok().flatten().as_deref() == Some("1");
        Locale {
            language: RwSignal::new(language),
            easy: RwSignal::new(easy),
            content,
        }
    }

    /// Whether easy-read texts are on (tracked).
    pub fn easy(&self) -> bool {
        self.easy.get()
    }

    /// Turns easy-read texts on or off, for the rest of the visit.
    pub fn set_easy(&self, easy: bool) {
        self.easy.set(easy);
        // Not remembering it is harmless: it still applies to this page.
        let _ = if easy {
            storage::write_text(StoredItem::EasyRead, "1")
        } else {
            storage::remove(StoredItem::EasyRead)
        };
    }

    /// A content text in the current language, easy-read when it is on (tracked).
    pub fn easy_text(&self, text: &EasyText) -> String {
        text.get(self.language.get(), self.easy.get()).to_string()
    }

    /// The UI text for `key` in the current language, easy-read when it is
    /// on and the text has a variant (tracked).
    pub fn t(&self, key: &'static str) -> String {
        self.content
            .catalog
            .text_easy(self.language.get(), key, self.easy.get())
            .to_string()
    }

    /// The UI text for `key` with its `{placeholders}` filled, easy-read
    /// when it is on and the text has a variant (tracked).
    pub fn f(&self, key: &'static str, args: &[(&str, &str)]) -> String {
        self.content
            .catalog
            .format(self.language.get(), key, args, self.easy.get())
    }

    /// A content text in the current language (tracked).
    pub fn text(&self, text: &LocalizedText) -> String {
        text.get(self.language.get()).to_string()
    }

    /// Position of the current language (tracked).
    pub fn language(&self) -> usize {
        self.language.get()
    }

    /// The current language's description (tracked).
    pub fn current(&self) -> &'static Language {
        let all = self.content.catalog.languages().all();
        &all[self.language.get().min(all.len() - 1)]
    }

    /// Switches to the language at `position` and remembers it for the tab.
    pub fn choose(&self, position: usize) {
        if position < self.content.catalog.languages().all().len() {
            self.language.set(position);
            let code = &self.content.catalog.languages().all()[position].code;
            // Not being able to remember the choice is not worth a message:
            // the language still changes for this page.
            let _ = storage::write_text(StoredItem::Language, code);
        }
    }

    /// The texts of the language at `position` have just arrived: what
    /// shows it is drawn again.
    pub fn texts_arrived(&self, position: usize) {
        if self.language.get_untracked() == position {
            self.language.notify();
        }
    }

    /// The content this locale reads from.
    pub fn content(&self) -> &'static Content {
        self.content
    }
}

/// The language to start in: the one chosen earlier in this tab, else the
/// browser's preference, else French.
pub fn initial_language(content: &Content) -> usize {
    let languages = content.catalog.languages();
    let remembered = storage::read_text(StoredItem::Language)
        .ok()
        .flatten()
        .and_then(|code| languages.position(&code));
    remembered.unwrap_or_else(|| {
        let preferred: Vec<String> = crate::shared::browser::window()
            .map(|w| w.navigator().languages())
            .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
            .unwrap_or_default();
        languages.best_match(preferred.iter().map(String::as_str))
    })
}

/// Provides a [`Locale`] to every component below, and keeps `<html lang>`
/// and `dir` in step with it.
pub fn provide_locale(content: &'static Content) -> Locale {
    let locale = Locale::new(content, initial_language(content));
    provide_context(locale);
    crate::shared::packs::fetch_all(locale);
    Effect::new(move |_| {
        let language = locale.current();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", &language.code);
            let _ = html.set_attribute("dir", language.direction.as_html());
        }
    });
    locale
}

/// The [`Locale`] provided by the app shell.
pub fn use_locale() -> Locale {
    // Every page is mounted below the shell, which provides it first; a
    // missing locale is a programming error caught by the browser tests.
    expect_context::<Locale>()
}

/// The UI key written for `audience`: young people (and a class) are
/// spoken to with "tu", families with "vous", so many texts come in pairs.
pub fn for_audience(audience: Audience, student: &'static str, family: &'static str) -> &'static str {
    match audience {
        Audience::Student | Audience::Class => student,
        Audience::Family => family,
    }
}

/// The UI text for `key`, following the reading language and the
/// easy-read switch: use it in views
/// (`{tr("home.title")}`) and attributes (`aria-label=tr("…")`).
///
/// Every call returns the same closure type whatever the key, so Leptos
/// renders all UI texts with one copy of its code; a `move || locale.t(…)`
/// written in place is a type of its own, and 130 of them measured about
/// 50 KB of wasm.
pub fn tr(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let locale = use_locale();
    move || locale.t(key)
}

/// A content text with its easy-read variant, following the language and
/// the easy-read switch. One closure type for all, as [`tr`].
pub fn easy(text: &'static EasyText) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let locale = use_locale();
    move || locale.easy_text(text)
}

/// A content text, following the language. One closure type for all, as [`tr`].
pub fn local(text: &'static LocalizedText) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let locale = use_locale();
    move || locale.text(text)
}
