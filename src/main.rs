//! Entry point of the questionnaires app (`/`): install the calm panic
//! page, mount the app.

fn main() {
    amarre::shared::calm_failure::install();
    leptos::mount::mount_to_body(amarre::questionnaires::App);
}
