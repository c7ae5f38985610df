//! One module per command.

pub mod campaigns;
pub mod validate;
