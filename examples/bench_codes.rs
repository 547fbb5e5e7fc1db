//! Prints how long decoding and counting 1,000 pasted response codes
//! takes (a frame is 16.7 ms). A benchmark, not a test: it never fails.
//!
//!   cargo run --release --example bench_codes
//!
//! Native figures; the class survey page will add the same measure in the
//! browser once it exists.

use std::time::Instant;

use amarre::content::{Groundwork, CLIMATE_JSON};
use amarre::domain::climate::Tally;
use amarre::domain::code::{canonical, ResponseCode, SurveyKey};

fn main() {
    let groundwork = Groundwork::load().expect("shipped data is valid");
    let q = groundwork
        .questionnaire("class-climate.json", CLIMATE_JSON)
        .expect("shipped data is valid");
    let key = SurveyKey {
        survey: 1,
        version: 1,
        items: q.items.len(),
    };
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

    let mut times = Vec::new();
    for _ in 0..50 {
        let start = Instant::now();
        let mut tally = Tally::new(&q);
        let mut seen = std::collections::HashSet::new();
        for line in pasted.lines() {
            if let Ok(code) = ResponseCode::decode(line, key) {
                if seen.insert(canonical(line)) {
                    tally.add(&code.answers);
                }
            }
        }
        assert_eq!(tally.answers, 1000);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "1,000 codes decoded, de-duplicated and counted: median {:.2} ms, worst {:.2} ms (50 runs; a frame is 16.7 ms)",
        times[times.len() / 2],
        times[times.len() - 1]
    );
}
