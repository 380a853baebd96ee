//! The resolved context of one chart: what is derived from the options and the data, computed
//! once by the pipeline and passed down to the kinds, so that the options stay as the user
//! gave them.

use crate::dataset::Dataset;
use crate::fonts::FontSet;
use crate::locale::{self, Locale};
use crate::options::Common;
use crate::table::Table;

/// Direction, language and fonts of one chart, and the subtitle it was given.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The fonts text is measured and drawn with.
    pub fonts: &'a FontSet,
    /// The chart language's row: its words, numbers and digits.
    pub locale: &'static Locale,
    /// The `lang` attribute of the chart: the language given; English without one, or, when
    /// the labels are right to left, "und" (undetermined) with their script: `und-Arab`,
    /// `und-Thaa`, `und-Hebr`.
    pub lang_tag: String,
    /// Laid out right to left: a right-to-left language, or none given and labels written
    /// right to left.
    pub rtl: bool,
    /// The subtitle given: the user's, else what `agg` computed ("Sum of amount").
    pub subtitle: Option<String>,
    /// The first rows of the file (the whole of a small one), so that a kind can point at the
    /// cell behind a label (a map's unknown country).
    pub table: Option<&'a Table>,
    /// The note line: what `top` left out ("10 largest of 57"), then the user's note.
    pub note: Option<String>,
    /// What `top` left out, alone (for the alt text).
    pub left_out: Option<String>,
}

impl<'a> Context<'a> {
    /// The context of a chart of `ds` with options `common` and fonts `fonts`; `computed` is
    /// the subtitle `agg` made, if any, and `note` what the data adds to the note line.
    pub fn resolve(
        ds: &Dataset,
        common: &Common,
        fonts: &'a FontSet,
        computed: Option<String>,
        note: Option<String>,
    ) -> Context<'a> {
        let lang = common.data.lang.as_ref();
        let rtl = match lang {
            Some(lang) => locale::is_rtl(lang),
            None => crate::text::labels_rtl(
                ds.labels.iter().map(String::as_str),
                &super::title(ds, common),
            ),
        };
        let lang_tag = match lang {
            Some(lang) => lang.code().to_string(),
            None if rtl => match locale::rtl_script(ds.labels.iter().map(String::as_str)) {
                Some(script) => format!("und-{script}"),
                None => "und".to_string(),
            },
            None => "en".to_string(),
        };
        Context {
            fonts,
            locale: Locale::of_chart(lang),
            lang_tag,
            rtl,
            subtitle: common.subtitle.clone().or(computed),
            table: None,
            note: match (&note, &common.note) {
                (Some(data), Some(user)) => Some(format!("{data}. {user}")),
                (data, user) => data.clone().or_else(|| user.clone()),
            },
            left_out: note,
        }
    }

    /// The context with the table the data was read from.
    pub fn with_table(self, table: Option<&'a Table>) -> Context<'a> {
        Context { table, ..self }
    }
}
