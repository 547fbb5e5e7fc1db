//! The session's report, shown only once enough answers are in (at least
//! five, or the teacher's higher threshold): per dimension the share of
//! favourable answers, per item the distribution as a stacked bar with its
//! text next to it, "prefer not to answer" apart, ideas for the weakest
//! dimensions, a before/after comparison with another session, CSV export
//! and print. Counts of 1 to 4, and any figure that would give one away,
//! are never shown ([`amarre_core::climate`]).

use leptos::prelude::*;

use crate::class::store::use_store;
use crate::class::use_survey;
use crate::shared::file::download;
use crate::shared::locale::{easy, local, tr, use_locale, Locale};
use amarre_core::class_session::Session;
use amarre_core::climate::{compare, hidden_total, Figure, ItemFigures, Report};
use amarre_core::factors::Family;
use amarre_core::questionnaire::Meaning;
use amarre_core::text::LocalizedText;

/// Width of a bar in SVG units.
const BAR: u32 = 1000;

/// The report of the session `id`, or why it is not shown yet.
#[component]
pub fn SessionReport(
    /// The session's id.
    id: String,
) -> impl IntoView {
    let locale = use_locale();
    let store = use_store();
    let questionnaire = use_survey().questionnaire;
    move || {
        let session = store.get(&id)?;
        let waiting = store.waiting(&id);
        Some(match session.tally.report(questionnaire, session.threshold) {
            Err(too_few) => {
                // Received: in the totals, or waiting to join them.
                let received = too_few.answers as usize + waiting;
                let text = if received >= too_few.needed as usize {
                    locale.t("class.report.hidden_waiting")
                } else {
                    locale.f(
                        "class.report.hidden",
                        &[("n", &received.to_string()), ("needed", &too_few.needed.to_string())],
                    )
                };
                view! {
                    <section class="card" aria-labelledby="report" data-testid="report-hidden">
                        <h2 id="report">{tr("class.report.title")}</h2>
                        <p>{text}</p>
                    </section>
                }
                .into_any()
            }
            Ok(report) => view! { <ReportView session=session report=report/> }.into_any(),
        })
    }
}

/// A dimension's name, from the school sub-factors.
fn dimension_name(id: &str) -> Option<&'static LocalizedText> {
    let content = use_locale().content();
    content.factors.subfactor(Family::School, id).map(|s| &s.name)
}

/// A share as words: "72 %", or "too few answers for a figure".
fn share_text(locale: Locale, share: Option<u32>) -> String {
    match share {
        Some(share) => locale.f("class.report.share", &[("share", &share.to_string())]),
        None => locale.t("class.report.no_share"),
    }
}

/// A figure as words.
fn figure_text(locale: Locale, figure: Figure) -> String {
    match figure {
        Figure::None => "0".to_string(),
        Figure::Count(n) => n.to_string(),
        Figure::FewerThanFive => locale.t("class.report.fewer"),
        Figure::Withheld => locale.t("class.report.withheld"),
    }
}

#[component]
fn ReportView(session: Session, report: Report) -> impl IntoView {
    let locale = use_locale();
    let survey = use_survey();
    let questionnaire = survey.questionnaire;
    let dimensions = report
        .dimensions
        .iter()
        .map(|d| {
            let share = d.favourable;
            let name = dimension_name(&d.id);
            view! {
                <li class="dimension" data-testid="dimension">
                    <span class="dimension__name">{name.map(local)}</span>
                    <svg class="meter" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                        <rect width="100" height="8" class="meter__track"></rect>
                        <rect width=share.unwrap_or(0) height="8" class="meter__fill"></rect>
                    </svg>
                    <span class="dimension__share">{move || share_text(locale, share)}</span>
                </li>
            }
        })
        .collect_view();
    let ideas = report
        .weakest_first()
        .into_iter()
        .take(2)
        .filter_map(|d| {
            let ideas = survey.ideas.iter().find(|i| i.dimension == d.id)?;
            let list = ideas
                .ideas
                .iter()
                .map(|idea| view! { <li>{local(idea)}</li> })
                .collect_view();
            Some(view! {
                <h3>{dimension_name(&d.id).map(local)}</h3>
                <ul class="ideas__list">{list}</ul>
            })
        })
        .collect_view();
    let items = report
        .items
        .iter()
        .map(|figures| view! { <ItemDistribution figures=figures.clone() row=session.tally.counts[figures.item]/> })
        .collect_view();
    let csv = report.to_csv(questionnaire);
    let file = format!("amarre-climat-{}.csv", session.opened);
    view! {
        <section class="report" aria-labelledby="report" data-testid="report">
            <h2 id="report">{tr("class.report.title")}</h2>
            <p>{move || locale.f("class.report.based_on", &[("n", &report.answers.to_string())])}</p>
            <p class="notice">{tr("class.report.privacy")}</p>
            <div class="actions no-print">
                <button
                    type="button"
                    class="button button--quiet"
                    data-testid="export-csv"
                    on:click=move |_| {
                        let _ = download(&file, "text/csv", &csv);
                    }
                >
                    {tr("class.report.csv")}
                </button>
                <button type="button" class="button button--quiet" on:click=move |_| {
                    let _ = window().print();
                }>
                    {tr("class.report.print")}
                </button>
            </div>
            <h3>{tr("class.report.dimensions")}</h3>
            <ul class="dimensions">{dimensions}</ul>
            <section class="ideas" aria-labelledby="ideas">
                <h3 id="ideas">{tr("class.report.ideas")}</h3>
                <p>{tr("class.report.ideas_intro")}</p>
                {ideas}
            </section>
            <Compare session_id=session.id.clone() report=report.clone()/>
            <h3>{tr("class.report.items")}</h3>
            <div class="distributions">{items}</div>
        </section>
    }
}

