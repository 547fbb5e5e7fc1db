//! Prerendering at build time: each app's first view, rendered natively to
//! HTML by the same components the browser runs, and written into the
//! page's `index.html` (`scripts/build` runs `amarre-prerender` after trunk).
//! The text, the help lines with their `tel:` links and the quick exit are
//! then there at first paint, and work as plain links before the wasm has
//! arrived, or without JavaScript at all.
//!
//! Natively nothing reaches the browser ([`crate::shared::browser`]): a
//! first view is rendered as it is for a person who has nothing stored, in
//! French, and no effect runs, as on a server. In the browser the app then
//! replaces it ([`crate::shared::browser::mount`]) in the same task, before
//! anything is painted again: no hydration code in the wasm, which would
//! cost 28.8 KiB of the young people's first load (`docs/benchmarks.md`).
//!
//! Not prerendered: the history and the coordinators' app, whose first view
//! is what this device keeps or what the server publishes, which a build
//! cannot know.

use std::fmt;

use leptos::prelude::*;

use crate::shared::browser;

/// A page written at build time: the app at `path`, written to `file` from
/// the app's `template` (both relative to `dist/`).
pub struct PrerenderedPage {
    /// The address it is the first view of.
    pub path: &'static str,
    /// The app's `index.html` as trunk built it.
    pub template: &'static str,
    /// Where the page is written.
    pub file: &'static str,
    /// The app.
    app: fn() -> AnyView,
}

/// Every prerendered page. `/eleve` and the 404 page are written from `/`'s
/// template, `/confidentialite` from the services'; in any order, since
/// writing into a page replaces the first view it had.
pub const PAGES: [PrerenderedPage; 8] = [
    page("/eleve", "index.html", "eleve/index.html", || {
        crate::questionnaires::App().into_any()
    }),
    page("/introuvable", "index.html", "404.html", || {
        crate::questionnaires::App().into_any()
    }),
    page("/", "index.html", "index.html", || {
        crate::questionnaires::App().into_any()
    }),
    page("/famille", "famille/index.html", "famille/index.html", || {
        crate::questionnaires::FamilyApp().into_any()
    }),
    page("/classe/", "classe/index.html", "classe/index.html", || {
        crate::class::ClassApp().into_any()
    }),
    page(
        "/classe/repondre/",
        "classe/repondre/index.html",
        "classe/repondre/index.html",
        || crate::class::StudentApp().into_any(),
    ),
    page(
        "/confidentialite/",
        "services/index.html",
        "confidentialite/index.html",
        || crate::services::ServicesApp().into_any(),
    ),
    page("/services/", "services/index.html", "services/index.html", || {
        crate::services::ServicesApp().into_any()
    }),
];

const fn page(path: &'static str, template: &'static str, file: &'static str, app: fn() -> AnyView) -> PrerenderedPage {
    PrerenderedPage {
        path,
        template,
        file,
        app,
    }
}

/// An effect or task scheduler that runs nothing: while prerendering no
/// effect runs and nothing is awaited, as on a server.
struct NothingRuns;

impl any_spawner::CustomExecutor for NothingRuns {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

impl PrerenderedPage {
    /// The page's first view as HTML.
    pub fn render(&self) -> String {
        // Already set by an earlier page: the same executor for all.
        let _ = any_spawner::Executor::init_custom_executor(NothingRuns);
        browser::prerender_at(self.path);
        let owner = Owner::new();
        // Rendered once, as on a server: nothing follows a signal.
        let html = owner.with(|| untrack(|| (self.app)().to_html()));
        owner.cleanup();
        // Leptos's markers for where a list ends, and empty classes: not
        // needed when the app replaces the page instead of hydrating it.
        inert(&html.replace("<!>", "").replace(" class=\"\"", ""))
    }
}

/// `html` as it may be shown before the app has arrived: its links work,
/// its controls are disabled (a button pressed then would do nothing, and
/// a disabled one says so), and it has none of the test hooks
/// (`data-testid`), which belong to the live app that replaces it.
pub fn inert(html: &str) -> String {
    const CONTROLS: [&str; 4] = ["<button", "<select", "<input", "<textarea"];
    let mut out = String::with_capacity(html.len());
    // Inside a tag, and inside one of its quoted values (Leptos escapes
    // `<` in text, so a `<` outside a value starts a tag).
    let (mut in_tag, mut in_value) = (false, false);
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if !in_tag && c == '<' {
            in_tag = true;
            let control = CONTROLS
                .into_iter()
                .find(|tag| rest.starts_with(tag) && rest[tag.len()..].starts_with([' ', '>', '/']));
            if let Some(tag) = control {
                out.push_str(tag);
                out.push_str(" disabled");
                rest = &rest[tag.len()..];
                continue;
            }
        } else if in_tag && !in_value {
            if let Some(end) = rest
                .strip_prefix(" data-testid=\"")
                .and_then(|hook| hook.find('"').map(|end| &hook[end + 1..]))
            {
                rest = end;
                continue;
            }
            in_tag = c != '>';
            in_value = c == '"';
        } else if in_value && c == '"' {
            in_value = false;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// What can go wrong writing a prerendered page into its template.
#[derive(Debug, PartialEq, Eq)]
pub enum PrerenderError {
    /// The template has no `<body>…</body>` to write into.
    NoBody { template: String },
}

impl fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrerenderError::NoBody { template } => {
                write!(
                    f,
                    "{template} has no <body><noscript>…</noscript></body> to write the first view after"
                )
            }
        }
    }
}

