//! Suggestions: the service types the orientation rules pick for a
//! profile, ranked, each with its reason in plain words, its level of
//! response, and whom to contact: the local services of the directory in
//! use near the person first, else national ones, else how to find yours.
//! Help lines show as the national lines, which can be called now.

use leptos::prelude::*;

use crate::shared::directory::use_services;
use crate::shared::help_area::HelpLineList;
use crate::shared::locale::{local, tr, use_locale};
use crate::shared::service_card::{level_key, ServiceCard, TypeCard};
use amarre_core::helpline::Country;
use amarre_core::orientation::Profile;
use amarre_core::questionnaire::Audience;
use amarre_core::service_type::HELP_LINE;
use amarre_core::territory::Place;

/// How many local services a suggestion shows at most.
const CONTACTS: usize = 2;

/// The country of a place, when it says one.
fn country_of(place: Option<&Place>) -> Option<Country> {
    match place {
        Some(Place::PostalCode(postal)) => Some(postal.country),
        _ => None,
    }
}

/// The ranked suggestions for `profile`.
#[component]
pub fn Suggestions(
    /// What the rules look at.
    profile: Profile,
    /// Who is reading: the reasons say "tu" or "vous".
    audience: Audience,
) -> impl IntoView {
    let locale = use_locale();
    let services = use_services();
    let Some(orientation) = services.orientation else {
        return view! { <p class="notice notice--warning">{tr("card.broken")}</p> }.into_any();
    };
    (move || {
        let place = services.place.get();
        let country = country_of(place.as_ref());
        let suggestions = orientation.rules.suggest(&profile, &orientation.types, country);
        let items = suggestions
            .into_iter()
            .enumerate()
            .map(|(rank, suggestion)| {
                let kind = orientation.types.get(suggestion.service_type);
                let contacts = if suggestion.service_type == HELP_LINE {
                    let lines = locale
                        .content()
                        .helplines
                        .iter()
                        .filter(|l| country.is_none_or(|c| l.country == c))
                        .collect();
                    view! { <HelpLineList lines=lines/> }.into_any()
                } else {
                    let near: Vec<_> = services.directory.with(|d| {
                        d.near(suggestion.service_type, place.as_ref())
                            .into_iter()
                            .take(CONTACTS)
                            .cloned()
                            .collect()
                    });
                    if near.is_empty() {
                        kind.map(|kind| view! { <TypeCard kind=kind/> }).into_any()
                    } else {
                        near.into_iter()
                            .map(|service| view! { <ServiceCard service=service type_name=kind/> })
                            .collect_view()
                            .into_any()
                    }
                };
                view! {
                    <li class="suggestion" data-testid="suggestion" data-type=suggestion.service_type>
                        <h3 class="suggestion__title">
                            <span class="suggestion__rank">{format!("{}.", rank + 1)}</span>
                            " "
                            {kind.map(|k| local(&k.name))}
                        </h3>
                        <p class="suggestion__reason" data-testid="suggestion-reason">{local(suggestion.rule.reason(audience))}</p>
                        <p class="suggestion__level">
                            <span class="service-card__label">{tr("level.label")}</span>
                            " "
                            {tr(level_key(suggestion.rule.level))}
                        </p>
                        {contacts}
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="suggestions">{items}</ol> }
    })
    .into_any()
}
