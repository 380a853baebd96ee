//! Country codes and names as users write them, matched to countries.
//!
//! Names come from CLDR (`data/names.tsv`, 20 of the 21 languages of the OIC and its members:
//! CLDR has no territory names in Dhivehi) and from hand-written aliases (`data/aliases.tsv`:
//! official and statistical names such as "Islamic Republic of Iran", "Kyrgyz Republic",
//! "West Bank and Gaza", "UAE", and Arabic short forms). Both sides of a comparison are
//! [`fold`]ed first, so case, accents, apostrophes, "the" and the Arabic article, hamza and
//! letter variants do not matter. A name is looked for in the chart's language first, then in
//! English, then in every language; one that names two countries at the first stage that finds
//! it is an error, never a guess.

use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// CLDR names, generated.
const NAMES: &str = include_str!("data/names.tsv");
/// Aliases, written by hand.
const ALIASES: &str = include_str!("data/aliases.tsv");

/// What a country column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// ISO 3166-1 alpha-3 codes (`SAU`).
    Alpha3,
    /// ISO 3166-1 alpha-2 codes (`SA`).
    Alpha2,
    /// Names, in any of the languages of `data/names.tsv` or an alias.
    Name,
}

/// Why a country was not found.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FindError {
    /// Nothing matched; `nearest` holds up to three known names (or codes, for a code column)
    /// closest to what was written, nearest first, for the hint.
    #[error("unknown country '{query}'")]
    NotFound {
        /// What was looked for, as written.
        query: String,
        /// The nearest known names or codes.
        nearest: Vec<String>,
    },
    /// The name belongs to more than one country ("Congo", "Korea").
    #[error("'{query}' names more than one country")]
    Ambiguous {
        /// What was looked for, as written.
        query: String,
        /// The countries it names, in code order.
        candidates: Vec<super::CountryId>,
    },
}

/// One known name of a country. Folding every name of every language takes milliseconds,
/// most of a map's time, so a name is folded when a lookup first reaches its language: a
/// column of codes folds none, a column of English names only English ones.
struct Entry {
    shown: &'static str,
    country: u16,
    folded: OnceLock<String>,
}

impl Entry {
    fn folded(&self) -> &str {
        self.folded.get_or_init(|| fold(self.shown))
    }
}

/// Every name and code, with the countries they belong to.
pub(super) struct Index {
    /// Names by language, in file order, so a lookup in one language scans only its own.
    langs: Vec<(&'static str, Vec<Entry>)>,
    alpha3: Codes,
    alpha2: Codes,
    /// Display names: `display[country]` is `(language, name)` pairs.
    pub display: Vec<Vec<(&'static str, &'static str)>>,
}

impl Index {
    /// Builds the index over `codes` (alpha-3, alpha-2 per country, in id order).
    pub fn new(codes: &[(&'static str, &'static str)]) -> Index {
        let mut ix = Index {
            langs: Vec::new(),
            alpha3: Codes::new(codes.iter().map(|c| c.0)),
            alpha2: Codes::new(codes.iter().map(|c| c.1)),
            display: (0..codes.len()).map(|_| Vec::with_capacity(21)).collect(),
        };
        ix.read(NAMES, true);
        ix.read(ALIASES, false);
        ix
    }

    /// The names in `lang`, or in every language for `None`.
    fn names_in(&self, lang: Option<&str>) -> impl Iterator<Item = &Entry> {
        self.langs
            .iter()
            .filter(move |(l, _)| lang.is_none_or(|want| want == *l))
            .flat_map(|(_, entries)| entries)
    }

    /// Reads `iso3 TAB lang TAB name|name...` lines; the first name of a CLDR line is the
    /// display name. Lines for codes the shapes do not have are skipped.
    fn read(&mut self, table: &'static str, display: bool) {
        // names.tsv runs country by country, each in the same order of languages: trying
        // the previous line's country and the next language first saves most of the string
        // comparisons, which were most of the load time.
        let (mut prev, mut at): (Option<(&str, u16)>, usize) = (None, 0);
        for line in table.lines() {
            let mut cells = line.split('\t');
            let (Some(a3), Some(lang), Some(names)) = (cells.next(), cells.next(), cells.next())
            else {
                continue; // comments and blank lines
            };
            let country = match prev {
                Some((code, c)) if code == a3 => c,
                _ => match self.alpha3.get(a3) {
                    Some(&c) => c,
                    None => continue,
                },
            };
            prev = Some((a3, country));
            let next = (at + 1) % self.langs.len().max(1);
            at = match self.langs.get(next) {
                Some((l, _)) if *l == lang => next,
                _ => match self.langs.iter().position(|(l, _)| *l == lang) {
                    Some(at) => at,
                    None => {
                        self.langs.push((lang, Vec::with_capacity(400)));
                        self.langs.len() - 1
                    }
                },
            };
            for (k, name) in names.split('|').enumerate() {
                if display && k == 0 {
                    self.display[usize::from(country)].push((lang, name));
                }
                self.langs[at].1.push(Entry {
                    shown: name,
                    country,
                    folded: OnceLock::new(),
                });
            }
        }
    }

