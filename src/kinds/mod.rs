//! The chart kinds. Each kind is one file (or folder) that declares its options (once, for clap
//! and serde) and implements [`ChartKind`]: its name, its subcommand's help and examples, its
//! validation, how many categories it draws, its layout and its noun in the alt text. The
//! registry at the end of this file lists the kinds, one line each; from it come
//! [`ChartOptions`] (the options of one chart, of any kind), [`Kind`] (the kinds by name, with
//! the manifest keys each takes) and [`ChartCommand`] (the chart subcommands of the CLI), so the
//! command line, the manifest, the limits and the alt text all read the same list.
//!
//! Adding a kind: write `kinds/NAME.rs` with its options struct and `impl ChartKind`, and add
//! one line, `Name(NAME::NameOptions)`, to the registry at the end of this file (the line
//! declares the module too).

mod error;
pub mod limits;

use std::path::PathBuf;

use clap::Args;
use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::layout::Context;
use crate::layout::alt::Whole;
use crate::options::{Common, Message, OptionError, Sort};
use crate::scene::Scene;
pub use error::KindError;
pub use limits::Limit;

/// One kind of chart, implemented by its options type.
pub trait ChartKind:
    Args + Serialize + for<'de> Deserialize<'de> + Default + Clone + PartialEq + std::fmt::Debug
{
    /// The kind's name, as the subcommand and `kind = "..."` spell it.
    const NAME: &'static str;
    /// The one-line help of its subcommand.
    const ABOUT: &'static str;
    /// The examples that end its subcommand's `--help`.
    const EXAMPLES: &'static str;

    /// The options every kind has.
    fn common(&self) -> &Common;

    /// The sort order, for kinds that sort.
    fn sort(&self) -> Option<Sort> {
        None
    }

    /// The label the kind gives the rest of a whole (`rest`), if it has one.
    fn rest(&self) -> Option<&str> {
        None
    }

    /// Checks the kind's own options (the shared ones are checked by [`Common::validate`]).
    fn validate(&self) -> Result<(), OptionError> {
        Ok(())
    }

    /// Refuses data the kind cannot draw at all, before any category is folded.
    fn check(&self, _ds: &Dataset) -> Result<(), KindError> {
        Ok(())
    }

    /// The most categories the kind draws readably, for this data.
    fn limit(&self, ds: &Dataset) -> Limit;

    /// Lays out the chart, left to right (a right-to-left chart is mirrored afterwards; its
    /// description, the alt text, is written afterwards too).
    fn layout(&self, ds: &Dataset, cx: &Context) -> Result<Scene, KindError>;

    /// The alt text's first words, per language code, English first: `[("en", "Bar chart"),
    /// ("ar", "مخطط أعمدة")]`.
    fn noun(&self) -> &'static [(&'static str, &'static str)];

    /// How the alt text says the parts of a whole, when the values are percentages.
    fn whole(&self) -> Whole<'_> {
        Whole::None
    }

    /// Whether the kind needs a value column: a map of listed countries does not.
    fn needs_values(&self) -> bool {
        true
    }

    /// Whether the kind words its description itself (the scene's `desc`, which a map writes
    /// class by class), so that the alt text is the noun and that description.
    fn alt_is_desc(&self) -> bool {
        false
    }

    /// What would read better than this chart of `ds`, if anything (a bar chart of one
    /// category, a pie of one share): warnings, not errors, as the chart is still true.
    fn advice(&self, _ds: &Dataset) -> Vec<Message> {
        Vec::new()
    }
}

/// The input and outputs of a drawing command.
#[derive(Debug, Clone, Args)]
pub struct Io {
    /// The CSV file.
    pub csv: PathBuf,
    /// Output file: .svg, .png or .pdf (repeat for several); `-` writes SVG to standard output.
    #[arg(short, long = "output", value_name = "OUT", required = true)]
    pub output: Vec<PathBuf>,
}

