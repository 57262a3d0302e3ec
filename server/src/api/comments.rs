//! `/gists/{id}/comments`: Markdown comments on a gist.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use app::rules::Scope;
use app::state::AppState;

use super::body::JsonObject;
use super::error::{ApiError, ApiResult, ErrorBody};
use super::pagination::{PageParams, headers as page_headers};
use super::urls::Urls;
use super::views::Comment;
use app::access::Viewer;

const TAG: &str = "comments";

#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct CommentBody {
    /// Markdown; not empty.
    #[schema(min_length = 1, pattern = r"\S")]
    body: String,
}

fn body_of(body: &JsonObject) -> Result<String, ApiError> {
    body.string("GistComment", "body")?.ok_or_else(|| {
        app::Error::Validation(vec![app::FieldError::new(
            "GistComment",
            "body",
            "missing_field",
            "body is required",
        )])
        .into()
    })
}

fn comment_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found())
}

#[utoipa::path(get, path = "/gists/{gist_id}/comments", tag = TAG, params(("gist_id" = String, Path), PageParams),
    responses((status = 200, body = [Comment]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list_comments(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    uri: OriginalUri,
    Path(id): Path<String>,
    params: PageParams,
) -> ApiResult<Response> {
    let paging = params.parse()?;
    let viewer = viewer.reader();
    let gist = state.gists.find(viewer, &id).await?;
    let comments = state.comments.clone();
    let page = comments
        .list(viewer, &id, paging.page, paging.per_page)
        .await?;
    let body: Vec<Comment> = page
        .items
        .iter()
        .map(|c| Comment::new(c, gist.owner_id, &urls))
        .collect();
    let base = format!("{}{}", urls.web, uri.path());
    Ok((
        page_headers(&base, uri.query(), page.page, page.per_page, page.total),
        Json(body),
    )
        .into_response())
}

#[utoipa::path(post, path = "/gists/{gist_id}/comments", tag = TAG, params(("gist_id" = String, Path)), request_body = CommentBody,
    responses((status = 201, body = Comment), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_comment(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    Path(id): Path<String>,
    body: JsonObject,
) -> ApiResult<Response> {
    let user = viewer.require(Scope::GistWrite)?;
    let text = body_of(&body)?;
    let gist = state.gists.find(Some(user.id), &id).await?;
    let view = state.comments.create(user, &id, &text).await?;
    let comment = Comment::new(&view, gist.owner_id, &urls);
    let mut response = (StatusCode::CREATED, Json(&comment)).into_response();
    if let Ok(location) = HeaderValue::from_str(&comment.url) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

#[utoipa::path(get, path = "/gists/{gist_id}/comments/{comment_id}", tag = TAG,
    params(("gist_id" = String, Path), ("comment_id" = i64, Path)),
    responses((status = 200, body = Comment), (status = 404, body = ErrorBody)))]
pub async fn get_comment(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    Path((id, cid)): Path<(String, String)>,
) -> ApiResult<Json<Comment>> {
    let viewer = viewer.reader();
    let gist = state.gists.find(viewer, &id).await?;
    let view = state.comments.get(viewer, &id, comment_id(&cid)?).await?;
    Ok(Json(Comment::new(&view, gist.owner_id, &urls)))
}

#[utoipa::path(patch, path = "/gists/{gist_id}/comments/{comment_id}", tag = TAG,
    params(("gist_id" = String, Path), ("comment_id" = i64, Path)), request_body = CommentBody,
    responses((status = 200, body = Comment), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_comment(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    Path((id, cid)): Path<(String, String)>,
    body: JsonObject,
) -> ApiResult<Json<Comment>> {
    let user = viewer.require(Scope::GistWrite)?;
    let text = body_of(&body)?;
    let gist = state.gists.find(Some(user.id), &id).await?;
    let view = state
        .comments
        .edit(user, &id, comment_id(&cid)?, &text)
        .await?;
    Ok(Json(Comment::new(&view, gist.owner_id, &urls)))
}

#[utoipa::path(delete, path = "/gists/{gist_id}/comments/{comment_id}", tag = TAG,
    params(("gist_id" = String, Path), ("comment_id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_comment(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, cid)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let user = viewer.require(Scope::GistWrite)?;
    state.comments.delete(user, &id, comment_id(&cid)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
