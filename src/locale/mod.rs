//! Everything sharechart knows about a language, one [`Locale`] row per language: the words a
//! chart writes itself ("Source:", "Other", "Rest of world", "Percent (%)", "no data"), the
//! alt text's words and `agg`'s subtitles, how numbers are written (decimal mark, thousands
//! separator, where the percent sign goes), the language's own digits, its script and its
//! direction. A language not listed gets English words and numbers, Latin digits, an unknown
//! script and a left-to-right layout (unless its code names a right-to-left script).
//!
//! The number styles are CLDR's standard decimal and percent patterns, checked against CLDR 49
//! (ICU4X 2.4's compiled data). Two simplifications are kept on purpose, so charts stay as
//! they were drawn: every language groups thousands from 1,000 on (CLDR's
//! `minimumGroupingDigits` of 2, in Spanish, Polish, Italian and a few others, writes `1207,5`),
//! and the percent sign of Ukrainian, Kazakh and Kyrgyz is spaced (CLDR 49: `12,9%`), that of
//! Croatian, Lithuanian and Turkmen not (CLDR 49: `12,9 %`).

pub mod number;
pub mod top;

use crate::options::{Agg, Lang};

/// A no-break space.
const NBSP: char = '\u{00A0}';
/// A narrow no-break space (French).
const NNBSP: char = '\u{202F}';

/// Where a language puts the percent sign of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Percent {
    /// "12.9%".
    After,
    /// "12,9 %", with this (no-break) space.
    AfterSpace(char),
    /// "%12,9" (Turkish).
    Before,
}

/// How a language writes a number in Latin digits: its decimal mark, its thousands separator
/// and where its percent sign goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    /// The decimal mark: '.' or ','.
    pub decimal: char,
    /// The thousands separator: ',', '.', a no-break space (U+00A0) or a narrow one (U+202F).
    pub group: char,
    /// The percent sign's place.
    pub percent: Percent,
}

/// The script a language is written in, as far as sharechart tells scripts apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters.
    Latin,
    /// The Arabic script (Arabic, Persian, Urdu, ...).
    Arabic,
    /// Cyrillic.
    Cyrillic,
    /// Bengali-Assamese.
    Bengali,
    /// Another script, or one not known here.
    Unknown,
}

impl Script {
    /// True if `c` is a letter of this script; `None` for an unknown script.
    pub fn has(self, c: char) -> Option<bool> {
        let u = u32::from(c);
        Some(match self {
            Script::Latin => {
                c.is_ascii_alphabetic() || matches!(u, 0x00C0..=0x024F | 0x1E00..=0x1EFF)
            }
            Script::Arabic => {
                matches!(u, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
            }
            Script::Cyrillic => matches!(u, 0x0400..=0x052F),
            Script::Bengali => matches!(u, 0x0980..=0x09FF),
            Script::Unknown => return None,
        })
    }
}

/// The words a chart writes itself, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// Before the source line: "Source: ".
    pub source: &'static str,
    /// The folded categories: "Other".
    pub other: &'static str,
    /// The remainder of a share: "Rest of world".
    pub rest: &'static str,
    /// The unit line of a percentage whose column header is in another script: "Percent (%)".
    pub percent: &'static str,
    /// Where a value is missing: "no data".
    pub no_data: &'static str,
    /// Before an approximate value in words (the alt text): "about" 25%.
    pub about: &'static str,
}

/// The words of the alt text (the kind's noun is the kind's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AltWords {
    /// "Values in %".
    pub percent: &'static str,
    /// "Source", before the source.
    pub source: &'static str,
    /// Between values: ", ".
    pub comma: &'static str,
}

/// The subtitle `agg` writes: what was computed, before the column's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AggWords {
    /// "Count of rows by " (the label column follows).
    pub count: &'static str,
    /// "Sum of ", "Mean of ", "Minimum of ", "Maximum of " (the value column follows).
    pub of: [&'static str; 4],
    /// Quotes around a column named in another script («amount»), so the line reads as one
    /// sentence about that column.
    pub quotes: Option<(&'static str, &'static str)>,
}

/// One language: its codes and everything known about it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Locale {
    /// The primary language subtags this row is for (`fa`, `prs`, `pes`).
    pub codes: &'static [&'static str],
    /// Its own words, if sharechart has them (English otherwise).
    pub own_words: Option<&'static Words>,
    /// The alt text's words.
    pub alt: &'static AltWords,
    /// `agg`'s subtitle.
    pub agg: &'static AggWords,
    /// Numbers in Latin digits.
    pub number: NumberStyle,
    /// The zero of its own digits (`digits = "native"`), if it has digits of its own.
    pub native: Option<u32>,
    /// Its script.
    pub script: Script,
    /// Written right to left.
    pub rtl: bool,
}

mod rows;
use rows::{DEFAULT, ROWS};

/// English words, the fallback.
pub const EN: Words = rows::EN;

/// Script subtags of right-to-left scripts (`az-arab`, `pa-arab`).
const RTL_SCRIPTS: [&str; 9] = [
    "arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr",
];

