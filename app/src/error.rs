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

pub type Result<T, E = Error> = std::result::Result<T, E>;
