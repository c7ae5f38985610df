//! `kh`: checks the nominations of advanced exemplars (điển hình tiên tiến)
//! a province's units send in, against the forms and campaigns of the plan.

pub(crate) mod campaign;
pub(crate) mod check;
pub(crate) mod cli;
pub(crate) mod commands;
pub(crate) mod config;
pub(crate) mod diagnostic;
pub(crate) mod docnum;
pub(crate) mod documents;
pub(crate) mod docx;
pub(crate) mod explain;
pub(crate) mod facts;
pub(crate) mod form;
pub(crate) mod intake;
pub(crate) mod lang;
pub(crate) mod messages;
pub(crate) mod nomination;
pub(crate) mod output;
pub(crate) mod reader;
pub(crate) mod render;
pub(crate) mod review;
pub(crate) mod rules;
pub(crate) mod schema;
pub(crate) mod summary;
pub(crate) mod syntax;
pub(crate) mod template;
pub(crate) mod text;
pub(crate) mod tree;
pub(crate) mod usage_error;
pub(crate) mod vocab;
pub(crate) mod write_out;

// The library's public surface: what the binary, the tests, the fuzz
// targets and the examples use, and nothing else, so that the compiler can
// say what is dead (#35.1). The modules are the crate's own.
pub use campaign::{CAMPAIGNS, Campaign, GENERAL_CRITERIA};
pub use check::{Memory, Options, Report, run as check_round};
pub use cli::{Cli, main};
pub use commands::export::Common as ExportCommon;
pub use commands::export::xlsx::{Args as XlsxArgs, run_xlsx};
pub use commands::publish::{Args as PublishArgs, run as publish};
pub use config::Settings;
pub use diagnostic::{Rule, Severity};
pub use explain::{EXPLANATIONS, Explanation, File as ExampleFile, of as explanation};
pub use form::{Col, FieldType, NOMINEE_FIELDS, NomineeKey};
pub use intake::report::{campaign_in, read as read_report};
pub use intake::wordml::blocks as word_blocks;
pub use intake::{read_docx, read_xlsx};
pub use lang::Lang;
pub use nomination::{Checked, check as check_file};
pub use review::fingerprint;
pub use schema::nomination as nomination_schema;
/// How many rounds this thread has walked: tests hold every command to one.
pub use tree::walks;
pub use vocab::{Fact, Kind, Vocab};
