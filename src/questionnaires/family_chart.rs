//! The results chart: per factor family, one bar for what weighs and one
//! for what holds, as native `<meter>` elements.
//!
//! Readable in black and white (a solid bar for what weighs, a hatched bar
//! for what holds, each labelled in words; `style/components.css`), and by
//! a screen reader (each meter is named, and a sentence per family says the
//! same; the per-family sections below say it in full). Measured
//! lighter in the download than the same chart drawn in SVG (1.9 KiB gzipped).

use leptos::prelude::*;

pub use crate::shared::band::band_key;
use crate::shared::locale::{local, tr, use_locale};
use amarre_core::scoring::{Band, FamilyReading};

/// The UI key saying how much holds, from a resource reading.
pub fn resource_key(resource: f64) -> &'static str {
    if resource >= 0.5 {
        "r.resource.high"
    } else if resource >= 0.25 {
        "r.resource.medium"
    } else {
        "r.resource.low"
    }
}

/// The chart of the four families.
#[component]
pub fn FamilyChart(
    /// The four readings.
    readings: Vec<FamilyReading>,
) -> impl IntoView {
    let locale = use_locale();
    let factors = &locale.content().factors;
    let rows = readings
        .into_iter()
        .map(|reading| {
            let enough = reading.band != Band::NotEnoughAnswers;
            // Whole percentages: formatting floats would pull about 11 KB
            // of code into the wasm for nothing a screen can show.
            let percent = |reading: f64| {
                if enough {
                    (reading.clamp(0.0, 1.0) * 100.0) as u32
                } else {
                    0
                }
            };
            let (weighs, holds) = (percent(reading.strain), percent(reading.resource));
            let summary = move || {
                locale.f(
                    "r.chart.row",
                    &[
                        ("family", &locale.text(factors.name(reading.family))),
                        ("band", &locale.t(band_key(reading.band))),
                        ("holds", &locale.t(resource_key(reading.resource))),
                    ],
                )
            };
            view! {
                <li class="chart__row">
                    <span class="chart__family">{local(factors.name(reading.family))}</span>
                    <span class="chart__axis">{tr("r.chart.weighs")}</span>
                    <meter class="chart__weighs" min="0" max="100" value=weighs aria-label=summary></meter>
                    <span class="chart__axis">{tr("r.chart.holds")}</span>
                    <meter class="chart__holds" min="0" max="100" value=holds aria-label=summary></meter>
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="chart" data-testid="chart">
            <figcaption class="chart__title">{tr("r.chart.title")}</figcaption>
            <ul class="chart__rows">{rows}</ul>
            <p class="chart__legend">{tr("r.chart.legend")}</p>
        </figure>
    }
}
