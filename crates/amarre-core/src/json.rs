//! Reading a JSON data file by hand over [`super::json_value::Value`]: one
//! generic parse, then small typed look-ups that report every problem with its
//! place (`items[4] (late) → weight: expected a whole number`).
//!
//! Why not `#[derive(Deserialize)]` on a raw mirror of each file: each
//! derived struct compiled its own visitor, about 50 KB of wasm for our
//! files, and serde names a line and column where this walk names the
//! field (`items[4] → weight`), unknown and missing ones included. The
//! JSON text itself is read by [`super::json_value`], which gives the line
//! and column when the text is not JSON.

use std::collections::BTreeMap;

pub use super::json_value::{Map, Value};

use super::error::{DataError, DataErrorKind};

/// Parses `json` as the file `file`, or reports where it is not JSON.
pub fn parse(file: &str, json: &str) -> Result<Value, Vec<DataError>> {
    super::json_value::parse(json).map_err(|e| vec![DataError::new(file, "", DataErrorKind::Syntax(e.to_string()))])
}

/// A JSON object at a place in a file, with the fields it may have.
pub struct Object<'v> {
    map: &'v Map,
    file: &'v str,
    place: String,
}

fn type_error(file: &str, place: &str, expected: &'static str, errors: &mut Vec<DataError>) {
    errors.push(DataError::new(file, place, DataErrorKind::WrongType { expected }));
}

/// `value` as an object at `place`, checking that it has no field outside
/// `allowed`; `None` (with the error) if it is not an object.
pub fn object<'v>(
    value: &'v Value,
    file: &'v str,
    place: &str,
    allowed: &[&'static str],
    errors: &mut Vec<DataError>,
) -> Option<Object<'v>> {
    let Some(map) = value.as_object() else {
        type_error(file, place, "an object { … }", errors);
        return None;
    };
    for key in map.keys() {
        if !allowed.contains(&key.as_str()) {
            errors.push(DataError::new(
                file,
                place,
                DataErrorKind::UnknownField {
                    field: key.clone(),
                    allowed: allowed.join(", "),
                },
            ));
        }
    }
    Some(Object {
        map,
        file,
        place: place.to_string(),
    })
}

/// `value` as an array at `place`; empty (with the error) if it is not one.
pub fn array<'v>(value: &'v Value, file: &str, place: &str, errors: &mut Vec<DataError>) -> &'v [Value] {
    match value.as_array() {
        Some(items) => items,
        None => {
            type_error(file, place, "a list [ … ]", errors);
            &[]
        }
    }
}

