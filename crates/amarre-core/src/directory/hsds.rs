//! A coordinator's directory file in Open Referral HSDS 3.0, in any of
//! the shapes publishers produce, told apart by the root:
//!
//! - a flat file `{name, organizations, locations, services}`, services
//!   referring to organizations and locations by id (Amarre's first form);
//! - one service in the `service_full` shape: its `organization` nested,
//!   each `service_at_locations[]` with its `location` nested;
//! - a page of an HSDS API's `/services` (`{total_items, …, contents}`),
//!   `contents` being `service_full` objects;
//! - a bare list `[…]` of `service_full` objects.
//!
//! Every field HSDS 3.0 defines on an object is accepted
//! ([`super::hsds_fields`]); those Amarre does not use are skipped without
//! looking inside and counted ([`Reading::ignored_fields`]), so a
//! publisher's full export reads. A field HSDS does not have (a typo such
//! as `descripton`) is refused at its place. What HSDS lacks is carried as
//! attributes whose taxonomy term is `amarre:*` (`amarre:service_type`,
//! `amarre:family`, `amarre:level`, `amarre:age`, and the territory:
//! `amarre:postal_code`, `amarre:commune`, `amarre:area`,
//! `amarre:national`); attributes of any other taxonomy are HSDS's own,
//! skipped and counted. Where HSDS has a field, it is used:
//! `minimum_age`/`maximum_age`, `eligibility_description`, languages'
//! `code`, schedules' `description`, and the addresses' postal codes as the
//! territory of a service that names none. A valid HSDS service that lacks
//! what Amarre needs (a service type, a territory) gets one line saying
//! all of it. Written up for coordinators in `docs/directory.md`.
//!
//! Read as a JSON tree ([`crate::json_value`], parsed by serde_json) and
//! walked field by field ([`crate::json`]) rather than through a derived
//! serde struct, because a coordinator fixing a file must see every
//! problem at once: a derived struct stops at the first. Each value goes
//! through the shared [`super::checks`]. Nothing here is quadratic: ids,
//! organizations and locations are found through maps, and a field is
//! looked up in its object's fixed list of standard fields.

use std::cell::Cell;
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::checks::{self, At};
use super::hsds_fields::{
    Standard, ADDRESS, ATTRIBUTE, LANGUAGE, LOCATION, ORGANIZATION, PHONE, SCHEDULE, SERVICE, SERVICE_AT_LOCATION,
    TAXONOMY_TERM,
};
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

/// The fields of each object that Amarre reads or checks; the object's
/// other standard fields are skipped and counted.
const SERVICE_USED: &[&str] = &[
    "id",
    "organization_id",
    "organization",
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "application_process",
    "fees_description",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "phones",
    "schedules",
    "languages",
    "service_at_locations",
    "attributes",
];
const ORGANIZATION_USED: &[&str] = &["id", "name", "description", "email", "website"];
const LOCATION_USED: &[&str] = &["id", "addresses"];
const ADDRESS_USED: &[&str] = &[
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
const SERVICE_AT_LOCATION_USED: &[&str] = &["id", "location_id", "location"];
const PHONE_USED: &[&str] = &["id", "number", "description"];
const SCHEDULE_USED: &[&str] = &["id", "description"];
const LANGUAGE_USED: &[&str] = &["id", "name", "code"];
const ATTRIBUTE_USED: &[&str] = &["id", "taxonomy_term_id", "taxonomy_term", "value"];
const TAXONOMY_TERM_USED: &[&str] = &["id", "code", "name", "description", "taxonomy", "term"];

/// The fields of a taxonomy term Amarre reads: HSDS's, and the `term` of
/// Amarre's first form (`{"taxonomy": "amarre:…", "code": "…", "term": "…"}`).
fn term_fields() -> Vec<&'static str> {
    let mut fields = TAXONOMY_TERM.fields.to_vec();
    fields.push("term");
    fields
}

/// The root of Amarre's flat file (not an HSDS object).
const FLAT_ROOT: &[&str] = &["name", "organizations", "locations", "services"];

