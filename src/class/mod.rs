//! The class climate survey: two apps of their own, each with its own wasm
//! so no one downloads what they do not use. The teacher's at `/classe`
//! ([`ClassApp`], `src/bin/amarre-classe.rs`): sessions, the shared device,
//! codes typed, pasted or scanned, the report. The students' at
//! `/classe/repondre` ([`StudentApp`], `src/bin/amarre-classe-eleve.rs`): a
//! student's own phone answers and shows the response code, nothing else.
//!
//! A teacher opens a session on their device; students answer either one
//! after another on that device, or on their own phones, handing in a
//! response code. Only counts ever reach the session ([`store`]), and the
//! report shows no figure about fewer than five answers
//! ([`amarre_core::climate`]).
//!
//! - [`screen`]: where the person is, kept in the address bar.
//! - [`store`]: the teacher's sessions, kept on the device.
//! - [`sessions`]: the list of sessions and opening a new one.
//! - [`session`]: one session: answers coming in, closing, the report.
//! - [`answering`]: a student answering, in memory only.
//! - [`own_device`]: a student's own phone: answer, then get the code.
//! - [`codes`]: the teacher typing or pasting codes.
//! - [`scanner`]: the teacher's camera reading the codes' QR codes.
//! - [`parents`]: a note for parents, to print.
//! - [`report`]: the report, the comparison, ideas, CSV and print.

pub mod answering;
pub mod codes;
pub mod own_device;
pub mod parents;
pub mod report;
pub mod scanner;
pub mod screen;
pub mod session;
pub mod sessions;
pub mod store;

use leptos::prelude::*;

use amarre_core::class_ideas::DimensionIdeas;
use amarre_core::questionnaire::Questionnaire;

use crate::shared::content::{self, Content};
use crate::shared::locale::provide_locale;
use crate::shared::shell::{BrokenContent, Shell};
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

/// The class app's content and its survey, or why they cannot be used.
pub fn load() -> Result<(&'static Content, Survey), String> {
    let content = content::shipped(content::CLASS).map_err(|e| e.0.clone())?;
    // The build refuses a class app without a class survey (a survey_code).
    let questionnaire = content
        .questionnaires
        .iter()
        .find(|q| q.survey_key.is_some())
        .ok_or("the class survey is missing from the build")?;
    Ok((
        content,
        Survey {
            questionnaire,
            ideas: &content.ideas,
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
            view! { <Shell><CurrentScreen/></Shell> }.into_any()
        }
        Err(problem) => view! { <BrokenContent problem=problem/> }.into_any(),
    }
}

/// The students' app: answering on their own phone, then the code.
#[component]
pub fn StudentApp() -> impl IntoView {
    match load() {
        Ok((content, survey)) => {
            provide_locale(content);
            provide_context(survey);
            view! { <Shell><own_device::OwnDevicePage/></Shell> }.into_any()
        }
        Err(problem) => view! { <BrokenContent problem=problem/> }.into_any(),
    }
}

/// The screen the address bar points to.
#[component]
fn CurrentScreen() -> impl IntoView {
    let screen = use_screen();
    move || match screen.get() {
        Screen::Sessions => view! { <sessions::SessionsPage/> }.into_any(),
        Screen::Session(id) => view! { <session::SessionPage id=id/> }.into_any(),
        Screen::ParentNote => view! { <parents::ParentNote/> }.into_any(),
    }
}
