//! One renderer per output format, all reading the same diagnostics.

pub mod human;
pub mod json;
