//! `/eleve` and `/famille`: a questionnaire from intro to results, one
//! question at a time (measured on a 360 px phone: a question and its six
//! choices fit on one screen, a section of five would not), with progress,
//! back and forward.

use leptos::prelude::*;

use crate::questionnaires::pages::results::Results;
use crate::shared::address;
use crate::shared::asking::{focus_question_on_step, Asking};
use crate::shared::consent::Consent;
use crate::shared::flow::{Flow, FlowNotice, Step};
use crate::shared::link::Link;
use crate::shared::locale::{easy, for_audience, tr, use_locale};
use crate::shared::page_title::PageTitle;
use amarre_core::questionnaire::Questionnaire;

/// The page for one questionnaire.
#[component]
pub fn QuestionnairePage(
    /// Which questionnaire.
    questionnaire: &'static Questionnaire,
) -> impl IntoView {
    let flow = Flow::restore(questionnaire);
    let title = for_audience(questionnaire.audience, "q.page_title.student", "q.page_title.family");
    focus_question_on_step(flow);
    view! {
        <PageTitle key=title/>
        <div class="questionnaire" data-testid=format!("questionnaire-{}", questionnaire.id)>
            <StorageNotice flow=flow/>
            {move || match flow.step.get() {
                Step::Intro => view! { <Intro flow=flow/> }.into_any(),
                Step::Question(item) => view! { <Asking flow=flow item=item/> }.into_any(),
                Step::Results => view! { <Results flow=flow/> }.into_any(),
            }}
        </div>
    }
}

/// What went wrong with keeping the answers in the tab, on every step.
#[component]
fn StorageNotice(flow: Flow) -> impl IntoView {
    let locale = use_locale();
    move || {
        flow.notice.get().map(|notice| {
            let said = match notice {
                FlowNotice::SetAside(problem) => format!("{} ({problem})", locale.t("q.set_aside")),
                FlowNotice::NotSaved => locale.t("q.not_saved"),
            };
            view! { <p class="notice notice--warning" role="alert" data-testid="notice">{said}</p> }
        })
    }
}

/// What the questionnaire is, before starting: how long, not a test, not a
/// diagnosis, nothing leaves the device.
#[component]
fn Intro(flow: Flow) -> impl IntoView {
    let locale = use_locale();
    let questionnaire = flow.questionnaire;
    let started = move || flow.answers.with(|a| !a.given.is_empty());
    let minutes = questionnaire.minutes.to_string();
    view! {
        <section class="intro">
            <h1 tabindex="-1">{easy(&questionnaire.title)}</h1>
            <p class="intro__text">{easy(&questionnaire.intro)}</p>
            <ul class="intro__facts">
                <li>{move || locale.f("q.minutes", &[("minutes", &minutes)])}</li>
                <li>{tr(for_audience(questionnaire.audience, "q.one_at_a_time", "q.one_at_a_time.family"))}</li>
            </ul>
            <Consent audience=questionnaire.audience/>
            <div class="intro__actions">
                <button type="button" class="button" data-testid="start" on:click=move |_| flow.start()>
                    {move || locale.t(if started() { "q.resume" } else { "q.start" })}
                </button>
                {move || started().then(|| view! {
                    <button type="button" class="button button--quiet" data-testid="restart" on:click=move |_| { flow.erase(); flow.start(); }>
                        {locale.t("q.restart")}
                    </button>
                })}
            </div>
            <p class="intro__import"><Link href=address::HISTORY>{tr("q.import.where")}</Link></p>
        </section>
    }
}
