//! « Lire à voix haute »: a button that has the device read a question or
//! a paragraph of the results out loud, with the browser's own speech
//! synthesis (`speechSynthesis`), in a voice of the page's language.
//!
//! It reads what the page shows next to it, so the text is the one on the
//! screen: the person's language, easy-read when that is on. Nothing is
//! sent anywhere: the voices are the device's. Reading stops when the
//! person moves on (the button leaves the page) or presses it again. A
//! device with no voice for the language, or a browser with no speech
//! synthesis, gets a sentence saying so instead of silence.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use crate::shared::locale::use_locale;

/// Where the button stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    Idle,
    Speaking,
    NoVoice,
    NoSpeech,
}

/// The browser's speech synthesis, if it has one.
fn synthesis() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// A voice of the device for the language `code` (`fr` matches `fr-BE`).
fn voice_for(synthesis: &SpeechSynthesis, code: &str) -> Option<SpeechSynthesisVoice> {
    synthesis
        .get_voices()
        .iter()
        .filter_map(|voice| voice.dyn_into::<SpeechSynthesisVoice>().ok())
        .find(|voice| {
            let lang = voice.lang().to_ascii_lowercase();
            lang == code || lang.starts_with(&format!("{code}-")) || lang.starts_with(&format!("{code}_"))
        })
}

/// What `element` shows, but the read-aloud buttons in it, as sentences.
fn shown_text(element: &HtmlElement) -> String {
    let mut lines = Vec::new();
    let children = element.children();
    for at in 0..children.length() {
        let Some(child) = children.item(at).and_then(|c| c.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        if child.class_list().contains("read-aloud") {
            continue;
        }
        lines.extend(
            child
                .inner_text()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
    }
    // A pause between lines: each choice, each reason, is its own sentence.
    lines
        .iter()
        .map(|line| match line.chars().last() {
            Some('.' | '?' | '!' | ':' | '؟' | '…') => line.clone(),
            _ => format!("{line}."),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A « Lire à voix haute » button reading the element it stands in (its
/// parent), the other read-aloud buttons left out.
#[component]
pub fn ReadAloud() -> impl IntoView {
    let locale = use_locale();
    let reading = RwSignal::new(Reading::Idle);
    let button = NodeRef::<leptos::html::Button>::new();
    // Voices load when first asked for: ask now, so they are there on a click.
    if let Some(synthesis) = synthesis() {
        let _ = synthesis.get_voices();
    }
    on_cleanup(move || {
        if reading.get_untracked() == Reading::Speaking {
            if let Some(synthesis) = synthesis() {
                synthesis.cancel();
            }
        }
    });
    let read = move |_| {
        let Some(synthesis) = synthesis() else {
            reading.set(Reading::NoSpeech);
            return;
        };
        if reading.get_untracked() == Reading::Speaking {
            synthesis.cancel();
            reading.set(Reading::Idle);
            return;
        }
        let code = locale.current().code.as_str();
        let Some(voice) = voice_for(&synthesis, code) else {
            reading.set(Reading::NoVoice);
            return;
        };
        let Some(parent) = button
            .get_untracked()
            .and_then(|b| b.parent_element())
            .and_then(|p| p.dyn_into::<HtmlElement>().ok())
        else {
            return;
        };
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&shown_text(&parent)) else {
            reading.set(Reading::NoSpeech);
            return;
        };
        utterance.set_lang(code);
        utterance.set_voice(Some(&voice));
        let done = Closure::<dyn FnMut()>::new(move || reading.set(Reading::Idle)).into_js_value();
        utterance.set_onend(Some(done.unchecked_ref()));
        utterance.set_onerror(Some(done.unchecked_ref()));
        // One voice at a time: whatever another button was reading stops.
        synthesis.cancel();
        reading.set(Reading::Speaking);
        synthesis.speak(&utterance);
    };
    let said = move || match reading.get() {
        Reading::NoVoice => Some(locale.t("shell.no_voice")),
        Reading::NoSpeech => Some(locale.t("shell.no_speech")),
        Reading::Idle | Reading::Speaking => None,
    };
    view! {
        <button
            type="button"
            class="read-aloud"
            data-testid="read-aloud"
            node_ref=button
            aria-pressed=move || (reading.get() == Reading::Speaking).to_string()
            on:click=read
        >
            {move || locale.t(if reading.get() == Reading::Speaking { "shell.read_aloud_stop" } else { "shell.read_aloud" })}
        </button>
        <p class="read-aloud read-aloud__problem" role="status" data-testid="read-aloud-problem">{said}</p>
    }
}
