//! One bare git repository per gist, written and read in-process with git2.
//!
//! Every call here blocks. Async code goes through [`Repos`] (tasks.rs), whose methods
//! move the work onto the blocking pool themselves. A repository is opened per call and
//! never held across an await (`git2::Repository` is not `Sync`).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, TimeZone, Utc};
use git2::{ErrorCode, Oid, Repository, RepositoryInitOptions, Signature, Sort};

use crate::error::{Error, Result};

pub mod push;
mod tasks;

pub use tasks::Repos;

/// The branch every gist lives on.
pub const BRANCH: &str = "main";
pub const BRANCH_REF: &str = "refs/heads/main";

/// `master`, a symbolic ref to `main` in every gist repository: a push of `master` (git's
/// default branch on most machines, and what Opengist's docs push) moves `main`, and the
/// gist keeps one branch. Fetches never see it (`uploadpack.hideRefs`).
pub const ALIAS_REF: &str = "refs/heads/master";

/// Where the post-receive hook leaves a push's `-o` options for the server (in the
/// repository's directory; read and removed when the database follows the push).
pub const PUSH_OPTIONS_FILE: &str = "gistful-push-options";

/// The `git` program as every part of Gistful runs it (the transports, repacking,
/// importing): no user or system configuration may change what it does, and it dies
/// with the task that started it.
pub fn git_process() -> tokio::process::Command {
    let mut cmd = tokio::process::Command::new("git");
    cmd.env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env_remove("GIT_DIR")
        .kill_on_drop(true);
    cmd
}

/// Makes `master` an alias of `main` in the bare repository at `path` (idempotent: a
/// repository made before the alias existed gets it at its next push).
pub fn alias_master(path: &Path) -> std::io::Result<()> {
    let file = path.join(ALIAS_REF);
    if file.exists() {
        return Ok(());
    }
    std::fs::create_dir_all(path.join("refs/heads"))?;
    std::fs::write(file, format!("ref: {BRANCH_REF}\n"))
}

/// A file as stored in a commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub name: String,
    pub content: Vec<u8>,
}

/// Who a commit is by.
#[derive(Debug, Clone)]
pub struct Author {
    pub name: String,
    pub email: String,
}

/// One revision, with how much it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitInfo {
    pub sha: String,
    pub author_name: String,
    pub author_email: String,
    pub committed_at: DateTime<Utc>,
    pub additions: usize,
    pub deletions: usize,
}

/// How one file changed in one revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDiff {
    /// `added`, `deleted`, `modified` or `renamed`.
    pub status: &'static str,
    pub old_name: Option<String>,
    pub new_name: Option<String>,
    /// The unified diff's hunks (`@@` headers and `+`, `-`, ` ` lines); empty for binaries.
    pub patch: String,
    pub binary: bool,
    /// The patch was cut at the [`DiffBudget`]: the page links to both versions instead.
    pub truncated: bool,
}

/// How much diff text one page of revisions may hold, whatever the history: per file, and
/// in all (a commit may change a thousand files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffBudget {
    pub file_lines: usize,
    pub file_bytes: usize,
    pub total_bytes: usize,
}

impl Default for DiffBudget {
    fn default() -> Self {
        DiffBudget {
            file_lines: 500,
            file_bytes: 64 * 1024,
            total_bytes: 2 * 1024 * 1024,
        }
    }
}

/// One revision with its per-file changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionDiff {
    pub commit: CommitInfo,
    /// The revision before (none for the first).
    pub parent: Option<String>,
    pub files: Vec<FileDiff>,
}

#[derive(Clone)]
pub struct GitStore {
    root: PathBuf,
    opens: Arc<AtomicU64>,
}

fn git_error(context: &str, err: git2::Error) -> Error {
    Error::internal(context, err)
}

/// A bare repository on `main`, with no templates: no sample hooks, no description file.
fn init_bare(path: &Path) -> Result<Repository> {
    let mut options = RepositoryInitOptions::new();
    options
        .bare(true)
        .external_template(false)
        .initial_head(BRANCH)
        .mkpath(true);
    let repo =
        Repository::init_opts(path, &options).map_err(|e| git_error("creating a repository", e))?;
    // libgit2's built-in template still writes hooks/README.sample.
    let _ = std::fs::remove_dir_all(path.join("hooks"));
    alias_master(path).map_err(|e| Error::internal("aliasing master to main", e))?;
    Ok(repo)
}