/// The root of a page of an HSDS API's service list.
const PAGE_ROOT: &[&str] = &[
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
];

/// What a service lacks that Amarre needs, in words.
const NEEDS_SERVICE_TYPE: &str =
    "no amarre:service_type attribute (Amarre needs one service type per service, see docs/directory.md)";
const NEEDS_TERRITORY: &str = "no territory (Amarre needs an amarre:postal_code, amarre:commune, amarre:area \
     or amarre:national attribute, or an address in Belgium or France, see docs/directory.md)";

/// A directory read from a coordinator's file, and how many standard HSDS
/// fields the file has that Amarre does not use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The directory.
    pub directory: Directory,
    /// How many fields HSDS defines that the file fills and Amarre skips
    /// (each counted once where it is, its value not looked into).
    pub ignored_fields: usize,
}

/// Reads and validates a directory file named `file`, against the service
/// types the app knows; every problem, or the directory.
pub fn parse(file: &str, text: &str, types: &ServiceTypes) -> Result<Directory, Vec<DataError>> {
    read(file, text, types).map(|reading| reading.directory)
}

/// Like [`parse`], also saying how many standard fields were skipped.
pub fn read(file: &str, text: &str, types: &ServiceTypes) -> Result<Reading, Vec<DataError>> {
    check_size(file, text.len() as u64).map_err(|e| vec![e])?;
    let value = json::parse(file, text)?;
    let mut errors = Vec::new();
    let ignored = Ignored::default();
    let Some(root) = read_root(&value, file, &ignored, &mut errors) else {
        return Err(errors);
    };
    let context = Context {
        types,
        organizations: &root.organizations,
        sites: &root.sites,
        ignored: &ignored,
    };
    let services = read_services(&root.services, file, &context, &mut errors);
    if errors.is_empty() {
        Ok(Reading {
            directory: Directory {
                name: root.name,
                services,
            },
            ignored_fields: ignored.0.get(),
        })
    } else {
        Err(cap_problems(file, errors))
    }
}

/// What the root of a file holds, whatever its shape.
#[derive(Default)]
struct Root<'v> {
    /// The directory's name (only the flat file has one).
    name: String,
    /// The flat file's organizations: each one's name, by id.
    organizations: BTreeMap<String, String>,
    /// The flat file's locations, by id.
    sites: BTreeMap<String, Site>,
    /// Each service, with its place in the file if it has no id.
    services: Vec<(String, &'v Value)>,
}

/// What a location gives its services.
#[derive(Debug, Clone, Default)]
struct Site {
    /// Its addresses, one line each (`Rue X 1, 4000 Liège`).
    lines: Vec<String>,
    /// Its addresses' postal codes, those of Belgium or France.
    postal_codes: Vec<String>,
}

/// What a service refers to, and the count of skipped fields.
struct Context<'c> {
    types: &'c ServiceTypes,
    /// The flat file's organizations' names, by id.
    organizations: &'c BTreeMap<String, String>,
    /// The flat file's locations, by id.
    sites: &'c BTreeMap<String, Site>,
    ignored: &'c Ignored,
}

/// How many standard fields were skipped so far.
#[derive(Default)]
struct Ignored(Cell<usize>);

impl Ignored {
    /// Counts the fields of `o`, a `standard` object, outside `used`.
    fn count(&self, o: &Object, standard: &Standard, used: &[&str]) {
        let skipped = o
            .fields()
            .filter(|f| standard.fields.contains(f) && !used.contains(f))
            .count();
        self.add(skipped);
    }

    fn add(&self, n: usize) {
        self.0.set(self.0.get() + n);
    }
}

/// `value` as the HSDS object `standard` at `place`: a field HSDS does
/// not define there is refused; the standard ones outside `used` are
/// counted.
fn standard<'v>(
    value: &'v Value,
    file: &'v str,
    place: &str,
    standard: &Standard,
    used: &[&str],
    ignored: &Ignored,
    errors: &mut Vec<DataError>,
) -> Option<Object<'v>> {
    let o = json::object(value, file, place, standard.fields, errors)?;
    ignored.count(&o, standard, used);
    Some(o)
}

