//! The history's storage schema: every earlier format is read (version 1,
//! a kept snapshot without a date; version 2 open or locked), a newer
//! version is refused with a message, and 10,000 mangled values never
//! panic: each is read or refused with its place.

use amarre_core::answers::{Answers, Given};
use amarre_core::history::{read, Entry, History, Kept, Sealed, FORMAT, ITERATIONS};
use amarre_core::shipped::Content;
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).expect("a real date")
}

fn sample(content: &Content) -> History {
    let mut history = History::default();
    for (n, questionnaire) in content.questionnaires.iter().enumerate() {
        let mut answers = Answers::new(questionnaire);
        for item in answers.visible(questionnaire).into_iter().take(6) {
            answers.give(questionnaire, item, Given::Option(item % 2));
        }
        answers.give(questionnaire, 1, Given::PreferNot);
        history.keep(Entry {
            id: format!("e{n}"),
            date: NaiveDate::from_ymd_opt(2026, 11, 20 + n as u32).expect("a real date"),
            answers,
        });
    }
    history
}

#[test]
fn every_earlier_format_is_read() {
    let content = Content::load().expect("shipped content is valid");
    let questionnaire = content.questionnaire("student").expect("shipped");
    // Version 1: the answers kept as they were, under amarre.kept.student.
    let mut answers = Answers::new(questionnaire);
    answers.give(questionnaire, 0, Given::Option(1));
    let entry = Entry::from_snapshot("amarre.kept.student", &answers.to_json(), questionnaire, "old".into(), today())
        .expect("a version-1 snapshot is read");
    assert_eq!((entry.date, entry.answers), (today(), answers));
    // Version 2, open.
    let history = sample(&content);
    let text = history.to_text();
    assert_eq!(read("h", &text, &content.questionnaires), Ok(Kept::Open(history)));
    // Version 2, locked: read as it is, to be opened by the passphrase.
    let sealed = Kept::Locked(Sealed {
        kdf: "PBKDF2-SHA-256".into(),
        iterations: ITERATIONS,
        salt: "c2FsdHNhbHRzYWx0c2FsdA==".into(),
        iv: "aXZpdml2aXZpdml2".into(),
        data: "ZGF0YQ==".into(),
    });
    assert_eq!(read("h", &sealed.to_text(), &content.questionnaires), Ok(sealed));
    // A newer version, or another format, is refused with its place.
    let newer = text.replace("\"version\":2", "\"version\":3");
    let errors = read("h", &newer, &content.questionnaires).unwrap_err();
    assert!(errors[0].to_string().starts_with("h: version:"), "{errors:?}");
    let other = text.replace(FORMAT, "something-else");
    assert!(read("h", &other, &content.questionnaires).unwrap_err()[0].to_string().starts_with("h: format:"));
    // Fewer iterations than asked for are not accepted.
    let weak = sealed_text(&content).replace(&ITERATIONS.to_string(), "1000");
    assert!(read("h", &weak, &content.questionnaires).unwrap_err()[0].to_string().contains("iterations"));
}

fn sealed_text(_content: &Content) -> String {
    Kept::Locked(Sealed {
        kdf: "PBKDF2-SHA-256".into(),
        iterations: ITERATIONS,
        salt: "c2FsdA==".into(),
        iv: "aXY=".into(),
        data: "ZGF0YQ==".into(),
    })
    .to_text()
}

#[test]
fn ten_thousand_mangled_values_never_panic() {
    let content = Content::load().expect("shipped content is valid");
    let texts = [sample(&content).to_text(), sealed_text(&content)];
    let mut seed = 0x2026_1203_u64;
    let alphabet = b"{}[]\",:0123456789abcxyz-+/= \\\n";
    let (mut read_back, mut refused) = (0, 0);
    for n in 0..10_000 {
        let mut bytes = texts[n % 2].as_bytes().to_vec();
        for _ in 0..1 + n % 4 {
            if bytes.is_empty() {
                break;
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let at = (seed >> 33) as usize % bytes.len();
            match (seed >> 20) % 3 {
                0 => bytes[at] = alphabet[(seed >> 40) as usize % alphabet.len()],
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.truncate(at),
            }
        }
        let Ok(text) = String::from_utf8(bytes) else { continue };
        match read("mangled", &text, &content.questionnaires) {
            Ok(_) => read_back += 1,
            Err(errors) => {
                refused += 1;
                assert!(!errors.is_empty());
                assert!(errors.iter().all(|e| e.to_string().starts_with("mangled: ")));
            }
        }
    }
    assert!(refused > 5_000, "most mangled values are refused ({refused}), {read_back} read back");
}
