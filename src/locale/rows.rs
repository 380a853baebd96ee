//! The rows of the locale table: one per language (or per group of languages that sharechart
//! treats alike, such as the Arabic vernaculars). A new language is one row here.

use super::Percent::{After, AfterSpace, Before};
use super::Script::{Arabic, Bengali, Cyrillic, Latin, Unknown};
use super::{AggWords, AltWords, Locale, NBSP, NNBSP, NumberStyle, Percent, Script, Words};

/// English words.
pub const EN: Words = Words {
    source: "Source: ",
    other: "Other",
    rest: "Rest of world",
    percent: "Percent (%)",
    no_data: "no data",
    about: "about",
};
const AR: Words = Words {
    source: "المصدر: ",
    other: "أخرى",
    rest: "بقية العالم",
    percent: "النسبة المئوية (%)",
    no_data: "لا بيانات",
    about: "حوالي",
};
const FA: Words = Words {
    source: "منبع: ",
    other: "سایر",
    rest: "بقیه جهان",
    percent: "درصد (%)",
    no_data: "بدون داده",
    about: "حدود",
};
const UR: Words = Words {
    source: "ماخذ: ",
    other: "دیگر",
    rest: "باقی دنیا",
    percent: "فیصد (%)",
    no_data: "کوئی ڈیٹا نہیں",
    about: "تقریباً",
};
const FR: Words = Words {
    source: "Source\u{202F}: ",
    other: "Autres",
    rest: "Reste du monde",
    percent: "Pourcentage (%)",
    no_data: "pas de données",
    about: "environ",
};
const TR: Words = Words {
    source: "Kaynak: ",
    other: "Diğer",
    rest: "Dünyanın geri kalanı",
    percent: "Yüzde (%)",
    no_data: "veri yok",
    about: "yaklaşık",
};
const RU: Words = Words {
    source: "Источник: ",
    other: "Другие",
    rest: "Остальной мир",
    percent: "Процент (%)",
    no_data: "нет данных",
    about: "около",
};
const BN: Words = Words {
    source: "উৎস: ",
    other: "অন্যান্য",
    rest: "বিশ্বের বাকি অংশ",
    percent: "শতাংশ (%)",
    no_data: "তথ্য নেই",
    about: "প্রায়",
};

const EN_ALT: AltWords = AltWords {
    percent: "Values in %",
    source: "Source",
    comma: ", ",
};
const AR_ALT: AltWords = AltWords {
    percent: "القيم بالنسبة المئوية (%)",
    source: "المصدر",
    comma: "، ",
};

const EN_AGG: AggWords = AggWords {
    count: "Count of rows by ",
    of: ["Sum of ", "Mean of ", "Minimum of ", "Maximum of "],
    quotes: None,
};
const AR_AGG: AggWords = AggWords {
    count: "عدد الصفوف حسب ",
    of: ["مجموع ", "متوسط ", "أدنى ", "أعلى "],
    quotes: Some(("«", "»")),
};

/// 1,207.5 and 12.9%.
const POINT: NumberStyle = style('.', ',', After);
/// 1.207,5 and 12,9 %.
const COMMA_DOT_SPACED: NumberStyle = style(',', '.', AfterSpace(NBSP));
/// 1 207,5 and 12,9 %.
const COMMA_SPACE_SPACED: NumberStyle = style(',', NBSP, AfterSpace(NBSP));
/// 1.207,5 and 12,9%.
const COMMA_DOT: NumberStyle = style(',', '.', After);
/// 1 207,5 and 12,9%.
const COMMA_SPACE: NumberStyle = style(',', NBSP, After);

const fn style(decimal: char, group: char, percent: Percent) -> NumberStyle {
    NumberStyle {
        decimal,
        group,
        percent,
    }
}

/// A row with English words, alt text and subtitles, before what sets it apart.
const fn row(codes: &'static [&'static str], script: Script) -> Locale {
    Locale {
        codes,
        own_words: None,
        alt: &EN_ALT,
        agg: &EN_AGG,
        number: POINT,
        native: None,
        script,
        rtl: false,
    }
}

