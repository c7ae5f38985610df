//! One module per command.

pub mod campaigns;
pub mod export;
pub mod import;
pub mod nominate;
pub mod publish;
pub mod review;
pub mod summary;
pub mod validate;
