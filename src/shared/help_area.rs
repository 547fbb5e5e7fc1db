//! "Besoin de parler maintenant ?": the national help lines, at the same
//! place under the header on every page.
//!
//! A native `<details>` keeps it one line tall until opened, works with the
//! keyboard and screen readers without script, and each number is a `tel:`
//! link, one tap from a call on a phone.

use leptos::prelude::*;

use crate::shared::country::use_country;
use crate::shared::locale::{local, tr, use_locale};
use amarre_core::helpline::{Country, HelpLine};

/// Help lines as a list of cards, each number a `tel:` link. Shared by the
/// help area, the safety net and the results page.
#[component]
pub fn HelpLineList(
    /// The lines to show, in order.
    lines: Vec<&'static HelpLine>,
) -> impl IntoView {
    let items = lines
        .into_iter()
        .map(|line| {
            view! {
                <li class="help-line" data-testid=format!("help-line-{}", line.id)>
                    <a class="help-line__number" href=line.dial.as_str()>
                        <span class="help-line__digits">{line.number.clone()}</span>
                        <span class="help-line__name">{local(&line.name)}</span>
                    </a>
                    <span class="help-line__who">{local(&line.for_whom)}</span>
                    <span class="help-line__hours">{local(&line.hours)}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="help-area__lines">{items}</ul> }
}

/// The help area with the national lines, grouped by country: the
/// person's country only, once they said where they live.
#[component]
pub fn HelpArea() -> impl IntoView {
    let lines = &use_locale().content().helplines;
    let known = use_country();
    let shown = move || {
        let only = known.and_then(|c| c.get());
        Country::ALL
            .into_iter()
            .filter(move |c| only.is_none_or(|only| only == *c))
    };
    let countries = move || {
        shown().map(move |country| {
            let heading = match country {
                Country::Belgium => "help.in_belgium",
                Country::France => "help.in_france",
            };
            let in_country = lines.iter().filter(|line| line.country == country).collect();
            view! {
                <section class="help-area__country" aria-labelledby=format!("help-{}", country.code())>
                    <h2 class="help-area__country-name" id=format!("help-{}", country.code())>{tr(heading)}</h2>
                    <HelpLineList lines=in_country/>
                </section>
            }
        })
    };
    view! {
        <aside class="help-area" aria-label=tr("help.region")>
            <details class="help-area__details">
                <summary class="help-area__summary" data-testid="help-summary">
                    {tr("help.title")}
                </summary>
                <div class="help-area__body">
                    <p class="help-area__intro">{tr("help.intro")}</p>
                    <div class="help-area__countries">{move || countries().collect_view()}</div>
                    <p class="help-area__emergency">{tr("help.emergency")}</p>
                </div>
            </details>
        </aside>
    }
}
