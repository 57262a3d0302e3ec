//! A gist's revisions page: each commit with its file diffs.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiffLineKind {
    Hunk,
    Added,
    Removed,
    Context,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffLine {
    pub kind: DiffLineKind,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileChangeView {
    pub name: String,
    /// For renames: the name before.
    pub old_name: Option<String>,
    pub status: String,
    pub binary: bool,
    pub lines: Vec<DiffLine>,
    /// The diff is too large to show whole: `lines` is its start, and these are the raw
    /// file before and after.
    pub large: Option<LargeDiff>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LargeDiff {
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionView {
    pub sha: String,
    pub author: String,
    pub when: String,
    pub additions: usize,
    pub deletions: usize,
    pub files: Vec<FileChangeView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionsView {
    pub owner: String,
    pub id: String,
    pub title: String,
    pub total: u64,
    pub page: u64,
    pub total_pages: u64,
    pub revisions: Vec<RevisionView>,
}

/// Revisions on one page of the history: each brings its diffs, so pages stay small.
pub const REVISIONS_PER_PAGE: u64 = 10;

#[cfg(feature = "ssr")]
impl RevisionView {
    /// One revision as the page shows it; `raw(rev, name)` links a file at a revision
    /// (a diff too large to show links the files before and after instead).
    pub fn new(
        revision: crate::store::RevisionDiff,
        now: chrono::DateTime<chrono::Utc>,
        raw: impl Fn(&str, &str) -> String,
    ) -> RevisionView {
        RevisionView {
            sha: revision.commit.sha.clone(),
            author: revision.commit.author_name.clone(),
            when: super::relative_time(
                crate::i18n::request::i18n(),
                now - revision.commit.committed_at,
            ),
            additions: revision.commit.additions,
            deletions: revision.commit.deletions,
            files: revision
                .files
                .into_iter()
                .map(|file| FileChangeView {
                    large: file.truncated.then(|| LargeDiff {
                        before: revision
                            .parent
                            .as_deref()
                            .zip(file.old_name.as_deref())
                            .map(|(rev, name)| raw(rev, name)),
                        after: file
                            .new_name
                            .as_deref()
                            .map(|name| raw(&revision.commit.sha, name)),
                    }),
                    name: file
                        .new_name
                        .clone()
                        .or_else(|| file.old_name.clone())
                        .unwrap_or_default(),
                    old_name: (file.status == "renamed")
                        .then(|| file.old_name.clone())
                        .flatten(),
                    status: file.status.to_owned(),
                    binary: file.binary,
                    lines: file.patch.lines().map(diff_line).collect(),
                })
                .collect(),
        }
    }
}

#[cfg(feature = "ssr")]
fn diff_line(line: &str) -> DiffLine {
    let kind = match line.as_bytes().first() {
        Some(b'@') => DiffLineKind::Hunk,
        Some(b'+') => DiffLineKind::Added,
        Some(b'-') => DiffLineKind::Removed,
        _ => DiffLineKind::Context,
    };
    DiffLine {
        kind,
        text: line.to_owned(),
    }
}
