//! Entry point of the family app (`/famille`): install the calm panic
//! page, mount the app. Built by trunk from `famille/index.html`.

fn main() {
    amarre::shared::calm_failure::install();
    amarre::shared::browser::mount(amarre::questionnaires::FamilyApp);
}
