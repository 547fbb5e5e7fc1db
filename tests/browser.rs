//! Browser tests (wasm-bindgen-test in headless Chromium): the storage
//! adapter against real `localStorage`/`sessionStorage`, and components
//! mounted into a fresh element.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test browser`
//! (scripts/test does it); natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use amarre::questionnaires::pages::questionnaire::QuestionnairePage;
use amarre::shared::content;
use amarre::shared::help_area::HelpArea;
use amarre::shared::language_picker::LanguagePicker;
use amarre::shared::locale::provide_locale;
use amarre::shared::storage::{self, Area, StoredItem};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn session() -> web_sys::Storage {
    web_sys::window().unwrap().session_storage().unwrap().unwrap()
}

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The young people's app's language packs, as the build wrote them (the
/// apps fetch them from `/packs/`; this test runner has no such server).
const YOUNG_PACKS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/young.packs"));

/// Installs every language pack of the young people's app, once.
fn install_packs() {
    let packs: Vec<(String, Vec<u8>)> = postcard::from_bytes(YOUNG_PACKS).expect("the build wrote them");
    for (position, (_, bytes)) in packs.iter().enumerate() {
        if !amarre_core::pack::installed(position) {
            amarre_core::pack::install(position, postcard::from_bytes(bytes).expect("a pack"));
        }
    }
}

/// A fresh element to mount a component into.
fn fresh_parent() -> web_sys::HtmlElement {
    let document = document();
    let parent = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&parent).unwrap();
    parent.unchecked_into()
}

#[wasm_bindgen_test]
fn storage_round_trips_text_and_forgets_it() {
    storage::erase_everything();
    assert_eq!(storage::read_text(StoredItem::Language), Ok(None));
    storage::write_text(StoredItem::Language, "en").unwrap();
    assert_eq!(storage::read_text(StoredItem::Language), Ok(Some("en".to_string())));
    assert_eq!(session().get_item("amarre.language").unwrap().as_deref(), Some("en"));
    // Lasting items go to localStorage, the others to sessionStorage.
    storage::write_text(StoredItem::StudentKept, "{}").unwrap();
    assert_eq!(local().get_item("amarre.kept.student").unwrap().as_deref(), Some("{}"));
    storage::remove(StoredItem::Language).unwrap();
    assert_eq!(storage::read_text(StoredItem::Language), Ok(None));
    storage::erase_everything();
}

#[wasm_bindgen_test]
async fn a_language_this_version_does_not_know_is_ignored() {
    install_packs();
    storage::erase_everything();
    session().set_item("amarre.language", "{not a language").unwrap();
    let content = content::shipped(content::QUESTIONNAIRES).expect("shipped content is valid");
    let parent = fresh_parent();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_locale(content);
        view! { <HelpArea/> }
    });
    tick().await;
    // The test browser prefers English: the bad value is passed over, not trusted.
    let summary = parent.query_selector("[data-testid=help-summary]").unwrap().unwrap();
    assert_eq!(summary.text_content().unwrap().trim(), "Need to talk now?");
    drop(handle);
    storage::erase_everything();
}

#[wasm_bindgen_test]
fn erase_everything_removes_every_key_of_ours_and_nothing_else() {
    storage::erase_everything();
    session().set_item("amarre.language", "\"fr\"").unwrap();
    session().set_item("amarre.answers.old-version", "{}").unwrap();
    local().set_item("amarre.kept", "1").unwrap();
    local().set_item("someone-else", "keep me").unwrap();

    assert_eq!(
        storage::present_keys(Area::Session).unwrap(),
        vec!["amarre.answers.old-version".to_string(), "amarre.language".to_string()]
    );
    assert_eq!(storage::erase_everything(), 3);
    assert!(storage::present_keys(Area::Session).unwrap().is_empty());
    assert!(storage::present_keys(Area::Lasting).unwrap().is_empty());
    assert_eq!(local().get_item("someone-else").unwrap().as_deref(), Some("keep me"));
    local().remove_item("someone-else").unwrap();
}

