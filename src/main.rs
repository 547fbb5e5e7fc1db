//! Entry point of the questionnaires app (`/`): install the calm panic
//! page, mount the app.

fn main() {
    amarre::shared::calm_failure::install();
    amarre::shared::browser::mount(amarre::questionnaires::App);
}
