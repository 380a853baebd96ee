//! From a [`Table`] and a [`Columns`] choice to the numbers a chart draws: which column gives the
//! labels (in the chosen language), which give the values, and how long data splits into series.
//!
//! Zero configuration: the first text column gives the labels; every numeric column is a series.
//! Long ("tidy") data, where a label repeats once per series (Oil/Production, Oil/Reserves), is
//! pivoted on the text column that tells the repeats apart, so it draws as grouped bars.

use crate::data::Table;
use crate::error::DataError;
use crate::number::{self, NumberError};
use crate::spec::{Columns, Lang, Sort, Voice};

/// A value with the place it came from, for error messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The number.
    pub value: f64,
    /// 1-based line.
    pub line: u64,
    /// 1-based column.
    pub column: usize,
    /// The text as written.
    pub raw: String,
}

/// One series: a legend entry and one optional value per category.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Name shown in the legend.
    pub name: String,
    /// Header of the value column it came from.
    pub column: String,
    /// One entry per category; `None` where long data has no row for that pair.
    pub cells: Vec<Option<Cell>>,
}

/// The numbers of one chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The CSV as shown in messages.
    pub path: String,
    /// Category labels, cleaned.
    pub labels: Vec<String>,
    /// Series, in column order (or order of first appearance in long data).
    pub series: Vec<Series>,
    /// True when the values are percentages.
    pub percent: bool,
}

impl Dataset {
    /// Values of one series, missing ones as `None`.
    pub fn values(&self, series: usize) -> impl Iterator<Item = Option<f64>> + '_ {
        self.series[series]
            .cells
            .iter()
            .map(|c| c.as_ref().map(|c| c.value))
    }

    /// Largest value over all series (0 when there is none).
    pub fn max(&self) -> f64 {
        self.all_values().fold(0.0, f64::max)
    }

    /// Smallest value over all series (0 when there is none).
    pub fn min(&self) -> f64 {
        self.all_values().fold(0.0, f64::min)
    }

    fn all_values(&self) -> impl Iterator<Item = f64> + '_ {
        self.series
            .iter()
            .flat_map(|s| s.cells.iter().flatten().map(|c| c.value))
    }

    /// Decimals needed to show every value as written.
    pub fn decimals(&self) -> usize {
        number::decimals_needed(&self.all_values().collect::<Vec<_>>())
    }
}

/// Words in a header that mark a column of percentages.
const PERCENT_WORDS: [&str; 6] = ["share", "percent", "pct", "%", "٪", "نسبة"];
/// Headers that name a column of values.
const VALUE_WORDS: [&str; 6] = ["value", "values", "count", "amount", "total", "number"];
/// Text columns that are never labels nor series keys.
const NOTE_WORDS: [&str; 5] = ["note", "notes", "comment", "comments", "source"];

fn is_note(name: &str) -> bool {
    let base = base_name(name).to_ascii_lowercase();
    NOTE_WORDS.contains(&base.as_str())
}

/// The header without an Arabic suffix: `label_ar` -> `label`.
fn base_name(name: &str) -> &str {
    ["_ar", "-ar", " (ar)", " ar"]
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .unwrap_or(name)
}

fn is_arabic_variant(name: &str) -> bool {
    base_name(name) != name
}

/// The Arabic twin of a column, if the table has one.
fn arabic_twin(table: &Table, col: usize) -> Option<usize> {
    let name = &table.headers[col];
    ["_ar", "-ar", " (ar)", " ar"]
        .iter()
        .find_map(|s| table.column(&format!("{name}{s}")))
}

/// True if most non-empty cells of the column read as numbers.
fn looks_numeric(table: &Table, col: usize) -> bool {
    let (mut ok, mut filled) = (0usize, 0usize);
    for row in &table.rows {
        let cell = &row.cells[col];
        if cell.is_empty() {
            continue;
        }
        filled += 1;
        // Numbers that cannot be drawn (NaN, infinity, past 10^15) still make a column of
        // numbers: the error then points at the cell instead of "no column holds numbers".
        if matches!(
            number::parse(cell),
            Ok(_) | Err(NumberError::NotFinite | NumberError::TooLarge)
        ) {
            ok += 1;
        }
    }
    ok > 0 && ok * 2 > filled
}

fn find(
    table: &Table,
    name: &str,
    key: &'static str,
    columns: &Columns,
) -> Result<usize, DataError> {
    table.column(name).ok_or_else(|| DataError::MissingColumn {
        path: table.path.clone(),
        name: name.to_string(),
        key,
        voice: columns.voice,
        available: table.header_list(),
    })
}

fn parse_cell(
    table: &Table,
    row: usize,
    col: usize,
    voice: Voice,
) -> Result<(Cell, bool), DataError> {
    let r = &table.rows[row];
    let raw = &r.cells[col];
    match number::parse(raw) {
        Ok(n) => Ok((
            Cell {
                value: n.value,
                line: r.line,
                column: r.columns[col],
                raw: raw.clone(),
            },
            n.percent,
        )),
        Err(e) => Err(DataError::Parse {
            path: table.path.clone(),
            line: r.line,
            column: r.columns[col],
            name: table.headers[col].clone(),
            value: raw.clone(),
            hint: e.hint(voice),
        }),
    }
}

