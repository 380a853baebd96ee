//! Editions: one `[[chart]]` entry makes the same chart in several languages.
//!
//! ```toml
//! [[chart]]
//! name = "crops-bar"                          # the editions are crops-bar-en and crops-bar-ar
//! input = "data/crops.csv"
//! kind = "bar"
//! lang = ["en", "ar"]
//! output = ["output/crops-bar-{lang}.svg", "output/crops-bar-{lang}.png"]
//! title.en = "OIC states grow 80% of the world's rubber"
//! title.ar = "الدول الإسلامية تنتج 80% من المطاط في العالم"
//! ```
//!
//! Any chart option may be given per language as `KEY.CODE = value`, TOML's dotted keys (the
//! same as `KEY = { CODE = value }`): `legend.ar = [...]`, `highlight.ar = [...]`,
//! `digits.ar = "arabic"`, and in `[defaults]` `source.ar = "..."`. Dotted keys rather than a
//! `[chart.text.ar]` table: a word's languages stand side by side, where an editor compares
//! them (the same figure in each title), and TOML would put every key written after such a
//! table header into it, silently. `color`'s table is by name, not by language, and so is any
//! option's table whose keys are not language codes ([`per_language`]).
//!
//! Nothing falls back to another language. On a chart of several languages the words
//! ([`WORDS`]) must be given per language; a key given per language must name every language
//! of its chart, and only those (`[defaults]` may name more); each is an error at the key's
//! line and column, naming the key and the language.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeString, DeValue};

use super::{Entry, ManifestError, Source, find};
use crate::options::{Lang, WORDS};

/// The placeholder in output (and input) names that each edition replaces by its language.
pub(super) const LANG: &str = "{lang}";

/// The languages an entry is made in.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Langs {
    /// No `lang`: one chart, its language from its labels.
    None,
    /// `lang = "ar"`: one chart in that language, under its own name.
    One(Lang),
    /// `lang = ["en", "ar"]`: one chart per language, named `NAME-CODE`.
    Many(Vec<Lang>),
}

impl Langs {
    /// Each edition's language (`None` for a chart without `lang`).
    pub(super) fn editions(&self) -> Vec<Option<&Lang>> {
        match self {
            Langs::None => vec![None],
            Langs::One(l) => vec![Some(l)],
            Langs::Many(ls) => ls.iter().map(Some).collect(),
        }
    }

    /// The languages a per-language key must give.
    fn all(&self) -> &[Lang] {
        match self {
            Langs::None => &[],
            Langs::One(l) => std::slice::from_ref(l),
            Langs::Many(ls) => ls,
        }
    }

    fn list(&self) -> String {
        self.all()
            .iter()
            .map(Lang::code)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The `lang` of a chart entry, else of `[defaults]`, read as one language or a list.
/// `chart` names the entry in messages.
pub(super) fn languages(
    src: &Source,
    chart: &str,
    entries: &[Entry],
    defaults: &[Entry],
) -> Result<Langs, ManifestError> {
    let Some(e) = find(entries, "lang").or_else(|| find(defaults, "lang")) else {
        return Ok(Langs::None);
    };
    let err = |span: Range<usize>, msg: String| src.error(span, Some(chart), msg);
    let code = |v: &Spanned<DeValue>| {
        match v.get_ref() {
        DeValue::String(s) => s.parse::<Lang>().map_err(|m| {
            err(
                v.span(),
                format!("lang: {m}\n  hint: write a language code such as \"en\", \"ar\" or \"fr\""),
            )
        }),
        _ => Err(err(v.span(), "lang: a language is a code in quotes\n  hint: write lang = \"ar\", or lang = [\"en\", \"ar\"] for one chart per language".into())),
    }
    };
    match e.value.get_ref() {
        DeValue::Array(items) => {
            if items.is_empty() {
                return Err(err(e.value.span(), "lang = [] lists no language\n  hint: write lang = [\"en\", \"ar\"] for one chart per language, or leave lang out".into()));
            }
            let mut langs: Vec<Lang> = Vec::new();
            for item in items {
                let l = code(item)?;
                if langs.contains(&l) {
                    return Err(err(
                        item.span(),
                        format!(
                            "lang: '{}' is listed twice\n  hint: list each language once",
                            l.code()
                        ),
                    ));
                }
                langs.push(l);
            }
            Ok(Langs::Many(langs))
        }
        _ => Ok(Langs::One(code(&e.value)?)),
    }
}

/// The name of the edition in `lang` of the entry named `base`: `base-CODE` when the entry
/// has several languages.
pub(super) fn edition_name(base: &str, langs: &Langs, lang: Option<&Lang>) -> String {
    match (langs, lang) {
        (Langs::Many(_), Some(l)) => format!("{base}-{}", l.code()),
        _ => base.to_string(),
    }
}

/// What an entry list is, for the rules that differ.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Table {
    /// A `[[chart]]` table.
    Chart,
    /// `[defaults]`, as it applies to one chart.
    Defaults,
}

/// The entries of one edition: every per-language value replaced by the edition's, `lang` by
/// its code, `name` by the edition's name and `{lang}` in `output` and `input` by the code.
/// `chart` names the edition in messages.
pub(super) fn resolve<'i>(
    src: &Source,
    chart: &str,
    entries: &[Entry<'i>],
    (langs, lang): (&Langs, Option<&Lang>),
    table: Table,
) -> Result<Vec<Entry<'i>>, ManifestError> {
    let err = |span: Range<usize>, msg: String| src.error(span, Some(chart), msg);
    let many = matches!(langs, Langs::Many(_));
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let key = e.key.get_ref().as_ref();
        let owned = |s: String| Spanned::new(e.value.span(), DeValue::String(Cow::Owned(s)));
        let value = match (key, e.value.get_ref(), lang) {
            ("lang", _, Some(l)) => owned(l.code().to_string()),
            ("name", DeValue::String(_), _) if table == Table::Chart => owned(chart.to_string()),
            ("output" | "input", _, _) if table == Table::Chart => {
                substitute(e, lang, many).map_err(|m| err(e.value.span(), m))?
            }
            (_, DeValue::Table(t), _) if per_language(key, t) => {
                let (span, value) = pick(key, t, langs, lang, table)
                    .map_err(|(s, m)| err(s.unwrap_or_else(|| e.key.span()), m))?;
                out.push(Entry {
                    key: Spanned::new(span, e.key.get_ref().clone()),
                    value,
                });
                continue;
            }
            (_, _, _) if many && WORDS.contains(&key) => {
                let per = langs
                    .all()
                    .iter()
                    .map(|l| format!("{key}.{} = ...", l.code()))
                    .collect::<Vec<_>>()
                    .join(", ");
                let whose = if table == Table::Defaults {
                    "[defaults]: "
                } else {
                    ""
                };
                return Err(err(
                    e.key.span(),
                    format!(
                        "{whose}{key} is one text for every language of the chart ({})\n  hint: give it in each language: {per}",
                        langs.list()
                    ),
                ));
            }
            _ => e.value.clone(),
        };
        out.push(Entry {
            key: e.key.clone(),
            value,
        });
    }
    Ok(out)
}

