//! Entry point of the services app (`/services`): install the calm panic
//! page, mount the app. Built by trunk from `services/index.html`.

fn main() {
    amarre::shared::calm_failure::install();
    amarre::shared::browser::mount(amarre::services::ServicesApp);
}
