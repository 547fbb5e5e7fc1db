//! The class climate survey, an app of its own at `/classe` (its own wasm,
//! `src/bin/amarre-classe.rs`, so the student and family app does not carry
//! it in its download, and the other way round).
//!
//! A teacher opens a session on their device; students answer either one
//! after another on that device, or on their own phones, handing in a
//! response code. Only counts ever reach the session ([`store`]), and the
//! report shows no figure about fewer than five answers
//! ([`crate::domain::climate`]).
//!
//! - [`screen`]: where the person is, kept in the address bar.
//! - [`store`]: the teacher's sessions, kept on the device.
//! - [`sessions`]: the list of sessions and opening a new one.
//! - [`session`]: one session: answers coming in, closing, the report.
//! - [`answering`]: a student answering, in memory only.
//! - [`own_device`]: a student's own phone: answer, then get the code.
//! - [`codes`]: the teacher typing or pasting codes.
//! - [`report`]: the report, the comparison, ideas, CSV and print.

pub mod answering;
pub mod codes;
pub mod own_device;
pub mod report;
pub mod screen;
pub mod session;
pub mod sessions;
pub mod store;

use leptos::prelude::*;

use crate::app::{BrokenContent, PlainShell};
use crate::content::{self, Content, CLASS_APP, CLASS_IDEAS_JSON};
use crate::domain::class_ideas::{parse_ideas, DimensionIdeas};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::DataError;
use crate::locale::provide_locale;
use screen::{provide_screen, use_screen, Screen};

/// What the class survey reads: the climate questionnaire and the ideas.
#[derive(Clone, Copy)]
pub struct Survey {
    /// The class climate questionnaire.
    pub questionnaire: &'static Questionnaire,
    /// Ideas for collective prevention, per dimension.
    pub ideas: &'static [DimensionIdeas],
}

/// The survey provided to every component of the class app.
pub fn use_survey() -> Survey {
    // Provided by `ClassApp` before anything below it is built.
    expect_context::<Survey>()
}

/// Loads everything the class app ships with, or every problem found.
pub fn load() -> Result<(&'static Content, Survey), Vec<DataError>> {
    let content = content::shipped(CLASS_APP).map_err(<[DataError]>::to_vec)?;
    let questionnaire = content
        .questionnaire("class-climate")
        .filter(|q| q.survey_key.is_some())
        .ok_or_else(|| {
            vec![DataError::new(
                "class-climate.json",
                "",
                crate::domain::DataErrorKind::MissingField {
                    field: "a class survey with a survey_code".into(),
                },
            )]
        })?;
    let ideas = parse_ideas(
        "class-ideas.json",
        CLASS_IDEAS_JSON,
        content.catalog.languages(),
        &content.factors,
    )?;
    Ok((
        content,
        Survey {
            questionnaire,
            ideas: Vec::leak(ideas),
        },
    ))
}

/// The whole class survey app.
#[component]
pub fn ClassApp() -> impl IntoView {
    match load() {
        Ok((content, survey)) => {
            provide_locale(content);
            provide_context(survey);
            provide_context(store::Store::load(survey.questionnaire));
            provide_screen();
            view! { <ClassShell/> }.into_any()
        }
        Err(errors) => view! { <BrokenContent errors=errors/> }.into_any(),
    }
}

/// The shared frame, and the screen the address bar points to.
#[component]
fn ClassShell() -> impl IntoView {
    let screen = use_screen();
    view! {
        <PlainShell here=None>
            {move || match screen.get() {
                Screen::Sessions => view! { <sessions::SessionsPage/> }.into_any(),
                Screen::Session(id) => view! { <session::SessionPage id=id/> }.into_any(),
                Screen::Answer => view! { <own_device::OwnDevicePage/> }.into_any(),
            }}
        </PlainShell>
    }
}
