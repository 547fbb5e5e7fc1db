//! Entry point of the coordinators' app (`/coordination`): install the
//! calm panic page, mount the app. Built by trunk from
//! `coordination/index.html`.

fn main() {
    amarre::shared::calm_failure::install();
    amarre::shared::browser::mount(amarre::coordination::CoordinationApp);
}
