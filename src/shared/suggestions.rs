//! Suggestions: the service types the orientation rules pick for a
//! profile, ranked, each with its reason in plain words, its level of
//! response, and whom to contact: the local services of the directory in
//! use near the person first, else national ones, else how to find yours.
//! Help lines show as the national lines of the person's country, which
//! can be called now.
//!
//! A reason names the answers behind it ("Parce que tu as répondu « … »
//! à « … »"), then says what the service can do; the guided path of the
//! services page has no answers, so its reasons say only the second part.

use leptos::prelude::*;

use crate::shared::directory::use_services;
use crate::shared::help_area::HelpLineList;
use crate::shared::locale::{local, tr, use_locale};
use crate::shared::service_card::{level_key, ServiceContact, TypeCard};
use amarre_core::helpline::Country;
use amarre_core::orientation::{Profile, Suggestion};
use amarre_core::questionnaire::{Audience, Questionnaire};
use amarre_core::service_type::HELP_LINE;
use amarre_core::territory::Place;

/// How many local services a suggestion shows at most.
const CONTACTS: usize = 2;

/// How many answers a reason names at most.
const CITED: usize = 2;

/// The reason of `suggestion` in the reading language: the answers behind
/// it, then what the service can do.
fn reason(
    locale: crate::shared::locale::Locale,
    suggestion: &Suggestion,
    questionnaire: Option<&Questionnaire>,
    audience: Audience,
) -> String {
    let what = locale.text(suggestion.rule.reason(audience));
    let Some(questionnaire) = questionnaire.filter(|_| !suggestion.because.is_empty()) else {
        return what;
    };
    let mut cited = String::new();
    for (n, driver) in suggestion.because.iter().take(CITED).enumerate() {
        let item = &questionnaire.items[driver.item];
        let key = match (n, audience) {
            (0, Audience::Family) => "card.because.first.family",
            (0, _) => "card.because.first.student",
            _ => "card.because.more",
        };
        cited.push_str(&locale.f(
            key,
            &[
                ("answer", &locale.easy_text(&item.options[driver.option].label)),
                ("question", &locale.easy_text(&item.question)),
            ],
        ));
    }
    format!("{cited}. {what}")
}

/// The country of a place, when it says one.
fn country_of(place: Option<&Place>) -> Option<Country> {
    place.map(|place| place.country)
}

/// The ranked suggestions for `profile`.
#[component]
pub fn Suggestions(
    /// What the rules look at.
    profile: Profile,
    /// Who is reading: the reasons say "tu" or "vous".
    audience: Audience,
    /// The questionnaire the profile comes from, whose answers the reasons
    /// name (none for the guided path).
    #[prop(optional)]
    questionnaire: Option<&'static Questionnaire>,
    /// For the guided path, the UI key of what the person chose
    /// ("Parce que tu cherches de l'aide pour l'école."), said first.
    #[prop(optional)]
    chosen: Option<&'static str>,
) -> impl IntoView {
    let locale = use_locale();
    let services = use_services();
    let Some(orientation) = services.orientation else {
        return view! { <p class="notice notice--warning">{tr("card.broken")}</p> }.into_any();
    };
    (move || {
        let place = services.place.get();
        let country = profile.country.or(country_of(place.as_ref()));
        let suggestions = orientation.rules.suggest(&profile, &orientation.types, country);
        let items = suggestions
            .into_iter()
            .enumerate()
            .map(|(rank, suggestion)| {
                let kind = orientation.types.get(suggestion.service_type);
                let (service_type, level) = (suggestion.service_type, suggestion.rule.level);
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
                            .map(|service| view! { <ServiceContact service=service/> })
                            .collect_view()
                            .into_any()
                    }
                };
                view! {
                    <li class="suggestion" data-testid="suggestion" data-type=service_type>
                        <h3 class="suggestion__title">
                            <span class="suggestion__rank">{format!("{}.", rank + 1)}</span>
                            " "
                            {kind.map(|k| local(&k.name))}
                        </h3>
                        <p class="suggestion__reason" data-testid="suggestion-reason">
                            {chosen.map(|key| view! { {tr(key)}" " })}
                            {move || reason(locale, &suggestion, questionnaire, audience)}
                        </p>
                        <p class="suggestion__level">
                            <span class="service-card__label">{tr("level.label")}</span>
                            " "
                            {tr(level_key(level))}
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

/// The service types that are there for everyone, whatever the answers:
/// shown apart from the suggestions, with no reason, for later.
#[component]
pub fn ForEveryone(
    /// The person's country, if known: only its services are named.
    country: Option<Country>,
    /// Whether the person goes to school, if known.
    in_school: Option<bool>,
    /// Who is reading.
    audience: Audience,
) -> impl IntoView {
    let services = use_services();
    let orientation = services.orientation?;
    let rule = orientation.rules.all().iter().find(|r| r.when.is_empty())?;
    let names = orientation
        .rules
        .for_everyone(&orientation.types, country, in_school)
        .into_iter()
        .filter_map(|id| orientation.types.get(id))
        .map(|kind| view! { <li>{local(&kind.name)}</li> })
        .collect_view();
    Some(view! {
        <section class="for-everyone" data-testid="for-everyone">
            <h3>{tr("card.everyone")}</h3>
            <p>{local(rule.reason(audience))}</p>
            <ul>{names}</ul>
        </section>
    })
}
