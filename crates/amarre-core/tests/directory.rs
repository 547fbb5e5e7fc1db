//! Directory files, as a coordinator writes them: the example of
//! `docs/directory.md` (an HSDS 3.0 page of services) and the fixture are
//! read whole; a file with every
//! kind of defect gives one precise message per defect, the same from the
//! library and from `amarre-check`; broken, huge or mangled files give a
//! message and never a panic.

use amarre_core::directory::stored as stored_directory;
use amarre_core::directory::{self, Directory, Filter};
use amarre_core::factors::Family;
use amarre_core::helpline::Country;
use amarre_core::service_type::Level;
use amarre_core::shipped::{Content, Orientation};
use amarre_core::territory::{Place, Territory};

const DIR: &str = "tests/data/directories";

fn orientation() -> Orientation {
    Orientation::load(&Content::load().expect("shipped data is valid")).expect("shipped orientation is valid")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).expect("fixture exists")
}

fn parse(name: &str, text: &str) -> Result<Directory, Vec<String>> {
    directory::parse(name, text, &orientation().types).map_err(|e| e.iter().map(ToString::to_string).collect())
}

/// A place a person picked.
fn place(postal_code: &str, name: &str, country: Country, area: &str) -> Place {
    Place {
        postal_code: postal_code.into(),
        name: name.into(),
        country,
        area: area.into(),
    }
}

fn expected_defects() -> Vec<String> {
    read("defects.expected.txt").lines().map(str::to_string).collect()
}

#[test]
fn the_example_reads_whole_and_keeps_only_active_services() {
    let directory = parse("example.json", &read("example.json")).expect("the example is valid");
    let names: Vec<&str> = directory.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Permanence jeunes de l'AMO Exemple",
            "CPMS Exemple (fictif)",
            "CPMS Ailleurs (fictif)"
        ],
        "the defunct service is left out"
    );
    let amo = &directory.services[0];
    assert_eq!(amo.id, "9fffb7cd-bea6-57df-af1d-f03c335d22f8");
    assert_eq!(amo.organization, "AMO Exemple (fictive)");
    assert_eq!(amo.service_type, "amo");
    assert_eq!(amo.families, [Family::School, Family::Family]);
    assert_eq!(amo.level, Some(Level::IndividualIntervention));
    assert_eq!(amo.ages, Some((12, 22)), "from minimum_age and maximum_age");
    assert_eq!(amo.eligibility, "Pour les jeunes de 12 à 22 ans et leurs parents.");
    assert_eq!(amo.languages, ["fr", "ar"]);
    assert_eq!(amo.hours, ["Du lundi au vendredi, de 13 h à 18 h"]);
    assert_eq!(amo.addresses, ["Rue de l'Exemple 1, 4000 Liège"]);
    assert_eq!(amo.phones[0].dial.as_str(), "tel:040000000");
    assert_eq!(
        amo.email.as_ref().map(|l| l.as_str()),
        Some("mailto:accueil@amo-exemple.invalid")
    );
    assert_eq!(amo.assured.to_string(), "2026-11-15");
    assert!(matches!(&amo.territory, Territory::Local { postal_codes, .. } if postal_codes == &["4000", "4030"]));
    // A service without families of its own takes its type's.
    assert_eq!(
        directory.services[1].families,
        orientation().types.get("cpms").unwrap().families
    );
}

#[test]
fn the_example_in_the_docs_is_the_example_file() {
    let doc = std::fs::read_to_string("../../docs/directory.md").expect("docs/directory.md exists");
    let start = doc.find("```json\n").expect("the doc has a JSON example") + "```json\n".len();
    let end = start + doc[start..].find("```").expect("the example is closed");
    assert_eq!(
        &doc[start..end],
        read("example.json"),
        "docs/directory.md shows example.json as it is"
    );
    let directory = parse("docs/directory.md", &doc[start..end]).expect("the documented example is valid");
    assert!(!directory.services.is_empty());
}

#[test]
fn every_defect_gets_its_own_precise_message() {
    let errors = parse("defects.json", &read("defects.json")).unwrap_err();
    assert_eq!(errors, expected_defects());
    let broken = parse("not-json.json", &read("not-json.json")).unwrap_err();
    assert_eq!(
        broken,
        ["not-json.json: cannot be read: trailing comma at line 3, column 37"]
    );
    let huge = format!("{{\"services\": [{}]}}", " ".repeat(10 * 1024 * 1024));
    assert_eq!(
        parse("huge.json", &huge).unwrap_err(),
        ["huge.json: the file is 10.0 MB, more than the 5.0 MB a directory may be"]
    );
    // 21 messages for the defects file, one for invalid JSON, one for size.
    assert_eq!(errors.len() + broken.len() + 1, 23);
}