/// Each element of the list `field` of `o` as the HSDS object `kind`.
fn standards<'v>(
    o: &Object<'v>,
    field: &str,
    kind: &Standard,
    used: &[&str],
    ignored: &Ignored,
    errors: &mut Vec<DataError>,
) -> Vec<Object<'v>> {
    o.list(field, false, errors)
        .iter()
        .enumerate()
        .filter_map(|(n, v)| {
            let place = format!("{}[{n}]", o.at(field));
            standard(v, o.file(), &place, kind, used, ignored, errors)
        })
        .collect()
}

/// The root in whichever shape it is: a list of services, a page (it has
/// `contents`), the flat file (it has `services`, `organizations` or
/// `locations`), else one service.
fn read_root<'v>(value: &'v Value, file: &'v str, ignored: &Ignored, errors: &mut Vec<DataError>) -> Option<Root<'v>> {
    if let Some(list) = value.as_array() {
        return Some(Root {
            services: numbered(list, ""),
            ..Root::default()
        });
    }
    let Some(map) = value.as_object() else {
        errors.push(DataError::new(
            file,
            "",
            DataErrorKind::WrongType {
                expected: "an object { … } or a list [ … ] of services",
            },
        ));
        return None;
    };
    if map.get("contents").is_some() {
        read_page(value, file, errors)
    } else if ["services", "organizations", "locations"]
        .iter()
        .any(|f| map.get(f).is_some())
    {
        read_flat(value, file, ignored, errors)
    } else {
        Some(Root {
            services: vec![(String::new(), value)],
            ..Root::default()
        })
    }
}

/// Each of `list`'s values with its place (`contents[3]`).
fn numbered<'v>(list: &'v [Value], field: &str) -> Vec<(String, &'v Value)> {
    list.iter()
        .enumerate()
        .map(|(n, v)| (format!("{field}[{n}]"), v))
        .collect()
}

/// A page of services: its counts and flags checked, its `contents` read.
fn read_page<'v>(value: &'v Value, file: &'v str, errors: &mut Vec<DataError>) -> Option<Root<'v>> {
    let root = json::object(value, file, "", PAGE_ROOT, errors)?;
    for field in ["total_items", "total_pages", "page_number", "size"] {
        if root.get(field).is_some() {
            root.u32(field, None, errors);
        }
    }
    for field in ["first_page", "last_page", "empty"] {
        root.opt_bool(field, errors);
    }
    Some(Root {
        services: numbered(root.list("contents", true, errors), "contents"),
        ..Root::default()
    })
}

/// Amarre's flat file: organizations and locations by id, then services.
fn read_flat<'v>(value: &'v Value, file: &'v str, ignored: &Ignored, errors: &mut Vec<DataError>) -> Option<Root<'v>> {
    let root = json::object(value, file, "", FLAT_ROOT, errors)?;
    let name = text_field(&root, "name", false, errors).unwrap_or_default();
    let mut organizations = BTreeMap::new();
    for o in standards(
        &root,
        "organizations",
        &ORGANIZATION,
        ORGANIZATION_USED,
        ignored,
        errors,
    ) {
        if let Some((id, name)) = read_organization(&o, errors) {
            insert_once(&mut organizations, id, name, &o, errors);
        }
    }
    let mut sites = BTreeMap::new();
    for o in standards(&root, "locations", &LOCATION, LOCATION_USED, ignored, errors) {
        if let Some((id, site)) = read_location(&o, ignored, errors) {
            insert_once(&mut sites, id, site, &o, errors);
        }
    }
    Some(Root {
        name,
        organizations,
        sites,
        services: numbered(root.list("services", true, errors), "services"),
    })
}

