//! One module per command.

pub mod campaigns;
pub mod summary;
pub mod validate;
