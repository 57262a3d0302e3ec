//! The browser bundle under a name that changes whenever its content does.
//!
//! `cargo leptos build` writes the wasm, its JS glue, the lazily loaded page chunks and the
//! stylesheet into `<site>/pkg` under fixed names (`gistful.wasm`, `chunk_12.wasm`...). Pages
//! load them from `/pkg/<version>/...`, where the version is a hash of every file in that
//! directory, so a browser may keep them for a year (`immutable`) and a new build is fetched
//! at once. The files stay where cargo-leptos put them: the version is a URL prefix only.
//! The plain `/pkg/...` names keep working, revalidated on every use.

use std::path::Path;

use sha2::{Digest, Sha256};

/// `Cache-Control` of a file under its versioned name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of a file under its plain name: it may change with the next build.
pub const REVALIDATE: &str = "no-cache";

/// The version of the bundle in `pkg_dir`: 16 hex digits of a SHA-256 over each file's
/// name and content, in name order. A missing directory (a server built without the
/// site) has the version of an empty bundle.
pub fn version(pkg_dir: &Path) -> String {
    let mut files: Vec<_> = std::fs::read_dir(pkg_dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .map(|entry| entry.path())
        .collect();
    files.sort();
    let mut hash = Sha256::new();
    for file in files {
        let name = file.file_name().unwrap_or_default().as_encoded_bytes();
        hash.update((name.len() as u64).to_le_bytes());
        hash.update(name);
        let content = std::fs::read(&file).unwrap_or_default();
        hash.update((content.len() as u64).to_le_bytes());
        hash.update(&content);
    }
    hex::encode(&hash.finalize()[..8])
}

#[cfg(test)]
mod tests {
    use super::version;

    #[test]
    fn the_version_follows_every_file() {
        let dir = tempfile::tempdir().unwrap();
        let empty = version(dir.path());
        assert_eq!(empty.len(), 16);
        std::fs::write(dir.path().join("gistful.js"), "a").unwrap();
        let one = version(dir.path());
        assert_ne!(one, empty);
        assert_eq!(one, version(dir.path()), "the same files, the same version");
        std::fs::write(dir.path().join("chunk_1.wasm"), "b").unwrap();
        let two = version(dir.path());
        assert_ne!(two, one, "a new file");
        std::fs::write(dir.path().join("chunk_1.wasm"), "c").unwrap();
        assert_ne!(version(dir.path()), two, "a changed file");
        std::fs::rename(
            dir.path().join("chunk_1.wasm"),
            dir.path().join("chunk_2.wasm"),
        )
        .unwrap();
        assert_ne!(version(dir.path()), two, "a renamed file");
    }
}