/// Adds `id` to `found`, or reports it used twice at `o`'s place.
fn insert_once<T>(found: &mut BTreeMap<String, T>, id: String, value: T, o: &Object, errors: &mut Vec<DataError>) {
    match found.entry(id) {
        Entry::Occupied(taken) => {
            let id = taken.key().clone();
            errors.push(DataError::new(o.file(), o.place(), DataErrorKind::Duplicate { id }));
        }
        Entry::Vacant(free) => {
            free.insert(value);
        }
    }
}

/// Every active service of `entries`, each id used once.
fn read_services(
    entries: &[(String, &Value)],
    file: &str,
    context: &Context,
    errors: &mut Vec<DataError>,
) -> Vec<Service> {
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    let mut services = Vec::new();
    for (at, entry) in entries {
        let id = entry
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| !id.trim().is_empty());
        let place = id.map_or_else(|| at.clone(), |id| format!("service '{id}'"));
        if let Some(id) = id {
            if !ids.insert(id) {
                errors.push(DataError::new(
                    file,
                    at.as_str(),
                    DataErrorKind::Duplicate { id: id.to_string() },
                ));
            }
        }
        if let Some(Some(service)) = read_service(entry, file, &place, context, errors) {
            services.push(service);
        }
    }
    services
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

/// The postal code written at `field` of `o`, if it has the right shape.
fn postal_code(o: &Object, field: &str, code: &str, errors: &mut Vec<DataError>) -> Option<PostalCode> {
    checks::postal_code(at(o, &o.at(field)), code, errors)
}

/// An organization's id and name.
fn read_organization(o: &Object, errors: &mut Vec<DataError>) -> Option<(String, String)> {
    let id = text_field(o, "id", true, errors);
    let name = text_field(o, "name", true, errors);
    text_field(o, "description", true, errors);
    link_field(o, "email", errors);
    link_field(o, "website", errors);
    Some((id?, name?))
}

/// A location's id and what it gives its services.
fn read_location(o: &Object, ignored: &Ignored, errors: &mut Vec<DataError>) -> Option<(String, Site)> {
    let id = text_field(o, "id", true, errors);
    let mut site = Site::default();
    for a in standards(o, "addresses", &ADDRESS, ADDRESS_USED, ignored, errors) {
        let (line, postal_code) = read_address(&a, errors);
        site.lines.extend(line);
        site.postal_codes.extend(postal_code);
    }
    Some((id?, site))
}

/// An address as one line, and its postal code if it is one of Belgium
/// or France that fits the address's country.
fn read_address(a: &Object, errors: &mut Vec<DataError>) -> (Option<String>, Option<String>) {
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
    .map(|field| text_field(a, field, true, errors))
    .collect();
    text_field(a, "address_2", false, errors);
    text_field(a, "region", false, errors);
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
    let mut fitting = None;
    if let Some(postal) = &values[4] {
        let shape = postal_code(a, "postal_code", postal, errors).map(|p| p.country);
        if shape.is_some() && country.is_some() && shape != country {
            errors.push(DataError::new(
                a.file(),
                a.at("postal_code"),
                DataErrorKind::NotAllowed {
                    value: postal.clone(),
                    allowed: "4 digits for an address in BE, 5 digits in FR",
                },
            ));
        } else if shape.is_some() && shape == country {
            fitting = Some(postal.clone());
        }
    }
    let line = match (&values[1], &values[2], &values[4]) {
        (Some(street), Some(city), Some(postal)) => Some(format!("{street}, {postal} {city}")),
        _ => None,
    };
    (line, fitting)
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
    areas: Vec<String>,
    national: Vec<Country>,
}

