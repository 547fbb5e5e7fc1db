//! The questionnaires, as two apps with the same pages: the young people's
//! at `/` (`src/main.rs`: the home page and their questionnaire) and the
//! family's at `/famille` (`src/bin/amarre-famille.rs`), each with its
//! results and suggested services. Each carries only its own questionnaire.
//!
//! - [`route`]: its pages and their addresses;
//! - [`pages`]: one module per page;
//! - [`answers_file`]: export of one's own answers (the history brings them back);
//! - [`family_chart`]: the results' chart per factor family.
//! - [`keep`]: keeping the results in the history on the device.

pub mod answers_file;
pub mod family_chart;
pub mod keep;
pub mod pages;
pub mod route;

use leptos::prelude::*;

use crate::shared::content::{self, Content};
use crate::shared::country::provide_country;
use crate::shared::locale::{provide_locale, use_locale};
use crate::shared::navigation::provide_navigation;
use crate::shared::shell::{BrokenContent, Shell};
use pages::home::Home;
use pages::not_found::NotFound;
use pages::questionnaire::QuestionnairePage;
use route::Page;

/// The young people's app: the home page and their questionnaire.
#[component]
pub fn App() -> impl IntoView {
    questionnaires_app(content::QUESTIONNAIRES, Page::owns_young)
}

/// The family app: the family questionnaire (an app of its own, so
/// neither download carries the other questionnaire).
#[component]
pub fn FamilyApp() -> impl IntoView {
    questionnaires_app(content::FAMILY, Page::owns_family)
}

fn questionnaires_app(baked: content::Baked, owns: fn(&str) -> bool) -> AnyView {
    match content::shipped(baked) {
        Ok(content) => {
            provide_locale(content);
            provide_country(country_in_this_tab(content));
            provide_navigation(owns);
            // At start, so the published directory is asked for with the
            // rest of the load, not when results are shown.
            crate::shared::directory::provide_services::<false>();
            view! { <Shell><CurrentPage/></Shell> }.into_any()
        }
        Err(problem) => view! { <BrokenContent problem=problem.0.clone()/> }.into_any(),
    }
}

/// The country a questionnaire answered in this tab says, if any.
fn country_in_this_tab(content: &Content) -> Option<amarre_core::helpline::Country> {
    use crate::shared::storage::{read_text, StoredItem};
    use amarre_core::answers::Answers;
    use amarre_core::questionnaire::Audience;
    content.questionnaires.iter().find_map(|questionnaire| {
        let item = match questionnaire.audience {
            Audience::Family => StoredItem::FamilyAnswers,
            _ => StoredItem::StudentAnswers,
        };
        let text = read_text(item).ok().flatten()?;
        Answers::from_json(item.key(), &text, questionnaire)
            .ok()?
            .country(questionnaire)
    })
}

/// The page the address bar points to.
#[component]
fn CurrentPage() -> impl IntoView {
    let navigation = crate::shared::navigation::use_navigation().expect("provided by App just above");
    let content = use_locale().content();
    // The path changes only when the person moves to another page.
    move || match Page::from_path(&navigation.path()) {
        Page::Home => view! { <Home/> }.into_any(),
        Page::Student => questionnaire_page(content, "student"),
        Page::Family => questionnaire_page(content, "family"),
        Page::NotFound => view! { <NotFound/> }.into_any(),
    }
}

/// The page of the questionnaire `id` (not found in the app that does not
/// ship it).
fn questionnaire_page(content: &'static Content, id: &str) -> AnyView {
    match content.questionnaire(id) {
        Some(questionnaire) => view! { <QuestionnairePage questionnaire=questionnaire/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}
