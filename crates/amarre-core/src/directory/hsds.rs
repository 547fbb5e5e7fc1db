//! A coordinator's directory file: a subset of Open Referral HSDS 3.0
//! (organizations, services, locations with addresses, phones, schedules,
//! languages, service areas, attributes with taxonomy terms), with our tags
//! carried as attributes (`amarre:service_type`, `amarre:family`,
//! `amarre:level`, `amarre:age`, `amarre:postal_code`, `amarre:commune`,
//! `amarre:national`). Written up for coordinators in `docs/directory.md`.
//!
//! Read as a JSON tree ([`crate::json_value`], parsed by serde_json) and
//! walked field by field ([`crate::json`]) rather than through a derived
//! serde struct, because a coordinator fixing a file must see every
//! problem at once: a derived struct stops at the first. Each value goes
//! through the shared [`super::checks`]. Nothing here is quadratic: ids,
//! organizations and locations are found through maps.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::checks::{self, At};
use super::{check_size, Directory, Phone, Service, ServiceParts};
use crate::error::{cap_problems, DataError, DataErrorKind};
use crate::factors::Family;
use crate::helpline::Country;
use crate::json::{self, Object, Value};
use crate::link::SafeLink;
use crate::service_type::{Level, ServiceTypes, LEVEL_IDS};
use crate::territory::{PostalCode, Territory};

/// The HSDS statuses, and the one that is shown.
const STATUSES: &str = "active, inactive, defunct or temporarily closed";

/// Reads and validates a directory file named `file`, against the service
/// types the app knows; every problem, or the directory.
pub fn parse(file: &str, text: &str, types: &ServiceTypes) -> Result<Directory, Vec<DataError>> {
    check_size(file, text.len() as u64).map_err(|e| vec![e])?;
    let value = json::parse(file, text)?;
    let mut errors = Vec::new();
    let Some(root) = json::object(
        &value,
        file,
        "",
        &["name", "organizations", "locations", "services"],
        &mut errors,
    ) else {
        return Err(errors);
    };
    let name = text_field(&root, "name", false, &mut errors).unwrap_or_default();
    let organizations = read_organizations(&root, &mut errors);
    let locations = read_locations(&root, &mut errors);
    let mut services = Vec::new();
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    for (n, entry) in root.list("services", true, &mut errors).iter().enumerate() {
        let id = entry
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| !id.trim().is_empty());
        let place = match id {
            Some(id) => format!("service '{id}'"),
            None => format!("services[{n}]"),
        };
        if let Some(id) = id {
            if !ids.insert(id) {
                errors.push(DataError::new(
                    file,
                    format!("services[{n}]"),
                    DataErrorKind::Duplicate { id: id.to_string() },
                ));
            }
        }
        let context = Context {
            types,
            organizations: &organizations,
            locations: &locations,
        };
        if let Some(service) = read_service(entry, file, &place, &context, &mut errors) {
            services.push(service);
        }
    }
    if errors.is_empty() {
        Ok(Directory {
            name,
            services: services.into_iter().flatten().collect(),
        })
    } else {
        Err(cap_problems(file, errors))
    }
}

/// What a service refers to.
struct Context<'c> {
    types: &'c ServiceTypes,
    /// Each organization's name, by id.
    organizations: &'c BTreeMap<String, String>,
    /// Each location's address lines, by id.
    locations: &'c BTreeMap<String, Vec<String>>,
}

/// A text field, checked to be non-empty and free of HTML.
fn text_field(o: &Object, field: &str, required: bool, errors: &mut Vec<DataError>) -> Option<String> {
    let text = if required {
        o.str(field, errors)
    } else {
        o.opt_str(field, errors)
    }?;
    checks::text(at(o, &o.at(field)), text, errors)
}

/// A required date field written `YYYY-MM-DD`.
fn date_field(o: &Object, field: &str, errors: &mut Vec<DataError>) -> Option<NaiveDate> {
    let date = o.str(field, errors)?;
    checks::date(at(o, &o.at(field)), date, errors)
}

/// An optional link field, which must be `https:` (or `mailto:` built from
/// an address for `email`).
fn link_field(o: &Object, field: &str, errors: &mut Vec<DataError>) -> Option<SafeLink> {
    let text = o.opt_str(field, errors)?;
    checks::link(at(o, &o.at(field)), field == "email", text, errors)
}

/// The place `place` in the file of `o`.
fn at<'a>(o: &'a Object, place: &'a str) -> At<'a> {
    At { file: o.file(), place }
}

