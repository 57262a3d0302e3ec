//! The consistency check between gist rows and repositories, with repair.
//!
//! Safe while servers run (the README promises it): it never deletes a row or a
//! repository, and it leaves alone whatever may be a write in progress: a repository
//! without a row made less than [`SETTLED`] ago may be a gist being created, and a branch
//! that moved less than that ago may be a push or an edit whose row is about to follow.
//! Every repair looks again just before it acts.

use std::path::Path;
use std::time::{Duration, SystemTime};

use sea_orm::{EntityTrait, QuerySelect};

use super::blocking;
use super::gists::GistService;
use super::maintenance::Progress;
use crate::entities::gist;
use crate::error::{Error, Result};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FsckReport {
    pub gists_checked: usize,
    /// Rows whose repository is gone (reported; the row is kept for a restore).
    pub missing_repositories: Vec<String>,
    /// Repositories no row refers to (moved to `lost+found` on repair, never deleted).
    pub orphan_repositories: Vec<String>,
    /// Rows describing another commit than the repository's head (resynced from git).
    pub stale_rows: Vec<String>,
    pub repaired: bool,
}

impl FsckReport {
    pub fn is_clean(&self) -> bool {
        self.missing_repositories.is_empty()
            && self.orphan_repositories.is_empty()
            && self.stale_rows.is_empty()
    }
}

impl std::fmt::Display for FsckReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "checked {} gists", self.gists_checked)?;
        let verb = |fixed: &str| {
            if self.repaired {
                format!(" ({fixed})")
            } else {
                String::new()
            }
        };
        for id in &self.missing_repositories {
            writeln!(
                f,
                "missing repository: {id}{}",
                verb("row kept: restore the repository from a backup, or delete the gist")
            )?;
        }
        for id in &self.orphan_repositories {
            writeln!(f, "orphan repository: {id}{}", verb("moved to lost+found"))?;
        }
        for id in &self.stale_rows {
            writeln!(
                f,
                "database behind repository: {id}{}",
                verb("resynced from git")
            )?;
        }
        if self.is_clean() {
            writeln!(f, "no problems found")?;
        }
        Ok(())
    }
}

/// How long a repository must have stayed as it is before the check judges it (a row
/// behind its branch, or no row at all): any write finishes its row within this (a push
/// holds its request until the row follows).
pub const SETTLED: Duration = Duration::from_secs(60);

/// When the file or directory at `path` last changed, if it exists.
fn changed_at(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// When the gist's branch last moved.
fn branch_moved_at(repo: &Path) -> Option<SystemTime> {
    changed_at(&repo.join("refs/heads/main")).or_else(|| changed_at(&repo.join("packed-refs")))
}

/// Compares every row with its repository; with `repair`, fixes what it finds.
pub async fn fsck(gists: &GistService, lost_and_found: &Path, repair: bool) -> Result<FsckReport> {
    fsck_with(gists, lost_and_found, repair, &Progress::default()).await
}

/// [`fsck`], counting gists checked into `progress`.
pub async fn fsck_with(
    gists: &GistService,
    lost_and_found: &Path,
    repair: bool,
    progress: &Progress,
) -> Result<FsckReport> {
    let started = SystemTime::now();
    let rows: Vec<(String, String)> = gist::Entity::find()
        .select_only()
        .column(gist::Column::Id)
        .column(gist::Column::Head)
        .into_tuple()
        .all(gists.db())
        .await?;
    let on_disk = gists.repos().list_ids().await?;

    let mut report = FsckReport {
        gists_checked: rows.len(),
        repaired: repair,
        ..Default::default()
    };
    let known: std::collections::HashSet<&str> = rows.iter().map(|(id, _)| id.as_str()).collect();
    // A repository without a row that is younger than that may be a gist whose row is
    // still being written (a busy database can take a while).
    let settled_before = started
        .checked_sub(SETTLED)
        .unwrap_or(SystemTime::UNIX_EPOCH);
    report.orphan_repositories = on_disk
        .iter()
        .filter(|id| !known.contains(id.as_str()))
        .filter(|id| changed_at(&gists.store().path(id)).is_some_and(|at| at < settled_before))
        .cloned()
        .collect();

    let mut stale = Vec::new();
    progress.set_total(rows.len() as u64);
    for (id, head) in &rows {
        progress.step();
        let store = gists.store().clone();
        let gid = id.clone();
        let actual = blocking(move || {
            if store.exists(&gid) {
                store.head(&gid).map(Some)
            } else {
                Ok(None)
            }
        })
        .await??;
        match actual {
            None => report.missing_repositories.push(id.clone()),
            Some(actual)
                if &actual != head
                    && branch_moved_at(&gists.store().path(id))
                        .is_some_and(|at| at < settled_before) =>
            {
                report.stale_rows.push(id.clone());
                stale.push((id.clone(), head.clone()));
            }
            Some(_) => {}
        }
    }

    if repair {
        for id in &report.orphan_repositories {
            // Looked at again: a row written since makes it a gist after all.
            if gist::Entity::find_by_id(id.as_str())
                .one(gists.db())
                .await?
                .is_some()
            {
                continue;
            }
            let from = gists.store().path(id);
            let to = lost_and_found.join(format!("{id}.git"));
            std::fs::create_dir_all(lost_and_found)
                .map_err(|e| Error::internal("creating lost+found", e))?;
            std::fs::rename(&from, &to)
                .map_err(|e| Error::internal("moving an orphan repository", e))?;
        }
        for (id, seen) in &stale {
            gists.resync_if_still(id, seen).await?;
        }
    }
    Ok(report)
}
