//! The content each app ships, read from the `data/` folder, validated and
//! cross-checked: the build script bakes the result into each app's wasm
//! (so the browser carries neither the JSON nor the validators), and the
//! native tests and `amarre-check` read the very same files the same way.
//!
//! A broken data file fails the build with every problem, each with its
//! file and place (`student.json: items[4] (late) → show_if[0]: …`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::class_ideas::{parse_ideas, DimensionIdeas};
use crate::factors::Factors;
use crate::helpline::{parse_helplines, HelpLine};
use crate::language::Languages;
use crate::orientation::Rules;
use crate::pack;
use crate::questionnaire::{Context, Questionnaire, Scales};
use crate::service_type::ServiceTypes;
use crate::{DataError, DataErrorKind};

/// One of the five apps, each a page of its own with its own wasm; and
/// [`App::Questionnaires`], both questionnaires together as the checker and
/// the native tests read them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum App {
    /// Both questionnaires with every UI word: not an app of its own, what
    /// the checker and the native tests read ([`Content::load`]).
    Questionnaires,
    /// `/` and `/eleve`: the home page and the young person's questionnaire
    /// with its results.
    Young,
    /// `/famille`: the family questionnaire with its results.
    Family,
    /// `/classe/`: the class climate survey.
    Class,
    /// `/services/` and `/confidentialite/`: support services, the privacy page.
    Services,
    /// `/historique/`: the results a person kept, dated, open or locked.
    History,
}

/// Key families of the questionnaires app's UI files that the class survey
/// uses too: the frame (skip link, header, help area, footer) and the
/// question controls.
const SHARED_WITH_CLASS: &[&str] = &["shell.", "nav.", "help.", "q.", "safety."];

/// Key families of the questionnaires app's UI files that the services app
/// uses too: the frame, and what the results' suggestions show as well
/// (levels of response, service cards, the place), and problems in a file.
const SHARED_WITH_SERVICES: &[&str] = &["shell.", "nav.", "help.", "level.", "card.", "place.", "problem."];

/// Key families of the questionnaires app's UI files that the history
/// uses too: the frame, the names of the bands and the chart's words, and
/// problems in what storage held.
const SHARED_WITH_HISTORY: &[&str] = &["shell.", "nav.", "help.", "r.band.", "r.chart.", "problem."];

impl App {
    /// Every app the build bakes content for.
    pub const ALL: [App; 5] = [App::Young, App::Family, App::Class, App::Services, App::History];

    /// A short name, for file names and messages.
    pub fn name(self) -> &'static str {
        match self {
            App::Questionnaires => "questionnaires",
            App::Young => "young",
            App::Family => "family",
            App::Class => "class",
            App::Services => "services",
            App::History => "history",
        }
    }

    /// The questionnaire files under `data/questionnaires/` it ships.
    fn questionnaires(self) -> &'static [&'static str] {
        match self {
            App::Questionnaires => &["student.json", "family.json"],
            App::Young => &["student.json"],
            App::Family => &["family.json"],
            App::Class => &["class-climate.json"],
            App::Services => &[],
            // To read the answers kept and score them again.
            App::History => &["student.json", "family.json"],
        }
    }

    /// Its UI words: the key families it takes from `data/i18n/<code>.json`
    /// (`None`: all of them), and its own folder under `data/i18n/`.
    fn ui(self) -> (Option<&'static [&'static str]>, Option<&'static str>) {
        match self {
            App::Questionnaires | App::Young | App::Family => (None, None),
            App::Class => (Some(SHARED_WITH_CLASS), Some("class")),
            App::Services => (Some(SHARED_WITH_SERVICES), Some("services")),
            App::History => (Some(SHARED_WITH_HISTORY), Some("history")),
        }
    }

    /// Whether it ships the UI word `key`: the young people's app leaves
    /// out the family's words (« vous »), the family app the young person's
    /// and the home page's, the class survey the family's; neither
    /// questionnaire app shows a problem in a file (the history and the
    /// coordinators' page do).
    fn ships_word(self, key: &str) -> bool {
        let about = |who: &str| key.split('.').any(|part| part == who);
        let problem = key.starts_with("problem.");
        match self {
            App::Young => (!about("family") || key.starts_with("home.")) && !problem,
            App::Family => !about("student") && !key.starts_with("home.") && !problem,
            App::Class => !about("family"),
            _ => true,
        }
    }

    /// Whether it suggests services (the service types and the rules).
    fn orients(self) -> bool {
        matches!(self, App::Questionnaires | App::Young | App::Family | App::Services)
    }
}

/// What orientation needs: the service types and the rules.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Orientation {
    /// The kinds of service.
    pub types: ServiceTypes,
    /// The orientation rules.
    pub rules: Rules,
}

