//! The results of a questionnaire: the safety net first when an urgent
//! answer calls for it, "this is not a diagnosis", the engagement situation
//! said without labels that hurt, a chart of the four families, then per
//! family what holds (first) and what weighs, each with the answers behind
//! it; who to talk to; print, export, keep, erase. Each paragraph has a
//! button reading it aloud.

use leptos::prelude::*;

use crate::questionnaires::answers_file::export;
use crate::questionnaires::family_chart::{band_key, FamilyChart};
use crate::questionnaires::keep::Keep;
use crate::shared::address;
use crate::shared::confirm::ConfirmButton;
use crate::shared::directory::use_services;
use crate::shared::flow::Flow;
use crate::shared::link::Link;
use crate::shared::locale::for_audience;
use crate::shared::locale::{local, tr, use_locale, Locale};
use crate::shared::read_aloud::ReadAloud;
use crate::shared::safety_net::SafetyNet;
use crate::shared::suggestions::{ForEveryone, Suggestions};
use amarre_core::helpline::Country;
use amarre_core::orientation::Profile;
use amarre_core::questionnaire::{Questionnaire, Role};
use amarre_core::scoring::{score, Band, Driver, Engagement, FamilyReading, Results as ScoreResults, Situation};

/// How many answers each list shows at most, heaviest first.
const SHOWN_DRIVERS: usize = 3;

/// "Because you answered « Often » to « … »", in the reading language.
fn because(locale: Locale, questionnaire: &Questionnaire, driver: Driver) -> String {
    let item = &questionnaire.items[driver.item];
    locale.f(
        for_audience(questionnaire.audience, "r.because.student", "r.because.family"),
        &[
            ("answer", &locale.easy_text(&item.options[driver.option].label)),
            ("question", &locale.easy_text(&item.question)),
        ],
    )
}

/// The results page of `flow`.
#[component]
pub fn Results(
    /// The questionnaire and its answers.
    flow: Flow,
) -> impl IntoView {
    let questionnaire = flow.questionnaire;
    let audience = questionnaire.audience;
    let results = Memo::new(move |_| flow.answers.with(|a| score(questionnaire, a)));
    let urgent = move || {
        let mut kinds: Vec<_> = results.with(|r| r.urgent.iter().map(|(kind, _)| *kind).collect());
        amarre_core::order::sort_by(&mut kinds, Ord::cmp);
        kinds.dedup();
        (!kinds.is_empty()).then(|| view! { <SafetyNet kinds=kinds audience=audience/> })
    };
    view! {
        <section class="results" data-testid="results">
            {urgent}
            <h1 tabindex="-1">{tr(for_audience(audience, "r.title.student", "r.title.family"))}</h1>
            <div class="results__note">
                <p class="notice">{tr(for_audience(audience, "r.not_diagnosis.student", "r.not_diagnosis.family"))}</p>
                <ReadAloud/>
            </div>
            {move || results.with(|r| r.engagement.clone().map(|e| (e, r.country))).map(|(e, country)| view! {
                <EngagementSummary engagement=e questionnaire=questionnaire country=country/>
            })}
            <h2>{tr("r.families.title")}</h2>
            {move || view! { <FamilyChart readings=results.with(|r| r.families.clone())/> }}
            <div class="results__families">
                {move || results.with(|r| r.families.clone()).into_iter().map(|reading| view! {
                    <FamilySummary reading=reading questionnaire=questionnaire/>
                }).collect_view()}
            </div>
            <WhoToTalkTo flow=flow results=results/>
            <ResultsActions flow=flow/>
        </section>
    }
}

/// Where the person stands with school, said gently, with its reasons.
#[component]
fn EngagementSummary(
    engagement: Engagement,
    questionnaire: &'static Questionnaire,
    country: Option<Country>,
) -> impl IntoView {
    let locale = use_locale();
    let audience = questionnaire.audience;
    let (id, student, family) = match engagement.situation {
        Situation::NoSignal => (
            "no_signal",
            "r.situation.no_signal.student",
            "r.situation.no_signal.family",
        ),
        Situation::AtRisk => ("at_risk", "r.situation.at_risk.student", "r.situation.at_risk.family"),
        Situation::Absenteeism => ("absenteeism", "r.situation.absent.student", "r.situation.absent.family"),
        Situation::RecentDropout => (
            "recent_dropout",
            "r.situation.recent.student",
            "r.situation.recent.family",
        ),
        Situation::LongTermDropout => (
            "long_term_dropout",
            "r.situation.long_term.student",
            "r.situation.long_term.family",
        ),
        Situation::Neet => ("neet", "r.situation.neet.student", "r.situation.neet.family"),
    };
    let about_absences = engagement
        .reasons
        .iter()
        .any(|d| questionnaire.items[d.item].role == Some(Role::Absences));
    // Each country's rule in its own words; none when the country is not known.
    let rule = match country {
        Some(Country::Belgium) => Some("r.absence_limit.be"),
        Some(Country::France) => Some("r.absence_limit.fr"),
        None => None,
    };
    let limit = engagement.absence_limit.unwrap_or_default().to_string();
    let reasons = engagement
        .reasons
        .iter()
        .map(|&driver| view! { <li>{move || because(locale, questionnaire, driver)}</li> })
        .collect_view();
    view! {
        <section class="engagement" data-testid="engagement" data-situation=id>
            <h2>{tr(for_audience(audience, "r.engagement.student", "r.engagement.family"))}</h2>
            <ReadAloud/>
            <p>{tr(for_audience(audience, student, family))}</p>
            <ul class="reasons">{reasons}</ul>
            {rule.filter(|_| about_absences).map(|key| view! {
                <p class="engagement__law" data-testid="absence-rule">{move || locale.f(key, &[("limit", &limit)])}</p>
            })}
        </section>
    }
}

