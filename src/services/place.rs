//! "Où es-tu ?": a postal code (4 digits in Belgium, 5 in France) or a
//! commune of the directory in use, so local services come first. It stays
//! in this tab; a wrong code is explained, never guessed.

use leptos::prelude::*;

use crate::shared::directory::use_services;
use crate::shared::locale::{tr, use_locale};
use amarre_core::territory::{Place, PostalCode, PostalCodeError};

/// The postal code field, the commune list, and the place in use.
#[component]
pub fn PlacePicker() -> impl IntoView {
    let locale = use_locale();
    let services = use_services();
    let typed = RwSignal::new(match services.place.get_untracked() {
        Some(Place::PostalCode(postal)) => postal.code,
        _ => String::new(),
    });
    let problem = RwSignal::new(None::<&'static str>);
    let apply = move || match PostalCode::parse(&typed.get_untracked()) {
        Ok(postal) => {
            problem.set(None);
            services.set_place(Some(Place::PostalCode(postal)));
        }
        Err(PostalCodeError::Empty) => {
            problem.set(None);
            services.set_place(None);
        }
        Err(PostalCodeError::NotDigits) => problem.set(Some("place.error.digits")),
        Err(PostalCodeError::WrongLength) => problem.set(Some("place.error.length")),
        Err(PostalCodeError::NotInUse) => problem.set(Some("place.error.unknown")),
    };
    let communes = move || {
        services
            .directory
            .with(|d| d.communes().into_iter().map(str::to_string).collect::<Vec<_>>())
    };
    view! {
        <form class="form place" data-testid="place" on:submit=move |ev| {
            ev.prevent_default();
            apply();
        }>
            <label for="postal-code" class="form__label">{tr("place.label")}</label>
            <p class="form__hint" id="postal-code-hint">{tr("place.hint")}</p>
            <div class="place__row">
                <input
                    id="postal-code"
                    class="form__input form__input--short"
                    inputmode="numeric"
                    autocomplete="postal-code"
                    maxlength="5"
                    aria-describedby="postal-code-hint"
                    aria-invalid=move || problem.get().is_some().to_string()
                    data-testid="postal-code"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <button type="submit" class="button" data-testid="postal-code-apply">{tr("place.apply")}</button>
            </div>
            {move || problem.get().map(|key| view! { <p class="notice notice--warning" role="alert">{move || locale.t(key)}</p> })}
            {move || {
                let list = communes();
                (!list.is_empty()).then(|| {
                    let options = list
                        .into_iter()
                        .map(|name| view! { <option value=name.clone()>{name.clone()}</option> })
                        .collect_view();
                    view! {
                        <label for="commune" class="form__label">{tr("place.commune")}</label>
                        <select id="commune" class="form__input" data-testid="commune" on:change=move |ev| {
                            let name = event_target_value(&ev);
                            services.set_place((!name.is_empty()).then_some(Place::Commune(name)));
                        }>
                            <option value="">{tr("place.commune_none")}</option>
                            {options}
                        </select>
                    }
                })
            }}
            <p class="place__now" role="status" data-testid="place-now">
                {move || match services.place.get() {
                    Some(place) => locale.f("place.now", &[("place", place.shown())]),
                    None => locale.t("place.none"),
                }}
            </p>
        </form>
    }
}
