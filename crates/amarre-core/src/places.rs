//! The real localities of Belgium and France, and a search over them, so a
//! young person can say where they are (« liege », « 4000 », « 75011 »)
//! and local services come first.
//!
//! The list is a text file built by `scripts/places.mjs` from the sources
//! named in `data/places/README.md`, and served beside the app: it is read
//! at run time and may be wrong or hostile, so [`Places::parse`] checks
//! every line and says which one is wrong. The format, one record a line,
//! fields split by a tab:
//!
//! ```text
//! amarre-places/1       the header
//! @BE<TAB>BE-WLG        a section: country and area of the lines below
//! 4000<TAB>Glain        a locality: postal code and name
//! <TAB>Liège            same postal code as the line above
//! ```
//!
//! Localities are sorted by country, postal code and name, each once; the
//! parser refuses any other order, which lets it check duplicates in one
//! pass and find a code by bisection. Each name is folded once when the
//! file is read ([`crate::text::fold`], hyphens and apostrophes as
//! spaces), so a search is one pass over the folded names with no
//! allocation per locality.
//!
//! A [`Locality`] has the fields a place in [`crate::territory`] is
//! meant to have (postal code, name, country, area), so one turns into
//! the other field by field.

use crate::directory::{hidden_character, looks_like_html};
use crate::error::{DataError, DataErrorKind};
use crate::helpline::Country;
use crate::text::fold;

/// The name errors give the file.
pub const FILE: &str = "places.txt";

/// The first line of the file: the format and its version.
pub const HEADER: &str = "amarre-places/1";

/// The longest name accepted, in characters. The longest real one is
/// under 50 (« Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson »).
const MAX_NAME_CHARS: usize = 100;

/// The longest typed text a search looks at, in characters: more says
/// nothing about a place and would only cost time.
const MAX_TYPED_CHARS: usize = 100;

/// A locality and the postal code that serves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locality {
    /// The postal code: 4 digits in Belgium, 5 in France.
    pub postal_code: String,
    /// The locality's name with its accents (« Liège »).
    pub name: String,
    /// The country of the postal code.
    pub country: Country,
    /// Province, region or département as an ISO 3166-2 code (`BE-WLG`,
    /// `FR-2A`); empty when the data does not say.
    pub area: String,
}

impl Locality {
    /// The way a person writes it: `4000 Liège`.
    pub fn shown(&self) -> String {
        format!("{} {}", self.postal_code, self.name)
    }
}

/// Why a typed postal code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceError {
    /// Nothing was typed.
    Empty,
    /// Something other than digits (and spaces) was typed.
    NotDigits,
    /// Neither 4 digits (Belgium) nor 5 (France).
    WrongLength,
    /// The right shape, but no locality has this code.
    Unknown,
}

/// Every known locality, searchable.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Sorted by country, postal code and name; each once.
    localities: Vec<Locality>,
    /// The name of the locality at the same index, as [`words`] writes it.
    folded: Vec<String>,
}

impl Places {
    /// Reads the file `scripts/places.mjs` writes, refusing it whole at
    /// its first wrong line: a wrong header, a line that is neither a
    /// section nor a locality, a postal code that does not fit its
    /// country, an invisible or direction character, HTML, a locality out
    /// of order or given twice. Linear in the size of the file.
    pub fn parse(text: &str) -> Result<Places, DataError> {
        let body = text.strip_suffix('\n').unwrap_or(text);
        let mut lines = body.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
        if lines.next() != Some(HEADER) {
            return Err(at(
                1,
                DataErrorKind::Syntax(format!("the first line must be '{HEADER}'")),
            ));
        }
        let mut reader = Reader::default();
        for (i, line) in lines.enumerate() {
            reader.line(line).map_err(|kind| at(i + 2, kind))?;
        }
        Ok(reader.places)
    }

    /// How many localities there are.
    pub fn len(&self) -> usize {
        self.localities.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.localities.is_empty()
    }

    /// Every locality, sorted by country, postal code and name.
    pub fn all(&self) -> &[Locality] {
        &self.localities
    }

