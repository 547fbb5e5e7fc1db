//! What the site publishes, as a coordinator checks it: the index every
//! app reads (`annuaire/index.json`), each HSDS file it was made from read
//! again with every problem at its place, and whether the index still says
//! what the files say. And preparing that index from the files, with no
//! command line: choose them, and download `index.json` once they all read
//! whole.

use crate::shared::browser::spawn as spawn_local;
use leptos::prelude::*;

use crate::shared::directory::use_services;
use crate::shared::file::{download, read_text};
use crate::shared::locale::{tr, use_locale};
use crate::shared::problems::ProblemList;
use crate::shared::published::{get, Fetched};
use amarre_core::directory::published::{self, Published, FOLDER, INDEX, INDEX_FILE};
use amarre_core::directory::{self, Directory};
use amarre_core::service_type::ServiceTypes;
use amarre_core::{DataError, DataErrorKind};

/// The published files, read again.
#[derive(Clone)]
enum Sources {
    /// The index does not say which files it was made from.
    IndexProblems(Vec<DataError>),
    /// Each file and what it gave.
    Read(Published),
}

/// Fetches the index's sources and reads each with the HSDS reader;
/// `None` when the site publishes no index.
async fn read_sources(types: &'static ServiceTypes) -> Option<Sources> {
    let Fetched::Bytes(bytes) = get(INDEX).await else {
        return None;
    };
    let names = match amarre_core::encoding::text_of(INDEX_FILE, &bytes)
        .map_err(|e| vec![e])
        .and_then(|text| published::sources(&text))
    {
        Ok(names) => names,
        Err(problems) => return Some(Sources::IndexProblems(problems)),
    };
    let mut files = Vec::new();
    for name in names {
        let read = match get(&format!("{FOLDER}{name}")).await {
            Fetched::Bytes(bytes) => read_file(&name, &bytes, types),
            Fetched::Missing => Err(vec![DataError::new(&name, "", DataErrorKind::MissingFile)]),
            Fetched::Failed => Err(vec![DataError::new(&name, "", DataErrorKind::Unreachable)]),
        };
        files.push((name, read));
    }
    Some(Sources::Read(published::combine(files)))
}

/// An HSDS file's directory, or its problems.
fn read_file(name: &str, bytes: &[u8], types: &ServiceTypes) -> Result<Directory, Vec<DataError>> {
    directory::check_size(name, bytes.len() as u64).map_err(|e| vec![e])?;
    let text = amarre_core::encoding::text_of(name, bytes).map_err(|e| vec![e])?;
    directory::parse(name, &text, types)
}

/// Whether two directories hold the same services, in the same order.
fn same_services(a: &Directory, b: &Directory) -> bool {
    a.services.len() == b.services.len() && a.services.iter().zip(&b.services).all(|(x, y)| x == y)
}

/// Each file and what it gave.
#[component]
fn FileList(published: Published) -> impl IntoView {
    let locale = use_locale();
    published
        .files
        .into_iter()
        .map(|file| match file.outcome {
            Ok(n) => view! {
                <li data-testid="published-file">
                    <bdi>{file.name.clone()}</bdi>" : "
                    {locale.f("coordinator.published_ok", &[("n", &n.to_string())])}
                </li>
            }
            .into_any(),
            Err(problems) => view! {
                <li data-testid="published-file-problems">
                    <bdi>{file.name.clone()}</bdi>" : "
                    {locale.f("coordinator.published_refused", &[("n", &problems.len().to_string())])}
                    <ProblemList errors=problems/>
                </li>
            }
            .into_any(),
        })
        .collect_view()
}

