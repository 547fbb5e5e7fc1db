//! The lock, as the person sees it: setting a passphrase (what forgetting
//! it means is said before, in plain words), opening a locked history,
//! closing it again, removing the lock. The work is
//! [`crate::shared::lock`]'s and [`crate::shared::history_store`]'s.

use leptos::prelude::*;

use amarre_core::history::Entry;

use crate::history::page::PageState;
use crate::shared::history_store;
use crate::shared::locale::{tr, use_locale};
use crate::shared::lock;

/// The fewest characters a passphrase may have.
const SHORTEST: usize = 8;

/// Setting the lock (when there is none), or closing and removing it
/// (when this page opened it).
#[component]
pub fn LockPanel(
    /// The page, to act and read again.
    page: PageState,
    /// The results that can be read, to seal or to write open again.
    entries: Vec<Entry>,
    /// Whether a lock is set and this page opened it.
    opened: bool,
) -> impl IntoView {
    if opened {
        let close = move |_| {
            lock::remember(None);
            page.said.set(None);
            page.refresh();
        };
        let remove = move |_| {
            let entries = entries.clone();
            page.run(
                "history.locked.removed",
                async move { history_store::remove_lock(&entries) },
            );
        };
        return view! {
            <section class="history__lock" aria-labelledby="lock-title">
                <h2 id="lock-title">{tr("history.locked.title")}</h2>
                <div class="results__buttons">
                    <button type="button" class="button" data-testid="lock-close" on:click=close>{tr("history.locked.close")}</button>
                    <button type="button" class="button button--quiet" data-testid="lock-remove" disabled=move || page.busy.get() on:click=remove>
                        {tr("history.locked.remove")}
                    </button>
                </div>
            </section>
        }
        .into_any();
    }
    let first = NodeRef::<leptos::html::Input>::new();
    let again = NodeRef::<leptos::html::Input>::new();
    let set = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(first), Some(again)) = (first.get_untracked(), again.get_untracked()) else {
            return;
        };
        let passphrase = first.value();
        if passphrase.chars().count() < SHORTEST {
            page.said.set(Some("history.lock.short"));
            return;
        }
        if passphrase != again.value() {
            page.said.set(Some("history.lock.different"));
            return;
        }
        first.set_value("");
        again.set_value("");
        let entries = entries.clone();
        page.run("history.lock.done", async move {
            history_store::set_lock(&passphrase, &entries).await
        });
        page.said.set(Some("history.lock.working"));
    };
    view! {
        <section class="history__lock" aria-labelledby="lock-title">
            <h2 id="lock-title">{tr("history.lock.title")}</h2>
            <p>{tr("history.lock.intro")}</p>
            <p class="notice notice--warning"><strong>{tr("history.lock.warning")}</strong></p>
            <form class="history__form" on:submit=set>
                <label for="lock-first">{tr("history.lock.passphrase")}</label>
                <input id="lock-first" type="password" autocomplete="new-password" data-testid="lock-passphrase" node_ref=first/>
                <label for="lock-again">{tr("history.lock.again")}</label>
                <input id="lock-again" type="password" autocomplete="new-password" data-testid="lock-again" node_ref=again/>
                <button type="submit" class="button" data-testid="lock-set" disabled=move || page.busy.get()>{tr("history.lock.do")}</button>
            </form>
        </section>
    }
    .into_any()
}

/// A locked history: the passphrase opens it; a forgotten one leaves only
/// « tout effacer », further down the page.
#[component]
pub fn LockedForm(
    /// The page, to act and read again.
    page: PageState,
    /// How many results are locked.
    count: usize,
) -> impl IntoView {
    let locale = use_locale();
    let field = NodeRef::<leptos::html::Input>::new();
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(input) = field.get_untracked() else { return };
        let passphrase = input.value();
        input.set_value("");
        // A result handed over by the results page is kept once opened.
        let pending = page.pending.get_untracked();
        let done = if pending.is_some() {
            "history.pending.kept"
        } else {
            "history.opened"
        };
        page.run(done, async move {
            history_store::open_lock(&passphrase).await?;
            if let Some(entry) = pending {
                history_store::keep(&entry).await?;
                page.pending.set(None);
            }
            Ok(())
        });
    };
    view! {
        <section class="history__lock" data-testid="history-locked" aria-labelledby="locked-title">
            <h2 id="locked-title">{tr("history.locked.title")}</h2>
            <p>{move || locale.f("history.locked.count", &[("n", &count.to_string())])}</p>
            <form class="history__form" on:submit=open>
                <label for="locked-passphrase">{tr("history.locked.intro")}</label>
                <input id="locked-passphrase" type="password" autocomplete="current-password" data-testid="unlock-passphrase" node_ref=field/>
                <button type="submit" class="button" data-testid="unlock" disabled=move || page.busy.get()>{tr("history.locked.open")}</button>
            </form>
            <details class="history__forgot">
                <summary>{tr("history.locked.forgot")}</summary>
                <p>{tr("history.locked.forgot_text")}</p>
            </details>
        </section>
    }
}
