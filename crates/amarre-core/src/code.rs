//! Response codes for the class climate survey in "own devices" mode: a
//! student's anonymous answers as 16 characters to hand in
//! (`7KQ2-9XDM-0R4T-HW3B`), decoded on the teacher's device.
//!
//! Specified in `docs/response-code.md`. In short: Crockford base32 (no I,
//! L, O, U; case-insensitive; spaces and dashes ignored), 14 data symbols
//! (70 bits: survey id, version, up to 16 answers, a random nonce) and 2
//! check symbols of a Reed–Solomon code over GF(32). That code's minimum
//! distance is 3, so any error touching one or two symbols is detected:
//! every single substitution and every swap of two adjacent characters.
//! Random text passes the check with probability 1/1024.

use std::fmt;

/// The 32 symbols, in value order.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Symbols in a code.
pub const CODE_LENGTH: usize = 16;
const DATA_SYMBOLS: usize = 14;
/// Most answers a code carries.
pub const MAX_ANSWERS: usize = 16;
/// Values an answer takes: options 0 to 4, and 5 for "prefer not to answer".
pub const ANSWER_VALUES: u64 = 6;
const NONCE_BITS: u32 = 18;
const ANSWER_BITS: u32 = 42;
const VERSION_BITS: u32 = 4;
const SURVEY_BITS: u32 = 6;

/// Which survey a code belongs to: the survey's id and version, each a
/// small number fixed by the survey file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SurveyKey {
    /// 0 to 63.
    pub survey: u8,
    /// 0 to 15.
    pub version: u8,
    /// How many items the survey has (1 to 16).
    pub items: usize,
}

/// One student's answers, as a code carries them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseCode {
    /// The survey answered.
    pub key: SurveyKey,
    /// Per item: `Some(option)` (0 to 4) or `None` for "prefer not to answer".
    pub answers: Vec<Option<u8>>,
    /// Random, so two identical answer sets stay two answers (0 to 2¹⁸−1).
    pub nonce: u32,
}

/// Why a typed code is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    /// Nothing was typed.
    Empty,
    /// Too few or too many characters (spaces and dashes not counted).
    WrongLength { found: usize },
    /// A character that is not in the alphabet, at this position (1-based,
    /// counting code characters only).
    InvalidCharacter { position: usize, character: char },
    /// The check symbols do not match: a typo somewhere.
    Checksum,
    /// A valid code of another survey, or another version of this one.
    OtherSurvey { survey: u8, version: u8 },
    /// A valid code whose answer at this item (1-based) is out of range.
    BadAnswer { item: usize },
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => write!(f, "nothing was typed"),
            CodeError::WrongLength { found } => {
                write!(f, "has {found} characters, a code has {CODE_LENGTH}")
            }
            CodeError::InvalidCharacter { position, character } => {
                write!(f, "character {position} ('{character}') is not valid")
            }
            CodeError::Checksum => write!(f, "does not check out: a character is mistyped"),
            CodeError::OtherSurvey { survey, version } => {
                write!(f, "belongs to another survey (survey {survey}, version {version})")
            }
            CodeError::BadAnswer { item } => write!(f, "answer {item} is out of range"),
        }
    }
}

impl std::error::Error for CodeError {}

// ---- GF(32), with the primitive polynomial x^5 + x^2 + 1 -----------------

const PRIMITIVE: u8 = 0b10_0101;

fn gf_mul(mut a: u8, mut b: u8) -> u8 {
    let mut product = 0;
    while b != 0 {
        if b & 1 != 0 {
            product ^= a;
        }
        b >>= 1;
        a <<= 1;
        if a & 0b10_0000 != 0 {
            a ^= PRIMITIVE;
        }
    }
    product
}

/// α = x, a generator of GF(32)'s multiplicative group; α and α² are the
/// roots of the code's generator polynomial.
const ALPHA: u8 = 2;

/// The codeword polynomial (first symbol = highest power) evaluated at `x`.
fn evaluate(symbols: &[u8], x: u8) -> u8 {
    symbols.iter().fold(0, |acc, &s| gf_mul(acc, x) ^ s)
}

