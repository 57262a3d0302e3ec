//! `/gists`: list, create, read, edit, delete, history, forks and stars.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use app::rules::Comments;
use app::rules::lifecycle::parse_expiry;
use app::rules::{Scope, Visibility};
use app::services::gists::{GistDetail, GistUpdate, NewGist, Settings};
use app::services::listing::{ListQuery, ListScope};
use app::state::AppState;

use super::body::JsonObject;
use super::error::{ApiError, ApiResult, ErrorBody};
use super::pagination::{PageParams, headers as page_headers};
use super::urls::Urls;
use super::views::{Commit, ContentEncoding, ForkItem, FullGist, Gist, SimpleUser, timestamp};
use app::access::Viewer;

const TAG: &str = "gists";

/// A page of gists with the pagination headers.
pub(super) async fn gist_page(
    state: &AppState,
    urls: &Urls,
    uri: &OriginalUri,
    params: &PageParams,
    scope: ListScope,
    viewer: Option<i64>,
) -> ApiResult<Response> {
    let paging = params.parse()?;
    let mut query = ListQuery::new(scope, viewer).page(paging.page, paging.per_page);
    query.since = paging.since;
    let page = state.gists.list(&query).await?;
    let base = format!("{}{}", urls.web, uri.path());
    let headers = page_headers(&base, uri.query(), page.page, page.per_page, page.total);
    let body: Vec<Gist> = page.items.iter().map(|s| Gist::new(s, urls)).collect();
    Ok((headers, Json(body)).into_response())
}

pub(super) fn encoding(headers: &HeaderMap) -> ContentEncoding {
    let base64 = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.to_ascii_lowercase().contains("base64"));
    if base64 {
        ContentEncoding::Base64
    } else {
        ContentEncoding::Utf8
    }
}

/// The full body of one gist at one revision: files, forks, history, parent.
pub(super) async fn full_gist(
    state: &AppState,
    viewer: Option<i64>,
    detail: &GistDetail,
    urls: &Urls,
    encoding: ContentEncoding,
) -> ApiResult<FullGist> {
    let id = &detail.summary.gist.id;
    let (commits, _) = state.gists.history_of(&detail.summary.gist, 1, 100).await?;
    let history = commits
        .iter()
        .map(|c| Commit::new(id, c, &detail.summary.owner, urls))
        .collect();
    // The row counts its forks: most gists have none, and need no query for them.
    let fork_rows = if detail.summary.gist.fork_count > 0 {
        state
            .gists
            .list(&ListQuery::new(ListScope::Forks(id.clone()), viewer).page(1, 100))
            .await?
            .items
    } else {
        Vec::new()
    };
    let forks = fork_rows
        .iter()
        .map(|f| ForkItem {
            id: f.gist.id.clone(),
            url: urls.gist(&f.gist.id),
            user: SimpleUser::new(&f.owner, urls),
            created_at: timestamp(f.gist.created_at),
            updated_at: timestamp(f.gist.updated_at),
        })
        .collect();
    let fork_of = match &detail.summary.gist.fork_of {
        Some(parent) => state
            .gists
            .summary(viewer, parent)
            .await
            .ok()
            .map(|s| Gist::new(&s, urls)),
        None => None,
    };
    Ok(FullGist::new(
        detail, forks, history, fork_of, encoding, urls,
    ))
}

/// A revision named in a path: a full or abbreviated commit id, 4-40 hex digits.
pub(super) fn revision(sha: &str) -> Result<String, ApiError> {
    if !(4..=40).contains(&sha.len()) || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::invalid(
            "Gist",
            "sha",
            "sha must be 4 to 40 hexadecimal digits",
        ));
    }
    Ok(sha.to_ascii_lowercase())
}