/// Everything one app reads from its own data files, validated.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Content {
    /// The UI's words, per language.
    pub catalog: Catalog,
    /// The national help lines of the help area.
    pub helplines: Vec<HelpLine>,
    /// The factor families and their sub-factors.
    pub factors: Factors,
    /// The app's questionnaires.
    pub questionnaires: Vec<Questionnaire>,
    /// The service types and orientation rules (apps that suggest services).
    pub orientation: Option<Orientation>,
    /// Ideas for collective prevention per class-climate dimension (the
    /// class survey only).
    pub ideas: Vec<DimensionIdeas>,
    /// The file names of its language packs under `/packs/`, by language
    /// position (at 0 the reference language's easy-read texts): set by
    /// [`Content::bake`].
    pub packs: Vec<String>,
}

/// An app's content as the build writes it: the bytes compiled into its
/// wasm, and its language packs (file name, bytes).
pub struct Baked {
    /// The content with the reference language's texts only.
    pub content: Vec<u8>,
    /// One pack per language position: at 0 the reference language's
    /// easy-read texts, then one per language after it.
    pub packs: Vec<(String, Vec<u8>)>,
}

impl Content {
    /// Both questionnaires with every UI word and the orientation, from
    /// this repository's `data/`: what the checker and the native tests read.
    pub fn load() -> Result<Content, Vec<DataError>> {
        Content::load_for(App::Questionnaires)
    }

    /// `app`'s content, from this repository's `data/`.
    pub fn load_for(app: App) -> Result<Content, Vec<DataError>> {
        DataDir::shipped().content(app)
    }

    /// Splits the content of the app named `app` into the bytes its wasm
    /// holds and its language packs, each named after its bytes
    /// (`young-en-<hash>.pack`) so a browser may keep it for good.
    pub fn bake(mut self, app: &str) -> Result<Baked, postcard::Error> {
        let languages = self.catalog.languages().all().len();
        let (_, packs) = pack::split(&self, languages)?;
        let mut named = Vec::new();
        self.packs = Vec::new();
        for (position, (language, texts)) in self.catalog.languages().all().iter().zip(packs).enumerate() {
            let bytes = postcard::to_allocvec(&texts)?;
            // At 0, the reference language's easy-read texts.
            let what = if position == 0 { "-easy" } else { "" };
            let name = format!("{app}-{}{what}-{:016x}.pack", language.code, fnv1a(&bytes));
            self.packs.push(name.clone());
            named.push((name, bytes));
        }
        // Written again with the names: the texts are numbered the same way.
        let (content, _) = pack::split(&self, languages)?;
        Ok(Baked { content, packs: named })
    }

    /// The questionnaire whose id is `id`, if this app ships it.
    pub fn questionnaire(&self, id: &str) -> Option<&Questionnaire> {
        self.questionnaires.iter().find(|q| q.id == id)
    }
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

impl Orientation {
    /// The orientation data `content` ships, or why it has none.
    pub fn load(content: &Content) -> Result<Orientation, Vec<DataError>> {
        content.orientation.clone().ok_or_else(|| {
            vec![DataError::new(
                "orientation.json",
                "",
                DataErrorKind::MissingField {
                    field: "orientation".into(),
                },
            )]
        })
    }
}

impl Groundwork {
    /// The languages, factors and scales of this repository's `data/`.
    pub fn load() -> Result<Groundwork, Vec<DataError>> {
        DataDir::shipped().groundwork()
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

/// The `data/` folder the apps' content is read from.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// The folder at `root`.
    pub fn new(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into() }
    }

    /// This repository's own `data/` folder.
    pub fn shipped() -> DataDir {
        DataDir::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data"))
    }

    /// The text of `relative` (`questionnaires/student.json`), named by its
    /// file name in messages.
    pub fn read(&self, relative: &str) -> Result<String, Vec<DataError>> {
        std::fs::read_to_string(self.root.join(relative)).map_err(|e| {
            let name = relative.rsplit('/').next().unwrap_or(relative);
            vec![DataError::new(
                name,
                "",
                DataErrorKind::Syntax(format!("cannot be opened: {e}")),
            )]
        })
    }

    /// Every file under the folder, for the build script to watch.
    pub fn files(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        collect(&self.root, &mut files);
        files.sort();
        files
    }

    /// The declared languages.
    pub fn languages(&self) -> Result<Languages, Vec<DataError>> {
        Languages::parse("languages.json", &self.read("i18n/languages.json")?)
    }

    /// The languages, factor families and answer scales.
    pub fn groundwork(&self) -> Result<Groundwork, Vec<DataError>> {
        let languages = self.languages()?;
        let mut errors = Vec::new();
        let factors = keep(
            &mut errors,
            self.read("factors.json")
                .and_then(|t| Factors::parse("factors.json", &t, &languages)),
        );
        let scales = keep(
            &mut errors,
            self.read("questionnaires/scales.json")
                .and_then(|t| Scales::parse("scales.json", &t, &languages)),
        );
        match (factors, scales) {
            (Some(factors), Some(scales)) => Ok(Groundwork {
                languages,
                factors,
                scales,
            }),
            _ => Err(errors),
        }
    }

