//! The results chart: per factor family, one bar for what weighs and one
//! for what holds, as inline SVG made on the device.
//!
//! Readable in black and white (solid bars for what weighs, hatched bars
//! for what holds, each labelled in words), and by a screen reader (a title
//! and a description that say the same in a sentence per family; the
//! per-family sections below say it in full).

use leptos::prelude::*;

use crate::shared::locale::{local, tr, tr_easy, use_locale};
use amarre_core::scoring::{Band, FamilyReading};

// Whole numbers only: formatting floats would pull about 11 KB of code into
// the wasm for nothing a screen can show.
const ROW: u32 = 64;
const BAR_X: u32 = 56;
const BAR_WIDTH: u32 = 256;

/// The length of a bar for a reading from 0 to 1, at least a sliver so an
/// empty bar still shows where it starts.
fn bar(reading: f64) -> u32 {
    ((reading.clamp(0.0, 1.0) * f64::from(BAR_WIDTH)) as u32).max(2)
}

/// The UI key naming a band.
pub fn band_key(band: Band) -> &'static str {
    match band {
        Band::Fine => "r.band.fine",
        Band::Watch => "r.band.watch",
        Band::TalkAboutIt => "r.band.talk",
        Band::NotEnoughAnswers => "r.band.not_enough",
    }
}

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
    let height = ROW * readings.len() as u32;
    let description = {
        let readings = readings.clone();
        move || {
            readings
                .iter()
                .map(|r| {
                    locale.f(
                        "r.chart.row",
                        &[
                            ("family", &locale.text(factors.name(r.family))),
                            ("band", &locale.t(band_key(r.band))),
                            ("holds", &locale.t(resource_key(r.resource))),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join(" ")
        }
    };
    let rows = readings
        .into_iter()
        .enumerate()
        .map(|(i, reading)| {
            let y = ROW * i as u32;
            let enough = reading.band != Band::NotEnoughAnswers;
            let strain_width = if enough { bar(reading.strain) } else { 0 };
            let resource_width = if enough { bar(reading.resource) } else { 0 };
            view! {
                <text x="0" y=y + 16 class="chart__family">{local(factors.name(reading.family))}</text>
                <text x="0" y=y + 34 class="chart__axis">{tr("r.chart.weighs")}</text>
                <rect x=BAR_X y=y + 24 width=BAR_WIDTH height="12" fill="none" stroke="#8a959e" stroke-width="1"></rect>
                <rect x=BAR_X y=y + 24 width=strain_width height="12" fill="#1d2329"></rect>
                <text x="0" y=y + 52 class="chart__axis">{tr("r.chart.holds")}</text>
                <rect x=BAR_X y=y + 42 width=BAR_WIDTH height="12" fill="none" stroke="#8a959e" stroke-width="1"></rect>
                <rect x=BAR_X y=y + 42 width=resource_width height="12" fill="url(#hatch)" stroke="#0b5d66" stroke-width="1"></rect>
                {(!enough).then(|| view! {
                    <text x=BAR_X + 6 y=y + 34 class="chart__axis">{tr("r.band.not_enough")}</text>
                })}
            }
        })
        .collect_view();
    view! {
        <figure class="chart" data-testid="chart">
            <svg class="chart__svg" viewBox=format!("0 0 {} {height}", BAR_X + BAR_WIDTH + 4) role="img" aria-labelledby="chart-title chart-desc">
                <title id="chart-title">{tr("r.chart.title")}</title>
                <desc id="chart-desc">{description}</desc>
                <defs>
                    <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" fill="#e2f0f1"></rect>
                        <line x1="0" y1="0" x2="0" y2="6" stroke="#0b5d66" stroke-width="3"></line>
                    </pattern>
                </defs>
                {rows}
            </svg>
            <figcaption class="chart__legend">{tr_easy("r.chart.legend")}</figcaption>
        </figure>
    }
}
