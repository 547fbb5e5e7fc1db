//! A student answering the class climate survey: the same questions and
//! controls as the other questionnaires, but the answers live in memory
//! only ([`Flow::ephemeral`]) and are handed over once, when the student
//! finishes, then dropped with this component.

use leptos::prelude::*;

use crate::class::use_survey;
use crate::shared::asking::{focus_question_on_step, Asking};
use crate::shared::flow::{Flow, Step};
use crate::shared::locale::{easy, tr, use_locale};
use amarre_core::answers::{Answers, Given};
use amarre_core::questionnaire::{Audience, Questionnaire};

use crate::shared::consent::Consent;

/// The answers as a code and a tally take them: per item, the option's
/// position, or `None` for "prefer not to answer" and for a skipped item.
pub fn answer_values(answers: &Answers, questionnaire: &Questionnaire) -> Vec<Option<u8>> {
    (0..questionnaire.items.len())
        .map(|item| match answers.get(questionnaire, item) {
            Some(Given::Option(position)) => u8::try_from(position).ok(),
            _ => None,
        })
        .collect()
}

/// One student's pass through the survey, from its intro to "finish".
#[component]
pub fn ClassAnswering(
    /// Receives the answers when the student finishes.
    on_done: Callback<Vec<Option<u8>>>,
) -> impl IntoView {
    let locale = use_locale();
    let questionnaire = use_survey().questionnaire;
    let flow = Flow::ephemeral(questionnaire);
    focus_question_on_step(flow);
    Effect::new(move |_| {
        if flow.step.get() == Step::Results {
            let values = flow.answers.with_untracked(|a| answer_values(a, questionnaire));
            // After this run: handing over replaces this component.
            queue_microtask(move || on_done.run(values));
        }
    });
    let minutes = questionnaire.minutes.to_string();
    view! {
        <div class="questionnaire" data-testid="class-answering">
            {move || match flow.step.get() {
                Step::Intro => view! {
                    <section class="intro">
                        <h1 tabindex="-1">{easy(&questionnaire.title)}</h1>
                        <p class="intro__text">{easy(&questionnaire.intro)}</p>
                        <ul class="intro__facts">
                            <li>{locale.f("q.minutes", &[("minutes", &minutes)])}</li>
                        </ul>
                        <Consent audience=Audience::Class/>
                        <button type="button" class="button" data-testid="start" on:click=move |_| flow.start()>
                            {tr("q.start")}
                        </button>
                    </section>
                }
                .into_any(),
                Step::Question(item) => view! { <Asking flow=flow item=item finish="class.finish"/> }.into_any(),
                Step::Results => view! { <p class="empty">{tr("class.counting")}</p> }.into_any(),
            }}
        </div>
    }
}
