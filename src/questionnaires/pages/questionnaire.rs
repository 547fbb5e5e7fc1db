//! `/eleve` and `/famille`: a questionnaire from intro to results, one
//! question at a time (measured on a 360 px phone: a question and its six
//! choices fit on one screen, a section of five would not), with progress,
//! back and forward, and an easy-read switch.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::questionnaires::answers_file::ImportAnswers;
use crate::questionnaires::flow::{Flow, Step};
use crate::questionnaires::pages::results::Results;
use crate::shared::locale::{easy, for_audience, tr, use_locale};
use crate::shared::page_title::PageTitle;
use crate::shared::question::Question;
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
            <EasyReadSwitch/>
            {move || match flow.step.get() {
                Step::Intro => view! { <Intro flow=flow/> }.into_any(),
                Step::Question(item) => view! { <Asking flow=flow item=item/> }.into_any(),
                Step::Results => view! { <Results flow=flow/> }.into_any(),
            }}
        </div>
    }
}

/// After moving to another question, puts the focus on its chosen option
/// (or its first), so keyboard and screen-reader users land on the question.
pub fn focus_question_on_step(flow: Flow) {
    Effect::new(move |previous: Option<Step>| {
        let step = flow.step.get();
        if previous.is_some_and(|p| p != step) {
            request_animation_frame(move || {
                let document = document();
                let target = match step {
                    Step::Question(_) => document
                        .query_selector(".question input:checked")
                        .ok()
                        .flatten()
                        .or_else(|| document.query_selector(".question input").ok().flatten()),
                    _ => document.query_selector("main h1").ok().flatten(),
                };
                if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = element.focus();
                }
            });
        }
        step
    });
}

/// The easy-read switch, kept for the visit.
#[component]
fn EasyReadSwitch() -> impl IntoView {
    let locale = use_locale();
    view! {
        <button
            type="button"
            class="easy-read-switch"
            data-testid="easy-read"
            aria-pressed=move || locale.easy().to_string()
            on:click=move |_| locale.set_easy(!locale.easy())
        >
            {tr("q.easy_read")}
        </button>
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
            {move || flow.notice.get().map(|problem| view! {
                <p class="notice notice--warning" role="alert" data-testid="notice">
                    {locale.t("q.set_aside")}" ("{problem}")"
                </p>
            })}
            <p class="intro__text">{easy(&questionnaire.intro)}</p>
            <ul class="intro__facts">
                <li>{move || locale.f("q.minutes", &[("minutes", &minutes)])}</li>
                <li>{tr("q.one_at_a_time")}</li>
                <li>{tr("q.skip_any")}</li>
            </ul>
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
            <ImportAnswers flow=flow/>
        </section>
    }
}

/// One question, with the section title, progress, back and next.
#[component]
pub fn Asking(
    /// The questionnaire being answered.
    flow: Flow,
    /// Position of the item.
    item: usize,
    /// The UI key of the button after the last question.
    #[prop(default = "q.see_results")]
    finish: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let questionnaire = flow.questionnaire;
    let section = &questionnaire.sections[questionnaire.items[item].section];
    let position = move || {
        flow.answers.with(|a| {
            let visible = a.visible(questionnaire);
            let at = visible.iter().position(|&i| i == item).map_or(0, |p| p + 1);
            (at, visible.len())
        })
    };
    let answered = move || flow.answers.with(|a| a.get(questionnaire, item).is_some());
    let is_last = move || flow.answers.with(|a| a.next_shown(questionnaire, Some(item)).is_none());
    view! {
        <section class="asking">
            <h1 class="asking__section" tabindex="-1">{easy(&section.title)}</h1>
            <div class="progress">
                <label class="progress__label" for="progress">
                    {move || {
                        let (at, total) = position();
                        locale.f("q.progress", &[("n", &at.to_string()), ("total", &total.to_string())])
                    }}
                </label>
                <progress id="progress" class="progress__bar" max=move || position().1 value=move || position().0></progress>
            </div>
            <Question flow=flow item=item/>
            <div class="asking__nav">
                <button type="button" class="button button--quiet" data-testid="back" on:click=move |_| flow.back()>
                    {tr("q.back")}
                </button>
                <button type="button" class="button" data-testid="next" on:click=move |_| flow.next()>
                    {move || locale.t(match (is_last(), answered()) {
                        (true, _) => finish,
                        (false, true) => "q.next",
                        (false, false) => "q.skip",
                    })}
                </button>
            </div>
        </section>
    }
}
