//! A class survey session: counts only, codes counted once, refusals with
//! their reason and place, and a stored text that is read back, or set
//! aside with its problems, never dropped.

use amarre_core::class_ideas::parse_ideas;
use amarre_core::class_session::{parse_sessions, to_text, CodeOutcome, Mode, Session, SessionError, Waiting, POOL};
use amarre_core::code::{CodeError, ResponseCode, SurveyKey};
use amarre_core::questionnaire::Questionnaire;
use amarre_core::shipped::{App, Content, DataDir};

fn climate() -> Questionnaire {
    let content = Content::load_for(App::Class).expect("the class app's data is valid");
    content.questionnaire("class-climate").expect("shipped").clone()
}

fn session(q: &Questionnaire, mode: Mode) -> Session {
    Session::open("s1".into(), "3e B", mode, 5, "2026-11-22".into(), 77, q).unwrap()
}

fn code(key: SurveyKey, answer: u8, nonce: u32) -> String {
    ResponseCode {
        key,
        answers: vec![Some(answer); key.items],
        nonce,
    }
    .encode()
}

#[test]
fn the_climate_survey_names_its_codes() {
    let key = climate().survey_key.expect("a class survey has a survey key");
    assert_eq!((key.survey, key.version, key.items), (1, 1, 14));
}

#[test]
fn a_session_needs_a_name_and_a_threshold_of_at_least_five() {
    let q = climate();
    let open = |name: &str, threshold| {
        Session::open(
            "x".into(),
            name,
            Mode::SharedDevice,
            threshold,
            "2026-11-22".into(),
            1,
            &q,
        )
    };
    assert_eq!(open("  ", 5).unwrap_err(), SessionError::EmptyName);
    assert_eq!(open(&"a".repeat(81), 5).unwrap_err(), SessionError::NameTooLong);
    assert_eq!(open("3e B", 4).unwrap_err(), SessionError::Threshold);
    assert_eq!(open("3e B", 41).unwrap_err(), SessionError::Threshold);
    assert_eq!(open("  3e B ", 8).unwrap().name, "3e B");
}

#[test]
fn codes_are_counted_once_and_refusals_say_why_and_where() {
    let q = climate();
    let key = q.survey_key.unwrap();
    let mut s = session(&q, Mode::OwnDevices);
    let good = code(key, 3, 1);
    let twin = code(key, 3, 2); // same answers, another student
    let mut typo: Vec<char> = good.chars().collect();
    typo[5] = if typo[5] == 'A' { 'B' } else { 'A' };
    let typo: String = typo.into_iter().collect();
    let other = code(SurveyKey { survey: 9, ..key }, 3, 3);
    let spaced = code(key, 1, 4).replace('-', " ").to_lowercase();
    let batch = format!("{good}\n{twin}, {typo}; {good}\n{other}\n{spaced}\n7KQ2-UXDM\n");
    let mut waiting = Waiting::default();
    let reports = s.add_codes(&mut waiting, &batch, key);
    let outcomes: Vec<(usize, CodeOutcome)> = reports.iter().map(|r| (r.number, r.outcome.clone())).collect();
    assert_eq!(
        outcomes,
        vec![
            (1, CodeOutcome::Counted),
            (2, CodeOutcome::Counted),
            (3, CodeOutcome::Refused(CodeError::Checksum)),
            (4, CodeOutcome::AlreadyCounted),
            (
                5,
                CodeOutcome::Refused(CodeError::OtherSurvey { survey: 9, version: 1 })
            ),
            (6, CodeOutcome::Counted),
            (
                7,
                CodeOutcome::Refused(CodeError::InvalidCharacter {
                    position: 5,
                    character: 'U'
                })
            ),
        ]
    );
    // Three answers wait: too few to join the kept counts.
    assert_eq!((s.tally.answers, waiting.len()), (0, 3));
    // The same code typed again later, in another form, is still caught.
    let again = s.add_codes(&mut waiting, &good.to_lowercase().replace('-', ""), key);
    assert_eq!(again[0].outcome, CodeOutcome::AlreadyCounted);
    // Two more make five: all join the counts at once.
    s.add_codes(&mut waiting, &format!("{} {}", code(key, 0, 5), code(key, 0, 6)), key);
    assert_eq!((s.tally.answers, waiting.len()), (5, 0));
    assert_eq!(s.tally.counts[0], [2, 1, 0, 2, 0, 0]);
    let again = s.add_codes(&mut waiting, &good, key);
    assert_eq!(
        again[0].outcome,
        CodeOutcome::AlreadyCounted,
        "a pooled code is caught too"
    );
    s.closed = true;
    assert_eq!(
        s.add_codes(&mut waiting, &code(key, 2, 9), key)[0].outcome,
        CodeOutcome::Closed
    );
    assert!(!s.add_answers(&mut waiting, &[Some(1)]));
    assert_eq!((s.tally.answers, waiting.len()), (5, 0));
}

