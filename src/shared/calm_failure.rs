//! The last resort for a bug: a panic hook that replaces the frozen page
//! with a calm message, in French and English, saying that nothing was sent
//! and how to start again.
//!
//! Bad input never comes here: every loader returns typed errors that the UI
//! shows in place. This is only for what nobody foresaw.

use std::panic;

/// The page shown after a panic. Static text only: no script runs after a
/// panic, and the CSP would refuse an inline handler anyway, so the way back
/// is a plain link.
const CALM_PAGE: &str = r#"<main class="calm-failure" role="alert">
<h1>Quelque chose ne s'est pas bien passé.</h1>
<p>Rien n'a été envoyé : tes réponses ne quittent jamais cet appareil.</p>
<p><a href="/">Recharger Amarre</a></p>
<hr>
<h2 lang="en">Something went wrong.</h2>
<p lang="en">Nothing was sent: your answers never leave this device.</p>
<p lang="en"><a href="/">Reload Amarre</a></p>
<p>Besoin de parler maintenant ? Belgique : <a href="tel:103">103</a> ou <a href="tel:107">107</a> · France : <a href="tel:3114">3114</a> ou <a href="tel:119">119</a></p>
</main>"#;

/// Installs the hook: the panic is still logged to the console for
/// developers, then the page is replaced by [`CALM_PAGE`].
pub fn install() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            body.set_inner_html(CALM_PAGE);
        }
    }));
}
