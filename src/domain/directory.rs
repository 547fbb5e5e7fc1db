//! A directory of local services: a JSON file in a subset of Open Referral
//! HSDS 3.0 (organizations, services, locations with addresses, phones,
//! schedules, languages, service areas, attributes with taxonomy terms),
//! with our tags carried as attributes (`amarre:service_type`,
//! `amarre:family`, `amarre:level`, `amarre:age`, `amarre:postal_code`,
//! `amarre:commune`, `amarre:national`). The format is written for
//! coordinators in `docs/directory.md`.
//!
//! A coordinator's file is hostile until read: it is walked field by field,
//! every problem is reported with its place (`service 'amo-x' → phones[1]
//! → number: is empty`), links must be `https:`, `tel:` or `mailto:`, and a
//! text that looks like HTML is refused (the app would show it as text
//! anyway). Nothing half-read is ever used: a file with one problem gives
//! no directory, and the app keeps the one it had.

use chrono::NaiveDate;

use super::date::parse_iso_date;
use super::error::{DataError, DataErrorKind};
use super::factors::Family;
use super::helpline::Country;
use super::json::{self, Object, Value};
use super::link::SafeLink;
use super::service_type::{Level, ServiceTypes, LEVEL_IDS};
use super::territory::{Nearness, Place, PostalCode, Territory};
use super::text::fold;

/// The largest directory file the app reads (2,000 services take about
/// 1.5 MB).
pub const MAX_BYTES: u64 = 5 * 1024 * 1024;

/// The HSDS statuses, and the one that is shown.
const STATUSES: &str = "active, inactive, defunct or temporarily closed";

/// A phone number of a service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// As people write it.
    pub number: String,
    /// The `tel:` link.
    pub dial: SafeLink,
    /// What the number is for, if said.
    pub description: String,
}

/// A service, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The organization that runs it.
    pub organization: String,
    /// What it does.
    pub description: String,
    /// What to expect when going there (HSDS `application_process`).
    pub what_to_expect: String,
    /// What it costs (HSDS `fees_description`).
    pub fees: String,
    /// Its service type's id.
    pub service_type: String,
    /// The families it helps with (the type's when the file says none).
    pub families: Vec<Family>,
    /// Its level of response, if said.
    pub level: Option<Level>,
    /// Ages served, from and to (inclusive), if said.
    pub ages: Option<(u32, u32)>,
    /// Language codes (`fr`, `nl`…).
    pub languages: Vec<String>,
    /// Where it works.
    pub territory: Territory,
    /// Phone numbers.
    pub phones: Vec<Phone>,
    /// Its `mailto:` link.
    pub email: Option<SafeLink>,
    /// Its web page.
    pub url: Option<SafeLink>,
    /// Addresses, one line each (`Rue X 1, 4000 Liège`).
    pub addresses: Vec<String>,
    /// Opening hours, as written.
    pub hours: Vec<String>,
    /// When a person last checked it.
    pub assured: NaiveDate,
    /// Folded text for the free-text filter ([`Service::indexed`]).
    pub(super) search: String,
}

/// A directory, validated: only its active services.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directory {
    /// Its name, as the file gives it.
    pub name: String,
    /// The active services, in the file's order.
    pub services: Vec<Service>,
}

/// What the person filters the services by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words to find in names, descriptions, organizations and communes.
    pub text: String,
    /// Only this service type.
    pub service_type: Option<String>,
    /// Only services helping with this family.
    pub family: Option<Family>,
    /// Only services for this age.
    pub age: Option<u32>,
    /// Only services speaking this language.
    pub language: Option<String>,
}

impl Service {
    /// The service with its search text made from its name, organization,
    /// description and communes.
    pub(super) fn indexed(mut self) -> Service {
        let communes = match &self.territory {
            Territory::Local { communes, .. } => communes.join(" "),
            Territory::National(_) => String::new(),
        };
        self.search = fold(&format!(
            "{} {} {} {communes}",
            self.name, self.organization, self.description
        ));
        self
    }

    /// Whether the service passes `filter` (its text already folded).
    fn passes(&self, filter: &Filter, words: &[String]) -> bool {
        filter.service_type.as_ref().is_none_or(|t| *t == self.service_type)
            && filter.family.is_none_or(|f| self.families.contains(&f))
            && filter
                .age
                .is_none_or(|age| self.ages.is_none_or(|(from, to)| from <= age && age <= to))
            && filter.language.as_ref().is_none_or(|l| self.languages.contains(l))
            && words.iter().all(|w| self.search.contains(w.as_str()))
    }
}