    /// The localities a person may mean by `typed`, best first, at most
    /// `limit`.
    ///
    /// Digits look up postal codes by their start (« 750 », « 4000 »); a
    /// short start shared by both countries (« 750 » is Tournai's 7500 and
    /// Paris's 75001) gives each country half the places, Belgium first.
    /// Words look up names without regard to case or accents, hyphens or
    /// apostrophes (« st-etienne », « saint etienne »): the exact name
    /// first, then names that start with the words, then names with a
    /// word that starts with them; in each group, in order of postal
    /// code. Digits followed by words (« 4000 liege ») do both. One pass
    /// over the names at most.
    pub fn search(&self, typed: &str, limit: usize) -> Vec<&Locality> {
        let typed: String = typed.chars().take(MAX_TYPED_CHARS).collect();
        let query = Query::new(&typed);
        if limit == 0 || (query.digits.is_empty() && query.words.is_empty()) {
            return Vec::new();
        }
        let ranges = self.code_prefix_ranges(&query.digits);
        if query.words.is_empty() {
            return fair_share(&self.localities, &ranges, limit);
        }
        self.by_name(&query.words, &ranges, limit)
    }

    /// The localities this postal code serves (4000: Glain, Liège,
    /// Rocourt), in order of name; none for a code of no known shape.
    pub fn by_code(&self, code: &str) -> &[Locality] {
        let Some(country) = country_of_code(code) else {
            return &[];
        };
        let in_country = self.country_range(country);
        let slice = &self.localities[in_country];
        let start = slice.partition_point(|l| l.postal_code.as_str() < code);
        let len = slice[start..].partition_point(|l| l.postal_code == code);
        &slice[start..start + len]
    }

    /// The localities of a typed postal code, or why it was refused:
    /// « 75011 » is Paris, « 9999 » is the shape of a Belgian code but
    /// none exists. Spaces are ignored (« 75 011 »).
    pub fn check_code(&self, typed: &str) -> Result<&[Locality], PlaceError> {
        let code: String = typed
            .chars()
            .take(MAX_TYPED_CHARS)
            .filter(|c| !c.is_whitespace())
            .collect();
        if code.is_empty() {
            return Err(PlaceError::Empty);
        }
        if !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PlaceError::NotDigits);
        }
        if !(4..=5).contains(&code.len()) {
            return Err(PlaceError::WrongLength);
        }
        match self.by_code(&code) {
            [] => Err(PlaceError::Unknown),
            found => Ok(found),
        }
    }

    /// The index range of each country's localities (Belgium first).
    fn country_range(&self, country: Country) -> std::ops::Range<usize> {
        let key = country.code();
        let start = self.localities.partition_point(|l| l.country.code() < key);
        let len = self.localities[start..].partition_point(|l| l.country == country);
        start..start + len
    }

    /// For each country, the index range of the localities whose code
    /// starts with `digits` (all of them when `digits` is empty).
    fn code_prefix_ranges(&self, digits: &str) -> Vec<std::ops::Range<usize>> {
        Country::ALL
            .into_iter()
            .map(|country| {
                let range = self.country_range(country);
                let slice = &self.localities[range.clone()];
                let start = slice.partition_point(|l| l.postal_code.as_str() < digits);
                let len = slice[start..].partition_point(|l| l.postal_code.starts_with(digits));
                range.start + start..range.start + start + len
            })
            .filter(|r| !r.is_empty())
            .collect()
    }

    /// The localities in `ranges` whose name matches `words`, exact names
    /// first, then names starting with them, then names with a word
    /// starting with them.
    fn by_name(&self, words: &str, ranges: &[std::ops::Range<usize>], limit: usize) -> Vec<&Locality> {
        let word_start = format!(" {words}");
        let mut groups: [Vec<&Locality>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        for i in ranges.iter().flat_map(|r| r.clone()) {
            let name = &self.folded[i];
            let group = if name == words {
                0
            } else if name.starts_with(words) {
                1
            } else if name.contains(&word_start) {
                2
            } else {
                continue;
            };
            if groups[group].len() < limit {
                groups[group].push(&self.localities[i]);
            }
        }
        groups.into_iter().flatten().take(limit).collect()
    }
}

/// At most `limit` localities from `ranges` (one a country), in order;
/// when several countries have some, each gets an equal share and a
/// country with fewer leaves the rest to the others.
fn fair_share<'a>(localities: &'a [Locality], ranges: &[std::ops::Range<usize>], limit: usize) -> Vec<&'a Locality> {
    let mut shares: Vec<usize> = vec![0; ranges.len()];
    let mut left = limit;
    while left > 0 {
        let before = left;
        for (share, range) in shares.iter_mut().zip(ranges) {
            if left > 0 && *share < range.len() {
                *share += 1;
                left -= 1;
            }
        }
        if left == before {
            break;
        }
    }
    ranges
        .iter()
        .zip(shares)
        .flat_map(|(range, share)| &localities[range.start..range.start + share])
        .collect()
}

