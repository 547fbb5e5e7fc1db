//! The home page: what Amarre is, in words a 12-year-old understands, and
//! the three paths (young person, family, teacher), plus services and privacy.

use crate::components::link::Link;
use crate::components::page_title::PageTitle;
use crate::locale::tr;
use crate::route::Page;
use leptos::prelude::*;

/// One of the paths offered on the home page.
struct Path {
    to: Page,
    title: &'static str,
    text: &'static str,
    testid: &'static str,
}

const PATHS: [Path; 3] = [
    Path {
        to: Page::Student,
        title: "home.student.title",
        text: "home.student.text",
        testid: "path-student",
    },
    Path {
        to: Page::Family,
        title: "home.family.title",
        text: "home.family.text",
        testid: "path-family",
    },
    Path {
        to: Page::Class,
        title: "home.class.title",
        text: "home.class.text",
        testid: "path-class",
    },
];

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let paths = PATHS
        .iter()
        .map(|path| {
            view! {
                <li class="path-card">
                    <Link to=path.to class="path-card__link" testid=path.testid>
                        <span class="path-card__title">{tr(path.title)}</span>
                        <span class="path-card__text">{tr(path.text)}</span>
                    </Link>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageTitle key="home.page_title"/>
        <section class="home">
            <h1 class="home__title">{tr("home.title")}</h1>
            <p class="home__lead">{tr("home.lead")}</p>
            <h2 class="home__question">{tr("home.who")}</h2>
            <ul class="path-list">{paths}</ul>
            <ul class="promise-list">
                <li>{tr("home.promise.device")}</li>
                <li>{tr("home.promise.not_test")}</li>
                <li>{tr("home.promise.erase")}</li>
            </ul>
            <p class="home__more">
                <Link to=Page::Services>{tr("home.services_link")}</Link>
                " · "
                <Link to=Page::Privacy>{tr("home.privacy_link")}</Link>
            </p>
        </section>
    }
}
