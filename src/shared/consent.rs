//! Before the first question of any questionnaire: answering is free, any
//! question can be skipped, the person can stop at any time, the answers
//! stay on the device, and (class survey) the teacher only ever sees
//! totals. Said in the person's voice ("tu" or "vous"), easy-read too.

use leptos::prelude::*;

use crate::shared::locale::{for_audience, tr};
use amarre_core::questionnaire::Audience;

/// The consent points for `audience`.
#[component]
pub fn Consent(
    /// Who answers: a young person, a family, a student in a class survey.
    audience: Audience,
) -> impl IntoView {
    let point = |student: &'static str, family: &'static str| {
        view! { <li>{tr(for_audience(audience, student, family))}</li> }
    };
    view! {
        <section class="consent" aria-labelledby="consent-title" data-testid="consent">
            <h2 id="consent-title" class="consent__title">{tr("q.consent.title")}</h2>
            <ul class="consent__points">
                {point("q.consent.free.student", "q.consent.free.family")}
                {point("q.consent.skip.student", "q.consent.skip.family")}
                {point("q.consent.stop.student", "q.consent.stop.family")}
                {match audience {
                    Audience::Class => view! { <li>{tr("q.consent.class")}</li> }.into_any(),
                    _ => point("q.consent.private.student", "q.consent.private.family").into_any(),
                }}
            </ul>
        </section>
    }
}
