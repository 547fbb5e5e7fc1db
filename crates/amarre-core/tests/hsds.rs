//! Open Referral HSDS 3.0 as publishers write it: the specification's own
//! examples (`tests/data/hsds/`, CC BY-SA 4.0) and our fixtures in its
//! shapes (one `service_full`, a `service_list` page, a bare list). Every
//! standard field is accepted and the unused ones counted; a typo is
//! refused at its place; what Amarre needs and HSDS lacks is said in one
//! line per service.

use amarre_core::directory::hsds_fields::{self, Standard};
use amarre_core::directory::stored;
use amarre_core::directory::{self, Directory, Reading};
use amarre_core::service_type::ServiceTypes;
use amarre_core::shipped::{Content, Orientation};
use amarre_core::territory::Territory;

fn types() -> ServiceTypes {
    Orientation::load(&Content::load().expect("shipped data is valid"))
        .expect("shipped orientation is valid")
        .types
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(format!("tests/data/{path}")).expect("fixture exists")
}

fn read(name: &str, text: &str) -> Result<Reading, Vec<String>> {
    directory::read(name, text, &types()).map_err(|e| e.iter().map(ToString::to_string).collect())
}

/// What `amarre-check` prints for `paths` (under `tests/data/`), and its exit code.
fn check(paths: &[&str]) -> (String, Option<i32>) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_amarre-check"))
        .args(paths.iter().map(|p| format!("tests/data/{p}")))
        .output()
        .expect("amarre-check runs");
    (String::from_utf8(output.stdout).unwrap(), output.status.code())
}

const SPEC_SERVICE: &str = "service 'ac148810-d857-441c-9679-408f346de14b'";

const NEEDS: &str =
    "no amarre:service_type attribute (Amarre needs one service type per service, see docs/directory.md); \
     no territory (Amarre needs an amarre:postal_code, amarre:commune, amarre:area or amarre:national attribute, \
     or an address in Belgium or France, see docs/directory.md)";

#[test]
fn the_specifications_service_full_gives_its_real_problems_and_one_line_of_needs() {
    let file = "service_full.json";
    let expected = [
        format!("{file}: {SPEC_SERVICE} → url: link 'http://example.com/counselling' is not allowed: only https:, tel: and mailto: links are"),
        format!("{file}: {SPEC_SERVICE} → organization → website: link 'http://example.com' is not allowed: only https:, tel: and mailto: links are"),
        format!("{file}: {SPEC_SERVICE} → phones[0] → number: '\"+44 1234 234567\"' cannot be dialled: Amarre needs a number written with digits, spaces and + . - / ( ) only (no quotes, no letters)"),
        format!("{file}: {SPEC_SERVICE} → service_at_locations[0] → location → addresses[0] → country: 'US' is not allowed here (expected BE or FR)"),
        format!("{file}: {SPEC_SERVICE} → service_at_locations[0] → location → addresses[0] → postal_code: 'ABC 1234' is not allowed here (expected a postal code of 4 digits (Belgium) or 5 digits (France))"),
        format!("{file}: {SPEC_SERVICE}: {NEEDS}"),
    ];
    assert_eq!(read(file, &fixture("hsds/service_full.json")).unwrap_err(), expected);
    let (out, code) = check(&["hsds/service_full.json"]);
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);
    assert_eq!(code, Some(1));
}

