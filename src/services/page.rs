//! The services page: where the person is, the guided path, the services
//! of the directory in use with their filters, the kinds of service, and
//! the way to the coordinators' page.

use leptos::prelude::*;

use crate::services::browse::Browse;
use crate::services::guided::GuidedPath;
use crate::services::place::PlacePicker;
use crate::shared::address::COORDINATION;
use crate::shared::directory::use_services;
use crate::shared::link::Link;
use crate::shared::locale::tr;
use crate::shared::page_title::PageTitle;

/// The services page.
#[component]
pub fn ServicesPage() -> impl IntoView {
    let services = use_services();
    let body = match services.orientation {
        Some(orientation) => view! {
            <PlacePicker/>
            <GuidedPath/>
            <Browse orientation=orientation/>
            <p class="services__coordination">
                <Link href=COORDINATION>{tr("coordinator.link")}</Link>
            </p>
        }
        .into_any(),
        None => view! {
            <div class="notice notice--warning" role="alert">
                <p>{tr("card.broken")}</p>
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
