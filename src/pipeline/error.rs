//! Why a chart failed: the error of the layer it failed in, each naming options by key; the
//! front end words the [`Error::message`] in its voice.

use crate::dataset::DatasetError;
use crate::fonts::FontError;
use crate::kinds::KindError;
use crate::options::Message;

/// A chart that could not be made.
#[derive(Debug)]
pub enum Error {
    /// The CSV, its columns or its cells.
    Dataset(DatasetError),
    /// A font file of `font`.
    Font(FontError),
    /// What the kind cannot draw.
    Kind(KindError),
    /// A character no font has.
    Glyph(Message),
    /// Drawing the files (SVG, PNG, PDF).
    Render(anyhow::Error),
    /// Writing the files.
    Output(anyhow::Error),
}

impl Error {
    /// The message, with options named by key.
    pub fn message(&self) -> Message {
        match self {
            Error::Dataset(e) => e.message(),
            Error::Font(e) => e.to_string().into(),
            Error::Kind(e) => e.message(),
            Error::Glyph(m) => m.clone(),
            Error::Render(e) | Error::Output(e) => format!("{e:#}").into(),
        }
    }
}

impl From<DatasetError> for Error {
    fn from(e: DatasetError) -> Error {
        Error::Dataset(e)
    }
}

impl From<FontError> for Error {
    fn from(e: FontError) -> Error {
        Error::Font(e)
    }
}

impl From<KindError> for Error {
    fn from(e: KindError) -> Error {
        Error::Kind(e)
    }
}
