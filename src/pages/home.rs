//! The home page: what Amarre is, in words a 12-year-old understands, and
//! the three paths (young person, family, teacher), plus services and privacy.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::page_title::PageTitle;
use crate::locale::use_locale;

/// One of the paths offered on the home page.
struct Path {
    href: &'static str,
    title: &'static str,
    text: &'static str,
    testid: &'static str,
}

const PATHS: [Path; 3] = [
    Path {
        href: "/eleve",
        title: "home.student.title",
        text: "home.student.text",
        testid: "path-student",
    },
    Path {
        href: "/famille",
        title: "home.family.title",
        text: "home.family.text",
        testid: "path-family",
    },
    Path {
        href: "/classe",
        title: "home.class.title",
        text: "home.class.text",
        testid: "path-class",
    },
];

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let locale = use_locale();
    let paths = PATHS
        .iter()
        .map(|path| {
            view! {
                <li class="path-card">
                    <A href=path.href attr:class="path-card__link" attr:data-testid=path.testid>
                        <span class="path-card__title">{move || locale.t(path.title)}</span>
                        <span class="path-card__text">{move || locale.t(path.text)}</span>
                    </A>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageTitle key="home.page_title"/>
        <section class="home">
            <h1 class="home__title">{move || locale.t("home.title")}</h1>
            <p class="home__lead">{move || locale.t("home.lead")}</p>
            <h2 class="home__question">{move || locale.t("home.who")}</h2>
            <ul class="path-list">{paths}</ul>
            <ul class="promise-list">
                <li>{move || locale.t("home.promise.device")}</li>
                <li>{move || locale.t("home.promise.not_test")}</li>
                <li>{move || locale.t("home.promise.erase")}</li>
            </ul>
            <p class="home__more">
                <A href="/services">{move || locale.t("home.services_link")}</A>
                " · "
                <A href="/confidentialite">{move || locale.t("home.privacy_link")}</A>
            </p>
        </section>
    }
}
