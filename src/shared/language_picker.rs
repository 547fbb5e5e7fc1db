//! The language picker: a labelled native `<select>` listing every declared
//! language by its own name, so a person who cannot read the current
//! language still finds theirs.

use leptos::prelude::*;

use crate::shared::locale::{tr, use_locale};

/// Chooses the reading language.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let locale = use_locale();
    let languages = locale.content().catalog.languages().all();
    let options = languages
        .iter()
        .enumerate()
        .map(|(position, language)| {
            view! {
                <option value=position.to_string() lang=language.code.clone() selected=move || locale.language() == position>
                    {language.native_name.clone()}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="language-picker">
            <label class="language-picker__label" for="language-picker">{tr("shell.language")}</label>
            <select
                id="language-picker"
                class="language-picker__select"
                data-testid="language-picker"
                on:change=move |ev| {
                    if let Ok(position) = event_target_value(&ev).parse::<usize>() {
                        locale.choose(position);
                    }
                }
            >
                {options}
            </select>
        </div>
    }
}
