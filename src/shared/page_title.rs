//! Keeps the document's `<title>` in step with the page and the language, so
//! a screen reader announces where the person is after each navigation.

use leptos::prelude::*;

use crate::shared::locale::use_locale;

/// Sets the document title to "<page> · Amarre". Renders nothing.
#[component]
pub fn PageTitle(
    /// The UI key of the page's name.
    key: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    Effect::new(move |_| {
        document().set_title(&format!("{} · Amarre", locale.t(key)));
    });
}
