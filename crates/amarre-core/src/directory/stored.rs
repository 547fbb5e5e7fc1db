//! A validated directory as the apps keep it in the browser's storage: its
//! model written out flat (one object per active service, the joins of
//! HSDS already made), so that the questionnaires app's results can use a
//! directory loaded in the services app without carrying the HSDS reader
//! in its download.
//!
//! Written from a serde struct that mirrors the stored text. Storage can be
//! changed by anyone with the device, so what is read back is walked as a
//! JSON tree ([`crate::json`], parsed by serde_json), like a coordinator's
//! file, through the same [`super::checks`], every problem with its place
//! (`services[2] → type: …`). Why not a derived `Deserialize`: it measured
//! 11.1 KiB gzipped in the questionnaires app's download, where the tree
//! and the walk cost a third of that (README, "Size").

use chrono::NaiveDate;
use serde::Serialize;

use super::checks::{self, At};
use super::{Directory, Service, ServiceParts};
use crate::error::{DataError, DataErrorKind};
use crate::factors::Family;
use crate::helpline::Country;
use crate::json::{self, Object};
use crate::service_type::{Level, ServiceTypes, LEVEL_IDS};
use crate::territory::Territory;

/// What the stored text says it is, so an old or foreign value is told
/// apart from a damaged one.
pub const FORMAT: &str = "amarre-directory/1";

/// The stored text, as it is written.
#[derive(Serialize)]
struct StoredDirectory {
    format: String,
    name: String,
    services: Vec<StoredService>,
}

/// One service, flat, as it is written.
#[derive(Serialize)]
struct StoredService {
    id: String,
    name: String,
    organization: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    description: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    what_to_expect: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    fees: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    eligibility: String,
    #[serde(rename = "type")]
    service_type: String,
    families: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    age_from: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    age_to: Option<u32>,
    languages: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    national: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    postal_codes: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    communes: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    areas: Vec<String>,
    phones: Vec<StoredPhone>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    addresses: Vec<String>,
    hours: Vec<String>,
    assured: String,
}

/// A phone number, flat, as it is written.
#[derive(Serialize)]
struct StoredPhone {
    number: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    description: String,
}

/// `directory` as text to keep.
pub fn to_text(directory: &Directory) -> String {
    let stored = StoredDirectory {
        format: FORMAT.to_string(),
        name: directory.name.clone(),
        services: directory.services.iter().map(flat).collect(),
    };
    // Strings, lists and whole numbers only: writing them cannot fail.
    serde_json::to_string(&stored).unwrap_or_default()
}

fn flat(s: &Service) -> StoredService {
    let (national, postal_codes, communes, areas) = match &s.territory {
        Territory::National(countries) => (
            Some(countries.iter().map(|c| c.code().to_string()).collect()),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        ),
        Territory::Local {
            postal_codes,
            communes,
            areas,
        } => (None, postal_codes.clone(), communes.clone(), areas.clone()),
    };
    StoredService {
        id: s.id.clone(),
        name: s.name.clone(),
        organization: s.organization.clone(),
        description: s.description.clone(),
        what_to_expect: s.what_to_expect.clone(),
        fees: s.fees.clone(),
        eligibility: s.eligibility.clone(),
        service_type: s.service_type.clone(),
        families: s.families.iter().map(|f| f.id().to_string()).collect(),
        level: s.level.map(|l| l.id().to_string()),
        age_from: s.ages.map(|(from, _)| from),
        age_to: s.ages.map(|(_, to)| to),
        languages: s.languages.clone(),
        national,
        postal_codes,
        communes,
        areas,
        phones: s
            .phones
            .iter()
            .map(|p| StoredPhone {
                number: p.number.clone(),
                description: p.description.clone(),
            })
            .collect(),
        email: s.email.as_ref().map(|l| l.as_str().to_string()),
        url: s.url.as_ref().map(|l| l.as_str().to_string()),
        addresses: s.addresses.clone(),
        hours: s.hours.clone(),
        assured: s.assured.to_string(),
    }
}

/// The fields a stored service may have (`eligibility` and `areas` came
/// later: a text kept without them still reads).
const SERVICE_FIELDS: [&str; 23] = [
    "id",
    "name",
    "organization",
    "description",
    "what_to_expect",
    "fees",
    "eligibility",
    "type",
    "families",
    "level",
    "age_from",
    "age_to",
    "languages",
    "national",
    "postal_codes",
    "communes",
    "areas",
    "phones",
    "email",
    "url",
    "addresses",
    "hours",
    "assured",
];

/// Reads back a directory kept under the name `file`, against the service
/// types the app knows; every problem, or the directory.
pub fn from_text(file: &str, text: &str, types: &ServiceTypes) -> Result<Directory, Vec<DataError>> {
    read::<true>(file, text, types)
}

/// The same directory with only what a suggestion's contact shows (name,
/// organization, type, where it works, phones, addresses, web page): the
/// questionnaires app's results read it so, and do not carry the code that
/// reads and checks the rest (descriptions, hours, ages, languages…).
pub fn contacts_from_text(file: &str, text: &str, types: &ServiceTypes) -> Result<Directory, Vec<DataError>> {
    read::<false>(file, text, types)
}