/// One item: its question, a stacked bar and the same figures in words.
#[component]
fn ItemDistribution(figures: ItemFigures, row: [u32; 6]) -> impl IntoView {
    let locale = use_locale();
    let item = &use_survey().questionnaire.items[figures.item];
    let total: u32 = row.iter().sum::<u32>().max(1);
    let mut x = 0;
    let mut segment = |count: u32, class: &'static str| {
        let width = count * BAR / total;
        let at = x;
        x += width;
        (count > 0).then(|| view! { <rect x=at width=width height="20" class=class></rect> })
    };
    let mut bars = Vec::new();
    for (option, figure) in item.options.iter().zip(&figures.options) {
        if let Figure::Count(n) = figure {
            let class = match option.meaning {
                Meaning::StrongResource => "seg seg--resource-strong",
                Meaning::Resource => "seg seg--resource",
                Meaning::Neutral | Meaning::NotApplicable => "seg seg--neutral",
                Meaning::Strain => "seg seg--strain",
                Meaning::StrongStrain => "seg seg--strain-strong",
            };
            bars.push(segment(*n, class));
        }
    }
    if let Figure::Count(n) = figures.prefer_not {
        bars.push(segment(n, "seg seg--prefer-not"));
    }
    bars.push(segment(hidden_total(&row, &figures), "seg seg--hidden"));
    let words = item
        .options
        .iter()
        .zip(figures.options.clone())
        .map(|(option, figure)| {
            view! { <li>{easy(&option.label)}" : "{move || figure_text(locale, figure)}</li> }
        })
        .collect_view();
    let prefer_not = figures.prefer_not;
    view! {
        <div class="distribution" data-testid="distribution" data-item=item.id.clone()>
            <p class="distribution__question">{easy(&item.question)}</p>
            <svg class="distribution__bar" viewBox=format!("0 0 {BAR} 20") preserveAspectRatio="none" aria-hidden="true">
                {bars}
            </svg>
            <ul class="distribution__figures">
                {words}
                <li class="distribution__prefer-not">
                    {tr("class.report.prefer_not")}" : "{move || figure_text(locale, prefer_not)}
                </li>
            </ul>
        </div>
    }
}

/// Before and after: this session next to another one of the same survey.
#[component]
fn Compare(session_id: String, report: Report) -> impl IntoView {
    let locale = use_locale();
    let store = use_store();
    let questionnaire = use_survey().questionnaire;
    let others: Vec<Session> = store.sessions.with_untracked(|all| {
        all.iter()
            .filter(|s| s.id != session_id && s.tally.report(questionnaire, s.threshold).is_ok())
            .cloned()
            .collect()
    });
    if others.is_empty() {
        return view! {
            <section class="compare" aria-labelledby="compare">
                <h3 id="compare">{tr("class.compare.title")}</h3>
                <p>{tr("class.compare.none")}</p>
            </section>
        }
        .into_any();
    }
    let chosen = RwSignal::new(None::<usize>);
    let options = others
        .iter()
        .enumerate()
        .map(|(i, s)| view! { <option value=i.to_string()>{format!("{} ({})", s.name, s.opened)}</option> })
        .collect_view();
    let table = move || {
        let other = &others[chosen.get()?];
        let before = other.tally.report(questionnaire, other.threshold).ok()?;
        let change = compare(&before, &report);
        let rows = report
            .dimensions
            .iter()
            .map(|after| {
                let was = before
                    .dimensions
                    .iter()
                    .find(|b| b.id == after.id)
                    .and_then(|b| b.favourable);
                let delta = change.iter().find(|(id, _)| *id == after.id).map(|(_, d)| *d);
                view! {
                    <tr>
                        <th scope="row">{dimension_name(&after.id).map(local)}</th>
                        <td>{share_text(locale, was)}</td>
                        <td>{share_text(locale, after.favourable)}</td>
                        <td>{delta.map_or_else(|| "–".to_string(), |d| format!("{d:+}"))}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <table class="compare__table" data-testid="compare-table">
                <thead>
                    <tr>
                        <th scope="col">{locale.t("class.compare.dimension")}</th>
                        <th scope="col">{format!("{} ({})", other.name, other.opened)}</th>
                        <th scope="col">{locale.t("class.compare.this")}</th>
                        <th scope="col">{locale.t("class.compare.change")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        })
    };
    view! {
        <section class="compare" aria-labelledby="compare">
            <h3 id="compare">{tr("class.compare.title")}</h3>
            <label class="form__label" for="compare-with">{tr("class.compare.with")}</label>
            <select
                id="compare-with"
                class="form__input"
                data-testid="compare-with"
                on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())
            >
                <option value="">{tr("class.compare.choose")}</option>
                {options}
            </select>
            {table}
        </section>
    }
    .into_any()
}
