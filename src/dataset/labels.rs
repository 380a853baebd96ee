//! Labels that are not words: years (`2019`, also written `1950.0` or, in World Bank DataBank
//! headers, `2009 [YR2009]`), ISO dates (`2019-03-01`, `2019-03`) and codes (`004`). Years and
//! dates are *ordered*: they keep the order of the file, years are written as years and dates
//! in the shortest form that keeps them apart.

use crate::table::Table;
use crate::table::number::is_missing;

/// Headers of a column of codes that read as numbers but are names.
const CODE_WORDS: [&str; 6] = ["code", "id", "iso", "fips", "hs", "isic"];
/// Headers of a column of times.
const TIME_WORDS: [&str; 6] = ["year", "date", "period", "month", "time", "quarter"];

/// A year: four digits from 1000 to 2999, written without a thousands separator (`1950.0`
/// and `2009 [YR2009]` too: [`crate::table::year_of`]).
pub fn is_year(cell: &str) -> bool {
    crate::table::year_of(cell).is_some()
}

/// True for an ISO date, `YYYY-MM-DD` or `YYYY-MM`.
pub fn is_date(cell: &str) -> bool {
    iso_date(cell).is_some()
}

/// A header as a series is named: a year as the year (`2009 [YR2009]` is 2009), anything
/// else as written.
pub fn period_name(header: &str) -> String {
    match crate::table::year_of(header) {
        Some(y) => y.to_string(),
        None => header.to_string(),
    }
}

/// Of periods `years` (in column order), the one to rank by: the latest that at least half
/// of the `rows` fill (`filled[i]` of them), else the one the most fill (the latest of
/// equals). An index into `years`.
pub fn latest(years: &[u16], filled: &[usize], rows: usize) -> usize {
    let by_year = |a: &usize, b: &usize| years[*a].cmp(&years[*b]);
    let most = (0..years.len())
        .filter(|&i| filled[i] * 2 >= rows && filled[i] > 0)
        .max_by(by_year);
    most.or_else(|| (0..years.len()).max_by(|a, b| filled[*a].cmp(&filled[*b]).then(by_year(a, b))))
        .unwrap_or(0)
}

/// The series to rank categories by for `top`: the latest period when the series are
/// periods ([`latest`]; `filled(s)` is how many of the `rows` series `s` fills), else the
/// first.
pub fn rank_series(names: &[String], filled: impl Fn(usize) -> usize, rows: usize) -> usize {
    if names.len() < 2 {
        return 0;
    }
    let years: Option<Vec<u16>> = names.iter().map(|n| crate::table::year_of(n)).collect();
    match years {
        Some(years) => {
            let filled: Vec<usize> = (0..names.len()).map(filled).collect();
            latest(&years, &filled, rows)
        }
        None => 0,
    }
}

/// An ISO date, `YYYY-MM-DD` or `YYYY-MM`: `(year, month, day)`, the day 1 when not given.
fn iso_date(cell: &str) -> Option<(u32, u32, u32)> {
    let mut parts = cell.trim().split('-');
    let y = parts.next().filter(|y| is_year(y))?;
    let m = parts.next().filter(|m| m.len() == 2)?;
    let d = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let month: u32 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    let day: u32 = match d {
        Some(d) if d.len() == 2 => d.parse().ok().filter(|d| (1..=31).contains(d))?,
        Some(_) => return None,
        None => 1,
    };
    Some((y.parse().ok()?, month, day))
}

/// True when `name` is a year or an ISO date (a series or label that has an order).
pub fn is_ordered(name: &str) -> bool {
    is_year(name) || iso_date(name).is_some()
}

/// The cells of a column that hold something.
fn filled(table: &Table, col: usize) -> impl Iterator<Item = &str> {
    table
        .rows
        .iter()
        .map(move |r| r.cells[col].as_str())
        .filter(|c| !is_missing(c))
}

/// True when the column's cells are all one text (and there are two rows or more): a column
/// that tells no row apart (`country` in a table of one country) is not a label column.
pub fn is_constant(table: &Table, col: usize) -> bool {
    let mut cells = table.rows.iter().map(|r| r.cells[col].as_str());
    let Some(first) = cells.next() else {
        return false;
    };
    table.rows.len() > 1 && cells.all(|c| c == first)
}

/// True when every filled cell of the column is a year, or every one an ISO date.
pub fn is_ordered_column(table: &Table, col: usize) -> bool {
    let mut cells = filled(table, col).peekable();
    cells.peek().is_some()
        && (filled(table, col).all(is_year) || cells.all(|c| iso_date(c).is_some()))
}

