//! `dateline serve`: the archive's JSON API and web portal
//! (`dateline-server`), on one address.

use crate::data::{DataArgs, Use};
use anyhow::Context;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,

    /// A file holding the bearer token that writing (POST /api/v1/articles)
    /// needs; without it the archive is read-only over HTTP.
    #[arg(long, value_name = "FILE")]
    token_file: Option<PathBuf>,

    #[command(flatten)]
    data: DataArgs,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let token = match &args.token_file {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read the token", path.display()))?;
            let token = text.trim().to_string();
            if token.len() < 16 {
                anyhow::bail!(
                    "{}: the token must be at least 16 characters (it is {})",
                    path.display(),
                    token.len()
                );
            }
            Some(token)
        }
    };
    let store = args.data.open(Use::Long)?;
    let config = dateline_server::Config {
        addr: args.addr,
        token,
        ..dateline_server::Config::default()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(dateline_server::run(store, config))?;
    Ok(ExitCode::SUCCESS)
}
