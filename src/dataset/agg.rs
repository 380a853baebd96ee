//! `agg`: a file of records (one row per shipment, per event, per answer) grouped by its label
//! column, and by the series column when one is named, into one value per group: the count of
//! rows, or the sum, mean, min or max of the value column.
//!
//! The rows flow by ([`super::sink::Record`]) and only the groups are kept, compactly: every
//! key in one string, a hash table of indices into it, and per group its first line and
//! column and 16 bytes of figures ([`Acc`]). A million groups of ten-letter keys take about
//! 60 MB; a few groups take nothing to speak of, however long the file.

use std::hash::Hasher;

use hashbrown::HashTable;

use super::fold::{Acc, Folded};
use super::plan::Plan;
use super::sink::Record;
use super::{Cell, Dataset, DatasetError, Series, labels};
use crate::locale::number::{decimals_needed, format};
use crate::options::{Agg, DecimalMark};
use crate::table::number::{self, Number, NumberError};

/// The value of a cell: `None` when it says "no data" (empty, `NA`, `..`: left out), read
/// with the file's decimal separator, by the same rules as any chart's cells.
fn value(raw: &str, mark: DecimalMark) -> Result<Option<Number>, NumberError> {
    if number::is_missing(raw) {
        return Ok(None);
    }
    number::parse_as(raw, mark).map(Some)
}

/// A fast hash for group keys (the multiply-rotate of rustc's FxHash, with its final rotation
/// so that the table's low bits depend on every byte): a million lookups are most of the
/// time of `agg`, and SipHash's resistance to chosen keys buys nothing in a one-shot command.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

fn hash(key: &str) -> u64 {
    let mut h = Fx::default();
    h.write(key.as_bytes());
    h.finish()
}

/// Texts in one string: text `i` is `text[ends[i - 1]..ends[i]]`.
#[derive(Default)]
struct Texts {
    text: String,
    ends: Vec<usize>,
}

impl Texts {
    #[inline]
    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len());
    }
}

/// Distinct keys of one column in order of first appearance, with how each is shown (when
/// another column shows them) and where each was first read.
#[derive(Default)]
struct Keys {
    index: HashTable<usize>,
    keys: Texts,
    /// The shown texts, when another column shows the keys (a language's labels).
    shown: Texts,
    lines: Vec<u64>,
    columns: Vec<u32>,
}

impl Keys {
    fn len(&self) -> usize {
        self.keys.ends.len()
    }

    /// How key `i` is shown.
    fn shown(&self, i: usize, separate: bool) -> &str {
        if separate {
            self.shown.get(i)
        } else {
            self.keys.get(i)
        }
    }

    /// The index of the row's key in column `key`, shown from column `shown`; a new key is
    /// added, a known one is checked to be shown the same.
    fn of(
        &mut self,
        row: &impl Record,
        key: usize,
        shown: usize,
        plan: &Plan,
    ) -> Result<usize, DatasetError> {
        let k = row.cell(key);
        let h = hash(k);
        let keys = &self.keys;
        if let Some(&i) = self.index.find(h, |&i| keys.get(i) == k) {
            if shown != key && self.shown.get(i) != row.cell(shown) {
                return Err(DatasetError::Disagree(Box::new(
                    super::error::Disagreement {
                        path: plan.path.clone(),
                        line: row.line(),
                        column: row.column(shown),
                        key: k.to_string(),
                        shown: plan.headers[shown].clone(),
                        first: self.shown.get(i).to_string(),
                        first_line: self.lines[i],
                        here: row.cell(shown).to_string(),
                    },
                )));
            }
            return Ok(i);
        }
        let i = self.len();
        let keys = &self.keys;
        self.index.insert_unique(h, i, |&j| hash(keys.get(j)));
        self.keys.push(k);
        if shown != key {
            self.shown.push(row.cell(shown));
        }
        self.lines.push(row.line());
        self.columns
            .push(u32::try_from(row.column(key)).unwrap_or(u32::MAX));
        Ok(i)
    }
}

/// The groups read so far.
pub struct Groups<'p> {
    plan: &'p Plan,
    agg: Agg,
    labels: Keys,
    series: Keys,
    /// `[series][group]`.
    accs: Vec<Vec<Acc>>,
    /// `[series][group]`: some value of the group was approximate (`~25`). Empty until one
    /// is: most files have none, and a million groups need no flag each.
    approx: Vec<Vec<bool>>,
    /// Empty value cells left out.
    pub skipped: u64,
    percent: bool,
}

