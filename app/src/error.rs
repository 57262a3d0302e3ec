//! The one domain error type. Each edge (server functions, REST, CLI) maps it once.

use serde::{Deserialize, Serialize};

/// One invalid input, in the shape of GitHub's `Validation Failed` errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub resource: String,
    pub field: String,
    /// `missing_field`, `invalid`, `already_exists` or `custom`.
    pub code: String,
    pub message: String,
}

impl FieldError {
    pub fn new(resource: &str, field: &str, code: &str, message: impl Into<String>) -> Self {
        Self {
            resource: resource.to_owned(),
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum Error {
    #[error("Not Found")]
    NotFound,
    #[error("Validation Failed: {}", join_messages(.0))]
    Validation(Vec<FieldError>),
    #[error("{0}")]
    Conflict(String),
    #[error("Requires authentication")]
    Unauthenticated,
    #[error("Bad credentials")]
    BadCredentials,
    #[error("{0}")]
    Forbidden(String),
    /// A request that could not be read at all (not one with invalid fields).
    #[error("{0}")]
    BadRequest(String),
    #[error("Too many attempts; wait a few minutes and try again")]
    RateLimited,
    /// Something we depend on (a directory, a provider) did not answer.
    #[error("{0}")]
    Unavailable(String),
    /// A fault of ours. The cause is logged where it happens and never sent to a client.
    #[error("Internal server error")]
    Internal,
}

fn join_messages(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

impl Error {
    pub fn invalid(resource: &str, field: &str, message: impl Into<String>) -> Self {
        Error::Validation(vec![FieldError::new(resource, field, "invalid", message)])
    }

    /// Logs the cause and hides it: the only way an unexpected failure leaves a service.
    #[cfg(feature = "ssr")]
    pub fn internal(context: &str, cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "{context}");
        Error::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for Error {
    fn from(err: sea_orm::DbErr) -> Self {
        Error::internal("database error", err)
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::TransactionError<Error>> for Error {
    fn from(err: sea_orm::TransactionError<Error>) -> Self {
        match err {
            sea_orm::TransactionError::Connection(db) => db.into(),
            sea_orm::TransactionError::Transaction(e) => e,
        }
    }
}

/// Server functions return the domain error itself; a request the server-function layer
/// could not even decode arrives here as `BadRequest`.
impl leptos::server_fn::error::FromServerFnError for Error {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        Error::BadRequest(value.to_string())
    }
}

impl Error {
    /// The HTTP status this error answers with, wherever it leaves the server.
    pub fn status(&self) -> u16 {
        match self {
            Error::NotFound => 404,
            Error::Validation(_) => 422,
            Error::Conflict(_) => 409,
            Error::Unauthenticated | Error::BadCredentials => 401,
            Error::Forbidden(_) => 403,
            Error::BadRequest(_) => 400,
            Error::RateLimited => 429,
            Error::Unavailable(_) => 503,
            Error::Internal => 500,
        }
    }

    /// The message a person should see.
    pub fn message(&self) -> String {
        match self {
            Error::Validation(errors) => errors
                .iter()
                .map(|e| e.message.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            other => other.to_string(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
