//! Entry point of the family app (`/famille`): install the calm panic
//! page, mount the app. Built by trunk from `famille/index.html`.

fn main() {
    amarre::shared::calm_failure::install();
    leptos::mount::mount_to_body(amarre::questionnaires::FamilyApp);
}
