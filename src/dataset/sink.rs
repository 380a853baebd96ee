//! Where the rows of a table flow, one at a time, after the [`Plan`]: every row kept as a
//! category (or as a cell of its category, in long data), or with `top N` and one row per
//! category only the N largest so far, the rest folded as they pass ([`super::fold`]), so
//! that memory does not grow with the file. Records grouped by `agg` flow into
//! [`super::agg::Groups`] instead.

use std::collections::HashMap;

use super::fold::{Acc, Folded, Watch};
use super::labels;
use super::plan::Plan;
use super::{Cell, Dataset, DatasetError, Missing, Series, total};
use crate::options::{Agg, Message};
use crate::table::number::{self, Number};
use crate::table::{Reader, Row};

/// What a sink needs of a row: its cells and where they are.
pub trait Record {
    /// Cell `c`, trimmed.
    fn cell(&self, c: usize) -> &str;
    /// 1-based line.
    fn line(&self) -> u64;
    /// 1-based column (in characters) where cell `c` starts.
    fn column(&self, c: usize) -> usize;
}

impl Record for Row {
    fn cell(&self, c: usize) -> &str {
        self.cells.get(c).map_or("", String::as_str)
    }
    fn line(&self) -> u64 {
        self.line
    }
    fn column(&self, c: usize) -> usize {
        self.columns.get(c).copied().unwrap_or(1)
    }
}

impl Record for Reader<'_> {
    fn cell(&self, c: usize) -> &str {
        Reader::cell(self, c)
    }
    fn line(&self) -> u64 {
        Reader::line(self)
    }
    fn column(&self, c: usize) -> usize {
        Reader::column(self, c)
    }
}

/// Whether every filled cell of a column seen so far is a year, or every one an ISO date.
#[derive(Debug, Clone, Copy)]
pub struct Ordered {
    filled: bool,
    years: bool,
    dates: bool,
}

impl Default for Ordered {
    fn default() -> Self {
        Ordered {
            filled: false,
            years: true,
            dates: true,
        }
    }
}

impl Ordered {
    /// Takes in one cell.
    pub fn see(&mut self, cell: &str) {
        if number::is_missing(cell) {
            return;
        }
        self.filled = true;
        self.years &= labels::is_year(cell);
        self.dates &= labels::is_date(cell);
    }

    /// True when the cells are years or dates (and there was one).
    pub fn ordered(self) -> bool {
        self.filled && (self.years || self.dates)
    }
}

/// A series: its value column and key, and how it is named and keyed ([`Series::key`]).
struct Head {
    column: usize,
    key: String,
    name: String,
    id: String,
}

/// A category: its place in the file, its label and its cells, one per series.
struct Category {
    id: usize,
    label: String,
    /// Where its first row is: line, and the column of its label.
    at: (u64, usize),
    cells: Vec<Option<Cell>>,
    /// The value it is ranked by (`top`); missing ranks last.
    rank: f64,
}

/// `top N` kept while reading: the folded rows' figures per series.
struct Keep {
    n: usize,
    /// The series ranked by.
    rank: usize,
    /// The smallest rank kept once N are kept (a row must beat it to get in).
    worst: f64,
    folded: Vec<Acc>,
    /// Per series, some value folded was approximate.
    approx: Vec<bool>,
    count: usize,
    /// Where the first row folded was read (the place "Other" points at in a message).
    first: Option<(u64, usize)>,
}

/// The rows of a table, as categories.
pub struct Rows<'p> {
    plan: &'p Plan,
    strict: bool,
    keep: Option<Keep>,
    keys: HashMap<String, usize>,
    categories: Vec<Category>,
    heads: Vec<Head>,
    /// Missing value cells, with the id of their category.
    missing: Vec<(usize, Missing)>,
    /// Per series, the sum of every value read.
    totals: Vec<f64>,
    percent: bool,
    ordered: Ordered,
    next: usize,
    numbers: Vec<Option<Number>>,
    /// Names to tell apart among the categories folded.
    watch: Watch,
    /// A row labelled as a total ("Total", «المجموع»), held back while it is the last row:
    /// at the end it is left out if it is the sum of the others ([`Rows::end`]).
    held: Option<Row>,
    /// What the end said of a total row, for the user.
    said: Option<Message>,
}