    /// Guesses what a column holds: codes when every non-empty value is two (three) ASCII
    /// letters and most are ISO alpha-2 (alpha-3) codes, names otherwise.
    pub fn detect<'a>(&self, values: impl IntoIterator<Item = &'a str>) -> Key {
        let (mut n, mut len2, mut len3, mut hit2, mut hit3) = (0, 0, 0, 0, 0);
        for v in values.into_iter().map(str::trim).filter(|v| !v.is_empty()) {
            n += 1;
            let letters = v.bytes().all(|b| b.is_ascii_alphabetic());
            let up = v.to_ascii_uppercase();
            if letters && v.len() == 2 {
                len2 += 1;
                hit2 += usize::from(self.alpha2.contains_key(up.as_str()));
            }
            if letters && v.len() == 3 {
                len3 += 1;
                hit3 += usize::from(self.alpha3.contains_key(up.as_str()));
            }
        }
        if n > 0 && len3 == n && 2 * hit3 > n {
            Key::Alpha3
        } else if n > 0 && len2 == n && 2 * hit2 > n {
            Key::Alpha2
        } else {
            Key::Name
        }
    }

    /// The country `text` names, read as `key`, in a chart in `lang`.
    ///
    /// A code column's value that is no code is tried as a name ("UAE" among alpha-3 codes);
    /// a name column's value written as an upper-case ISO code is taken as that code.
    pub fn find(&self, key: Key, text: &str, lang: &str) -> Result<u16, FindError> {
        let t = text.trim();
        let up = t.to_ascii_uppercase();
        let code = match key {
            Key::Alpha3 => self.alpha3.get(up.as_str()),
            Key::Alpha2 => self.alpha2.get(up.as_str()),
            Key::Name if t.len() == 3 && t == up => self.alpha3.get(t),
            Key::Name if t.len() == 2 && t == up => self.alpha2.get(t),
            Key::Name => None,
        };
        if let Some(&c) = code {
            return Ok(c);
        }
        let folded = fold(t);
        let lang = primary(lang);
        if folded.is_empty() {
            return Err(FindError::NotFound {
                query: t.to_string(),
                nearest: Vec::new(),
            });
        }
        // The chart's language first, then English (the tables' lingua franca), then all.
        for stage in [Some(lang), Some("en"), None] {
            if lang == "en" && stage == Some("en") {
                continue;
            }
            let mut found: Vec<u16> = self
                .names_in(stage)
                .filter(|e| e.folded() == folded)
                .map(|e| e.country)
                .collect();
            found.sort_unstable();
            found.dedup();
            match found.as_slice() {
                [] => {}
                [one] => return Ok(*one),
                _ => {
                    return Err(FindError::Ambiguous {
                        query: t.to_string(),
                        candidates: found.into_iter().map(super::CountryId).collect(),
                    });
                }
            }
        }
        let nearest = match key {
            Key::Name => self.nearest_names(&folded, lang),
            Key::Alpha3 => nearest_codes(&self.alpha3, &up),
            Key::Alpha2 => nearest_codes(&self.alpha2, &up),
        };
        Err(FindError::NotFound {
            query: t.to_string(),
            nearest,
        })
    }

    /// The three names (of three countries) in `lang` or English nearest to `folded`.
    fn nearest_names(&self, folded: &str, lang: &str) -> Vec<String> {
        let mut best: Vec<(usize, &str, u16)> = Vec::new();
        let names = self.names_in(Some(lang));
        let english = self.names_in(Some("en")).filter(|_| lang != "en");
        for e in names.chain(english) {
            let d = distance(folded, e.folded());
            match best.iter_mut().find(|b| b.2 == e.country) {
                Some(b) if (d, e.shown) < (b.0, b.1) => *b = (d, e.shown, e.country),
                Some(_) => {}
                None => best.push((d, e.shown, e.country)),
            }
        }
        best.sort();
        best.into_iter().take(3).map(|b| b.1.to_string()).collect()
    }
}