impl Locale {
    const fn words_(mut self, words: &'static Words) -> Locale {
        self.own_words = Some(words);
        self
    }
    const fn number_(mut self, number: NumberStyle) -> Locale {
        self.number = number;
        self
    }
    /// Arabic-Indic (U+0660), Extended Arabic-Indic (U+06F0) or Bengali (U+09E6) digits.
    const fn digits_(mut self, zero: u32) -> Locale {
        self.native = Some(zero);
        self
    }
    const fn rtl_(mut self) -> Locale {
        self.rtl = true;
        self
    }
}

/// Languages not in the table.
pub const DEFAULT: Locale = row(&[], Unknown);

/// Every language sharechart knows something of.
pub const ROWS: &[Locale] = &[
    row(&["en"], Latin).words_(&EN),
    Locale {
        alt: &AR_ALT,
        agg: &AR_AGG,
        ..row(&["ar"], Arabic).words_(&AR).digits_(0x0660).rtl_()
    },
    // Arabic's vernaculars and Kurdish Sorani: Arabic-Indic digits, English words.
    row(
        &[
            "arz", "ary", "arq", "aeb", "acm", "apc", "ajp", "afb", "ckb",
        ],
        Arabic,
    )
    .digits_(0x0660)
    .rtl_(),
    row(&["fa", "prs", "pes"], Arabic)
        .words_(&FA)
        .digits_(0x06F0)
        .rtl_(),
    row(&["ur"], Arabic).words_(&UR).digits_(0x06F0).rtl_(),
    // Pashto, Sindhi, Kashmiri, Saraiki, Punjabi (Shahmukhi), Balochi, South Azerbaijani and
    // the Iranian languages written in the Persian alphabet.
    row(
        &[
            "ps", "pbt", "sd", "ks", "skr", "pnb", "bal", "azb", "glk", "mzn", "lrc", "bqi",
        ],
        Arabic,
    )
    .digits_(0x06F0)
    .rtl_(),
    // Uyghur, Dhivehi, Hebrew, Yiddish, Syriac, Aramaic, N'Ko: right to left, scripts not
    // told apart here.
    row(
        &["ug", "dv", "he", "iw", "yi", "syr", "arc", "nqo"],
        Unknown,
    )
    .rtl_(),
    row(&["bn"], Bengali).words_(&BN).digits_(0x09E6),
    row(&["as"], Bengali).digits_(0x09E6),
    row(&["fr"], Latin)
        .words_(&FR)
        .number_(style(',', NNBSP, AfterSpace(NNBSP))),
    row(&["tr"], Latin)
        .words_(&TR)
        .number_(style(',', '.', Before)),
    row(&["ru"], Cyrillic)
        .words_(&RU)
        .number_(COMMA_SPACE_SPACED),
    row(&["de", "es", "da", "ro"], Latin).number_(COMMA_DOT_SPACED),
    row(&["uk", "be", "kk", "ky"], Cyrillic).number_(COMMA_SPACE_SPACED),
    row(&["cs", "sk", "sv", "fi", "nb", "no"], Latin).number_(COMMA_SPACE_SPACED),
    row(&["it", "pt", "nl", "id", "az", "bs", "hr", "sl"], Latin).number_(COMMA_DOT),
    row(&["sr", "el"], Unknown).number_(COMMA_DOT),
    row(&["uz", "tk", "pl", "hu", "sq", "lt", "lv", "et"], Latin).number_(COMMA_SPACE),
    row(&["tg", "bg"], Cyrillic).number_(COMMA_SPACE),
    // Latin and Cyrillic languages that write numbers as English does.
    row(&["ms", "so", "ha", "wo", "ff"], Latin),
    row(&["mn", "mk", "tt", "ba", "ce"], Cyrillic),
];
