//! The REST API: GitHub's gist API shapes with Opengist's extras, mounted at `/api` and,
//! for GitHub Enterprise clients, at `/api/v3`. Handlers are thin: parse, call a
//! service, shape the answer.

mod body;
mod comments;
pub(crate) mod error;
mod gists;
mod graphql;
mod keys;
mod opengist;
mod pagination;
mod search;
mod urls;
mod users;
mod views;

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use app::state::AppState;

pub use error::ApiError;

#[derive(OpenApi)]
#[openapi(
    info(title = "Gistful API", description = "GitHub's gist API, with Opengist's extras. Authenticate with `Authorization: Bearer og_...` (or `token og_...`)."),
    servers((url = "/api"), (url = "/api/v3")),
    tags((name = "gists"), (name = "comments"), (name = "search"), (name = "users"), (name = "opengist", description = "Opengist's endpoints, alongside GitHub's"))
)]
struct ApiDoc;

/// The routes and their OpenAPI description, from one list.
fn routes() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(gists::list_gists, gists::create_gist))
        .routes(routes!(gists::public_gists))
        .routes(routes!(gists::starred_gists))
        .routes(routes!(opengist::liked_gists))
        .routes(routes!(opengist::forked_gists))
        .routes(routes!(
            gists::get_gist,
            gists::update_gist,
            gists::delete_gist
        ))
        .routes(routes!(gists::get_revision))
        .routes(routes!(gists::gist_commits))
        .routes(routes!(gists::gist_forks, gists::fork_gist))
        .routes(routes!(gists::check_star, gists::star, gists::unstar))
        .routes(routes!(
            opengist::check_like,
            opengist::like,
            opengist::unlike
        ))
        .routes(routes!(opengist::get_file))
        .routes(routes!(comments::list_comments, comments::create_comment))
        .routes(routes!(
            comments::get_comment,
            comments::update_comment,
            comments::delete_comment
        ))
        .routes(routes!(search::search_gists))
        .routes(routes!(users::get_user))
        .routes(routes!(users::user_gists))
        .routes(routes!(opengist::user_starred))
        .routes(routes!(opengist::user_liked))
        .routes(routes!(opengist::user_forked))
        .routes(routes!(opengist::user_by_id))
        .routes(routes!(users::pinned_gists))
        .routes(routes!(users::set_pinned))
        .routes(routes!(users::me, users::update_me))
        .routes(routes!(keys::list_keys, keys::create_key))
        .routes(routes!(keys::get_key, keys::delete_key))
        // GraphQL has its own schema, not an OpenAPI operation.
        .route(
            "/graphql",
            axum::routing::post(graphql::execute)
                .layer(axum::extract::DefaultBodyLimit::max(graphql::BODY_MAX)),
        )
        .split_for_parts()
}

/// The OpenAPI document, as served at `/api/openapi.yaml`.
pub fn openapi_yaml() -> String {
    routes().1.to_yaml().unwrap_or_default()
}

pub fn router() -> Router<AppState> {
    let (api, _) = routes();
    let yaml: Arc<str> = openapi_yaml().into();
    let api = api
        .route(
            "/openapi.yaml",
            get(move || {
                let yaml = yaml.clone();
                async move {
                    (
                        [(header::CONTENT_TYPE, "application/yaml")],
                        yaml.to_string(),
                    )
                }
            }),
        )
        .fallback(|| async { ApiError::not_found() })
        .method_not_allowed_fallback(|| async {
            ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
        })
        .layer(middleware::from_fn(finish));
    Router::new().nest("/api/v3", api.clone()).nest("/api", api)
}

/// After every API request: JSON says its charset; a GET answer gets an ETag, and a
/// matching `If-None-Match` (or, without one, an `If-Modified-Since` not older than
/// `Last-Modified`) gets 304.
async fn finish(req: Request, next: Next) -> Response {
    let conditional = (req.method() == Method::GET)
        .then(|| req.headers().get(header::IF_NONE_MATCH).cloned())
        .flatten();
    let modified_since = req
        .headers()
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v).ok());
    let is_get = req.method() == Method::GET;
    let mut response = next.run(req).await;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if is_json {
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
    }
    if !is_get || response.status() != StatusCode::OK {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "Internal server error")
            .into_response();
    };
    let digest = Sha256::digest(&bytes);
    let etag = format!("W/\"{}\"", hex::encode(&digest[..16]));
    let matches = match &conditional {
        Some(tags) => tags.to_str().is_ok_and(|v| {
            v.split(',')
                .any(|tag| tag.trim() == etag || tag.trim() == "*")
        }),
        None => {
            let last_modified = parts
                .headers
                .get(header::LAST_MODIFIED)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| httpdate::parse_http_date(v).ok());
            matches!((last_modified, modified_since), (Some(at), Some(since)) if at <= since)
        }
    };
    if let Ok(value) = HeaderValue::from_str(&etag) {
        parts.headers.insert(header::ETAG, value);
    }
    if matches {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_TYPE);
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_lists_every_route() {
        let yaml = openapi_yaml();
        assert!(yaml.starts_with("openapi: 3.1"), "{}", &yaml[..40]);
        for path in [
            "/gists:",
            "/gists/public:",
            "/gists/starred:",
            "/gists/{gist_id}:",
            "/gists/{gist_id}/{sha}:",
            "/gists/{gist_id}/commits:",
            "/gists/{gist_id}/forks:",
            "/gists/{gist_id}/star:",
            "/gists/{gist_id}/comments:",
            "/gists/{gist_id}/comments/{comment_id}:",
            "/users/{username}:",
            "/users/{username}/gists:",
            "/user:",
            "/user/keys:",
            "/user/keys/{key_id}:",
            "/users/{username}/pinned:",
            "/user/pinned:",
        ] {
            assert!(yaml.contains(&format!("\n  {path}\n")), "missing {path}");
        }
    }
}
