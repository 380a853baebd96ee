//! The language of a chart: a BCP 47 language code (`en`, `ar`, `fa`, `pt-br`, `uz-cyrl`). It
//! picks the label columns (`label_fa`), the direction (right to left for the languages written
//! in a right-to-left script) and the few words the chart adds itself ("Source:", "Other").

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language code, checked and lowercased (`pt_BR` and `pt-BR` become `pt-br`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Lang(String);

/// Languages written right to left by default (ISO 639 codes): Arabic and its vernaculars,
/// Persian and Dari, Urdu, Pashto, Sindhi, Kurdish Sorani, Balochi, Kashmiri, Saraiki, Punjabi
/// in Shahmukhi, Uyghur, South Azerbaijani and other Iranian languages, Dhivehi, Hebrew,
/// Yiddish, Syriac, Aramaic, N'Ko.
const RTL: [&str; 34] = [
    "ar", "arz", "ary", "arq", "aeb", "acm", "apc", "ajp", "afb", "fa", "prs", "pes", "ur", "ps",
    "pbt", "sd", "ckb", "bal", "ks", "skr", "pnb", "ug", "azb", "glk", "mzn", "lrc", "bqi", "dv",
    "he", "iw", "yi", "syr", "arc", "nqo",
];
/// Script subtags of right-to-left scripts (`az-arab`, `pa-arab`).
const RTL_SCRIPTS: [&str; 9] = [
    "arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr",
];

impl Lang {
    /// English.
    pub fn en() -> Lang {
        Lang("en".into())
    }

    /// Arabic.
    pub fn ar() -> Lang {
        Lang("ar".into())
    }

    /// The code as written in column names and `lang` attributes.
    pub fn code(&self) -> &str {
        &self.0
    }

    /// The language subtag: `pt` for `pt-br`.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// True for a language written right to left (a script subtag decides: `az-arab` is,
    /// `ku-latn` is not).
    pub fn is_rtl(&self) -> bool {
        let mut tags = self.0.split('-').skip(1);
        if let Some(script) =
            tags.find(|t| t.len() == 4 && t.chars().all(|c| c.is_ascii_alphabetic()))
        {
            return RTL_SCRIPTS.contains(&script);
        }
        RTL.contains(&self.primary())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        let code = s.trim().to_ascii_lowercase().replace('_', "-");
        let mut tags = code.split('-');
        let primary = tags.next().unwrap_or("");
        let ok = (2..=3).contains(&primary.len())
            && primary.chars().all(|c| c.is_ascii_lowercase())
            && tags.all(|t| {
                (1..=8).contains(&t.len()) && t.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if ok {
            Ok(Lang(code))
        } else {
            Err(format!(
                "{s:?} is not a language code\n  hint: use a code such as en, ar, fr, fa, ur, tr, ms, bn (ISO 639, as in the label_XX columns)"
            ))
        }
    }
}

impl TryFrom<String> for Lang {
    type Error = String;

    fn try_from(s: String) -> Result<Lang, String> {
        s.parse()
    }
}

impl From<Lang> for String {
    fn from(l: Lang) -> String {
        l.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The zero of a language's own digits, for `digits = "native"`: Arabic-Indic (U+0660) for
/// Arabic and Kurdish Sorani, Extended Arabic-Indic (U+06F0) for Persian, Urdu, Pashto and the
/// other languages that write them, Bengali (U+09E6) for Bengali; `None` for Latin digits.
pub fn native_zero(lang: &Lang) -> Option<u32> {
    match lang.primary() {
        "ar" | "arz" | "ary" | "arq" | "aeb" | "acm" | "apc" | "ajp" | "afb" | "ckb" => {
            Some(0x0660)
        }
        "fa" | "prs" | "pes" | "ur" | "ps" | "pbt" | "sd" | "ks" | "skr" | "pnb" | "bal"
        | "azb" | "glk" | "mzn" | "lrc" | "bqi" => Some(0x06F0),
        "bn" | "as" => Some(0x09E6),
        _ => None,
    }
}

/// True if `c` is a letter of the script `lang` is written in, for the languages whose script
/// is known here (Latin, Arabic, Cyrillic, Bengali); `None` for the others.
pub fn in_script(lang: &Lang, c: char) -> Option<bool> {
    let u = u32::from(c);
    let arabic = matches!(u, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF);
    let cyrillic = matches!(u, 0x0400..=0x052F);
    let latin = c.is_ascii_alphabetic() || matches!(u, 0x00C0..=0x024F | 0x1E00..=0x1EFF);
    if native_zero(lang).is_some_and(|z| z != 0x09E6) {
        return Some(arabic);
    }
    Some(match lang.primary() {
        "bn" | "as" => matches!(u, 0x0980..=0x09FF),
        "ru" | "uk" | "be" | "bg" | "kk" | "ky" | "tg" | "mn" | "mk" | "tt" | "ba" | "ce" => {
            cyrillic
        }
        "en" | "fr" | "tr" | "id" | "ms" | "az" | "uz" | "tk" | "sq" | "bs" | "so" | "ha"
        | "wo" | "ff" | "de" | "es" | "it" | "pt" | "nl" | "pl" | "sv" | "da" | "nb" | "no"
        | "fi" | "cs" | "sk" | "hu" | "ro" | "hr" | "sl" | "et" | "lv" | "lt" => latin,
        _ => return None,
    })
}

/// Whether `text` is written in another script than `lang`: it has letters and none of them is
/// in `lang`'s script ("share" for Arabic or Russian); `None` where the script of `lang` is not
/// known here ([`in_script`]).
pub fn foreign_script(lang: &Lang, text: &str) -> Option<bool> {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    if letters.peek().is_none() {
        return Some(false);
    }
    let mut any = false;
    for c in letters {
        any |= in_script(lang, c)?;
    }
    Some(!any)
}

/// Where a language puts the percent sign of a number written with Latin digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Percent {
    /// "12.9%".
    After,
    /// "12,9 %", with this (no-break) space.
    AfterSpace(char),
    /// "%12,9" (Turkish).
    Before,
}

/// How a language writes a number in Latin digits (CLDR's standard patterns): its decimal
/// mark, its thousands separator and where its percent sign goes. Languages not listed write
/// "1,207.5" and "12.9%", as English does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    /// The decimal mark: '.' or ','.
    pub decimal: char,
    /// The thousands separator: ',', '.', a no-break space (U+00A0) or a narrow one (U+202F).
    pub group: char,
    /// The percent sign's place.
    pub percent: Percent,
}

/// The [`NumberStyle`] of `lang`.
pub fn number_style(lang: &Lang) -> NumberStyle {
    const NBSP: char = '\u{00A0}';
    const NNBSP: char = '\u{202F}';
    let (decimal, group, percent) = match lang.primary() {
        "fr" => (',', NNBSP, Percent::AfterSpace(NNBSP)),
        "de" | "es" | "da" | "ro" => (',', '.', Percent::AfterSpace(NBSP)),
        "ru" | "uk" | "be" | "kk" | "ky" | "cs" | "sk" | "sv" | "fi" | "nb" | "no" => {
            (',', NBSP, Percent::AfterSpace(NBSP))
        }
        "it" | "pt" | "nl" | "id" | "az" | "bs" | "hr" | "sl" | "sr" | "el" => {
            (',', '.', Percent::After)
        }
        "uz" | "tg" | "tk" | "pl" | "hu" | "sq" | "bg" | "lt" | "lv" | "et" => {
            (',', NBSP, Percent::After)
        }
        "tr" => (',', '.', Percent::Before),
        _ => ('.', ',', Percent::After),
    };
    NumberStyle {
        decimal,
        group,
        percent,
    }
}

/// True if [`words`] has `lang`'s own words (not the English it falls back to).
pub fn has_words(lang: &Lang) -> bool {
    matches!(
        lang.primary(),
        "en" | "ar" | "fa" | "prs" | "pes" | "ur" | "fr" | "tr" | "ru" | "bn"
    )
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
}

/// The chart's words in `lang` (English for a language without a translation here).
pub fn words(lang: &Lang) -> Words {
    let (source, other, rest, percent, no_data) = match lang.primary() {
        "ar" => (
            "المصدر: ",
            "أخرى",
            "بقية العالم",
            "النسبة المئوية (%)",
            "لا بيانات",
        ),
        "fa" | "prs" | "pes" => ("منبع: ", "سایر", "بقیه جهان", "درصد (%)", "بدون داده"),
        "ur" => ("ماخذ: ", "دیگر", "باقی دنیا", "فیصد (%)", "کوئی ڈیٹا نہیں"),
        "fr" => (
            "Source : ",
            "Autres",
            "Reste du monde",
            "Pourcentage (%)",
            "pas de données",
        ),
        "tr" => (
            "Kaynak: ",
            "Diğer",
            "Dünyanın geri kalanı",
            "Yüzde (%)",
            "veri yok",
        ),
        "ru" => (
            "Источник: ",
            "Другие",
            "Остальной мир",
            "Процент (%)",
            "нет данных",
        ),
        "bn" => ("উৎস: ", "অন্যান্য", "বিশ্বের বাকি অংশ", "শতাংশ (%)", "তথ্য নেই"),
        _ => (
            "Source: ",
            "Other",
            "Rest of world",
            "Percent (%)",
            "no data",
        ),
    };
    Words {
        source,
        other,
        rest,
        percent,
        no_data,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_in_another_script_is_foreign() {
        let l = |c: &str| c.parse::<Lang>().expect("code");
        assert_eq!(foreign_script(&l("ar"), "share"), Some(true));
        assert_eq!(foreign_script(&l("ar"), "الحصة share"), Some(false));
        assert_eq!(foreign_script(&l("ru"), "share, %"), Some(true));
        assert_eq!(foreign_script(&l("ru"), "Доля"), Some(false));
        assert_eq!(foreign_script(&l("fr"), "Part du PIB"), Some(false));
        assert_eq!(foreign_script(&l("en"), "الحصة"), Some(true));
        assert_eq!(foreign_script(&l("ar"), "%"), Some(false), "no letters");
        assert_eq!(foreign_script(&l("bn"), "share"), Some(true));
        assert_eq!(
            foreign_script(&l("he"), "share"),
            None,
            "script not known here"
        );
    }

    #[test]
    fn codes_are_checked_and_lowercased() {
        assert_eq!(
            "pt_BR".parse::<Lang>().map(String::from),
            Ok("pt-br".into())
        );
        assert_eq!("AR".parse::<Lang>(), Ok(Lang::ar()));
        for bad in ["", "e", "english", "fr!", "zh--x", "12"] {
            assert!(bad.parse::<Lang>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn direction_follows_the_language_and_its_script() {
        for rtl in [
            "ar", "fa", "ur", "ps", "sd", "ckb", "dv", "he", "yi", "az-arab", "pa-arab",
        ] {
            assert!(rtl.parse::<Lang>().is_ok_and(|l| l.is_rtl()), "{rtl}");
        }
        for ltr in [
            "en", "fr", "tr", "az", "ms", "bn", "ku", "uz-cyrl", "ur-latn", "kk",
        ] {
            assert!(ltr.parse::<Lang>().is_ok_and(|l| !l.is_rtl()), "{ltr}");
        }
    }
}
