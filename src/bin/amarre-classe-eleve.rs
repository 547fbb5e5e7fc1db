//! Entry point of the class survey's students' app (`/classe/repondre`): a
//! student answers on their own phone and gets a response code. Install
//! the calm panic page, mount the app. Built by trunk from
//! `classe/repondre/index.html`.

fn main() {
    amarre::shared::calm_failure::install();
    amarre::shared::browser::mount(amarre::class::StudentApp);
}
