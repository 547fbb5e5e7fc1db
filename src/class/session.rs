//! `/classe/seance/<id>`: one session. The teacher sees how many answers
//! are in, lets students answer (on this device, one after another, or by
//! typing the codes they hand in), closes or reopens it, deletes it, and
//! reads the report once there are enough answers.
//!
//! On the shared device, each student's answers are counted when they
//! finish and dropped; then a neutral "pass the device" screen shows
//! nothing of them, and the report stays out of sight until the teacher
//! ends the round.

use leptos::prelude::*;

use crate::class::answering::ClassAnswering;
use crate::class::codes::CodeEntry;
use crate::class::report::SessionReport;
use crate::class::scanner::CodeScanner;
use crate::class::screen::{use_screen, Screen};
use crate::class::sessions::{mode_key, StoreNotice};
use crate::class::store::use_store;
use crate::shared::address;
use crate::shared::link::Link;
use crate::shared::locale::{tr, use_locale};
use crate::shared::page_title::PageTitle;
use amarre_core::class_session::Mode;

/// Where a shared-device round is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// The teacher is looking at the session.
    Teacher,
    /// A student is answering.
    Answering,
    /// A student has finished: pass the device on.
    Passed,
}

/// One session's page.
#[component]
pub fn SessionPage(
    /// The session's id, from the address.
    id: String,
) -> impl IntoView {
    let store = use_store();
    let id = StoredValue::new(id);
    let exists = Memo::new(move |_| store.sessions.with(|all| all.iter().any(|s| s.id == id.get_value())));
    let stage = RwSignal::new(Stage::Teacher);
    let done = Callback::new(move |answers: Vec<Option<u8>>| {
        store.take(&id.get_value(), |s, waiting| s.add_answers(waiting, &answers));
        stage.set(Stage::Passed);
    });
    view! {
        <PageTitle key="class.session.title"/>
        {move || match (exists.get(), stage.get()) {
            (false, _) => view! {
                <section>
                    <h1 tabindex="-1">{tr("class.session.missing")}</h1>
                    <p>{tr("class.session.missing_text")}</p>
                    <Link href=Screen::Sessions.path() class="button">{tr("class.back_to_sessions")}</Link>
                </section>
            }
            .into_any(),
            (true, Stage::Answering) => view! { <ClassAnswering on_done=done/> }.into_any(),
            (true, Stage::Passed) => view! {
                <section class="pass-device" data-testid="pass-device">
                    <h1 tabindex="-1">{tr("class.pass.title")}</h1>
                    <p>{tr("class.pass.text")}</p>
                    <div class="actions">
                        <button type="button" class="button" data-testid="next-student" on:click=move |_| stage.set(Stage::Answering)>
                            {tr("class.pass.next")}
                        </button>
                        <button type="button" class="button button--quiet" data-testid="end-round" on:click=move |_| stage.set(Stage::Teacher)>
                            {tr("class.pass.end")}
                        </button>
                    </div>
                </section>
            }
            .into_any(),
            (true, Stage::Teacher) => view! { <TeacherView id=id.get_value() stage=stage/> }.into_any(),
        }}
    }
}

/// What the teacher sees: the session's facts, how answers come in, the
/// session's controls and the report.
#[component]
fn TeacherView(id: String, stage: RwSignal<Stage>) -> impl IntoView {
    let locale = use_locale();
    let store = use_store();
    let screen = use_screen();
    let id = StoredValue::new(id);
    let Some(first) = store
        .sessions
        .with_untracked(|all| all.iter().find(|s| s.id == id.get_value()).cloned())
    else {
        return ().into_any();
    };
    let closed = Memo::new(move |_| store.get(&id.get_value()).is_some_and(|s| s.closed));
    let waiting = Memo::new(move |_| store.waiting(&id.get_value()));
    // Received: pooled in the kept counts, or waiting in this page.
    let answers =
        Memo::new(move |_| store.get(&id.get_value()).map_or(0, |s| s.tally.answers as usize) + waiting.get());
    let facts = format!("{} · {}", locale.t(mode_key(first.mode)), first.opened);
    let address = format!(
        "{}{}",
        window().location().origin().unwrap_or_default(),
        address::CLASS_STUDENT
    );
    let collecting = move || {
        if closed.get() {
            return view! { <p class="notice" data-testid="closed-notice">{locale.t("class.session.closed_text")}</p> }
                .into_any();
        }
        match first.mode {
            Mode::SharedDevice => view! {
                <section class="card" aria-labelledby="collect">
                    <h2 id="collect">{tr("class.shared.title")}</h2>
                    <p>{tr("class.shared.text")}</p>
                    <button type="button" class="button" data-testid="start-shared" on:click=move |_| stage.set(Stage::Answering)>
                        {tr("class.shared.start")}
                    </button>
                </section>
            }
            .into_any(),
            Mode::OwnDevices => view! {
                <section class="card" aria-labelledby="collect">
                    <h2 id="collect">{tr("class.own_mode.title")}</h2>
                    <p>{tr("class.own_mode.text")}</p>
                    <p class="address" data-testid="student-address">{address.clone()}</p>
                    <CodeScanner id=id.get_value()/>
                    <CodeEntry id=id.get_value()/>
                </section>
            }
            .into_any(),
        }
    };
    let toggle = move |_| {
        store.update(&id.get_value(), |s| s.closed = !s.closed);
    };
    let delete = move |_| {
        let sure = window()
            .confirm_with_message(&locale.t("class.session.delete_confirm"))
            .unwrap_or(false);
        if sure {
            store.delete(&id.get_value());
            screen.go(Screen::Sessions);
        }
    };
    view! {
        <p><Link href=Screen::Sessions.path()>{tr("class.back_to_sessions")}</Link></p>
        <h1 tabindex="-1" data-testid="session-name">{first.name.clone()}</h1>
        <p class="session__facts">{facts}</p>
        <p class="session__count" data-testid="answer-count" role="status">
            {move || locale.f("class.answers_in", &[("n", &answers.get().to_string())])}
            {move || closed.get().then(|| format!(" · {}", locale.t("class.closed")))}
        </p>
        {move || {
            let n = waiting.get();
            (n > 0).then(|| view! {
                <p class="notice" data-testid="waiting">{locale.f("class.waiting", &[("n", &n.to_string())])}</p>
            })
        }}
        <StoreNotice/>
        {collecting}
        <SessionReport id=id.get_value()/>
        <section class="card no-print" aria-labelledby="manage">
            <h2 id="manage">{tr("class.session.manage")}</h2>
            <div class="actions">
                <button type="button" class="button button--quiet" data-testid="toggle-closed" on:click=toggle>
                    {move || locale.t(if closed.get() { "class.session.reopen" } else { "class.session.close" })}
                </button>
                <button type="button" class="button button--danger" data-testid="delete-session" on:click=delete>
                    {tr("class.session.delete")}
                </button>
            </div>
        </section>
    }
    .into_any()
}
