//! The history's storage schema: every earlier format is read (version 1,
//! a kept snapshot without a date; version 2, an entry open or sealed, and
//! the lock), a newer version is refused as such, and 10,000 mangled values
//! never panic: each is read or refused with its place.

use amarre_core::answers::{Answers, Given};
use amarre_core::history::{read_entry, read_lock, Entry, Lock, Refusal, Seal, Stored, ENTRY_FORMAT, ITERATIONS};
use amarre_core::questionnaire::Questionnaire;
use amarre_core::shipped::Content;
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).expect("a real date")
}

fn entry(questionnaire: &Questionnaire, n: usize) -> Entry {
    let mut answers = Answers::new(questionnaire);
    for item in answers.visible(questionnaire).into_iter().take(6) {
        answers.give(questionnaire, item, Given::Option(item % 2));
    }
    answers.give(questionnaire, 1, Given::PreferNot);
    Entry {
        id: format!("e{n}"),
        date: NaiveDate::from_ymd_opt(2026, 11, 20 + n as u32).expect("a real date"),
        answers,
    }
}

fn sealed() -> Stored {
    Stored::Sealed {
        id: "s1".into(),
        seal: Seal {
            iv: "aXZpdml2aXZpdml2".into(),
            data: "ZGF0YQ==".into(),
        },
    }
}

fn lock() -> Lock {
    Lock {
        kdf: "PBKDF2-SHA-256".into(),
        iterations: ITERATIONS,
        salt: "c2FsdHNhbHRzYWx0c2FsdA==".into(),
        check: Seal {
            iv: "aXY=".into(),
            data: "Y2hlY2s=".into(),
        },
    }
}

#[test]
fn every_earlier_format_is_read() {
    let content = Content::load().expect("shipped content is valid");
    let questionnaires = &content.questionnaires;
    let student = content.questionnaire("student").expect("shipped");
    // Version 1: the answers kept as they were, under amarre.kept.student.
    let mut answers = Answers::new(student);
    answers.give(student, 0, Given::Option(1));
    let old = Entry::from_snapshot(
        "amarre.kept.student",
        &answers.to_json(),
        student,
        "old".into(),
        today(),
    )
    .expect("a version-1 snapshot is read");
    assert_eq!((old.date, old.answers), (today(), answers));
    // Version 2: an open entry of each questionnaire, a sealed one, the lock.
    for (n, questionnaire) in questionnaires.iter().enumerate() {
        let open = Stored::Open(entry(questionnaire, n));
        assert_eq!(read_entry("h", &open.to_text(), questionnaires), Ok(open));
    }
    assert_eq!(read_entry("h", &sealed().to_text(), questionnaires), Ok(sealed()));
    assert_eq!(read_lock("l", &lock().to_text()), Ok(lock()));
    // A newer version is refused as newer, another format with its place.
    let text = Stored::Open(entry(student, 0)).to_text();
    let newer = text.replace("\"version\":2", "\"version\":3");
    assert_eq!(read_entry("h", &newer, questionnaires), Err(Refusal::Newer(3)));
    let other = text.replace(ENTRY_FORMAT, "something-else");
    let Err(Refusal::Unreadable(errors)) = read_entry("h", &other, questionnaires) else {
        panic!("another format is refused");
    };
    assert!(errors[0].to_string().starts_with("h: format:"), "{errors:?}");
    // Fewer iterations than asked for are not accepted.
    let weak = lock().to_text().replace(&ITERATIONS.to_string(), "1000");
    let Err(Refusal::Unreadable(errors)) = read_lock("l", &weak) else {
        panic!("a weak lock is refused");
    };
    assert!(errors[0].to_string().contains("iterations"), "{errors:?}");
}

#[test]
fn ten_thousand_mangled_values_never_panic() {
    let content = Content::load().expect("shipped content is valid");
    let student = content.questionnaire("student").expect("shipped");
    let texts = [
        Stored::Open(entry(student, 0)).to_text(),
        sealed().to_text(),
        lock().to_text(),
    ];
    let mut seed = 0x2026_1203_u64;
    let alphabet = b"{}[]\",:0123456789abcxyz-+/= \\\n";
    let (mut read_back, mut refused) = (0, 0);
    for n in 0..10_000 {
        let mut bytes = texts[n % 3].as_bytes().to_vec();
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
        let result = if n % 3 == 2 {
            read_lock("mangled", &text).map(|_| ())
        } else {
            read_entry("mangled", &text, &content.questionnaires).map(|_| ())
        };
        match result {
            Ok(()) => read_back += 1,
            Err(Refusal::Newer(_)) => refused += 1,
            Err(Refusal::Unreadable(errors)) => {
                refused += 1;
                assert!(!errors.is_empty());
                assert!(errors.iter().all(|e| e.to_string().starts_with("mangled: ")));
            }
        }
    }
    assert!(
        refused > 5_000,
        "most mangled values are refused ({refused}), {read_back} read back"
    );
}