/// The country whose postal codes have this shape: 4 digits not starting
/// with 0 for Belgium, 5 digits for France.
fn country_of_code(code: &str) -> Option<Country> {
    let digits = code.bytes().all(|b| b.is_ascii_digit());
    match code.len() {
        4 if digits && !code.starts_with('0') => Some(Country::Belgium),
        5 if digits => Some(Country::France),
        _ => None,
    }
}

/// What a person typed, split into the postal code's start and the words
/// of a name.
struct Query {
    /// Leading digits (« 4000 » of « 4000 liege »), spaces removed.
    digits: String,
    /// The rest, as [`words`] writes a name, with « st » and « ste »
    /// spelled out when another word follows (« st etienne »: a lone
    /// « st » may be the start of « Stavelot »).
    words: String,
}

impl Query {
    fn new(typed: &str) -> Query {
        let folded = words(typed);
        let mut tokens = folded.split(' ').filter(|t| !t.is_empty()).peekable();
        let mut digits = String::new();
        while let Some(token) = tokens.next_if(|t| t.bytes().all(|b| b.is_ascii_digit())) {
            digits.push_str(token);
        }
        let rest: Vec<&str> = tokens.collect();
        let words = rest
            .iter()
            .enumerate()
            .map(|(i, word)| match *word {
                "st" if i + 1 < rest.len() => "saint",
                "ste" if i + 1 < rest.len() => "sainte",
                word => word,
            })
            .collect::<Vec<_>>()
            .join(" ");
        Query { digits, words }
    }
}

