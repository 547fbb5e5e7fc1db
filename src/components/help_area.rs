//! "Besoin de parler maintenant ?": the national help lines, at the same
//! place under the header on every page.
//!
//! A native `<details>` keeps it one line tall until opened, works with the
//! keyboard and screen readers without script, and each number is a `tel:`
//! link, one tap from a call on a phone.

use leptos::prelude::*;

use crate::domain::helpline::Country;
use crate::locale::use_locale;

/// The help area with every national line, grouped by country.
#[component]
pub fn HelpArea() -> impl IntoView {
    let locale = use_locale();
    let lines = &locale.content().helplines;
    let countries = Country::ALL.into_iter().map(move |country| {
        let heading = match country {
            Country::Belgium => "help.in_belgium",
            Country::France => "help.in_france",
        };
        let items = lines
            .iter()
            .filter(move |line| line.country == country)
            .map(move |line| {
                view! {
                    <li class="help-line" data-testid=format!("help-line-{}", line.id)>
                        <a class="help-line__number" href=line.dial.as_str()>
                            <span class="help-line__digits">{line.number.clone()}</span>
                            <span class="help-line__name">{move || locale.text(&line.name)}</span>
                        </a>
                        <span class="help-line__who">{move || locale.text(&line.for_whom)}</span>
                        <span class="help-line__hours">{move || locale.text(&line.hours)}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="help-area__country" aria-labelledby=format!("help-{}", country.code())>
                <h2 class="help-area__country-name" id=format!("help-{}", country.code())>{move || locale.t(heading)}</h2>
                <ul class="help-area__lines">{items}</ul>
            </section>
        }
    });
    view! {
        <aside class="help-area" aria-label=move || locale.t("help.region")>
            <details class="help-area__details">
                <summary class="help-area__summary" data-testid="help-summary">
                    {move || locale.t("help.title")}
                </summary>
                <div class="help-area__body">
                    <p class="help-area__intro">{move || locale.t("help.intro")}</p>
                    <div class="help-area__countries">{countries.collect_view()}</div>
                    <p class="help-area__emergency">{move || locale.t("help.emergency")}</p>
                </div>
            </details>
        </aside>
    }
}
