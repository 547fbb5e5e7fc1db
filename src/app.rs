//! The app shell: the frame every page shares (skip link, header with the
//! language picker and quick exit, the help area at the same place on every
//! page, the footer) and the page the address bar points to.
//!
//! If the shipped content cannot be read (a bug the native tests exist to
//! prevent), the shell shows what is wrong instead of panicking.

use leptos::prelude::*;

use crate::components::help_area::HelpArea;
use crate::components::language_picker::LanguagePicker;
use crate::components::link::Link;
use crate::components::quick_exit::QuickExit;
use crate::content::{self, Content};
use crate::domain::DataError;
use crate::locale::{provide_locale, tr, use_locale};
use crate::navigation::{provide_navigation, use_navigation};
use crate::pages::home::Home;
use crate::pages::not_found::NotFound;
use crate::pages::questionnaire::QuestionnairePage;
use crate::route::Page;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    match content::shipped(content::MAIN_APP) {
        Ok(content) => view! { <Shell content=content/> }.into_any(),
        Err(errors) => view! { <BrokenContent errors=errors.to_vec()/> }.into_any(),
    }
}

/// The frame and the current page, once the content is known to be good.
#[component]
fn Shell(
    /// The validated shipped content.
    content: &'static Content,
) -> impl IntoView {
    provide_locale(content);
    provide_navigation();
    view! {
            <a
                class="skip-link"
                href="#main"
                on:click=move |ev| {
                    // The router intercepts in-page links; focus the main region ourselves.
                    ev.prevent_default();
                    focus_main();
                }
            >
                {tr("shell.skip")}
            </a>
            <header class="site-header">
                <Link to=Page::Home class="site-header__brand">
                    <span class="site-header__name">"Amarre"</span>
                </Link>
                <QuickExit/>
                <LanguagePicker/>
            </header>
            <HelpArea/>
            <FocusOnNavigation/>
            <main id="main" class="page" tabindex="-1">
                <CurrentPage/>
            </main>
            <SiteFooter/>
    }
}

/// The page the address bar points to.
#[component]
fn CurrentPage() -> impl IntoView {
    let navigation = use_navigation();
    let content = use_locale().content();
    move || match navigation.page() {
        Page::Home => view! { <Home/> }.into_any(),
        Page::Student => questionnaire_page(content, "student"),
        Page::Family => questionnaire_page(content, "family"),
        // Served by the other apps; only a misconfigured server shows them here.
        Page::Class | Page::Services | Page::Privacy => view! { <NotFound/> }.into_any(),
        Page::NotFound => view! { <NotFound/> }.into_any(),
    }
}

/// The page of the questionnaire `id` (the main app always ships both).
fn questionnaire_page(content: &'static Content, id: &str) -> AnyView {
    match content.questionnaire(id) {
        Some(questionnaire) => view! { <QuestionnairePage questionnaire=questionnaire/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

/// After an in-app navigation, moves focus to the main region, so keyboard
/// and screen-reader users start reading the new page from its top.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let navigation = use_navigation();
    Effect::new(move |previous: Option<Page>| {
        let page = navigation.page();
        if previous.is_some_and(|p| p != page) {
            focus_main();
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        page
    });
}

/// Moves keyboard focus to the main region (it has `tabindex="-1"`).
/// Both apps' shells use it after a page change.
pub fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// The footer: the promise in one line, and the pages everyone may need.
#[component]
fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p class="site-footer__promise">{tr("shell.promise")}</p>
            <nav class="site-footer__nav" aria-label=tr("shell.footer_nav")>
                <Link to=Page::Home>{tr("nav.home")}</Link>
                <Link to=Page::Services>{tr("nav.services")}</Link>
                <Link to=Page::Privacy>{tr("nav.privacy")}</Link>
            </nav>
        </footer>
    }
}

/// The frame of the apps reached by a full page load (the class survey,
/// the services app): the main app's, with plain links, since those load
/// another app. `here` is the footer link to mark as the current page.
#[component]
pub fn PlainShell(
    /// The page shown, if the footer links to it.
    here: Option<Page>,
    /// The page's content.
    children: Children,
) -> impl IntoView {
    let current = move |page: Page| (here == Some(page)).then_some("page");
    view! {
        <a class="skip-link" href="#main">{tr("shell.skip")}</a>
        <header class="site-header">
            <a href="/" class="site-header__brand">
                <span class="site-header__name">"Amarre"</span>
            </a>
            <QuickExit/>
            <LanguagePicker/>
        </header>
        <HelpArea/>
        <main id="main" class="page" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <p class="site-footer__promise">{tr("shell.promise")}</p>
            <nav class="site-footer__nav" aria-label=tr("shell.footer_nav")>
                <a href="/" aria-current=current(Page::Home)>{tr("nav.home")}</a>
                <a href="/services" aria-current=current(Page::Services)>{tr("nav.services")}</a>
                <a href="/confidentialite" aria-current=current(Page::Privacy)>{tr("nav.privacy")}</a>
            </nav>
        </footer>
    }
}

/// Shown only if the shipped data files are broken: says so plainly and
/// lists the problems for whoever maintains the app. Both apps use it.
#[component]
pub fn BrokenContent(
    /// Every problem found in the shipped files.
    errors: Vec<DataError>,
) -> impl IntoView {
    view! {
        <main class="page calm-failure" role="alert">
            <h1>"Amarre ne peut pas démarrer."</h1>
            <p>"Ses fichiers de contenu ont un problème. Rien n'a été envoyé."</p>
            <p>"Besoin de parler maintenant ? Belgique : "<a href="tel:103">"103"</a>" · France : "<a href="tel:3114">"3114"</a></p>
            <ul class="calm-failure__details">
                {errors.iter().map(|e| view! { <li>{e.to_string()}</li> }).collect_view()}
            </ul>
        </main>
    }
}