#[test]
fn the_specifications_service_list_page_is_read_as_a_page() {
    let file = "service_list.json";
    let expected = [
        format!("{file}: {SPEC_SERVICE} → url: link 'http://example.com/counselling' is not allowed: only https:, tel: and mailto: links are"),
        format!("{file}: {SPEC_SERVICE} → organization → website: link 'http://example.com' is not allowed: only https:, tel: and mailto: links are"),
        format!("{file}: {SPEC_SERVICE}: {NEEDS}"),
    ];
    assert_eq!(read(file, &fixture("hsds/service_list.json")).unwrap_err(), expected);
    let (out, _) = check(&["hsds/service_list.json"]);
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn our_fixtures_in_the_specifications_shapes_pass_and_say_what_was_skipped() {
    let (out, code) = check(&[
        "directories/example.json",
        "directories/hsds-service.json",
        "directories/hsds-page.json",
    ]);
    assert_eq!(
        out,
        "example.json: ok (3 active services; 2 communes, 3 postal codes, 0 areas; 3 standard HSDS fields not used by Amarre)\n\
         hsds-service.json: ok (1 active service; 0 communes, 0 postal codes, 1 area; 26 standard HSDS fields not used by Amarre)\n\
         hsds-page.json: ok (2 active services; 0 communes, 1 postal code, 1 area; 3 standard HSDS fields not used by Amarre)\n"
    );
    assert_eq!(code, Some(0));

    let full = read("hsds-service.json", &fixture("directories/hsds-service.json")).unwrap();
    let service = &full.directory.services[0];
    assert_eq!(service.organization, "AMO Exemple (fictive)");
    assert_eq!(service.service_type, "amo");
    assert_eq!(service.ages, Some((12, 18)));
    assert_eq!(
        service.eligibility,
        "Jeunes de 12 à 18 ans de la province de Liège, et leurs parents."
    );
    assert_eq!(
        service.hours,
        ["Le mercredi, de 13 h à 18 h"],
        "a schedule without words gives none"
    );
    assert_eq!(service.addresses, ["Rue de l'Exemple 1, 4000 Liège"]);
    assert!(matches!(&service.territory, Territory::Local { areas, .. } if areas == &["BE-WLG"]));

    let page = read("hsds-page.json", &fixture("directories/hsds-page.json")).unwrap();
    let paris = &page.directory.services[1];
    assert_eq!(paris.service_type, "mission_locale");
    assert_eq!(page.directory.areas(), ["FR-75"]);
    assert_eq!(page.directory.postal_codes(), ["4000"]);
}

#[test]
fn a_field_that_is_not_hsds_is_refused_at_its_place() {
    let problems = read("hsds-typo.json", &fixture("directories/hsds-typo.json")).unwrap_err();
    let service = "hsds-typo.json: service '4a30a04c-4dda-5dda-872e-eb640a27a2ce'";
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[0].starts_with(&format!(
        "{service}: has a field 'eligibilty_description' that does not belong here (expected id, organization_id, "
    )));
    assert!(problems[1].starts_with(&format!(
        "{service} → service_at_locations[0] → location → addresses[0]: has a field 'postcode' that does not belong here"
    )));
    assert_eq!(
        problems[2],
        format!("{service} → service_at_locations[0] → location → addresses[0] → postal_code: is missing")
    );
}

#[test]
fn a_bare_list_of_services_reads_and_a_nested_organization_may_come_back() {
    let one = fixture("directories/hsds-service.json");
    let page = fixture("directories/hsds-page.json");
    let contents = &page[page.find("\"contents\": ").unwrap() + "\"contents\": ".len()..page.rfind('}').unwrap()];
    let list = format!("[{one}, {}", contents.trim().strip_prefix('[').unwrap());
    let reading = read("list.json", &list).expect("a list of service_full objects is read");
    assert_eq!(reading.directory.services.len(), 3);
    // The same organization, nested in two services, is no duplicate.
    assert_eq!(
        reading.directory.services[0].organization,
        reading.directory.services[1].organization
    );
    assert_eq!(reading.ignored_fields, 26 + 3);
}

