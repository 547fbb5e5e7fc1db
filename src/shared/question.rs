//! One question: a fieldset whose legend is the question, one labelled
//! radio per option plus "je préfère ne pas répondre", keyboard-operable as
//! native radios are, with a button reading it aloud. An urgent answer
//! shows the safety net right away.

use leptos::prelude::*;

use crate::shared::flow::Flow;
use crate::shared::locale::{easy, tr};
use crate::shared::read_aloud::ReadAloud;
use crate::shared::safety_net::SafetyNet;
use amarre_core::answers::Given;

/// The question at position `item` of the flow's questionnaire.
#[component]
pub fn Question(
    /// The questionnaire being answered.
    flow: Flow,
    /// Position of the item.
    item: usize,
) -> impl IntoView {
    let questionnaire = flow.questionnaire;
    let data = &questionnaire.items[item];
    let name = format!("q-{}", data.id);
    let given = move || flow.answers.with(|a| a.get(questionnaire, item));
    let choice = move |given_here: Given, label: Signal<String>, value: String| {
        let name = name.clone();
        view! {
            <label class="choice" class:choice--prefer-not=matches!(given_here, Given::PreferNot)>
                <input
                    class="choice__input"
                    type="radio"
                    name=name
                    value=value
                    prop:checked=move || given() == Some(given_here)
                    on:change=move |_| flow.give(item, given_here)
                />
                <span class="choice__label">{label}</span>
            </label>
        }
    };
    let options = data
        .options
        .iter()
        .enumerate()
        .map(|(position, option)| {
            choice(
                Given::Option(position),
                Signal::derive(easy(&option.label)),
                option.id.clone(),
            )
        })
        .collect_view();
    let prefer_not = choice(
        Given::PreferNot,
        Signal::derive(tr("q.prefer_not")),
        "prefer-not".to_string(),
    );
    let urgent = move || {
        let (kind, options) = data.urgent.as_ref()?;
        matches!(given(), Some(Given::Option(o)) if options.contains(&o))
            .then(|| view! { <SafetyNet kinds=vec![*kind] audience=questionnaire.audience/> })
    };
    view! {
        <fieldset class="question" data-testid="question" data-item=data.id.clone()>
            <legend class="question__text">{easy(&data.question)}</legend>
            <ReadAloud/>
            <div class="question__choices">{options}{prefer_not}</div>
        </fieldset>
        {urgent}
    }
}
