//! The country the person said they live in, for what differs between
//! Belgium and France outside a questionnaire's own pages: the help area
//! and the safety net show only that country's lines once it is known.
//!
//! It is never stored on its own: it is the answer to a questionnaire's
//! country question, kept with the other answers (and gone with them). A
//! flow keeps this state in step with its answers ([`crate::shared::flow`]);
//! at start, the questionnaires app reads it from the answers of this tab.

use leptos::prelude::*;

use amarre_core::helpline::Country;

/// The person's country, shared through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct PersonCountry(RwSignal<Option<Country>>);

impl PersonCountry {
    /// The country, if the person said (tracked).
    pub fn get(&self) -> Option<Country> {
        self.0.get()
    }

    /// Sets (or forgets) the country, as the answers say.
    pub fn set(&self, country: Option<Country>) {
        if self.0.get_untracked() != country {
            self.0.set(country);
        }
    }
}

/// Provides the person's country, starting from `initial`.
pub fn provide_country(initial: Option<Country>) -> PersonCountry {
    let country = PersonCountry(RwSignal::new(initial));
    provide_context(country);
    country
}

/// The person's country as the app knows it; `None` when it is not known
/// (or the app does not track it): then both countries' lines are shown.
pub fn known_country() -> Option<Country> {
    use_context::<PersonCountry>().and_then(|c| c.get())
}

/// The state itself, for a flow to keep in step.
pub fn use_country() -> Option<PersonCountry> {
    use_context::<PersonCountry>()
}