/// Each element of the list `field` as an object with `allowed` fields.
fn objects<'v>(o: &Object<'v>, field: &str, allowed: &[&'static str], errors: &mut Vec<DataError>) -> Vec<Object<'v>> {
    o.list(field, false, errors)
        .iter()
        .enumerate()
        .filter_map(|(n, v)| json::object(v, o.file(), &format!("{}[{n}]", o.at(field)), allowed, errors))
        .collect()
}

fn read_organizations(root: &Object, errors: &mut Vec<DataError>) -> BTreeMap<String, String> {
    let allowed = ["id", "name", "description", "email", "website"];
    let mut found = BTreeMap::new();
    for o in objects(root, "organizations", &allowed, errors) {
        let id = text_field(&o, "id", true, errors);
        let name = text_field(&o, "name", true, errors);
        text_field(&o, "description", true, errors);
        link_field(&o, "email", errors);
        link_field(&o, "website", errors);
        if let (Some(id), Some(name)) = (id, name) {
            match found.entry(id) {
                Entry::Occupied(taken) => {
                    let id = taken.key().clone();
                    errors.push(DataError::new(o.file(), o.place(), DataErrorKind::Duplicate { id }));
                }
                Entry::Vacant(free) => {
                    free.insert(name);
                }
            }
        }
    }
    found
}

fn read_locations(root: &Object, errors: &mut Vec<DataError>) -> BTreeMap<String, Vec<String>> {
    let address_fields = [
        "id",
        "address_1",
        "address_2",
        "city",
        "region",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ];
    let mut found = BTreeMap::new();
    for o in objects(root, "locations", &["id", "name", "description", "addresses"], errors) {
        let id = text_field(&o, "id", true, errors);
        text_field(&o, "name", false, errors);
        text_field(&o, "description", false, errors);
        let mut lines = Vec::new();
        for a in objects(&o, "addresses", &address_fields, errors) {
            let values: Vec<Option<String>> = [
                "id",
                "address_1",
                "city",
                "state_province",
                "postal_code",
                "country",
                "address_type",
            ]
            .iter()
            .map(|field| text_field(&a, field, true, errors))
            .collect();
            text_field(&a, "address_2", false, errors);
            text_field(&a, "region", false, errors);
            let country = values[5].as_deref().and_then(|code| {
                let country = Country::from_code(code);
                if country.is_none() {
                    errors.push(DataError::new(
                        a.file(),
                        a.at("country"),
                        DataErrorKind::NotAllowed {
                            value: code.to_string(),
                            allowed: "BE or FR",
                        },
                    ));
                }
                country
            });
            if let Some(postal) = &values[4] {
                let shape = postal_code(&a, "postal_code", postal, errors).map(|p| p.country);
                if shape.is_some() && country.is_some() && shape != country {
                    errors.push(DataError::new(
                        a.file(),
                        a.at("postal_code"),
                        DataErrorKind::NotAllowed {
                            value: postal.clone(),
                            allowed: "4 digits for an address in BE, 5 digits in FR",
                        },
                    ));
                }
            }
            if let (Some(street), Some(city), Some(postal)) = (&values[1], &values[2], &values[4]) {
                lines.push(format!("{street}, {postal} {city}"));
            }
        }
        if let Some(id) = id {
            match found.entry(id) {
                Entry::Occupied(taken) => {
                    let id = taken.key().clone();
                    errors.push(DataError::new(o.file(), o.place(), DataErrorKind::Duplicate { id }));
                }
                Entry::Vacant(free) => {
                    free.insert(lines);
                }
            }
        }
    }
    found
}

/// The postal code written at `field` of `o`, if it has the right shape.
fn postal_code(o: &Object, field: &str, code: &str, errors: &mut Vec<DataError>) -> Option<PostalCode> {
    checks::postal_code(at(o, &o.at(field)), code, errors)
}

/// The tags of a service, read from its attributes.
#[derive(Default)]
struct Tags {
    /// Whether any `amarre:service_type` was written (even a wrong one).
    type_written: bool,
    /// Whether any territory attribute was written (even a wrong one).
    territory_written: bool,
    service_types: Vec<String>,
    families: Vec<Family>,
    level: Option<Level>,
    age_from: Option<u32>,
    age_to: Option<u32>,
    postal_codes: Vec<String>,
    communes: Vec<String>,
    national: Vec<Country>,
}

fn read_tags(s: &Object, context: &Context, errors: &mut Vec<DataError>) -> Tags {
    let mut tags = Tags::default();
    for a in objects(s, "attributes", &["id", "taxonomy_term", "value", "label"], errors) {
        let Some(term) = a.required("taxonomy_term", errors).and_then(|t| {
            json::object(
                t,
                a.file(),
                &a.at("taxonomy_term"),
                &["id", "taxonomy", "code", "term"],
                errors,
            )
        }) else {
            continue;
        };
        let (Some(taxonomy), Some(code)) = (term.str("taxonomy", errors), text_field(&term, "code", true, errors))
        else {
            continue;
        };
        text_field(&term, "term", false, errors);
        let not_allowed = |errors: &mut Vec<DataError>, allowed: &'static str| {
            errors.push(DataError::new(
                term.file(),
                term.at("code"),
                DataErrorKind::NotAllowed {
                    value: code.clone(),
                    allowed,
                },
            ));
        };
        match taxonomy {
            "amarre:service_type" => {
                tags.type_written = true;
                if context.types.get(&code).is_some() {
                    tags.service_types.push(code.clone());
                } else {
                    errors.push(DataError::new(
                        term.file(),
                        term.at("code"),
                        DataErrorKind::UnknownReference {
                            what: "the service type",
                            id: code.clone(),
                        },
                    ));
                }
            }
            "amarre:family" => match Family::from_id(&code) {
                Some(family) => tags.families.push(family),
                None => not_allowed(errors, "personal, family, school or environment"),
            },
            "amarre:level" => match Level::from_id(&code) {
                Some(level) => tags.level = Some(level),
                None => not_allowed(errors, LEVEL_IDS),
            },
            "amarre:age" => {
                let age = a.str("value", errors).and_then(|v| {
                    let age = v.parse::<u32>().ok().filter(|n| *n <= 120 && v.bytes().all(|b| b.is_ascii_digit()));
                    if age.is_none() {
                        errors.push(DataError::new(
                            a.file(),
                            a.at("value"),
                            DataErrorKind::NotAllowed {
                                value: v.to_string(),
                                allowed: "an age in whole years, in quotes (\"12\")",
                            },
                        ));
                    }
                    age
                });
                match code.as_str() {
                    "from" => tags.age_from = age,
                    "to" => tags.age_to = age,
                    _ => not_allowed(errors, "from or to"),
                }
            }
            "amarre:postal_code" => {
                tags.territory_written = true;
                if postal_code(&term, "code", &code, errors).is_some() {
                    tags.postal_codes.push(code.clone());
                }
            }
            "amarre:commune" => {
                tags.territory_written = true;
                tags.communes.push(code.clone());
            }
            "amarre:national" => {
                tags.territory_written = true;
                match Country::from_code(&code) {
                    Some(country) => tags.national.push(country),
                    None => not_allowed(errors, "BE or FR"),
                }
            }
            other => errors.push(DataError::new(
                term.file(),
                term.at("taxonomy"),
                DataErrorKind::NotAllowed {
                    value: other.to_string(),
                    allowed: "amarre:service_type, amarre:family, amarre:level, amarre:age, amarre:postal_code, amarre:commune or amarre:national",
                },
            )),
        }
    }
    tags
}

