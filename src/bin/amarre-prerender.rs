//! Writes each app's first view into its page in `dist/`, natively, after
//! trunk has built the apps (`scripts/build`; see `src/prerender.rs`).
//!
//!     cargo run --bin amarre-prerender -- dist
//!
//! Each page is rendered in a process of its own: like a browser page, a
//! process decodes one app's content and keeps it (`shared::content`).

#[cfg(not(target_family = "wasm"))]
fn main() -> std::process::ExitCode {
    use std::process::{Command, ExitCode};

    let mut args = std::env::args().skip(1);
    let dist = args.next().unwrap_or_else(|| "dist".into());
    let result = match args.next() {
        Some(page) => page
            .parse::<usize>()
            .ok()
            .and_then(|page| amarre::prerender::PAGES.get(page))
            .ok_or_else(|| format!("no page {page}"))
            .and_then(|page| write(std::path::Path::new(&dist), page)),
        None => (0..amarre::prerender::PAGES.len()).try_for_each(|page| {
            let me = std::env::current_exe().map_err(|e| e.to_string())?;
            let status = Command::new(me).arg(&dist).arg(page.to_string()).status();
            match status {
                Ok(status) if status.success() => Ok(()),
                Ok(status) => Err(format!("page {page}: {status}")),
                Err(e) => Err(e.to_string()),
            }
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("amarre-prerender: {problem}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `page` into `dist/`.
#[cfg(not(target_family = "wasm"))]
fn write(dist: &std::path::Path, page: &amarre::prerender::PrerenderedPage) -> Result<(), String> {
    let template = dist.join(page.template);
    let html = std::fs::read_to_string(&template).map_err(|e| format!("{}: {e}", template.display()))?;
    let html = amarre::prerender::into_template(page.template, &html, &page.render()).map_err(|e| e.to_string())?;
    let file = dist.join(page.file);
    std::fs::create_dir_all(file.parent().unwrap_or(dist))
        .and_then(|()| std::fs::write(&file, &html))
        .map_err(|e| format!("{}: {e}", file.display()))?;
    println!("prerendered {} into {} ({} bytes)", page.path, page.file, html.len());
    Ok(())
}

/// Prerendering runs natively only.
#[cfg(target_family = "wasm")]
fn main() {}