#[test]
fn attributes_of_other_taxonomies_are_skipped_and_amarres_first_form_still_reads() {
    let service = |attributes: &str| {
        format!(
            r#"{{"id": "s", "name": "S", "status": "active", "assured_date": "2026-01-01",
                "organization": {{"id": "o", "name": "O", "description": "D"}},
                "attributes": [{attributes}]}}"#
        )
    };
    let first_form = r#"{"taxonomy_term": {"taxonomy": "amarre:service_type", "code": "amo"}},
        {"taxonomy_term": {"taxonomy": "amarre:age", "code": "from"}, "value": "14"},
        {"taxonomy_term": {"taxonomy": "amarre:postal_code", "code": "4000"}},
        {"id": "x", "taxonomy_term": {"id": "t", "name": "n", "description": "d", "taxonomy": "other", "taxonomy_detail": {"any": 1}}},
        {"id": "y", "taxonomy_term_id": "t2"}"#;
    let reading = read("first.json", &service(first_form)).expect("Amarre's first form still reads");
    assert_eq!(reading.directory.services[0].ages, Some((14, 120)));
    assert_eq!(reading.ignored_fields, 2, "two attributes of other taxonomies");
    let bad_area = r#"{"taxonomy_term": {"taxonomy": "amarre:service_type", "code": "amo"}},
        {"taxonomy_term": {"taxonomy": "amarre:area", "code": "BE-LIE"}},
        {"id": "z", "taxonomy_term": {"taxonomy": "other", "cod": "typo"}}"#;
    let problems = read("area.json", &service(bad_area)).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems[0].starts_with("area.json: service 's' → attributes[1] → taxonomy_term → code: 'BE-LIE' is not allowed here (expected an ISO 3166-2 code"), "{problems:#?}");
    assert!(
        problems[1].starts_with(
            "area.json: service 's' → attributes[2] → taxonomy_term: has a field 'cod' that does not belong here"
        ),
        "{problems:#?}"
    );
    let too_old = service(
        r#"{"taxonomy_term": {"taxonomy": "amarre:service_type", "code": "amo"}},
        {"taxonomy_term": {"taxonomy": "amarre:national", "code": "BE"}}"#,
    )
    .replace("\"status\"", "\"minimum_age\": 20, \"maximum_age\": 130, \"status\"");
    assert_eq!(
        read("ages.json", &too_old).unwrap_err(),
        ["ages.json: service 's' → maximum_age: '130' is not allowed here (expected an age in whole years, up to 120)"]
    );
}

#[test]
fn a_kept_directory_carries_eligibility_and_areas_and_older_texts_still_read() {
    let types = types();
    let page = directory::parse("hsds-page.json", &fixture("directories/hsds-page.json"), &types).unwrap();
    let full = directory::parse("hsds-service.json", &fixture("directories/hsds-service.json"), &types).unwrap();
    for directory in [page, full] {
        let text = stored::to_text(&directory);
        assert_eq!(stored::from_text("kept", &text, &types), Ok(directory));
    }
    let older = r#"{"format": "amarre-directory/1", "name": "", "services": [{"id": "a", "name": "A",
        "organization": "O", "type": "amo", "families": [], "languages": [], "postal_codes": ["4000"],
        "phones": [], "addresses": [], "hours": [], "assured": "2026-01-01"}]}"#;
    let read_back: Directory =
        stored::from_text("kept", older, &types).expect("a text kept before eligibility and areas");
    assert_eq!(read_back.services[0].eligibility, "");
}

/// The standard fields of each object, as the schema copy lists them.
fn schema_fields() -> Vec<(String, Vec<String>)> {
    let text =
        std::fs::read_to_string("../../tests/data/hsds/schema/service_with_definitions.json").expect("schema copy");
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys = |v: &serde_json::Value| -> Vec<String> {
        v["properties"]
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut all = vec![("service".to_string(), keys(&schema))];
    for (name, definition) in schema["definitions"].as_object().unwrap() {
        all.push((name.clone(), keys(definition)));
    }
    all
}

#[test]
fn the_standard_fields_are_the_schemas() {
    // Compared as sorted lists: serde_json's map sorts the schema's keys.
    let sorted = |mut all: Vec<(String, Vec<String>)>| {
        all.iter_mut().for_each(|(_, fields)| fields.sort());
        all.sort();
        all
    };
    let ours = hsds_fields::ALL
        .iter()
        .map(|Standard { name, fields }| (name.to_string(), fields.iter().map(|f| f.to_string()).collect()))
        .collect();
    assert_eq!(sorted(ours), sorted(schema_fields()));
}