/// ISO codes, sorted, with their countries: a binary search is cheaper than hashing here.
struct Codes(Vec<(&'static str, u16)>);

impl Codes {
    fn new(codes: impl Iterator<Item = &'static str>) -> Codes {
        let mut v: Vec<(&str, u16)> = codes.zip(0..).collect();
        v.sort_unstable();
        Codes(v)
    }

    fn get(&self, code: &str) -> Option<&u16> {
        let at = self.0.binary_search_by_key(&code, |c| c.0).ok()?;
        self.0.get(at).map(|c| &c.1)
    }

    fn contains_key(&self, code: &str) -> bool {
        self.get(code).is_some()
    }

    fn keys(&self) -> impl Iterator<Item = &&'static str> {
        self.0.iter().map(|c| &c.0)
    }
}

fn nearest_codes(codes: &Codes, code: &str) -> Vec<String> {
    let mut all: Vec<(usize, &str)> = codes.keys().map(|&k| (distance(code, k), k)).collect();
    all.sort();
    all.into_iter().take(3).map(|c| c.1.to_string()).collect()
}

/// The language subtag of a tag: `ar` of `ar-EG`, `uz` of `uz_Latn`.
pub(super) fn primary(lang: &str) -> &str {
    lang.split(['-', '_']).next().unwrap_or(lang)
}

/// A name reduced to what tells countries apart: compatibility-decomposed (NFKD, so Arabic
/// presentation forms and ligatures become letters), combining marks dropped (accents, Arabic
/// vowel marks and hamza above or below: أ إ آ -> ا), lower case, letter variants merged
/// (ة -> ه, ى ی -> ي, ک -> ك, ٱ -> ا, ı -> i, ɗ -> d, ß -> ss, ...), apostrophes removed ("Cote
/// dIvoire" = "Côte d’Ivoire"), other punctuation made a space, and the articles "the" and
/// the Arabic ال dropped from every word.
pub(super) fn fold(name: &str) -> String {
    let mut flat = String::with_capacity(name.len());
    for c in name.nfkd().filter(|c| !is_combining_mark(*c)) {
        for c in c.to_lowercase() {
            match c {
                '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' | '′' | 'ـ' => {}
                '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
                '\u{FEFF}' | '\u{061C}' => {}
                // "Bosnia & Herzegovina" (CLDR) = "Bosnia and Herzegovina" (most tables).
                '&' => flat.push_str(" and "),
                'ß' => flat.push_str("ss"),
                'æ' => flat.push_str("ae"),
                'œ' => flat.push_str("oe"),
                'ø' => flat.push('o'),
                'đ' => flat.push('d'),
                'ł' => flat.push('l'),
                'ı' => flat.push('i'),
                // Hausa's hooked letters, written plain without a Hausa keyboard.
                'ɗ' => flat.push('d'),
                'ɓ' => flat.push('b'),
                'ƙ' => flat.push('k'),
                'ƴ' => flat.push('y'),
                'ə' => flat.push('e'),
                'ة' => flat.push('ه'),
                'ى' | 'ی' => flat.push('ي'),
                'ک' => flat.push('ك'),
                'ٱ' => flat.push('ا'),
                c if c.is_alphanumeric() => flat.push(c),
                _ => flat.push(' '),
            }
        }
    }
    let words =
        flat.split_whitespace()
            .filter(|w| *w != "the")
            .map(|w| match w.strip_prefix("ال") {
                Some(rest) if rest.chars().count() >= 2 => rest,
                _ => w,
            });
    words.collect::<Vec<_>>().join(" ")
}

/// Levenshtein distance in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("Côte d'Ivoire"), "cote divoire");
        assert_eq!(fold("Cote d’Ivoire"), "cote divoire");
        assert_eq!(fold("COTE DIVOIRE"), "cote divoire");
        assert_eq!(fold("  The   Gambia "), "gambia");
        assert_eq!(fold("Gambia, The"), "gambia");
        assert_eq!(fold("Guinea-Bissau"), "guinea bissau");
        assert_eq!(fold("Bosnia & Herzegovina"), fold("Bosnia and Herzegovina"));
        assert_eq!(fold("Trinidad&Tobago"), "trinidad and tobago");
        assert_eq!(fold("Türkiye"), fold("Turkiye"));
        assert_eq!(fold("İran"), "iran");
        assert_eq!(fold("Azərbaycan"), "azerbaycan");
        // Arabic: article, hamza, ta marbuta, alef maqsura, vowel marks, tatweel.
        assert_eq!(fold("السعودية"), fold("سعوديه"));
        assert_eq!(fold("الإمارات"), fold("امارات"));
        assert_eq!(fold("مِصْر"), "مصر");
        assert_eq!(fold("مـصـر"), "مصر");
        assert_eq!(fold("ليبيا"), fold("ليبىا"));
        // Persian yeh and the zero-width non-joiner.
        assert_eq!(fold("سرزمین‌های"), fold("سرزمينهاي"));
    }

    #[test]
    fn levenshtein() {
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("مصر", "مصر"), 0);
        assert_eq!(distance("iran", "iraq"), 1);
    }

    #[test]
    fn language_subtag() {
        assert_eq!(primary("ar-EG"), "ar");
        assert_eq!(primary("uz_Latn"), "uz");
        assert_eq!(primary("fr"), "fr");
    }
}
