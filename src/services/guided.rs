//! "Je cherche de l'aide pour…": three questions (for whom, about what,
//! where with school), then a short list with reasons, from the same
//! orientation rules as the results pages.

use leptos::prelude::*;

use crate::shared::locale::tr;
use crate::shared::suggestions::Suggestions;
use amarre_core::factors::Family;
use amarre_core::orientation::Profile;
use amarre_core::questionnaire::Audience;
use amarre_core::scoring::{Band, Situation};

/// A radio group of the guided path.
fn choice<T: Copy + PartialEq + Send + Sync + 'static>(
    name: &'static str,
    legend: &'static str,
    options: Vec<(T, &'static str)>,
    chosen: RwSignal<Option<T>>,
) -> impl IntoView {
    let radios = options
        .into_iter()
        .map(|(value, key)| {
            view! {
                <label class="choice">
                    <input class="choice__input" type="radio" name=name prop:checked=move || chosen.get() == Some(value)
                        on:change=move |_| chosen.set(Some(value))/>
                    <span class="choice__label">{tr(key)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="guided__question">
            <legend>{tr(legend)}</legend>
            <div class="question__choices">{radios}</div>
        </fieldset>
    }
}

/// "Je cherche de l'aide pour…": who, about what, where with school.
#[component]
pub fn GuidedPath() -> impl IntoView {
    let who = RwSignal::new(None::<Audience>);
    let about = RwSignal::new(None::<Family>);
    let school = RwSignal::new(None::<(Option<Situation>, Option<bool>)>);
    let profile = move || {
        let (audience, family, (situation, minor)) = (who.get()?, about.get()?, school.get()?);
        let profile = Profile {
            bands: vec![(family, Band::TalkAboutIt)],
            situation,
            minor,
            ..Profile::default()
        };
        // The reason starts from what the person chose: it is all they said.
        let chosen = match (audience, family) {
            (Audience::Family, Family::School) => "guided.because.school.family",
            (Audience::Family, Family::Family) => "guided.because.family.family",
            (Audience::Family, Family::Personal) => "guided.because.personal.family",
            (Audience::Family, Family::Environment) => "guided.because.environment.family",
            (_, Family::School) => "guided.because.school.student",
            (_, Family::Family) => "guided.because.family.student",
            (_, Family::Personal) => "guided.because.personal.student",
            (_, Family::Environment) => "guided.because.environment.student",
        };
        Some((profile, audience, chosen))
    };
    view! {
        <section class="guided card" aria-labelledby="guided-title" data-testid="guided">
            <h2 id="guided-title">{tr("guided.title")}</h2>
            {choice("guided-who", "guided.who", vec![(Audience::Student, "guided.who.me"), (Audience::Family, "guided.who.child")], who)}
            {choice(
                "guided-about",
                "guided.about",
                vec![
                    (Family::School, "guided.about.school"),
                    (Family::Family, "guided.about.family"),
                    (Family::Personal, "guided.about.personal"),
                    (Family::Environment, "guided.about.environment"),
                ],
                about,
            )}
            {choice(
                "guided-school",
                "guided.school",
                vec![
                    ((Some(Situation::NoSignal), Some(true)), "guided.school.minor_in"),
                    ((Some(Situation::LongTermDropout), Some(true)), "guided.school.minor_out"),
                    ((Some(Situation::NoSignal), Some(false)), "guided.school.adult_in"),
                    ((Some(Situation::Neet), Some(false)), "guided.school.adult_out"),
                ],
                school,
            )}
            <div aria-live="polite" data-testid="guided-result">
                {move || profile().map(|(profile, audience, chosen)| view! {
                    <h3>{tr("guided.result")}</h3>
                    <Suggestions profile=profile audience=audience chosen=chosen/>
                })}
            </div>
        </section>
    }
}
