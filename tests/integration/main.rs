//! The integration tests of `sharechart`, as one test binary (`cargo test --release --test
//! integration`): the release build links once for all of them, not once per file. Each module
//! covers one area (tests/README.md says which); `common` holds the helpers they share, among them
//! `check_golden`, the one place where golden files are compared or blessed.

mod common;

mod agg;
mod article;
mod cli;
mod cli_build;
mod cli_render;
mod data;
mod design;
mod determinism;
mod editor;
mod features;
mod files;
mod golden;
mod incremental;
mod languages;
mod map;
mod no_overlap;
mod numbers;
mod png;
mod properties;
mod regressions;
mod remarks;
mod report_pdf;
mod tables;
mod top;
mod value_labels;
mod watch;