#[test]
fn no_kept_count_changes_by_one_students_answers() {
    let q = climate();
    let mut s = session(&q, Mode::SharedDevice);
    let mut waiting = Waiting::default();
    let mut kept = vec![to_text(std::slice::from_ref(&s))];
    for student in 0..2 * POOL + 1 {
        let answers: Vec<Option<u8>> = (0..q.items.len())
            .map(|i| u8::try_from((student + i) % 5).ok())
            .collect();
        assert!(s.add_answers(&mut waiting, &answers));
        kept.push(to_text(std::slice::from_ref(&s)));
    }
    // The kept text changes only after the 5th and the 10th student, by five at once.
    let changed: Vec<usize> = (1..kept.len()).filter(|&i| kept[i] != kept[i - 1]).collect();
    assert_eq!(changed, vec![POOL, 2 * POOL]);
    assert_eq!((s.tally.answers, waiting.len()), (10, 1));
}

#[test]
fn a_code_counted_in_another_tab_meanwhile_is_not_counted_twice() {
    let q = climate();
    let key = q.survey_key.unwrap();
    let mut here = session(&q, Mode::OwnDevices);
    let mut there = here.clone();
    let (mut waiting_here, mut waiting_there) = (Waiting::default(), Waiting::default());
    let codes: Vec<String> = (0..5).map(|n| code(key, 1, n)).collect();
    here.add_codes(&mut waiting_here, &codes[..4].join(" "), key);
    there.add_codes(&mut waiting_there, &codes.join(" "), key);
    assert_eq!(there.tally.answers, 5);
    // This tab reads what the other kept, then takes one more code: the four
    // codes it held are already in, so one waits, alone.
    here.tally = there.tally.clone();
    here.seen = there.seen.clone();
    here.add_codes(&mut waiting_here, &code(key, 2, 99), key);
    assert_eq!((here.tally.answers, waiting_here.len()), (5, 1));
}

#[test]
fn a_batch_is_cut_into_codes_however_it_was_typed() {
    let key = climate().survey_key.unwrap();
    let (a, b) = (code(key, 1, 1), code(key, 2, 2));
    let spaced = b.to_lowercase().replace('-', " ");
    let pieces = |batch: &str| amarre_core::code_batch::pieces(batch, key);
    assert_eq!(
        pieces(&format!("{a} {b}\n{spaced}\n\n  , ;7KQ2")),
        vec![a.as_str(), &b, &spaced, "7KQ2"]
    );
    assert_eq!(pieces(&format!("{a}{b}")), vec![a.as_str(), &b], "nothing between");
    assert!(pieces(" \n ,, ").is_empty());
    // A code missing its last character does not take its neighbour's first.
    let short = &a[..a.len() - 1];
    assert_eq!(pieces(&format!("{short}{b}")), vec![short, &b]);
    assert_eq!(pieces(&format!("{short} {b}")), vec![short, &b]);
}

