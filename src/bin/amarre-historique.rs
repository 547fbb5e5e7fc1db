//! Entry point of the history app (`/historique`): install the calm panic
//! page, mount the app. Built by trunk from `historique/index.html`.

fn main() {
    amarre::shared::calm_failure::install();
    amarre::shared::browser::mount(amarre::history::HistoryApp);
}
