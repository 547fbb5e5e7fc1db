//! "Où es-tu ?": a commune's name or a postal code, found in the real list
//! of places (bpost's for Belgium, La Poste's for France, `data/places/`),
//! so local services come first. Typing suggests localities (« liege » →
//! « 4000 Liège »); a code that does not exist is refused with a message,
//! never guessed. The list is fetched by the services app at start, the
//! same file for everyone ([`provide_places`]); the place chosen stays in
//! this tab.

use crate::shared::browser::spawn as spawn_local;
use leptos::prelude::*;

use crate::shared::directory::use_services;
use crate::shared::locale::{tr, use_locale};
use crate::shared::published::{get, Fetched};
use amarre_core::encoding::text_of;
use amarre_core::places::{Locality, PlaceError, Places};
use amarre_core::territory::Place;

/// The list's address, from the site's root (`scripts/places.mjs`).
const PLACES: &str = "/lieux/places.txt";

/// The most suggestions shown at once.
const SUGGESTIONS: usize = 8;

/// Where the list of places stands.
#[derive(Clone, Copy)]
pub enum PlacesState {
    /// Being fetched.
    Loading,
    /// Read.
    Ready(&'static Places),
    /// It could not be fetched or read: only a code's shape can be checked.
    Unavailable,
}

/// Fetches the list of places once for the app and provides its state.
pub fn provide_places() {
    let state = RwSignal::new(PlacesState::Loading);
    provide_context(state);
    spawn_local(async move {
        let read = match get(PLACES).await {
            Fetched::Bytes(bytes) => text_of(PLACES, &bytes).ok().and_then(|text| Places::parse(&text).ok()),
            Fetched::Missing | Fetched::Failed => None,
        };
        state.set(match read {
            // Read once for the page's life.
            Some(places) => PlacesState::Ready(Box::leak(Box::new(places))),
            None => PlacesState::Unavailable,
        });
    });
}

/// The place a locality is.
fn place_of(locality: &Locality) -> Place {
    Place {
        postal_code: locality.postal_code.clone(),
        name: locality.name.clone(),
        country: locality.country,
        area: locality.area.clone(),
    }
}

/// The field, its suggestions, and the place in use.
#[component]
pub fn PlacePicker() -> impl IntoView {
    let locale = use_locale();
    let services = use_services();
    let places = expect_context::<RwSignal<PlacesState>>();
    let typed = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let choose = move |locality: &Locality| {
        problem.set(None);
        typed.set(String::new());
        services.set_place(Some(place_of(locality)));
    };
    // What the typed text suggests.
    let suggestions = move || -> Vec<&'static Locality> {
        let text = typed.get();
        match places.get() {
            PlacesState::Ready(list) if text.trim().chars().count() >= 2 => list.search(&text, SUGGESTIONS),
            _ => Vec::new(),
        }
    };
    let apply = move || {
        let text = typed.get_untracked();
        if text.trim().is_empty() {
            problem.set(None);
            services.set_place(None);
            return;
        }
        let PlacesState::Ready(list) = places.get_untracked() else {
            problem.set(Some("place.error.no_list"));
            return;
        };
        if text.trim().bytes().all(|b| b.is_ascii_digit()) {
            match list.check_code(&text) {
                Ok([only]) => choose(only),
                // Several localities share the code: the list shows them.
                Ok(_) => problem.set(None),
                Err(PlaceError::Empty) => problem.set(None),
                Err(PlaceError::NotDigits) => problem.set(Some("place.error.digits")),
                Err(PlaceError::WrongLength) => problem.set(Some("place.error.length")),
                Err(PlaceError::Unknown) => problem.set(Some("place.error.unknown")),
            }
        } else {
            match list.search(&text, 2).as_slice() {
                [only] => choose(only),
                [first, ..] if amarre_core::text::fold(&first.name) == amarre_core::text::fold(text.trim()) => {
                    choose(first)
                }
                [_, ..] => problem.set(None),
                [] => problem.set(Some("place.error.no_match")),
            }
        }
    };
    view! {
        <form class="form place" data-testid="place" on:submit=move |ev| {
            ev.prevent_default();
            apply();
        }>
            <label for="place-typed" class="form__label">{tr("place.label")}</label>
            <p class="form__hint" id="place-hint">{tr("place.hint")}</p>
            <div class="place__row">
                <input
                    id="place-typed"
                    class="form__input"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="place-hint"
                    aria-invalid=move || problem.get().is_some().to_string()
                    aria-controls="place-suggestions"
                    data-testid="place-typed"
                    prop:value=move || typed.get()
                    on:input=move |ev| {
                        problem.set(None);
                        typed.set(event_target_value(&ev));
                    }
                />
                <button type="submit" class="button" data-testid="place-apply">{tr("place.apply")}</button>
            </div>
            {move || problem.get().map(|key| view! {
                <p class="notice notice--warning" role="alert" data-testid="place-problem">{move || locale.t(key)}</p>
            })}
            {move || matches!(places.get(), PlacesState::Loading).then(|| view! {
                <p class="form__hint" role="status">{tr("place.loading")}</p>
            })}
            {move || matches!(places.get(), PlacesState::Unavailable).then(|| view! {
                <p class="notice notice--warning" role="status" data-testid="places-unavailable">{tr("place.unavailable")}</p>
            })}
            <ul id="place-suggestions" class="place__suggestions" data-testid="place-suggestions" aria-label=tr("place.suggestions")>
                {move || suggestions()
                    .into_iter()
                    .map(|locality| {
                        let shown = locality.shown();
                        view! {
                            <li>
                                <button type="button" class="button button--quiet place__suggestion" data-testid="place-suggestion"
                                    on:click=move |_| choose(locality)>
                                    {shown}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="place__now" role="status" data-testid="place-now">
                {move || match services.place.get() {
                    Some(place) => locale.f("place.now", &[("place", &place.shown())]),
                    None => locale.t("place.none"),
                }}
            </p>
        </form>
    }
}
