//! Opengist's endpoints, alongside GitHub's: "liked" is Opengist's word for starred,
//! forks listed by who made them, one file of one revision, and a user by number.
//! Each is a thin door onto the same services and listing rules as GitHub's routes, so
//! what a caller may see is decided where it is for every other list.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use app::access::Viewer;
use app::services::listing::ListScope;
use app::state::AppState;

use super::error::{ApiError, ApiResult, ErrorBody};
use super::gists::{check_star, encoding, gist_page, revision, star, unstar};
use super::pagination::PageParams;
use super::urls::Urls;
use super::views::{Gist, GistFile, SimpleUser};

const TAG: &str = "opengist";

/// The gists the caller starred (Opengist's name for `/gists/starred`).
#[utoipa::path(get, path = "/gists/liked", tag = TAG, params(PageParams),
    responses((status = 200, body = [Gist]), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn liked_gists(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    uri: OriginalUri,
    params: PageParams,
) -> ApiResult<Response> {
    let user = viewer.require_user()?;
    let scope = ListScope::Starred(user.id);
    gist_page(&state, &urls, &uri, &params, scope, viewer.reader()).await
}

/// The forks the caller made, all of them whatever their visibility.
#[utoipa::path(get, path = "/gists/forked", tag = TAG, params(PageParams),
    responses((status = 200, body = [Gist]), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn forked_gists(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    uri: OriginalUri,
    params: PageParams,
) -> ApiResult<Response> {
    let user = viewer.require_user()?;
    let scope = ListScope::ForksBy(user.id);
    gist_page(&state, &urls, &uri, &params, scope, viewer.reader()).await
}

/// The gists a user starred that the caller may see.
#[utoipa::path(get, path = "/users/{username}/starred", tag = TAG, params(("username" = String, Path), PageParams),
    responses((status = 200, body = [Gist]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn user_starred(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    uri: OriginalUri,
    Path(username): Path<String>,
    params: PageParams,
) -> ApiResult<Response> {
    let user = state.users.get_by_username(&username).await?;
    let scope = ListScope::Starred(user.id);
    gist_page(&state, &urls, &uri, &params, scope, viewer.reader()).await
}

/// Opengist's name for `/users/{username}/starred`.
#[utoipa::path(get, path = "/users/{username}/liked", tag = TAG, params(("username" = String, Path), PageParams),
    responses((status = 200, body = [Gist]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn user_liked(
    state: State<AppState>,
    viewer: Viewer,
    urls: Urls,
    uri: OriginalUri,
    username: Path<String>,
    params: PageParams,
) -> ApiResult<Response> {
    user_starred(state, viewer, urls, uri, username, params).await
}

/// The forks a user made: public ones, or all of them for that user.
#[utoipa::path(get, path = "/users/{username}/forked", tag = TAG, params(("username" = String, Path), PageParams),
    responses((status = 200, body = [Gist]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn user_forked(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    uri: OriginalUri,
    Path(username): Path<String>,
    params: PageParams,
) -> ApiResult<Response> {
    let user = state.users.get_by_username(&username).await?;
    let scope = ListScope::ForksBy(user.id);
    gist_page(&state, &urls, &uri, &params, scope, viewer.reader()).await
}

/// 204 if the caller liked (starred) the gist, 404 if not.
#[utoipa::path(get, path = "/gists/{gist_id}/like", tag = TAG, params(("gist_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn check_like(
    state: State<AppState>,
    viewer: Viewer,
    id: Path<String>,
) -> ApiResult<StatusCode> {
    check_star(state, viewer, id).await
}

/// Likes (stars) the gist.
#[utoipa::path(put, path = "/gists/{gist_id}/like", tag = TAG, params(("gist_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn like(
    state: State<AppState>,
    viewer: Viewer,
    id: Path<String>,
) -> ApiResult<StatusCode> {
    star(state, viewer, id).await
}

/// Takes the like (star) back.
#[utoipa::path(delete, path = "/gists/{gist_id}/like", tag = TAG, params(("gist_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn unlike(
    state: State<AppState>,
    viewer: Viewer,
    id: Path<String>,
) -> ApiResult<StatusCode> {
    unstar(state, viewer, id).await
}

/// One file of a gist at a revision, with its content (base64 when binary or asked for
/// with `Accept: application/vnd.github.base64`; cut at 1 MiB, `raw_url` has it whole).
#[utoipa::path(get, path = "/gists/{gist_id}/files/{sha}/{filename}", tag = TAG,
    params(("gist_id" = String, Path), ("sha" = String, Path, pattern = "^[0-9a-fA-F]{4,40}$"), ("filename" = String, Path)),
    responses((status = 200, body = GistFile), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn get_file(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    headers: HeaderMap,
    Path((id, sha, filename)): Path<(String, String, String)>,
) -> ApiResult<Json<GistFile>> {
    let sha = revision(&sha)?;
    let detail = state.gists.get_at(viewer.reader(), &id, Some(&sha)).await?;
    let file = detail
        .contents
        .iter()
        .find(|f| f.name == filename)
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(GistFile::full(
        &detail,
        file,
        encoding(&headers),
        &urls,
    )))
}

/// A user by number (GitHub's `GET /user/{account_id}`).
#[utoipa::path(get, path = "/user/{account_id}", tag = TAG, params(("account_id" = i64, Path, minimum = 1)),
    responses((status = 200, body = SimpleUser), (status = 404, body = ErrorBody)))]
pub async fn user_by_id(
    State(state): State<AppState>,
    urls: Urls,
    Path(account_id): Path<String>,
) -> ApiResult<Json<SimpleUser>> {
    // Not a number, or out of range: nobody has that id.
    let id: i64 = account_id.parse().map_err(|_| ApiError::not_found())?;
    let user = state.users.get_by_id(id).await?;
    Ok(Json(SimpleUser::new(&user, &urls)))
}
