//! `gistful`: the server and its admin commands.

use clap::Parser;

use server::cli::{Cli, Command};
use server::{admin, config, hooks, serve};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            // One line: the error and its causes, never a backtrace.
            eprintln!("gistful: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    // Hooks run inside a push: they need no config, database or runtime.
    if let Some(Command::Hook(hook)) = &cli.command {
        return hooks::run(hook);
    }
    let config = config::load_from_env(cli.config.as_deref())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => runtime.block_on(serve::serve(config)),
        Command::Migrate => runtime.block_on(admin::migrate(&config)),
        Command::Admin(cmd) => runtime.block_on(admin::run(&config, cmd)),
        Command::Hook(_) => unreachable!("handled above"),
    }
}
