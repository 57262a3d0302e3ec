//! The maintenance jobs, one implementation for the admin panel and `gistful admin job`:
//! re-index, repack, check-and-repair, regenerate, purge expired.
//!
//! Safe on a running server under write load, because every job goes through the same
//! per-gist write lock as edits and pushes, and none deletes a row or a repository it
//! cannot explain (the one deletion is of gists whose expiry passed, which is what that
//! job is for). What the check cannot explain is moved to `lost+found` and reported.
//!
//! A server runs one job at a time, in the background: the panel starts it and polls
//! [`Maintenance::status`], so a page reload (or another admin) sees the same progress.
//! The CLI calls [`Maintenance::run`] directly and draws a bar from the same [`Progress`].

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use super::gists::GistService;
use crate::entities::gist;
use crate::error::{Error, Result};
use crate::search::SearchIndex;
use crate::views::maintenance::{Job, JobStatus};

/// How far a job has got: items done of a total, shared with whoever shows it.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    pub fn set_total(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
    }

    pub fn set_done(&self, done: u64) {
        self.done.store(done, Ordering::Relaxed);
    }

    pub fn step(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// (done, total)
    pub fn get(&self) -> (u64, u64) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

struct Current {
    job: Job,
    started: Instant,
    progress: Arc<Progress>,
    /// Set when it ends: how long it took, and its report or error.
    finished: Option<(Duration, std::result::Result<String, String>)>,
}

/// The jobs of one server, and the one running or last run.
#[derive(Clone)]
pub struct Maintenance {
    gists: GistService,
    /// None in the CLI unless the job is a re-index (a running server holds the index).
    search: Option<SearchIndex>,
    lost_and_found: PathBuf,
    /// The most one repository's repack may take (`git.timeout`).
    git_timeout: Duration,
    current: Arc<Mutex<Option<Current>>>,
}

impl Maintenance {
    pub fn new(
        gists: GistService,
        search: Option<SearchIndex>,
        home: &std::path::Path,
        git_timeout: Duration,
    ) -> Maintenance {
        Maintenance {
            gists,
            search,
            lost_and_found: home.join("lost+found"),
            git_timeout,
            current: Arc::default(),
        }
    }

    /// Starts `job` in the background; refused while another runs.
    pub fn start(&self, job: Job) -> Result<JobStatus> {
        let progress = Arc::new(Progress::default());
        {
            let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(running) = current.as_ref().filter(|c| c.finished.is_none()) {
                return Err(Error::Conflict(format!(
                    "“{}” is running; one job runs at a time",
                    running.job.title()
                )));
            }
            *current = Some(Current {
                job,
                started: Instant::now(),
                progress: progress.clone(),
                finished: None,
            });
        }
        let this = self.clone();
        tokio::spawn(async move {
            let started = Instant::now();
            // On a task of its own, so that a panic inside still ends as a finished job.
            let outcome = {
                let this = this.clone();
                tokio::spawn(async move { this.run(job, &progress).await }).await
            };
            let outcome = match outcome {
                Ok(Ok(report)) => Ok(report),
                Ok(Err(e)) => Err(e.message()),
                Err(e) => Err(format!("the job stopped: {e}")),
            };
            match &outcome {
                Ok(_) => tracing::info!(job = job.slug(), "maintenance job finished"),
                Err(e) => tracing::warn!(job = job.slug(), error = %e, "maintenance job failed"),
            }
            let mut current = this.current.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(current) = current.as_mut() {
                current.finished = Some((started.elapsed(), outcome));
            }
        });
        Ok(self.status().expect("just started"))
    }

    /// The job running, else the last one run since this server started.
    pub fn status(&self) -> Option<JobStatus> {
        let current = self.current.lock().unwrap_or_else(|p| p.into_inner());
        let current = current.as_ref()?;
        let (done, total) = current.progress.get();
        let (elapsed, report, error) = match &current.finished {
            None => (current.started.elapsed(), None, None),
            Some((took, Ok(report))) => (*took, Some(report.clone()), None),
            Some((took, Err(error))) => (*took, None, Some(error.clone())),
        };
        Some(JobStatus {
            job: current.job,
            done,
            total,
            elapsed_secs: elapsed.as_secs(),
            running: current.finished.is_none(),
            report,
            error,
        })
    }

    /// Runs `job` to its end here, reporting progress; returns what it did.
    pub async fn run(&self, job: Job, progress: &Progress) -> Result<String> {
        match job {
            Job::Reindex => self.reindex(progress).await,
            Job::Repack => self.repack(progress).await,
            Job::Repair => self.repair(progress).await,
            Job::Regenerate => self.regenerate(progress).await,
            Job::PurgeExpired => self.purge_expired(progress).await,
        }
    }

    async fn reindex(&self, progress: &Progress) -> Result<String> {
        let Some(search) = &self.search else {
            return Err(Error::Conflict(
                "the search index is not open here (a running server holds it)".into(),
            ));
        };
        search.rebuild().await?;
        let total = u64::try_from(search.pending().await?).unwrap_or(0);
        progress.set_total(total);
        let indexed = search
            .catch_up_with(|done, _| progress.set_done((done as u64).min(total)))
            .await?;
        // Caught up: changes the server's own catch-up (or a write's repeat) took count too.
        progress.set_done(total);
        Ok(format!("indexed {indexed} gists"))
    }

    async fn repack(&self, progress: &Progress) -> Result<String> {
        // The gists' repositories: not what the check would move aside.
        let ids = self.gist_ids().await?;
        progress.set_total(ids.len() as u64);
        let (mut packed, mut failed) = (0, Vec::new());
        for id in ids {
            let _guard = self.gists.lock(&id).await?;
            if !self.gists.store().exists(&id) {
                // Deleted meanwhile, or missing (the check reports those).
                progress.step();
                continue;
            }
            let path = self.gists.store().path(&id);
            match gc(&path, self.git_timeout).await {
                Ok(()) => packed += 1,
                Err(why) => {
                    tracing::warn!(gist = %id, error = %why, "repacking failed");
                    failed.push(format!("{id}: {why}"));
                }
            }
            progress.step();
        }
        let mut report = format!("repacked {packed} repositories");
        for line in failed {
            report.push_str(&format!("\nnot repacked: {line}"));
        }
        Ok(report)
    }

    async fn repair(&self, progress: &Progress) -> Result<String> {
        let report =
            super::fsck::fsck_with(&self.gists, &self.lost_and_found, true, progress).await?;
        Ok(report.to_string().trim_end().to_owned())
    }

    /// Every gist, oldest first: a job walks them in an order an admin (and a test) can
    /// predict, the same on every database, rather than in the random order of the ids.
    async fn gist_ids(&self) -> Result<Vec<String>> {
        Ok(gist::Entity::find()
            .select_only()
            .column(gist::Column::Id)
            .order_by_asc(gist::Column::CreatedAt)
            .order_by_asc(gist::Column::Id)
            .into_tuple()
            .all(self.gists.db())
            .await?)
    }

    async fn regenerate(&self, progress: &Progress) -> Result<String> {
        let ids = self.gist_ids().await?;
        progress.set_total(ids.len() as u64);
        let (mut done, mut skipped) = (0, Vec::new());
        for id in ids {
            match self.gists.regenerate(&id).await {
                Ok(true) => done += 1,
                // Deleted meanwhile, missing, or behind its repository: Repair's business.
                Ok(false) => skipped.push(id),
                Err(e) => {
                    tracing::warn!(gist = %id, error = %e, "regenerating failed");
                    skipped.push(id);
                }
            }
            progress.step();
        }
        let mut report = format!("regenerated {done} gists");
        if !skipped.is_empty() {
            report.push_str(&format!(
                "\nleft as they were (gone, or behind their repository: run Check and repair): {}",
                skipped.join(", ")
            ));
        }
        Ok(report)
    }

    async fn purge_expired(&self, progress: &Progress) -> Result<String> {
        let due = gist::Entity::find()
            .filter(gist::Column::ExpiresAt.lte(chrono::Utc::now()))
            .count(self.gists.db())
            .await?;
        progress.set_total(due);
        let mut deleted = 0u64;
        // In rounds (each is bounded); a round that deletes nothing ends it.
        loop {
            let round = self.gists.delete_expired().await?;
            if round.is_empty() {
                break;
            }
            deleted += round.len() as u64;
            progress.set_done(deleted.min(due));
        }
        progress.set_done(due);
        Ok(format!("deleted {deleted} expired gists"))
    }
}

/// `git gc` on one repository, bounded in time.
async fn gc(path: &std::path::Path, timeout: Duration) -> std::result::Result<(), String> {
    let mut cmd = crate::store::git_process();
    cmd.arg("-C")
        .arg(path)
        // In the foreground (so the lock covers it), keeping git's two-week grace for
        // unreachable objects, and no reflogs to expire in a bare gist.
        .args(["-c", "gc.autoDetach=false", "gc", "--quiet"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let child = cmd.spawn().map_err(|e| format!("cannot run git: {e}"))?;
    match tokio::time::timeout(timeout, child.wait_with_output()).await {
        Err(_) => Err("took longer than git.timeout; stopped".into()),
        Ok(Err(e)) => Err(e.to_string()),
        Ok(Ok(out)) if out.status.success() => Ok(()),
        Ok(Ok(out)) => Err(String::from_utf8_lossy(&out.stderr)
            .chars()
            .take(500)
            .collect()),
    }
}
