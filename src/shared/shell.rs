//! The frame every app shares, configured by each with its pages: skip
//! link, header (name, quick exit, language picker, easy-read switch),
//! the help area at the
//! same place on every page, the main region, the footer. The app's
//! current page goes in the middle.
//!
//! If the baked content cannot be decoded (only a broken build can do
//! that), [`BrokenContent`] says so calmly instead of panicking.

use leptos::prelude::*;

use crate::shared::address;
use crate::shared::easy_read_switch::EasyReadSwitch;
use crate::shared::help_area::HelpArea;
use crate::shared::language_picker::LanguagePicker;
use crate::shared::link::Link;
use crate::shared::locale::tr;
use crate::shared::navigation::focus_main;
use crate::shared::quick_exit::QuickExit;

/// The frame around an app's current page.
#[component]
pub fn Shell(
    /// The app's current page.
    children: Children,
) -> impl IntoView {
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=move |ev| {
                // Focus the main region ourselves: a `#main` navigation
                // would add a history entry and not move the focus everywhere.
                ev.prevent_default();
                focus_main();
            }
        >
            {tr("shell.skip")}
        </a>
        <header class="site-header">
            <Link href=address::HOME class="site-header__brand">
                <span class="site-header__name">"Amarre"</span>
            </Link>
            <QuickExit/>
            <LanguagePicker/>
            <EasyReadSwitch/>
        </header>
        <HelpArea/>
        <main id="main" class="page" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <p class="site-footer__promise">{tr("shell.promise")}</p>
            <nav class="site-footer__nav" aria-label=tr("shell.footer_nav")>
                <Link href=address::HOME>{tr("nav.home")}</Link>
                <Link href=address::SERVICES>{tr("nav.services")}</Link>
                <Link href=address::HISTORY>{tr("nav.history")}</Link>
                <Link href=address::PRIVACY>{tr("nav.privacy")}</Link>
            </nav>
        </footer>
    }
}

/// Shown only if an app's baked content cannot be read (a broken build):
/// says so plainly, with the help lines, and what is wrong for whoever
/// maintains the app.
#[component]
pub fn BrokenContent(
    /// What went wrong.
    problem: String,
) -> impl IntoView {
    view! {
        <main class="page calm-failure" role="alert">
            <h1>"Amarre ne peut pas démarrer."</h1>
            <p>"Ses fichiers de contenu ont un problème. Rien n'a été envoyé."</p>
            <p>"Besoin de parler maintenant ? Belgique : "<a href="tel:103">"103"</a>" · France : "<a href="tel:3114">"3114"</a></p>
            <ul class="calm-failure__details">
                <li>{problem}</li>
            </ul>
        </main>
    }
}
