//! Entry point of the web app: install the calm panic page, mount the app.

fn main() {
    amarre::calm_failure::install();
    leptos::mount::mount_to_body(amarre::app::App);
}
