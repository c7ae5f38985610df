//! `kh`: checks the nominations of advanced exemplars (điển hình tiên tiến)
//! a province's units send in, against the forms and campaigns of the plan.

pub mod campaign;
pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diagnostic;
pub mod docnum;
pub mod documents;
pub mod docx;
pub mod explain;
pub mod facts;
pub mod form;
pub mod intake;
pub mod lang;
pub mod messages;
pub mod nomination;
pub mod output;
pub mod reader;
pub mod render;
pub mod review;
pub mod rules;
pub mod schema;
pub mod summary;
pub mod syntax;
pub mod template;
pub mod text;
pub mod tree;
pub mod usage_error;
pub mod vocab;
pub mod write_out;