/// True when the cells of the column are all filled and all different.
pub fn is_distinct(table: &Table, col: usize) -> bool {
    let mut cells: Vec<&str> = table.rows.iter().map(|r| r.cells[col].as_str()).collect();
    if cells.iter().any(|c| is_missing(c)) {
        return false;
    }
    cells.sort_unstable();
    let n = cells.len();
    cells.dedup();
    cells.len() == n
}

/// A column of codes that read as numbers: distinct whole numbers, written with a leading zero
/// somewhere (`004`) or under a header that names codes (`code`, `iso`, `id`).
pub fn is_code_column(table: &Table, col: usize) -> bool {
    let header = table.headers[col].to_lowercase();
    let named = header
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CODE_WORDS.contains(&w));
    let whole = table
        .rows
        .iter()
        .all(|r| !r.cells[col].is_empty() && r.cells[col].bytes().all(|b| b.is_ascii_digit()));
    let zero = table
        .rows
        .iter()
        .any(|r| r.cells[col].len() > 1 && r.cells[col].starts_with('0'));
    whole && (named || zero) && is_distinct(table, col)
}

/// True when a header names a time (`year`, `date`, ...): such a column of years is not a value.
pub fn names_a_time(header: &str) -> bool {
    let h = header.to_lowercase();
    TIME_WORDS.iter().any(|w| h.contains(w))
}

/// The labels of an ordered column in their shortest distinct form: years as years ("1950.0"
/// is "1950"), dates all on 1 January as the year ("2019"), dates all on the first of a month
/// as the month ("2019-03"); anything else as written.
pub fn shortest(labels: Vec<String>) -> Vec<String> {
    if labels.iter().all(|l| is_year(l)) {
        return labels.iter().map(|l| period_name(l)).collect();
    }
    let dates: Option<Vec<(u32, u32, u32)>> = labels.iter().map(|l| iso_date(l)).collect();
    let Some(dates) = dates else {
        return labels;
    };
    if dates.iter().all(|&(_, m, d)| m == 1 && d == 1) {
        dates.iter().map(|(y, _, _)| y.to_string()).collect()
    } else if dates.iter().all(|&(_, _, d)| d == 1) {
        dates
            .iter()
            .map(|(y, m, _)| format!("{y}-{m:02}"))
            .collect()
    } else {
        dates
            .iter()
            .map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_dates() {
        assert!(is_year("2019") && is_year("1000") && is_year("2999"));
        assert!(!is_year("3000") && !is_year("999") && !is_year("2,019") && !is_year("2019.5"));
        assert!(is_year("1950.0") && is_year("2009 [YR2009]") && !is_year("2009 [YR2010]"));
        assert_eq!(period_name("2009 [YR2009]"), "2009");
        assert_eq!(period_name("Population"), "Population");
        assert_eq!(iso_date("2019-03-01"), Some((2019, 3, 1)));
        assert_eq!(iso_date("2019-03"), Some((2019, 3, 1)));
        assert_eq!(iso_date("2019-13"), None);
        assert_eq!(iso_date("2019-3-1"), None);
        assert!(is_ordered("2019-03") && !is_ordered("Oil"));
    }

    #[test]
    fn dates_are_written_as_short_as_they_stay_apart() {
        let s = |v: &[&str]| shortest(v.iter().map(|x| x.to_string()).collect());
        assert_eq!(s(&["2001-01-01", "2002-01-01"]), vec!["2001", "2002"]);
        assert_eq!(s(&["2019-03-01", "2019-04-01"]), vec!["2019-03", "2019-04"]);
        assert_eq!(s(&["2019-03", "2019-04"]), vec!["2019-03", "2019-04"]);
        assert_eq!(
            s(&["2019-03-01", "2019-03-15"]),
            vec!["2019-03-01", "2019-03-15"]
        );
        assert_eq!(s(&["2019", "2020"]), vec!["2019", "2020"]);
        assert_eq!(s(&["Oil", "2020"]), vec!["Oil", "2020"]);
        assert_eq!(s(&["1950.0", "1951.0"]), vec!["1950", "1951"]);
    }

    #[test]
    fn the_latest_period_most_rows_fill_ranks() {
        // 2023 is filled by 1 row of 10: 2022 ranks.
        assert_eq!(latest(&[2020, 2021, 2022, 2023], &[10, 10, 9, 1], 10), 2);
        // Columns in any order: the latest year, not the last column.
        assert_eq!(latest(&[2023, 2022], &[10, 10], 10), 0);
        // None filled by half: the most filled.
        assert_eq!(latest(&[2020, 2021], &[3, 2], 10), 0);
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            rank_series(&names(&["Production", "Reserves"]), |_| 5, 5),
            0
        );
        assert_eq!(rank_series(&names(&["1964", "2013"]), |_| 5, 5), 1);
    }
}