fn created(location: String, body: FullGist) -> Response {
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// Lists the caller's gists (all of them with `gist:read`), or all public gists anonymously.
#[utoipa::path(get, path = "/gists", tag = TAG, params(PageParams),
    responses((status = 200, body = [Gist]), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list_gists(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    uri: OriginalUri,
    params: PageParams,
) -> ApiResult<Response> {
    let scope = match viewer.user() {
        Some(user) => ListScope::User(user.id),
        None => ListScope::Public,
    };
    gist_page(&state, &urls, &uri, &params, scope, viewer.reader()).await
}

/// All public gists, most recently updated first.
#[utoipa::path(get, path = "/gists/public", tag = TAG, params(PageParams),
    responses((status = 200, body = [Gist]), (status = 422, body = ErrorBody)))]
pub async fn public_gists(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    uri: OriginalUri,
    params: PageParams,
) -> ApiResult<Response> {
    gist_page(
        &state,
        &urls,
        &uri,
        &params,
        ListScope::Public,
        viewer.reader(),
    )
    .await
}

/// The gists the caller starred (`/gists/liked` is an alias).
#[utoipa::path(get, path = "/gists/starred", tag = TAG, params(PageParams),
    responses((status = 200, body = [Gist]), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn starred_gists(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    uri: OriginalUri,
    params: PageParams,
) -> ApiResult<Response> {
    let user = viewer.require_user()?;
    gist_page(
        &state,
        &urls,
        &uri,
        &params,
        ListScope::Starred(user.id),
        viewer.reader(),
    )
    .await
}

#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct NewFile {
    /// Must not be empty or only white space.
    #[schema(min_length = 1, pattern = r"\S")]
    content: String,
    /// The file's language (an addition to GitHub's API): one of the server's languages
    /// (GitHub's names); absent or null for what the name implies.
    language: Option<String>,
}

#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct CreateGistBody {
    description: Option<String>,
    /// Opengist's title.
    title: Option<String>,
    /// GitHub's flag: true is public, false unlisted. `"true"`/`"false"` work too.
    #[schema(value_type = Option<bool>)]
    public: Option<serde_json::Value>,
    /// Opengist's `public`, `unlisted` or `private`; wins over `public`.
    visibility: Option<String>,
    topics: Option<Vec<String>>,
    files: std::collections::BTreeMap<String, NewFile>,
    /// When the gist stops existing (RFC 3339, in the future, within the instance's
    /// maximum); `null`: never.
    #[schema(value_type = Option<String>, format = DateTime)]
    expires_at: Option<String>,
    /// The custom URL: `/{owner}/{slug}` (1-64 of letters, digits, `-`, `_`; not all hex).
    #[schema(pattern = "^[A-Za-z0-9_-]{1,64}$")]
    slug: Option<String>,
    /// `open` (default), `closed` (no new comments) or `hidden` (none shown either).
    comments_mode: Option<String>,
}

/// Creates a gist: one commit with the given files.
#[utoipa::path(post, path = "/gists", tag = TAG, request_body = CreateGistBody,
    responses((status = 201, body = FullGist), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_gist(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    headers: HeaderMap,
    body: JsonObject,
) -> ApiResult<Response> {
    let user = viewer.require(Scope::GistWrite)?;
    let visibility_field = body.string("Gist", "visibility")?;
    let visibility = Visibility::from_request(body.0.get("public"), visibility_field.as_deref())
        .map_err(|e| app::Error::Validation(vec![e]))?;
    let new = NewGist {
        title: body.string("Gist", "title")?.unwrap_or_default(),
        description: body.string("Gist", "description")?.unwrap_or_default(),
        visibility,
        topics: body.string_list("Gist", "topics")?.unwrap_or_default(),
        files: body.new_files()?,
    };
    let settings = settings(&state, &body)?;
    let detail = state.gists.create_with(user, new, settings).await?;
    let full = full_gist(&state, Some(user.id), &detail, &urls, encoding(&headers)).await?;
    Ok(created(urls.gist(&detail.summary.gist.id), full))
}

/// One gist with its files at the newest revision.
#[utoipa::path(get, path = "/gists/{gist_id}", tag = TAG, params(("gist_id" = String, Path)),
    responses((status = 200, body = FullGist), (status = 404, body = ErrorBody)))]
