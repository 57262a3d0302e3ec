//! `/users/{username}`, `/users/{username}/gists` and `/user`.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::response::Response;

use app::rules::Scope;
use app::services::listing::ListScope;
use app::services::users::ProfileUpdate;
use app::state::AppState;

use super::body::JsonObject;
use super::error::{ApiResult, ErrorBody};
use super::gists::gist_page;
use super::pagination::PageParams;
use super::urls::Urls;
use super::views::{Gist, PrivateUser, SimpleUser};
use app::access::Viewer;

const TAG: &str = "users";

#[utoipa::path(get, path = "/users/{username}", tag = TAG, params(("username" = String, Path)),
    responses((status = 200, body = SimpleUser), (status = 404, body = ErrorBody)))]
pub async fn get_user(
    State(state): State<AppState>,
    urls: Urls,
    Path(username): Path<String>,
) -> ApiResult<Json<SimpleUser>> {
    let user = state.users.get_by_username(&username).await?;
    Ok(Json(SimpleUser::new(&user, &urls)))
}

/// A user's public gists; all of them when the caller is that user with `gist:read`.
#[utoipa::path(get, path = "/users/{username}/gists", tag = TAG, params(("username" = String, Path), PageParams),
    responses((status = 200, body = [Gist]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn user_gists(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    uri: OriginalUri,
    Path(username): Path<String>,
    params: PageParams,
) -> ApiResult<Response> {
    let user = state.users.get_by_username(&username).await?;
    gist_page(
        &state,
        &urls,
        &uri,
        &params,
        ListScope::User(user.id),
        viewer.reader(),
    )
    .await
}

/// The caller's own account.
#[utoipa::path(get, path = "/user", tag = TAG,
    responses((status = 200, body = PrivateUser), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn me(viewer: Viewer, urls: Urls) -> ApiResult<Json<PrivateUser>> {
    let user = viewer.require(Scope::UserRead)?;
    Ok(Json(PrivateUser::new(user, &urls)))
}

#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct UpdateUserBody {
    name: Option<String>,
    email: Option<String>,
    bio: Option<String>,
    /// A new username; 409 if taken.
    login: Option<String>,
}

#[utoipa::path(patch, path = "/user", tag = TAG, request_body = UpdateUserBody,
    responses((status = 200, body = PrivateUser), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_me(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    body: JsonObject,
) -> ApiResult<Json<PrivateUser>> {
    let user = viewer.require(Scope::UserWrite)?;
    let update = ProfileUpdate {
        commit_email_public: None,
        username: body.string("User", "login")?,
        display_name: body.string("User", "name")?,
        email: body.string("User", "email")?,
        bio: body.string("User", "bio")?,
    };
    let updated = state.users.update_profile(user.id, update).await?;
    Ok(Json(PrivateUser::new(&updated, &urls)))
}

/// The gists a user pinned to their profile, in their order (public ones only).
#[utoipa::path(get, path = "/users/{username}/pinned", tag = TAG, params(("username" = String, Path)),
    responses((status = 200, body = [Gist]), (status = 404, body = ErrorBody)))]
pub async fn pinned_gists(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    Path(username): Path<String>,
) -> ApiResult<Json<Vec<Gist>>> {
    let user = state.users.get_by_username(&username).await?;
    let pinned = state.gists.pinned(user.id, viewer.reader()).await?;
    Ok(Json(pinned.iter().map(|s| Gist::new(s, &urls)).collect()))
}

#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct PinsBody {
    /// At most 6 of the caller's public gists, in the order the profile shows them;
    /// every other gist is unpinned.
    #[schema(max_items = 6)]
    gist_ids: Vec<String>,
}

/// Sets the caller's pinned gists.
#[utoipa::path(put, path = "/user/pinned", tag = TAG, request_body = PinsBody,
    responses((status = 200, body = [Gist]), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_pinned(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    body: JsonObject,
) -> ApiResult<Json<Vec<Gist>>> {
    let user = viewer.require(Scope::UserWrite)?;
    let ids = body.string_list("User", "gist_ids")?.ok_or_else(|| {
        super::error::ApiError::from(app::Error::Validation(vec![app::error::FieldError::new(
            "User",
            "gist_ids",
            "missing_field",
            "gist_ids must list the gists to pin",
        )]))
    })?;
    state.gists.set_pins(user, &ids).await?;
    let pinned = state.gists.pinned(user.id, Some(user.id)).await?;
    Ok(Json(pinned.iter().map(|s| Gist::new(s, &urls)).collect()))
}
