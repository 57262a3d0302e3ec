//! The business logic, behind plain async functions over the database (and later the
//! git store). Server functions, REST handlers and the CLI are thin doors onto these.

pub mod password;
pub mod tokens;
pub mod users;

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
