//! The class climate survey's aggregate: counts per item and option, and
//! the report a teacher may see, which never shows a figure about fewer
//! than five answers.
//!
//! Only counts are kept ([`Tally`]): adding an answer set increments them
//! and the set itself is dropped, so no individual response exists in the
//! aggregate. The report is withheld entirely below the threshold (at
//! least [`MIN_GROUP`], configurable upwards only), and within it any count
//! from 1 to 4 is shown as "fewer than 5", never as itself.

use super::questionnaire::{Meaning, Questionnaire};

/// The smallest group a figure may describe.
pub const MIN_GROUP: u32 = 5;

/// Options an item of the class survey has, plus "prefer not to answer".
const SLOTS: usize = 6;

/// Counts per item: options 0–4, then "prefer not to answer" at index 5.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// The questionnaire's id, so two surveys' counts are never mixed.
    pub questionnaire: String,
    /// Its version.
    pub version: u32,
    /// How many answer sets were added.
    pub answers: u32,
    /// Per item, per option.
    pub counts: Vec<[u32; SLOTS]>,
}

/// A figure as the teacher may see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Nobody.
    None,
    /// From 1 to 4: too few to show.
    FewerThanFive,
    /// Five or more, shown as it is.
    Count(u32),
    /// Five or more, but withheld: it was the only other unknown, so the
    /// total minus the shown figures would have given a count of 1 to 4.
    Withheld,
}

impl Figure {
    /// The figure for a count.
    pub fn of(count: u32) -> Figure {
        match count {
            0 => Figure::None,
            n if n < MIN_GROUP => Figure::FewerThanFive,
            n => Figure::Count(n),
        }
    }

    /// As a CSV cell: `0`, `<5` or the number.
    pub fn to_cell(self) -> String {
        match self {
            Figure::None => "0".to_string(),
            Figure::FewerThanFive => "<5".to_string(),
            Figure::Withheld => "withheld".to_string(),
            Figure::Count(n) => n.to_string(),
        }
    }
}

/// One item in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemFigures {
    /// Position of the item in the questionnaire.
    pub item: usize,
    /// Per option (0–4).
    pub options: Vec<Figure>,
    /// "Ne souhaite pas répondre", counted apart.
    pub prefer_not: Figure,
    /// Share (0–100) of answers that mean resource, among those who
    /// answered; `None` when fewer than five answered the item.
    pub favourable: Option<u32>,
}

/// One dimension (the items' sub-factor) in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dimension {
    /// The sub-factor id (`belonging`, `respect`…).
    pub id: String,
    /// Share (0–100) of favourable answers over its items; `None` when
    /// fewer than five answers are behind it.
    pub favourable: Option<u32>,
}

/// What the teacher sees once there are enough answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Answer sets behind the report (at least the threshold).
    pub answers: u32,
    /// Per dimension, in the order they first appear.
    pub dimensions: Vec<Dimension>,
    /// Per item, in order.
    pub items: Vec<ItemFigures>,
}

/// Why there is no report yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooFewAnswers {
    /// Answers in.
    pub answers: u32,
    /// Answers needed.
    pub needed: u32,
}

impl Tally {
    /// No answers yet to `questionnaire`.
    pub fn new(questionnaire: &Questionnaire) -> Tally {
        Tally {
            questionnaire: questionnaire.id.clone(),
            version: questionnaire.version,
            answers: 0,
            counts: vec![[0; SLOTS]; questionnaire.items.len()],
        }
    }

    /// Counts one student's answers (`None` = prefer not; an option out of
    /// range or a missing item counts as "prefer not"). The answers
    /// themselves are not kept.
    pub fn add(&mut self, answers: &[Option<u8>]) {
        for (item, counts) in self.counts.iter_mut().enumerate() {
            let slot = match answers.get(item) {
                Some(Some(option)) if usize::from(*option) < SLOTS - 1 => usize::from(*option),
                _ => SLOTS - 1,
            };
            counts[slot] += 1;
        }
        self.answers += 1;
    }

