//! One module per command.

pub mod campaigns;
pub mod nominate;
pub mod summary;
pub mod validate;
