//! One module per command.

pub mod campaigns;
pub mod completions;
pub mod explain;
pub mod export;
pub mod import;
pub mod man;
pub mod nominate;
pub mod nominate_edit;
pub mod publish;
pub mod review;
pub mod schema;
pub mod summary;
pub mod validate;
