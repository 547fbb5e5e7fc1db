//! The state of one questionnaire being answered: the answers, where the
//! person is, and whether they asked to keep their answers on the device.
//!
//! A flow for the young person or the family restores itself from session storage (so a reload loses nothing),
//! and saves every change back, unless the person locked their history:
//! then answers in progress stay in the page's memory only. Stored answers that cannot be read are set
//! aside under their own key and reported, never silently dropped and never
//! a panic. An emptied flow removes its keys, so "erase" leaves nothing.
//! The class survey's flow is [`Flow::ephemeral`]: in memory only.

use leptos::prelude::*;

use crate::shared::country::use_country;
use crate::shared::storage::{self, StoredItem};
use amarre_core::answers::{Answers, Given};
use amarre_core::questionnaire::{Audience, Questionnaire};

/// Whether the person locked their history with a passphrase (the history
/// app says so under its own key).
fn history_locked() -> bool {
    storage::read_text(StoredItem::HistoryLock).ok().flatten().is_some()
}

/// What the person should know about where their answers are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowNotice {
    /// Stored answers could not be read back: set aside, with what was wrong.
    SetAside(String),
    /// The tab refuses the answers (storage full or refused): they live in
    /// this page only, and a reload would lose them.
    NotSaved,
}

/// Where the person is in a questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// What it is, before starting.
    Intro,
    /// Answering the item at this position.
    Question(usize),
    /// Reading the results.
    Results,
}

/// One questionnaire in progress. Cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Flow {
    /// The questionnaire.
    pub questionnaire: &'static Questionnaire,
    /// The answers so far.
    pub answers: RwSignal<Answers>,
    /// Where the person is.
    pub step: RwSignal<Step>,
    /// Whether answers in progress are saved in the tab (not when the
    /// person locked their history: then nothing readable is stored).
    pub saved: bool,
    /// A problem with saved answers, to tell the person about.
    pub notice: RwSignal<Option<FlowNotice>>,
    /// The history entry these answers were kept as on this page, if the
    /// person asked to keep them (keeping again updates that entry).
    pub kept: RwSignal<Option<String>>,
}

struct Keys {
    answers: StoredItem,
    position: StoredItem,
}

fn keys(audience: Audience) -> Keys {
    match audience {
        // A class survey only ever uses `Flow::ephemeral`, which never
        // stores anything. Mapped here only so the match is total.
        Audience::Student | Audience::Class => Keys {
            answers: StoredItem::StudentAnswers,
            position: StoredItem::StudentPosition,
        },
        Audience::Family => Keys {
            answers: StoredItem::FamilyAnswers,
            position: StoredItem::FamilyPosition,
        },
    }
}

impl Flow {
    /// The flow for `questionnaire`, restored from storage, saving itself
    /// from now on.
    pub fn restore(questionnaire: &'static Questionnaire) -> Flow {
        let keys = keys(questionnaire.audience);
        let mut notice = None;
        let mut read = |item: StoredItem| -> Option<Answers> {
            let text = storage::read_text(item).ok().flatten()?;
            match Answers::from_json(item.key(), &text, questionnaire) {
                Ok(answers) => Some(answers),
                Err(errors) => {
                    // Keep what could not be read, so nothing is lost, and say so.
                    let _ = storage::write_text(StoredItem::SetAside, &text);
                    let _ = storage::remove(item);
                    notice = Some(FlowNotice::SetAside(
                        errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
                    ));
                    None
                }
            }
        };
        // A locked history means nothing readable in storage: the answers
        // in progress then live in this page only.
        let saved = !history_locked();
        if !saved {
            let _ = storage::remove(keys.answers);
            let _ = storage::remove(keys.position);
        }
        let answers = read(keys.answers).unwrap_or_else(|| Answers::new(questionnaire));
        let position = storage::read_text(keys.position).ok().flatten();
        let step = match position.as_deref() {
            Some("results") => Step::Results,
            Some(id) => questionnaire
                .item(id)
                .filter(|i| answers.visible(questionnaire).contains(i))
                .map_or(Step::Intro, Step::Question),
            None => Step::Intro,
        };
        let flow = Flow {
            questionnaire,
            answers: RwSignal::new(answers),
            step: RwSignal::new(step),
            saved,
            notice: RwSignal::new(notice),
            kept: RwSignal::new(None),
        };
        if saved {
            flow.save_on_change();
        } else {
            flow.follow_country();
        }
        flow
    }

