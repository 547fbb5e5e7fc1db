//! The list of localities: a small hand-made file read and searched, every
//! kind of broken file refused at its line with a message a person can act
//! on (`tests/data/places/broken/<case>.txt` and the `.error` beside it),
//! and, where node and the npm package are installed, the real file that
//! `scripts/places.mjs` builds.

use amarre_core::helpline::Country;
use amarre_core::places::{Locality, PlaceError, Places};
use std::path::Path;
use std::process::Command;

const DIR: &str = "tests/data/places";

fn small() -> Places {
    let text = std::fs::read_to_string(format!("{DIR}/small.txt")).expect("fixture exists");
    Places::parse(&text).expect("the small file is valid")
}

fn shown(found: &[&Locality]) -> Vec<String> {
    found.iter().map(|l| l.shown()).collect()
}

#[test]
fn the_small_file_reads_whole_with_codes_taken_from_the_line_above() {
    let places = small();
    assert_eq!(places.len(), 17);
    let liege = &places.by_code("4000")[1];
    assert_eq!(liege.shown(), "4000 Liège");
    assert_eq!(liege.country, Country::Belgium);
    assert_eq!(liege.area, "BE-WLG");
    assert_eq!(places.by_code("9000")[0].area, "", "a section may have no area");
    let boulogne = &places.by_code("75016")[0];
    assert_eq!(
        (boulogne.name.as_str(), boulogne.area.as_str()),
        ("Boulogne-Billancourt", "FR-92")
    );
    assert_eq!(places.by_code("75016")[1].area, "FR-75");
}

#[test]
fn names_are_found_without_case_or_accents_exact_names_first() {
    let places = small();
    assert_eq!(shown(&places.search("liege", 10)), ["4000 Liège", "4020 Liège"]);
    assert_eq!(shown(&places.search("LIÈGE", 1)), ["4000 Liège"]);
    assert_eq!(
        shown(&places.search("lie", 10)),
        ["4000 Liège", "4020 Liège", "4042 Liers"]
    );
    assert_eq!(shown(&places.search("billancourt", 10)), ["75016 Boulogne-Billancourt"]);
    assert_eq!(shown(&places.search("pointe a pitre", 10)), ["97110 Pointe-à-Pitre"]);
    assert!(places.search("xyz", 10).is_empty());
    assert!(places.search("  - ' ", 10).is_empty());
    assert!(places.search("liege", 0).is_empty());
}

#[test]
fn saint_is_found_however_it_is_written() {
    let places = small();
    for typed in [
        "saint etienne",
        "Saint-Étienne",
        "st-etienne",
        "St Étienne",
        "saint-etie",
    ] {
        assert_eq!(
            shown(&places.search(typed, 10)),
            ["42000 Saint-Étienne", "42100 Saint-Étienne"],
            "{typed}"
        );
    }
    assert_eq!(shown(&places.search("etienne", 10)).len(), 2, "a word inside the name");
}

#[test]
fn digits_find_codes_by_their_start_and_both_countries_share_a_short_start() {
    let places = small();
    assert_eq!(
        shown(&places.search("4000", 10)),
        ["4000 Glain", "4000 Liège", "4000 Rocourt"]
    );
    assert_eq!(
        shown(&places.search("750", 10)),
        [
            "7500 Tournai",
            "75001 Paris",
            "75011 Paris",
            "75016 Boulogne-Billancourt",
            "75016 Paris"
        ]
    );
    assert_eq!(shown(&places.search("750", 2)), ["7500 Tournai", "75001 Paris"]);
    assert_eq!(shown(&places.search("4000 liege", 10)), ["4000 Liège"]);
    assert_eq!(shown(&places.search("75 011", 10)), ["75011 Paris"]);
}

#[test]
fn a_typed_code_is_checked_against_the_list() {
    let places = small();
    assert_eq!(places.check_code("9999"), Err(PlaceError::Unknown));
    assert_eq!(places.check_code("0999"), Err(PlaceError::Unknown));
    assert_eq!(places.check_code(""), Err(PlaceError::Empty));
    assert_eq!(places.check_code("   "), Err(PlaceError::Empty));
    assert_eq!(places.check_code("Liège"), Err(PlaceError::NotDigits));
    assert_eq!(places.check_code("123"), Err(PlaceError::WrongLength));
    assert_eq!(places.check_code("750011"), Err(PlaceError::WrongLength));
    let paris: Vec<String> = places
        .check_code(" 75 011 ")
        .expect("known")
        .iter()
        .map(Locality::shown)
        .collect();
    assert_eq!(paris, ["75011 Paris"]);
    assert_eq!(places.check_code("4000").expect("known").len(), 3);
}

