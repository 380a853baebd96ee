//! sharechart: report-quality bar and pie charts from small CSV files, as SVG and PNG.
//!
//! The data flows one way: CSV ([`data`]) -> table -> [`dataset`] -> chart layout ([`chart`],
//! giving a [`scene`]) -> SVG via plotters -> PNG via resvg ([`render`]) -> files written
//! atomically ([`output`]). [`pipeline`] strings the stages together; [`manifest`] lists many,
//! [`build`] renders them incrementally, [`watch`] re-renders on save and [`report`] writes the
//! page that shows them all.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod app;
pub mod build;
pub mod chart;
pub mod cli;
#[cfg(test)]
mod code_size;
pub mod data;
pub mod dataset;
pub mod error;
pub mod fonts;
pub mod geo;
pub mod limits;
pub mod manifest;
pub mod number;
pub mod output;
pub mod pipeline;
pub mod preview;
pub mod render;
pub mod report;
pub mod scene;
pub mod spec;
pub mod state;
pub mod text;
pub mod theme;
pub mod watch;
pub mod xml;
