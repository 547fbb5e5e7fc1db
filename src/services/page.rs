//! The services page: where the person is, the guided path, the services
//! of the directory in use with their filters, the kinds of service, and
//! the coordinator's directory loader.

use leptos::prelude::*;

use crate::components::page_title::PageTitle;
use crate::locale::tr;
use crate::services::browse::Browse;
use crate::services::coordinator::Coordinator;
use crate::services::guided::GuidedPath;
use crate::services::place::PlacePicker;
use crate::services::state::use_services;

/// The services page.
#[component]
pub fn ServicesPage() -> impl IntoView {
    let services = use_services();
    let body = match services.orientation {
        Ok(orientation) => view! {
            <PlacePicker/>
            <GuidedPath/>
            <Browse orientation=orientation/>
            <Coordinator/>
        }
        .into_any(),
        Err(errors) => view! {
            <div class="notice notice--warning" role="alert">
                <p>{tr("card.broken")}</p>
                <ul>{errors.iter().map(|e| view! { <li>{e.to_string()}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
    };
    view! {
        <PageTitle key="services.title"/>
        <section class="services" data-testid="services">
            <h1 tabindex="-1">{tr("services.title")}</h1>
            <p>{tr("services.intro")}</p>
            {body}
        </section>
    }
}