    /// Reads, validates and cross-checks everything `app` ships, collecting
    /// every problem of every file.
    pub fn content(&self, app: App) -> Result<Content, Vec<DataError>> {
        let groundwork = self.groundwork()?;
        let languages = &groundwork.languages;
        let mut errors = Vec::new();
        let helplines = keep(
            &mut errors,
            self.read("helplines.json")
                .and_then(|t| parse_helplines("helplines.json", &t, languages)),
        );
        let mut questionnaires = Vec::new();
        for file in app.questionnaires() {
            let read = self
                .read(&format!("questionnaires/{file}"))
                .and_then(|t| groundwork.questionnaire(file, &t));
            questionnaires.extend(keep(&mut errors, read));
        }
        let catalog = keep(&mut errors, self.catalog(app, languages));
        let orientation = if app.orients() {
            keep(&mut errors, self.orientation(languages, &groundwork.factors)).map(Some)
        } else {
            Some(None)
        };
        if app == App::Class && !questionnaires.iter().any(|q| q.survey_key.is_some()) {
            errors.push(DataError::new(
                "class-climate.json",
                "",
                DataErrorKind::MissingField {
                    field: "a class survey with a survey_code".into(),
                },
            ));
        }
        let ideas = if app == App::Class {
            keep(
                &mut errors,
                self.read("class-ideas.json")
                    .and_then(|t| parse_ideas("class-ideas.json", &t, languages, &groundwork.factors)),
            )
        } else {
            Some(Vec::new())
        };
        match (catalog, helplines, orientation, ideas) {
            (Some(catalog), Some(helplines), Some(orientation), Some(ideas)) if errors.is_empty() => Ok(Content {
                catalog,
                helplines,
                // Only the class survey's report names sub-factors.
                factors: if app == App::Class {
                    groundwork.factors
                } else {
                    groundwork.factors.names_only()
                },
                questionnaires,
                orientation,
                ideas,
                packs: Vec::new(),
            }),
            _ => Err(errors),
        }
    }

    /// The UI words of `app`, every language compared with French.
    fn catalog(&self, app: App, languages: &Languages) -> Result<Catalog, Vec<DataError>> {
        let (families, own) = app.ui();
        let mut files: Vec<(String, String, String)> = Vec::new();
        let mut errors = Vec::new();
        for file in self.ui_files("i18n") {
            let Some(text) = keep(&mut errors, self.read(&format!("i18n/{file}"))) else {
                continue;
            };
            let code = file.trim_end_matches(".json").to_string();
            match families {
                None if matches!(app, App::Young | App::Family) => {
                    let own = only_keys(&text, |key| app.ships_word(key));
                    files.push((code, format!("{file} ({})", app.name()), own));
                }
                None => files.push((code, file, text)),
                Some(families) => {
                    let shared = only_keys(&text, |key| families.iter().any(|family| key.starts_with(family)));
                    files.push((code, format!("{file} (shared)"), shared));
                }
            }
        }
        if let Some(folder) = own {
            for file in self.ui_files(&format!("i18n/{folder}")) {
                if let Some(text) = keep(&mut errors, self.read(&format!("i18n/{folder}/{file}"))) {
                    let code = file.trim_end_matches(".json").to_string();
                    files.push((code, format!("{folder}/{file}"), text));
                }
            }
        }
        let triples: Vec<(&str, &str, &str)> = files
            .iter()
            .map(|(c, f, t)| (c.as_str(), f.as_str(), t.as_str()))
            .collect();
        let catalog = keep(&mut errors, Catalog::parse(languages.clone(), &triples));
        match catalog {
            Some(catalog) if errors.is_empty() => Ok(catalog),
            _ => Err(errors),
        }
    }

    /// The `<code>.json` files of `folder` (not `languages.json`), sorted.
    fn ui_files(&self, folder: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.root.join(folder))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().is_file())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|name| name.ends_with(".json") && name != "languages.json")
            .collect();
        names.sort();
        names
    }

    /// The service types and the orientation rules.
    pub fn orientation(&self, languages: &Languages, factors: &Factors) -> Result<Orientation, Vec<DataError>> {
        let types = ServiceTypes::parse("service-types.json", &self.read("service-types.json")?, languages)?;
        let rules = Rules::parse(
            "orientation.json",
            &self.read("orientation.json")?,
            languages,
            &types,
            factors,
        )?;
        Ok(Orientation { types, rules })
    }
}

/// The keys of the UI file `text` that `keep` keeps, as JSON (a file that
/// is not JSON is kept whole, so its problem is reported with its line;
/// the whole files are also read as they are, by [`App::Questionnaires`]).
fn only_keys(text: &str, keep: impl Fn(&str) -> bool) -> String {
    match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text) {
        Ok(all) => {
            let shared: serde_json::Map<_, _> = all.into_iter().filter(|(key, _)| keep(key)).collect();
            serde_json::Value::Object(shared).to_string()
        }
        Err(_) => text.to_string(),
    }
}

/// The value of a loader that succeeded; the errors of one that did not.
fn keep<T>(errors: &mut Vec<DataError>, result: Result<T, Vec<DataError>>) -> Option<T> {
    result.map_err(|e| errors.extend(e)).ok()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// FNV-1a, 64 bits: a file name that changes when the bytes do.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