#[test]
fn mangled_files_never_panic() {
    let types = orientation().types;
    let example = read("example.json");
    for end in (0..example.len()).step_by(7) {
        if let Some(cut) = example.get(..end) {
            let _ = directory::parse("cut.json", cut, &types);
        }
    }
    mangle(&example, 3, |text| {
        let _ = directory::parse("mangled.json", text, &types);
    });
}

/// Calls `check` on 2,000 copies of `text` with three bytes each replaced
/// by JSON punctuation or letters (a seeded generator: the same every run).
fn mangle(text: &str, mut seed: u32, mut check: impl FnMut(&str)) {
    for _ in 0..2_000 {
        let mut bytes = text.as_bytes().to_vec();
        for _ in 0..3 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let at = (seed >> 8) as usize % bytes.len();
            let alphabet = b"{}[]\",:0a<>-";
            bytes[at] = alphabet[(seed >> 20) as usize % alphabet.len()];
        }
        if let Ok(mangled) = String::from_utf8(bytes) {
            check(&mangled);
        }
    }
}

#[test]
fn filters_by_type_family_age_language_and_words_local_first() {
    let directory = parse("example.json", &read("example.json")).unwrap();
    // Each service by a short name: the ids are UUIDs.
    let short = |s: &&amarre_core::directory::Service| match s.name.as_str() {
        "Permanence jeunes de l'AMO Exemple" => "amo-exemple",
        "CPMS Exemple (fictif)" => "cpms-exemple",
        "CPMS Ailleurs (fictif)" => "cpms-ailleurs",
        other => panic!("unexpected service {other}"),
    };
    let ids = |filter: &Filter, place: Option<&Place>| -> Vec<&str> {
        directory.matching(filter, place).iter().map(short).collect()
    };
    let all = Filter::default();
    let in_brussels = place("1000", "Bruxelles", Country::Belgium, "BE-BRU");
    assert_eq!(
        ids(&all, Some(&in_brussels)),
        ["cpms-ailleurs", "amo-exemple", "cpms-exemple"]
    );
    let words = Filter {
        text: "LIEGE educateurs".into(),
        ..Filter::default()
    };
    assert_eq!(ids(&words, None), ["amo-exemple"]);
    let cpms = Filter {
        service_type: Some("cpms".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&cpms, None), ["cpms-exemple", "cpms-ailleurs"]);
    let too_old = Filter {
        age: Some(25),
        ..Filter::default()
    };
    assert_eq!(
        ids(&too_old, None),
        ["cpms-exemple", "cpms-ailleurs"],
        "services without ages stay"
    );
    let arabic = Filter {
        language: Some("ar".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&arabic, None), ["amo-exemple"]);
    let family = Filter {
        family: Some(Family::Environment),
        ..Filter::default()
    };
    assert!(ids(&family, None).is_empty());
    let near_liege = place("4000", "Liège", Country::Belgium, "BE-WLG");
    let near: Vec<&str> = directory.near("cpms", Some(&near_liege)).iter().map(short).collect();
    assert_eq!(near, ["cpms-exemple"]);
    assert_eq!(directory.communes(), ["Bruxelles", "Liège"]);
}

#[test]
fn the_command_line_check_gives_the_same_messages() {
    let huge = std::env::temp_dir().join("amarre-check-huge.json");
    std::fs::write(&huge, vec![b' '; 10 * 1024 * 1024]).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_amarre-check"))
        .arg(format!("{DIR}/defects.json"))
        .arg(format!("{DIR}/not-json.json"))
        .arg(&huge)
        .output()
        .expect("amarre-check runs");
    let _ = std::fs::remove_file(&huge);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let mut expected = expected_defects();
    expected.push("not-json.json: cannot be read: trailing comma at line 3, column 37".into());
    expected.push("amarre-check-huge.json: the file is 10.0 MB, more than the 5.0 MB a directory may be".into());
    assert_eq!(lines, expected);

    let good = std::process::Command::new(env!("CARGO_BIN_EXE_amarre-check"))
        .arg(format!("{DIR}/example.json"))
        .output()
        .unwrap();
    assert_eq!(good.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(good.stdout).unwrap(),
        "example.json: ok (3 active services; 2 communes, 3 postal codes, 0 areas; 3 standard HSDS fields not used by Amarre)\n"
    );
}

#[test]
fn a_directory_kept_in_storage_reads_back_the_same() {
    let types = orientation().types;
    let example = directory::parse("example.json", &read("example.json"), &types).expect("the example is valid");
    let text = stored_directory::to_text(&example);
    let back = stored_directory::from_text("kept", &text, &types);
    assert_eq!(
        back.as_ref()
            .map_err(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>()),
        Ok(&example)
    );
    let empty = Directory::default();
    assert_eq!(
        stored_directory::from_text("kept", &stored_directory::to_text(&empty), &types),
        Ok(empty)
    );
}

