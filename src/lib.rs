//! sharechart: report-quality bar charts, pie charts and maps from small CSV files, as SVG, PNG
//! and PDF.
//!
//! The data flows one way: CSV ([`table`]) -> [`dataset`] -> chart layout ([`kinds`] on a
//! [`layout`] page, giving a [`scene`]) -> SVG via plotters -> PNG via resvg, PDF via krilla
//! ([`render`]) -> files written atomically ([`output`]). [`pipeline`] strings the stages
//! together; the front ends ([`cli`] and [`app`], [`manifest`], [`batch`], [`watch`],
//! [`preview`], [`report`]) call it and word its messages.
//!
//! The modules are layers, each importing only from the layers below it (a unit test,
//! `layers`, reads every `use crate::` path and enforces it), top to bottom:
//!
//! 1. front ends: `app`, `cli`, `manifest`, `batch`, `state`, `watch`, `preview`, `report`;
//! 2. `pipeline`: one chart from input to files;
//! 3. `kinds`: the chart kinds and their registry;
//! 4. `layout`: the page (frame, text measuring, numbers and words in the chart's language);
//! 5. `render`: SVG, PNG, PDF;
//! 6. `scene`: the laid-out chart that render reads;
//! 7. `output`: atomic writes;
//! 8. `dataset`: columns and cells -> labels and series;
//! 9. `table`: CSV reading, number parsing;
//! 10. `locale`: one row per language;
//! 11. `options`: what the user asked for, and messages that name options;
//! 12. `fonts`, `text`, `xml`, `geo` (the map data): importing nothing of the crate above
//!     them.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![warn(clippy::too_many_lines)]

pub mod app;
pub mod batch;
pub mod cli;
pub mod dataset;
pub mod fonts;
pub mod geo;
pub mod kinds;
#[cfg(test)]
mod layers;
pub mod layout;
pub mod locale;
pub mod manifest;
pub mod options;
pub mod output;
pub mod pipeline;
pub mod preview;
pub mod render;
pub mod report;
pub mod scene;
pub mod state;
pub mod table;
pub mod text;
pub mod watch;
pub mod xml;