/// Reads the stored text; with `FULL`, every field, else the contacts only
/// (the other fields are still allowed, and skipped).
fn read<const FULL: bool>(file: &str, text: &str, types: &ServiceTypes) -> Result<Directory, Vec<DataError>> {
    let value = json::parse(file, text)?;
    let mut errors = Vec::new();
    let Some(root) = json::object(
        &value,
        file,
        "",
        &["sources", "format", "name", "services"],
        &mut errors,
    ) else {
        return Err(errors);
    };
    match root.str("format", &mut errors) {
        Some(FORMAT) | None => {}
        Some(other) => errors.push(DataError::new(
            file,
            root.at("format"),
            DataErrorKind::NotAllowed {
                value: other.to_string(),
                allowed: FORMAT,
            },
        )),
    }
    let name = root.opt_str("name", &mut errors).unwrap_or_default().to_string();
    let services = root
        .list("services", true, &mut errors)
        .iter()
        .enumerate()
        .filter_map(|(n, entry)| {
            let s = json::object(entry, file, &format!("services[{n}]"), &SERVICE_FIELDS, &mut errors)?;
            read_service::<FULL>(&s, types, &mut errors)
        })
        .collect();
    if errors.is_empty() {
        Ok(Directory { name, services })
    } else {
        Err(errors)
    }
}

/// The place `field` of `o`.
fn at<'a>(o: &'a Object, place: &'a str) -> At<'a> {
    At { file: o.file(), place }
}

/// A text field (required, or empty when absent).
fn text_field(s: &Object, field: &str, required: bool, errors: &mut Vec<DataError>) -> Option<String> {
    let text = if required {
        s.str(field, errors)
    } else {
        s.opt_str(field, errors)
    }?;
    checks::text(at(s, &s.at(field)), text, errors)
}

/// A list of texts, none of which may look like HTML.
fn texts(s: &Object, field: &str, errors: &mut Vec<DataError>) -> Vec<String> {
    let list: Vec<String> = s.strings(field, errors).into_iter().map(str::to_string).collect();
    checks::texts(at(s, &s.at(field)), &list, errors)
}

fn read_service<const FULL: bool>(s: &Object, types: &ServiceTypes, errors: &mut Vec<DataError>) -> Option<Service> {
    let before = errors.len();
    // A field the contacts do not show is read only when `FULL`.
    let optional = |field, errors: &mut Vec<DataError>| {
        if FULL {
            text_field(s, field, false, errors).unwrap_or_default()
        } else {
            String::new()
        }
    };
    let id = text_field(s, "id", true, errors);
    let name = text_field(s, "name", true, errors);
    let organization = text_field(s, "organization", true, errors);
    let description = optional("description", errors);
    let what_to_expect = optional("what_to_expect", errors);
    let fees = optional("fees", errors);
    let eligibility = optional("eligibility", errors);
    let service_type = s.str("type", errors).and_then(|id| {
        let known = types.get(id).map(|t| t.id.clone());
        if known.is_none() {
            errors.push(DataError::new(
                s.file(),
                s.at("type"),
                DataErrorKind::UnknownReference {
                    what: "the service type",
                    id: id.to_string(),
                },
            ));
        }
        known
    });
    let families = if FULL {
        s.ids(
            "families",
            Family::from_id,
            "personal, family, school or environment",
            errors,
        )
    } else {
        Vec::new()
    };
    let level = if FULL {
        s.opt_id("level", Level::from_id, LEVEL_IDS, errors)
    } else {
        None
    };
    let ages = match (s.get("age_from"), s.get("age_to")) {
        _ if !FULL => None,
        (None, None) => None,
        _ => s
            .u32("age_from", None, errors)
            .zip(s.u32("age_to", None, errors))
            .map(|(from, to)| checks::ages(at(s, &s.at("age_from")), from, to, errors)),
    };
    let territory = if s.get("national").is_some() {
        Territory::National(s.ids("national", Country::from_code, "BE or FR", errors))
    } else {
        let place = s.at("postal_codes");
        let postal_codes = s
            .strings("postal_codes", errors)
            .into_iter()
            .filter_map(|code| checks::postal_code(at(s, &place), code, errors).map(|p| p.code))
            .collect();
        let place = s.at("areas");
        let areas = s
            .strings("areas", errors)
            .into_iter()
            .filter_map(|code| checks::area(at(s, &place), code, errors))
            .collect();
        Territory::Local {
            postal_codes,
            communes: texts(s, "communes", errors),
            areas,
        }
    };
    let phones = s
        .list("phones", false, errors)
        .iter()
        .enumerate()
        .filter_map(|(n, p)| {
            let p = json::object(
                p,
                s.file(),
                &format!("{}[{n}]", s.at("phones")),
                &["number", "description"],
                errors,
            )?;
            let description = text_field(&p, "description", false, errors).unwrap_or_default();
            let number = p.str("number", errors)?;
            checks::phone(at(&p, &p.at("number")), number, description, errors)
        })
        .collect();
    let link = |field: &str, errors: &mut Vec<DataError>| {
        let text = s.opt_str(field, errors)?;
        checks::link(at(s, &s.at(field)), field == "email", text, errors)
    };
    let email = if FULL { link("email", errors) } else { None };
    let url = link("url", errors);
    let assured = if FULL {
        s.str("assured", errors)
            .and_then(|date| checks::date(at(s, &s.at("assured")), date, errors))
    } else {
        Some(NaiveDate::default())
    };
    let languages = if FULL {
        texts(s, "languages", errors)
    } else {
        Vec::new()
    };
    let addresses = texts(s, "addresses", errors);
    let hours = if FULL { texts(s, "hours", errors) } else { Vec::new() };
    if errors.len() > before {
        return None;
    }
    Some(Service::new(ServiceParts {
        id: id?,
        name: name?,
        organization: organization?,
        description,
        what_to_expect,
        fees,
        eligibility,
        service_type: service_type?,
        families,
        level,
        ages,
        languages,
        territory,
        phones,
        email,
        url,
        addresses,
        hours,
        assured: assured?,
    }))
}
