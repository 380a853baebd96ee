//! Labels that are not words: years (`2019`), ISO dates (`2019-03-01`, `2019-03`) and codes
//! (`004`). Years and dates are *ordered*: they keep the order of the file, and dates are written
//! in the shortest form that keeps them apart.

use crate::table::Table;
use crate::table::number::is_missing;

/// Headers of a column of codes that read as numbers but are names.
const CODE_WORDS: [&str; 6] = ["code", "id", "iso", "fips", "hs", "isic"];
/// Headers of a column of times.
const TIME_WORDS: [&str; 6] = ["year", "date", "period", "month", "time", "quarter"];

/// A year: four digits from 1000 to 2999, written without a thousands separator.
pub fn is_year(cell: &str) -> bool {
    let c = cell.trim();
    c.len() == 4 && c.bytes().all(|b| b.is_ascii_digit()) && matches!(c.as_bytes()[0], b'1' | b'2')
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

/// The labels of an ordered column in their shortest distinct form: dates all on 1 January as
/// the year ("2019"), dates all on the first of a month as the month ("2019-03"); years and
/// anything else as written.
pub fn shortest(labels: Vec<String>) -> Vec<String> {
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
    }
}
