//! Git objects never change once written, so what a commit id names can be kept: the
//! files of a commit, and the history behind it. A hot gist is then read from git once
//! per revision instead of once per request. Memory is bounded by the bytes of the
//! cached files; the least recently used entries go first.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use lru::LruCache;

use crate::store::{CommitInfo, StoredFile};

/// Files of at most this many bytes in all are kept.
const FILE_BYTES: usize = 64 * 1024 * 1024;
/// History pages kept (each a few hundred bytes per commit).
const HISTORIES: usize = 4096;

type Files = Arc<Vec<StoredFile>>;
type History = Arc<(Vec<CommitInfo>, usize)>;

#[derive(Clone)]
pub struct GitCache {
    inner: Arc<Mutex<Inner>>,
}

struct Inner {
    files: LruCache<(String, String), Files>,
    file_bytes: usize,
    histories: LruCache<(String, String, usize, usize), History>,
}

impl Default for GitCache {
    fn default() -> Self {
        GitCache {
            inner: Arc::new(Mutex::new(Inner {
                files: LruCache::unbounded(),
                file_bytes: 0,
                histories: LruCache::new(NonZeroUsize::new(HISTORIES).unwrap_or(NonZeroUsize::MIN)),
            })),
        }
    }
}

/// Only a full commit id names one thing forever (an abbreviation may become ambiguous).
fn is_commit_id(rev: &str) -> bool {
    rev.len() == 40 && rev.bytes().all(|b| b.is_ascii_hexdigit())
}

fn size(files: &[StoredFile]) -> usize {
    files.iter().map(|f| f.content.len() + f.name.len()).sum()
}

impl GitCache {
    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn files(&self, gist: &str, commit: &str) -> Option<Files> {
        if !is_commit_id(commit) {
            return None;
        }
        self.inner()
            .files
            .get(&(gist.to_owned(), commit.to_owned()))
            .cloned()
    }

    pub fn keep_files(&self, gist: &str, commit: &str, files: Files) {
        let bytes = size(&files);
        if !is_commit_id(commit) || bytes > FILE_BYTES / 4 {
            return;
        }
        let mut inner = self.inner();
        if let Some(old) = inner.files.put((gist.to_owned(), commit.to_owned()), files) {
            inner.file_bytes -= size(&old);
        }
        inner.file_bytes += bytes;
        while inner.file_bytes > FILE_BYTES {
            match inner.files.pop_lru() {
                Some((_, gone)) => inner.file_bytes -= size(&gone),
                None => break,
            }
        }
    }

    pub fn history(&self, gist: &str, head: &str, skip: usize, limit: usize) -> Option<History> {
        let key = (gist.to_owned(), head.to_owned(), skip, limit);
        self.inner().histories.get(&key).cloned()
    }

    pub fn keep_history(&self, gist: &str, head: &str, skip: usize, limit: usize, page: History) {
        if is_commit_id(head) {
            let key = (gist.to_owned(), head.to_owned(), skip, limit);
            self.inner().histories.put(key, page);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(bytes: usize) -> Files {
        Arc::new(vec![StoredFile {
            name: "a".into(),
            content: vec![b'x'; bytes],
        }])
    }

    #[test]
    fn keeps_commits_and_forgets_the_oldest_past_the_budget() {
        let cache = GitCache::default();
        let commit = |n: usize| format!("{n:040x}");
        cache.keep_files("g", "abc", files(1));
        assert!(
            cache.files("g", "abc").is_none(),
            "abbreviations are not kept"
        );
        let chunk = FILE_BYTES / 8;
        for n in 0..10 {
            cache.keep_files("g", &commit(n), files(chunk));
        }
        assert!(
            cache.files("g", &commit(0)).is_none(),
            "the oldest went first"
        );
        assert!(cache.files("g", &commit(9)).is_some());
        assert!(cache.inner().file_bytes <= FILE_BYTES);
        cache.keep_files("g", &commit(99), files(FILE_BYTES / 2));
        assert!(cache.files("g", &commit(99)).is_none(), "too big to keep");
    }
}
