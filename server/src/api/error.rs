//! The REST edge of the domain error: GitHub's error bodies and status codes.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use app::{Error, FieldError};

pub const DOCS: &str = "https://docs.github.com/rest/gists";

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub message: String,
    pub documentation_url: &'static str,
    pub status: u16,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ValidationError>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ValidationError {
    pub resource: String,
    pub field: String,
    /// `missing_field`, `invalid`, `already_exists` or `custom`.
    pub code: String,
    pub message: String,
}

impl From<FieldError> for ValidationError {
    fn from(e: FieldError) -> Self {
        ValidationError {
            resource: e.resource,
            field: e.field,
            code: e.code,
            message: e.message,
        }
    }
}

/// An error as the API answers it.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    pub errors: Vec<ValidationError>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
            errors: Vec::new(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found() -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "Not Found")
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::FORBIDDEN, message)
    }

    /// A 422 for one field.
    pub fn invalid(resource: &str, field: &str, message: impl Into<String>) -> Self {
        Error::invalid(resource, field, message).into()
    }
}

impl From<Error> for ApiError {
    fn from(err: Error) -> Self {
        let status =
            StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        match err {
            Error::Validation(errors) => ApiError {
                status,
                message: "Validation Failed".into(),
                errors: errors.into_iter().map(Into::into).collect(),
            },
            other => ApiError::new(status, other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            message: self.message,
            documentation_url: DOCS,
            status: self.status.as_u16(),
            errors: self.errors,
        };
        // With its charset here, not only in the API's `finish` layer: the identify layer
        // answers "sign in" and "API off" before the API router sees the request.
        (
            self.status,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            Json(body),
        )
            .into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
