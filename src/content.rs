//! The data files the app ships with, embedded at build time, parsed and
//! validated once.
//!
//! Shipped data is checked by the native tests (`tests/shipped_data.rs`), so
//! a broken file never reaches a release; should it happen anyway, the app
//! shows the errors calmly instead of panicking ([`crate::app`]).

use std::sync::OnceLock;

use crate::domain::factors::Factors;
use crate::domain::helpline::{parse_helplines, HelpLine};
use crate::domain::language::Languages;
use crate::domain::orientation::Rules;
use crate::domain::questionnaire::{Context, Questionnaire, Scales};
use crate::domain::service_type::ServiceTypes;
use crate::domain::DataError;
use crate::i18n::Catalog;

include!(concat!(env!("OUT_DIR"), "/ui_catalogs.rs"));

// The files are embedded minified by build.rs; their places in messages are
// paths (`items[4] (late) → weight`), not lines, so nothing is lost.

/// `data/i18n/languages.json`, as shipped.
pub const LANGUAGES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data/i18n/languages.json"));
/// `data/helplines.json`, as shipped.
pub const HELPLINES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data/helplines.json"));
/// `data/factors.json`, as shipped.
pub const FACTORS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data/factors.json"));
/// `data/questionnaires/scales.json`, as shipped.
pub const SCALES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data/questionnaires/scales.json"));
/// `data/questionnaires/student.json`, as shipped.
pub const STUDENT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data/questionnaires/student.json"));
/// `data/questionnaires/class-climate.json`, as shipped.
pub const CLIMATE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data/questionnaires/class-climate.json"));
/// `data/questionnaires/family.json`, as shipped.
pub const FAMILY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data/questionnaires/family.json"));
/// `data/service-types.json`, minified: the kinds of support service.
pub const SERVICE_TYPES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data/service-types.json"));
/// `data/orientation.json`, minified: which service types fit which answers.
pub const ORIENTATION_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data/orientation.json"));
/// `data/class-ideas.json`, as shipped.
pub const CLASS_IDEAS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data/class-ideas.json"));

/// What one app reads: its UI words (`(language, file, JSON)`, several
/// files per language are merged) and its questionnaires (`(file, JSON)`).
/// Each app names only its own files, so the other app's data is not
/// compiled into it.
#[derive(Clone, Copy)]
pub struct Shipped {
    /// The UI catalog files.
    pub ui: &'static [&'static [(&'static str, &'static str, &'static str)]],
    /// The questionnaire files.
    pub questionnaires: &'static [(&'static str, &'static str)],
}

/// The main app (`/`): young people and families.
pub const MAIN_APP: Shipped = Shipped {
    ui: &[UI_FILES],
    questionnaires: &[("student.json", STUDENT_JSON), ("family.json", FAMILY_JSON)],
};

/// The class climate survey app (`/classe`): the shared UI words and its own.
pub const CLASS_APP: Shipped = Shipped {
    ui: &[SHARED_UI_FILES, CLASS_UI_FILES],
    questionnaires: &[("class-climate.json", CLIMATE_JSON)],
};

/// The services app (`/services`): the shared UI words and its own. The
/// service types and rules are read by [`orientation`], in both this app
/// and the main app.
pub const SERVICES_APP: Shipped = Shipped {
    ui: &[SERVICES_SHARED_UI_FILES, SERVICES_UI_FILES],
    questionnaires: &[],
};

/// Everything the app reads from its own data files.
#[derive(Debug)]
pub struct Content {
    /// The UI's words, per language.
    pub catalog: Catalog,
    /// The national help lines of the help area.
    pub helplines: Vec<HelpLine>,
    /// The factor families and their sub-factors.
    pub factors: Factors,
    /// The app's questionnaires, in the order of [`Shipped::questionnaires`].
    pub questionnaires: Vec<Questionnaire>,
}

/// What every questionnaire is read against: the declared languages, the
/// factor families and the shared answer scales.
pub struct Groundwork {
    /// The declared languages.
    pub languages: Languages,
    /// The factor families and their sub-factors.
    pub factors: Factors,
    /// The shared answer scales.
    pub scales: Scales,
}

impl Groundwork {
    /// Reads the shipped `languages.json`, `factors.json` and `scales.json`.
    pub fn load() -> Result<Groundwork, Vec<DataError>> {
        Groundwork::with_languages(Languages::parse("languages.json", LANGUAGES_JSON)?)
    }

    /// Reads the shipped factors and scales against `languages`, reporting
    /// the problems of both.
    pub fn with_languages(languages: Languages) -> Result<Groundwork, Vec<DataError>> {
        let mut errors = Vec::new();
        let factors = keep(&mut errors, Factors::parse("factors.json", FACTORS_JSON, &languages));
        let scales = keep(&mut errors, Scales::parse("scales.json", SCALES_JSON, &languages));
        match (factors, scales) {
            (Some(factors), Some(scales)) => Ok(Groundwork {
                languages,
                factors,
                scales,
            }),
            _ => Err(errors),
        }
    }

    /// What validating a questionnaire needs, borrowed from here.
    pub fn context(&self) -> Context<'_> {
        Context {
            languages: &self.languages,
            scales: &self.scales,
            factors: &self.factors,
        }
    }

    /// Reads and validates the questionnaire `json`, named `file` in messages.
    pub fn questionnaire(&self, file: &str, json: &str) -> Result<Questionnaire, Vec<DataError>> {
        Questionnaire::parse(file, json, &self.context())
    }
}

impl Content {
    /// Parses and validates the main app's embedded files, collecting every error.
    pub fn load() -> Result<Content, Vec<DataError>> {
        Content::load_for(MAIN_APP)
    }