/// The `amarre:*` tags among the attributes of `s`; the attributes of
/// other taxonomies are HSDS's own: their field names are checked, and
/// each is counted as one skipped field.
fn read_tags(s: &Object, context: &Context, errors: &mut Vec<DataError>) -> Tags {
    let mut tags = Tags::default();
    for (n, v) in s.list("attributes", false, errors).iter().enumerate() {
        let place = format!("{}[{n}]", s.at("attributes"));
        let Some(a) = json::object(v, s.file(), &place, ATTRIBUTE.fields, errors) else {
            continue;
        };
        let term = a.get("taxonomy_term");
        let taxonomy = term.and_then(|t| t.get("taxonomy")).and_then(Value::as_str);
        if taxonomy.is_some_and(|t| t.starts_with("amarre:")) {
            context.ignored.count(&a, &ATTRIBUTE, ATTRIBUTE_USED);
            read_tag(&a, context, &mut tags, errors);
        } else {
            if let Some(term) = term {
                json::object(term, a.file(), &a.at("taxonomy_term"), &term_fields(), errors);
            }
            context.ignored.add(1);
        }
    }
    tags
}

/// One `amarre:*` attribute, in HSDS's form (`id`, and a taxonomy term with
/// `id`, `name`, `description`, `code`, `taxonomy`) or Amarre's first one
/// (a term with only `taxonomy` and `code`).
fn read_tag(a: &Object, context: &Context, tags: &mut Tags, errors: &mut Vec<DataError>) {
    text_field(a, "id", false, errors);
    text_field(a, "taxonomy_term_id", false, errors);
    let Some(term) = a.get("taxonomy_term").and_then(|t| {
        let term = json::object(t, a.file(), &a.at("taxonomy_term"), &term_fields(), errors)?;
        context.ignored.count(&term, &TAXONOMY_TERM, TAXONOMY_TERM_USED);
        Some(term)
    }) else {
        return;
    };
    for field in ["id", "name", "description", "term"] {
        text_field(&term, field, false, errors);
    }
    let (Some(taxonomy), Some(code)) = (term.str("taxonomy", errors), text_field(&term, "code", true, errors)) else {
        return;
    };
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
        "amarre:area" => {
            tags.territory_written = true;
            if let Some(area) = checks::area(at(&term, &term.at("code")), &code, errors) {
                tags.areas.push(area);
            }
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
                allowed: "amarre:service_type, amarre:family, amarre:level, amarre:age, amarre:postal_code, amarre:commune, amarre:area or amarre:national",
            },
        )),
    }
}

/// A service; `Some(None)` when it is valid but not active.
fn read_service(
    entry: &Value,
    file: &str,
    place: &str,
    context: &Context,
    errors: &mut Vec<DataError>,
) -> Option<Option<Service>> {
    let before = errors.len();
    let s = standard(entry, file, place, &SERVICE, SERVICE_USED, context.ignored, errors)?;
    let id = text_field(&s, "id", true, errors);
    let name = text_field(&s, "name", true, errors);
    text_field(&s, "alternate_name", false, errors);
    let description = text_field(&s, "description", false, errors).unwrap_or_default();
    let what_to_expect = text_field(&s, "application_process", false, errors).unwrap_or_default();
    let fees = text_field(&s, "fees_description", false, errors).unwrap_or_default();
    let eligibility = text_field(&s, "eligibility_description", false, errors).unwrap_or_default();
    let url = link_field(&s, "url", errors);
    let email = link_field(&s, "email", errors);
    let status = read_status(&s, errors);
    let organization = organization_of(&s, context, errors);
    let assured = date_field(&s, "assured_date", errors);
    let phones = read_phones(&s, context.ignored, errors);
    let hours = read_hours(&s, context.ignored, errors);
    let languages = read_languages(&s, context.ignored, errors);
    let site = site_of(&s, context, errors);
    let tags = read_tags(&s, context, errors);
    let mut needs = Vec::new();
    let service_type = service_type_of(&s, &tags, &mut needs, errors);
    let territory = territory_of(&tags, &site, &mut needs);
    let ages = ages_of(&s, &tags, errors);
    if !needs.is_empty() {
        errors.push(DataError::new(file, place, DataErrorKind::NeededByAmarre { needs }));
    }
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
        eligibility,
        service_type,
        families,
        level: tags.level,
        ages,
        languages,
        territory,
        phones,
        email,
        url,
        addresses: site.lines,
        hours,
        assured,
    })))
}

