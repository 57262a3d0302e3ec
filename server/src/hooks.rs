//! The git hooks of a push over HTTP. `git receive-pack` runs them as
//! `gistful hook ...` with the server's instructions in the environment (see git_http.rs).

use std::io::Read;

use anyhow::{Context, bail};
use app::rules::Limits;
use app::store::push::check_hook_input;

use crate::cli::HookCommand;

/// The limits, as `max_file_size,max_files,max_total_size`.
pub const LIMITS_ENV: &str = "GISTFUL_PUSH_LIMITS";
/// Set for a push to `/init`: the address the new gist will have.
pub const NEW_GIST_URL_ENV: &str = "GISTFUL_NEW_GIST_URL";
/// How far ahead `-o expire=` may reach, in days.
pub const MAX_EXPIRY_ENV: &str = "GISTFUL_MAX_EXPIRY_DAYS";

/// The push's `-o KEY=VALUE` options, as git hands them to hooks.
fn push_options() -> Vec<String> {
    let count: usize = std::env::var("GIT_PUSH_OPTION_COUNT")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    // One more than the rule takes, so that too many is refused rather than cut.
    (0..count.min(app::rules::push_options::MAX_OPTIONS + 1))
        .filter_map(|i| std::env::var(format!("GIT_PUSH_OPTION_{i}")).ok())
        .collect()
}

fn max_expiry() -> chrono::Duration {
    let days = std::env::var(MAX_EXPIRY_ENV)
        .ok()
        .and_then(|d| d.parse::<i64>().ok())
        .unwrap_or(365);
    chrono::Duration::days(days.clamp(1, 36_500))
}

pub fn encode_limits(limits: &Limits) -> String {
    format!(
        "{},{},{}",
        limits.max_file_size, limits.max_files, limits.max_total_size
    )
}

fn decode_limits(text: &str) -> Option<Limits> {
    let mut parts = text.split(',').map(str::trim);
    Some(Limits {
        max_file_size: parts.next()?.parse().ok()?,
        max_files: parts.next()?.parse().ok()?,
        max_total_size: parts.next()?.parse().ok()?,
    })
}

pub fn run(hook: &HookCommand) -> anyhow::Result<()> {
    match hook {
        HookCommand::PreReceive => pre_receive(),
        HookCommand::PostReceive => {
            // The refs moved: hand the (already checked) options to the server, which
            // applies them when the database follows the push.
            let options = push_options();
            if !options.is_empty() {
                let dir = std::env::var_os("GIT_DIR").unwrap_or_else(|| ".".into());
                let file = std::path::Path::new(&dir).join(app::store::PUSH_OPTIONS_FILE);
                std::fs::write(file, options.join("\n"))?;
            }
            if let Ok(url) = std::env::var(NEW_GIST_URL_ENV) {
                eprintln!();
                eprintln!("Your new gist: {url}");
                eprintln!();
            }
            Ok(())
        }
    }
}

fn pre_receive() -> anyhow::Result<()> {
    let limits = std::env::var(LIMITS_ENV)
        .ok()
        .and_then(|v| decode_limits(&v))
        .context("the server gave no push limits")?;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    if let Err(reason) = check_hook_input(&input, &limits) {
        bail!("push refused: {reason}");
    }
    let options = push_options();
    if let Err(reason) =
        app::rules::push_options::PushOptions::parse(&options, chrono::Utc::now(), max_expiry())
    {
        bail!("push refused: {reason}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_travel_through_the_environment() {
        let limits = Limits {
            max_file_size: 10,
            max_files: 3,
            max_total_size: 20,
        };
        assert_eq!(decode_limits(&encode_limits(&limits)), Some(limits));
        assert_eq!(decode_limits("1,2"), None);
    }
}