/// A name as searches compare it: lower case without accents, hyphens,
/// apostrophes and other punctuation as spaces, one space between words.
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in fold(text).chars() {
        // ASCII punctuation only: Unicode's letter tables would cost the
        // download a few KiB, and names have no other punctuation.
        let c = if c.is_ascii_punctuation() || c.is_whitespace() {
            ' '
        } else {
            c
        };
        if c != ' ' || !(out.is_empty() || out.ends_with(' ')) {
            out.push(c);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// An error at line `line` of the file.
fn at(line: usize, kind: DataErrorKind) -> DataError {
    DataError::new(FILE, format!("line {line}"), kind)
}

/// The state of [`Places::parse`] between lines.
#[derive(Default)]
struct Reader {
    places: Places,
    /// The country and area of the current section, once there is one.
    section: Option<(Country, String)>,
    /// Whether a locality was read since the section line, so a line
    /// without a code has one to take.
    code_in_section: bool,
}

impl Reader {
    fn line(&mut self, line: &str) -> Result<(), DataErrorKind> {
        if let Some(c) = hidden_character(line) {
            return Err(DataErrorKind::HiddenCharacter { code: c as u32 });
        }
        if line.contains('\r') {
            return Err(DataErrorKind::Syntax("a carriage return inside a line".into()));
        }
        match line.strip_prefix('@') {
            Some(section) => self.section(section),
            None => self.locality(line),
        }
    }

    fn section(&mut self, section: &str) -> Result<(), DataErrorKind> {
        let (country, area) = section
            .split_once('\t')
            .ok_or_else(|| DataErrorKind::Syntax("a section line is '@', a country, a tab and an area".into()))?;
        let country = Country::from_code(country).ok_or_else(|| DataErrorKind::NotAllowed {
            value: country.to_string(),
            allowed: "BE or FR",
        })?;
        if !(area.is_empty() || is_area_of(area, country)) {
            return Err(DataErrorKind::NotAllowed {
                value: area.to_string(),
                allowed: "an ISO 3166-2 code of the section's country (BE-WLG, FR-2A) or nothing",
            });
        }
        self.section = Some((country, area.to_string()));
        self.code_in_section = false;
        Ok(())
    }

    fn locality(&mut self, line: &str) -> Result<(), DataErrorKind> {
        let Some((country, area)) = self.section.clone() else {
            return Err(DataErrorKind::Syntax(
                "a locality before any section line ('@BE<tab>BE-WLG')".into(),
            ));
        };
        let (code, name) = line
            .split_once('\t')
            .ok_or_else(|| DataErrorKind::Syntax("a locality is a postal code, a tab and a name".into()))?;
        let code = match (code, self.places.localities.last()) {
            ("", Some(above)) if self.code_in_section => above.postal_code.clone(),
            ("", _) => {
                return Err(DataErrorKind::Syntax(
                    "no postal code, and no locality above in this section to take it from".into(),
                ))
            }
            (code, _) => code.to_string(),
        };
        if country_of_code(&code) != Some(country) {
            return Err(DataErrorKind::NotAllowed {
                value: code,
                allowed: match country {
                    Country::Belgium => "a Belgian postal code: 4 digits, not starting with 0",
                    Country::France => "a French postal code: 5 digits",
                },
            });
        }
        check_name(name)?;
        let locality = Locality {
            postal_code: code,
            name: name.to_string(),
            country,
            area,
        };
        if let Some(above) = self.places.localities.last() {
            check_order(above, &locality)?;
        }
        self.places.folded.push(words(name));
        self.places.localities.push(locality);
        self.code_in_section = true;
        Ok(())
    }
}

/// Whether `area` is written like an ISO 3166-2 code of `country`: its
/// two letters, a hyphen, then 1 to 3 capital letters or digits.
fn is_area_of(area: &str, country: Country) -> bool {
    area.strip_prefix(country.code())
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|sub| {
            (1..=3).contains(&sub.len()) && sub.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

/// Refuses an empty or overlong name, one with spaces at its ends, a
/// further tab, or what looks like HTML.
fn check_name(name: &str) -> Result<(), DataErrorKind> {
    if name.trim().is_empty() {
        return Err(DataErrorKind::Empty);
    }
    if name.contains('\t') {
        return Err(DataErrorKind::Syntax("more than two fields: a name has no tab".into()));
    }
    if name.trim() != name {
        return Err(DataErrorKind::Syntax("the name starts or ends with a space".into()));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(DataErrorKind::Syntax(format!(
            "a name longer than {MAX_NAME_CHARS} characters"
        )));
    }
    if let Some(html) = looks_like_html(name) {
        return Err(DataErrorKind::ContainsHtml { text: html.to_string() });
    }
    Ok(())
}

/// Refuses `next` unless it comes strictly after `above` by country,
/// postal code and name.
fn check_order(above: &Locality, next: &Locality) -> Result<(), DataErrorKind> {
    fn key(l: &Locality) -> (&str, &str, &str) {
        (l.country.code(), &l.postal_code, &l.name)
    }
    match key(above).cmp(&key(next)) {
        std::cmp::Ordering::Less => Ok(()),
        std::cmp::Ordering::Equal => Err(DataErrorKind::Duplicate { id: next.shown() }),
        std::cmp::Ordering::Greater => Err(DataErrorKind::Syntax(format!(
            "'{}' comes after '{}': localities must be sorted by country, postal code and name",
            next.shown(),
            above.shown()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_compared_as_words_without_accents_or_punctuation() {
        assert_eq!(words("Saint-Étienne"), "saint etienne");
        assert_eq!(words("  L'Haÿ-les-Roses "), "l hay les roses");
        assert_eq!(words("'s Gravenwezel"), "s gravenwezel");
        assert_eq!(words("Mons-Lez-Liège"), "mons lez liege");
    }

    #[test]
    fn a_query_splits_leading_digits_from_words() {
        let q = Query::new("4000 Liège");
        assert_eq!((q.digits.as_str(), q.words.as_str()), ("4000", "liege"));
        let q = Query::new("75 011");
        assert_eq!((q.digits.as_str(), q.words.as_str()), ("75011", ""));
        let q = Query::new("St-Étienne");
        assert_eq!(q.words, "saint etienne");
        let q = Query::new("st");
        assert_eq!(q.words, "st", "a lone « st » may be Stavelot");
    }

    #[test]
    fn a_share_is_fair_between_countries() {
        let l = |code: &str| Locality {
            postal_code: code.into(),
            name: "X".into(),
            country: Country::Belgium,
            area: String::new(),
        };
        let all = [l("1"), l("2"), l("3"), l("4"), l("5")];
        let codes = |v: Vec<&Locality>| v.iter().map(|l| l.postal_code.clone()).collect::<Vec<_>>();
        assert_eq!(codes(fair_share(&all, &[0..4, 4..5], 4)), ["1", "2", "3", "5"]);
        assert_eq!(codes(fair_share(&all, &[0..4, 4..5], 2)), ["1", "5"]);
        let one_country = [std::ops::Range { start: 0, end: 2 }];
        assert_eq!(codes(fair_share(&all, &one_country, 9)), ["1", "2"]);
    }
}
