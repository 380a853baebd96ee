//! A total row at the end of a table ("Total", «المجموع», "Итого"), as spreadsheets and
//! statistical offices write one: drawn, it would be a bar as long as all the others together
//! (or a pie's shares would add up to twice the whole). When its values are the sums of the
//! rows above, it is left out and the user is told; when they are not, it is data, drawn as
//! a category, and the user is told that too.

use super::sink::Record;
use crate::options::Message;
use crate::table::Row;

/// The words a total row is labelled with, lower case, in the languages sharechart writes
/// (and a few more spreadsheet spellings).
const WORDS: &[&str] = &[
    "total",
    "totals",
    "grand total",
    "sum",
    "all",
    "overall",
    "total général",
    "ensemble",
    "somme",
    "المجموع",
    "مجموع",
    "الإجمالي",
    "الاجمالي",
    "إجمالي",
    "اجمالي",
    "المجموع الكلي",
    "جمع کل",
    "جمع",
    "مجموعه",
    "کل",
    "کُل",
    "মোট",
    "toplam",
    "genel toplam",
    "итого",
    "всего",
    "сумма",
    "jumlah",
    "jami",
    "jemi",
    "cəmi",
    "барлығы",
    "жиыны",
    "бардыгы",
    "жалпы",
    "ҳамагӣ",
    "ҷамъ",
    "ټول",
    "gjithsej",
    "totali",
    "wadar",
    "jimilla",
    "jumla",
];

/// True for a label that names a total row ("Total", "TOTAL:", «المجموع»).
pub fn is_total(label: &str) -> bool {
    let label = label
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_lowercase();
    WORDS.contains(&label.as_str())
}

/// The row, owned, `width` cells wide, so that it can be taken in later.
pub fn owned(row: &impl Record, width: usize) -> Row {
    Row {
        line: row.line(),
        cells: (0..width).map(|c| row.cell(c).to_string()).collect(),
        columns: (0..width).map(|c| row.column(c)).collect(),
    }
}

/// True when `value` is `sum` as a table rounds it: within half a percent (shares of 33.3%
/// three times are a total of 100%).
pub fn adds_up(value: f64, sum: f64) -> bool {
    (value - sum).abs() <= 0.005 * value.abs().max(sum.abs()) + 1e-9
}

/// "left out the total row": `at` is the file, the row's line and its label.
pub fn left_out((path, line, label): (&str, u64, &str)) -> Message {
    Message::new().text(format!(
        "{path}:{line}: left out the row {label:?}: its values are the sums of the rows above, and drawn it would double the whole"
    ))
}

/// "drawn as a category": the total row's value `value` is not the sum `sum` of the others.
pub fn kept((path, line, label): (&str, u64, &str), value: f64, sum: f64) -> Message {
    // The sum as a person would write it: no 0.30000000000000004 from adding 0.1 and 0.2.
    let sum = (sum * 1e6).round() / 1e6;
    Message::new().text(format!(
        "{path}:{line}: the row {label:?} is drawn as a category: its value {value} is not the sum of the rows above ({sum}); if it is a total, leave it out of the file"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn total_words_in_several_languages_and_cases() {
        for w in [
            "Total",
            "TOTAL:",
            " total ",
            "Grand total",
            "المجموع",
            "Итого",
            "Jumlah",
        ] {
            assert!(is_total(w), "{w}");
        }
        for w in ["Totality", "Egypt", "Total exports", ""] {
            assert!(!is_total(w), "{w}");
        }
    }

    #[test]
    fn a_total_adds_up_within_its_rounding() {
        assert!(adds_up(200.0, 200.0));
        assert!(adds_up(100.0, 99.9));
        assert!(!adds_up(200.0, 190.0));
        assert!(!adds_up(0.0, 5.0));
    }
}