/// The registry: one line per kind, `Variant(module::Options)`. It declares the kind's module
/// and makes [`ChartOptions`], [`Kind`] and [`ChartCommand`], and dispatches [`ChartOptions`]'
/// methods to the kinds.
macro_rules! registry {
    ($($variant:ident($module:ident::$options:ident)),+ $(,)?) => {
        $(pub mod $module;)+

        /// The options of one chart: those of its kind.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum ChartOptions {
            $(
                #[doc = concat!("A ", stringify!($module), " chart.")]
                $variant($module::$options),
            )+
        }

        /// The kinds of chart.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Kind {
            $(
                #[doc = concat!("`", stringify!($module), "`.")]
                $variant,
            )+
        }

        /// The chart subcommands: a kind's options and the input and outputs.
        #[derive(Debug, clap::Subcommand)]
        pub enum ChartCommand {
            $(
                #[doc = concat!("Draw a ", stringify!($module), " chart.")]
                #[command(
                    name = <$module::$options as ChartKind>::NAME,
                    about = <$module::$options as ChartKind>::ABOUT,
                    long_about = None,
                    after_help = <$module::$options as ChartKind>::EXAMPLES,
                )]
                $variant {
                    /// Input and outputs.
                    #[command(flatten)]
                    io: Io,
                    /// The kind's options.
                    #[command(flatten)]
                    options: $module::$options,
                },
            )+
        }

        impl Kind {
            /// Every kind, in the order messages list them.
            pub const ALL: &[Kind] = &[$(Kind::$variant),+];

            /// The kind's name, as `kind = "..."` and the subcommand spell it.
            pub fn name(self) -> &'static str {
                match self {
                    $(Kind::$variant => <$module::$options as ChartKind>::NAME,)+
                }
            }

            /// The option keys this kind accepts, read off the flags its options declare (so
            /// a new option is a new key without another list to keep in step). Builds the
            /// kind's arguments: ask once and keep the answer.
            pub fn keys(self) -> Vec<String> {
                let cmd = match self {
                    $(Kind::$variant => <$module::$options as Args>::augment_args(
                        clap::Command::new(self.name()),
                    ),)+
                };
                cmd.get_arguments()
                    .filter_map(|a| a.get_long().map(str::to_string))
                    .collect()
            }

            /// Default options of this kind.
            pub fn default_options(self) -> ChartOptions {
                match self {
                    $(Kind::$variant => ChartOptions::$variant(Default::default()),)+
                }
            }

            /// The options of this kind from any serde deserializer (a manifest's table).
            pub fn deserialize<'de, D: serde::Deserializer<'de>>(
                self,
                de: D,
            ) -> Result<ChartOptions, D::Error> {
                Ok(match self {
                    $(Kind::$variant => ChartOptions::$variant(Deserialize::deserialize(de)?),)+
                })
            }

            /// The options as a TOML table (every key with a value).
            pub fn to_toml(options: &ChartOptions) -> Result<toml::Table, toml::ser::Error> {
                match options {
                    $(ChartOptions::$variant(o) => toml::Table::try_from(o),)+
                }
            }
        }

        impl ChartCommand {
            /// The input, the options and the outputs.
            pub fn into_parts(self) -> (PathBuf, ChartOptions, Vec<PathBuf>) {
                match self {
                    $(ChartCommand::$variant { io, options } => {
                        (io.csv, ChartOptions::$variant(options), io.output)
                    })+
                }
            }
        }

        impl ChartOptions {
            /// The kind.
            pub fn kind(&self) -> Kind {
                match self {
                    $(ChartOptions::$variant(_) => Kind::$variant,)+
                }
            }

            /// The options every kind has, to change (a front end resolving the paths it
            /// read, before the job is made).
            pub fn common_mut(&mut self) -> &mut Common {
                match self {
                    $(ChartOptions::$variant(o) => &mut o.common,)+
                }
            }

            /// The kind's implementation.
            fn dyn_kind(&self) -> &dyn Dispatch {
                match self {
                    $(ChartOptions::$variant(o) => o,)+
                }
            }
        }
    };
}

// The kinds, in the order the help and messages list them.
registry! {
    Bar(bar::BarOptions),
    Pie(pie::PieOptions),
    Map(map::MapOptions),
}

/// [`ChartKind`] without its constants, so [`ChartOptions`] can hand out any kind as one type.
trait Dispatch {
    fn common(&self) -> &Common;
    fn sort(&self) -> Option<Sort>;
    fn rest(&self) -> Option<&str>;
    fn validate(&self) -> Result<(), OptionError>;
    fn check(&self, ds: &Dataset) -> Result<(), KindError>;
    fn limit(&self, ds: &Dataset) -> Limit;
    fn layout(&self, ds: &Dataset, cx: &Context) -> Result<Scene, KindError>;
    fn noun(&self) -> &'static [(&'static str, &'static str)];
    fn whole(&self) -> Whole<'_>;
    fn needs_values(&self) -> bool;
    fn alt_is_desc(&self) -> bool;
    fn advice(&self, ds: &Dataset) -> Vec<Message>;
}

impl<K: ChartKind> Dispatch for K {
    fn common(&self) -> &Common {
        ChartKind::common(self)
    }
    fn sort(&self) -> Option<Sort> {
        ChartKind::sort(self)
    }
    fn rest(&self) -> Option<&str> {
        ChartKind::rest(self)
    }
    fn validate(&self) -> Result<(), OptionError> {
        ChartKind::validate(self)
    }
    fn check(&self, ds: &Dataset) -> Result<(), KindError> {
        ChartKind::check(self, ds)
    }
    fn limit(&self, ds: &Dataset) -> Limit {
        ChartKind::limit(self, ds)
    }
    fn layout(&self, ds: &Dataset, cx: &Context) -> Result<Scene, KindError> {
        ChartKind::layout(self, ds, cx)
    }
    fn noun(&self) -> &'static [(&'static str, &'static str)] {
        ChartKind::noun(self)
    }
    fn whole(&self) -> Whole<'_> {
        ChartKind::whole(self)
    }
    fn needs_values(&self) -> bool {
        ChartKind::needs_values(self)
    }
    fn alt_is_desc(&self) -> bool {
        ChartKind::alt_is_desc(self)
    }
    fn advice(&self, ds: &Dataset) -> Vec<Message> {
        ChartKind::advice(self, ds)
    }
}

