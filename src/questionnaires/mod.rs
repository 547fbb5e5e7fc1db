//! The questionnaires app at `/` (`src/main.rs`): the home page, the young
//! person's and the family questionnaires, and their results with suggested
//! services.
//!
//! - [`route`]: its pages and their addresses;
//! - [`pages`]: one module per page;
//! - [`answers_file`]: export and re-import of one's own answers;
//! - [`family_chart`]: the results' chart per factor family.

pub mod answers_file;
pub mod family_chart;
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

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    match content::shipped(content::QUESTIONNAIRES) {
        Ok(content) => {
            provide_locale(content);
            provide_country(country_in_this_tab(content));
            provide_navigation(Page::owns);
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

/// The page of the questionnaire `id` (this app always ships both).
fn questionnaire_page(content: &'static Content, id: &str) -> AnyView {
    match content.questionnaire(id) {
        Some(questionnaire) => view! { <QuestionnairePage questionnaire=questionnaire/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}