/// A thousand codes, one in ten damaged (a character changed, missing,
/// added, or two swapped), joined by `separator`: every valid code counted,
/// every damaged one refused on its own.
fn thousand_with_damage(separator: &str) {
    let q = climate();
    let key = q.survey_key.unwrap();
    let mut state = 0x2545_f491_u32;
    let mut next = move |bound: u32| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state % bound
    };
    let alphabet: Vec<char> = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".chars().collect();
    let mut typed = Vec::new();
    let mut damaged = Vec::new();
    for n in 0..1000 {
        let answers = (0..key.items)
            .map(|_| u8::try_from(next(6)).ok().filter(|v| *v < 5))
            .collect();
        let good = ResponseCode { key, answers, nonce: n }.encode();
        if n % 10 != 3 {
            typed.push(good);
            continue;
        }
        let mut chars: Vec<char> = good.chars().filter(|c| *c != '-').collect();
        let at = next(15) as usize;
        match n % 4 {
            0 => chars[at] = alphabet[(alphabet.iter().position(|c| *c == chars[at]).unwrap() + 1) % 32],
            1 => {
                chars.remove(at);
            }
            2 => chars.insert(at, alphabet[next(32) as usize]),
            _ => chars.swap(at, at + 1),
        }
        let text: String = chars.into_iter().collect();
        damaged.push(text.clone());
        typed.push(text);
    }
    let batch = typed.join(separator);
    let mut s = session(&q, Mode::OwnDevices);
    let mut waiting = Waiting::default();
    let reports = s.add_codes(&mut waiting, &batch, key);
    let counted = reports.iter().filter(|r| r.outcome == CodeOutcome::Counted).count();
    let refused: Vec<&str> = reports
        .iter()
        .filter(|r| matches!(r.outcome, CodeOutcome::Refused(_)))
        .map(|r| r.typed.as_str())
        .collect();
    assert_eq!(counted, 900, "joined by {separator:?}");
    assert_eq!(s.tally.answers as usize + waiting.len(), 900);
    assert_eq!(refused.len(), 100, "joined by {separator:?}");
    assert_eq!(
        refused.concat(),
        damaged.concat(),
        "the refused text is the damaged text"
    );
    if !separator.is_empty() {
        assert_eq!(refused, damaged, "each refused alone");
    } else {
        same_as_fixture(&batch, &damaged);
    }
}

/// The end-to-end test pastes the same line on the teacher's page: the
/// fixture must be this test's batch (written anew with `AMARRE_WRITE_FIXTURES=1`).
fn same_as_fixture(batch: &str, damaged: &[String]) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/e2e/data/pasted-codes.json");
    let fixture = serde_json::json!({
        "about": "1,000 response codes of the class climate survey on one line with nothing between, one in ten damaged; written by crates/amarre-core/tests/class_session.rs",
        "pasted": batch,
        "valid": 900,
        "damaged": damaged,
    });
    let text = serde_json::to_string_pretty(&fixture).unwrap() + "\n";
    if std::env::var_os("AMARRE_WRITE_FIXTURES").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == text,
        "{} is out of date: run with AMARRE_WRITE_FIXTURES=1",
        path.display()
    );
}

#[test]
fn a_thousand_codes_one_in_ten_damaged_each_read_or_refused_on_its_own() {
    for separator in ["", " ", ", ", "\n", ";"] {
        thousand_with_damage(separator);
    }
}

#[test]
fn the_stored_text_holds_counts_and_reads_back_the_same() {
    let q = climate();
    let key = q.survey_key.unwrap();
    let mut s = session(&q, Mode::OwnDevices);
    let mut waiting = Waiting::default();
    let five: Vec<String> = (0..5).map(|n| code(key, n as u8 % 5, n)).collect();
    s.add_codes(&mut waiting, &five.join("\n"), key);
    let mut shared = session(&q, Mode::SharedDevice);
    shared.id = "s2".into();
    let mut waiting = Waiting::default();
    for _ in 0..POOL {
        shared.add_answers(&mut waiting, &vec![Some(2); q.items.len()]);
    }
    let text = to_text(&[s.clone(), shared.clone()]);
    assert!(!text.contains(&five[0][..9]), "no code is stored");
    assert_eq!((s.tally.answers, shared.tally.answers), (5, 5));
    let (read, unreadable) = parse_sessions("amarre.class.sessions", &text, &q);
    assert!(unreadable.is_empty(), "{unreadable:?}");
    assert_eq!(read, vec![s, shared]);
}

