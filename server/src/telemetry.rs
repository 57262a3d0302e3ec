//! Logging: human-readable lines with the request span (method, path, request id).

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

pub fn init(level: &str) {
    // Our crates at the configured level; dependencies one step quieter unless tracing.
    let directives = match level {
        "trace" | "debug" | "off" => level.to_owned(),
        // Events carry their crate's name: `server` (this library), `gistful` (its main).
        _ => format!("warn,server={level},gistful={level},app={level},tower_http={level}"),
    };
    let filter = EnvFilter::try_new(&directives).unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        // Colour for people at a terminal, plain text for log files and collectors.
        .with_ansi(std::io::stdout().is_terminal())
        .try_init();
}
