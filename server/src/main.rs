//! `gistful`: the server and its admin commands.

use clap::Parser;

use server::cli::{Cli, Command};
use server::{admin, config, hooks, serve};

/// mimalloc: glibc's allocator took 40% of a gist page's CPU under load, much of it
/// waiting on its arena locks (perf, issue 16); mimalloc's per-thread heaps need none.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

/// The blocking pool's bound (tokio's default is 512). Its work is git reads from warm
/// files and CPU-heavy tasks: past a few threads per core they only queue inside the
/// kernel instead of here, and every thread keeps an allocator heap of its own (64
/// pages at once held 130 threads and 900 MB; issue 16). Nothing on the pool waits for
/// other pool work, so a smaller pool queues and never deadlocks.
fn blocking_threads() -> usize {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    (cores * 4).max(8)
}

fn run(cli: Cli) -> anyhow::Result<()> {
    // Hooks run inside a push: they need no config, database or runtime.
    if let Some(Command::Hook(hook)) = &cli.command {
        return hooks::run(hook);
    }
    let config = config::load_from_env(cli.config.as_deref())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(blocking_threads())
        .build()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => runtime.block_on(serve::serve(config)),
        Command::Migrate => runtime.block_on(admin::migrate(&config)),
        Command::Admin(cmd) => runtime.block_on(admin::run(&config, cmd)),
        Command::Hook(_) => unreachable!("handled above"),
    }
}