/// The service's status, one of HSDS's.
fn read_status(s: &Object, errors: &mut Vec<DataError>) -> Option<String> {
    let status = s.str("status", errors)?;
    if !["active", "inactive", "defunct", "temporarily closed"].contains(&status) {
        errors.push(DataError::new(
            s.file(),
            s.at("status"),
            DataErrorKind::NotAllowed {
                value: status.to_string(),
                allowed: STATUSES,
            },
        ));
    }
    Some(status.to_string())
}

/// The name of the organization that runs the service: nested
/// (`organization`, as `service_full` has it) or referred to by
/// `organization_id` in the flat file.
fn organization_of(s: &Object, context: &Context, errors: &mut Vec<DataError>) -> Option<String> {
    if let Some(nested) = s.get("organization") {
        let place = s.at("organization");
        let o = standard(
            nested,
            s.file(),
            &place,
            &ORGANIZATION,
            ORGANIZATION_USED,
            context.ignored,
            errors,
        )?;
        return read_organization(&o, errors).map(|(_, name)| name);
    }
    let id = s.str("organization_id", errors)?;
    let found = context.organizations.get(id);
    if found.is_none() {
        errors.push(DataError::new(
            s.file(),
            s.at("organization_id"),
            DataErrorKind::UnknownReference {
                what: "the organization",
                id: id.to_string(),
            },
        ));
    }
    found.cloned()
}

/// The service's phones that can be dialled.
fn read_phones(s: &Object, ignored: &Ignored, errors: &mut Vec<DataError>) -> Vec<Phone> {
    standards(s, "phones", &PHONE, PHONE_USED, ignored, errors)
        .into_iter()
        .filter_map(|p| {
            text_field(&p, "id", true, errors);
            let description = text_field(&p, "description", false, errors).unwrap_or_default();
            let number = p.str("number", errors)?;
            checks::phone(at(&p, &p.at("number")), number, description, errors)
        })
        .collect()
}

/// The opening hours, from the schedules that describe them in words (a
/// schedule without a description gives none: nothing is made up from its
/// recurrence rules).
fn read_hours(s: &Object, ignored: &Ignored, errors: &mut Vec<DataError>) -> Vec<String> {
    standards(s, "schedules", &SCHEDULE, SCHEDULE_USED, ignored, errors)
        .into_iter()
        .filter_map(|h| text_field(&h, "description", false, errors))
        .collect()
}

/// The service's language codes.
fn read_languages(s: &Object, ignored: &Ignored, errors: &mut Vec<DataError>) -> Vec<String> {
    standards(s, "languages", &LANGUAGE, LANGUAGE_USED, ignored, errors)
        .into_iter()
        .filter_map(|l| {
            text_field(&l, "name", false, errors);
            let code = l.str("code", errors)?;
            checks::language_code(at(&l, &l.at("code")), code, errors)
        })
        .collect()
}

/// Where the service is: its locations, each nested (`location`) or
/// referred to by `location_id` in the flat file.
fn site_of(s: &Object, context: &Context, errors: &mut Vec<DataError>) -> Site {
    let mut site = Site::default();
    let links = standards(
        s,
        "service_at_locations",
        &SERVICE_AT_LOCATION,
        SERVICE_AT_LOCATION_USED,
        context.ignored,
        errors,
    );
    for link in links {
        let found = if let Some(nested) = link.get("location") {
            let place = link.at("location");
            standard(
                nested,
                link.file(),
                &place,
                &LOCATION,
                LOCATION_USED,
                context.ignored,
                errors,
            )
            .and_then(|o| read_location(&o, context.ignored, errors))
            .map(|(_, site)| site)
        } else {
            link.str("location_id", errors).and_then(|id| {
                let found = context.sites.get(id).cloned();
                if found.is_none() {
                    errors.push(DataError::new(
                        link.file(),
                        link.at("location_id"),
                        DataErrorKind::UnknownReference {
                            what: "the location",
                            id: id.to_string(),
                        },
                    ));
                }
                found
            })
        };
        if let Some(found) = found {
            site.lines.extend(found.lines);
            site.postal_codes.extend(found.postal_codes);
        }
    }
    site
}