impl<'p> Rows<'p> {
    /// A sink for the plan's rows; `top` with `rank` (the series to rank by) keeps only the
    /// N largest while reading, when every row is its own category.
    pub fn new(plan: &'p Plan, strict: bool, top: Option<usize>, rank: Option<usize>) -> Rows<'p> {
        let mut heads = Vec::new();
        let keep = match (top, plan.series) {
            (Some(n), None) => {
                for &c in &plan.values {
                    heads.push(Head {
                        column: c,
                        key: String::new(),
                        name: crate::text::clean(&labels::period_name(&plan.headers[c])),
                        id: crate::text::clean(&plan.headers[c]),
                    });
                }
                Some(Keep {
                    n,
                    rank: rank.unwrap_or(0),
                    worst: f64::NEG_INFINITY,
                    folded: vec![Acc::default(); plan.values.len()],
                    approx: vec![false; plan.values.len()],
                    count: 0,
                    first: None,
                })
            }
            _ => None,
        };
        Rows {
            plan,
            strict,
            keep,
            keys: HashMap::new(),
            categories: Vec::new(),
            totals: vec![0.0; heads.len()],
            heads,
            missing: Vec::new(),
            percent: false,
            ordered: Ordered::default(),
            next: 0,
            numbers: Vec::new(),
            watch: Watch::default(),
            held: None,
            said: None,
        }
    }

    /// Watches for the categories named `names` among those folded.
    pub fn watch(&mut self, names: &[String]) {
        self.watch = Watch::new(names);
    }

    /// The categories kept so far.
    pub fn count(&self) -> usize {
        self.categories.len()
    }

    /// True while the labels are years or dates.
    pub fn ordered(&self) -> bool {
        self.ordered.ordered()
    }

    /// Takes in one row.
    pub fn add(&mut self, row: &impl Record) -> Result<(), DatasetError> {
        // A row after a total row: the total was not the last, so it is a category after all.
        if let Some(held) = self.held.take() {
            self.take(&held)?;
        }
        if self.plan.series.is_none() && total::is_total(row.cell(self.plan.label)) {
            self.held = Some(total::owned(row, self.plan.headers.len()));
            return Ok(());
        }
        self.take(row)
    }

    /// The end of the rows: a total row held back at the end is left out when its values are
    /// the sums of the rows above (drawn, it would dwarf them and double the whole); when they
    /// are not, it is drawn as the category it then is, and the user is told.
    pub fn end(&mut self) -> Result<(), DatasetError> {
        self.end_total()?;
        if self.plan.series.is_none() {
            self.check_distinct()?;
        }
        Ok(())
    }

    /// Two categories of one name (gapminder's "China" once a year) would be two bars nobody
    /// can tell apart: refused, at the second, with what to do. Only the categories kept are
    /// looked at (with `top`, a folded name does not reach the chart).
    fn check_distinct(&self) -> Result<(), DatasetError> {
        let mut order: Vec<&Category> = self.categories.iter().collect();
        order.sort_by_key(|c| c.id);
        let mut seen: HashMap<&str, u64> = HashMap::with_capacity(order.len());
        for c in order {
            if let Some(&first) = seen.get(c.label.as_str()) {
                let (line, column) = c.at;
                let header = &self.plan.headers[self.plan.shown_label];
                return Err(DatasetError::Refused(
                    Message::new()
                        .text(format!(
                            "{}:{line}:{column}: column '{header}': {:?} is listed twice, first at line {first}, and its bars or slices could not be told apart\n  hint: keep one row for each name, draw another column as the series (",
                            self.plan.path, c.label
                        ))
                        .name("series")
                        .text("), or make one value of each name's rows with ")
                        .name("agg")
                        .text(" (sum, mean, max)"),
                ));
            }
            seen.insert(&c.label, c.at.0);
        }
        Ok(())
    }

    /// A total row held back at the end: left out, or taken in as data.
    fn end_total(&mut self) -> Result<(), DatasetError> {
        let Some(held) = self.held.take() else {
            return Ok(());
        };
        let mut given = Vec::new();
        for &column in &self.plan.values {
            let Some(s) = self.heads.iter().position(|h| h.column == column) else {
                continue;
            };
            if !number::is_missing(held.cell(column)) {
                given.push((self.parse(&held, column)?.value, self.totals[s]));
            }
        }
        let label = held.cell(self.plan.shown_label).to_string();
        let at = (self.plan.path.as_str(), held.line, label.as_str());
        if !given.is_empty() && given.iter().all(|&(v, sum)| total::adds_up(v, sum)) {
            self.said = Some(total::left_out(at));
            return Ok(());
        }
        if let Some(&(v, sum)) = given.iter().find(|(v, sum)| !total::adds_up(*v, *sum)) {
            self.said = Some(total::kept(at, v, sum));
        }
        self.take(&held)
    }

    /// What [`Rows::end`] said of a total row, if anything.
    pub fn said(&mut self) -> Option<Message> {
        self.said.take()
    }

    /// Takes in one row as data.
    fn take(&mut self, row: &impl Record) -> Result<(), DatasetError> {
        self.ordered.see(row.cell(self.plan.label));
        let about = match self.plan.approx {
            Some(c) => super::approx::marks(row, c, self.plan)?,
            None => false,
        };
        if self.keep.is_some() {
            return self.add_ranked(row, about);
        }
        let at = match self.plan.series {
            Some(_) => match self.keys.get(row.cell(self.plan.label)) {
                Some(&at) => at,
                None => {
                    self.keys
                        .insert(row.cell(self.plan.label).to_string(), self.categories.len());
                    self.new_category(row)
                }
            },
            None => self.new_category(row),
        };
        for i in 0..self.plan.values.len() {
            let column = self.plan.values[i];
            let s = self.head(row, column);
            let id = self.categories[at].id;
            if let Some(n) = self.number(row, column, s, id)? {
                self.totals[s] += n.value;
                let cells = &mut self.categories[at].cells;
                if cells.len() <= s {
                    cells.resize(s + 1, None);
                }
                cells[s] = Some(cell(row, column, n, about));
            }
        }
        Ok(())
    }

    /// Takes in a row that is its own category, keeping it only while it is among the N
    /// largest.
    fn add_ranked(&mut self, row: &impl Record, about: bool) -> Result<(), DatasetError> {
        let mut numbers = std::mem::take(&mut self.numbers);
        numbers.clear();
        let id = self.next;
        let mut missing = Vec::new();
        for (s, &column) in self.plan.values.iter().enumerate() {
            let raw = row.cell(column);
            if number::is_missing(raw) {
                self.check_strict(row, column)?;
                missing.push(s);
                numbers.push(None);
                continue;
            }
            let n = self.parse(row, column)?;
            self.totals[s] += n.value;
            numbers.push(Some(n));
        }
        let Some(keep) = self.keep.as_mut() else {
            return Ok(());
        };
        let rank = numbers
            .get(keep.rank)
            .copied()
            .flatten()
            .map_or(f64::NEG_INFINITY, |n| n.value);
        // Ties go to the earlier row, so a later row must be larger to get in.
        if self.categories.len() >= keep.n && rank <= keep.worst {
            for (s, n) in numbers.iter().enumerate() {
                if let Some(n) = n {
                    keep.folded[s].push(Agg::Sum, n.value);
                    keep.approx[s] |= n.approx || about;
                }
            }
            keep.count += 1;
            if keep.first.is_none() {
                let column = self.plan.values.first().map_or(1, |&c| row.column(c));
                keep.first = Some((row.line(), column));
            }
            if !self.watch.idle() {
                self.watch
                    .fold(&crate::text::clean(row.cell(self.plan.shown_label)));
            }
            self.next += 1;
            self.numbers = numbers;
            return Ok(());
        }
        let at = self.new_category(row);
        for (s, n) in numbers.iter().enumerate() {
            let column = self.plan.values[s];
            if let Some(n) = n {
                self.categories[at]
                    .cells
                    .push(Some(cell(row, column, *n, about)));
            } else {
                self.categories[at].cells.push(None);
            }
        }
        for s in missing {
            self.record_missing(row, self.plan.values[s], s, id);
        }
        self.categories[at].rank = rank;
        self.numbers = numbers;
        let n = self.keep.as_ref().map_or(usize::MAX, |k| k.n);
        if self.categories.len() > n {
            self.evict();
        }
        if self.categories.len() >= n {
            let worst = self
                .categories
                .iter()
                .map(|c| c.rank)
                .fold(f64::INFINITY, f64::min);
            if let Some(keep) = self.keep.as_mut() {
                keep.worst = worst;
            }
        }
        Ok(())
    }

    /// Folds the smallest category kept (the latest of equals).
    fn evict(&mut self) {
        let Some(worst) = (0..self.categories.len()).min_by(|&a, &b| {
            let (a, b) = (&self.categories[a], &self.categories[b]);
            a.rank.total_cmp(&b.rank).then(b.id.cmp(&a.id))
        }) else {
            return;
        };
        let gone = self.categories.swap_remove(worst);
        if let Some(keep) = self.keep.as_mut() {
            for (s, c) in gone.cells.iter().enumerate() {
                if let (Some(c), Some(acc)) = (c, keep.folded.get_mut(s)) {
                    acc.push(Agg::Sum, c.value);
                    keep.approx[s] |= c.approx;
                }
            }
            keep.count += 1;
            if keep.first.is_none() {
                keep.first = gone
                    .cells
                    .iter()
                    .flatten()
                    .next()
                    .map(|c| (c.line, c.column));
            }
        }
        self.watch.fold(&gone.label);
    }

    /// A new category from `row`; its index.
    fn new_category(&mut self, row: &impl Record) -> usize {
        let label = crate::text::clean(row.cell(self.plan.shown_label));
        self.categories.push(Category {
            id: self.next,
            label,
            at: (row.line(), row.column(self.plan.shown_label)),
            cells: Vec::new(),
            rank: f64::NEG_INFINITY,
        });
        self.next += 1;
        self.categories.len() - 1
    }

    /// The index of the series that `row`'s cell in value column `column` belongs to: one per
    /// value column, times one per key of the series column, in order of first appearance.
    fn head(&mut self, row: &impl Record, column: usize) -> usize {
        let key = self.plan.series.map_or("", |c| row.cell(c));
        if let Some(s) = self
            .heads
            .iter()
            .position(|h| h.column == column && h.key == key)
        {
            return s;
        }
        let header = labels::period_name(&self.plan.headers[column]);
        let values = self.plan.values.len();
        let named = |group: Option<String>, header: &str| match (group, values) {
            (Some(group), 1) => group,
            (Some(group), _) => format!("{header} · {group}"),
            (None, _) => crate::text::clean(header),
        };
        let shown = self
            .plan
            .shown_series
            .map(|c| crate::text::clean(row.cell(c)));
        let name = named(shown, &header);
        // Keyed by the key column, not its language version: a colour by name finds it.
        let keyed = self.plan.series.map(|c| crate::text::clean(row.cell(c)));
        let id = named(keyed, &self.plan.headers[column]);
        self.heads.push(Head {
            column,
            key: key.to_string(),
            name,
            id,
        });
        self.totals.push(0.0);
        self.heads.len() - 1
    }

    /// The number in `row`'s cell of value column `column` (series `s` of category `id`);
    /// `None` when it says "no data" (noted, or refused with `strict`).
    fn number(
        &mut self,
        row: &impl Record,
        column: usize,
        s: usize,
        id: usize,
    ) -> Result<Option<Number>, DatasetError> {
        if number::is_missing(row.cell(column)) {
            self.check_strict(row, column)?;
            self.record_missing(row, column, s, id);
            return Ok(None);
        }
        self.parse(row, column).map(Some)
    }

    /// Reads a value cell, or the error that points at it.
    fn parse(&mut self, row: &impl Record, column: usize) -> Result<Number, DatasetError> {
        let raw = row.cell(column);
        match number::parse_as(raw, self.plan.mark) {
            Ok(n) => {
                self.percent |= n.percent;
                Ok(n)
            }
            Err(e) => Err(DatasetError::Parse {
                path: self.plan.path.clone(),
                line: row.line(),
                column: row.column(column),
                name: self.plan.headers[column].clone(),
                value: raw.to_string(),
                hint: e.hint(),
            }),
        }
    }

    /// With `strict`, a missing value is an error.
    fn check_strict(&self, row: &impl Record, column: usize) -> Result<(), DatasetError> {
        if self.strict {
            return Err(super::cells::strict_error(
                &self.plan.path,
                &self.missing_at(row, column, 0),
            ));
        }
        Ok(())
    }

    fn record_missing(&mut self, row: &impl Record, column: usize, s: usize, id: usize) {
        let m = self.missing_at(row, column, s);
        self.missing.push((id, m));
    }

    fn missing_at(&self, row: &impl Record, column: usize, s: usize) -> Missing {
        Missing {
            series: s,
            line: row.line(),
            column: row.column(column),
            header: self.plan.headers[column].clone(),
            raw: row.cell(column).to_string(),
        }
    }

    /// The dataset of the categories kept (in file order), and what `top` folded (while
    /// reading, or now for long data).
    pub fn finish(mut self, top: Option<usize>) -> (Dataset, Option<Folded>) {
        self.categories.sort_by_key(|c| c.id);
        if let (None, Some(n)) = (&self.keep, top)
            && self.categories.len() > n
        {
            self.fold_now(n);
        }
        let ordered = self.ordered.ordered();
        let mut labels: Vec<String> = self.categories.iter().map(|c| c.label.clone()).collect();
        if ordered && self.plan.shown_label == self.plan.label {
            labels = labels::shortest(labels);
        }
        let kept: Vec<usize> = self.categories.iter().map(|c| c.id).collect();
        let missing: Vec<Missing> = self
            .missing
            .into_iter()
            .filter(|(id, _)| kept.binary_search(id).is_ok())
            .map(|(_, m)| m)
            .collect();
        let series = self
            .heads
            .iter()
            .enumerate()
            .map(|(s, h)| Series {
                name: h.name.clone(),
                key: h.id.clone(),
                column: self.plan.headers[h.column].clone(),
                cells: self
                    .categories
                    .iter()
                    .map(|c| c.cells.get(s).cloned().flatten())
                    .collect(),
            })
            .collect();
        let folded = self.keep.map(|keep| Folded {
            kept: self.categories.len(),
            total: self.categories.len() + keep.count,
            ranked_by: (self.heads.len() > 1).then(|| self.heads[keep.rank].name.clone()),
            first: keep.first,
            watched: self.watch.folded(),
            accs: keep.folded,
            approx: keep.approx,
            totals: self.totals.clone(),
            agg: Agg::Sum,
            grouped: false,
        });
        let ds = Dataset {
            path: self.plan.path.clone(),
            labels,
            series,
            percent: self.plan.percent_header || self.percent,
            warnings: super::cells::warnings(&self.plan.path, &missing),
            missing,
            ordered,
            series_ordered: false,
        };
        (ds, folded)
    }
}

impl Rows<'_> {
    /// `top N` over the categories of long data: the N largest by the rank series stay, the
    /// rest are folded.
    fn fold_now(&mut self, n: usize) {
        let names: Vec<String> = self.heads.iter().map(|h| h.name.clone()).collect();
        fn cell(c: &Category, s: usize) -> Option<&Cell> {
            c.cells.get(s).and_then(Option::as_ref)
        }
        let rank = labels::rank_series(
            &names,
            |s| {
                self.categories
                    .iter()
                    .filter(|c| cell(c, s).is_some())
                    .count()
            },
            self.categories.len(),
        );
        let kept = super::fold::largest(
            n,
            self.categories
                .iter()
                .map(|c| cell(c, rank).map(|c| c.value)),
        );
        let mut folded = vec![Acc::default(); names.len()];
        let mut approx = vec![false; names.len()];
        let mut count = 0;
        let mut at = 0;
        let mut first = None;
        let watch = &mut self.watch;
        self.categories.retain(|c| {
            let keep = kept.binary_search(&at).is_ok();
            at += 1;
            if !keep {
                count += 1;
                if first.is_none() {
                    first = c.cells.iter().flatten().next().map(|c| (c.line, c.column));
                }
                watch.fold(&c.label);
                for (s, cell) in c.cells.iter().enumerate() {
                    if let (Some(cell), Some(acc)) = (cell, folded.get_mut(s)) {
                        acc.push(Agg::Sum, cell.value);
                        approx[s] |= cell.approx;
                    }
                }
            }
            keep
        });
        self.keep = Some(Keep {
            n,
            rank,
            worst: f64::NEG_INFINITY,
            folded,
            approx,
            count,
            first,
        });
    }
}

/// The cell of `row` in `column`, read as `n`; approximate as written or as the row's
/// `approx` cell says (`about`).
fn cell(row: &impl Record, column: usize, n: Number, about: bool) -> Cell {
    Cell {
        value: n.value,
        line: row.line(),
        column: row.column(column),
        raw: row.cell(column).to_string(),
        approx: n.approx || about,
    }
}
