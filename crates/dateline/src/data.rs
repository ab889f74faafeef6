//! `--data DIR`: which archive a command works on, opened behind the
//! storage seam so that nothing else in the CLI knows the backend.

use anyhow::Context;
use dateline_store::Store;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, clap::Args)]
pub struct DataArgs {
    /// The archive: a directory, created on first use.
    #[arg(
        long = "data",
        value_name = "DIR",
        env = "DATELINE_DATA",
        default_value = "./dateline-data"
    )]
    pub dir: PathBuf,
}

/// How long the command keeps the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// A short read or check.
    Brief,
    /// A writer or server: it keeps the index writer for its whole run,
    /// so that other processes leave indexing to it.
    Long,
}

impl DataArgs {
    pub fn open(&self, usage: Use) -> anyhow::Result<Arc<dyn Store>> {
        let options = dateline_embedded::Options {
            hold_writer: usage == Use::Long,
        };
        let store = dateline_embedded::Embedded::open(&self.dir, options)
            .with_context(|| format!("{}: cannot open the archive", self.dir.display()))?;
        Ok(Arc::new(store))
    }
}
