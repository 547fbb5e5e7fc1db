//! How each family moved between the kept results: per questionnaire and
//! per family, one bar per date (oldest first), each labelled with its
//! date and its band in words, and a sentence comparing the last with the
//! first. Readable without colour: the bar's length, the words and the
//! sentence say the same thing (`style/components.css`).

use leptos::prelude::*;

use amarre_core::factors::Family;
use amarre_core::history::Entry;
use amarre_core::scoring::{score, Band};

use crate::history::entries::questionnaire_key;
use crate::shared::band::band_key;
use crate::shared::history_store::long_date;
use crate::shared::locale::{local, tr, use_locale};

/// The most dates a family's bars show (the latest ones).
const SHOWN_DATES: usize = 8;

/// A change in strain smaller than this reads as « comme au début ».
const SAME: f64 = 0.05;

/// The UI key comparing the last strain with the first.
fn moved_key(first: f64, last: f64) -> &'static str {
    if last < first - SAME {
        "history.trend.lighter"
    } else if last > first + SAME {
        "history.trend.heavier"
    } else {
        "history.trend.same"
    }
}

/// The trends of every questionnaire that has kept results.
#[component]
pub fn Trends(
    /// The results that can be read, oldest first.
    entries: Vec<Entry>,
) -> impl IntoView {
    let locale = use_locale();
    let content = locale.content();
    content
        .questionnaires
        .iter()
        .filter_map(|questionnaire| {
            // (date, band, strain) per family, oldest first.
            let points: Vec<_> = entries
                .iter()
                .filter(|e| e.answers.questionnaire == questionnaire.id)
                .map(|e| (e.date, score(questionnaire, &e.answers).families))
                .collect();
            if points.is_empty() {
                return None;
            }
            let single = points.len() == 1;
            let cards = Family::ALL
                .into_iter()
                .enumerate()
                .map(|(f, family)| {
                    let series: Vec<_> = points
                        .iter()
                        .map(|(date, families)| (*date, families[f].band, families[f].strain))
                        .collect();
                    let scored: Vec<f64> = series
                        .iter()
                        .filter(|(_, band, _)| *band != Band::NotEnoughAnswers)
                        .map(|(_, _, strain)| *strain)
                        .collect();
                    let moved = match (scored.first(), scored.last()) {
                        (Some(first), Some(last)) if scored.len() > 1 => Some(moved_key(*first, *last)),
                        _ => None,
                    };
                    let bars = series
                        .into_iter()
                        .rev()
                        .take(SHOWN_DATES)
                        .rev()
                        .map(|(date, band, strain)| {
                            let percent = if band == Band::NotEnoughAnswers { 0 } else { (strain.clamp(0.0, 1.0) * 100.0) as u32 };
                            let label = move || {
                                locale.f(
                                    "history.trend.row",
                                    &[("date", &long_date(date, &locale.current().code)), ("band", &locale.t(band_key(band)))],
                                )
                            };
                            view! {
                                <li class="trend__bar">
                                    <span class="trend__label">{label}</span>
                                    <meter class="chart__weighs" min="0" max="100" value=percent aria-label=label></meter>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <li class="trend__family" data-testid=format!("trend-{}", family.id())>
                            <h3>{local(content.factors.name(family))}</h3>
                            <ol class="trend__bars">{bars}</ol>
                            {moved.map(|key| view! { <p class="trend__moved" data-testid="trend-moved">{tr(key)}</p> })}
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="trend" data-testid=format!("trend-{}", questionnaire.id)>
                    <h2>{tr("history.trend.title")} " · " {tr(questionnaire_key(questionnaire.audience))}</h2>
                    <p class="chart__legend">{tr(if single { "history.trend.one" } else { "history.trend.legend" })}</p>
                    <ul class="trend__families">{cards}</ul>
                </section>
            })
        })
        .collect_view()
}