impl Directory {
    /// The services passing `filter`, those near `place` first, then
    /// national ones, then the rest; each group in the file's order.
    pub fn matching(&self, filter: &Filter, place: Option<&Place>) -> Vec<&Service> {
        let words: Vec<String> = fold(&filter.text).split_whitespace().map(str::to_string).collect();
        let mut groups: [Vec<&Service>; 3] = Default::default();
        for service in self.services.iter().filter(|s| s.passes(filter, &words)) {
            let group = match service.territory.nearness(place) {
                Nearness::Local => 0,
                Nearness::National => 1,
                Nearness::Elsewhere => 2,
            };
            groups[group].push(service);
        }
        groups.concat()
    }

    /// The services of `service_type` near `place` (local ones, then
    /// national ones), for a suggestion's contact cards.
    pub fn near(&self, service_type: &str, place: Option<&Place>) -> Vec<&Service> {
        let filter = Filter {
            service_type: Some(service_type.to_string()),
            ..Filter::default()
        };
        self.matching(&filter, place)
            .into_iter()
            .filter(|s| s.territory.nearness(place) != Nearness::Elsewhere)
            .collect()
    }

    /// Every commune the directory names, sorted, once each.
    pub fn communes(&self) -> Vec<&str> {
        let mut all: Vec<&str> = Vec::new();
        for service in &self.services {
            if let Territory::Local { communes, .. } = &service.territory {
                for commune in communes {
                    if !all.contains(&commune.as_str()) {
                        all.push(commune);
                    }
                }
            }
        }
        super::order::sort_by(&mut all, |a, b| fold(a).cmp(&fold(b)));
        all
    }

    /// Every language code the directory's services speak, sorted.
    pub fn languages(&self) -> Vec<&str> {
        let mut all: Vec<&str> = Vec::new();
        for code in self.services.iter().flat_map(|s| &s.languages) {
            if !all.contains(&code.as_str()) {
                all.push(code);
            }
        }
        super::order::sort_by(&mut all, |a, b| a.cmp(b));
        all
    }
}

/// Whether `text` has what looks like an HTML tag or comment: `<` followed
/// by a letter, `/`, `!` or `?` (so "< 5 ans" and "<3" are fine).
pub fn looks_like_html(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let at = bytes
        .windows(2)
        .position(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || b"/!?".contains(&w[1])))?;
    let end = text[at..].find('>').map_or(text.len(), |i| at + i + 1);
    let end = (at + 40).min(end);
    Some(text.get(at..end).unwrap_or(&text[at..]))
}

/// Refuses a file larger than [`MAX_BYTES`] before reading it.
pub fn check_size(file: &str, bytes: u64) -> Result<(), DataError> {
    if bytes > MAX_BYTES {
        Err(DataError::new(
            file,
            "",
            DataErrorKind::TooBig { bytes, max: MAX_BYTES },
        ))
    } else {
        Ok(())
    }
}

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
    let mut ids: Vec<&str> = Vec::new();
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
            if ids.contains(&id) {
                errors.push(DataError::new(
                    file,
                    format!("services[{n}]"),
                    DataErrorKind::Duplicate { id: id.to_string() },
                ));
            }
            ids.push(id);
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
        Err(errors)
    }
}

/// What a service refers to.
struct Context<'c> {
    types: &'c ServiceTypes,
    /// `(id, name)` of each organization.
    organizations: &'c [(String, String)],
    /// `(id, address lines)` of each location.
    locations: &'c [(String, Vec<String>)],
}

/// A text field, checked to be non-empty and free of HTML.
pub(super) fn text_field(o: &Object, field: &str, required: bool, errors: &mut Vec<DataError>) -> Option<String> {
    let text = if required {
        o.str(field, errors)
    } else {
        o.opt_str(field, errors)
    }?;
    if text.trim().is_empty() {
        errors.push(DataError::new(o.file(), o.at(field), DataErrorKind::Empty));
        return None;
    }
    if let Some(tag) = looks_like_html(text) {
        errors.push(DataError::new(
            o.file(),
            o.at(field),
            DataErrorKind::ContainsHtml { text: tag.to_string() },
        ));
        return None;
    }
    Some(text.trim().to_string())
}

/// A required date field written `YYYY-MM-DD`.
pub(super) fn date_field(o: &Object, field: &str, errors: &mut Vec<DataError>) -> Option<NaiveDate> {
    let date = o.str(field, errors)?;
    let parsed = parse_iso_date(date);
    if parsed.is_none() {
        errors.push(DataError::new(
            o.file(),
            o.at(field),
            DataErrorKind::BadDate {
                value: date.to_string(),
            },
        ));
    }
    parsed
}

