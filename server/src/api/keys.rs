//! `/user/keys`: the caller's SSH keys, in GitHub's shape (`id`, `key`, `url`, `title`,
//! `created_at`, `verified`, `read_only`). Reading needs `user:read`, changing
//! `user:write`; another account's key is a 404.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use app::access::Viewer;
use app::entities::ssh_key;
use app::rules::Scope;
use app::state::AppState;

use super::body::JsonObject;
use super::error::{ApiError, ApiResult, ErrorBody};
use super::urls::Urls;

const TAG: &str = "keys";

/// A public SSH key, as GitHub's API shows one.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PublicKey {
    pub id: i64,
    /// `type base64`, without the comment.
    pub key: String,
    pub url: String,
    pub title: String,
    /// `SHA256:...` (ours; GitHub has none).
    pub fingerprint: String,
    pub created_at: String,
    pub last_used: Option<String>,
    pub verified: bool,
    pub read_only: bool,
}

impl PublicKey {
    fn new(key: ssh_key::Model, urls: &Urls) -> Self {
        PublicKey {
            url: format!("{}/user/keys/{}", urls.api, key.id),
            id: key.id,
            key: key.public_key,
            title: key.name,
            fingerprint: key.fingerprint,
            created_at: key.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            last_used: key
                .last_used_at
                .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
            verified: true,
            read_only: false,
        }
    }
}

#[utoipa::path(get, path = "/user/keys", tag = TAG,
    responses((status = 200, body = [PublicKey]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list_keys(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
) -> ApiResult<Json<Vec<PublicKey>>> {
    let user = viewer.require(Scope::UserRead)?;
    let keys = state.ssh_keys.list(user.id).await?;
    Ok(Json(
        keys.into_iter().map(|k| PublicKey::new(k, &urls)).collect(),
    ))
}

#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct CreateKeyBody {
    /// A name for the key.
    title: String,
    /// The public key: one line, as in `~/.ssh/id_ed25519.pub`.
    key: String,
}

#[utoipa::path(post, path = "/user/keys", tag = TAG, request_body = CreateKeyBody,
    responses((status = 201, body = PublicKey), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_key(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    body: JsonObject,
) -> ApiResult<Response> {
    let user = viewer.require(Scope::UserWrite)?;
    let key = body
        .string("PublicKey", "key")?
        .ok_or_else(|| ApiError::from(missing("key")))?;
    let title = body
        .string("PublicKey", "title")?
        .ok_or_else(|| ApiError::from(missing("title")))?;
    let created = state.ssh_keys.add(user.id, &title, &key).await?;
    Ok((StatusCode::CREATED, Json(PublicKey::new(created, &urls))).into_response())
}

/// A key id from the path: anything that is not one (too large, not a number) names no
/// key.
fn key_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found())
}

fn missing(field: &str) -> app::Error {
    app::Error::Validation(vec![app::error::FieldError::new(
        "PublicKey",
        field,
        "missing_field",
        format!("{field} is required"),
    )])
}

#[utoipa::path(get, path = "/user/keys/{key_id}", tag = TAG, params(("key_id" = i64, Path)),
    responses((status = 200, body = PublicKey), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn get_key(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    Path(id): Path<String>,
) -> ApiResult<Json<PublicKey>> {
    let user = viewer.require(Scope::UserRead)?;
    let key = state.ssh_keys.get(user.id, key_id(&id)?).await?;
    Ok(Json(PublicKey::new(key, &urls)))
}

#[utoipa::path(delete, path = "/user/keys/{key_id}", tag = TAG, params(("key_id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn delete_key(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let user = viewer.require(Scope::UserWrite)?;
    state.ssh_keys.remove(user.id, key_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
