//! A pasted batch of response codes cut into one piece per code: codes
//! separated by spaces, commas, new lines or nothing at all are each read
//! or refused on their own, and a damaged code never takes a neighbour
//! with it.
//!
//! Reading from the left, 16 symbols that form a valid code *of this
//! survey* are one code, whatever separates them (a code may itself hold
//! spaces and dashes). Otherwise the reader looks for the next place where
//! such a code starts, and what lies between is damaged text, cut at its
//! separators into pieces about a code long, each refused on its own. A
//! window of 16 symbols taken at random passes for a code of this survey
//! about once in a million (two check symbols, ten bits of survey and
//! version, answers in range), so a damaged code's tail and its
//! neighbour's head do not pass for a code. Linear in the batch's length.

use super::code::{symbol_value, ResponseCode, SurveyKey, CODE_LENGTH};

/// A piece of damaged text this long or longer stands on its own: a code
/// with up to four characters missing.
const STANDS_ALONE: usize = CODE_LENGTH - 4;

/// One character of the batch that is not a separator.
#[derive(Debug, Clone, Copy)]
struct Symbol {
    /// Its value, or `None` for a character outside the code alphabet.
    value: Option<u8>,
    /// Its byte range in the batch.
    start: usize,
    end: usize,
    /// Whether a separator comes right before it.
    after_separator: bool,
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | ',' | ';')
}

/// The batch cut into the texts of its codes, valid or not, in order.
pub fn pieces(batch: &str, key: SurveyKey) -> Vec<String> {
    let mut symbols = Vec::new();
    let mut after_separator = false;
    for (start, c) in batch.char_indices() {
        if is_separator(c) {
            after_separator = true;
            continue;
        }
        symbols.push(Symbol {
            value: symbol_value(c),
            start,
            end: start + c.len_utf8(),
            after_separator,
        });
        after_separator = false;
    }
    let text = |run: &[Symbol]| match (run.first(), run.last()) {
        (Some(first), Some(last)) => batch[first.start..last.end].to_string(),
        _ => String::new(),
    };
    let code_at = |i: usize| -> bool {
        let Some(window) = symbols.get(i..i + CODE_LENGTH) else {
            return false;
        };
        let values: Option<Vec<u8>> = window.iter().map(|s| s.value).collect();
        values.is_some_and(|values| ResponseCode::from_symbols(&values, key).is_ok())
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < symbols.len() {
        if code_at(i) {
            found.push(text(&symbols[i..i + CODE_LENGTH]));
            i += CODE_LENGTH;
            continue;
        }
        let next = (i + 1..symbols.len()).find(|&j| code_at(j)).unwrap_or(symbols.len());
        for run in damaged(&symbols[i..next]) {
            found.push(text(run));
        }
        i = next;
    }
    found
}

/// Damaged text cut into pieces about a code long: at separators first
/// (short groups such as `7KQ2` join their neighbours up to a code's
/// length), then, for long stretches with no separator, into equal parts.
fn damaged(symbols: &[Symbol]) -> Vec<&[Symbol]> {
    // Runs between separators, as ranges of `symbols`.
    let mut runs = Vec::new();
    let mut start = 0;
    for (i, symbol) in symbols.iter().enumerate().skip(1) {
        if symbol.after_separator {
            runs.push(start..i);
            start = i;
        }
    }
    if start < symbols.len() {
        runs.push(start..symbols.len());
    }
    let mut pieces = Vec::new();
    // Short groups being joined, as a range.
    let mut joined: Option<std::ops::Range<usize>> = None;
    for run in runs {
        if run.len() >= STANDS_ALONE {
            pieces.extend(joined.take());
            let parts = ((run.len() + CODE_LENGTH / 2) / CODE_LENGTH).max(1);
            let (from, length) = (run.start, run.len());
            pieces.extend((0..parts).map(|p| from + p * length / parts..from + (p + 1) * length / parts));
            continue;
        }
        let grown = match joined.take() {
            Some(group) if group.len() + run.len() <= CODE_LENGTH + 3 => group.start..run.end,
            Some(group) => {
                pieces.push(group);
                run
            }
            None => run,
        };
        if grown.len() >= CODE_LENGTH {
            pieces.push(grown);
        } else {
            joined = Some(grown);
        }
    }
    pieces.extend(joined);
    pieces.into_iter().map(|range| &symbols[range]).collect()
}
