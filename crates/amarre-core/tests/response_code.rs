//! Property tests of the response-code codec (`docs/response-code.md`),
//! with a small deterministic generator so every run checks the same cases.

use amarre_core::code::{canonical, CodeError, ResponseCode, SurveyKey, CODE_LENGTH, MAX_ANSWERS};

const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// xorshift64*: deterministic and good enough to spread test cases.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_code(random: &mut Random) -> ResponseCode {
    let items = 1 + random.below(MAX_ANSWERS as u64) as usize;
    ResponseCode {
        key: SurveyKey {
            survey: random.below(64) as u8,
            version: random.below(16) as u8,
            items,
        },
        answers: (0..items)
            .map(|_| match random.below(6) {
                5 => None,
                option => Some(option as u8),
            })
            .collect(),
        nonce: random.below(1 << 18) as u32,
    }
}

#[test]
fn every_answer_pattern_class_round_trips() {
    let mut cases = Vec::new();
    for items in 1..=MAX_ANSWERS {
        for (survey, version, nonce) in [(0, 0, 0), (63, 15, (1 << 18) - 1), (7, 3, 12_345)] {
            let key = SurveyKey { survey, version, items };
            let patterns: Vec<Vec<Option<u8>>> = vec![
                vec![None; items],
                vec![Some(0); items],
                vec![Some(4); items],
                (0..items).map(|i| if i % 2 == 0 { Some(1) } else { None }).collect(),
                (0..items).map(|i| Some((i % 5) as u8)).collect(),
            ];
            for answers in patterns {
                cases.push(ResponseCode { key, answers, nonce });
            }
        }
    }
    let mut random = Random(0x5eed);
    cases.extend((0..10_000).map(|_| random_code(&mut random)));
    for code in &cases {
        let text = code.encode();
        assert_eq!(text.chars().filter(|c| *c != '-').count(), CODE_LENGTH, "{text}");
        assert_eq!(ResponseCode::decode(&text, code.key).as_ref(), Ok(code), "{text}");
    }
}

#[test]
fn two_identical_answer_sets_give_two_codes() {
    let key = SurveyKey {
        survey: 1,
        version: 1,
        items: 12,
    };
    let answers = vec![Some(2); 12];
    let a = ResponseCode {
        key,
        answers: answers.clone(),
        nonce: 1,
    }
    .encode();
    let b = ResponseCode { key, answers, nonce: 2 }.encode();
    assert_ne!(canonical(&a), canonical(&b));
}

#[test]
fn every_single_substitution_and_adjacent_swap_is_caught_by_the_checksum() {
    let mut random = Random(0xc0de);
    let mut checked = (0, 0);
    for _ in 0..300 {
        let code = random_code(&mut random);
        let symbols: Vec<u8> = code.encode().bytes().filter(|&b| b != b'-').collect();
        for position in 0..CODE_LENGTH {
            for &other in ALPHABET.iter().filter(|&&s| s != symbols[position]) {
                let mut typo = symbols.clone();
                typo[position] = other;
                let typo = String::from_utf8(typo).expect("ASCII");
                assert_eq!(
                    ResponseCode::decode(&typo, code.key),
                    Err(CodeError::Checksum),
                    "{typo}"
                );
                checked.0 += 1;
            }
        }
        for position in 0..CODE_LENGTH - 1 {
            if symbols[position] == symbols[position + 1] {
                continue;
            }
            let mut swapped = symbols.clone();
            swapped.swap(position, position + 1);
            let swapped = String::from_utf8(swapped).expect("ASCII");
            assert_eq!(
                ResponseCode::decode(&swapped, code.key),
                Err(CodeError::Checksum),
                "{swapped}"
            );
            checked.1 += 1;
        }
    }
    assert_eq!(checked.0, 300 * 16 * 31);
    assert!(checked.1 > 300 * 14, "{} swaps", checked.1);
}

#[test]
fn random_text_never_panics_and_passes_the_check_at_its_stated_rate() {
    let mut random = Random(0xfeed);
    let key = SurveyKey {
        survey: 1,
        version: 1,
        items: 14,
    };
    let (mut passed_check, mut accepted) = (0, 0);
    let total = 100_000;
    for _ in 0..total {
        let text: String = (0..CODE_LENGTH)
            .map(|_| char::from(ALPHABET[random.below(32) as usize]))
            .collect();
        match ResponseCode::decode(&text, key) {
            Err(CodeError::Checksum) => {}
            Err(_) => passed_check += 1,
            Ok(_) => {
                passed_check += 1;
                accepted += 1;
            }
        }
    }
    // Two check symbols: 1 in 1024 random strings passes; allow twice that.
    assert!(
        passed_check <= 2 * total / 1024,
        "{passed_check} of {total} passed the check"
    );
    assert!(
        passed_check >= total / 1024 / 2,
        "{passed_check}: the check should be that weak, no weaker by design"
    );
    assert!(accepted <= 2, "{accepted} random strings accepted for this survey");
    // Any text at all, of any length and alphabet: an error, never a panic.
    for _ in 0..20_000 {
        let length = random.below(40) as usize;
        let text: String = (0..length)
            .map(|_| char::from_u32(random.below(0x3000) as u32).unwrap_or('?'))
            .collect();
        let _ = ResponseCode::decode(&text, key);
        let _ = canonical(&text);
    }
}
