//! The integration tests, one crate (one link of the whole library, not
//! thirteen): each module tests a part of kh by running the real binary
//! over fixture trees. `cargo test --test all publish::` runs one part.

mod common;
mod corpus;

mod clerk;
mod cli;
mod export;
mod fidelity;
mod hostile;
mod import;
mod intake_hostile;
mod intake_trust;
mod integrations;
mod nominate;
mod nominate_edit;
mod nothing_lost;
mod publish;
mod review;
mod rule_codes;
mod summary;
mod walks;