impl Locale {
    /// The row of `lang` (by its primary subtag), or the default row.
    pub fn of(lang: &Lang) -> &'static Locale {
        let primary = lang.primary();
        ROWS.iter()
            .find(|l| l.codes.contains(&primary))
            .unwrap_or(&DEFAULT)
    }

    /// The row of the chart's language: the one given, else English.
    pub fn of_chart(lang: Option<&Lang>) -> &'static Locale {
        match lang {
            Some(l) => Locale::of(l),
            None => Locale::of(&Lang::en()),
        }
    }

    /// The chart's words: its own, else English.
    pub fn words(&self) -> &'static Words {
        self.own_words.unwrap_or(&EN)
    }

    /// What `top` left out, for the chart's note: "10 largest of 57", with the series the
    /// categories were ranked by ("10 largest of 57 (2022)"). In the row's language when it
    /// has words of its own (a row of one language), else in English.
    pub fn largest(&self, n: usize, total: usize, by: Option<&str>) -> String {
        let code = self.own_words.and(self.codes.first().copied());
        // In Latin digits and the language's grouping ("5,000", "5 000"); the chart's own
        // digits are applied to the whole line, as to any note.
        let count = |v: usize| self.number(v as f64, 0, false, crate::options::Digits::Latin);
        top::largest(code, &count(n), &count(total), by)
    }

    /// What `agg` computed, for the subtitle: "Sum of amount", "Count of rows by region".
    pub fn agg_subtitle(&self, agg: Agg, by: &str, of: &str) -> String {
        let words = self.agg;
        let quoted = |name: &str| match words.quotes {
            Some((open, close)) if self.foreign(name) == Some(true) => {
                format!("{open}{name}{close}")
            }
            _ => name.to_string(),
        };
        match agg {
            Agg::Count => format!("{}{}", words.count, quoted(by)),
            Agg::Sum => format!("{}{}", words.of[0], quoted(of)),
            Agg::Mean => format!("{}{}", words.of[1], quoted(of)),
            Agg::Min => format!("{}{}", words.of[2], quoted(of)),
            Agg::Max => format!("{}{}", words.of[3], quoted(of)),
        }
    }

    /// Whether `text` is written in another script than this language: it has letters and
    /// none of them is in the language's script ("share" for Arabic or Russian); `None` where
    /// the script is not known here.
    pub fn foreign(&self, text: &str) -> Option<bool> {
        let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
        if letters.peek().is_none() {
            return Some(false);
        }
        let mut any = false;
        for c in letters {
            any |= self.script.has(c)?;
        }
        Some(!any)
    }
}

/// True for a language written right to left (a script subtag decides: `az-arab` is,
/// `ku-latn` is not).
pub fn is_rtl(lang: &Lang) -> bool {
    match lang.script() {
        Some(script) => RTL_SCRIPTS.contains(&script),
        None => Locale::of(lang).rtl,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(code: &str) -> &'static Locale {
        Locale::of(&code.parse().expect("code"))
    }

    #[test]
    fn a_text_in_another_script_is_foreign() {
        assert_eq!(l("ar").foreign("share"), Some(true));
        assert_eq!(l("ar").foreign("الحصة share"), Some(false));
        assert_eq!(l("ru").foreign("share, %"), Some(true));
        assert_eq!(l("ru").foreign("Доля"), Some(false));
        assert_eq!(l("fr").foreign("Part du PIB"), Some(false));
        assert_eq!(l("en").foreign("الحصة"), Some(true));
        assert_eq!(l("ar").foreign("%"), Some(false), "no letters");
        assert_eq!(l("bn").foreign("share"), Some(true));
        assert_eq!(l("he").foreign("share"), None, "script not known here");
    }

    #[test]
    fn direction_follows_the_language_and_its_script() {
        for rtl in [
            "ar", "fa", "ur", "ps", "sd", "ckb", "dv", "he", "yi", "az-arab", "pa-arab",
        ] {
            assert!(rtl.parse::<Lang>().is_ok_and(|l| is_rtl(&l)), "{rtl}");
        }
        for ltr in [
            "en", "fr", "tr", "az", "ms", "bn", "ku", "uz-cyrl", "ur-latn", "kk",
        ] {
            assert!(ltr.parse::<Lang>().is_ok_and(|l| !is_rtl(&l)), "{ltr}");
        }
    }

    #[test]
    fn every_code_has_one_row() {
        let mut codes: Vec<&str> = ROWS.iter().flat_map(|r| r.codes.iter().copied()).collect();
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n, "a code in two rows");
    }

    #[test]
    fn a_regional_code_reads_its_language_row() {
        assert_eq!(l("ar-eg"), l("ar"));
        assert_eq!(l("ar-eg").alt.source, "المصدر");
        assert_eq!(l("pt-br").number, l("pt").number);
        assert_eq!(l("xx"), &DEFAULT);
        assert_eq!(l("xx").words(), &EN);
        assert_eq!(l("xx").script.has('a'), None);
    }

    #[test]
    fn agg_subtitles_in_the_chart_language() {
        assert_eq!(
            l("en").agg_subtitle(Agg::Sum, "region", "amount"),
            "Sum of amount"
        );
        assert_eq!(
            l("ar").agg_subtitle(Agg::Sum, "region", "amount"),
            "مجموع «amount»"
        );
        assert_eq!(
            l("ar").agg_subtitle(Agg::Count, "المنطقة", ""),
            "عدد الصفوف حسب المنطقة"
        );
        assert_eq!(l("fr").agg_subtitle(Agg::Max, "r", "v"), "Maximum of v");
    }
}
