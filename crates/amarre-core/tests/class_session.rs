//! A class survey session: counts only, codes counted once, refusals with
//! their reason and place, and a stored text that is read back, or set
//! aside with its problems, never dropped.

use amarre_core::class_ideas::parse_ideas;
use amarre_core::class_session::{parse_sessions, split_codes, to_text, CodeOutcome, Mode, Session, SessionError};
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
    let reports = s.add_codes(&batch, key);
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
    assert_eq!(s.tally.answers, 3);
    assert_eq!(s.tally.counts[0], [0, 1, 0, 2, 0, 0]);
    // The same code typed again later, in another form, is still caught.
    let again = s.add_codes(&good.to_lowercase().replace('-', ""), key);
    assert_eq!(again[0].outcome, CodeOutcome::AlreadyCounted);
    s.closed = true;
    assert_eq!(s.add_codes(&code(key, 2, 9), key)[0].outcome, CodeOutcome::Closed);
    assert!(!s.add_answers(&[Some(1)]));
    assert_eq!(s.tally.answers, 3);
}

#[test]
fn a_batch_is_split_into_codes_however_it_was_typed() {
    assert_eq!(
        split_codes("7KQ2-9XDM-0R4T-HW3B 8ZZ1-9XDM-0R4T-HW3B\n7kq2 9xdm 0r4t hw3b\n\n  , ;7KQ2"),
        vec![
            "7KQ2-9XDM-0R4T-HW3B",
            "8ZZ1-9XDM-0R4T-HW3B",
            "7kq2 9xdm 0r4t hw3b",
            "7KQ2"
        ]
    );
    assert!(split_codes(" \n ,, ").is_empty());
}

#[test]
fn the_stored_text_holds_counts_and_reads_back_the_same() {
    let q = climate();
    let key = q.survey_key.unwrap();
    let mut s = session(&q, Mode::OwnDevices);
    s.add_codes(&format!("{}\n{}", code(key, 0, 1), code(key, 4, 2)), key);
    let mut shared = session(&q, Mode::SharedDevice);
    shared.id = "s2".into();
    shared.add_answers(&vec![Some(2); q.items.len()]);
    let text = to_text(&[s.clone(), shared.clone()]);
    assert!(!text.contains(&code(key, 0, 1)[..9]), "no code is stored");
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
    let broken = r#"{"ideas":[{"dimension":"weather","ideas":[{"fr":"a","en":"b"}]}]}"#;
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