    /// A flow kept in memory only, never in storage: for the class survey,
    /// whose individual answers must never be stored, not even for a moment.
    /// Dropped with the component that made it.
    pub fn ephemeral(questionnaire: &'static Questionnaire) -> Flow {
        Flow {
            questionnaire,
            answers: RwSignal::new(Answers::new(questionnaire)),
            step: RwSignal::new(Step::Intro),
            saved: false,
            notice: RwSignal::new(None),
            kept: RwSignal::new(None),
        }
    }

    /// Keeps the person's country (for the help lines) in step with the
    /// answers.
    fn follow_country(self) {
        if let Some(country) = use_country() {
            Effect::new(move |_| country.set(self.answers.with(|a| a.country(self.questionnaire))));
        }
    }

    /// Saves answers and position whenever they change; removes them once
    /// the flow is empty again.
    fn save_on_change(self) {
        self.follow_country();
        let keys = keys(self.questionnaire.audience);
        Effect::new(move |_| {
            let answers = self.answers.get();
            let step = self.step.get();
            if answers.given.is_empty() && step == Step::Intro {
                for item in [keys.answers, keys.position] {
                    let _ = storage::remove(item);
                }
                return;
            }
            match storage::write_text(keys.answers, &answers.to_json()) {
                Err(_) => self.notice.set(Some(FlowNotice::NotSaved)),
                Ok(()) if self.notice.get_untracked() == Some(FlowNotice::NotSaved) => self.notice.set(None),
                Ok(()) => {}
            }
            let position = match step {
                Step::Intro => None,
                Step::Question(item) => Some(self.questionnaire.items[item].id.clone()),
                Step::Results => Some("results".to_string()),
            };
            let _ = match position {
                Some(position) => storage::write_text(keys.position, &position),
                None => storage::remove(keys.position),
            };
        });
    }

    /// Records an answer to the item at `item`.
    pub fn give(&self, item: usize, given: Given) {
        let questionnaire = self.questionnaire;
        self.answers.update(|a| a.give(questionnaire, item, given));
    }

    /// Goes to the first question.
    pub fn start(&self) {
        let first = self.answers.with(|a| a.next_shown(self.questionnaire, None));
        self.step.set(first.map_or(Step::Results, Step::Question));
    }

    /// Goes to the next shown question, or to the results after the last.
    pub fn next(&self) {
        if let Step::Question(item) = self.step.get_untracked() {
            let next = self.answers.with(|a| a.next_shown(self.questionnaire, Some(item)));
            self.step.set(next.map_or(Step::Results, Step::Question));
        }
    }

    /// Goes back one shown question, or to the intro from the first.
    pub fn back(&self) {
        if let Step::Question(item) = self.step.get_untracked() {
            let previous = self.answers.with(|a| a.previous_shown(self.questionnaire, item));
            self.step.set(previous.map_or(Step::Intro, Step::Question));
        }
    }

    /// Replaces the answers with imported ones and shows the results.
    pub fn restore_from(&self, answers: Answers) {
        self.answers.set(answers);
        self.step.set(Step::Results);
    }

    /// Forgets every answer to this questionnaire in progress, here and in
    /// the tab (what the person kept in their history stays there).
    pub fn erase(&self) {
        self.kept.set(None);
        self.answers.set(Answers::new(self.questionnaire));
        self.step.set(Step::Intro);
    }
}