pub async fn get_gist(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let viewer = viewer.reader();
    let detail = state.gists.get(viewer, &id).await?;
    let modified = httpdate::fmt_http_date(detail.summary.gist.updated_at.into());
    let body = full_gist(&state, viewer, &detail, &urls, encoding(&headers)).await?;
    Ok(([(header::LAST_MODIFIED, modified)], Json(body)).into_response())
}

/// One gist at a revision (full or abbreviated commit id, 4-40 hex digits).
#[utoipa::path(get, path = "/gists/{gist_id}/{sha}", tag = TAG, params(("gist_id" = String, Path), ("sha" = String, Path, pattern = "^[0-9a-fA-F]{4,40}$")),
    responses((status = 200, body = FullGist), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn get_revision(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    headers: HeaderMap,
    Path((id, sha)): Path<(String, String)>,
) -> ApiResult<Json<FullGist>> {
    let viewer = viewer.reader();
    let detail = state
        .gists
        .get_at(viewer, &id, Some(&revision(&sha)?))
        .await?;
    Ok(Json(
        full_gist(&state, viewer, &detail, &urls, encoding(&headers)).await?,
    ))
}

#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct FileUpdate {
    /// New name (rename).
    filename: Option<String>,
    /// New content; empty deletes the file.
    content: Option<String>,
    /// The file's language (an addition to GitHub's API): one of the server's languages
    /// (GitHub's names), or null for what the name implies. Alone, it makes no commit.
    language: Option<String>,
}

#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct UpdateGistBody {
    description: Option<String>,
    title: Option<String>,
    visibility: Option<String>,
    topics: Option<Vec<String>>,
    /// Keyed by current file name. `{}`, `null` or empty content deletes a file; a name
    /// that is not in the gist, given content, adds one. Files not named are kept.
    files: Option<std::collections::BTreeMap<String, FileUpdate>>,
    /// RFC 3339; `null` removes the expiry.
    #[schema(value_type = Option<String>, format = DateTime)]
    expires_at: Option<String>,
    /// The custom URL; `null` removes it (the old URL then answers 404).
    #[schema(pattern = "^[A-Za-z0-9_-]{1,64}$")]
    slug: Option<String>,
    /// `open`, `closed` or `hidden`.
    comments_mode: Option<String>,
    /// Archive (read-only: edits answer 409) or unarchive the gist.
    archived: Option<bool>,
}

/// The lifecycle fields of a create or update body (`expires_at`, `slug`,
/// `comments_mode`), checked by the shared rules.
fn settings(state: &AppState, body: &JsonObject) -> ApiResult<Settings> {
    let invalid = |e| ApiError::from(app::Error::Validation(vec![e]));
    let expires_at = match body.nullable_string("Gist", "expires_at")? {
        None => None,
        Some(None) => Some(None),
        Some(Some(text)) => Some(
            parse_expiry(&text, chrono::Utc::now(), state.gists.max_expiry()).map_err(invalid)?,
        ),
    };
    let slug = match body.nullable_string("Gist", "slug")? {
        Some(Some(slug)) if slug.trim().is_empty() => Some(None),
        other => other,
    };
    let comments = body
        .string("Gist", "comments_mode")?
        .map(|mode| Comments::parse(&mode))
        .transpose()
        .map_err(invalid)?;
    Ok(Settings {
        expires_at,
        slug,
        comments,
        languages: body.file_languages()?,
    })
}

