//! `/classe/repondre`: a student answering on their own phone. At the end
//! the answers become a response code to hand in (written on paper, or
//! sent through the school's own channel), shown as text and as a QR code
//! drawn on the phone. Nothing is stored and nothing is sent: closing the
//! page forgets the code.

use leptos::prelude::*;

use crate::class::answering::ClassAnswering;
use crate::class::screen::Screen;
use crate::class::use_survey;
use crate::shared::link::Link;
use crate::shared::locale::tr;
use crate::shared::page_title::PageTitle;
use amarre_core::code::ResponseCode;

use crate::shared::random;
use amarre_core::qr::{Qr, SIZE};

/// The student's page: answering, then the code.
#[component]
pub fn OwnDevicePage() -> impl IntoView {
    let survey = use_survey();
    let code = RwSignal::new(None::<String>);
    let done = Callback::new(move |answers: Vec<Option<u8>>| {
        let Some(key) = survey.questionnaire.survey_key else {
            return;
        };
        // 18 bits of nonce: the code carries no more (docs/response-code.md).
        let nonce = random::u32() >> 14;
        code.set(Some(ResponseCode { key, answers, nonce }.encode()));
    });
    view! {
        <PageTitle key="class.own.title"/>
        {move || match code.get() {
            None => view! { <ClassAnswering on_done=done/> }.into_any(),
            Some(text) => view! {
                <CodeCard code=text/>
                <div class="actions">
                    <button
                        type="button"
                        class="button button--quiet"
                        data-testid="forget-code"
                        on:click=move |_| code.set(None)
                    >
                        {tr("class.own.forget")}
                    </button>
                    <Link href=Screen::Sessions.path() class="button button--quiet">{tr("class.own.back")}</Link>
                </div>
            }
            .into_any(),
        }}
    }
}

/// The code, large and in groups, its QR code, and what to do with it.
#[component]
fn CodeCard(code: String) -> impl IntoView {
    let groups = code
        .split('-')
        .map(|group| view! { <span class="response-code__group">{group.to_string()}</span> })
        .collect_view();
    let qr = Qr::encode(&code).map(|qr| {
        let side = (SIZE + 8).to_string();
        let view_box = format!("0 0 {side} {side}");
        view! {
            <svg
                class="response-code__qr"
                data-testid="code-qr"
                viewBox=view_box
                role="img"
                aria-label=tr("class.own.qr")
                shape-rendering="crispEdges"
            >
                <rect width=side.clone() height=side fill="#fff"/>
                <path d=qr.svg_path(4) fill="#000"/>
            </svg>
        }
    });
    view! {
        <section class="response-code" aria-labelledby="code-title">
            <h1 id="code-title" tabindex="-1">{tr("class.own.code_title")}</h1>
            <p>{tr("class.own.code_text")}</p>
            <p class="response-code__text" data-testid="response-code" aria-label=code.clone()>{groups}</p>
            {qr}
            <ul class="intro__facts">
                <li>{tr("class.own.code_paper")}</li>
                <li>{tr("class.own.code_private")}</li>
                <li>{tr("class.own.code_lost")}</li>
            </ul>
        </section>
    }
}
