//! The business logic: one service per concern, each built once and held on `AppState`
//! (or built by the CLI from the same constructors). Server functions, REST handlers, git
//! and the CLI are thin doors onto these.

pub mod branding;
pub mod comments;
pub mod fsck;
pub mod gists;
mod git_cache;
pub mod identities;
pub mod import;
pub mod ldap;
pub mod listing;
mod locks;
pub mod maintenance;
pub mod password;
pub mod ratelimit;
pub mod second_factor;
pub mod sessions;
pub mod settings;
pub mod ssh_keys;
pub mod stars;
mod tasks;
pub mod tokens;
pub mod users;
pub mod webhooks;

pub use branding::BrandingService;
pub use comments::CommentService;
pub use gists::GistService;
pub use identities::IdentityService;
pub use second_factor::SecondFactorService;
pub use settings::SettingsService;
pub use ssh_keys::SshKeyService;
pub use tokens::TokenService;
pub use users::UserService;

/// Runs blocking work (git2, files) off the async executor.
pub(crate) async fn blocking<T, F>(work: F) -> crate::error::Result<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| crate::Error::internal("blocking task failed", e))
}

/// How many CPU-heavy tasks may run at once: one per core. More cannot finish sooner,
/// and each running highlighter or argon2 hash holds memory of its own (the regex
/// engines' per-thread caches, argon2's 19 MiB): 64 pages at once on two cores
/// grew the server past 700 MB before this bound (issue 16).
static CPU: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    tokio::sync::Semaphore::new(cores)
});

/// Runs CPU-heavy work (highlighting, argon2, zipping) off the async executor, waiting
/// its turn so that at most one such task per core runs at once.
pub async fn cpu<T, F>(work: F) -> crate::error::Result<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let _turn = CPU
        .acquire()
        .await
        .map_err(|e| crate::Error::internal("the CPU queue is closed", e))?;
    blocking(work).await
}