/// What the site publishes: the index, and each file it was made from.
#[component]
pub fn PublishedReport() -> impl IntoView {
    let locale = use_locale();
    let services = use_services();
    let sources = RwSignal::new(None::<Sources>);
    if let Some(orientation) = services.orientation {
        spawn_local(async move {
            sources.set(read_sources(&orientation.types).await);
        });
    }
    let index = move || match (services.published_read.get(), services.published.get()) {
        (false, _) => view! { <p role="status">{tr("coordinator.published_reading")}</p> }.into_any(),
        (true, None) => view! { <p data-testid="published-none">{tr("coordinator.published_none")}</p> }.into_any(),
        (true, Some(Ok(directory))) if directory.services.is_empty() => {
            view! { <p data-testid="published-none">{tr("coordinator.published_empty")}</p> }.into_any()
        }
        (true, Some(Ok(directory))) => view! {
            <p data-testid="published-index">
                {locale.f("coordinator.index_ok", &[("n", &directory.services.len().to_string())])}
            </p>
        }
        .into_any(),
        (true, Some(Err(problems))) => view! {
            <div class="notice notice--warning" role="alert" data-testid="published-index-problems">
                <p>{tr("coordinator.index_refused")}</p>
                <ProblemList errors=problems/>
            </div>
        }
        .into_any(),
    };
    let files = move || {
        sources.get().map(|found| match found {
            Sources::IndexProblems(problems) => view! {
                <div class="notice notice--warning" role="alert" data-testid="published-sources-problems">
                    <p>{tr("coordinator.sources_refused")}</p>
                    <ProblemList errors=problems/>
                </div>
            }
            .into_any(),
            Sources::Read(read) if read.files.is_empty() => ().into_any(),
            Sources::Read(read) => {
                let in_index = services.published.with(|p| match p {
                    Some(Ok(index)) => Some(same_services(index, &read.directory)),
                    _ => None,
                });
                let stale = (!read.has_problems() && in_index == Some(false)).then(|| {
                    view! {
                        <p class="notice notice--warning" role="alert" data-testid="published-stale">
                            {tr("coordinator.index_stale")}
                        </p>
                    }
                });
                view! {
                    <h3>{tr("coordinator.sources_title")}</h3>
                    <ul class="published" data-testid="published-files"><FileList published=read/></ul>
                    {stale}
                }
                .into_any()
            }
        })
    };
    view! {
        <section class="coordinator card" data-testid="published">
            <h2>{tr("coordinator.published_title")}</h2>
            <p>{tr("coordinator.published_intro")}</p>
            {index}
            {files}
        </section>
    }
}

/// Preparing the index: choose the files, see each one's problems, and
/// download `index.json` once they all read whole.
#[component]
pub fn PrepareIndex() -> impl IntoView {
    let services = use_services();
    let read = RwSignal::new(None::<Published>);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else {
            return;
        };
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|n| list.get(n)).collect();
        input.set_value("");
        let Some(orientation) = services.orientation else {
            return;
        };
        spawn_local(async move {
            let mut files = Vec::new();
            for file in chosen {
                let name = file.name();
                let outcome = match directory::check_size(&name, file.size() as u64) {
                    Err(error) => Err(vec![error]),
                    Ok(()) => match read_text(&file).await {
                        None => Err(vec![DataError::new(&name, "", DataErrorKind::Unreachable)]),
                        Some(text) => text
                            .map_err(|e| vec![e])
                            .and_then(|text| directory::parse(&name, &text, &orientation.types)),
                    },
                };
                files.push((name, outcome));
            }
            read.set(Some(published::combine(files)));
        });
    };
    let result = move || {
        read.get().map(|found| {
            let index = published::index_text(&found);
            let files = found.files.clone();
            view! {
                <ul class="published" data-testid="prepared-files"><FileList published=found/></ul>
                {match index {
                    Some(text) => view! {
                        <button type="button" class="button" data-testid="download-index" on:click=move |_| {
                            let _ = download("index.json", "application/json", &text);
                        }>
                            {tr("coordinator.download_index")}
                        </button>
                        <p class="form__hint">{tr("coordinator.download_hint")}</p>
                    }
                    .into_any(),
                    None if files.is_empty() => ().into_any(),
                    None => view! {
                        <p class="notice notice--warning" role="alert">{tr("coordinator.fix_first")}</p>
                    }
                    .into_any(),
                }}
            }
        })
    };
    view! {
        <section class="coordinator card" data-testid="prepare">
            <h2>{tr("coordinator.prepare_title")}</h2>
            <p>{tr("coordinator.prepare_intro")}</p>
            <label for="prepare-files" class="import__label">{tr("coordinator.prepare_choose")}</label>
            <input id="prepare-files" type="file" multiple accept=".json,application/json" data-testid="prepare-files" on:change=on_change/>
            {result}
        </section>
    }
}
