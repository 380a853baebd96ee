//! The words a map writes itself, per language: its class labels ("under 10%", "50% and
//! over") and the headings of its description. "no data", "Source:" and the number styles
//! are the locale's, shared with every kind.
//!
//! Languages without a row here write the open classes with signs ("< 10%", "≥ 50%"), which
//! read the same in every language, rather than English words on a chart in another.

/// A map's words in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapWords {
    /// The language subtags this row is for.
    pub codes: &'static [&'static str],
    /// The lowest class, `{}` the first break: "under {}".
    pub under: &'static str,
    /// The highest class, `{}` the last break: "{} and over".
    pub over: &'static str,
    /// Before the countries of a map without values: "Countries".
    pub countries: &'static str,
    /// Before the highlighted ones: "Highlighted".
    pub highlighted: &'static str,
    /// After a class or a heading in the description: ": ".
    pub colon: &'static str,
    /// Between the classes of the description: "; ".
    pub semicolon: &'static str,
}

const ROWS: [MapWords; 6] = [
    MapWords {
        codes: &["en"],
        under: "under {}",
        over: "{} and over",
        countries: "Countries",
        highlighted: "Highlighted",
        colon: ": ",
        semicolon: "; ",
    },
    MapWords {
        codes: &["ar"],
        under: "أقل من {}",
        over: "{} فأكثر",
        countries: "الدول",
        highlighted: "الدول المُبرَزة",
        colon: ": ",
        semicolon: "؛ ",
    },
    MapWords {
        codes: &["fr"],
        under: "moins de {}",
        over: "{} et plus",
        countries: "Pays",
        highlighted: "En évidence",
        colon: " : ",
        semicolon: " ; ",
    },
    MapWords {
        codes: &["fa", "prs", "pes"],
        under: "کمتر از {}",
        over: "{} و بیشتر",
        countries: "کشورها",
        highlighted: "برجسته",
        colon: ": ",
        semicolon: "؛ ",
    },
    MapWords {
        codes: &["ru"],
        under: "менее {}",
        over: "{} и более",
        countries: "Страны",
        highlighted: "Выделены",
        colon: ": ",
        semicolon: "; ",
    },
    MapWords {
        codes: &["id", "ms"],
        under: "di bawah {}",
        over: "{} ke atas",
        countries: "Negara",
        highlighted: "Disorot",
        colon: ": ",
        semicolon: "; ",
    },
];

/// Signs for the open classes, and English headings, for the other languages.
const SIGNS: MapWords = MapWords {
    codes: &[],
    under: "< {}",
    over: "≥ {}",
    countries: "Countries",
    highlighted: "Highlighted",
    colon: ": ",
        semicolon: "; ",
};

/// The words of a chart in `lang` (a primary subtag, `en` without a language).
pub fn of(lang: &str) -> &'static MapWords {
    ROWS.iter()
        .find(|w| w.codes.contains(&lang))
        .unwrap_or(&SIGNS)
}

impl MapWords {
    /// "under 10%".
    pub fn under(&self, n: &str, on_chart: bool) -> String {
        self.under.replacen("{}", &self.number(n, on_chart), 1)
    }

    /// "50% and over".
    pub fn over(&self, n: &str, on_chart: bool) -> String {
        self.over.replacen("{}", &self.number(n, on_chart), 1)
    }

    /// A number in Latin digits among right-to-left words, isolated left to right on the
    /// chart: after Arabic letters the bidi algorithm makes "10%" an Arabic number and puts its
    /// sign on the left ("أقل من %10"), while the legend's "10–20%" and "50% فأكثر" keep it on
    /// the right. Arabic-Indic digits ("١٠٪") read the same either way and stay as they are.
    fn number(&self, n: &str, on_chart: bool) -> String {
        let rtl = crate::text::has_rtl(self.under);
        if on_chart && rtl && n.is_ascii() {
            format!("\u{2066}{n}\u{2069}")
        } else {
            n.to_string()
        }
    }
}