impl std::error::Error for PrerenderError {}

/// `template` (an app's `index.html`) with `first_view` as its body, after
/// the `<noscript>` note; a first view written there before is replaced, so
/// prerendering twice gives the same page.
pub fn into_template(name: &str, template: &str, first_view: &str) -> Result<String, PrerenderError> {
    let no_body = || PrerenderError::NoBody {
        template: name.to_string(),
    };
    let body = template.find("<body").ok_or_else(no_body)?;
    let note_ends = template[body..]
        .find("</noscript>")
        .map(|at| body + at + "</noscript>".len())
        .ok_or_else(no_body)?;
    let body_ends = template
        .rfind("</body>")
        .filter(|end| *end >= note_ends)
        .ok_or_else(no_body)?;
    Ok(format!(
        "{}{first_view}{}",
        &template[..note_ends],
        &template[body_ends..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<!doctype html><html><head><title>Amarre</title></head><body><noscript><p>Sans JavaScript…</p></noscript></body></html>";

    #[test]
    fn the_first_view_goes_after_the_noscript_note() {
        let page = into_template("index.html", TEMPLATE, "<main><h1>Bonjour</h1></main>").unwrap();
        assert_eq!(
            page,
            "<!doctype html><html><head><title>Amarre</title></head><body><noscript><p>Sans JavaScript…</p></noscript><main><h1>Bonjour</h1></main></body></html>"
        );
    }

    #[test]
    fn prerendering_twice_replaces_the_first_view() {
        let once = into_template("index.html", TEMPLATE, "<main>un</main>").unwrap();
        let twice = into_template("index.html", &once, "<main>deux</main>").unwrap();
        assert_eq!(
            twice,
            into_template("index.html", TEMPLATE, "<main>deux</main>").unwrap()
        );
    }

    #[test]
    fn before_the_app_controls_are_disabled_links_work_and_test_hooks_are_gone() {
        let html = r#"<a href="tel:103" data-testid="help-line-be-103">103</a><button type="button" data-testid="start" class="button">Commencer</button><select id="l"><option value="0">Français</option></select><input type="text"><textarea></textarea><buttons>"#;
        assert_eq!(
            inert(html),
            r#"<a href="tel:103">103</a><button disabled type="button" class="button">Commencer</button><select disabled id="l"><option value="0">Français</option></select><input disabled type="text"><textarea disabled></textarea><buttons>"#
        );
        // Text or a value that only looks like a hook or a tag is kept.
        let text = r#"<p title="a > b data-testid=&quot;x&quot; <button">3 &lt; 5 et data-testid="x" · <b>"#;
        assert_eq!(inert(text), text);
    }

    #[test]
    fn a_template_without_its_note_is_refused_by_name() {
        for broken in [
            "<html><body></body></html>",
            "<html><noscript></noscript><body></body></html>",
            "<body><noscript>",
        ] {
            let error = into_template("famille/index.html", broken, "<main/>").unwrap_err();
            assert_eq!(
                error,
                PrerenderError::NoBody {
                    template: "famille/index.html".into()
                }
            );
            assert!(error
                .to_string()
                .starts_with("famille/index.html has no <body><noscript>"));
        }
    }
}
