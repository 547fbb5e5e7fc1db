//! Entry point of the class climate survey app (`/classe`): install the
//! calm panic page, mount the app. Built by trunk from `classe/index.html`.

fn main() {
    amarre::shared::calm_failure::install();
    amarre::shared::browser::mount(amarre::class::ClassApp);
}