/// A per-language value with the span of its language key.
type Picked<'i> = (Range<usize>, Spanned<DeValue<'i>>);

/// What is wrong, and where (`None`: at the key itself).
type Wrong = (Option<Range<usize>>, String);

/// True when the table given for `key` is by language (`title.ar`, `digits.ar`): a word's
/// always, any other option's when each of its keys is a language code. `color`'s table is by
/// name, and an option whose value is a table of its own keys (not language codes) is left to
/// that option.
pub(super) fn per_language(key: &str, table: &toml::de::DeTable) -> bool {
    key != "color"
        && (WORDS.contains(&key) || table.keys().all(|k| k.get_ref().parse::<Lang>().is_ok()))
}

/// The value of a per-language key (`title.ar`) for the edition in `lang`.
fn pick<'i>(
    key: &str,
    per: &toml::de::DeTable<'i>,
    langs: &Langs,
    lang: Option<&Lang>,
    table: Table,
) -> Result<Picked<'i>, Wrong> {
    let whose = if table == Table::Defaults {
        "[defaults]: "
    } else {
        ""
    };
    let Some(lang) = lang else {
        return Err((
            None,
            format!(
                "{whose}{key} is given per language, but the chart has no lang\n  hint: add lang = [\"en\", \"ar\"] (one chart per language) or lang = \"ar\", or give {key} as one value"
            ),
        ));
    };
    let mut found = None;
    for (code, value) in per {
        let written: &DeString = code.get_ref();
        let parsed = written.parse::<Lang>().map_err(|m| {
            (
                Some(code.span()),
                format!("{whose}{key}.{written}: {m}\n  hint: a key given per language takes language codes: {key}.en, {key}.ar, ..."),
            )
        })?;
        if table == Table::Chart && !langs.all().contains(&parsed) {
            return Err((
                Some(code.span()),
                format!(
                    "{key}.{written}: '{written}' is not a language of this chart ({})\n  hint: add it to lang, or remove {key}.{written}",
                    langs.list()
                ),
            ));
        }
        if &parsed == lang {
            found = Some((code.span(), value.clone()));
        }
    }
    found.ok_or_else(|| {
        let code = lang.code();
        (
            None,
            format!("{whose}{key} is given per language, but not in '{code}'\n  hint: add {key}.{code} = ... (each language's own words: none is taken from another language)"),
        )
    })
}

/// An output or input value with `{lang}` replaced by the edition's code. Several languages
/// need `{lang}` in every output name (else the editions would write the same files).
fn substitute<'i>(
    e: &Entry<'i>,
    lang: Option<&Lang>,
    many: bool,
) -> Result<Spanned<DeValue<'i>>, String> {
    let key = e.key.get_ref().as_ref();
    let one = |v: &Spanned<DeValue<'i>>| -> Result<Spanned<DeValue<'i>>, String> {
        let DeValue::String(s) = v.get_ref() else {
            return Ok(v.clone());
        };
        match lang {
            Some(l) => {
                if many && key == "output" && !s.contains(LANG) {
                    return Err(format!(
                        "'{s}' has no {LANG}, so every language would write it\n  hint: put {LANG} in each output name, e.g. output = [\"output/chart-{LANG}.svg\"]"
                    ));
                }
                Ok(Spanned::new(
                    v.span(),
                    DeValue::String(Cow::Owned(s.replace(LANG, l.code()))),
                ))
            }
            None if s.contains(LANG) => Err(format!(
                "'{s}' has {LANG}, but the chart has no lang\n  hint: add lang = [\"en\", \"ar\"] (one chart per language), or write the file name out"
            )),
            None => Ok(v.clone()),
        }
    };
    match e.value.get_ref() {
        DeValue::Array(items) => {
            let items = items.iter().map(one).collect::<Result<Vec<_>, _>>()?;
            Ok(Spanned::new(
                e.value.span(),
                DeValue::Array(items.into_iter().collect()),
            ))
        }
        _ => one(&e.value),
    }
}
