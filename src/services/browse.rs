//! The services of the directory in use, filtered by type, family, age,
//! language and free text as the person types (local ones first), and the
//! kinds of service explained.

use leptos::prelude::*;

use crate::shared::content::Orientation;
use crate::shared::directory::use_services;
use crate::shared::locale::{local, tr, use_locale};
use crate::shared::service_card::{ServiceCard, TypeCard};
use amarre_core::directory::Filter;
use amarre_core::factors::Family;
use amarre_core::text;

/// How many service cards show before "show more".
const PAGE: usize = 30;

/// The services of the directory in use, and the kinds of service.
#[component]
pub fn Browse(orientation: &'static Orientation) -> impl IntoView {
    let locale = use_locale();
    let services = use_services();
    let filter = RwSignal::new(Filter::default());
    let shown = RwSignal::new(PAGE);
    let set = move |change: &dyn Fn(&mut Filter)| {
        filter.update(|f| change(f));
        shown.set(PAGE);
    };
    let matching = Memo::new(move |_| {
        let place = services.place.get();
        filter.with(|f| {
            services
                .directory
                .with(|d| d.matching(f, place.as_ref()).into_iter().cloned().collect::<Vec<_>>())
        })
    });
    let type_options = orientation
        .types
        .all()
        .iter()
        .map(|t| view! { <option value=t.id.clone()>{local(&t.name)}</option> })
        .collect_view();
    let family_options = Family::ALL
        .into_iter()
        .map(|f| view! { <option value=f.id()>{local(locale.content().factors.name(f))}</option> })
        .collect_view();
    let languages = move || {
        services.directory.with(|d| {
            d.languages()
                .into_iter()
                .map(|code| view! { <option value=code.to_string()>{code.to_string()}</option> })
                .collect_view()
        })
    };
    let cards = move || {
        matching.with(|list| {
            list.iter()
                .take(shown.get())
                .map(|s| {
                    let kind = orientation.types.get(&s.service_type);
                    view! { <li><ServiceCard service=s.clone() type_name=kind/></li> }
                })
                .collect_view()
        })
    };
    let types = move || {
        let words = text::fold(&filter.with(|f| f.text.clone()));
        let (chosen_type, family) = filter.with(|f| (f.service_type.clone(), f.family));
        let language = locale.language();
        orientation
            .types
            .all()
            .iter()
            .filter(|t| chosen_type.as_ref().is_none_or(|c| *c == t.id))
            .filter(|t| family.is_none_or(|f| t.families.contains(&f)))
            .filter(|t| {
                let text = text::fold(&format!(
                    "{} {} {}",
                    t.name.get(language),
                    t.what.get(language),
                    t.for_whom.get(language)
                ));
                words.split_whitespace().all(|w| text.contains(w))
            })
            .map(|t| view! { <li><TypeCard kind=t/></li> })
            .collect_view()
    };
    view! {
        <section class="browse" aria-labelledby="browse-title">
            <h2 id="browse-title">{tr("services.browse")}</h2>
            <div class="filters" data-testid="filters">
                <div class="filters__field filters__field--wide">
                    <label class="form__label" for="filter-text">{tr("services.filter.text")}</label>
                    <input id="filter-text" class="form__input" type="search" data-testid="filter-text"
                        on:input=move |ev| { let text = event_target_value(&ev); set(&|f| f.text = text.clone()); }/>
                </div>
                <div class="filters__field">
                    <label class="form__label" for="filter-type">{tr("services.filter.type")}</label>
                    <select id="filter-type" class="form__input" data-testid="filter-type" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        set(&|f| f.service_type = (!value.is_empty()).then(|| value.clone()));
                    }>
                        <option value="">{tr("services.filter.all")}</option>
                        {type_options}
                    </select>
                </div>
                <div class="filters__field">
                    <label class="form__label" for="filter-family">{tr("services.filter.family")}</label>
                    <select id="filter-family" class="form__input" data-testid="filter-family" on:change=move |ev| {
                        let value = Family::from_id(&event_target_value(&ev));
                        set(&|f| f.family = value);
                    }>
                        <option value="">{tr("services.filter.all")}</option>
                        {family_options}
                    </select>
                </div>
                <div class="filters__field">
                    <label class="form__label" for="filter-age">{tr("services.filter.age")}</label>
                    <input id="filter-age" class="form__input" type="number" min="0" max="120" inputmode="numeric" data-testid="filter-age"
                        on:input=move |ev| { let age = event_target_value(&ev).trim().parse::<u32>().ok(); set(&|f| f.age = age); }/>
                </div>
                <div class="filters__field">
                    <label class="form__label" for="filter-language">{tr("services.filter.language")}</label>
                    <select id="filter-language" class="form__input" data-testid="filter-language" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        set(&|f| f.language = (!value.is_empty()).then(|| value.clone()));
                    }>
                        <option value="">{tr("services.filter.all")}</option>
                        {languages}
                    </select>
                </div>
            </div>
            <p role="status" data-testid="services-count">
                {move || {
                    let total = services.directory.with(|d| d.services.len());
                    if total == 0 {
                        locale.t("services.none_loaded")
                    } else {
                        locale.f("services.count", &[("n", &matching.with(Vec::len).to_string()), ("total", &total.to_string())])
                    }
                }}
            </p>
            <ul class="service-list" data-testid="service-list">{cards}</ul>
            {move || (matching.with(Vec::len) > shown.get()).then(|| view! {
                <button type="button" class="button button--quiet" data-testid="show-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {tr("services.more")}
                </button>
            })}
            <h2>{tr("services.types")}</h2>
            <p>{tr("services.types_intro")}</p>
            <ul class="service-list" data-testid="type-list">{types}</ul>
        </section>
    }
}