    /// Parses and validates the files `app` names, collecting every error.
    pub fn load_for(app: Shipped) -> Result<Content, Vec<DataError>> {
        let languages = Languages::parse("languages.json", LANGUAGES_JSON)?;
        let mut errors = Vec::new();
        let helplines = keep(
            &mut errors,
            parse_helplines("helplines.json", HELPLINES_JSON, &languages),
        );
        let groundwork = keep(&mut errors, Groundwork::with_languages(languages.clone()));
        let mut questionnaires = Vec::new();
        if let Some(groundwork) = &groundwork {
            for (file, json) in app.questionnaires {
                questionnaires.extend(keep(&mut errors, groundwork.questionnaire(file, json)));
            }
        }
        let files: Vec<_> = app.ui.iter().flat_map(|files| files.iter().copied()).collect();
        let catalog = keep(&mut errors, Catalog::parse(languages, &files));
        match (catalog, helplines, groundwork) {
            (Some(catalog), Some(helplines), Some(groundwork)) if errors.is_empty() => Ok(Content {
                catalog,
                helplines,
                factors: groundwork.factors,
                questionnaires,
            }),
            _ => Err(errors),
        }
    }

    /// The questionnaire whose id is `id`, if this app ships it.
    pub fn questionnaire(&self, id: &str) -> Option<&Questionnaire> {
        self.questionnaires.iter().find(|q| q.id == id)
    }
}

/// The value of a loader that succeeded; the errors of one that did not.
fn keep<T>(errors: &mut Vec<DataError>, result: Result<T, Vec<DataError>>) -> Option<T> {
    result.map_err(|e| errors.extend(e)).ok()
}

/// The content `app` ships, loaded on first use and kept for the page's
/// life (a page runs one app only).
pub fn shipped(app: Shipped) -> Result<&'static Content, &'static [DataError]> {
    static CONTENT: OnceLock<Result<Content, Vec<DataError>>> = OnceLock::new();
    CONTENT
        .get_or_init(|| Content::load_for(app))
        .as_ref()
        .map_err(Vec::as_slice)
}

/// What orientation needs: the service types and the rules.
#[derive(Debug)]
pub struct Orientation {
    /// The kinds of service.
    pub types: ServiceTypes,
    /// The orientation rules.
    pub rules: Rules,
}

impl Orientation {
    /// Reads the shipped `service-types.json` and `orientation.json`
    /// against `content`'s languages and factors.
    pub fn load(content: &Content) -> Result<Orientation, Vec<DataError>> {
        let languages = content.catalog.languages();
        let types = ServiceTypes::parse("service-types.json", SERVICE_TYPES_JSON, languages)?;
        let rules = Rules::parse(
            "orientation.json",
            ORIENTATION_JSON,
            languages,
            &types,
            &content.factors,
        )?;
        Ok(Orientation { types, rules })
    }
}

/// The orientation data, loaded on first use (only the main app's results
/// and the services app ask, so the class app does not carry it).
pub fn orientation(content: &'static Content) -> Result<&'static Orientation, &'static [DataError]> {
    static ORIENTATION: OnceLock<Result<Orientation, Vec<DataError>>> = OnceLock::new();
    ORIENTATION
        .get_or_init(|| Orientation::load(content))
        .as_ref()
        .map_err(Vec::as_slice)
}
