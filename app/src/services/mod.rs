//! The business logic: one service per concern, each built once and held on `AppState`
//! (or built by the CLI from the same constructors). Server functions, REST handlers, git
//! and the CLI are thin doors onto these.

pub mod comments;
pub mod fsck;
pub mod gists;
mod git_cache;
pub mod listing;
mod locks;
pub mod password;
pub mod ratelimit;
pub mod sessions;
pub mod settings;
pub mod stars;
pub mod tokens;
pub mod users;

pub use comments::CommentService;
pub use gists::GistService;
pub use settings::SettingsService;
pub use tokens::TokenService;
pub use users::UserService;

/// Runs blocking or CPU-heavy work (argon2, git2) off the async executor.
pub(crate) async fn blocking<T, F>(work: F) -> crate::error::Result<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| crate::Error::internal("blocking task failed", e))
}
