//! A validated directory as the apps keep it in the browser's storage: its
//! model written out flat (one object per active service, the joins of
//! HSDS already made), so that the main app's results can use a directory
//! loaded in the services app without carrying the whole HSDS reader in
//! its download (README, "Size").
//!
//! Storage can be changed by anyone with the device, so what is read back
//! is checked again: the same text, link, postal code, type and date rules
//! as [`super::directory::parse`], every problem with its place.

use super::directory::{date_field, link_field, looks_like_html, postal_code, text_field, Directory, Phone, Service};
use super::error::{DataError, DataErrorKind};
use super::factors::Family;
use super::helpline::Country;
use super::json::{self, quoted, Object};
use super::link::SafeLink;
use super::service_type::{Level, ServiceTypes, LEVEL_IDS};
use super::territory::Territory;

/// What the stored text starts with, so an old or foreign value is told
/// apart from a damaged one.
pub const FORMAT: &str = "amarre-directory/1";

/// The fields of a stored service.
const SERVICE_FIELDS: [&str; 21] = [
    "id",
    "name",
    "organization",
    "description",
    "what_to_expect",
    "fees",
    "type",
    "families",
    "level",
    "age_from",
    "age_to",
    "languages",
    "national",
    "postal_codes",
    "communes",
    "phones",
    "email",
    "url",
    "addresses",
    "hours",
    "assured",
];

/// `directory` as text to keep.
pub fn to_text(directory: &Directory) -> String {
    let services: Vec<String> = directory.services.iter().map(service_text).collect();
    format!(
        "{{\"format\":{},\"name\":{},\"services\":[{}]}}",
        quoted(FORMAT),
        quoted(&directory.name),
        services.join(",")
    )
}

fn list(items: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let items: Vec<String> = items.into_iter().map(|i| quoted(i.as_ref())).collect();
    format!("[{}]", items.join(","))
}

fn service_text(s: &Service) -> String {
    let mut fields = vec![
        ("id", quoted(&s.id)),
        ("name", quoted(&s.name)),
        ("organization", quoted(&s.organization)),
        ("type", quoted(&s.service_type)),
        ("families", list(s.families.iter().map(|f| f.id()))),
        ("languages", list(&s.languages)),
        ("addresses", list(&s.addresses)),
        ("hours", list(&s.hours)),
        ("assured", quoted(&s.assured.to_string())),
    ];
    for (field, text) in [
        ("description", &s.description),
        ("what_to_expect", &s.what_to_expect),
        ("fees", &s.fees),
    ] {
        if !text.is_empty() {
            fields.push((field, quoted(text)));
        }
    }
    if let Some(level) = s.level {
        fields.push(("level", quoted(level.id())));
    }
    if let Some((from, to)) = s.ages {
        fields.push(("age_from", from.to_string()));
        fields.push(("age_to", to.to_string()));
    }
    match &s.territory {
        Territory::National(countries) => fields.push(("national", list(countries.iter().map(|c| c.code())))),
        Territory::Local { postal_codes, communes } => {
            fields.push(("postal_codes", list(postal_codes)));
            fields.push(("communes", list(communes)));
        }
    }
    let phones: Vec<String> = s
        .phones
        .iter()
        .map(|p| {
            let description = if p.description.is_empty() {
                String::new()
            } else {
                format!(",\"description\":{}", quoted(&p.description))
            };
            format!("{{\"number\":{}{description}}}", quoted(&p.number))
        })
        .collect();
    fields.push(("phones", format!("[{}]", phones.join(","))));
    for (field, link) in [("email", &s.email), ("url", &s.url)] {
        if let Some(link) = link {
            fields.push((field, quoted(link.as_str())));
        }
    }
    let fields: Vec<String> = fields.iter().map(|(k, v)| format!("{}:{v}", quoted(k))).collect();
    format!("{{{}}}", fields.join(","))
}

/// Reads back a directory kept under the name `file`, against the service
/// types the app knows; every problem, or the directory.
pub fn from_text(file: &str, text: &str, types: &ServiceTypes) -> Result<Directory, Vec<DataError>> {
    let value = json::parse(file, text)?;
    let mut errors = Vec::new();
    let Some(root) = json::object(&value, file, "", &["format", "name", "services"], &mut errors) else {
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
            read_service(&s, types, &mut errors)
        })
        .collect();
    if errors.is_empty() {
        Ok(Directory { name, services })
    } else {
        Err(errors)
    }
}

/// A list of texts, none of which may look like HTML.
fn texts(s: &Object, field: &str, errors: &mut Vec<DataError>) -> Vec<String> {
    let list = s.strings(field, errors);
    for text in &list {
        if let Some(tag) = looks_like_html(text) {
            errors.push(DataError::new(
                s.file(),
                s.at(field),
                DataErrorKind::ContainsHtml { text: tag.to_string() },
            ));
        }
    }
    list.into_iter().map(str::to_string).collect()
}

fn read_service(s: &Object, types: &ServiceTypes, errors: &mut Vec<DataError>) -> Option<Service> {
    let before = errors.len();
    let optional = |field, errors: &mut Vec<DataError>| text_field(s, field, false, errors).unwrap_or_default();
    let id = text_field(s, "id", true, errors);
    let name = text_field(s, "name", true, errors);
    let organization = text_field(s, "organization", true, errors);
    let description = optional("description", errors);
    let what_to_expect = optional("what_to_expect", errors);
    let fees = optional("fees", errors);
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
    let families = s.ids(
        "families",
        Family::from_id,
        "personal, family, school or environment",
        errors,
    );
    let level = s.opt_id("level", Level::from_id, LEVEL_IDS, errors);
    let ages = match (s.get("age_from"), s.get("age_to")) {
        (None, None) => None,
        _ => s.u32("age_from", None, errors).zip(s.u32("age_to", None, errors)),
    };
    let territory = if s.get("national").is_some() {
        Territory::National(s.ids("national", Country::from_code, "BE or FR", errors))
    } else {
        let postal_codes = s
            .strings("postal_codes", errors)
            .into_iter()
            .filter_map(|code| postal_code(s, "postal_codes", code, errors).map(|p| p.code))
            .collect();
        Territory::Local {
            postal_codes,
            communes: texts(s, "communes", errors),
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
            let number = text_field(&p, "number", true, errors)?;
            let dial = SafeLink::tel(&number)
                .map_err(|kind| errors.push(DataError::new(p.file(), p.at("number"), kind)))
                .ok()?;
            let description = text_field(&p, "description", false, errors).unwrap_or_default();
            Some(Phone {
                number,
                dial,
                description,
            })
        })
        .collect();
    let email = link_field(s, "email", errors);
    let url = link_field(s, "url", errors);
    let assured = date_field(s, "assured", errors);
    let languages = texts(s, "languages", errors);
    let addresses = texts(s, "addresses", errors);
    let hours = texts(s, "hours", errors);
    if errors.len() > before {
        return None;
    }
    Some(
        Service {
            id: id?,
            name: name?,
            organization: organization?,
            description,
            what_to_expect,
            fees,
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
            search: String::new(),
        }
        .indexed(),
    )
}
