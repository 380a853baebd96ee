//! `sharechart preview`: the bars of a CSV drawn in the terminal with Unicode blocks, fitted to
//! the terminal's width, coloured unless `NO_COLOR` is set or the output is not a terminal.

use crate::dataset::Dataset;

/// ANSI colours close to the chart palette (blue, orange, green, vermilion, sky, purple, yellow).
const ANSI: [&str; 7] = ["34", "33", "32", "31", "36", "35", "93"];

/// The width to draw at: the terminal's own when standard output is one, else `COLUMNS`.
pub fn terminal_width() -> usize {
    let detected = terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| w.0.into());
    pick_width(detected, std::env::var("COLUMNS").ok().as_deref())
}

/// The width from what was detected: the terminal's width if any, else `columns` (the value of
/// `COLUMNS`) when it is a sane width, else 80. Widths below 20 or above 1000 are not sane: the
/// drawing needs 20 columns, and a huge value would only make huge lines.
pub fn pick_width(detected: Option<usize>, columns: Option<&str>) -> usize {
    const SANE: std::ops::RangeInclusive<usize> = 20..=1000;
    detected
        .filter(|&w| w > 0)
        .or_else(|| {
            columns
                .and_then(|c| c.trim().parse().ok())
                .filter(|c| SANE.contains(c))
        })
        .unwrap_or(80)
}

/// Draws the dataset as text, `width` columns wide.
pub fn render(ds: &Dataset, width: usize, color: bool) -> String {
    let width = width.max(20);
    // Numbers as an English chart of these values writes them ("39.3M", "0.00012%", "−2").
    let en = crate::locale::Locale::of(&crate::options::Lang::en());
    let values: Vec<f64> = ds
        .series
        .iter()
        .flat_map(|s| s.cells.iter().flatten().map(|c| c.value))
        .collect();
    let numbers = crate::locale::number::Numbers::new(
        (en, "en"),
        crate::options::Digits::Latin,
        None,
        &values,
        ds.percent,
        false,
    );
    let value = |v: f64| numbers.value(v);
    let label_w = ds
        .labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let value_w = ds
        .series
        .iter()
        .flat_map(|s| s.cells.iter().flatten())
        .map(|c| value(c.value).chars().count())
        .max()
        .unwrap_or(1);
    let bar_w = width.saturating_sub(label_w + value_w + 4).max(4);
    let max = if ds.percent && ds.max() <= 100.0 {
        100.0
    } else {
        ds.max().max(f64::MIN_POSITIVE)
    };
    let mut out = String::new();
    if ds.series.len() > 1 {
        for (i, s) in ds.series.iter().enumerate() {
            out.push_str(&paint("■", i, color));
            out.push(' ');
            out.push_str(&s.name);
            out.push_str("  ");
        }
        out.push('\n');
    }
    for (i, label) in ds.labels.iter().enumerate() {
        for (si, s) in ds.series.iter().enumerate() {
            let shown = if si == 0 {
                fit(label, label_w)
            } else {
                " ".repeat(label_w)
            };
            out.push_str(&shown);
            out.push_str(" │");
            match &s.cells[i] {
                Some(c) => {
                    let blocks = bar(c.value.max(0.0) / max * bar_w as f64);
                    out.push_str(&paint(&blocks, si, color));
                    out.push(' ');
                    out.push_str(&value(c.value));
                }
                None => out.push_str(" –"),
            }
            out.push('\n');
        }
    }
    out
}

/// `cells` columns of full blocks plus one eighth-block for the remainder.
fn bar(cells: f64) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = (cells * 8.0).round().max(0.0) as usize;
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(EIGHTHS[eighths % 8]);
    }
    s
}

fn paint(s: &str, series: usize, color: bool) -> String {
    if color {
        format!("\x1b[{}m{s}\x1b[0m", ANSI[series % ANSI.len()])
    } else {
        s.to_string()
    }
}

/// Pads or cuts a label to `w` characters.
fn fit(label: &str, w: usize) -> String {
    let n = label.chars().count();
    if n <= w {
        format!("{label}{}", " ".repeat(w - n))
    } else {
        let cut: String = label.chars().take(w.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// Whether to colour: a terminal, and no `NO_COLOR` (any value, as no-color.org says).
pub fn want_color(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds(csv: &str) -> Dataset {
        let t = crate::table::parse("t.csv", csv.as_bytes(), None).expect("csv");
        crate::dataset::build(&t, &crate::options::DataOptions::default(), &[], None)
            .expect("dataset")
    }

    #[test]
    fn bars_fit_the_width_and_scale_to_100_percent() {
        let out = render(&ds("label,share\nDates,76\nWheat,15\n"), 40, false);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.chars().count() <= 40), "{out}");
        assert!(
            lines[0].starts_with("Dates │") && lines[0].ends_with(" 76%"),
            "{out}"
        );
        let blocks = |l: &str| l.chars().filter(|&c| c == '█').count();
        assert!(blocks(lines[0]) > 4 * blocks(lines[1]), "{out}");
        assert!(!out.contains('\x1b'));
    }

    #[test]
    fn colour_only_when_asked() {
        assert!(render(&ds("a,b\nx,1\n"), 40, true).contains("\x1b[34m"));
    }

    #[test]
    fn width_prefers_the_terminal_then_columns_then_80() {
        assert_eq!(pick_width(Some(132), Some("100")), 132);
        assert_eq!(
            pick_width(Some(12), None),
            12,
            "a narrow terminal is still its width"
        );
        assert_eq!(
            pick_width(Some(0), Some("100")),
            100,
            "a zero size is no size"
        );
        assert_eq!(pick_width(None, Some(" 100 ")), 100);
        assert_eq!(pick_width(None, None), 80);
        for bad in ["", "abc", "-5", "19", "1001", "99999999999999999999999"] {
            assert_eq!(pick_width(None, Some(bad)), 80, "{bad:?}");
        }
        assert_eq!(pick_width(None, Some("20")), 20);
        assert_eq!(pick_width(None, Some("1000")), 1000);
    }

    #[test]
    fn eighth_blocks() {
        assert_eq!(bar(2.5), "██▌");
        assert_eq!(bar(0.0), "");
    }
}
