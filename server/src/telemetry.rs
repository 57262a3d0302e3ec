//! Logging: human-readable lines with the request span (method, path, request id).

use tracing_subscriber::EnvFilter;

pub fn init(level: &str) {
    // Our crates at the configured level; dependencies one step quieter unless tracing.
    let directives = match level {
        "trace" | "debug" | "off" => level.to_owned(),
        _ => format!("warn,server={level},app={level},tower_http={level}"),
    };
    let filter = EnvFilter::try_new(&directives).unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}