/// The two check symbols for 14 data symbols: the remainder of
/// data(x)·x² divided by g(x) = (x − α)(x − α²).
fn check_symbols(data: &[u8]) -> [u8; 2] {
    let alpha2 = gf_mul(ALPHA, ALPHA);
    // g(x) = x² + g1·x + g0 (subtraction is addition in GF(2^m)).
    let g1 = ALPHA ^ alpha2;
    let g0 = gf_mul(ALPHA, alpha2);
    let mut remainder = [0u8; 2];
    for &symbol in data {
        let feedback = symbol ^ remainder[0];
        remainder[0] = remainder[1] ^ gf_mul(feedback, g1);
        remainder[1] = gf_mul(feedback, g0);
    }
    remainder
}

/// Whether 16 symbols form a codeword (both syndromes zero).
fn checks_out(symbols: &[u8]) -> bool {
    evaluate(symbols, ALPHA) == 0 && evaluate(symbols, gf_mul(ALPHA, ALPHA)) == 0
}

// ---- text ---------------------------------------------------------------

/// The value (0 to 31) of a code character, aliases and case resolved.
pub(crate) fn symbol_value(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    ALPHABET.iter().position(|&a| char::from(a) == c).map(|p| p as u8)
}

/// The 16 symbol values of a typed code, ignoring spaces and dashes.
fn symbols_of(text: &str) -> Result<Vec<u8>, CodeError> {
    let characters: Vec<char> = text.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    if characters.is_empty() {
        return Err(CodeError::Empty);
    }
    let mut symbols = Vec::with_capacity(CODE_LENGTH);
    for (i, &c) in characters.iter().enumerate() {
        match symbol_value(c) {
            Some(value) => symbols.push(value),
            None => {
                return Err(CodeError::InvalidCharacter {
                    position: i + 1,
                    character: c,
                })
            }
        }
    }
    if symbols.len() != CODE_LENGTH {
        return Err(CodeError::WrongLength { found: symbols.len() });
    }
    Ok(symbols)
}

/// The canonical form of a typed code (upper case, no separators, aliases
/// resolved), to catch the same code typed twice; `None` if it has a
/// character outside the alphabet.
pub fn canonical(text: &str) -> Option<String> {
    symbols_of(text)
        .ok()
        .map(|symbols| symbols.iter().map(|&s| char::from(ALPHABET[s as usize])).collect())
}

impl ResponseCode {
    /// The code, in four groups of four: `7KQ2-9XDM-0R4T-HW3B`.
    ///
    /// Values out of range are clamped: an answer above 4 becomes "prefer
    /// not to answer", the nonce and ids keep their low bits.
    pub fn encode(&self) -> String {
        let mut answers: u64 = 0;
        for i in 0..MAX_ANSWERS {
            let value = match self.answers.get(i) {
                Some(Some(option)) if u64::from(*option) < ANSWER_VALUES - 1 => u64::from(*option),
                _ => ANSWER_VALUES - 1,
            };
            answers = answers * ANSWER_VALUES + value;
        }
        let mut payload: u128 = u128::from(self.key.survey & 0x3f);
        payload = (payload << VERSION_BITS) | u128::from(self.key.version & 0xf);
        payload = (payload << ANSWER_BITS) | u128::from(answers);
        payload = (payload << NONCE_BITS) | u128::from(self.nonce & ((1 << NONCE_BITS) - 1));
        let mut symbols: Vec<u8> = (0..DATA_SYMBOLS)
            .rev()
            .map(|i| ((payload >> (5 * i)) & 0x1f) as u8)
            .collect();
        let check = check_symbols(&symbols);
        symbols.extend(check);
        let text: String = symbols.iter().map(|&s| char::from(ALPHABET[s as usize])).collect();
        format!("{}-{}-{}-{}", &text[0..4], &text[4..8], &text[8..12], &text[12..16])
    }

    /// Reads a typed code for the survey `expected`, or says why not.
    pub fn decode(text: &str, expected: SurveyKey) -> Result<ResponseCode, CodeError> {
        ResponseCode::from_symbols(&symbols_of(text)?, expected)
    }

