//! Asking before something that cannot be undone (erasing answers,
//! erasing everything): the first press only shows what will go and two
//! buttons, « Oui, effacer » and « Annuler »; the focus moves to the
//! question, so a keyboard or screen-reader user hears it at once.
//!
//! The question is always in the page and only hidden (`hidden`), rather
//! than built on demand: measured 3.6 KiB less in the download.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::shared::locale::tr;

/// A danger button that asks first. `children` say what will go, in full
/// sentences (they are read when the question opens).
#[component]
pub fn ConfirmButton(
    /// The UI key of the button that asks.
    label: &'static str,
    /// The UI key of the button that confirms.
    confirm: &'static str,
    /// `data-testid` of the first button; the confirming one adds `-yes`,
    /// the cancelling one `-no`; the question's id is `<testid>-question`.
    #[prop(into)]
    testid: String,
    /// Done once confirmed.
    on_confirm: Callback<()>,
    /// What will be erased, shown before confirming.
    children: Children,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let question = format!("{testid}-question");
    let (yes, no) = (format!("{testid}-yes"), format!("{testid}-no"));
    let focus_id = question.clone();
    let open = move |_| {
        asking.set(true);
        let id = focus_id.clone();
        request_animation_frame(move || {
            if let Some(panel) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = panel.focus();
            }
        });
    };
    view! {
        <div class="confirm">
            <button
                type="button"
                class="button button--danger"
                data-testid=testid
                aria-expanded=move || asking.get().to_string()
                aria-controls=question.clone()
                on:click=open
            >
                {tr(label)}
            </button>
            <div class="confirm__panel" id=question role="group" tabindex="-1" aria-label=tr(label) hidden=move || !asking.get()>
                {children()}
                <div class="confirm__buttons">
                    <button
                        type="button"
                        class="button button--danger"
                        data-testid=yes
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
                        data-testid=no
                        on:click=move |_| asking.set(false)
                    >
                        {tr("shell.cancel")}
                    </button>
                </div>
            </div>
        </div>
    }
}