impl<'v> Object<'v> {
    /// The file this object is in, for messages.
    pub fn file(&self) -> &'v str {
        self.file
    }

    /// Where this object is, for messages.
    pub fn place(&self) -> &str {
        &self.place
    }

    /// The place of one of its fields.
    pub fn at(&self, field: &str) -> String {
        if self.place.is_empty() {
            field.to_string()
        } else {
            format!("{} → {field}", self.place)
        }
    }

    /// The names of the fields it has, in the file's order.
    pub fn fields(&self) -> impl Iterator<Item = &'v str> {
        self.map.keys().map(String::as_str)
    }

    /// The raw value of `field`, if present and not `null`.
    pub fn get(&self, field: &str) -> Option<&'v Value> {
        self.map.get(field).filter(|v| !v.is_null())
    }

    /// A field that must be there; reports it missing otherwise.
    pub fn required(&self, field: &str, errors: &mut Vec<DataError>) -> Option<&'v Value> {
        let value = self.get(field);
        if value.is_none() {
            errors.push(DataError::new(
                self.file,
                self.at(field),
                DataErrorKind::MissingField {
                    field: field.to_string(),
                },
            ));
        }
        value
    }

    /// A required string field.
    pub fn str(&self, field: &str, errors: &mut Vec<DataError>) -> Option<&'v str> {
        let value = self.required(field, errors)?;
        self.as_str(field, value, errors)
    }

    /// An optional string field.
    pub fn opt_str(&self, field: &str, errors: &mut Vec<DataError>) -> Option<&'v str> {
        let value = self.get(field)?;
        self.as_str(field, value, errors)
    }

    fn as_str(&self, field: &str, value: &'v Value, errors: &mut Vec<DataError>) -> Option<&'v str> {
        let text = value.as_str();
        if text.is_none() {
            type_error(self.file, &self.at(field), "text in quotes", errors);
        }
        text
    }

    /// A whole number field, `default` when absent (required when `None`).
    pub fn u32(&self, field: &str, default: Option<u32>, errors: &mut Vec<DataError>) -> Option<u32> {
        let value = match (self.get(field), default) {
            (None, Some(default)) => return Some(default),
            (None, None) => return self.required(field, errors).and(None),
            (Some(value), _) => value,
        };
        let number = value.as_u64().and_then(|n| u32::try_from(n).ok());
        if number.is_none() {
            type_error(self.file, &self.at(field), "a whole number", errors);
        }
        number
    }

    /// An optional `true`/`false` field.
    pub fn opt_bool(&self, field: &str, errors: &mut Vec<DataError>) -> Option<bool> {
        let value = self.get(field)?;
        let flag = value.as_bool();
        if flag.is_none() {
            type_error(self.file, &self.at(field), "true or false", errors);
        }
        flag
    }

    /// A list field; empty when absent and not `required`.
    pub fn list(&self, field: &str, required: bool, errors: &mut Vec<DataError>) -> &'v [Value] {
        let value = if required {
            self.required(field, errors)
        } else {
            self.get(field)
        };
        value.map_or(&[], |v| array(v, self.file, &self.at(field), errors))
    }

    /// A list of strings; empty when absent.
    pub fn strings(&self, field: &str, errors: &mut Vec<DataError>) -> Vec<&'v str> {
        let place = self.at(field);
        self.list(field, false, errors)
            .iter()
            .filter_map(|v| {
                let text = v.as_str();
                if text.is_none() {
                    type_error(self.file, &place, "a list of texts in quotes", errors);
                }
                text
            })
            .collect()
    }

    /// A list of ids at `field`, each read by `read`; an id it does not
    /// know is reported, with what is `allowed`. Empty when absent.
    pub fn ids<T>(
        &self,
        field: &str,
        read: impl Fn(&str) -> Option<T>,
        allowed: &'static str,
        errors: &mut Vec<DataError>,
    ) -> Vec<T> {
        self.strings(field, errors)
            .into_iter()
            .filter_map(|id| self.known(field, id, &read, allowed, errors))
            .collect()
    }

    /// An optional id at `field`, read by `read` (reported when unknown).
    pub fn opt_id<T>(
        &self,
        field: &str,
        read: impl Fn(&str) -> Option<T>,
        allowed: &'static str,
        errors: &mut Vec<DataError>,
    ) -> Option<T> {
        let id = self.opt_str(field, errors)?;
        self.known(field, id, &read, allowed, errors)
    }

    fn known<T>(
        &self,
        field: &str,
        id: &str,
        read: &impl Fn(&str) -> Option<T>,
        allowed: &'static str,
        errors: &mut Vec<DataError>,
    ) -> Option<T> {
        let value = read(id);
        if value.is_none() {
            errors.push(DataError::new(
                self.file,
                self.at(field),
                DataErrorKind::NotAllowed {
                    value: id.to_string(),
                    allowed,
                },
            ));
        }
        value
    }

    /// A required `{"key": "text", …}` field (a text in several languages).
    pub fn texts(&self, field: &str, errors: &mut Vec<DataError>) -> BTreeMap<String, String> {
        let Some(value) = self.required(field, errors) else {
            return BTreeMap::new();
        };
        string_map(value, self.file, &self.at(field), errors)
    }
}

/// `value` as an object of strings (`{"fr": "…", "en": "…"}`).
pub fn string_map(value: &Value, file: &str, place: &str, errors: &mut Vec<DataError>) -> BTreeMap<String, String> {
    let Some(map) = value.as_object() else {
        type_error(file, place, "an object of texts { \"fr\": … }", errors);
        return BTreeMap::new();
    };
    // Inserted one by one: collecting into a map would compile a whole
    // sort for this one call (about 4 KB of wasm).
    let mut texts = BTreeMap::new();
    for (key, v) in map {
        match v.as_str() {
            Some(text) => {
                texts.insert(key.clone(), text.to_string());
            }
            None => type_error(file, &format!("{place}.{key}"), "text in quotes", errors),
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(errors: &[DataError]) -> Vec<String> {
        errors.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn names_unknown_missing_and_mistyped_fields_with_their_place() {
        let value = parse(
            "f.json",
            r#"{"id": 7, "weigth": 2, "tags": ["a", 1], "name": {"fr": "x", "en": 3}}"#,
        )
        .unwrap();
        let mut errors = Vec::new();
        let object = object(
            &value,
            "f.json",
            "items[0]",
            &["id", "name", "tags", "weight", "version"],
            &mut errors,
        )
        .unwrap();
        assert_eq!(object.str("id", &mut errors), None);
        assert_eq!(object.u32("weight", Some(1), &mut errors), Some(1));
        assert_eq!(object.u32("version", None, &mut errors), None);
        assert_eq!(object.strings("tags", &mut errors), vec!["a"]);
        assert_eq!(object.texts("name", &mut errors).len(), 1);
        assert_eq!(
            messages(&errors),
            vec![
                "f.json: items[0]: has a field 'weigth' that does not belong here (expected id, name, tags, weight, version)",
                "f.json: items[0] → id: should be text in quotes",
                "f.json: items[0] → version: is missing",
                "f.json: items[0] → tags: should be a list of texts in quotes",
                "f.json: items[0] → name.en: should be text in quotes",
            ]
        );
    }

    #[test]
    fn a_syntax_error_keeps_its_line() {
        let errors = parse("f.json", "{\n\"a\": oops}").unwrap_err();
        assert!(errors[0].to_string().contains("line 2"), "{}", errors[0]);
    }
}
