//! The directory in use and where the person said they are, as reactive
//! state, for both the services app and the questionnaires app's results.
//!
//! The built-in directory has no local entries (shipped data invents no
//! address): suggestions then name service types and the national lines.
//! The directories a coordinator published with the app (`/annuaire/`,
//! [`crate::shared::published`]) are fetched at start and used in place of
//! it. A coordinator may also try a file out in the services app; it is used at
//! once in this tab (both apps read it from the tab's storage), and kept on
//! the device only if they ask. A place (postal code or commune) stays in
//! this tab's storage, so the quick exit forgets it.
//!
//! Whatever storage holds is read again with the same checks as a file:
//! what cannot be read is reported and left where it is, never lost.

use crate::shared::browser::spawn as spawn_local;
use leptos::prelude::*;

use crate::shared::content::{orientation, Orientation};
use crate::shared::locale::use_locale;
use crate::shared::published;
use crate::shared::storage::{self, StoredItem};
use amarre_core::directory::stored;
use amarre_core::directory::{self, Directory};
use amarre_core::territory::Place;
use amarre_core::DataError;

/// Where the directory in use comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The app's own (service types and national lines only).
    BuiltIn,
    /// The directories published with the app (`/annuaire/`).
    Published,
    /// A file the coordinator loaded.
    Loaded {
        /// Its name on their device.
        file: String,
        /// Whether it is kept on this device.
        kept: bool,
    },
}

/// The services state, provided once by the app.
#[derive(Clone, Copy)]
pub struct Services {
    /// The service types and rules (every app that suggests services ships them).
    pub orientation: Option<&'static Orientation>,
    /// The directory in use.
    pub directory: RwSignal<Directory>,
    /// Where it comes from.
    pub source: RwSignal<Source>,
    /// Where the person said they are.
    pub place: RwSignal<Option<Place>>,
    /// Problems with the directory kept on the device, found at start.
    pub kept_problems: RwSignal<Vec<DataError>>,
    /// The directory published with the app, once fetched, or why it
    /// cannot be used (`None`: none published, or not fetched yet).
    pub published: RwSignal<Option<Result<Directory, Vec<DataError>>>>,
    /// Whether fetching the published directories is over.
    pub published_read: RwSignal<bool>,
}

/// The name a directory from storage is read under when it has none.
const STORED_FILE: &str = "annuaire";

/// Reads the directory of this tab (or the one kept on the device) and
/// the place, and provides the state. With `FULL`, every field of each
/// service (the services app); without, what a suggestion's contact shows
/// (the questionnaires app's results, which then carry less code).
pub fn provide_services<const FULL: bool>() -> Services {
    let content = use_locale().content();
    let orientation = orientation(content);
    let mut directory = Directory::default();
    let mut source = Source::BuiltIn;
    let mut kept_problems = Vec::new();
    let kept_text = storage::read_text(StoredItem::Directory).ok().flatten();
    let kept = kept_text.is_some();
    // This tab's directory first; a new tab starts from the kept one.
    let stored = storage::read_text(StoredItem::LoadedDirectory)
        .ok()
        .flatten()
        .or(kept_text);
    if let (Some(o), Some(text)) = (orientation, stored) {
        let (name, json) = text.split_once('\n').unwrap_or((STORED_FILE, &text));
        let read = if FULL {
            stored::from_text(name, json, &o.types)
        } else {
            stored::contacts_from_text(name, json, &o.types)
        };
        match read {
            Ok(read) => {
                directory = read;
                source = Source::Loaded {
                    file: name.to_string(),
                    kept,
                };
            }
            Err(errors) => kept_problems = errors,
        }
    }
    let place = storage::read_text(StoredItem::Place)
        .ok()
        .flatten()
        .and_then(|text| Place::from_text(&text));
    let services = Services {
        orientation,
        directory: RwSignal::new(directory),
        source: RwSignal::new(source),
        place: RwSignal::new(place),
        kept_problems: RwSignal::new(kept_problems),
        published: RwSignal::new(None),
        published_read: RwSignal::new(false),
    };
    provide_context(services);
    if let Some(orientation) = orientation {
        spawn_local(async move {
            let found = published::fetch::<FULL>(&orientation.types).await;
            services.published_read.set(true);
            // An index with no services is the app's own (nothing published).
            if let Some(Ok(directory)) = found
                .as_ref()
                .filter(|f| f.as_ref().is_ok_and(|d| !d.services.is_empty()))
            {
                // A directory loaded by hand in this tab, or kept, comes first.
                if services.source.get_untracked() == Source::BuiltIn {
                    services.directory.set(directory.clone());
                    services.source.set(Source::Published);
                }
            }
            services.published.set(found);
        });
    }
    services
}

/// The services state.
pub fn use_services() -> Services {
    // Provided by the app shell before any page is built.
    expect_context::<Services>()
}

impl Services {
    /// Sets where the person is (or forgets it), in this tab only.
    pub fn set_place(&self, place: Option<Place>) {
        let _ = match &place {
            Some(place) => storage::write_text(StoredItem::Place, &place.to_text()),
            None => storage::remove(StoredItem::Place),
        };
        self.place.set(place);
    }

    /// Validates the file `file` and uses it if it is sound: its number of
    /// active services, and whether the tab's storage took it (the main
    /// app's results read it there); otherwise every problem, and the
    /// directory in use stays.
    pub fn load(&self, file: &str, text: &str) -> Result<(usize, bool), Vec<DataError>> {
        let Some(orientation) = self.orientation else {
            return Err(Vec::new());
        };
        match directory::parse(file, text, &orientation.types) {
            Ok(loaded) => {
                let count = loaded.services.len();
                let stored = format!("{file}\n{}", stored::to_text(&loaded));
                self.directory.set(loaded);
                self.source.set(Source::Loaded {
                    file: file.to_string(),
                    kept: false,
                });
                // In use in this tab, for the main app's results too; a
                // kept directory is replaced only when asked again.
                let shared = storage::write_text(StoredItem::LoadedDirectory, &stored).is_ok();
                let _ = storage::remove(StoredItem::Directory);
                self.kept_problems.set(Vec::new());
                Ok((count, shared))
            }
            Err(errors) => Err(errors),
        }
    }

    /// Keeps the loaded directory on this device, or stops keeping it.
    pub fn keep(&self, keep: bool) -> bool {
        let Source::Loaded { file, .. } = self.source.get_untracked() else {
            return false;
        };
        let saved = if keep {
            let text = self.directory.with_untracked(stored::to_text);
            storage::write_text(StoredItem::Directory, &format!("{file}\n{text}"))
        } else {
            storage::remove(StoredItem::Directory)
        };
        if saved.is_ok() {
            self.source.set(Source::Loaded { file, kept: keep });
        }
        saved.is_ok()
    }

    /// Goes back to the app's directory (the published one, if any, else
    /// the built-in one) and forgets the kept one.
    pub fn reset(&self) {
        let _ = storage::remove(StoredItem::LoadedDirectory);
        let _ = storage::remove(StoredItem::Directory);
        match self
            .published
            .with_untracked(|p| p.as_ref().and_then(|p| p.as_ref().ok()).cloned())
            .filter(|d| !d.services.is_empty())
        {
            Some(directory) => {
                self.directory.set(directory);
                self.source.set(Source::Published);
            }
            None => {
                self.directory.set(Directory::default());
                self.source.set(Source::BuiltIn);
            }
        }
        self.kept_problems.set(Vec::new());
    }
}
