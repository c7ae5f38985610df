//! One module per command.

pub mod campaigns;
pub mod import;
pub mod nominate;
pub mod review;
pub mod summary;
pub mod validate;
