//! Prints how long decoding and counting 1,000 pasted response codes
//! takes in a session (a frame is 16.7 ms). A benchmark, not a test: it
//! never fails.
//!
//!   cargo run --release --example bench_codes            (native figures)
//!   cargo run --release --example bench_codes -- --print (the 1,000 codes,
//!       one per line, for the browser benchmark in scripts/bench.mjs)

use std::time::Instant;

use amarre_core::class_session::{CodeOutcome, Mode, Session};
use amarre_core::code::ResponseCode;
use amarre_core::shipped::{DataDir, Groundwork};

fn main() {
    let groundwork = Groundwork::load().expect("shipped data is valid");
    let q = groundwork
        .questionnaire(
            "class-climate.json",
            &DataDir::shipped()
                .read("questionnaires/class-climate.json")
                .expect("shipped"),
        )
        .expect("shipped data is valid");
    let key = q.survey_key.expect("the climate survey has a survey key");
    let pasted: String = (0..1000u32)
        .map(|n| {
            let answers = (0..q.items.len()).map(|i| Some(((n as usize + i) % 5) as u8)).collect();
            ResponseCode {
                key,
                answers,
                nonce: n * 37,
            }
            .encode()
        })
        .collect::<Vec<_>>()
        .join("\n");

    if std::env::args().any(|a| a == "--print") {
        println!("{pasted}");
        return;
    }
    let mut times = Vec::new();
    for _ in 0..50 {
        let start = Instant::now();
        let mut session = Session::open("bench".into(), "bench", Mode::OwnDevices, 5, "2026-11-22".into(), 7, &q)
            .expect("a valid session");
        let mut waiting = amarre_core::class_session::Waiting::default();
        let reports = session.add_codes(&mut waiting, &pasted, key);
        assert_eq!(
            session.tally.answers,
            1000,
            "{:?}",
            reports.iter().find(|r| r.outcome != CodeOutcome::Counted)
        );
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "1,000 codes decoded, de-duplicated and counted: median {:.2} ms, worst {:.2} ms (50 runs; a frame is 16.7 ms)",
        times[times.len() / 2],
        times[times.len() - 1]
    );
}
