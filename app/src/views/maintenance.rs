//! The maintenance jobs as the admin panel and the CLI name and show them (shared by the
//! server and the browser; the jobs themselves are `services::maintenance`).

use serde::{Deserialize, Serialize};

/// One maintenance job. They run one at a time, in the background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Job {
    /// Empty the search index and index every gist again.
    Reindex,
    /// Repack every repository (`git gc`), one at a time under its gist's lock.
    Repack,
    /// The consistency check between rows and repositories, repairing what it safely can.
    Repair,
    /// Rewrite every gist's file rows (previews, languages) from its repository.
    Regenerate,
    /// Delete the gists whose expiry has passed.
    PurgeExpired,
}

impl Job {
    pub const ALL: [Job; 5] = [
        Job::Reindex,
        Job::Repack,
        Job::Repair,
        Job::Regenerate,
        Job::PurgeExpired,
    ];

    /// The name forms and the command line use.
    pub fn slug(self) -> &'static str {
        match self {
            Job::Reindex => "reindex",
            Job::Repack => "repack",
            Job::Repair => "repair",
            Job::Regenerate => "regenerate",
            Job::PurgeExpired => "purge-expired",
        }
    }

    pub fn parse(slug: &str) -> Option<Job> {
        Job::ALL.into_iter().find(|job| job.slug() == slug)
    }

    pub fn title(self) -> &'static str {
        match self {
            Job::Reindex => "Re-index search",
            Job::Repack => "Repack repositories",
            Job::Repair => "Check and repair",
            Job::Regenerate => "Regenerate previews and languages",
            Job::PurgeExpired => "Purge expired gists",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Job::Reindex => {
                "Empties this server's search index and indexes every gist again; searches \
                 keep working and catch up as it goes."
            }
            Job::Repack => {
                "Packs each repository's objects (git gc), one repository at a time while its \
                 gist is locked; nothing reachable is removed."
            }
            Job::Repair => {
                "Compares every gist with its repository: rows behind their repository are \
                 resynced, repositories without a gist are moved to lost+found, missing \
                 repositories are reported. Nothing is deleted."
            }
            Job::Regenerate => {
                "Rewrites every gist's file previews and languages from its repository with \
                 the current rules; heads and dates stay as they are."
            }
            Job::PurgeExpired => {
                "Deletes the gists whose expiry has passed (they already answer 404 to \
                 everyone)."
            }
        }
    }
}

/// A job running or the last one that ran, as the panel polls it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobStatus {
    pub job: Job,
    /// Items done so far, of `total` (gists or repositories; 0 of 0 while counting).
    pub done: u64,
    pub total: u64,
    /// Seconds since it started, or that it took.
    pub elapsed_secs: u64,
    pub running: bool,
    /// What it did, once finished (one line per finding).
    pub report: Option<String>,
    pub error: Option<String>,
}

impl JobStatus {
    /// `3 of 10` and the percentage for a progress bar.
    pub fn percent(&self) -> u64 {
        (self.done * 100)
            .checked_div(self.total)
            .unwrap_or(0)
            .min(100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_is_named_once_and_read_back() {
        for job in Job::ALL {
            assert_eq!(Job::parse(job.slug()), Some(job));
        }
        assert_eq!(Job::parse("rm -rf"), None);
    }

    #[test]
    fn progress_is_a_bounded_percentage() {
        let mut status = JobStatus {
            job: Job::Repack,
            done: 0,
            total: 0,
            elapsed_secs: 0,
            running: true,
            report: None,
            error: None,
        };
        assert_eq!(status.percent(), 0);
        (status.done, status.total) = (3, 4);
        assert_eq!(status.percent(), 75);
        (status.done, status.total) = (9, 4);
        assert_eq!(status.percent(), 100);
    }
}
