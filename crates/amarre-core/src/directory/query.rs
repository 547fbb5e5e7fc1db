//! Finding services for a person: the filters of the services page, the
//! order (near the person's place first), the lists the filters offer.

use std::collections::{BTreeMap, BTreeSet};

use super::{Directory, Service};
use crate::factors::Family;
use crate::territory::{Nearness, Place, Territory};
use crate::text::fold;

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

    /// Every commune the directory names, once each, sorted as a person
    /// reads them (accents and case ignored). A map keyed by the folded
    /// name: 3,000 communes take milliseconds, not a quadratic walk.
    pub fn communes(&self) -> Vec<&str> {
        let mut all: BTreeMap<String, &str> = BTreeMap::new();
        for service in &self.services {
            if let Territory::Local { communes, .. } = &service.territory {
                for commune in communes {
                    all.entry(fold(commune)).or_insert(commune);
                }
            }
        }
        all.into_values().collect()
    }

    /// Every postal code the directory's local services name, sorted, once each.
    pub fn postal_codes(&self) -> Vec<&str> {
        let all: BTreeSet<&str> = self
            .services
            .iter()
            .filter_map(|s| match &s.territory {
                Territory::Local { postal_codes, .. } => Some(postal_codes),
                Territory::National(_) => None,
            })
            .flatten()
            .map(String::as_str)
            .collect();
        all.into_iter().collect()
    }

    /// Every area code the directory's local services name, sorted, once each.
    pub fn areas(&self) -> Vec<&str> {
        let all: BTreeSet<&str> = self
            .services
            .iter()
            .filter_map(|s| match &s.territory {
                Territory::Local { areas, .. } => Some(areas),
                Territory::National(_) => None,
            })
            .flatten()
            .map(String::as_str)
            .collect();
        all.into_iter().collect()
    }

    /// Every language code the directory's services speak, sorted.
    pub fn languages(&self) -> Vec<&str> {
        let all: BTreeSet<&str> = self
            .services
            .iter()
            .flat_map(|s| &s.languages)
            .map(String::as_str)
            .collect();
        all.into_iter().collect()
    }
}
