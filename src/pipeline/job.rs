//! A [`Job`]: one chart to make, checked when it is made ([`Job::new`]), so every stage after it
//! can trust its options: validation runs once, before any work.

use std::path::PathBuf;

use crate::kinds::ChartOptions;
use crate::options::{Common, Message, OptionError};
use crate::output::OutputError;
use crate::render::Format;

/// Why a job cannot be made.
#[derive(Debug, Clone, PartialEq)]
pub enum JobError {
    /// An option has a value that cannot be used.
    Option(OptionError),
    /// An output file of an unknown format, or a folder.
    Output(OutputError),
}

impl JobError {
    /// The option (manifest key) the error is about.
    pub fn key(&self) -> &'static str {
        match self {
            JobError::Option(e) => e.key,
            JobError::Output(_) => "output",
        }
    }

    /// The message, with options named by key.
    pub fn message(&self) -> Message {
        match self {
            JobError::Option(e) => e.message(),
            JobError::Output(e) => e.to_string().into(),
        }
    }
}

impl From<OptionError> for JobError {
    fn from(e: OptionError) -> JobError {
        JobError::Option(e)
    }
}

impl From<OutputError> for JobError {
    fn from(e: OutputError) -> JobError {
        JobError::Output(e)
    }
}

/// One chart to make: an input, its options, and one or more output files.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// The CSV file (`-`: standard input).
    pub input: PathBuf,
    /// How it looks.
    pub options: ChartOptions,
    /// Output files; the format of each comes from its extension (`-`: SVG on stdout).
    pub outputs: Vec<PathBuf>,
    /// The format of each output, in order.
    pub formats: Vec<Format>,
}

impl Job {
    /// A checked job: every option valid, every output of a known format, a PNG drawable.
    pub fn new(
        input: PathBuf,
        options: ChartOptions,
        outputs: Vec<PathBuf>,
    ) -> Result<Job, JobError> {
        options.validate()?;
        let formats = outputs
            .iter()
            .map(|p| {
                if p.is_dir() {
                    // Before the extension: `-o out/` is a folder, not a format.
                    return Err(OutputError::Folder { path: p.clone() });
                }
                Format::from_path(p)
            })
            .collect::<Result<Vec<_>, _>>()?;
        if formats.contains(&Format::Png) {
            options.common().validate_png()?;
        }
        Ok(Job {
            input,
            options,
            outputs,
            formats,
        })
    }

    /// The options every kind has.
    pub fn common(&self) -> &Common {
        self.options.common()
    }
}
