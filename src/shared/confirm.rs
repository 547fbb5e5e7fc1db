//! Asking before something that cannot be undone (erasing answers,
//! erasing everything): the first press only shows what will go and two
//! buttons, « Oui, effacer » and « Annuler »; the focus moves to the
//! question, so a keyboard or screen-reader user hears it at once.

use leptos::html;
use leptos::prelude::*;

use crate::shared::locale::tr;

/// A danger button that asks first. `what` says what will go, in full
/// sentences (it is read when the question opens).
#[component]
pub fn ConfirmButton(
    /// The UI key of the button that asks.
    label: &'static str,
    /// The UI key of the button that confirms.
    confirm: &'static str,
    /// `data-testid` of the first button; the confirming one adds `-yes`,
    /// the cancelling one `-no`.
    testid: &'static str,
    /// What will be erased, shown before confirming.
    what: ViewFn,
    /// Done once confirmed.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let question = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if asking.get() {
            if let Some(panel) = question.get() {
                let _ = panel.focus();
            }
        }
    });
    view! {
        <div class="confirm">
            <button
                type="button"
                class="button button--danger"
                data-testid=testid
                aria-expanded=move || asking.get().to_string()
                on:click=move |_| asking.set(true)
            >
                {tr(label)}
            </button>
            <Show when=move || asking.get()>
                <div class="confirm__panel" role="group" tabindex="-1" node_ref=question aria-label=tr(label)>
                    {what.run()}
                    <div class="confirm__buttons">
                        <button
                            type="button"
                            class="button button--danger"
                            data-testid=format!("{testid}-yes")
                            on:click=move |_| {
                                asking.set(false);
                                on_confirm.run(());
                            }
                        >
                            {tr(confirm)}
                        </button>
                        <button
                            type="button"
                            class="button button--quiet"
                            data-testid=format!("{testid}-no")
                            on:click=move |_| asking.set(false)
                        >
                            {tr("shell.cancel")}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
