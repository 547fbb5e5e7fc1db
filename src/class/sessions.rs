//! `/classe`: the way in for students who answer on their own phone, the
//! teacher's sessions on this device, and opening a new one.

use leptos::prelude::*;

use crate::class::screen::{use_screen, Screen};
use crate::class::store::{use_store, Notice};
use crate::shared::address;
use crate::shared::link::Link;
use crate::shared::locale::{tr, use_locale};
use crate::shared::page_title::PageTitle;
use amarre_core::class_session::{Mode, SessionError, MAX_NAME, MAX_THRESHOLD};
use amarre_core::climate::MIN_GROUP;

/// The UI key naming a mode.
pub fn mode_key(mode: Mode) -> &'static str {
    match mode {
        Mode::SharedDevice => "class.mode.shared",
        Mode::OwnDevices => "class.mode.own",
    }
}

/// The list of sessions and the form to open one.
#[component]
pub fn SessionsPage() -> impl IntoView {
    let locale = use_locale();
    let store = use_store();
    let list = move || {
        let sessions = store.sessions.get();
        if sessions.is_empty() {
            return view! { <p class="empty" data-testid="no-sessions">{locale.t("class.sessions.empty")}</p> }
                .into_any();
        }
        let items = sessions
            .into_iter()
            .map(|s| {
                let answers = s.tally.answers.to_string();
                let facts = format!(
                    "{} · {} · {}{}",
                    locale.t(mode_key(s.mode)),
                    s.opened,
                    locale.f("class.answers_in", &[("n", &answers)]),
                    if s.closed { format!(" · {}", locale.t("class.closed")) } else { String::new() },
                );
                view! {
                    <li class="session-list__item">
                        <Link href=Screen::Session(s.id.clone()).path() class="session-list__name" testid="session-link">
                            {s.name.clone()}
                        </Link>
                        <span class="session-list__facts">{facts}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="session-list" data-testid="sessions">{items}</ul> }.into_any()
    };
    view! {
        <PageTitle key="class.title"/>
        <section class="class-home">
            <h1 tabindex="-1">{tr("class.title")}</h1>
            <p>{tr("class.intro")}</p>
            <p><Link href=Screen::ParentNote.path() testid="parent-note-link">{tr("class.parents.link")}</Link></p>
            <StoreNotice/>
            <section class="card" aria-labelledby="student-way">
                <h2 id="student-way">{tr("class.student.title")}</h2>
                <p>{tr("class.student.text")}</p>
                <Link href=address::CLASS_STUDENT class="button" testid="student-answer">{tr("class.student.start")}</Link>
            </section>
            <section aria-labelledby="my-sessions">
                <h2 id="my-sessions">{tr("class.sessions.title")}</h2>
                {list}
            </section>
            <NewSession/>
        </section>
    }
}

/// What went wrong with the stored sessions, if anything.
#[component]
pub fn StoreNotice() -> impl IntoView {
    let locale = use_locale();
    let store = use_store();
    move || {
        store.notice.get().map(|notice| {
            let said = match notice {
                Notice::SetAside(problem) => format!("{} ({problem})", locale.t("class.set_aside")),
                Notice::NotSaved => locale.t("class.not_saved"),
                Notice::NoStorage => locale.t("class.no_storage"),
            };
            view! { <p class="notice notice--warning" role="alert" data-testid="store-notice">{said}</p> }
        })
    }
}

/// The form that opens a session: its name, the mode, the threshold.
#[component]
fn NewSession() -> impl IntoView {
    let locale = use_locale();
    let store = use_store();
    let screen = use_screen();
    let name = RwSignal::new(String::new());
    let mode = RwSignal::new(Mode::SharedDevice);
    let threshold = RwSignal::new(MIN_GROUP.to_string());
    let error = RwSignal::new(None::<&'static str>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let wanted = threshold.get_untracked().trim().parse::<u32>().unwrap_or(0);
        match store.open(&name.get_untracked(), mode.get_untracked(), wanted) {
            Ok(id) => screen.go(Screen::Session(id)),
            Err(e) => error.set(Some(match e {
                SessionError::EmptyName => "class.new.error.name",
                SessionError::NameTooLong => "class.new.error.long",
                SessionError::Threshold => "class.new.error.threshold",
            })),
        }
    };
    let modes = Mode::ALL
        .into_iter()
        .map(|m| {
            let help = match m {
                Mode::SharedDevice => "class.mode.shared.help",
                Mode::OwnDevices => "class.mode.own.help",
            };
            view! {
                <label class="choice">
                    <input
                        class="choice__input"
                        type="radio"
                        name="mode"
                        value=m.id()
                        prop:checked=move || mode.get() == m
                        on:change=move |_| mode.set(m)
                    />
                    <span class="choice__label">
                        <strong>{tr(mode_key(m))}</strong>
                        " "
                        {tr(help)}
                    </span>
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="new-session">
            <h2 id="new-session">{tr("class.new.title")}</h2>
            <form class="form" on:submit=submit novalidate>
                <label class="form__label" for="session-name">{tr("class.new.name")}</label>
                <p class="form__hint" id="session-name-hint">{tr("class.new.name_hint")}</p>
                <input
                    id="session-name"
                    class="form__input"
                    data-testid="session-name"
                    type="text"
                    maxlength=MAX_NAME.to_string()
                    autocomplete="off"
                    aria-describedby="session-name-hint session-error"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <fieldset class="form__group">
                    <legend class="form__label">{tr("class.new.mode")}</legend>
                    {modes}
                </fieldset>
                <label class="form__label" for="session-threshold">{tr("class.new.threshold")}</label>
                <p class="form__hint" id="session-threshold-hint">{tr("class.new.threshold_hint")}</p>
                <input
                    id="session-threshold"
                    class="form__input form__input--short"
                    data-testid="session-threshold"
                    type="number"
                    inputmode="numeric"
                    min=MIN_GROUP.to_string()
                    max=MAX_THRESHOLD.to_string()
                    aria-describedby="session-threshold-hint session-error"
                    prop:value=move || threshold.get()
                    on:input=move |ev| threshold.set(event_target_value(&ev))
                />
                <p class="form__error" id="session-error" role="alert" data-testid="session-error">
                    {move || error.get().map(|key| locale.t(key))}
                </p>
                <button type="submit" class="button" data-testid="open-session">{tr("class.new.open")}</button>
            </form>
        </section>
    }
}
