//! The coordinators' page: the directories published with the app
//! ([`crate::coordination::published`]), preparing the index to publish,
//! and trying a file out on this device (nothing is uploaded): see its
//! problems, keep it on this device or go back to the app's directory.

use crate::shared::browser::spawn as spawn_local;
use leptos::prelude::*;

use crate::coordination::published::{PrepareIndex, PublishedReport};
use crate::shared::file::read_text;

use crate::shared::directory::{use_services, Source};
use crate::shared::locale::{tr, use_locale};
use crate::shared::page_title::PageTitle;
use crate::shared::problems::ProblemList;
use amarre_core::directory;
use amarre_core::DataError;

/// The coordinators' page: the published directories, then trying a file.
#[component]
pub fn CoordinatorPage() -> impl IntoView {
    view! {
        <PageTitle key="coordinator.page_title"/>
        <section class="services" data-testid="coordination">
            <h1 tabindex="-1">{tr("coordinator.page_title")}</h1>
            <p>{tr("coordinator.page_intro")}</p>
            <PublishedReport/>
            <PrepareIndex/>
            <Coordinator/>
        </section>
    }
}

/// For coordinators: load a directory file, see its problems, keep it or
/// go back to the built-in one.
#[component]
fn Coordinator() -> impl IntoView {
    let locale = use_locale();
    let services = use_services();
    let problems = RwSignal::new(Vec::<DataError>::new());
    // A file that could not even be read.
    let note = RwSignal::new(None::<String>);
    let loaded = RwSignal::new(None::<usize>);
    // A storage that refused the directory (full, or turned off).
    let storage_refused = RwSignal::new(None::<&'static str>);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        if let Err(error) = directory::check_size(&name, file.size() as u64) {
            loaded.set(None);
            note.set(None);
            problems.set(vec![error]);
            return;
        }
        spawn_local(async move {
            let text = read_text(&file).await;
            let Some(text) = text else {
                problems.set(Vec::new());
                note.set(Some(locale.f("coordinator.unreadable", &[("name", &name)])));
                return;
            };
            note.set(None);
            match text
                .map_err(|error| vec![error])
                .and_then(|text| services.load(&name, &text))
            {
                Ok((count, shared)) => {
                    problems.set(Vec::new());
                    loaded.set(Some(count));
                    storage_refused.set((!shared).then_some("coordinator.not_shared"));
                }
                Err(list) => {
                    loaded.set(None);
                    problems.set(list);
                }
            }
        });
    };
    let source = move || match services.source.get() {
        Source::BuiltIn => locale.t("coordinator.built_in"),
        Source::Published => locale.t("coordinator.published_in_use"),
        Source::Loaded { file, .. } => locale.f("coordinator.in_use", &[("file", &file)]),
    };
    let kept = move || matches!(services.source.get(), Source::Loaded { kept: true, .. });
    view! {
        <section class="coordinator card" data-testid="coordinator">
            <h2>{tr("coordinator.title")}</h2>
            <p>{tr("coordinator.intro")}</p>
            <p data-testid="directory-source">{source}</p>
            {move || {
                let list = services.kept_problems.get();
                (!list.is_empty()).then(|| view! {
                    <div class="notice notice--warning" role="alert">
                        <p>{tr("coordinator.kept_unreadable")}</p>
                        <ProblemList errors=list/>
                    </div>
                })
            }}
            <label for="directory-file" class="import__label">{tr("coordinator.load")}</label>
            <input id="directory-file" type="file" accept=".json,application/json" data-testid="directory-file" on:change=on_change/>
            {move || loaded.get().map(|n| view! {
                <p class="notice" role="status" data-testid="directory-loaded">{locale.f("coordinator.loaded", &[("n", &n.to_string())])}</p>
            })}
            {move || storage_refused.get().map(|key| view! {
                <p class="notice notice--warning" role="alert" data-testid="storage-refused">{tr(key)}</p>
            })}
            {move || note.get().map(|n| view! {
                <p class="notice notice--warning" role="alert" data-testid="directory-note">{n}</p>
            })}
            {move || {
                let list = problems.get();
                (!list.is_empty()).then(|| view! {
                    <div class="notice notice--warning" role="alert" data-testid="directory-problems">
                        <p>{locale.f("coordinator.refused", &[("n", &list.len().to_string())])}</p>
                        <ProblemList errors=list/>
                    </div>
                })
            }}
            {move || matches!(services.source.get(), Source::Loaded { .. }).then(|| view! {
                <label class="choice">
                    <input class="choice__input" type="checkbox" data-testid="keep-directory" prop:checked=kept
                        on:change=move |ev| {
                            let wanted = event_target_checked(&ev);
                            let saved = services.keep(wanted);
                            if !saved {
                                // Nothing changed: the box says so again.
                                event_target::<web_sys::HtmlInputElement>(&ev).set_checked(!wanted);
                            }
                            storage_refused.set((!saved).then_some("coordinator.not_kept"));
                        }/>
                    <span class="choice__label">{tr("coordinator.keep")}</span>
                </label>
                <button type="button" class="button button--quiet" data-testid="reset-directory" on:click=move |_| {
                    services.reset();
                    loaded.set(None);
                    storage_refused.set(None);
                }>
                    {tr("coordinator.reset")}
                </button>
            })}
        </section>
    }
}
