//! The home page: what Amarre is, in words a 12-year-old understands, and
//! the three paths (young person, family, teacher), plus services and privacy.

use crate::shared::address;
use crate::shared::link::Link;
use crate::shared::locale::tr;
use crate::shared::page_title::PageTitle;
use leptos::prelude::*;

/// One of the paths offered on the home page.
struct Path {
    to: &'static str,
    title: &'static str,
    text: &'static str,
    testid: &'static str,
}

const PATHS: [Path; 3] = [
    Path {
        to: address::STUDENT,
        title: "home.student.title",
        text: "home.student.text",
        testid: "path-student",
    },
    Path {
        to: address::FAMILY,
        title: "home.family.title",
        text: "home.family.text",
        testid: "path-family",
    },
    Path {
        to: address::CLASS,
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
                    <Link href=path.to class="path-card__link" testid=path.testid>
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
                <Link href=address::SERVICES>{tr("home.services_link")}</Link>
                " · "
                <Link href=address::PRIVACY>{tr("home.privacy_link")}</Link>
            </p>
        </section>
    }
}
