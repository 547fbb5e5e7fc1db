//! The fields Open Referral HSDS 3.0 defines on each object, taken from
//! the specification's `schema/compiled/service_with_definitions.json`
//! (commit 279fd2e; a copy is in `tests/data/hsds/schema/`, and a test
//! checks these lists against it). A coordinator's file may use any of
//! them: [`super::hsds`] reads the ones Amarre uses and counts the others
//! as ignored, and still refuses a field HSDS does not have (a typo).
//!
//! Human Services Data Specification: an Open Referral resource
//! (<https://openreferral.org/>), CC BY-SA 4.0.

/// An HSDS object: its name in the schema and every field it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standard {
    /// Its name in the schema's `definitions` (`service` for the root).
    pub name: &'static str,
    /// Every field HSDS defines on it.
    pub fields: &'static [&'static str],
}

/// The fields of an HSDS `service`.
pub const SERVICE: Standard = Standard {
    name: "service",
    fields: &[
        "id",
        "organization_id",
        "program_id",
        "name",
        "alternate_name",
        "description",
        "url",
        "email",
        "status",
        "interpretation_services",
        "application_process",
        "fees_description",
        "wait_time",
        "fees",
        "accreditations",
        "eligibility_description",
        "minimum_age",
        "maximum_age",
        "assured_date",
        "assurer_email",
        "licenses",
        "alert",
        "last_modified",
        "phones",
        "schedules",
        "service_areas",
        "service_at_locations",
        "languages",
        "organization",
        "funding",
        "cost_options",
        "program",
        "required_documents",
        "contacts",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `organization`.
pub const ORGANIZATION: Standard = Standard {
    name: "organization",
    fields: &[
        "id",
        "name",
        "alternate_name",
        "description",
        "email",
        "website",
        "tax_status",
        "tax_id",
        "year_incorporated",
        "legal_status",
        "logo",
        "uri",
        "parent_organization_id",
        "funding",
        "contacts",
        "phones",
        "locations",
        "programs",
        "organization_identifiers",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `program`.
pub const PROGRAM: Standard = Standard {
    name: "program",
    fields: &[
        "id",
        "organization_id",
        "name",
        "alternate_name",
        "description",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `attribute`.
pub const ATTRIBUTE: Standard = Standard {
    name: "attribute",
    fields: &[
        "id",
        "link_id",
        "taxonomy_term_id",
        "link_type",
        "link_entity",
        "value",
        "taxonomy_term",
        "metadata",
    ],
};

/// The fields of an HSDS `service_at_location`.
pub const SERVICE_AT_LOCATION: Standard = Standard {
    name: "service_at_location",
    fields: &[
        "id",
        "service_id",
        "location_id",
        "description",
        "contacts",
        "phones",
        "schedules",
        "location",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `location`.
pub const LOCATION: Standard = Standard {
    name: "location",
    fields: &[
        "id",
        "location_type",
        "url",
        "organization_id",
        "name",
        "alternate_name",
        "description",
        "transportation",
        "latitude",
        "longitude",
        "external_identifier",
        "external_identifier_type",
        "languages",
        "addresses",
        "contacts",
        "accessibility",
        "phones",
        "schedules",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `phone`.
pub const PHONE: Standard = Standard {
    name: "phone",
    fields: &[
        "id",
        "location_id",
        "service_id",
        "organization_id",
        "contact_id",
        "service_at_location_id",
        "number",
        "extension",
        "type",
        "description",
        "languages",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `contact`.
pub const CONTACT: Standard = Standard {
    name: "contact",
    fields: &[
        "id",
        "organization_id",
        "service_id",
        "service_at_location_id",
        "location_id",
        "name",
        "title",
        "department",
        "email",
        "phones",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `address`.
pub const ADDRESS: Standard = Standard {
    name: "address",
    fields: &[
        "id",
        "location_id",
        "attention",
        "address_1",
        "address_2",
        "city",
        "region",
        "state_province",
        "postal_code",
        "country",
        "address_type",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `schedule`.
pub const SCHEDULE: Standard = Standard {
    name: "schedule",
    fields: &[
        "id",
        "service_id",
        "location_id",
        "service_at_location_id",
        "valid_from",
        "valid_to",
        "dtstart",
        "timezone",
        "until",
        "count",
        "wkst",
        "freq",
        "interval",
        "byday",
        "byweekno",
        "bymonthday",
        "byyearday",
        "description",
        "opens_at",
        "closes_at",
        "schedule_link",
        "attending_type",
        "notes",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `funding`.
pub const FUNDING: Standard = Standard {
    name: "funding",
    fields: &[
        "id",
        "organization_id",
        "service_id",
        "source",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `service_area`.
pub const SERVICE_AREA: Standard = Standard {
    name: "service_area",
    fields: &[
        "id",
        "service_id",
        "name",
        "description",
        "extent",
        "extent_type",
        "uri",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `required_document`.
pub const REQUIRED_DOCUMENT: Standard = Standard {
    name: "required_document",
    fields: &["id", "service_id", "document", "uri", "attributes", "metadata"],
};

/// The fields of an HSDS `language`.
pub const LANGUAGE: Standard = Standard {
    name: "language",
    fields: &[
        "id",
        "service_id",
        "location_id",
        "phone_id",
        "name",
        "code",
        "note",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `accessibility`.
pub const ACCESSIBILITY: Standard = Standard {
    name: "accessibility",
    fields: &[
        "id",
        "location_id",
        "description",
        "details",
        "url",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `taxonomy_term`.
pub const TAXONOMY_TERM: Standard = Standard {
    name: "taxonomy_term",
    fields: &[
        "id",
        "code",
        "name",
        "description",
        "parent_id",
        "taxonomy",
        "taxonomy_detail",
        "language",
        "taxonomy_id",
        "term_uri",
        "metadata",
    ],
};

/// The fields of an HSDS `metadata`.
pub const METADATA: Standard = Standard {
    name: "metadata",
    fields: &[
        "id",
        "resource_id",
        "resource_type",
        "last_action_date",
        "last_action_type",
        "field_name",
        "previous_value",
        "replacement_value",
        "updated_by",
    ],
};

/// The fields of an HSDS `meta_table_description`.
pub const META_TABLE_DESCRIPTION: Standard = Standard {
    name: "meta_table_description",
    fields: &["id", "name", "language", "character_set", "attributes", "metadata"],
};

/// The fields of an HSDS `cost_option`.
pub const COST_OPTION: Standard = Standard {
    name: "cost_option",
    fields: &[
        "id",
        "service_id",
        "valid_from",
        "valid_to",
        "option",
        "currency",
        "amount",
        "amount_description",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `organization_identifier`.
pub const ORGANIZATION_IDENTIFIER: Standard = Standard {
    name: "organization_identifier",
    fields: &[
        "id",
        "organization_id",
        "identifier_scheme",
        "identifier_type",
        "identifier",
        "attributes",
        "metadata",
    ],
};

/// The fields of an HSDS `taxonomy`.
pub const TAXONOMY: Standard = Standard {
    name: "taxonomy",
    fields: &["id", "name", "description", "uri", "version", "metadata"],
};

/// Every object above, the service first, then in the schema's order.
pub const ALL: [Standard; 21] = [
    SERVICE,
    ORGANIZATION,
    PROGRAM,
    ATTRIBUTE,
    SERVICE_AT_LOCATION,
    LOCATION,
    PHONE,
    CONTACT,
    ADDRESS,
    SCHEDULE,
    FUNDING,
    SERVICE_AREA,
    REQUIRED_DOCUMENT,
    LANGUAGE,
    ACCESSIBILITY,
    TAXONOMY_TERM,
    METADATA,
    META_TABLE_DESCRIPTION,
    COST_OPTION,
    ORGANIZATION_IDENTIFIER,
    TAXONOMY,
];