    /// The report, if at least `threshold` answers are in (a threshold
    /// below [`MIN_GROUP`] is raised to it).
    pub fn report(&self, questionnaire: &Questionnaire, threshold: u32) -> Result<Report, TooFewAnswers> {
        let needed = threshold.max(MIN_GROUP);
        if self.answers < needed {
            return Err(TooFewAnswers {
                answers: self.answers,
                needed,
            });
        }
        // A share is a figure about both sides: shown only when neither the
        // favourable nor the other answers number 1 to 4.
        let safe = |count: u32| count == 0 || count >= MIN_GROUP;
        let favourable_share = |favourable: u32, answered: u32| {
            (answered >= MIN_GROUP && safe(favourable) && safe(answered - favourable))
                .then(|| (favourable * 100 + answered / 2) / answered)
        };
        let mut items = Vec::new();
        let mut dimensions: Vec<(String, u32, u32)> = Vec::new();
        for (item, counts) in self.counts.iter().enumerate() {
            let data = &questionnaire.items[item];
            let answered: u32 = counts[..SLOTS - 1].iter().sum();
            let favourable: u32 = data
                .options
                .iter()
                .zip(counts)
                .filter(|(o, _)| matches!(o.meaning, Meaning::Resource | Meaning::StrongResource))
                .map(|(_, c)| c)
                .sum();
            let mut figures: Vec<Figure> = counts.iter().map(|&c| Figure::of(c)).collect();
            withhold_complement(counts, &mut figures);
            let prefer_not = figures.pop().unwrap_or(Figure::None);
            items.push(ItemFigures {
                item,
                options: figures,
                prefer_not,
                favourable: favourable_share(favourable, answered),
            });
            let id = data.subfactor.clone().unwrap_or_default();
            match dimensions.iter_mut().find(|(d, _, _)| *d == id) {
                Some((_, f, a)) => {
                    *f += favourable;
                    *a += answered;
                }
                None => dimensions.push((id, favourable, answered)),
            }
        }
        Ok(Report {
            answers: self.answers,
            dimensions: dimensions
                .into_iter()
                .map(|(id, favourable, answered)| Dimension {
                    id,
                    favourable: favourable_share(favourable, answered),
                })
                .collect(),
            items,
        })
    }
}

/// Every student adds one to each item's row, so the row's total is known,
/// and total minus the shown figures is the sum of the hidden ones. That
/// sum must not be a count of 1 to 4 either, nor a lone hidden count: the
/// smallest shown counts are withheld until it is not.
fn withhold_complement(counts: &[u32; SLOTS], figures: &mut [Figure]) {
    if !figures.contains(&Figure::FewerThanFive) {
        return;
    }
    loop {
        let hidden: Vec<usize> = (0..SLOTS)
            .filter(|&i| matches!(figures[i], Figure::FewerThanFive | Figure::Withheld))
            .collect();
        let sum: u32 = hidden.iter().map(|&i| counts[i]).sum();
        if hidden.len() >= 2 && sum >= MIN_GROUP {
            return;
        }
        let smallest = (0..SLOTS)
            .filter(|&i| matches!(figures[i], Figure::Count(_)))
            .min_by_key(|&i| counts[i]);
        match smallest {
            Some(i) => figures[i] = Figure::Withheld,
            None => return,
        }
    }
}

/// What the hidden figures of an item add up to (0, or at least five),
/// for drawing them as one segment.
pub fn hidden_total(tally_row: &[u32; SLOTS], figures: &ItemFigures) -> u32 {
    figures
        .options
        .iter()
        .chain([&figures.prefer_not])
        .zip(tally_row)
        .filter(|(f, _)| matches!(f, Figure::FewerThanFive | Figure::Withheld))
        .map(|(_, c)| c)
        .sum()
}

impl Report {
    /// The dimensions from weakest to strongest (fewest favourable
    /// answers first), leaving out those without a figure.
    pub fn weakest_first(&self) -> Vec<&Dimension> {
        let mut shown: Vec<&Dimension> = self.dimensions.iter().filter(|d| d.favourable.is_some()).collect();
        super::order::sort_by_key(&mut shown, |d| d.favourable);
        shown
    }

    /// The report as CSV (`item,option,count`), counts of 1 to 4 written
    /// `<5`. `item_id` and `option_id` name items and options.
    pub fn to_csv(&self, questionnaire: &Questionnaire) -> String {
        let mut csv = String::from("item,option,count\n");
        for figures in &self.items {
            let item = &questionnaire.items[figures.item];
            for (option, figure) in item.options.iter().zip(&figures.options) {
                csv.push_str(&format!("{},{},{}\n", item.id, option.id, figure.to_cell()));
            }
            csv.push_str(&format!("{},prefer_not,{}\n", item.id, figures.prefer_not.to_cell()));
        }
        csv
    }
}

/// Change in favourable share per dimension between two reports of the
/// same survey (`after − before`, in points), where both have a figure.
pub fn compare(before: &Report, after: &Report) -> Vec<(String, i64)> {
    after
        .dimensions
        .iter()
        .filter_map(|a| {
            let b = before.dimensions.iter().find(|b| b.id == a.id)?;
            Some((a.id.clone(), i64::from(a.favourable?) - i64::from(b.favourable?)))
        })
        .collect()
}