impl ChartOptions {
    /// The options every kind has.
    pub fn common(&self) -> &Common {
        self.dyn_kind().common()
    }

    /// The sort order, for kinds that sort.
    pub fn sort(&self) -> Option<Sort> {
        self.dyn_kind().sort()
    }

    /// The label of the rest of a whole, for kinds that have one.
    pub fn rest(&self) -> Option<&str> {
        self.dyn_kind().rest()
    }

    /// Checks every option.
    pub fn validate(&self) -> Result<(), OptionError> {
        self.common().validate()?;
        self.dyn_kind().validate()
    }

    /// The options of a kind from manifest keys (`"horizontal = true\nwidth = 600"`); keys
    /// the kind does not have are ignored here (the manifest refuses them with their place).
    pub fn from_toml(kind: Kind, keys: &str) -> Result<ChartOptions, toml::de::Error> {
        let table: toml::Table = toml::from_str(keys)?;
        kind.deserialize(toml::Value::Table(table))
    }

    /// The alt text's first words in `lang` (English without a translation).
    pub fn noun(&self, lang: &str) -> &'static str {
        let nouns = self.dyn_kind().noun();
        nouns
            .iter()
            .find(|(code, _)| *code == lang)
            .or(nouns.first())
            .map_or("Chart", |(_, noun)| noun)
    }

    /// How the alt text says the parts of a whole.
    pub fn whole(&self) -> Whole<'_> {
        self.dyn_kind().whole()
    }

    /// Whether the kind needs a value column.
    pub fn needs_values(&self) -> bool {
        self.dyn_kind().needs_values()
    }

    /// Whether the alt text is the noun and the scene's description.
    pub fn alt_is_desc(&self) -> bool {
        self.dyn_kind().alt_is_desc()
    }

    /// The most categories the kind draws, for any data: a file's rows are read no further
    /// once they pass it (without `top`). A kind's limit depends on the data only through
    /// whether its labels are years or dates.
    pub fn most_categories(&self) -> usize {
        let kind = self.dyn_kind();
        [false, true]
            .into_iter()
            .map(|ordered| {
                let probe = Dataset {
                    ordered,
                    ..Dataset::default()
                };
                kind.limit(&probe).max
            })
            .max()
            .unwrap_or(0)
    }

    /// The refusal of a file whose categories passed [`ChartOptions::most_categories`] while it
    /// was read.
    pub fn too_many(&self, t: &crate::dataset::TooMany) -> KindError {
        let probe = Dataset {
            ordered: t.ordered,
            ..Dataset::default()
        };
        limits::too_many(&t.path, t.line, self.dyn_kind().limit(&probe), t.ordered)
    }

    /// What would read better than this chart of `ds`, as warnings.
    pub fn advice(&self, ds: &Dataset) -> Vec<Message> {
        self.dyn_kind().advice(ds)
    }

    /// The data the chart draws: `ds` (`top` already applied as the rows were read) after the
    /// kind's checks, the highlight's and the kind's limit (the data CSV of `build` writes it).
    pub fn drawn<'d>(&self, ds: &'d Dataset) -> Result<&'d Dataset, KindError> {
        let kind = self.dyn_kind();
        kind.check(ds)?;
        crate::layout::paint::check_highlight(ds, &kind.common().highlight)?;
        limits::fit(ds, kind.limit(ds))?;
        Ok(ds)
    }

    /// Lays out a chart (the options are valid: a `Job` checked them): the kind's checks, the
    /// highlighted names, the kind's limit, its layout, mirrored for a right-to-left chart.
    /// (`top` was applied as the rows were read; a highlighted category it folded is refused
    /// by the pipeline.)
    pub fn layout(&self, ds: &Dataset, cx: &Context) -> Result<Scene, KindError> {
        let kind = self.dyn_kind();
        let ds = self.drawn(ds)?;
        let mut scene = kind.layout(ds, cx)?;
        // One alt text for every output, of the data as drawn (after `top`).
        let code = cx.locale.codes.first().copied().unwrap_or("en");
        let noun = (self.noun(code), kind.whole());
        scene.desc = if kind.alt_is_desc() {
            // A kind that describes itself (the map, class by class) gets the noun in front.
            let desc = format!("{}: {}", noun.0, scene.desc);
            crate::layout::with_remarks(desc, &scene.remarks)
        } else {
            // Words drawn on the plot that the data does not say (a reference line, a
            // callout) come after the values, before the note and the source.
            crate::layout::alt::text(ds, noun, kind.common(), cx, &scene.remarks)
        };
        if cx.rtl {
            scene.mirror();
        }
        Ok(scene)
    }
}

#[cfg(test)]
mod tests;
