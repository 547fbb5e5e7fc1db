//! Answering one question at a time, as both the questionnaires and the
//! class survey do: the section title, progress, the question, back and
//! next; and the focus put on the question after each move.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::shared::flow::{Flow, Step};
use crate::shared::locale::{easy, tr, use_locale};
use crate::shared::question::Question;

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
