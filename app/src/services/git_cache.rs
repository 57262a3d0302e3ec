//! Git objects never change once written, so what a commit id names can be kept: the
//! files of a commit, and the history behind it. A hot gist is then read from git once
//! per revision instead of once per request.

use std::sync::Arc;

use crate::cache::{ByteLru, Weigh};
use crate::store::{CommitInfo, StoredFile};

/// Bytes of cached files, and of cached history pages.
const FILE_BYTES: usize = 64 * 1024 * 1024;
const HISTORY_BYTES: usize = 8 * 1024 * 1024;

pub struct Files(pub Vec<StoredFile>);
pub struct History(pub Vec<CommitInfo>, pub usize);

impl Weigh for Files {
    fn weight(&self) -> usize {
        self.0
            .iter()
            .map(|f| f.content.len() + f.name.len() + 48)
            .sum()
    }
}

impl Weigh for History {
    fn weight(&self) -> usize {
        self.0
            .iter()
            .map(|c| c.sha.len() + c.author_name.len() + c.author_email.len() + 64)
            .sum()
    }
}

#[derive(Clone)]
pub struct GitCache {
    files: Arc<ByteLru<(String, String), Files>>,
    histories: Arc<ByteLru<(String, String, usize, usize), History>>,
}

impl Default for GitCache {
    fn default() -> Self {
        GitCache {
            files: Arc::new(ByteLru::new(FILE_BYTES)),
            histories: Arc::new(ByteLru::new(HISTORY_BYTES)),
        }
    }
}

/// Only a full commit id names one thing forever (an abbreviation may become ambiguous).
fn is_commit_id(rev: &str) -> bool {
    rev.len() == 40 && rev.bytes().all(|b| b.is_ascii_hexdigit())
}

impl GitCache {
    pub fn files(&self, gist: &str, commit: &str) -> Option<Arc<Files>> {
        is_commit_id(commit)
            .then(|| self.files.get(&(gist.to_owned(), commit.to_owned())))
            .flatten()
    }

    pub fn keep_files(&self, gist: &str, commit: &str, files: Vec<StoredFile>) {
        if is_commit_id(commit) {
            self.files
                .put((gist.to_owned(), commit.to_owned()), Arc::new(Files(files)));
        }
    }

    pub fn history(
        &self,
        gist: &str,
        head: &str,
        skip: usize,
        limit: usize,
    ) -> Option<Arc<History>> {
        self.histories
            .get(&(gist.to_owned(), head.to_owned(), skip, limit))
    }

    pub fn keep_history(&self, gist: &str, head: &str, skip: usize, limit: usize, page: History) {
        if is_commit_id(head) {
            let key = (gist.to_owned(), head.to_owned(), skip, limit);
            self.histories.put(key, Arc::new(page));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_full_commit_ids_are_kept() {
        let cache = GitCache::default();
        let file = || {
            vec![StoredFile {
                name: "a".into(),
                content: b"x".to_vec(),
            }]
        };
        cache.keep_files("g", "abc1234", file());
        assert!(
            cache.files("g", "abc1234").is_none(),
            "abbreviations are not kept"
        );
        let commit = "a".repeat(40);
        cache.keep_files("g", &commit, file());
        assert_eq!(cache.files("g", &commit).unwrap().0[0].content, b"x");
    }
}
