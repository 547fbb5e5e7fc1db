//! « Scanner les codes »: the teacher's camera reads the QR codes the
//! students' phones show, one after the other, and each is counted with the
//! same checks as a typed code (duplicates, typos, another survey).
//!
//! The camera code (`classe/qr/scan.js`) and, where the browser has no
//! `BarcodeDetector`, the QR reader (a wasm of its own in a web worker,
//! `crates/amarre-qr-reader`) are fetched only when the button is pressed,
//! from the service worker's precache once the app has been opened: they
//! cost nothing of the class app's first load. The picture is never
//! recorded, kept or sent.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::class::codes::outcome_text;
use crate::class::store::use_store;
use crate::class::use_survey;
use crate::shared::locale::{tr, use_locale, Locale};
use amarre_core::class_session::CodeOutcome;

// The camera code is loaded on the first press; what it says comes back
// through `report(what, text)`: « starting », « reading », « code » with the
// text read, or « failed » with the browser's error name.
#[wasm_bindgen(inline_js = "let stop = null, wanted = false;
export function startScan(report) {
  if (wanted) return;
  wanted = true;
  const container = document.getElementById('scan-view');
  report('starting', '');
  import('/classe/qr/scan.js')
    .then((scan) => scan.start(container, (text) => report('code', text)))
    .then((stopper) => { if (wanted) { stop = stopper; report('reading', ''); } else stopper(); },
          (error) => { wanted = false; report('failed', (error && error.name) || ''); });
}
export function stopScan() { wanted = false; if (stop) { stop(); stop = null; } }")]
extern "C" {
    /// Loads `classe/qr/scan.js` and starts the camera in `#scan-view`.
    #[wasm_bindgen(js_name = startScan)]
    fn start_scan(report: &JsValue);
    /// Turns the camera off (also while it is starting).
    #[wasm_bindgen(js_name = stopScan)]
    fn stop_scan();
}

/// Why the camera did not start, from the browser's error name.
fn failure_key(name: &str) -> &'static str {
    match name {
        "NotAllowedError" | "SecurityError" => "class.scan.refused",
        "NotFoundError" | "OverconstrainedError" => "class.scan.no_camera",
        _ => "class.scan.failed",
    }
}

/// What became of a scanned code, in a sentence.
fn read_text(locale: Locale, outcome: &CodeOutcome, received: usize) -> String {
    match outcome {
        CodeOutcome::Counted => locale.f("class.scan.counted", &[("n", &received.to_string())]),
        other => locale.f("class.scan.not_counted", &[("why", &outcome_text(locale, other))]),
    }
}

/// The scan button, the camera's picture while it reads, and what each
/// code read became.
#[component]
pub fn CodeScanner(
    /// The session's id.
    id: String,
) -> impl IntoView {
    let locale = use_locale();
    let store = use_store();
    let key = use_survey().questionnaire.survey_key;
    let id = StoredValue::new(id);
    // Whether the camera is on (or starting), and what to tell the teacher.
    let on = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    on_cleanup(stop_scan);
    let found = move |text: String| {
        let Some(key) = key else { return };
        let reports = store
            .take(&id.get_value(), |session, waiting| {
                session.add_codes(waiting, &text, key)
            })
            .unwrap_or_default();
        let received =
            store.get(&id.get_value()).map_or(0, |s| s.tally.answers as usize) + store.waiting(&id.get_value());
        let line = reports
            .iter()
            .map(|r| read_text(locale, &r.outcome, received))
            .collect::<Vec<_>>()
            .join(" ");
        status.set(Some(line));
    };
    let toggle = move |_| {
        if on.get_untracked() {
            stop_scan();
            on.set(false);
            status.set(None);
            return;
        }
        on.set(true);
        let report = Closure::<dyn FnMut(String, String)>::new(move |what: String, text: String| {
            let said = match what.as_str() {
                "starting" => "class.scan.starting",
                "reading" => "class.scan.show",
                "code" => return found(text),
                _ => {
                    on.set(false);
                    failure_key(&text)
                }
            };
            status.set(Some(locale.t(said)));
        });
        // Owned by the page's JS from here: called until the camera stops.
        start_scan(&report.into_js_value());
    };
    view! {
        <div class="scanner">
            <p class="form__hint">{tr("class.scan.hint")}</p>
            // scan.js puts the camera's picture here, and removes it.
            <div class="scanner__view" id="scan-view" data-testid="scan-view"></div>
            <button type="button" class="button" data-testid="scan" aria-controls="scan-view" on:click=toggle>
                {move || locale.t(if on.get() { "class.scan.stop" } else { "class.scan.start" })}
            </button>
            <p class="scanner__status" role="status" data-testid="scan-status">{move || status.get()}</p>
        </div>
    }
}