/// The dataset of a chart with these options.
pub fn for_chart(table: &Table, options: &crate::spec::ChartOptions) -> Result<Dataset, DataError> {
    let c = options.common();
    build(table, &c.columns, &c.legend, options.sort())
}

/// Builds the dataset a chart draws: the columns chosen, series named by `legend` (in order),
/// categories sorted if asked.
pub fn build(
    table: &Table,
    spec: &Columns,
    legend: &[String],
    order: Option<Sort>,
) -> Result<Dataset, DataError> {
    let numeric: Vec<bool> = (0..table.headers.len())
        .map(|c| looks_numeric(table, c))
        .collect();

    // Label column: named, or the first text column that is not an Arabic twin or a note.
    let label_col = match &spec.label {
        Some(name) => find(table, name, "label", spec)?,
        None => (0..table.headers.len())
            .find(|&c| {
                !numeric[c] && !is_arabic_variant(&table.headers[c]) && !is_note(&table.headers[c])
            })
            .or_else(|| (0..table.headers.len()).find(|&c| !numeric[c]))
            .ok_or_else(|| DataError::NoLabel {
                path: table.path.clone(),
                voice: spec.voice,
                available: table.header_list(),
            })?,
    };
    let shown_label_col = match spec.lang {
        Lang::Ar => arabic_twin(table, label_col).unwrap_or(label_col),
        Lang::En => label_col,
    };

    // Series column for long data.
    let series_col = match &spec.series {
        Some(name) => Some(find(table, name, "series", spec)?),
        None => detect_series(table, label_col, &numeric),
    };
    let shown_series_col = series_col.map(|c| match spec.lang {
        Lang::Ar => arabic_twin(table, c).unwrap_or(c),
        Lang::En => c,
    });

    // Value columns.
    let value_cols: Vec<usize> = if spec.value.is_empty() {
        (0..table.headers.len())
            .filter(|&c| numeric[c] && c != label_col && Some(c) != series_col)
            .collect()
    } else {
        spec.value
            .iter()
            .map(|v| find(table, v, "value", spec))
            .collect::<Result<_, _>>()?
    };
    if value_cols.is_empty() {
        // A column whose header says it holds values, but none of whose cells reads as a
        // number (a typo in a one-row file): point at the bad cell, not at the whole file.
        let named = (0..table.headers.len()).find(|&c| {
            let h = table.headers[c].to_lowercase();
            c != label_col
                && (PERCENT_WORDS.iter().any(|w| h.contains(w))
                    || VALUE_WORDS.iter().any(|w| h == *w))
        });
        if let Some(c) = named {
            for r in 0..table.rows.len() {
                parse_cell(table, r, c, spec.voice)?;
            }
        }
        return Err(DataError::NoNumeric {
            path: table.path.clone(),
            voice: spec.voice,
            available: table.header_list(),
        });
    }

    let mut percent = value_cols.iter().any(|&c| {
        let h = table.headers[c].to_lowercase();
        PERCENT_WORDS.iter().any(|w| h.contains(w))
    });

    // Categories in order of first appearance (every row when not pivoting: duplicates stay).
    let mut labels: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut row_category = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let key = &row.cells[label_col];
        let idx = match series_col {
            Some(_) => keys.iter().position(|k| k == key),
            None => None,
        };
        let idx = idx.unwrap_or_else(|| {
            keys.push(key.clone());
            labels.push(crate::text::clean(&row.cells[shown_label_col]));
            keys.len() - 1
        });
        row_category.push(idx);
    }

    // Series: one per value column, times one per distinct series key.
    let mut series: Vec<Series> = Vec::new();
    let mut series_keys: Vec<(usize, String)> = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        for &vc in &value_cols {
            let skey = series_col.map_or(String::new(), |c| row.cells[c].clone());
            let s = match series_keys.iter().position(|(c, k)| *c == vc && *k == skey) {
                Some(s) => s,
                None => {
                    let shown = shown_series_col.map(|c| crate::text::clean(&row.cells[c]));
                    let name = match (shown, value_cols.len()) {
                        (Some(group), 1) => group,
                        (Some(group), _) => format!("{} · {group}", table.headers[vc]),
                        (None, _) => crate::text::clean(&table.headers[vc]),
                    };
                    series_keys.push((vc, skey));
                    series.push(Series {
                        name,
                        column: table.headers[vc].clone(),
                        cells: vec![None; labels.len()],
                    });
                    series.len() - 1
                }
            };
            let (cell, pct) = parse_cell(table, r, vc, spec.voice)?;
            percent |= pct;
            series[s].cells[row_category[r]] = Some(cell);
        }
    }

    let mut ds = Dataset {
        path: table.path.clone(),
        labels,
        series,
        percent,
    };
    for (s, name) in ds.series.iter_mut().zip(legend) {
        s.name = crate::text::clean(name);
    }
    if let Some(order) = order {
        sort(&mut ds, order);
    }
    Ok(ds)
}

