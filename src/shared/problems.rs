//! Problems found in a file the person gave the app (an answers file, a
//! coordinator's directory) or in what storage held, said in the reading
//! language, in words: « La réponse « … » à la question « … » n'existe pas
//! dans ce questionnaire ». Each keeps its technical line (file, place,
//! problem, in the format's own English words, the same as the checker
//! prints) underneath, for a coordinator who fixes the file.

use leptos::prelude::*;

use amarre_core::questionnaire::Questionnaire;
use amarre_core::{DataError, DataErrorKind};

use crate::shared::locale::Locale;

/// `error` in words, in the reading language. With `questionnaire`, a
/// problem about an answer names its question as the person reads it.
pub fn in_words(locale: Locale, error: &DataError, questionnaire: Option<&Questionnaire>) -> String {
    let f = |key: &'static str, args: &[(&str, &str)]| locale.f(key, args);
    // An answer's place is "given → <item id>".
    let item = questionnaire.and_then(|q| {
        let id = error.place.strip_prefix("given → ")?;
        let position = q.item(id)?;
        Some(locale.easy_text(&q.items[position].question))
    });
    match &error.kind {
        DataErrorKind::UnknownReference { what: "the option", id } => match item {
            Some(question) => f("problem.unknown_answer", &[("answer", id), ("question", &question)]),
            None => f("problem.unknown", &[("id", id)]),
        },
        DataErrorKind::UnknownReference { what: "item", id } => f("problem.unknown_question", &[("id", id)]),
        DataErrorKind::UnknownReference { id, .. } => f("problem.unknown", &[("id", id)]),
        DataErrorKind::NotAllowed { .. } if error.place == "questionnaire" => f("problem.other_questionnaire", &[]),
        DataErrorKind::NotAllowed { .. } if error.place == "format" => f("problem.not_ours", &[]),
        DataErrorKind::NotAllowed { value, .. } => f("problem.not_allowed", &[("value", value)]),
        DataErrorKind::Syntax(_) => f("problem.unreadable", &[]),
        DataErrorKind::Empty => f("problem.empty", &[]),
        DataErrorKind::MissingField { .. } => f("problem.missing", &[]),
        DataErrorKind::UnknownField { field, .. } => f("problem.unknown_field", &[("field", field)]),
        DataErrorKind::WrongType { .. } | DataErrorKind::WrongLength { .. } => f("problem.wrong_type", &[]),
        DataErrorKind::ForbiddenLink { link } => f("problem.forbidden_link", &[("link", link)]),
        DataErrorKind::MalformedLink { link, .. } => f("problem.bad_link", &[("link", link)]),
        DataErrorKind::BadDate { value } => f("problem.bad_date", &[("value", value)]),
        DataErrorKind::Duplicate { id } => f("problem.duplicate", &[("id", id)]),
        DataErrorKind::ContainsHtml { text } => f("problem.html", &[("text", text)]),
        DataErrorKind::TooBig { .. } => f("problem.too_big", &[]),
        DataErrorKind::NotUtf8 { line } => f("problem.not_utf8", &[("line", &line.to_string())]),
        DataErrorKind::HiddenCharacter { code } => f("problem.hidden", &[("code", &format!("U+{code:04X}"))]),
        DataErrorKind::TooManyProblems { more } => f("problem.more", &[("more", &more.to_string())]),
        DataErrorKind::MissingFile => f("problem.missing_file", &[]),
        DataErrorKind::NotAPhoneNumber { number } => f("problem.not_a_phone", &[("number", number)]),
        DataErrorKind::NeededByAmarre { .. } => f("problem.needed", &[]),
        DataErrorKind::Unreachable => f("problem.unreachable", &[]),
        // Only the app's own data files can have these, and the build
        // refuses them: the technical line says it all.
        DataErrorKind::MissingTranslation { .. }
        | DataErrorKind::UnknownLanguage { .. }
        | DataErrorKind::Cycle { .. }
        | DataErrorKind::ForwardReference { .. }
        | DataErrorKind::PlaceholderMismatch { .. } => f("problem.other", &[]),
    }
}

/// The problems as a list: each in words, its technical line beneath.
#[component]
pub fn ProblemList(
    /// The problems, in the file's order.
    errors: Vec<DataError>,
    /// The questionnaire an answers file belongs to, to name its questions.
    #[prop(optional)]
    questionnaire: Option<&'static Questionnaire>,
) -> impl IntoView {
    let locale = crate::shared::locale::use_locale();
    let items = errors
        .into_iter()
        .map(|error| {
            let technical = error.to_string();
            view! {
                <li class="problem">
                    <span class="problem__words">{move || in_words(locale, &error, questionnaire)}</span>
                    " "
                    <code class="problem__place" data-testid="problem-place">{technical}</code>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="problems">{items}</ul> }
}