/// The one service type of `tags`; with none written, the need is said.
fn service_type_of(
    s: &Object,
    tags: &Tags,
    needs: &mut Vec<&'static str>,
    errors: &mut Vec<DataError>,
) -> Option<String> {
    match tags.service_types.as_slice() {
        [one] => Some(one.clone()),
        [] => {
            if !tags.type_written {
                needs.push(NEEDS_SERVICE_TYPE);
            }
            None
        }
        [_, second, ..] => {
            errors.push(DataError::new(
                s.file(),
                s.at("attributes"),
                DataErrorKind::NotAllowed {
                    value: second.clone(),
                    allowed: "one amarre:service_type per service",
                },
            ));
            None
        }
    }
}

/// Where the service works: the country with `amarre:national`, else its
/// postal codes, communes and areas, else its addresses' postal codes;
/// with none of these, the need is said.
fn territory_of(tags: &Tags, site: &Site, needs: &mut Vec<&'static str>) -> Option<Territory> {
    if !tags.national.is_empty() {
        return Some(Territory::National(tags.national.clone()));
    }
    let tagged = !(tags.postal_codes.is_empty() && tags.communes.is_empty() && tags.areas.is_empty());
    if tagged {
        return Some(Territory::Local {
            postal_codes: tags.postal_codes.clone(),
            communes: tags.communes.clone(),
            areas: tags.areas.clone(),
        });
    }
    if tags.territory_written {
        // Written, but wrong: its problem is already said.
        return None;
    }
    if site.postal_codes.is_empty() {
        needs.push(NEEDS_TERRITORY);
        return None;
    }
    let mut postal_codes = site.postal_codes.clone();
    postal_codes.sort();
    postal_codes.dedup();
    Some(Territory::Local {
        postal_codes,
        communes: Vec::new(),
        areas: Vec::new(),
    })
}

/// The ages served: HSDS's `minimum_age` and `maximum_age` (whole years),
/// else the `amarre:age` attributes.
fn ages_of(s: &Object, tags: &Tags, errors: &mut Vec<DataError>) -> Option<(u32, u32)> {
    let age = |field: &str, errors: &mut Vec<DataError>| {
        s.get(field)?;
        let age = s.u32(field, None, errors)?;
        if age > 120 {
            errors.push(DataError::new(
                s.file(),
                s.at(field),
                DataErrorKind::NotAllowed {
                    value: age.to_string(),
                    allowed: "an age in whole years, up to 120",
                },
            ));
        }
        Some(age)
    };
    let (minimum, maximum) = (age("minimum_age", errors), age("maximum_age", errors));
    let place = if minimum.is_some() || maximum.is_some() {
        s.at("minimum_age")
    } else {
        s.at("attributes")
    };
    match (minimum.or(tags.age_from), maximum.or(tags.age_to)) {
        (None, None) => None,
        (from, to) => Some(checks::ages(
            at(s, &place),
            from.unwrap_or(0),
            to.unwrap_or(120),
            errors,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_amarre_uses_are_standard_ones() {
        for (standard, used) in [
            (SERVICE, SERVICE_USED),
            (ORGANIZATION, ORGANIZATION_USED),
            (LOCATION, LOCATION_USED),
            (ADDRESS, ADDRESS_USED),
            (SERVICE_AT_LOCATION, SERVICE_AT_LOCATION_USED),
            (PHONE, PHONE_USED),
            (SCHEDULE, SCHEDULE_USED),
            (LANGUAGE, LANGUAGE_USED),
            (ATTRIBUTE, ATTRIBUTE_USED),
        ] {
            for field in used {
                assert!(standard.fields.contains(field), "{}: {field}", standard.name);
            }
        }
        for field in TAXONOMY_TERM_USED {
            assert!(term_fields().contains(field), "taxonomy_term: {field}");
        }
    }
}