#[test]
fn a_corrupted_store_is_set_aside_with_its_problems_and_good_sessions_survive() {
    let q = climate();
    let good = session(&q, Mode::SharedDevice);
    let text = to_text(std::slice::from_ref(&good));
    let (read, unreadable) = parse_sessions("store", "{\"format\": broken", &q);
    assert!(read.is_empty());
    assert_eq!(unreadable[0].text, "{\"format\": broken", "the whole text is kept");

    // One session's counts no longer add up: that one is set aside.
    let mut bad = good.clone();
    bad.id = "s2".into();
    bad.tally.answers = 3;
    let mixed = to_text(&[good.clone(), bad, good.clone()]);
    let (read, unreadable) = parse_sessions("store", &mixed, &q);
    assert_eq!(read, vec![good.clone()]);
    let lines: Vec<String> = unreadable
        .iter()
        .flat_map(|u| u.errors.iter().map(ToString::to_string))
        .collect();
    assert!(lines[0].starts_with("store: sessions[1] → counts[0]:"), "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l == "store: sessions[2] → id: id 's1' is used more than once"),
        "{lines:?}"
    );
    assert_eq!(unreadable[0].text, mixed, "the stored text is set aside whole");

    for (broken, place) in [
        (
            text.replace("\"threshold\":5", "\"threshold\":2"),
            "sessions[0] → threshold",
        ),
        (
            text.replace("\"mode\":\"shared\"", "\"mode\":\"spy\""),
            "sessions[0] → mode",
        ),
        (
            text.replace("\"opened\":\"2026-11-22\"", "\"opened\":\"hier\""),
            "sessions[0] → opened",
        ),
        (text.replace("\"name\":\"3e B\"", "\"name\":\"\""), "sessions[0] → name"),
        (
            text.replace("\"questionnaire_version\":1", "\"questionnaire_version\":2"),
            "sessions[0] → questionnaire",
        ),
        (
            text.replace("\"closed\"", "\"answers_of_lea\":[1],\"closed\""),
            "sessions[0]",
        ),
    ] {
        let (read, unreadable) = parse_sessions("store", &broken, &q);
        assert!(read.is_empty(), "{broken}");
        let first = unreadable[0].errors[0].to_string();
        assert!(first.starts_with(&format!("store: {place}")), "{first}");
    }
    let (_, unreadable) = parse_sessions("store", "{\"format\":\"other\",\"version\":1,\"sessions\":[]}", &q);
    assert!(unreadable[0].errors[0].to_string().starts_with("store: format"));
}

#[test]
fn the_ideas_cover_every_dimension_of_the_climate_survey() {
    let content = Content::load_for(App::Class).unwrap();
    let ideas = parse_ideas(
        "class-ideas.json",
        &DataDir::shipped().read("class-ideas.json").unwrap(),
        content.catalog.languages(),
        &content.factors,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let q = climate();
    for item in &q.items {
        let dimension = item.subfactor.as_deref().unwrap();
        assert!(
            ideas.iter().any(|d| d.dimension == dimension),
            "no ideas for {dimension}"
        );
    }
    let broken = r#"{"ideas":[{"dimension":"weather","ideas":[{"fr":"a","en":"b","nl":"c","ar":"ج"}]}]}"#;
    let errors = parse_ideas("x.json", broken, content.catalog.languages(), &content.factors).unwrap_err();
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("weather"));
}

#[test]
fn any_name_survives_the_round_trip_as_text() {
    let q = climate();
    let name = "<img src=x onerror=alert(1)> \"3e\\B\"\n\t🙂";
    let s = Session::open("s1".into(), name, Mode::SharedDevice, 5, "2026-11-22".into(), 1, &q).unwrap();
    let (read, unreadable) = parse_sessions("store", &to_text(std::slice::from_ref(&s)), &q);
    assert!(unreadable.is_empty(), "{unreadable:?}");
    assert_eq!(read[0].name, name.trim());
}
