//! The teacher typing or pasting response codes, one or many at a time.
//! Each is counted, or refused with the reason and its place ("code 7:
//! character 5 ('U') is not valid"); refused codes stay in the box to be
//! corrected, counted ones leave it. No code is kept: only counts.

use leptos::prelude::*;

use crate::class::store::use_store;
use crate::class::use_survey;
use crate::shared::locale::{tr, use_locale, Locale};
use amarre_core::class_session::{CodeOutcome, CodeReport};
use amarre_core::code::{CodeError, CODE_LENGTH};

/// A refusal or a count, in the reader's language.
pub(crate) fn outcome_text(locale: Locale, outcome: &CodeOutcome) -> String {
    match outcome {
        CodeOutcome::Counted => locale.t("class.codes.counted"),
        CodeOutcome::AlreadyCounted => locale.t("class.codes.already"),
        CodeOutcome::Closed => locale.t("class.codes.closed"),
        CodeOutcome::Refused(error) => match error {
            CodeError::Empty => locale.t("class.codes.empty"),
            CodeError::WrongLength { found } => locale.f(
                "class.codes.length",
                &[("found", &found.to_string()), ("length", &CODE_LENGTH.to_string())],
            ),
            CodeError::InvalidCharacter { position, character } => locale.f(
                "class.codes.character",
                &[
                    ("position", &position.to_string()),
                    ("character", &character.to_string()),
                ],
            ),
            CodeError::Checksum => locale.t("class.codes.checksum"),
            CodeError::OtherSurvey { .. } => locale.t("class.codes.other_survey"),
            CodeError::BadAnswer { .. } => locale.t("class.codes.bad_answer"),
        },
    }
}

/// The box for codes of the session `id`, and what became of the last batch.
#[component]
pub fn CodeEntry(
    /// The session's id.
    id: String,
) -> impl IntoView {
    let locale = use_locale();
    let store = use_store();
    let key = use_survey().questionnaire.survey_key;
    let typed = RwSignal::new(String::new());
    let reports = RwSignal::new(Vec::<CodeReport>::new());
    let count = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(key) = key else { return };
        let batch = typed.get_untracked();
        let done = store
            .take(&id, |session, waiting| session.add_codes(waiting, &batch, key))
            .unwrap_or_default();
        // Keep what still needs the teacher's eye; counted codes leave the box.
        let left: Vec<&str> = done
            .iter()
            .filter(|r| matches!(r.outcome, CodeOutcome::Refused(_)))
            .map(|r| r.typed.as_str())
            .collect();
        typed.set(left.join("\n"));
        reports.set(done);
    };
    let summary = move || {
        reports.with(|all| {
            (!all.is_empty()).then(|| {
                let counted = all.iter().filter(|r| r.outcome == CodeOutcome::Counted).count();
                locale.f(
                    "class.codes.summary",
                    &[
                        ("counted", &counted.to_string()),
                        ("refused", &(all.len() - counted).to_string()),
                    ],
                )
            })
        })
    };
    let details = move || {
        reports
            .get()
            .into_iter()
            .filter(|r| r.outcome != CodeOutcome::Counted)
            .map(|r| {
                let line = format!(
                    "{} ({}) : {}",
                    locale.f("class.codes.number", &[("n", &r.number.to_string())]),
                    r.typed,
                    outcome_text(locale, &r.outcome)
                );
                view! { <li data-testid="code-problem">{line}</li> }
            })
            .collect_view()
    };
    view! {
        <form class="form codes" on:submit=count>
            <label class="form__label" for="codes">{tr("class.codes.label")}</label>
            <p class="form__hint" id="codes-hint">{tr("class.codes.hint")}</p>
            <textarea
                id="codes"
                class="form__input codes__box"
                data-testid="codes"
                rows="5"
                autocomplete="off"
                autocapitalize="characters"
                spellcheck="false"
                aria-describedby="codes-hint"
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
            ></textarea>
            <button type="submit" class="button" data-testid="count-codes">{tr("class.codes.count")}</button>
            <div role="status" aria-live="polite">
                <p class="codes__summary" data-testid="codes-summary">{summary}</p>
                <ul class="codes__problems">{details}</ul>
            </div>
        </form>
    }
}
