//! One emitter per output format, all fed the same diagnostics in the
//! contract's order and writing as they go: adding a format is adding an
//! emitter, touching no check.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::io::{self, Write};

use crate::check::Report;
use crate::diagnostic::{self, Diagnostic};

/// Writes a report in one format.
pub trait Emitter {
    /// Before the first diagnostic.
    fn begin(&mut self, _report: &Report) -> io::Result<()> {
        Ok(())
    }
    fn diagnostic(&mut self, report: &Report, d: &Diagnostic) -> io::Result<()>;
    /// After the last.
    fn end(&mut self, report: &Report) -> io::Result<()>;
}

/// Feeds `report` to `emitter`: its findings and those its records keep
/// (the unevidenced criteria), merged in the contract's order.
pub fn emit(report: &Report, emitter: &mut dyn Emitter) -> io::Result<()> {
    emitter.begin(report)?;
    let mut notes = report.notes().peekable();
    for d in &report.diagnostics {
        while let Some(n) = notes.next_if(|n| diagnostic::order(n, d).is_lt()) {
            emitter.diagnostic(report, &n)?;
        }
        emitter.diagnostic(report, d)?;
    }
    for n in notes {
        emitter.diagnostic(report, &n)?;
    }
    emitter.end(report)
}

/// A buffered, locked standard output; a closed pipe (`kh … | head`) is
/// not an error but the end of the run.
pub fn stdout_quietly(run: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match run(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
