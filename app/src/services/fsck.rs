//! The consistency check between gist rows and repositories, with repair.

use std::path::Path;

use sea_orm::{EntityTrait, QuerySelect};

use super::blocking;
use super::gists::GistService;
use crate::entities::gist;
use crate::error::{Error, Result};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FsckReport {
    pub gists_checked: usize,
    /// Rows whose repository is gone (their rows are removed on repair: nothing to show).
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
            writeln!(f, "missing repository: {id}{}", verb("row removed"))?;
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

/// Compares every row with its repository; with `repair`, fixes what it finds.
pub async fn fsck(gists: &GistService, lost_and_found: &Path, repair: bool) -> Result<FsckReport> {
    let rows: Vec<(String, String)> = gist::Entity::find()
        .select_only()
        .column(gist::Column::Id)
        .column(gist::Column::Head)
        .into_tuple()
        .all(gists.db())
        .await?;
    let store = gists.store().clone();
    let on_disk = blocking(move || store.list_ids()).await??;

    let mut report = FsckReport {
        gists_checked: rows.len(),
        repaired: repair,
        ..Default::default()
    };
    let known: std::collections::HashSet<&str> = rows.iter().map(|(id, _)| id.as_str()).collect();
    report.orphan_repositories = on_disk
        .iter()
        .filter(|id| !known.contains(id.as_str()))
        .cloned()
        .collect();

    for (id, head) in &rows {
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
            Some(actual) if &actual != head => report.stale_rows.push(id.clone()),
            Some(_) => {}
        }
    }

    if repair {
        for id in &report.missing_repositories {
            gist::Entity::delete_by_id(id.as_str())
                .exec(gists.db())
                .await?;
        }
        for id in &report.orphan_repositories {
            let from = gists.store().path(id);
            let to = lost_and_found.join(format!("{id}.git"));
            std::fs::create_dir_all(lost_and_found)
                .map_err(|e| Error::internal("creating lost+found", e))?;
            std::fs::rename(&from, &to)
                .map_err(|e| Error::internal("moving an orphan repository", e))?;
        }
        for id in &report.stale_rows {
            gists.sync_from_git(id).await?;
        }
    }
    Ok(report)
}