/// A service; `Some(None)` when it is valid but not active.
fn read_service(
    entry: &Value,
    file: &str,
    place: &str,
    context: &Context,
    errors: &mut Vec<DataError>,
) -> Option<Option<Service>> {
    let fields = [
        "id",
        "organization_id",
        "name",
        "alternate_name",
        "description",
        "url",
        "email",
        "status",
        "application_process",
        "fees_description",
        "assured_date",
        "phones",
        "schedules",
        "languages",
        "service_areas",
        "service_at_locations",
        "attributes",
    ];
    let before = errors.len();
    let s = json::object(entry, file, place, &fields, errors)?;
    let id = text_field(&s, "id", true, errors);
    let name = text_field(&s, "name", true, errors);
    text_field(&s, "alternate_name", false, errors);
    let description = text_field(&s, "description", false, errors).unwrap_or_default();
    let what_to_expect = text_field(&s, "application_process", false, errors).unwrap_or_default();
    let fees = text_field(&s, "fees_description", false, errors).unwrap_or_default();
    let url = link_field(&s, "url", errors);
    let email = link_field(&s, "email", errors);
    let status = s.str("status", errors).map(str::to_string);
    if let Some(status) = &status {
        if !["active", "inactive", "defunct", "temporarily closed"].contains(&status.as_str()) {
            errors.push(DataError::new(
                file,
                s.at("status"),
                DataErrorKind::NotAllowed {
                    value: status.clone(),
                    allowed: STATUSES,
                },
            ));
        }
    }
    let organization = s.str("organization_id", errors).and_then(|id| {
        let found = context.organizations.get(id);
        if found.is_none() {
            errors.push(DataError::new(
                file,
                s.at("organization_id"),
                DataErrorKind::UnknownReference {
                    what: "the organization",
                    id: id.to_string(),
                },
            ));
        }
        found.cloned()
    });
    let assured = date_field(&s, "assured_date", errors);
    let phones: Vec<Phone> = objects(
        &s,
        "phones",
        &["id", "number", "extension", "type", "description"],
        errors,
    )
    .into_iter()
    .filter_map(|p| {
        text_field(&p, "id", true, errors);
        let description = text_field(&p, "description", false, errors).unwrap_or_default();
        let number = p.str("number", errors)?;
        checks::phone(at(&p, &p.at("number")), number, description, errors)
    })
    .collect();
    let hours: Vec<String> = objects(&s, "schedules", &["id", "description"], errors)
        .into_iter()
        .filter_map(|h| text_field(&h, "description", true, errors))
        .collect();
    let languages: Vec<String> = objects(&s, "languages", &["id", "name", "code", "note"], errors)
        .into_iter()
        .filter_map(|l| {
            text_field(&l, "name", false, errors);
            let code = l.str("code", errors)?;
            checks::language_code(at(&l, &l.at("code")), code, errors)
        })
        .collect();
    for area in objects(&s, "service_areas", &["id", "name", "description"], errors) {
        text_field(&area, "name", false, errors);
        text_field(&area, "description", false, errors);
    }
    let mut addresses = Vec::new();
    for link in objects(
        &s,
        "service_at_locations",
        &["id", "location_id", "description"],
        errors,
    ) {
        let Some(location) = link.str("location_id", errors) else {
            continue;
        };
        match context.locations.get(location) {
            Some(lines) => addresses.extend(lines.iter().cloned()),
            None => errors.push(DataError::new(
                file,
                link.at("location_id"),
                DataErrorKind::UnknownReference {
                    what: "the location",
                    id: location.to_string(),
                },
            )),
        }
    }
    let tags = read_tags(&s, context, errors);
    let service_type = match tags.service_types.as_slice() {
        [one] => Some(one.clone()),
        [] => {
            if !tags.type_written {
                errors.push(DataError::new(
                    file,
                    format!("{} → amarre:service_type", s.at("attributes")),
                    DataErrorKind::MissingField {
                        field: "amarre:service_type".to_string(),
                    },
                ));
            }
            None
        }
        [_, second, ..] => {
            errors.push(DataError::new(
                file,
                s.at("attributes"),
                DataErrorKind::NotAllowed {
                    value: second.clone(),
                    allowed: "one amarre:service_type per service",
                },
            ));
            None
        }
    };
    let territory = if !tags.national.is_empty() {
        Some(Territory::National(tags.national))
    } else if tags.postal_codes.is_empty() && tags.communes.is_empty() {
        if tags.territory_written {
            return None;
        }
        errors.push(DataError::new(
            file,
            format!(
                "{} → amarre:postal_code, amarre:commune or amarre:national",
                s.at("attributes")
            ),
            DataErrorKind::MissingField {
                field: "a territory (amarre:postal_code, amarre:commune or amarre:national)".to_string(),
            },
        ));
        None
    } else {
        Some(Territory::Local {
            postal_codes: tags.postal_codes,
            communes: tags.communes,
        })
    };
    let ages = match (tags.age_from, tags.age_to) {
        (None, None) => None,
        (from, to) => Some(checks::ages(
            at(&s, &s.at("attributes")),
            from.unwrap_or(0),
            to.unwrap_or(120),
            errors,
        )),
    };
    if errors.len() > before {
        return None;
    }
    let (id, name, organization, service_type, territory, assured) =
        (id?, name?, organization?, service_type?, territory?, assured?);
    if status.as_deref() != Some("active") {
        return Some(None);
    }
    let families = if tags.families.is_empty() {
        context
            .types
            .get(&service_type)
            .map(|t| t.families.clone())
            .unwrap_or_default()
    } else {
        tags.families
    };
    Some(Some(Service::new(ServiceParts {
        id,
        name,
        organization,
        description,
        what_to_expect,
        fees,
        service_type,
        families,
        level: tags.level,
        ages,
        languages,
        territory,
        phones,
        email,
        url,
        addresses,
        hours,
        assured,
    })))
}
