//! Cards for services: a directory's service (phones, address, hours,
//! languages, what to expect, the date a person last checked it) and a
//! service type (what it does, for whom, cost, how to find yours).
//!
//! Every text from a directory is put in the page as text, never as HTML:
//! a name such as `<img onerror=…>` shows as those characters. Each is
//! also isolated (`<bdi>`), so a name written right to left (Arabic) never
//! reorders the app's own words around it; the directory's reader refuses
//! the invisible characters that could force it to.

use leptos::prelude::*;

use crate::shared::locale::{local, tr, use_locale};
use amarre_core::directory::Service;
use amarre_core::service_type::{Level, ServiceType};

/// The catalog key naming a level of response.
pub fn level_key(level: Level) -> &'static str {
    match level {
        Level::CollectivePrevention => "level.collective_prevention",
        Level::SpecificPrevention => "level.specific_prevention",
        Level::IndividualIntervention => "level.individual_intervention",
        Level::Compensation => "level.compensation",
    }
}

/// One line of a card: a label (a catalog key, or none) and a text, or a
/// link (`href`, what it says).
enum Line {
    Text(&'static str, String),
    Link(String, String),
    /// The ages served, said in the chosen language.
    Ages(u32, u32),
    /// The web site, a link saying so in the chosen language.
    Website(String),
}

/// One service of the directory in use.
#[component]
pub fn ServiceCard(
    /// The service.
    service: Service,
    /// Its type's name.
    type_name: Option<&'static ServiceType>,
) -> impl IntoView {
    let locale = use_locale();
    let mut lines = vec![
        Line::Text("card.what", service.description),
        Line::Text("card.expect", service.what_to_expect),
        Line::Text("card.cost", service.fees),
    ];
    for phone in service.phones {
        let number = if phone.description.is_empty() {
            phone.number
        } else {
            format!("{} — {}", phone.number, phone.description)
        };
        lines.push(Line::Link(phone.dial.as_str().to_string(), number));
    }
    if let Some(email) = service.email {
        let shown = email.as_str().trim_start_matches("mailto:").to_string();
        lines.push(Line::Link(email.as_str().to_string(), shown));
    }
    if let Some(url) = service.url {
        lines.push(Line::Website(url.as_str().to_string()));
    }
    lines.push(Line::Text("card.address", service.addresses.join(" ; ")));
    lines.push(Line::Text("card.hours", service.hours.join(" ; ")));
    lines.push(Line::Text("card.languages", service.languages.join(", ")));
    if let Some((from, to)) = service.ages {
        lines.push(Line::Ages(from, to));
    }
    let lines =
        lines
            .into_iter()
            .filter_map(|line| {
                match line {
            Line::Text(_, text) if text.is_empty() => None,
            Line::Text(key, text) => Some(view! {
                <p class="service-card__line"><span class="service-card__label">{tr(key)}</span> " " <bdi>{text}</bdi></p>
            }.into_any()),
            Line::Link(href, text) => Some(view! {
                <p class="service-card__line"><a href=href rel="noreferrer">{text}</a></p>
            }.into_any()),
            Line::Website(href) => Some(view! {
                <p class="service-card__line"><a href=href rel="noreferrer">{tr("card.website")}</a></p>
            }.into_any()),
            Line::Ages(from, to) => Some(view! {
                <p class="service-card__line">
                    <span class="service-card__label">{tr("card.ages")}</span>
                    " "
                    {move || locale.f("card.ages_value", &[("from", &from.to_string()), ("to", &to.to_string())])}
                </p>
            }.into_any()),
        }
            })
            .collect_view();
    let assured = service.assured.to_string();
    view! {
        <article class="service-card" data-testid="service-card" data-service=service.id>
            <h3 class="service-card__name"><bdi>{service.name}</bdi></h3>
            <p class="service-card__org">
                <bdi>{service.organization}</bdi>
                {type_name.map(|t| view! { " · " <span class="service-card__type">{local(&t.name)}</span> })}
            </p>
            {lines}
            <p class="service-card__checked">{move || locale.f("card.checked", &[("date", &assured)])}</p>
        </article>
    }
}

/// How to reach one service of the directory, for a suggestion: its name,
/// organization, phones, address and web page; the services page shows the
/// rest ([`ServiceCard`]).
#[component]
pub fn ServiceContact(
    /// The service.
    service: Service,
) -> impl IntoView {
    let phones = service
        .phones
        .into_iter()
        .map(|phone| {
            view! { <p class="service-card__line"><a href=phone.dial.as_str().to_string()>{phone.number}</a></p> }
        })
        .collect_view();
    let address = (!service.addresses.is_empty()).then(|| {
        view! {
            <p class="service-card__line">
                <span class="service-card__label">{tr("card.address")}</span>
                " "
                <bdi>{service.addresses.join(" ; ")}</bdi>
            </p>
        }
    });
    let website = service.url.map(|url| {
        view! { <p class="service-card__line"><a href=url.as_str().to_string() rel="noreferrer">{tr("card.website")}</a></p> }
    });
    view! {
        <article class="service-card" data-testid="service-card" data-service=service.id>
            <h4 class="service-card__name"><bdi>{service.name}</bdi></h4>
            <p class="service-card__org"><bdi>{service.organization}</bdi></p>
            {phones}
            {address}
            {website}
        </article>
    }
}

/// A kind of service, said plainly, with how to find the one that is yours.
#[component]
pub fn TypeCard(
    /// The service type.
    kind: &'static ServiceType,
) -> impl IntoView {
    view! {
        <article class="service-card service-card--type" data-testid="type-card" data-type=kind.id.clone()>
            <h3 class="service-card__name">{local(&kind.name)}</h3>
            <p>{local(&kind.what)}</p>
            <p>{local(&kind.for_whom)} " " {local(&kind.cost)}</p>
            <p class="service-card__find">
                <span class="service-card__label">{tr("card.find")}</span>
                " "
                {local(&kind.find)}
            </p>
        </article>
    }
}
