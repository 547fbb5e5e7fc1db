//! The safety net: when an answer says the person is not safe at home or
//! has thought of hurting themselves, the lines for that situation are
//! shown at once, first, whatever the scores.

use leptos::prelude::*;

use crate::shared::country::known_country;
use crate::shared::help_area::HelpLineList;
use crate::shared::locale::for_audience;
use crate::shared::locale::{tr, use_locale};
use amarre_core::questionnaire::{Audience, UrgentKind};

/// Urgent help for each situation in `kinds`.
#[component]
pub fn SafetyNet(
    /// The urgent situations the answers called for (without repeats).
    kinds: Vec<UrgentKind>,
    /// Who answered: the words differ for a young person and a parent.
    audience: Audience,
) -> impl IntoView {
    let locale = use_locale();
    // The person's country's lines only, once they said where they live.
    let country = known_country();
    let blocks = kinds
        .into_iter()
        .map(|kind| {
            let text = match kind {
                UrgentKind::SelfHarm => for_audience(audience, "safety.self_harm.student", "safety.self_harm.family"),
                UrgentKind::SafetyAtHome => for_audience(audience, "safety.home.student", "safety.home.family"),
            };
            let lines = locale
                .content()
                .helplines
                .iter()
                .filter(|l| l.urgent_for.contains(&kind))
                .filter(|l| country.is_none_or(|c| l.country == c))
                .collect();
            view! {
                <p class="safety-net__text">{tr(text)}</p>
                <HelpLineList lines=lines/>
            }
        })
        .collect_view();
    let title = for_audience(audience, "safety.title.student", "safety.title.family");
    view! {
        <section class="safety-net" aria-labelledby="safety-net-title" data-testid="safety-net">
            <h2 id="safety-net-title" class="safety-net__title">{tr(title)}</h2>
            {blocks}
            <p class="safety-net__emergency">{tr("help.emergency")}</p>
        </section>
    }
}