#[test]
fn broken_files_are_refused_at_their_line() {
    let mut cases = 0;
    for entry in std::fs::read_dir(format!("{DIR}/broken")).expect("directory exists") {
        let path = entry.expect("readable").path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("UTF-8 fixture");
        let expected = std::fs::read_to_string(path.with_extension("error")).expect("each case has its .error");
        let error = Places::parse(&text).expect_err(&format!("{} is refused", path.display()));
        assert_eq!(error.to_string(), expected.trim_end(), "{}", path.display());
        cases += 1;
    }
    assert!(cases >= 15, "only {cases} broken cases found");
}

#[test]
fn mangled_text_gives_an_error_never_a_panic() {
    let small = std::fs::read_to_string(format!("{DIR}/small.txt")).expect("fixture exists");
    // Every prefix of the file, cut at each character: an error or a
    // shorter list, never a panic.
    for (i, _) in small.char_indices() {
        let _ = Places::parse(&small[..i]);
    }
    assert!(Places::parse("").is_err());
    assert!(Places::parse("amarre-places/1")
        .expect("a header alone is an empty list")
        .is_empty());
    assert!(Places::parse("amarre-places/1\r\n@BE\tBE-WLG\r\n4000\tLiège\r\n").is_ok());
}

/// The real file, built by `node scripts/places.mjs` into a temporary
/// file; skipped with a note where node or the npm package is missing.
#[test]
fn the_built_file_has_the_real_places() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !root.join("node_modules/codes-postaux").is_dir() {
        println!("skipped: node_modules/codes-postaux is missing (npm ci)");
        return;
    }
    let out = std::env::temp_dir().join(format!("amarre-places-{}.txt", std::process::id()));
    let run = Command::new("node")
        .arg(root.join("scripts/places.mjs"))
        .arg(&out)
        .output();
    match run {
        Ok(run) if run.status.success() => {}
        Ok(run) => panic!("scripts/places.mjs failed: {}", String::from_utf8_lossy(&run.stderr)),
        Err(e) => {
            println!("skipped: node cannot be run ({e})");
            return;
        }
    }
    let text = std::fs::read_to_string(&out).expect("the script wrote its file");
    let _ = std::fs::remove_file(&out);
    let places = Places::parse(&text).expect("the built file is valid");
    assert!(places.len() > 30_000, "{} localities", places.len());

    assert_eq!(places.search("liege", 5)[0].shown(), "4000 Liège");
    assert_eq!(places.search("liege", 5)[0].area, "BE-WLG");
    assert_eq!(places.check_code("9999"), Err(PlaceError::Unknown));
    let paris = places.check_code("75011").expect("75011 exists");
    assert_eq!(shown(&paris.iter().collect::<Vec<_>>()), ["75011 Paris"]);
    assert_eq!(paris[0].area, "FR-75");
    assert_eq!(
        places.check_code("1000").expect("1000 exists")[0].shown(),
        "1000 Bruxelles"
    );
    assert_eq!(places.by_code("1000")[0].area, "BE-BRU");
    assert!(places.search("750", 10).iter().any(|l| l.shown() == "75001 Paris"));
    let pointe = places.search("pointe a pitre", 5);
    assert_eq!(
        (pointe[0].shown().as_str(), pointe[0].area.as_str()),
        ("97110 Pointe-à-Pitre", "FR-971")
    );
    assert_eq!(places.search("ajaccio", 1)[0].area, "FR-2A");
    assert_eq!(places.search("bastia", 1)[0].area, "FR-2B");
    assert!(places
        .search("saint etienne", 5)
        .iter()
        .any(|l| l.name == "Saint-Étienne" && l.area == "FR-42"));
    assert_eq!(places.search("st-etienne", 5), places.search("saint etienne", 5));
}