    /// Reads 16 symbol values (0 to 31) for the survey `expected`.
    pub(crate) fn from_symbols(symbols: &[u8], expected: SurveyKey) -> Result<ResponseCode, CodeError> {
        if symbols.len() != CODE_LENGTH {
            return Err(CodeError::WrongLength { found: symbols.len() });
        }
        if !checks_out(symbols) {
            return Err(CodeError::Checksum);
        }
        let payload = symbols[..DATA_SYMBOLS]
            .iter()
            .fold(0u128, |acc, &s| (acc << 5) | u128::from(s));
        let nonce = (payload & ((1 << NONCE_BITS) - 1)) as u32;
        let mut answers = ((payload >> NONCE_BITS) & ((1 << ANSWER_BITS) - 1)) as u64;
        let version = ((payload >> (NONCE_BITS + ANSWER_BITS)) & 0xf) as u8;
        let survey = ((payload >> (NONCE_BITS + ANSWER_BITS + VERSION_BITS)) & 0x3f) as u8;
        if survey != expected.survey || version != expected.version {
            return Err(CodeError::OtherSurvey { survey, version });
        }
        let mut values = [0u8; MAX_ANSWERS];
        for slot in values.iter_mut().rev() {
            *slot = (answers % ANSWER_VALUES) as u8;
            answers /= ANSWER_VALUES;
        }
        if answers != 0 {
            return Err(CodeError::BadAnswer { item: 1 });
        }
        // Items past the survey's length must be "prefer not" (the filler).
        if let Some(extra) = values[expected.items.min(MAX_ANSWERS)..]
            .iter()
            .position(|&v| u64::from(v) != ANSWER_VALUES - 1)
        {
            return Err(CodeError::BadAnswer {
                item: expected.items + extra + 1,
            });
        }
        let answers = values[..expected.items.min(MAX_ANSWERS)]
            .iter()
            .map(|&v| (u64::from(v) < ANSWER_VALUES - 1).then_some(v))
            .collect();
        Ok(ResponseCode {
            key: expected,
            answers,
            nonce,
        })
    }
}

const _: () = assert!(SURVEY_BITS + VERSION_BITS + ANSWER_BITS + NONCE_BITS == 5 * DATA_SYMBOLS as u32);

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: SurveyKey = SurveyKey {
        survey: 1,
        version: 1,
        items: 14,
    };

    #[test]
    fn gf32_multiplication_is_a_field_operation() {
        // α generates all 31 non-zero elements.
        let mut x = 1u8;
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..31 {
            seen.insert(x);
            x = gf_mul(x, ALPHA);
        }
        assert_eq!(seen.len(), 31);
        assert_eq!(x, 1, "α^31 = 1");
        for a in 1..32u8 {
            assert!((1..32u8).any(|b| gf_mul(a, b) == 1), "{a} has an inverse");
        }
    }

    #[test]
    fn a_code_reads_back_with_aliases_case_and_separators() {
        let code = ResponseCode {
            key: KEY,
            answers: vec![
                Some(0),
                Some(4),
                None,
                Some(2),
                Some(1),
                Some(3),
                None,
                Some(0),
                Some(0),
                Some(1),
                Some(2),
                Some(3),
                Some(4),
                None,
            ],
            nonce: 0x2_abcd,
        };
        let text = code.encode();
        assert_eq!(text.len(), 19);
        assert_eq!(ResponseCode::decode(&text, KEY), Ok(code.clone()));
        let typed = text
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(ResponseCode::decode(&typed, KEY), Ok(code));
        assert_eq!(canonical(&typed), canonical(&text));
    }

    #[test]
    fn refusals_say_what_and_where() {
        assert_eq!(ResponseCode::decode("  - ", KEY), Err(CodeError::Empty));
        assert_eq!(
            ResponseCode::decode("7KQ2-9XDM", KEY),
            Err(CodeError::WrongLength { found: 8 })
        );
        assert_eq!(
            ResponseCode::decode("7KQ2-UXDM-0R4T-HW3B", KEY)
                .unwrap_err()
                .to_string(),
            "character 5 ('U') is not valid"
        );
        let other = ResponseCode {
            key: SurveyKey { survey: 2, ..KEY },
            answers: vec![None; 14],
            nonce: 1,
        };
        assert_eq!(
            ResponseCode::decode(&other.encode(), KEY),
            Err(CodeError::OtherSurvey { survey: 2, version: 1 })
        );
    }
}
