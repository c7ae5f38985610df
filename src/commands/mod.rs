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

/// A command's English, kept in the command's own module beside the
/// Vietnamese of its arguments: what it does, and each option's help by id.
/// Here, beside the commands, so that no command reaches up into the
/// dispatcher (`cli`) for it.
pub struct English {
    pub about: &'static str,
    pub options: &'static [(&'static str, &'static str)],
}