#[wasm_bindgen_test]
async fn help_area_lists_every_national_line_as_a_tel_link() {
    storage::erase_everything();
    // The test browser prefers English; a choice made earlier in the tab wins.
    storage::write_text(StoredItem::Language, "fr").unwrap();
    let content = content::shipped(content::QUESTIONNAIRES).expect("shipped content is valid");
    let parent = fresh_parent();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_locale(content);
        view! { <HelpArea/> }
    });
    tick().await;

    let links = parent.query_selector_all(".help-line__number").unwrap();
    assert_eq!(links.length() as usize, content.helplines.len());
    let first: web_sys::Element = links.item(0).unwrap().unchecked_into();
    assert_eq!(first.get_attribute("href").as_deref(), Some("tel:103"));
    let summary = parent.query_selector("[data-testid=help-summary]").unwrap().unwrap();
    assert_eq!(summary.text_content().unwrap().trim(), "Besoin de parler maintenant ?");
    drop(handle);
}

#[wasm_bindgen_test]
async fn choosing_english_changes_words_and_html_lang_and_is_remembered_for_the_tab() {
    install_packs();
    storage::erase_everything();
    let content = content::shipped(content::QUESTIONNAIRES).expect("shipped content is valid");
    let parent = fresh_parent();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_locale(content);
        view! { <LanguagePicker/><HelpArea/> }
    });
    tick().await;

    let select: web_sys::HtmlSelectElement = parent
        .query_selector("[data-testid=language-picker]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    select.set_value("1");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;

    let summary = parent.query_selector("[data-testid=help-summary]").unwrap().unwrap();
    assert_eq!(summary.text_content().unwrap().trim(), "Need to talk now?");
    let html = document().document_element().unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(storage::read_text(StoredItem::Language), Ok(Some("en".to_string())));
    drop(handle);
    storage::erase_everything();
}

#[wasm_bindgen_test]
async fn a_question_is_a_fieldset_with_its_legend_and_an_answer_is_saved_for_the_tab() {
    storage::erase_everything();
    storage::write_text(StoredItem::Language, "fr").unwrap();
    storage::write_text(StoredItem::StudentPosition, "age").unwrap();
    let content = content::shipped(content::QUESTIONNAIRES).expect("shipped content is valid");
    let parent = fresh_parent();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_locale(content);
        view! { <QuestionnairePage questionnaire=content.questionnaire("student").unwrap()/> }
    });
    tick().await;

    let legend = parent
        .query_selector("fieldset.question > legend")
        .unwrap()
        .expect("a legend");
    assert_eq!(legend.text_content().unwrap(), "Quel âge as-tu ?");
    let radios = parent
        .query_selector_all("fieldset.question input[type=radio][name=q-age]")
        .unwrap();
    assert_eq!(radios.length(), 5, "four ages and 'je préfère ne pas répondre'");
    let choice: web_sys::HtmlElement = parent
        .query_selector("input[value='16-17']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    choice.click();
    tick().await;
    let saved = session()
        .get_item("amarre.answers.student")
        .unwrap()
        .expect("answers are saved");
    assert!(saved.contains("\"age\": \"16-17\""), "{saved}");
    drop(handle);
    storage::erase_everything();
}

#[wasm_bindgen_test]
async fn unreadable_saved_answers_are_set_aside_and_reported_never_dropped() {
    storage::erase_everything();
    storage::write_text(StoredItem::Language, "fr").unwrap();
    session()
        .set_item("amarre.answers.student", "{\"given\": broken")
        .unwrap();
    let content = content::shipped(content::QUESTIONNAIRES).expect("shipped content is valid");
    let parent = fresh_parent();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_locale(content);
        view! { <QuestionnairePage questionnaire=content.questionnaire("student").unwrap()/> }
    });
    tick().await;

    let notice = parent
        .query_selector("[data-testid=notice]")
        .unwrap()
        .expect("the problem is told");
    assert!(
        notice.text_content().unwrap().contains("amarre.answers.student"),
        "the notice names what it set aside"
    );
    assert_eq!(
        session().get_item("amarre.set_aside").unwrap().as_deref(),
        Some("{\"given\": broken")
    );
    assert_eq!(session().get_item("amarre.answers.student").unwrap(), None);
    drop(handle);
    storage::erase_everything();
}