/// One family: its band in words, what holds, then what weighs and why.
#[component]
fn FamilySummary(reading: FamilyReading, questionnaire: &'static Questionnaire) -> impl IntoView {
    let locale = use_locale();
    let audience = questionnaire.audience;
    let name = locale.content().factors.name(reading.family);
    let (band_id, summary) = match reading.band {
        Band::Fine => (
            "fine",
            for_audience(audience, "r.summary.fine.student", "r.summary.fine.family"),
        ),
        Band::Watch => (
            "watch",
            for_audience(audience, "r.summary.watch.student", "r.summary.watch.family"),
        ),
        Band::TalkAboutIt => (
            "talk",
            for_audience(audience, "r.summary.talk.student", "r.summary.talk.family"),
        ),
        Band::NotEnoughAnswers => (
            "not_enough",
            for_audience(audience, "r.summary.not_enough.student", "r.summary.not_enough.family"),
        ),
    };
    let list = |drivers: &[Driver], class: &'static str| {
        drivers
            .iter()
            .take(SHOWN_DRIVERS)
            .map(|&driver| view! { <li class=class>{move || because(locale, questionnaire, driver)}</li> })
            .collect_view()
    };
    let holds = (!reading.resources.is_empty()).then(|| {
        let items = list(&reading.resources, "reasons__holds");
        view! {
            <h3>{tr(for_audience(audience, "r.holds.student", "r.holds.family"))}</h3>
            <ul class="reasons">{items}</ul>
        }
    });
    let weighs = (!reading.strains.is_empty() && reading.band != Band::NotEnoughAnswers).then(|| {
        let items = list(&reading.strains, "reasons__weighs");
        view! {
            <h3>{tr(for_audience(audience, "r.weighs.student", "r.weighs.family"))}</h3>
            <ul class="reasons">{items}</ul>
        }
    });
    view! {
        <section class="family-result" data-testid=format!("family-{}", reading.family.id()) data-band=band_id>
            <h2 class="family-result__title">
                {local(name)}
                " "
                <span class=format!("badge badge--{band_id}")>{tr(band_key(reading.band))}</span>
            </h2>
            <ReadAloud/>
            <p>{tr(summary)}</p>
            {holds}
            {weighs}
        </section>
    }
}

/// Who to talk to: services chosen from the answers, each with its
/// reason, local ones first once the person says where they are.
#[component]
fn WhoToTalkTo(flow: Flow, results: Memo<ScoreResults>) -> impl IntoView {
    let locale = use_locale();
    let services = use_services();
    let questionnaire = flow.questionnaire;
    let audience = questionnaire.audience;
    let profile = move || {
        flow.answers
            .with(|a| results.with(|r| Profile::new(questionnaire, a, r)))
    };
    view! {
        <section class="who-to-talk-to" data-testid="who-to-talk-to">
            <h2>{tr(for_audience(audience, "r.talk_to.student", "r.talk_to.family"))}</h2>
            <ReadAloud/>
            <p>{tr(for_audience(audience, "r.suggestions.student", "r.suggestions.family"))}</p>
            <p class="place__now" data-testid="place-now">
                {move || match services.place.get() {
                    Some(place) => locale.f("place.now", &[("place", &place.shown())]),
                    None => locale.t("place.none"),
                }}
                " "
                <Link href=address::SERVICES testid="choose-place">{tr("place.choose")}</Link>
            </p>
            {move || view! { <Suggestions profile=profile() audience=audience questionnaire=questionnaire/> }}
            {move || {
                let p = profile();
                view! { <ForEveryone country=p.country in_school=p.in_school audience=audience/> }
            }}
        </section>
    }
}

/// Print, export, change the answers, keep them, erase them.
#[component]
fn ResultsActions(flow: Flow) -> impl IntoView {
    let locale = use_locale();
    let audience = flow.questionnaire.audience;
    let failed = RwSignal::new(false);
    view! {
        <section class="results__actions" aria-labelledby="actions-title">
            <h2 id="actions-title">{tr("r.actions.title")}</h2>
            <div class="results__buttons">
                <button type="button" class="button" data-testid="print" on:click=move |_| { let _ = window().print(); }>
                    {tr("r.actions.print")}
                </button>
                <button type="button" class="button" data-testid="export" on:click=move |_| failed.set(export(&flow).is_err())>
                    {tr("r.actions.export")}
                </button>
                <button type="button" class="button button--quiet" data-testid="change" on:click=move |_| flow.start()>
                    {tr("r.actions.change")}
                </button>
            </div>
            {move || failed.get().then(|| view! { <p class="notice notice--warning" role="alert">{locale.t("r.actions.export_failed")}</p> })}
            <Keep flow=flow/>
            <ConfirmButton
                label="r.actions.erase"
                confirm="r.actions.erase_yes"
                testid="erase-answers"
                on_confirm=Callback::new(move |_| flow.erase())
            >
                <p>{tr(for_audience(audience, "r.erase.what.student", "r.erase.what.family"))}</p>
            </ConfirmButton>
        </section>
    }
}