/// Edits a gist (one commit). `POST` does the same, as `gh` and the `gist` gem send it.
#[utoipa::path(method(patch, post), path = "/gists/{gist_id}", tag = TAG, params(("gist_id" = String, Path)), request_body = UpdateGistBody,
    responses((status = 200, body = FullGist), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_gist(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: JsonObject,
) -> ApiResult<Json<FullGist>> {
    let user = viewer.require(Scope::GistWrite)?;
    let visibility = body
        .string("Gist", "visibility")?
        .map(|v| Visibility::parse(&v))
        .transpose()
        .map_err(|e| app::Error::Validation(vec![e]))?;
    let update = GistUpdate {
        title: body.string("Gist", "title")?,
        description: body.string("Gist", "description")?,
        visibility,
        topics: body.string_list("Gist", "topics")?,
        files: body.file_changes()?,
    };
    let settings = settings(&state, &body)?;
    let archived = body.boolean("Gist", "archived")?;
    let changes = update.title.is_some()
        || update.description.is_some()
        || update.visibility.is_some()
        || update.topics.is_some()
        || update.files.is_some()
        || settings != Settings::default();
    // Unarchive before, archive after the other changes: one request can do both.
    if archived == Some(false) {
        state.gists.set_archived(user, &id, false).await?;
    }
    let detail = if changes || archived.is_none() {
        Some(
            state
                .gists
                .update_with(user, &id, None, update, settings)
                .await?,
        )
    } else {
        None
    };
    if archived == Some(true) {
        state.gists.set_archived(user, &id, true).await?;
    }
    let detail = match detail {
        Some(detail) if archived != Some(true) => detail,
        _ => state.gists.get(Some(user.id), &id).await?,
    };
    Ok(Json(
        full_gist(&state, Some(user.id), &detail, &urls, encoding(&headers)).await?,
    ))
}

#[utoipa::path(delete, path = "/gists/{gist_id}", tag = TAG, params(("gist_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_gist(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let user = viewer.require(Scope::GistWrite)?;
    state.gists.delete(user, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The revisions of a gist, newest first.
#[utoipa::path(get, path = "/gists/{gist_id}/commits", tag = TAG, params(("gist_id" = String, Path), PageParams),
    responses((status = 200, body = [Commit]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn gist_commits(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    uri: OriginalUri,
    Path(id): Path<String>,
    params: PageParams,
) -> ApiResult<Response> {
    let paging = params.parse()?;
    let viewer = viewer.reader();
    let summary = state.gists.summary(viewer, &id).await?;
    let (commits, total) = state
        .gists
        .history(viewer, &id, paging.page, paging.per_page)
        .await?;
    let body: Vec<Commit> = commits
        .iter()
        .map(|c| Commit::new(&id, c, &summary.owner, &urls))
        .collect();
    let base = format!("{}{}", urls.web, uri.path());
    Ok((
        page_headers(&base, uri.query(), paging.page, paging.per_page, total),
        Json(body),
    )
        .into_response())
}

/// The forks of a gist.
#[utoipa::path(get, path = "/gists/{gist_id}/forks", tag = TAG, params(("gist_id" = String, Path), PageParams),
    responses((status = 200, body = [Gist]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn gist_forks(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    uri: OriginalUri,
    Path(id): Path<String>,
    params: PageParams,
) -> ApiResult<Response> {
    let viewer = viewer.reader();
    state.gists.find(viewer, &id).await?;
    gist_page(&state, &urls, &uri, &params, ListScope::Forks(id), viewer).await
}

/// Forks a gist for the caller; forking one's own gist is refused.
#[utoipa::path(post, path = "/gists/{gist_id}/forks", tag = TAG, params(("gist_id" = String, Path)),
    responses((status = 201, body = FullGist), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn fork_gist(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let user = viewer.require(Scope::GistWrite)?;
    let detail = state.gists.fork(user, &id).await?;
    let full = full_gist(&state, Some(user.id), &detail, &urls, encoding(&headers)).await?;
    Ok(created(urls.gist(&detail.summary.gist.id), full))
}

/// 204 if the caller starred the gist, 404 if not.
#[utoipa::path(get, path = "/gists/{gist_id}/star", tag = TAG, params(("gist_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn check_star(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let user = viewer.require_user()?;
    if state.gists.is_starred(user, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}

#[utoipa::path(put, path = "/gists/{gist_id}/star", tag = TAG, params(("gist_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn star(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let user = viewer.require(Scope::UserWrite)?;
    state.gists.star(user, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/gists/{gist_id}/star", tag = TAG, params(("gist_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn unstar(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let user = viewer.require(Scope::UserWrite)?;
    state.gists.unstar(user, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