#[test]
fn a_changed_kept_directory_is_refused_with_the_place_of_each_problem() {
    let types = orientation().types;
    let example = directory::parse("example.json", &read("example.json"), &types).expect("the example is valid");
    let text = stored_directory::to_text(&example);
    let refused = |changed: String| -> Vec<String> {
        stored_directory::from_text("kept", &changed, &types)
            .expect_err("a changed copy is refused")
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(
        refused(text.replacen("\"cpms\"", "\"<b>cpms</b>\"", 1)),
        ["kept: services[1] → type: refers to the service type '<b>cpms</b>', which does not exist"]
    );
    assert_eq!(
        refused(text.replacen("mailto:", "javascript:", 1)),
        ["kept: services[0] → email: link 'javascript:accueil@amo-exemple.invalid' is not allowed: only https:, tel: and mailto: links are"]
    );
    assert_eq!(
        refused(text.replacen("\"4000\"", "\"B-4000\"", 1)),
        ["kept: services[0] → postal_codes: 'B-4000' is not allowed here (expected a postal code of 4 digits (Belgium) or 5 digits (France))"]
    );
    assert_eq!(
        refused(text.replacen("amarre-directory/1", "amarre-directory/9", 1)),
        ["kept: format: 'amarre-directory/9' is not allowed here (expected amarre-directory/1)"]
    );
    assert_eq!(refused("not json".to_string()).len(), 1);
}

#[test]
fn a_mangled_kept_directory_never_panics() {
    let types = orientation().types;
    let example = directory::parse("example.json", &read("example.json"), &types).expect("the example is valid");
    let text = stored_directory::to_text(&example);
    mangle(&text, 11, |mangled| {
        let _ = stored_directory::from_text("kept", mangled, &types);
    });
}

#[test]
fn encodings_are_read_or_refused_the_same_way_as_the_checker_says() {
    let bytes = |name: &str| std::fs::read(format!("{DIR}/{name}")).expect("fixture exists");
    let example = read("example.json");
    // UTF-8 with a byte-order mark: read.
    let mut marked = b"\xEF\xBB\xBF".to_vec();
    marked.extend(example.as_bytes());
    assert_eq!(amarre_core::encoding::text_of("bom.json", &marked).unwrap(), example);
    // Windows-1252 / Latin-1 (« Liège » as a spreadsheet saves it): refused at its line.
    let latin1 = amarre_core::encoding::text_of("latin1.json", &bytes("latin1.json")).unwrap_err();
    assert_eq!(
        latin1.to_string(),
        "latin1.json: is not UTF-8 (from line 2): save it again as UTF-8"
    );

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_amarre-check"))
        .args(["utf16.json", "latin1.json"].map(|f| format!("{DIR}/{f}")))
        .output()
        .expect("amarre-check runs");
    // UTF-16 (as some editors save « Unicode ») is refused the same way.
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "utf16.json: is not UTF-8 (from line 1): save it again as UTF-8\n\
         latin1.json: is not UTF-8 (from line 2): save it again as UTF-8\n"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn invisible_and_direction_changing_characters_are_refused_where_they_are() {
    let problems = parse("hidden.json", &read("hidden.json")).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems
            .iter()
            .any(|p| p.contains("name: has an invisible or direction character (U+202E)")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("description: has an invisible or direction character (U+200B)")),
        "{problems:#?}"
    );
}

#[test]
fn the_checker_escapes_what_a_file_could_do_to_a_terminal_and_survives_a_closed_pipe() {
    let dir = std::env::temp_dir().join(format!("amarre-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A field named with a terminal escape (clear the screen) and a bell.
    let file = dir.join("escape.json");
    std::fs::write(&file, "{\"name\": \"x\", \"\\u001b[2J\\u0007\": 1, \"services\": []}").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_amarre-check"))
        .arg(&file)
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("\\u{1b}[2J\\u{7}"), "{out:?}");

    // 3,000 files with problems (more than a pipe holds), read by a reader
    // that stops after one line.
    let files: Vec<_> = (0..3000).map(|_| dir.join("not-json.json")).collect();
    std::fs::copy(format!("{DIR}/not-json.json"), &files[0]).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_amarre-check"))
        .args(&files)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    child.stdout = None; // the reader stops: the pipe closes
    let ended = child.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&ended.stderr);
    assert!(!said.contains("panicked"), "{said}");
    assert_eq!(ended.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}