/// An optional link field, which must be `https:` (or `mailto:` built from
/// an address for `email`).
pub(super) fn link_field(o: &Object, field: &str, errors: &mut Vec<DataError>) -> Option<SafeLink> {
    let text = o.opt_str(field, errors)?;
    let link = if field == "email" && !text.contains(':') {
        SafeLink::parse(&format!("mailto:{text}"))
    } else {
        SafeLink::parse(text)
    };
    let link = link.and_then(|link| {
        let wanted = if field == "email" { "mailto:" } else { "https:" };
        if link.as_str().starts_with(wanted) {
            Ok(link)
        } else {
            Err(DataErrorKind::ForbiddenLink { link: text.to_string() })
        }
    });
    link.map_err(|kind| errors.push(DataError::new(o.file(), o.at(field), kind)))
        .ok()
}

/// Each element of the list `field` as an object with `allowed` fields.
fn objects<'v>(o: &Object<'v>, field: &str, allowed: &[&'static str], errors: &mut Vec<DataError>) -> Vec<Object<'v>> {
    o.list(field, false, errors)
        .iter()
        .enumerate()
        .filter_map(|(n, v)| json::object(v, o.file(), &format!("{}[{n}]", o.at(field)), allowed, errors))
        .collect()
}

fn read_organizations(root: &Object, errors: &mut Vec<DataError>) -> Vec<(String, String)> {
    let allowed = ["id", "name", "description", "email", "website"];
    let mut found: Vec<(String, String)> = Vec::new();
    for o in objects(root, "organizations", &allowed, errors) {
        let id = text_field(&o, "id", true, errors);
        let name = text_field(&o, "name", true, errors);
        text_field(&o, "description", true, errors);
        link_field(&o, "email", errors);
        link_field(&o, "website", errors);
        if let (Some(id), Some(name)) = (id, name) {
            if found.iter().any(|(i, _)| *i == id) {
                errors.push(DataError::new(o.file(), o.place(), DataErrorKind::Duplicate { id }));
            } else {
                found.push((id, name));
            }
        }
    }
    found
}

fn read_locations(root: &Object, errors: &mut Vec<DataError>) -> Vec<(String, Vec<String>)> {
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
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
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
            if found.iter().any(|(i, _)| *i == id) {
                errors.push(DataError::new(o.file(), o.place(), DataErrorKind::Duplicate { id }));
            } else {
                found.push((id, lines));
            }
        }
    }
    found
}

/// The postal code written at `field` of `o`, if it has the right shape.
pub(super) fn postal_code(o: &Object, field: &str, code: &str, errors: &mut Vec<DataError>) -> Option<PostalCode> {
    let postal = PostalCode::parse(code).ok().filter(|p| p.code == code);
    if postal.is_none() {
        errors.push(DataError::new(
            o.file(),
            o.at(field),
            DataErrorKind::NotAllowed {
                value: code.to_string(),
                allowed: "a postal code of 4 digits (Belgium) or 5 digits (France)",
            },
        ));
    }
    postal
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
        let found = context.organizations.iter().find(|(i, _)| i == id);
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
        found.map(|(_, name)| name.clone())
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
        let number = text_field(&p, "number", true, errors)?;
        let dial = SafeLink::tel(&number)
            .map_err(|kind| errors.push(DataError::new(file, p.at("number"), kind)))
            .ok()?;
        Some(Phone {
            number,
            dial,
            description,
        })
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
            let ok = code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase());
            if !ok {
                errors.push(DataError::new(
                    file,
                    l.at("code"),
                    DataErrorKind::NotAllowed {
                        value: code.to_string(),
                        allowed: "a two-letter language code in lower case (fr, nl, en, ar…)",
                    },
                ));
            }
            ok.then(|| code.to_string())
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
        match context.locations.iter().find(|(i, _)| i == location) {
            Some((_, lines)) => addresses.extend(lines.iter().cloned()),
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
        (from, to) => {
            let (from, to) = (from.unwrap_or(0), to.unwrap_or(120));
            if from > to {
                errors.push(DataError::new(
                    file,
                    s.at("attributes"),
                    DataErrorKind::NotAllowed {
                        value: format!("ages from {from} to {to}"),
                        allowed: "a first age not above the last",
                    },
                ));
            }
            Some((from, to))
        }
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
    Some(Some(
        Service {
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
            search: String::new(),
        }
        .indexed(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_html_but_not_comparisons() {
        assert_eq!(looks_like_html("AMO <b>X</b>"), Some("<b>"));
        assert_eq!(
            looks_like_html("x <img src=x onerror=alert(1)> y"),
            Some("<img src=x onerror=alert(1)>")
        );
        assert_eq!(looks_like_html("<!-- hi -->"), Some("<!-- hi -->"));
        assert_eq!(looks_like_html("pour les < 5 ans, <3"), None);
    }

    #[test]
    fn sizes_are_said_in_megabytes() {
        let error = check_size("big.json", 10 * 1024 * 1024).unwrap_err();
        assert_eq!(
            error.to_string(),
            "big.json: the file is 10.0 MB, more than the 5.0 MB a directory may be"
        );
        assert!(check_size("ok.json", MAX_BYTES).is_ok());
    }
}
