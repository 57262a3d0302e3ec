//! The store as async methods: each one moves its own git2 (or file system) work onto
//! the blocking pool, so a service's call site is one line, `self.repos.files(id,
//! rev).await?`, and no caller can forget to leave the async workers free.
//!
//! [`GitStore`] stays the synchronous layer, for code that is already on a blocking
//! thread (the search indexer, consistency checks, push hooks).

use std::path::{Path, PathBuf};

use super::{Author, CommitInfo, DiffBudget, GitStore, RevisionDiff, StoredFile};
use crate::error::{Error, Result};

/// Runs `work` on the blocking pool; a task that panicked is an internal error.
async fn off_the_workers<T, F>(work: F) -> Result<T>
where
    F: FnOnce() -> Result<T> + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::internal("blocking task failed", e))?
}

/// Async access to the gists' repositories. Cheap to clone (it is the store's root and a
/// counter).
#[derive(Clone)]
pub struct Repos {
    store: GitStore,
}

impl Repos {
    pub fn new(store: GitStore) -> Repos {
        Repos { store }
    }

    /// The synchronous store underneath (paths, existence checks).
    pub fn store(&self) -> &GitStore {
        &self.store
    }

    pub async fn create(
        &self,
        id: &str,
        files: Vec<StoredFile>,
        author: Author,
        message: &str,
    ) -> Result<String> {
        let (store, id, message) = (self.store.clone(), id.to_owned(), message.to_owned());
        off_the_workers(move || store.create(&id, &files, &author, &message)).await
    }

    pub async fn commit(
        &self,
        id: &str,
        parent: &str,
        files: Vec<StoredFile>,
        author: Author,
        message: &str,
    ) -> Result<String> {
        let (store, id, parent, message) = (
            self.store.clone(),
            id.to_owned(),
            parent.to_owned(),
            message.to_owned(),
        );
        off_the_workers(move || store.commit(&id, &parent, &files, &author, &message)).await
    }

    pub async fn reset(&self, id: &str, from: &str, to: &str) -> Result<()> {
        let (store, id, from, to) = (
            self.store.clone(),
            id.to_owned(),
            from.to_owned(),
            to.to_owned(),
        );
        off_the_workers(move || store.reset(&id, &from, &to)).await
    }

    pub async fn head(&self, id: &str) -> Result<String> {
        let (store, id) = (self.store.clone(), id.to_owned());
        off_the_workers(move || store.head(&id)).await
    }

    pub async fn files(&self, id: &str, rev: Option<&str>) -> Result<(String, Vec<StoredFile>)> {
        let (store, id, rev) = (self.store.clone(), id.to_owned(), rev.map(str::to_owned));
        off_the_workers(move || store.files(&id, rev.as_deref())).await
    }

    pub async fn file(
        &self,
        id: &str,
        rev: Option<&str>,
        name: &str,
    ) -> Result<(String, StoredFile)> {
        let (store, id, rev, name) = (
            self.store.clone(),
            id.to_owned(),
            rev.map(str::to_owned),
            name.to_owned(),
        );
        off_the_workers(move || store.file(&id, rev.as_deref(), &name)).await
    }

    pub async fn history_from(
        &self,
        id: &str,
        from: Option<&str>,
        skip: usize,
        limit: usize,
    ) -> Result<(Vec<CommitInfo>, usize)> {
        let (store, id, from) = (self.store.clone(), id.to_owned(), from.map(str::to_owned));
        off_the_workers(move || store.history_from(&id, from.as_deref(), skip, limit)).await
    }

    pub async fn revisions(
        &self,
        id: &str,
        skip: usize,
        limit: usize,
        budget: DiffBudget,
    ) -> Result<(Vec<RevisionDiff>, usize)> {
        let (store, id) = (self.store.clone(), id.to_owned());
        off_the_workers(move || store.revisions(&id, skip, limit, budget)).await
    }

    pub async fn fork(&self, from: &str, to: &str) -> Result<()> {
        let (store, from, to) = (self.store.clone(), from.to_owned(), to.to_owned());
        off_the_workers(move || store.fork(&from, &to)).await
    }

    pub async fn create_empty(&self, path: &Path) -> Result<()> {
        let (store, path) = (self.store.clone(), path.to_owned());
        off_the_workers(move || store.create_empty(&path)).await
    }

    pub async fn has_branch(&self, path: &Path) -> Result<bool> {
        let path: PathBuf = path.to_owned();
        off_the_workers(move || Ok(GitStore::has_branch(&path))).await
    }

    pub async fn adopt(&self, id: &str, from: &Path) -> Result<()> {
        let (store, id, from) = (self.store.clone(), id.to_owned(), from.to_owned());
        off_the_workers(move || store.adopt(&id, &from)).await
    }

    pub async fn delete(&self, id: &str) -> Result<()> {
        let (store, id) = (self.store.clone(), id.to_owned());
        off_the_workers(move || store.delete(&id)).await
    }

    pub async fn list_ids(&self) -> Result<Vec<String>> {
        let store = self.store.clone();
        off_the_workers(move || store.list_ids()).await
    }
}