impl GitStore {
    /// `root` is the directory holding the repositories (`{home}/repos`).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        GitStore {
            root: root.into(),
            opens: Arc::new(AtomicU64::new(0)),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// How many times a repository was opened or created since start (for tests and metrics).
    pub fn opens(&self) -> u64 {
        self.opens.load(Ordering::Relaxed)
    }

    /// Sharded by the first two characters so no directory grows huge.
    pub fn path(&self, id: &str) -> PathBuf {
        let shard = id.get(..2).unwrap_or("__");
        self.root.join(shard).join(format!("{id}.git"))
    }

    pub fn exists(&self, id: &str) -> bool {
        self.path(id).join("HEAD").is_file()
    }

    fn open(&self, id: &str) -> Result<Repository> {
        self.opens.fetch_add(1, Ordering::Relaxed);
        Repository::open_bare(self.path(id)).map_err(|e| {
            if e.code() == ErrorCode::NotFound {
                Error::internal("gist repository missing", format!("{id}: {e}"))
            } else {
                git_error("opening a gist repository", e)
            }
        })
    }

    /// Creates the repository with a first commit holding `files`. Returns the commit id.
    pub fn create(
        &self,
        id: &str,
        files: &[StoredFile],
        author: &Author,
        message: &str,
    ) -> Result<String> {
        let path = self.path(id);
        if path.exists() {
            return Err(Error::internal("gist repository already exists", id));
        }
        self.opens.fetch_add(1, Ordering::Relaxed);
        let repo = init_bare(&path)?;
        let result = (|| {
            let commit = write_commit(&repo, files, author, message, None)?;
            repo.reference(BRANCH_REF, commit, false, "create")
                .map_err(|e| git_error("setting the first ref", e))?;
            Ok(commit.to_string())
        })();
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&path);
        }
        result
    }

    /// Commits `files` as the complete new content on top of `parent`, moving the branch
    /// only if it still points at `parent` (another writer in between is a conflict).
    pub fn commit(
        &self,
        id: &str,
        parent: &str,
        files: &[StoredFile],
        author: &Author,
        message: &str,
    ) -> Result<String> {
        let repo = self.open(id)?;
        let parent = parse_oid(parent)?;
        let commit = write_commit(&repo, files, author, message, Some(parent))?;
        move_branch(&repo, parent, commit, message)?;
        Ok(commit.to_string())
    }

    /// Puts the branch back to `to` if it is at `from`: undoing a commit whose database
    /// write failed. The unreferenced commit is left for git's garbage collection.
    pub fn reset(&self, id: &str, from: &str, to: &str) -> Result<()> {
        let repo = self.open(id)?;
        move_branch(&repo, parse_oid(from)?, parse_oid(to)?, "rollback")
    }

    /// The commit the branch points at.
    pub fn head(&self, id: &str) -> Result<String> {
        let repo = self.open(id)?;
        head_of(&repo).map(|oid| oid.to_string())
    }

    /// Resolves a full or abbreviated (7-40 hex) id of a commit in the gist's history.
    /// Unknown, ambiguous or no longer reachable from the branch: `NotFound`.
    pub fn resolve(&self, id: &str, rev: &str) -> Result<String> {
        if !is_revision(rev) {
            return Err(Error::NotFound);
        }
        let repo = self.open(id)?;
        resolve_in(&repo, rev).map(|c| c.to_string())
    }

    /// The files at `rev` (a full or abbreviated commit id), or at the head. Returns the
    /// commit id and the files in tree order.
    pub fn files(&self, id: &str, rev: Option<&str>) -> Result<(String, Vec<StoredFile>)> {
        let repo = self.open(id)?;
        let oid = match rev {
            Some(rev) => {
                if !is_revision(rev) {
                    return Err(Error::NotFound);
                }
                resolve_in(&repo, rev)?
            }
            None => head_of(&repo)?,
        };
        let commit = repo.find_commit(oid).map_err(|_| Error::NotFound)?;
        let tree = commit.tree().map_err(|e| git_error("reading a tree", e))?;
        let mut files = Vec::with_capacity(tree.len());
        for entry in tree.iter() {
            let Some(name) = entry.name() else { continue };
            let Ok(blob) = repo.find_blob(entry.id()) else {
                continue;
            };
            files.push(StoredFile {
                name: name.to_owned(),
                content: blob.content().to_vec(),
            });
        }
        Ok((oid.to_string(), files))
    }

    /// One file of the commit `rev` (a full or abbreviated commit id) or of the head:
    /// only that blob is read. Returns the commit id and the file.
    pub fn file(&self, id: &str, rev: Option<&str>, name: &str) -> Result<(String, StoredFile)> {
        let repo = self.open(id)?;
        let oid = match rev {
            Some(rev) if is_revision(rev) => resolve_in(&repo, rev)?,
            Some(_) => return Err(Error::NotFound),
            None => head_of(&repo)?,
        };
        let commit = repo.find_commit(oid).map_err(|_| Error::NotFound)?;
        let tree = commit.tree().map_err(|e| git_error("reading a tree", e))?;
        let entry = tree.get_name(name).ok_or(Error::NotFound)?;
        let blob = repo.find_blob(entry.id()).map_err(|_| Error::NotFound)?;
        Ok((
            oid.to_string(),
            StoredFile {
                name: name.to_owned(),
                content: blob.content().to_vec(),
            },
        ))
    }

    /// The history from the head, newest first: `skip` then at most `limit` commits, and
    /// the total number of commits.
    pub fn history(&self, id: &str, skip: usize, limit: usize) -> Result<(Vec<CommitInfo>, usize)> {
        self.history_from(id, None, skip, limit)
    }

    /// The history behind `from` (a full commit id), or behind the head.
    pub fn history_from(
        &self,
        id: &str,
        from: Option<&str>,
        skip: usize,
        limit: usize,
    ) -> Result<(Vec<CommitInfo>, usize)> {
        let repo = self.open(id)?;
        let head = match from {
            Some(commit) => {
                Oid::from_str(commit).map_err(|e| git_error("reading a commit id", e))?
            }
            None => head_of(&repo)?,
        };
        let mut walk = repo
            .revwalk()
            .map_err(|e| git_error("walking history", e))?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)
            .map_err(|e| git_error("walking history", e))?;
        walk.push(head)
            .map_err(|e| git_error("walking history", e))?;
        let oids: Vec<Oid> = walk.filter_map(std::result::Result::ok).collect();
        let total = oids.len();
        let page = oids
            .into_iter()
            .skip(skip)
            .take(limit)
            .map(|oid| commit_info(&repo, oid))
            .collect::<Result<Vec<_>>>()?;
        Ok((page, total))
    }

    /// Newest first: `skip` then at most `limit` revisions with their file diffs, held
    /// to `budget`.
    pub fn revisions(
        &self,
        id: &str,
        skip: usize,
        limit: usize,
        budget: DiffBudget,
    ) -> Result<(Vec<RevisionDiff>, usize)> {
        let (commits, total) = self.history(id, skip, limit)?;
        let repo = self.open(id)?;
        let mut left = budget.total_bytes;
        let revisions = commits
            .into_iter()
            .map(|commit| {
                let oid = parse_oid(&commit.sha)?;
                let parent = repo
                    .find_commit(oid)
                    .ok()
                    .and_then(|c| c.parent_id(0).ok())
                    .map(|p| p.to_string());
                let files = file_diffs(&repo, oid, &budget, &mut left)?;
                Ok(RevisionDiff {
                    commit,
                    parent,
                    files,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok((revisions, total))
    }

    /// Copies the whole repository (every commit) to a new id: forks share no state.
    pub fn fork(&self, from: &str, to: &str) -> Result<()> {
        let source = self.path(from);
        let target = self.path(to);
        if !source.is_dir() {
            return Err(Error::internal("fork source repository missing", from));
        }
        let staging = target.with_extension(format!("git.tmp-{}", std::process::id()));
        let result = copy_dir(&source, &staging).and_then(|()| std::fs::rename(&staging, &target));
        if let Err(e) = result {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(Error::internal("copying a repository", e));
        }
        self.opens.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Where a push to `/init` lands before it becomes a gist: outside the store, so an
    /// abandoned push never looks like a gist (same file system, so adopting is a rename).
    pub fn incoming_path(&self, id: &str) -> PathBuf {
        self.root
            .with_file_name("incoming")
            .join(format!("{id}.git"))
    }

    /// An empty bare repository whose `HEAD` names `main`, ready to receive a push.
    pub fn create_empty(&self, path: &Path) -> Result<()> {
        init_bare(path).map(drop)
    }

    /// Whether the repository at `path` has a `main` branch (a push to it went in).
    pub fn has_branch(path: &Path) -> bool {
        Repository::open_bare(path).is_ok_and(|repo| repo.find_reference(BRANCH_REF).is_ok())
    }

    /// Moves a pushed repository into the store as gist `id`.
    pub fn adopt(&self, id: &str, from: &Path) -> Result<()> {
        let target = self.path(id);
        if target.exists() {
            return Err(Error::internal("gist repository already exists", id));
        }
        if let Some(shard) = target.parent() {
            std::fs::create_dir_all(shard).map_err(|e| Error::internal("creating a shard", e))?;
        }
        std::fs::rename(from, &target)
            .map_err(|e| Error::internal("adopting a pushed repository", e))
    }

    /// Removes the repository. Missing already is fine (deleting twice is harmless).
    pub fn delete(&self, id: &str) -> Result<()> {
        let path = self.path(id);
        if !path.exists() {
            return Ok(());
        }
        // Rename first so a half-deleted repository never looks like a real one.
        let trash = path.with_extension(format!("git.deleted-{}", std::process::id()));
        std::fs::rename(&path, &trash).map_err(|e| Error::internal("deleting a repository", e))?;
        std::fs::remove_dir_all(&trash).map_err(|e| Error::internal("deleting a repository", e))
    }

    /// Ids of every repository on disk (for consistency checks).
    pub fn list_ids(&self) -> Result<Vec<String>> {
        let mut ids = Vec::new();
        let Ok(shards) = std::fs::read_dir(&self.root) else {
            return Ok(ids);
        };
        for shard in shards.flatten() {
            let Ok(repos) = std::fs::read_dir(shard.path()) else {
                continue;
            };
            for repo in repos.flatten() {
                let name = repo.file_name().to_string_lossy().into_owned();
                if let Some(id) = name.strip_suffix(".git") {
                    ids.push(id.to_owned());
                }
            }
        }
        ids.sort();
        Ok(ids)
    }
}

fn parse_oid(sha: &str) -> Result<Oid> {
    Oid::from_str(sha).map_err(|e| Error::internal("bad commit id", e))
}

fn head_of(repo: &Repository) -> Result<Oid> {
    repo.refname_to_id(BRANCH_REF)
        .map_err(|e| git_error("reading the branch", e))
}

/// The shortest abbreviation accepted: git's own default. Four hex digits would be
/// 65,536 guesses away from any commit ever written, rewritten ones included.
pub const MIN_REVISION_LEN: usize = 7;

fn is_revision(rev: &str) -> bool {
    (MIN_REVISION_LEN..=40).contains(&rev.len()) && rev.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A commit of the gist: one the branch reaches. Objects a force push cut out (the usual
/// way to remove a leaked secret) stay in the object database until git collects them,
/// but are no longer the gist's and are never served.
fn resolve_in(repo: &Repository, rev: &str) -> Result<Oid> {
    let object = if rev.len() == 40 {
        repo.find_commit(Oid::from_str(rev).map_err(|_| Error::NotFound)?)
            .map(|c| c.id())
    } else {
        repo.find_commit_by_prefix(rev).map(|c| c.id())
    };
    let oid = object.map_err(|_| Error::NotFound)?;
    let head = head_of(repo)?;
    let reachable = oid == head
        || repo
            .graph_descendant_of(head, oid)
            .map_err(|e| git_error("walking history", e))?;
    if reachable {
        Ok(oid)
    } else {
        Err(Error::NotFound)
    }
}

fn write_commit(
    repo: &Repository,
    files: &[StoredFile],
    author: &Author,
    message: &str,
    parent: Option<Oid>,
) -> Result<Oid> {
    let mut builder = repo
        .treebuilder(None)
        .map_err(|e| git_error("building a tree", e))?;
    for file in files {
        let blob = repo
            .blob(&file.content)
            .map_err(|e| git_error("writing a file", e))?;
        builder
            .insert(&file.name, blob, 0o100644)
            .map_err(|e| git_error("building a tree", e))?;
    }
    let tree_id = builder
        .write()
        .map_err(|e| git_error("writing a tree", e))?;
    let tree = repo
        .find_tree(tree_id)
        .map_err(|e| git_error("reading a tree", e))?;
    let signature = Signature::now(&author.name, &author.email)
        .map_err(|e| git_error("author signature", e))?;
    let parents = match parent {
        Some(oid) => vec![
            repo.find_commit(oid)
                .map_err(|e| git_error("reading the parent commit", e))?,
        ],
        None => vec![],
    };
    let parent_refs: Vec<&git2::Commit<'_>> = parents.iter().collect();
    repo.commit(None, &signature, &signature, message, &tree, &parent_refs)
        .map_err(|e| git_error("writing a commit", e))
}

/// Compare-and-swap on the branch.
fn move_branch(repo: &Repository, from: Oid, to: Oid, message: &str) -> Result<()> {
    match repo.reference_matching(BRANCH_REF, to, true, from, message) {
        Ok(_) => Ok(()),
        Err(e)
            if matches!(
                e.code(),
                ErrorCode::Modified | ErrorCode::Locked | ErrorCode::Exists
            ) =>
        {
            Err(Error::Conflict(
                "the gist was changed by someone else meanwhile; reload and try again".into(),
            ))
        }
        Err(e) => Err(git_error("moving the branch", e)),
    }
}

/// The diff of a commit against its parent, renames detected.
fn commit_diff(repo: &Repository, oid: Oid) -> Result<git2::Diff<'_>> {
    let commit = repo
        .find_commit(oid)
        .map_err(|e| git_error("reading a commit", e))?;
    let tree = commit.tree().map_err(|e| git_error("reading a tree", e))?;
    let parent_tree = match commit.parent(0) {
        Ok(parent) => Some(parent.tree().map_err(|e| git_error("reading a tree", e))?),
        Err(_) => None,
    };
    let mut diff = repo
        .diff_tree_to_tree(parent_tree.as_ref(), Some(&tree), None)
        .map_err(|e| git_error("diffing a commit", e))?;
    // A renamed file is not a deletion plus an addition.
    diff.find_similar(Some(git2::DiffFindOptions::new().renames(true)))
        .map_err(|e| git_error("finding renames", e))?;
    Ok(diff)
}

/// Each file's patch, line by line until the file's or the page's budget is spent.
fn file_diffs(
    repo: &Repository,
    oid: Oid,
    budget: &DiffBudget,
    left: &mut usize,
) -> Result<Vec<FileDiff>> {
    let diff = commit_diff(repo, oid)?;
    let mut files = Vec::new();
    for index in 0..diff.deltas().len() {
        let Some(delta) = diff.get_delta(index) else {
            continue;
        };
        let status = match delta.status() {
            git2::Delta::Added => "added",
            git2::Delta::Deleted => "deleted",
            git2::Delta::Renamed => "renamed",
            _ => "modified",
        };
        let name = |file: git2::DiffFile<'_>| file.path().map(|p| p.to_string_lossy().into_owned());
        let old_name = if status == "added" {
            None
        } else {
            name(delta.old_file())
        };
        let new_name = if status == "deleted" {
            None
        } else {
            name(delta.new_file())
        };
        let mut binary = delta.flags().is_binary();
        let mut patch = String::new();
        let mut truncated = false;
        if let Ok(Some(mut file_patch)) = git2::Patch::from_diff(&diff, index) {
            binary |= file_patch.delta().flags().is_binary();
            let room = budget.file_bytes.min(*left);
            let mut lines = 0usize;
            // Only the hunks (the page shows the file header itself): `@@` lines and
            // `+`, `-`, ` ` lines, until the budget is spent.
            let _ = file_patch.print(&mut |_, _, line| {
                let prefix = match line.origin() {
                    '+' | '-' | ' ' => Some(line.origin()),
                    'H' => None,
                    _ => return true,
                };
                let text = String::from_utf8_lossy(line.content());
                let needed = text.len() + 2;
                if lines >= budget.file_lines || patch.len() + needed > room {
                    truncated = true;
                    return false;
                }
                if let Some(prefix) = prefix {
                    patch.push(prefix);
                }
                patch.push_str(&text);
                if !patch.ends_with('\n') {
                    patch.push('\n');
                }
                lines += 1;
                true
            });
            *left = left.saturating_sub(patch.len());
        }
        files.push(FileDiff {
            status,
            old_name,
            new_name,
            patch,
            binary,
            truncated,
        });
    }
    Ok(files)
}

fn commit_info(repo: &Repository, oid: Oid) -> Result<CommitInfo> {
    let commit = repo
        .find_commit(oid)
        .map_err(|e| git_error("reading a commit", e))?;
    let diff = commit_diff(repo, oid)?;
    let stats = diff.stats().map_err(|e| git_error("diffing a commit", e))?;
    let author = commit.author();
    let seconds = commit.time().seconds();
    Ok(CommitInfo {
        sha: oid.to_string(),
        author_name: author.name().unwrap_or_default().to_owned(),
        author_email: author.email().unwrap_or_default().to_owned(),
        committed_at: Utc.timestamp_opt(seconds, 0).single().unwrap_or_default(),
        additions: stats.insertions(),
        deletions: stats.deletions(),
    })
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
