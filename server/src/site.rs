//! Finding the static site (wasm, JS, CSS, assets) built by cargo-leptos, so the binary
//! runs without any `LEPTOS_*` variable.

use std::path::{Path, PathBuf};

/// The file every complete site has.
const MARKER: &str = "pkg/gistful.js";

/// `LEPTOS_SITE_ROOT` if set, else `site/` next to the binary (an installed layout), else
/// `target/site` seen from the binary (`target/<profile>/gistful`), else `./target/site`.
pub fn locate() -> Option<PathBuf> {
    if let Ok(root) = std::env::var("LEPTOS_SITE_ROOT") {
        return Some(PathBuf::from(root));
    }
    let exe_dir = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf));
    let mut candidates = Vec::new();
    if let Some(dir) = exe_dir {
        candidates.push(dir.join("site"));
        if let Some(target) = dir.parent() {
            candidates.push(target.join("site"));
            // Test binaries live one level deeper, in target/<profile>/deps.
            if let Some(outer) = target.parent() {
                candidates.push(outer.join("site"));
            }
        }
    }
    candidates.push(PathBuf::from("target/site"));
    candidates
        .into_iter()
        .find(|dir| dir.join(MARKER).is_file())
}