/// Long data: labels repeat, and another text column tells each repeat apart.
fn detect_series(table: &Table, label_col: usize, numeric: &[bool]) -> Option<usize> {
    let labels: Vec<&str> = table
        .rows
        .iter()
        .map(|r| r.cells[label_col].as_str())
        .collect();
    let mut sorted = labels.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() == labels.len() {
        return None;
    }
    (0..table.headers.len()).find(|&c| {
        if c == label_col
            || numeric[c]
            || is_arabic_variant(&table.headers[c])
            || is_note(&table.headers[c])
        {
            return false;
        }
        let mut pairs: Vec<(&str, &str)> = table
            .rows
            .iter()
            .map(|r| (r.cells[label_col].as_str(), r.cells[c].as_str()))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs.len() == table.rows.len()
    })
}

/// Sorts categories by the first series (missing values last).
fn sort(ds: &mut Dataset, order: Sort) {
    let key: Vec<f64> = ds
        .values(0)
        .map(|v| v.unwrap_or(f64::NEG_INFINITY))
        .collect();
    let mut idx: Vec<usize> = (0..ds.labels.len()).collect();
    idx.sort_by(|&a, &b| {
        let o = key[a].total_cmp(&key[b]);
        match order {
            Sort::Asc => o,
            Sort::Desc => o.reverse(),
        }
    });
    ds.labels = idx.iter().map(|&i| ds.labels[i].clone()).collect();
    for s in &mut ds.series {
        s.cells = idx.iter().map(|&i| s.cells[i].clone()).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::parse;

    fn ds(csv: &str, spec: &Columns) -> Result<Dataset, DataError> {
        build(&parse("t.csv", csv.as_bytes(), None)?, spec, &[], None)
    }

    #[test]
    fn zero_config_picks_first_text_and_numeric_columns() {
        let d = ds(
            "label,label_ar,share\nDates,التمور,76\nRubber,المطاط,80\n",
            &Columns::default(),
        )
        .expect("valid");
        assert_eq!(d.labels, vec!["Dates", "Rubber"]);
        assert_eq!(d.series.len(), 1);
        assert!(d.percent);
        let ar = Columns {
            lang: Lang::Ar,
            ..Columns::default()
        };
        let d = ds("label,label_ar,share\nDates,التمور,76\n", &ar).expect("valid");
        assert_eq!(d.labels, vec!["التمور"]);
        // "label ar" (a space, as spreadsheets export) is the Arabic twin too.
        let d = ds("label,label ar,share\nDates,التمور,76\n", &ar).expect("valid");
        assert_eq!(d.labels, vec!["التمور"]);
    }

    #[test]
    fn long_data_is_pivoted_into_series() {
        let csv = "label,basis,share\nOil,Production,43\nOil,Reserves,69\nGas,Production,8\nGas,Reserves,57\n";
        let d = ds(csv, &Columns::default()).expect("valid");
        assert_eq!(d.labels, vec!["Oil", "Gas"]);
        let names: Vec<_> = d.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["Production", "Reserves"]);
        assert_eq!(
            d.values(1).collect::<Vec<_>>(),
            vec![Some(69.0), Some(57.0)]
        );
    }

    #[test]
    fn duplicate_labels_without_a_key_stay_separate() {
        let d = ds("label,v\nA,1\nA,2\n", &Columns::default()).expect("valid");
        assert_eq!(d.labels, vec!["A", "A"]);
    }

    #[test]
    fn percent_from_cells_and_sorting() {
        let t = parse("t.csv", b"name,value\nA,10%\nB,30%\n", None).expect("csv");
        let d = build(&t, &Columns::default(), &[], Some(Sort::Desc)).expect("valid");
        assert!(d.percent);
        assert_eq!(d.labels, vec!["B", "A"]);
    }

    #[test]
    fn errors_name_the_place() {
        let e = ds("label,share\nA,1\nB,4x3\nC,2\n", &Columns::default())
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("t.csv:3:3: column 'share': cannot read \"4x3\" as a number"),
            "{e}"
        );
        let spec = Columns {
            value: vec!["nope".into()],
            ..Columns::default()
        };
        let e = ds("label,share\nA,1\n", &spec).unwrap_err().to_string();
        assert!(
            e.contains("no column named 'nope' (asked for by --value)"),
            "{e}"
        );
        assert!(e.contains("the columns are: label, share"), "{e}");
        let e = ds("label,share\nA,7?\n", &Columns::default())
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("t.csv:2:3: column 'share': cannot read \"7?\" as a number"),
            "{e}"
        );
        let e = ds("label,note\nA,x\n", &Columns::default()).unwrap_err();
        assert!(matches!(e, DataError::NoNumeric { .. }));
        let e = ds("a,b\n1,2\n", &Columns::default()).unwrap_err();
        assert!(matches!(e, DataError::NoLabel { .. }));
    }
}
