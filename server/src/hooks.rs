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