impl<'p> Groups<'p> {
    /// No groups yet, for the plan's `agg`.
    pub fn new(plan: &'p Plan) -> Groups<'p> {
        Groups {
            plan,
            agg: plan.agg.unwrap_or(Agg::Count),
            labels: Keys::default(),
            series: Keys::default(),
            accs: Vec::new(),
            approx: Vec::new(),
            skipped: 0,
            percent: false,
        }
    }

    /// The groups so far.
    pub fn count(&self) -> usize {
        self.labels.len()
    }

    /// Takes in one row.
    pub fn add(&mut self, row: &impl Record) -> Result<(), DatasetError> {
        let p = self.plan;
        let about = match p.approx {
            Some(c) => super::approx::marks(row, c, p)?,
            None => false,
        };
        let g = self.labels.of(row, p.label, p.shown_label, p)?;
        let s = match (p.series, p.shown_series) {
            (Some(c), Some(shown)) => self.series.of(row, c, shown, p)?,
            _ => 0,
        };
        if self.accs.len() <= s {
            self.accs.resize(s + 1, Vec::new());
        }
        let accs = &mut self.accs[s];
        if accs.len() <= g {
            accs.resize(g + 1, Acc::default());
        }
        let Some(vc) = p.value() else {
            accs[g].push(Agg::Count, 0.0);
            return Ok(());
        };
        match value(row.cell(vc), p.mark) {
            Ok(Some(n)) => {
                accs[g].push(self.agg, n.value);
                self.percent |= n.percent;
                if n.approx || about {
                    self.mark_approx(s, g);
                }
            }
            Ok(None) => self.skipped += 1,
            Err(e) => {
                return Err(DatasetError::Parse {
                    path: p.path.clone(),
                    line: row.line(),
                    column: row.column(vc),
                    name: p.headers[vc].clone(),
                    value: row.cell(vc).to_string(),
                    hint: e.hint(),
                });
            }
        }
        Ok(())
    }

    /// Marks group `g` of series `s` approximate.
    fn mark_approx(&mut self, s: usize, g: usize) {
        if self.approx.len() <= s {
            self.approx.resize(s + 1, Vec::new());
        }
        let flags = &mut self.approx[s];
        if flags.len() <= g {
            flags.resize(g + 1, false);
        }
        flags[g] = true;
    }

    /// True when some value of group `g` in series `s` was approximate (a count of rows is
    /// exact, whatever their values).
    fn is_approx(&self, s: usize, g: usize) -> bool {
        self.agg != Agg::Count
            && self
                .approx
                .get(s)
                .and_then(|f| f.get(g))
                .copied()
                .unwrap_or(false)
    }

    /// The figures of group `g` in series `s`.
    fn acc(&self, s: usize, g: usize) -> Acc {
        self.accs
            .get(s)
            .and_then(|a| a.get(g))
            .copied()
            .unwrap_or_default()
    }

    /// The dataset of the groups, with `top` the N largest (by the first series, or by the
    /// latest period when the series are periods) and the rest folded as one group.
    pub fn finish(self, top: Option<usize>, watch: &[String]) -> (Dataset, Option<Folded>) {
        let p = self.plan;
        let column = p
            .value()
            .map_or_else(|| self.agg.name().to_string(), |c| p.headers[c].clone());
        let names: Vec<String> = match p.series {
            Some(key) => (0..self.series.len())
                .map(|s| {
                    let shown = self.series.shown(s, p.shown_series != Some(key));
                    crate::text::clean(shown)
                })
                .collect(),
            None => vec![crate::text::clean(&column)],
        };
        let groups = self.labels.len();
        let (kept, folded) = match top {
            Some(n) if groups > n => {
                let rank = labels::rank_series(
                    &names,
                    |s| {
                        (0..groups)
                            .filter(|&g| self.acc(s, g).result(self.agg).is_some())
                            .count()
                    },
                    groups,
                );
                let kept = super::fold::largest(
                    n,
                    (0..groups).map(|g| self.acc(rank, g).result(self.agg)),
                );
                let folded = self.fold(&kept, &names, rank, groups, watch);
                (kept, Some(folded))
            }
            _ => ((0..groups).collect(), None),
        };
        let separate = p.shown_label != p.label;
        let series = names
            .into_iter()
            .enumerate()
            .map(|(s, name)| Series {
                key: name.clone(),
                name,
                column: column.clone(),
                cells: kept
                    .iter()
                    .map(|&g| {
                        self.acc(s, g).result(self.agg).map(|value| Cell {
                            value,
                            line: self.labels.lines[g],
                            column: self.labels.columns[g] as usize,
                            raw: format(value, decimals_needed(&[value])),
                            approx: self.is_approx(s, g),
                        })
                    })
                    .collect(),
            })
            .collect();
        let dataset = Dataset {
            path: p.path.clone(),
            labels: kept
                .iter()
                .map(|&g| crate::text::clean(self.labels.shown(g, separate)))
                .collect(),
            series,
            percent: p.value().is_some() && (p.percent_header || self.percent),
            // A group with no value has no bar; skipped cells are noted by the loader.
            missing: Vec::new(),
            warnings: Vec::new(),
            // Groups come in the order they first appear, not the order of years or dates.
            ordered: false,
            series_ordered: false,
        };
        (dataset, folded)
    }

    /// The groups not in `kept` (sorted), merged per series.
    fn fold(
        &self,
        kept: &[usize],
        names: &[String],
        rank: usize,
        groups: usize,
        watch: &[String],
    ) -> Folded {
        let mut watch = super::fold::Watch::new(watch);
        if !watch.idle() {
            let separate = self.plan.shown_label != self.plan.label;
            for g in (0..groups).filter(|g| kept.binary_search(g).is_err()) {
                watch.fold(&crate::text::clean(self.labels.shown(g, separate)));
            }
        }
        let accs = (0..names.len())
            .map(|s| {
                let mut other = Acc::default();
                for g in (0..groups).filter(|g| kept.binary_search(g).is_err()) {
                    other.merge(self.agg, self.acc(s, g));
                }
                other
            })
            .collect();
        let approx = (0..names.len())
            .map(|s| {
                !self.approx.is_empty()
                    && (0..groups)
                        .filter(|g| kept.binary_search(g).is_err())
                        .any(|g| self.is_approx(s, g))
            })
            .collect();
        Folded {
            kept: kept.len(),
            total: groups,
            accs,
            approx,
            totals: vec![0.0; names.len()],
            agg: self.agg,
            grouped: true,
            ranked_by: (names.len() > 1).then(|| names[rank].clone()),
            watched: watch.folded(),
            first: (0..groups)
                .find(|g| kept.binary_search(g).is_err())
                .map(|g| (self.labels.lines[g], self.labels.columns[g] as usize)),
        }
    }
}
